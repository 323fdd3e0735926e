"""Follow-up resolution: pure functions, no index."""

from __future__ import annotations

import pytest

from o2r_assistant.followup import (
    asks_again,
    asks_which_ones,
    continues,
    in_context,
    names_new_topic,
    question_by_rank,
    resolve_followup,
    returns_to_first,
)


def test_a_follow_up_is_completed_by_the_question_before():
    assert resolve_followup("et pour la durée ?", ["Quel est le coût minimum ?"]) == (
        "et pour la durée ? (Quel est le coût minimum ?)"
    )
    assert resolve_followup("Qu'est-ce qu'un CPOM ?", ["Quel est le coût ?"]) == (
        "Qu'est-ce qu'un CPOM ?"
    )
    # An acknowledgement before it changes nothing; without a follow-up it is kept.
    assert resolve_followup("ok et pour la durée ?", ["Quel est le coût minimum ?"]) == (
        "et pour la durée ? (Quel est le coût minimum ?)"
    )
    assert resolve_followup("Ok, qu'est-ce qu'un CPOM ?", ["Quel est le coût ?"]) == (
        "Ok, qu'est-ce qu'un CPOM ?"
    )
    # A message that asked nothing is no question to continue, unless the follow-up
    # names nothing of its own ("Et c'est suffisant ?").
    introduced = "Bonjour, on est une petite asso de Saint-Nazaire."
    assert resolve_followup("et côté expérience, ils attendent quoi ?", [introduced]) == (
        "et côté expérience, ils attendent quoi ?"
    )
    assert resolve_followup("Et c'est suffisant ?", [introduced]) == (
        f"Et c'est suffisant ? ({introduced})"
    )
    # "Dans ce cas" is about the case just asked, however long the question.
    assert (
        resolve_followup(
            "Dans ce cas, laquelle coordonne les autres ?", ["Peut-on candidater à plusieurs ?"]
        )
        == "Dans ce cas, laquelle coordonne les autres ? (Peut-on candidater à plusieurs ?)"
    )


@pytest.mark.parametrize(
    ("question", "is_follow_up"),
    [
        ("Et pour la durée ?", True),
        ("Pour la durée ?", True),
        ("La durée ?", True),
        ("Mais si on est deux structures ?", True),
        # "Et si…" asks it again under a new condition, however long.
        ("Et s'il n'a pas vu son conseiller depuis six mois ?", True),
        ("And if we split the budget between two associations next year?", True),
        # "… aussi ?" asks it again of something else.
        ("et un CCAS, donc rattaché à une commune, ça marche aussi ?", True),
        # "Même…" asks the same of something else.
        ("Même une mairie ?", True),
        ("Pour quelle durée la convention avec l'État est-elle signée ?", False),
        ("Si notre projet coûte 120 000 € sur 3 ans, est-il éligible ?", False),
    ],
)
def test_follow_up_detection(question, is_follow_up):
    resolved = resolve_followup(question, ["Quel est le coût minimum ?"])
    assert (resolved != question) is is_follow_up


@pytest.mark.parametrize(
    ("question", "previous", "resolved"),
    [
        # A subject pronoun stands for the one noun phrase of its gender and number.
        (
            "Et elle dure combien de temps ?",
            "Qui signe la convention avec l'organisme ?",
            "Et elle dure combien de temps ? (la convention)",
        ),
        (
            "Et ils sont payés ?",
            "Qui sont les bénéficiaires du dispositif ?",
            "Et ils sont payés ? (les bénéficiaires du dispositif)",
        ),
        # "les" tells no gender, a feminine noun's ending does.
        (
            "et ils regardent quoi en priorité ?",
            "Qui instruit les candidatures ?",
            "et ils regardent quoi en priorité ? (Qui instruit les candidatures ?)",
        ),
        # A demonstrative phrase before the pronoun points back too.
        (
            "et ce texte, il date de quand ?",
            "Qui fixe le cahier des charges que doivent respecter les organismes ?",
            "et ce texte, il date de quand ? (le cahier des charges)",
        ),
        # However long the follow-up, and without an opener too.
        (
            "Et elles touchent quelque chose, même si elles ont déjà des revenus ?",
            "Est-ce que les personnes accompagnées sont couvertes par la sécurité sociale ?",
            "Et elles touchent quelque chose, même si elles ont déjà des revenus ? (les personnes)",
        ),
        (
            "Elles peuvent aussi toucher une rémunération pendant tout le parcours ?",
            "Est-ce que les personnes accompagnées sont couvertes par la sécurité sociale ?",
            "Elles peuvent aussi toucher une rémunération pendant tout le parcours ? "
            "(les personnes)",
        ),
        # Two that agree leave it to the whole question.
        (
            "Et peut-elle être renouvelée ?",
            "Quelle est la durée de la convention ?",
            "Et peut-elle être renouvelée ? (Quelle est la durée de la convention ?)",
        ),
    ],
)
def test_a_follow_up_pronoun_is_completed_by_what_it_stands_for(question, previous, resolved):
    assert resolve_followup(question, [previous]) == resolved


def test_a_later_question_whose_pronoun_stands_for_its_own_words_stands_alone():
    # Within one e-mail, "Et…" questions lean on the one before, unless the pronoun's
    # phrase is their own; an impersonal "il" stands for nothing.
    before = "Dans l'AMI, il est question d'une CPOM : que signifie ce sigle ?"
    own = "Et que se passe-t-il à l'issue de la convention, peut-elle être prolongée ?"
    assert resolve_followup(own, [before], within_message=True) == own
    leaning = "Et y a-t-il des dépenses à exclure ?"
    assert resolve_followup(leaning, [before], within_message=True) == f"{leaning} ({before})"


def test_a_later_question_naming_its_own_topic_stands_alone():
    # "notre dossier" says what it asks about: the question before is not its topic.
    before = "Une structure privée peut-elle être conventionnée au titre de l'O2R ?"
    own = "Et quelles qualités devrons-nous démontrer dans notre dossier ?"
    assert resolve_followup(own, [before], within_message=True) == own


@pytest.mark.parametrize(
    ("previous", "question", "own"),
    [
        # An object pronoun; a question naming all it asks stands alone, however it opens.
        (
            "C'est quoi le CPOM ?",
            "et qui le signe côté État, et pour combien de temps ?",
            "et les jeunes pourront-ils être rémunérés pendant leur parcours ?",
        ),
        # An English "it"; the impersonal "is it possible…" points at nothing.
        (
            "What does the agreement with the State have to contain?",
            "and how long does it last, can it be renewed afterwards?",
            "and is it possible to submit the whole application file online in two parts?",
        ),
        # "celui qui…": one of the things the last question asked about.
        (
            "Quels textes encadrent l'O2R ?",
            "et celui qui fixe la procédure de conventionnement, c'est lequel ?",
            "et les textes sont-ils publiés au Journal officiel de la République ?",
        ),
    ],
)
def test_a_pronoun_for_what_was_asked_continues_the_last_question(previous, question, own):
    assert resolve_followup(question, [previous]) == f"{question} ({previous})"
    assert resolve_followup(own, [previous]) == own


def test_a_later_question_whose_object_is_a_pronoun_takes_the_question_before():
    before = "Pourriez-vous nous indiquer à quelle autorité adresser notre demande ?"
    later = "Pourriez-vous nous indiquer s'il est possible de la transmettre en ligne ?"
    assert in_context(later, before).focus == f"{later} ({before})"
    # Not when the question before only points too: neither names the thing.
    pointing = "À qui devons-nous l'adresser ?"
    alone = "Est-il possible de la transmettre en ligne plutôt que par courrier ?"
    assert in_context(alone, pointing).focus == alone


def test_a_later_question_whose_subject_is_a_pronoun_takes_the_question_before():
    before = "Nous serions prêts à assumer le rôle de chef de file. Où ce rôle est-il formalisé ?"
    later = "Qu'implique-t-il vis-à-vis des deux autres structures ?"
    assert in_context(later, before).focus == f"{later} ({before})"
    # An impersonal "il" stands for nothing.
    impersonal = "Faut-il aussi une comptabilité analytique pour chacune des structures ?"
    assert in_context(impersonal, before).focus == impersonal


def test_a_short_later_question_takes_the_question_before_and_its_subject():
    before = "Quel salaire maximum pour les encadrants ?"
    later = "Existe-t-il une grille ?"
    asked = in_context(later, before)
    assert asked.focus == f"{later} ({before})"
    before = "Quelles sont les étapes pour lui ?"
    assert in_context("Et ça dure combien ?", before).subject == "étapes"
    # One wording a notion of the call (the people's pay) keeps its own topic.
    later = "Et est-ce qu'il touchera quelque chose pendant ce temps ?"
    assert in_context(later, before).subject is None


def test_a_short_later_question_naming_its_own_topic_stands_alone():
    before = "Combien de temps dure la convention signée avec l'État ?"
    later = "Comment nos actions seront-elles évaluées ?"
    assert in_context(later, before).focus == later


@pytest.mark.parametrize(
    ("question", "again"),
    [
        ("Même une mairie ?", True),
        ("et une commune ?", True),
        ("ok et les jeunes ?", True),
        ("and a town hall?", True),
        # A condition or a verb asks something of its own.
        ("ok et si on est plusieurs assos ensemble ?", False),
        ("Et elle doit contenir quoi ?", False),
    ],
)
def test_a_bare_noun_phrase_asks_the_last_question_again(question, again):
    assert asks_again(question) is again


@pytest.mark.parametrize(
    ("previous", "question"),
    [
        # A new condition on the question before, however long.
        (
            "Est-ce qu'on peut mettre des dépenses de formation dans le budget du projet ?",
            "même si c'est juste un module de quelques jours pour remettre les gens dans le bain ?",
        ),
        # What was only stated, drawn on.
        (
            "Nous sommes trois associations du Maine-et-Loire et voulons répondre ensemble.",
            "Du coup, faut-il que l'une d'entre nous coordonne les autres ?",
        ),
    ],
)
def test_a_turn_drawing_on_what_was_said_is_completed_by_it(previous: str, question: str):
    assert resolve_followup(question, [previous]) == f"{question} ({previous})"
    assert continues(question)


def test_a_question_of_its_own_after_a_statement_stands_alone() -> None:
    previous = "Nous sommes trois associations du Maine-et-Loire et voulons répondre ensemble."
    question = "Quel est le budget minimum d'un projet ?"
    assert resolve_followup(question, [previous]) == question
    assert not continues(question)
    # One naming the call's own terms says what it asks about, however it opens.
    question = "même si certains sont inscrits à France Travail mais n'ont vu personne ?"
    assert resolve_followup(question, [previous]) == question


def test_a_pronoun_after_a_statement_stands_for_its_one_noun_phrase() -> None:
    # "des bénévoles" completes "les déplacements": one phrase, not a second antecedent.
    previous = "On compte inscrire les déplacements des bénévoles dans le budget du projet."
    question = "Est-ce qu'ils seront pris en compte dans le coût total ?"
    assert resolve_followup(question, [previous]) == f"{question} (les déplacements des bénévoles)"
    # Control: two phrases it could stand for leave the question as it is.
    previous = "Nous avons les salariés et les bénévoles pour mener les ateliers."
    assert resolve_followup(question, [previous]) == question


@pytest.mark.parametrize(
    "question",
    [
        "Pour revenir au premier sujet, qu'attend-on concrètement de nous sur ce point ?",
        "Je reviens à ma première question : qu'attend-on de nous ?",
        "Going back to my first question, what is expected from us?",
    ],
)
def test_a_turn_going_back_to_the_first_question_is_completed_by_it(question: str) -> None:
    history = [
        "L'égalité entre les femmes et les hommes compte-t-elle dans la sélection ?",
        "D'accord. Et la rémunération des personnes accompagnées, elle dépend de quoi ?",
    ]
    resolved = resolve_followup(question, history)
    assert resolved.endswith(f"({history[0]})")
    assert "premi" not in resolved.split("(")[0] and "first" not in resolved.split("(")[0]
    assert returns_to_first(question, history)


def test_only_a_turn_past_others_goes_back_to_the_first() -> None:
    # With one question before, "le premier sujet" is the last one: nothing to skip.
    assert not returns_to_first("Pour revenir au premier sujet, et la durée ?", ["Le coût ?"])
    # "le premier contact" names the pathway's first step, not an earlier question.
    history = ["Qui peut candidater ?", "Quel est le budget minimum ?"]
    assert not returns_to_first("Comment se passe le premier contact avec les jeunes ?", history)


@pytest.mark.parametrize(
    ("question", "previous", "continued"),
    [
        (
            "Ça peut jouer contre nous ?",
            "Notre association a été créée il y a à peine un an.",
            True,
        ),
        ("Could this count against us?", "We were founded last year.", True),
        # A noun standing for what was stated.
        (
            "Ce rôle doit-il être inscrit quelque part officiellement ?",
            "C'est Trajectoires, à Nantes, qui sera chef de file.",
            True,
        ),
        # After a question, "ça" is read with its own words.
        ("Ça compte pour la sélection ?", "Quels sont les critères ?", False),
    ],
)
def test_a_pronoun_standing_for_what_was_just_stated(question, previous, continued):
    assert (resolve_followup(question, [previous]) != question) is continued


def test_a_pronoun_taking_up_the_previous_questions_own_subject():
    previous = (
        "Les personnes que nous accompagnerons seront-elles couvertes par la sécurité sociale "
        "pendant ces ateliers ?"
    )
    resolved = resolve_followup(
        "Et pourront-elles toucher quelque chose pendant leur parcours ?",
        [previous],
        within_message=True,
    )
    assert resolved.endswith("(les personnes)")


def test_a_later_question_asking_its_own_after_a_condition_stands_alone():
    before = "Vaut-il mieux viser le même public qu'eux, ou un public qu'ils ne voient pas ?"
    later = "Et si nous sommes retenus pour trois ans, pourra-t-on continuer ensuite ?"
    asked = in_context(later, before)
    assert asked.focus == later
    # Being chosen is the premise, not whether the project qualifies.
    assert not asked.asks_eligibility
    # A bare condition still leans on the question before.
    assert in_context("Et si on est plusieurs ?", before).focus != "Et si on est plusieurs ?"


def test_a_turn_opening_on_a_pronoun_of_another_gender_still_leans_on_the_last_question():
    # "un CPOM" is a convention: "Elle" stands for it though the genders differ.
    previous = "C'est quoi exactement un CPOM ?"
    question = "Elle est signée avec qui ?"
    assert resolve_followup(question, [previous]) == f"{question} ({previous})"
    # An impersonal "il" stands for nothing.
    assert resolve_followup("Il faut un chef de file pour candidater ?", [previous]) == (
        "Il faut un chef de file pour candidater ?"
    )


def test_asking_for_more_is_read_with_the_last_question():
    previous = "Quel public vise l'offre ?"
    for more in ("c'est-à-dire ?", "ok mais concrètement ?", "in practice?"):
        assert resolve_followup(more, [previous]).endswith(f"({previous})")


def test_a_later_wh_question_naming_its_own_topic_stands_alone():
    previous = "D'où vient exactement cette offre ?"
    later = "Et qui, au bout du compte, choisit les structures retenues ?"
    assert resolve_followup(later, [previous], within_message=True) == later
    # One pointing back still leans on it.
    assert resolve_followup("Et qui le signe ?", ["C'est quoi le CPOM ?"], within_message=True) == (
        "Et qui le signe ? (C'est quoi le CPOM ?)"
    )


@pytest.mark.parametrize(
    ("before", "question"),
    [
        (
            "Nous voulons repérer des femmes isolées, souvent freinées par la garde des enfants.",
            "Et ça, ils en tiennent compte pour choisir les projets ?",
        ),
        # "en" after a subject of its own stands for what was asked about.
        (
            "Quels acteurs composent le réseau pour l'emploi ?",
            "Et les départements, ils en font partie ?",
        ),
    ],
)
def test_and_that_stands_for_what_was_just_said(before: str, question: str) -> None:
    assert resolve_followup(question, [before]) == f"{question} ({before})"


def test_an_english_pronoun_keeps_a_later_question_on_the_one_before():
    previous = "Can we send our application online or does it have to be on paper?"
    later = "and who do we address it to exactly"
    assert resolve_followup(later, [previous], within_message=True) != later


@pytest.mark.parametrize(
    ("question", "before", "continued"),
    [
        # What the thing asked before rests on, or goes by.
        ("Sur quelle base ?", "Les jeunes suivis touchent-ils quelque chose ?", True),
        ("Selon quel texte ?", "La convention dure combien de temps ?", True),
        ("Under which rule?", "Can a town hall apply?", True),
        # A complete question opening the same way stands alone.
        (
            "Sur quels critères les projets du Maine-et-Loire sont-ils choisis par la DREETS ?",
            "La convention dure combien de temps ?",
            False,
        ),
    ],
)
def test_a_short_question_on_what_backs_the_last_one_continues_it(
    question: str, before: str, continued: bool
) -> None:
    assert (resolve_followup(question, [before]) != question) is continued


@pytest.mark.parametrize(
    ("question", "before", "alone"),
    [
        # A topic of the call set before a whole question of its own stands alone.
        ("Et côté comptabilité, on doit faire quoi ?", "À qui adresse-t-on la demande ?", True),
        ("As for the accounts, what is required?", "Who signs the agreement?", True),
        # Not when the topic was the question before's, or a pronoun points back.
        ("Et côté budget, il faut combien ?", "Quel budget minimum ?", False),
        ("Et côté formation, on la compte ?", "Les dépenses de formation sont-elles éligibles ?",
         False),
    ],
)  # fmt: skip
def test_a_follow_up_setting_its_own_topic_stands_alone(question, before, alone) -> None:
    assert (resolve_followup(question, [before]) == question) is alone


def test_a_participle_opening_a_short_question_says_more_of_what_was_named() -> None:
    before = "Que veut dire CPOM dans les textes sur l'O2R ?"
    assert resolve_followup("Signée avec qui ?", [before]) == f"Signée avec qui ? ({before})"
    # A whole question opening on a participle stands alone.
    whole = "Intéressée par l'AMI, notre association peut-elle candidater seule ?"
    assert resolve_followup(whole, [before]) == whole


def test_a_wh_question_after_an_aside_asks_on_its_own_within_a_message() -> None:
    own = "Et, tant que j'y suis, qui pilote l'appel au niveau régional ?"
    before = "Cette O2R, c'est la suite de ce qu'on faisait en 2020 ?"
    assert resolve_followup(own, [before], within_message=True) == own


def test_an_english_demonstrative_standing_alone_takes_up_the_statement_before() -> None:
    told = "Our part is helping participants sort out their accommodation."
    question = "Does the call expect that to be handled alongside the job support?"
    assert resolve_followup(question, [told]) == f"{question} ({told})"
    # Control: "that" as a determiner names its own thing.
    own = "Does the call expect that project to report every year on the people it supports?"
    assert resolve_followup(own, [told]) == own


def test_a_short_english_question_asked_of_it_continues_the_last_one() -> None:
    previous = ["How long does the CPOM last, btw?"]
    assert resolve_followup("is it renewable?", previous) == (
        "is it renewable? (How long does the CPOM last, btw?)"
    )
    # The impersonal "is it possible…" asks something of its own.
    assert resolve_followup("Is it possible to apply online?", previous) == (
        "Is it possible to apply online?"
    )


@pytest.mark.parametrize(
    ("question", "which"),
    [
        ("lesquels ?", True),
        ("Et lesquelles exactement ?", True),
        ("which ones?", True),
        ("Lesquels sont prioritaires ?", False),
    ],
)
def test_which_ones_alone_asks_the_last_question_again(question: str, which: bool) -> None:
    assert asks_which_ones(question) is which


_TWO_POINTS = (
    "Deux points rapides : 1) l'accompagnement peut-il durer plus d'un an ? 2) de quels "
    "programmes l'O2R prend-il la suite ?"
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        (
            "Merci pour le 1. Et le deuxième point ?",
            "de quels programmes l'O2R prend-il la suite ?",
        ),
        ("what about the first one?", "l'accompagnement peut-il durer plus d'un an ?"),
        ("question 2 ?", "de quels programmes l'O2R prend-il la suite ?"),
        # Not a step or a year, and not a rank the message did not reach.
        ("Et la deuxième étape ?", None),
        ("Et le troisième point ?", None),
    ],
)
def test_a_point_asked_by_its_rank_is_that_question_of_the_last_message(
    question: str, asked: str | None
) -> None:
    assert question_by_rank(question, _TWO_POINTS) == asked
    # Control: a message asking one thing has no points to rank.
    assert question_by_rank(question, "Quel est le budget minimum ?") is None


def test_a_pronoun_in_a_claim_reported_stands_for_what_the_last_question_named() -> None:
    resolved = resolve_followup(
        "Un collègue dit qu'elle ne peut pas être prolongée ensuite, c'est juste ?",
        ["Combien de temps dure la convention avec l'État ?"],
    )
    assert resolved.endswith("(la convention)")
    # Control: the claim's own subject stands alone.
    claim = "Un collègue dit que le parcours peut durer 18 mois, c'est juste ?"
    assert resolve_followup(claim, ["Combien de temps dure la convention avec l'État ?"]) == claim


@pytest.mark.parametrize(
    ("question", "new"),
    [
        ("Et côté couverture sociale ?", True),
        ("Et les salaires de nos conseillers, le matériel ?", True),
        # A condition put to the last answer, or a word pointing back, keeps its topic.
        ("Même si c'est juste deux jours de remise à niveau ?", False),
        ("Et c'est elle aussi qui signe la convention ?", False),
        ("and which one of those is about money?", False),
    ],
)
def test_a_follow_up_naming_what_it_asks_about_names_a_new_topic(question: str, new: bool) -> None:
    assert names_new_topic(question) is new
