"""Text-message spellings: pure functions."""

from __future__ import annotations

import pytest

from o2r_assistant.spelling import accents, clippings, determined, one_slip, spelled_out


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "c koi le seuil mini du budget pr l'AMI ?",
            "c koi le seuil minimum du budget pour l'AMI ?",
        ),
        ("Pr le budget, cb faut-il ?", "Pour le budget, combien faut-il ?"),
        ("on peut suivre qqun cmbien de tps ?", "on peut suivre quelqu'un combien de temps ?"),
        ("what r the 3 missions?", "what are the 3 missions?"),
        ("can u tell me abt the budget pls", "can you tell me about the budget please"),
        (
            "faut vrmt avoir de l'xp ds l'insertion ?",
            "faut vraiment avoir de l'expérience dans l'insertion ?",
        ),
        (
            "ils ont la sécu pendant le parcours ?",
            "ils ont la sécurité sociale pendant le parcours ?",
        ),
        ("min budget?? and max length", "minimum budget?? and maximum length"),
        ("c ki ki decide du calendrier ?", "c qui qui decide du calendrier ?"),
        (
            "les jeunes deja suivis par la ml on peut les prendre ?",
            "les jeunes deja suivis par la mission locale on peut les prendre ?",
        ),
        ("inscrits a FT ?", "inscrits a France Travail ?"),
        (
            "quick q before our board mtg - min total cost, and over how many yrs?",
            "quick q before our board meeting - minimum total cost, and over how many years?",
        ),
        (
            "a small org, approx 10 mths per person",
            "a small organisation, approximately 10 months per person",
        ),
        # A dash is no unit after a number word: "one" is no count of minutes here.
        ("quick one - min budget?", "quick one - minimum budget?"),
        (
            "nos jeunes ts inscrits a la mission loc, on les prend qd meme ?",
            "nos jeunes tous inscrits a la mission locale, on les prend quand meme ?",
        ),
        # "je" elided into the verb, and "pendant" clipped.
        (
            "jpeux suivre 1 jeune pdt 1 an et demi ?",
            "je peux suivre 1 jeune pendant 1 an et demi ?",
        ),
        ("jsuis perdue, on signe avc qui ?", "je suis perdue, on signe avec qui ?"),
        ("c ke pr les assos ?", "c que pour les assos ?"),
        ("il peut suivre qqun ?", "il peut suivre quelqu'un ?"),
        ("c koi la diff avec la ML ?", "c koi la différence avec la mission locale ?"),
        ("inscri nul part", "inscrit nul part"),
        ("garder chq personne 3 semestres", "garder chaque personne 3 semestres"),
        # The region by its initials, in capitals or not.
        ("les projets en PDL", "les projets en Pays de la Loire"),
        ("l'ami pdl", "l'ami Pays de la Loire"),
    ],
)
def test_text_message_spellings_are_written_out(typed, read):
    assert spelled_out(typed) == read


@pytest.mark.parametrize(
    "kept",
    [
        "NB : le budget est joint.",  # capitals: a note, not "nombre"
        "Le plan C prévoit un mini-bus.",  # part of a word
        "Voir l'annexe c, point 2.",
        "Le porteur du projet (PR) signe.",
        "A r B",  # "r" outside a question
        "Un entretien de 10 min.",  # a unit after its number
        "Parcours de 8 mois max par personne.",  # a note's bound after a duration
        "Trois trimestres max.",
        "Cordialement, Max Dupont",  # a name
        "Rendez-vous au Loc Maria.",  # capitalised: a name, not "locale"
        "Joindre le fichier en jpg ou en JSON.",  # no elided "je": too short, or capitals
    ],
)
def test_other_words_are_kept(kept):
    assert spelled_out(kept) == kept


# Corpus words with their counts, as the retriever reads them (a fake vocabulary).
_WORDS = {
    "convention": 9,
    "conventionnement": 5,
    "remobilisation": 14,
    "personnes": 24,
    "personnel": 1,
    "personne": 2,
    "parcours": 8,
    "partenariats": 3,
    "partie": 2,
}
_TARGETS = {"convention", "conventionnement", "remobilisation", "parcours", "partenariats"}


def test_a_clipped_domain_term_is_read_as_the_corpus_word_it_starts() -> None:
    clipped = clippings(_WORDS, _TARGETS)
    assert clipped["conv"] == "convention" and clipped["remob"] == "remobilisation"
    assert clipped["parten"] == "partenariats"
    # "par" is too short, "part" also starts "partie", "personne" is a word, "parcours" whole.
    assert {"par", "part", "personne", "parcours"}.isdisjoint(clipped)
    assert spelled_out("c ki signe la conv ? juste la remob ?", clipped) == (
        "c qui signe la convention ? juste la remobilisation ?"
    )
    # After a word naming the topic too ("côté", "niveau"), not after any word.
    assert spelled_out("et côté remob ? niveau conv ?", clipped) == (
        "et côté remobilisation ? niveau convention ?"
    )
    assert spelled_out("il parle de conv", clipped) == "il parle de conv"


@pytest.mark.parametrize(
    "typed",
    [
        "on est conv",  # no determiner before it: a word of its own
        "La Conv",  # typed with a capital: a name
        "la conv-entre",  # part of a hyphenated word
    ],
)
def test_a_word_not_typed_as_a_clipped_noun_is_kept(typed: str) -> None:
    assert spelled_out(typed, clippings(_WORDS, _TARGETS)) == typed


def test_the_nouns_a_clipped_word_may_stand_for_follow_a_determiner() -> None:
    assert determined("La convention vise des projets structurants et l'accompagnement.") == {
        "convention",
        "projets",
        "accompagnement",
    }


def test_a_word_typed_without_the_accents_its_stem_needs_is_written_with_them() -> None:
    counts = {"égalité": 2, "durée": 5, "chargé": 1, "publié": 1, "publie": 1, "région": 3}
    accented = accents(counts)
    # "chargé" and "région" stem as their bare spellings do; "publie" is a corpus word.
    assert accented["egalite"] == "égalité"
    assert accented["duree"] == "durée"
    assert not {"charge", "region", "publie"} & set(accented)
    assert spelled_out("la duree et l'egalite, prise en charge", accented=accented) == (
        "la durée et l'égalité, prise en charge"
    )
    # A short word is more often one of the sentence's own.
    assert spelled_out("c lesquels deja", accented={"deja": "déjà"}) == "c lesquels deja"


@pytest.mark.parametrize(
    ("typed", "word", "slip"),
    [
        ("lenght", "length", True),  # two letters swapped
        ("persn", "person", True),  # one dropped
        ("maximun", "maximum", True),  # one changed
        ("acompany", "accompany", True),
        ("prefer", "prefect", False),  # two apart
        ("older", "order", False),  # a far key
        ("length", "length", False),
    ],
)
def test_one_typing_slip(typed: str, word: str, slip: bool) -> None:
    assert one_slip(typed, word) is slip


def test_an_english_message_is_read_past_its_typing_slips() -> None:
    def misspelt(word: str) -> str | None:  # a stand-in for the retriever's reading
        return {"lenght": "length", "persn": "person"}.get(word)

    assert (
        spelled_out("whats the max lenght for one persn?", misspelt=misspelt)
        == "whats the maximum length for one person?"
    )
    # A French message keeps its words.
    assert spelled_out("le persn est là ?", misspelt=misspelt) == "le persn est là ?"


def test_an_elided_article_typed_on_to_a_word_of_the_texts_gets_its_apostrophe() -> None:
    known = frozenset({"ancrage", "emploi", "insertion", "objet", "egal", "session"})
    assert spelled_out("lancrage territorial c dans les criteres ?", known=known) == (
        "l'ancrage territorial c dans les criteres ?"
    )
    assert spelled_out("ils cherchent dinsertion ou lemploi", known=known) == (
        "ils cherchent d'insertion ou l'emploi"
    )
    # Controls: a word of the texts itself, a short rest, capitals or accents, English.
    assert spelled_out("la session et lobjet", known=known | {"session"}) == "la session et l'objet"
    assert spelled_out("est-ce legal ?", known=known) == "est-ce legal ?"
    assert spelled_out("Lemploi à Lancrage", known=known) == "Lemploi à Lancrage"
    assert spelled_out("is lemploi the point?", known=known) == "is lemploi the point?"


def test_a_participle_typed_without_accents_in_another_form_is_written_with_them() -> None:
    # "une boite privee": the texts write "privé", not "privée", and neither stems as its
    # bare spelling does.
    accented = accents({"privé": 2, "organisme": 3})
    assert spelled_out("une boite privee", accented=accented) == "une boite privée"
    assert spelled_out("des structures privees", accented=accented) == "des structures privées"
    assert not any(bare.startswith("organisme") for bare in accented)


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("on fait partie du reseau pour l emploi ?", "on fait partie du reseau pour l'emploi ?"),
        ("et l accompagnement ?", "et l'accompagnement ?"),
        ("qu il soit inscrit", "qu'il soit inscrit"),
    ],
)
def test_an_apostrophe_typed_as_a_space_is_given_back(typed: str, read: str) -> None:
    assert spelled_out(typed, known={"emploi", "accompagnement"}) == read


@pytest.mark.parametrize(
    "kept",
    [
        "la loi n 2023-1196",  # a number, not a word
        "plan B ou plan C",
        "c un club de foot",  # "c" is "c'est", typed in a hurry
        "We want l emploi",  # English: left as typed
    ],
)
def test_a_letter_before_a_space_that_elides_nothing_is_kept(kept: str) -> None:
    assert spelled_out(kept, known={"emploi"}) == kept
