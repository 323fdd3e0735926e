"""The scope decision's rules, on signals built by hand (no index)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from o2r_assistant.scope import (
    _OTHER_REGIMES,
    ScopeSignals,
    _extends_domain,
    _kind_named_before,
    _listed_example,
    asked_performer,
    asked_thing_parts,
    funded_item,
    terse_head,
)
from o2r_assistant.text import stem


def _signals(
    domain_terms: int,
    agreement: bool,
    dense: float,
    idiom: bool = False,
    english: bool = False,
    background: float | None = None,
    defines: bool = False,
) -> ScopeSignals:
    # By default a little closer to the texts than to any everyday subject: the margin
    # alone then decides nothing.
    return ScopeSignals(
        domain_terms=domain_terms,
        english=english,
        unknown_names=(),
        asked_about=(),
        agreement=agreement,
        blocked=None,
        rare_shared=0,
        asks_fact=False,
        idiom=idiom,
        continues=False,
        defines=defines,
        quotes_texts=False,
        _dense=lambda: dense,
        _background=lambda: dense - 0.01 if background is None else background,
    )


@pytest.mark.parametrize(
    ("agreement", "dense", "supported"),
    [
        (False, 0.85, True),
        (False, 0.84, False),
        # Both legs putting one passage first lower the bar a little, not to any passage.
        (True, 0.84, True),
        (True, 0.83, False),
    ],
)
def test_a_question_without_the_calls_words_needs_a_close_passage(
    agreement: bool, dense: float, supported: bool
) -> None:
    assert _signals(0, agreement, dense).supported() is supported


@pytest.mark.parametrize(
    ("asks_fact", "dense", "supported"),
    [
        # "Quel est le montant minimum ?": the kind check then declines what no sentence
        # gives, so a question asking for a fact needs no closer passage than one naming
        # none of the call's words.
        (True, 0.836, True),
        (False, 0.836, False),
        (True, 0.83, False),
    ],
)
def test_a_question_naming_the_calls_words_and_asking_a_fact(
    asks_fact: bool, dense: float, supported: bool
) -> None:
    signals = replace(_signals(2, False, dense), asks_fact=asks_fact)
    assert signals.supported() is supported


def test_a_notion_of_the_call_worded_in_an_idiom_needs_no_agreement() -> None:
    # "l'état de nos comptes" is the operators' financial health, as a term would say.
    assert not _signals(1, False, 0.80).supported()
    assert _signals(1, False, 0.80, idiom=True).supported()


def test_an_idiom_and_a_rare_word_shared_need_no_term_of_the_call() -> None:
    # "Faut-il que l'une d'entre nous coordonne les deux autres ?": the lead partner's
    # notion, and "coordonne" in the sentence that names it.
    signals = replace(_signals(0, False, 0.83, idiom=True), rare_shared=1)
    assert signals.supported()
    assert not replace(signals, idiom=False).supported()
    assert not replace(signals, rare_shared=0).supported()


@pytest.mark.parametrize(
    ("agreement", "rare_shared", "supported"),
    [
        # One term of the call, both legs agreeing on a passage, and a rare word of the
        # question in one of its sentences ("economic model": "modèle économique").
        (True, 1, True),
        (True, 0, False),
        (False, 1, False),
    ],
)
def test_an_english_question_with_one_term_of_the_call(
    agreement: bool, rare_shared: int, supported: bool
) -> None:
    signals = replace(
        _signals(1, agreement, 0.79), english=True, rare_shared=rare_shared, asks_fact=False
    )
    assert signals.supported() is supported


@pytest.mark.parametrize(
    ("question", "name", "kind"),
    [
        ("Un organisme public comme notre CCAS a-t-il le droit de candidater ?", "CCAS", True),
        ("Is a public body such as a CCAS allowed to apply?", "CCAS", True),
        ("Les formations CACES sont-elles éligibles ?", "CACES", True),
        # An example of nothing the call names.
        ("Un logiciel comme Excel suffit-il ?", "Excel", False),
    ],
)
def test_a_name_given_as_an_example_of_a_kind_the_call_names(
    question: str, name: str, kind: bool
) -> None:
    assert _kind_named_before(question, question.index(name)) is kind


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        (
            "Une réunion d'information ou un webinaire est-il prévu pour les candidats ?",
            ["reunion", "webinaire"],
        ),
        ("Y a-t-il un entretien oral avec les candidats ?", ["entretien", "oral"]),
        # What a candidate asks whether it must have or name.
        (
            "Devons-nous nommer un commissaire aux comptes pour recevoir la contribution ?",
            ["commissaire"],
        ),
        ("Faut-il souscrire une assurance ?", ["assurance"]),
        ("Devons-nous désigner un chef de file ?", ["chef"]),
        ("Faut-il désigner l'une d'entre nous pour coordonner l'ensemble ?", []),
        # What the State requires.
        (
            "Notre assureur demande si l'État impose une assurance responsabilité civile ?",
            ["assurance", "responsabilite"],
        ),
        ("Exige-t-on un commissaire aux comptes ?", ["commissaire"]),
        # Asked for by inversion; not a statement ("je demande une précision").
        ("La préfecture demande-t-elle un cautionnement ?", ["cautionnement"]),
        ("Je demande une précision sur le budget.", []),
        # ... in any person or tense of "devoir" or "falloir", or in a sentence that asks.
        ("Une petite structure doit-elle avoir un commissaire aux comptes ?", ["commissaire"]),
        ("Faudrait-il posséder une flotte de véhicules ?", ["flotte"]),
        ("nos salariés doivent avoir un permis poids lourd ou pas ?", ["permis", "poids"]),
        ("Nos salariés doivent avoir le permis. Le budget est-il suffisant ?", []),
        ("on est obligé d'utiliser un tableur fourni par l'État ou pas ?", ["tableur"]),
        # ... qualified by one more word.
        (
            "Le préfet exige-t-il une attestation fiscale récente pour le dossier ?",
            ["attestation", "fiscale"],
        ),
        # Who must certify, in the sentence that asks.
        (
            "Les comptes devront-ils être certifiés chaque année par un commissaire aux comptes ?",
            ["commissaire"],
        ),
        ("Nos comptes sont certifiés par un cabinet. Le budget suffit-il ?", []),
        # "Faut-il" names the thing with no verb; "être titulaire d'" is having one.
        ("Faut-il un diplôme particulier pour les accompagnateurs ?", ["diplome"]),
        ("Faut-il déposer un dossier papier ?", []),
        # ... not one way weighed against another, nor how many, and a kind is the thing.
        ("Peut-on la transmettre en ligne, ou faut-il un envoi papier ?", []),
        ("Faut-il une seule convention pour les trois structures ?", []),
        ("Faut-il un type de comptabilité particulier pour ce projet ?", ["comptabilite"]),
        ("Les référents doivent-ils être titulaires d'un diplôme du travail social ?", ["diplome"]),
        # What someone must have, asked with "que".
        ("Faut-il que les personnes aient un titre de séjour pour être suivies ?", ["titre"]),
        ("Faut-il que nos référents possèdent un diplôme ?", ["diplome"]),
        # What the people may receive.
        ("Elles ont droit à la prime d'activité en plus ?", ["prime"]),
        ("Peuvent-elles bénéficier d'un logement social ?", ["logement", "social"]),
        ("Les jeunes pourront avoir des tickets gratuits ?", ["tickets", "gratuits"]),
        # How much is no thing; what it is of is.
        ("Est-ce qu'elles pourront toucher un peu d'argent pendant ?", ["argent"]),
        ("Y a-t-il un nombre maximum de pages pour le dossier ?", ["pages"]),
        # A formality to go through, or a step candidates are called to.
        ("Faut-il signer un avenant avec l'État ?", ["avenant"]),
        # Who must certify what is provided is the thing asked about.
        ("Faut-il fournir des comptes certifiés par un commissaire aux comptes ?", ["commissaire"]),
        (
            "Les candidats sont-ils convoqués à une audition orale devant un jury ?",
            ["audition", "orale"],
        ),
        # What a body must belong to or be approved by.
        (
            "Le club doit-il être affilié à une fédération sportive agréée pour être partenaire ?",
            ["federation", "sportive"],
        ),
        ("Notre association doit-elle être agréée par la DREETS ?", ["dreets"]),
        # A property of a thing, not whether it exists.
        ("La convention est-elle renouvelable ?", []),
        ("Les frais de siège sont-ils éligibles ?", []),
    ],
)
def test_what_a_question_asks_exists_or_is_planned(question: str, thing: list[str]) -> None:
    assert asked_thing_parts(question)[0] == thing


@pytest.mark.parametrize(
    ("question", "complement"),
    [
        # A head noun the texts use elsewhere ("à titre subsidiaire") is completed by the
        # noun saying which one is meant.
        ("Doivent-elles être titulaires d'un titre de séjour pour être suivies ?", "sejour"),
        ("Faut-il une attestation d'assurance ?", "assurance"),
        ("Faut-il un chef de file ?", "file"),
        # A head with an adjective, or no complement, has none.
        ("Faut-il une comptabilité analytique ?", None),
        ("Faut-il un diplôme particulier pour les accompagnateurs ?", None),
        ("La convention est-elle renouvelable ?", None),
    ],
)
def test_the_noun_completing_what_a_question_asks_exists(
    question: str, complement: str | None
) -> None:
    assert asked_thing_parts(question)[1] == complement


def test_an_english_idiom_of_the_call_both_legs_agree_on() -> None:
    # "will the people we refer get paid while on the programme?": the phrase table reads
    # the texts' "rémunération", no word is a term, and both legs find one passage.
    signals = _signals(0, True, 0.82, idiom=True, english=True, background=0.805)
    assert signals.supported()
    assert not replace(signals, agreement=False).supported()
    assert not replace(signals, idiom=False).supported()
    # Not a near tie with everyday subjects.
    assert not _signals(0, True, 0.82, idiom=True, english=True, background=0.815).supported()


def test_an_english_turn_continuing_the_conversation_is_on_the_calls_topic() -> None:
    # "and who decides in the end and signs with us?" after an answered question.
    english = replace(_signals(0, False, 0.78), english=True)
    assert not english.supported()
    assert replace(english, continues=True).supported()
    # "et le label Qualiopi, il est exigé ?": a thing the texts never name still decides.
    assert not replace(english, continues=True, asked_about=("Qualiopi",)).supported()
    assert not replace(english, continues=True, unknown_names=("Qualiopi",)).supported()
    # A French turn continuing the conversation is completed by the question before it,
    # and judged as such: "et le versement se fait en plusieurs tranches ?".
    assert not replace(_signals(0, False, 0.78), continues=True).supported()


@pytest.mark.parametrize(
    ("word", "cognate"),
    [
        ("remobilised", True),  # "remobilisés"
        ("financially", True),  # "financement", "financière"
        ("people", False),
        ("register", False),
    ],
)
def test_an_english_word_starting_with_a_whole_term_of_the_call_is_its_cognate(
    word: str, cognate: bool
) -> None:
    assert _extends_domain(stem(word)) is cognate


def test_what_pays_is_no_item_paid_for() -> None:
    # "Le loyer … est-il financé ?" asks about rent; what "sert à payer" is the payer.
    assert funded_item("Le loyer de nos locaux est-il financé ?") == ["loyer", "locaux"]
    assert funded_item("le fric de l'etat en gros ca sert a payer quoi") == []


@pytest.mark.parametrize(
    ("question", "item"),
    [
        (
            "Le financement peut-il couvrir l'achat d'un véhicule pour aller dans les villages ?",
            ["vehicule"],
        ),
        ("Peut-on inclure les salaires des éducateurs ?", ["salaires", "educateurs"]),
    ],
)
def test_what_a_grant_would_cover_is_the_item_asked_about(question: str, item: list[str]) -> None:
    assert funded_item(question) == item


def test_expenses_pointed_back_to_are_the_things_named_before() -> None:
    message = (
        "Nos éducateurs utiliseront un minibus et des tablettes. Ces dépenses entrent-elles "
        "dans le budget ?"
    )
    assert funded_item("Ces dépenses entrent-elles dans le budget ?", message) == [
        "minibus",
        "tablettes",
    ]
    # Expenses named in the question are read from it.
    assert funded_item("Les dépenses de formation entrent-elles dans le budget ?") == ["formation"]


@pytest.mark.parametrize(
    ("question", "performer"),
    [
        ("Des bénévoles peuvent-ils assurer une partie du repérage ?", ["benevoles"]),
        ("Les stagiaires pourront-ils accompagner les jeunes ?", ["stagiaires"]),
        # Who may apply, or a statement, is not who does the work.
        ("Un chantier d'insertion peut-il porter un projet O2R ?", []),
        ("Des bénévoles nous aident pour le repérage.", []),
    ],
)
def test_who_would_do_the_work_is_read_from_the_question(
    question: str, performer: list[str]
) -> None:
    assert asked_performer(question) == performer


def test_what_is_counted_as_something_is_the_item_asked_about() -> None:
    # "valoriser X comme contribution": X is what would enter the budget.
    question = "Peut-on valoriser le travail de nos bénévoles comme apport au projet ?"
    assert funded_item(question) == ["travail", "benevoles"]


@pytest.mark.parametrize(
    ("domain_terms", "dense", "background", "supported"),
    [
        # Much closer to the texts than to any everyday subject: in scope, whatever its words.
        (0, 0.83, 0.78, True),
        (0, 0.83, 0.80, False),
        (0, 0.79, 0.74, True),
        # One of the call's words and a close passage, but clearly closer to an everyday
        # subject; a near tie leaves it to the other signals.
        (1, 0.81, 0.84, False),
        (1, 0.81, 0.82, True),
    ],
)
def test_an_english_question_is_weighed_against_everyday_subjects(
    domain_terms: int, dense: float, background: float, supported: bool
) -> None:
    signals = _signals(domain_terms, False, dense, english=True, background=background)
    assert signals.supported() is supported


@pytest.mark.parametrize(
    ("agreement", "background", "supported"),
    [
        # Both legs on one passage: somewhat closer to the texts than to anything else
        # suffices ("is this scheme brand new?"), not a near tie.
        (True, 0.78, True),
        (True, 0.79, False),
        (False, 0.78, False),
    ],
)
def test_an_english_question_both_legs_agree_on_needs_a_smaller_margin(
    agreement: bool, background: float, supported: bool
) -> None:
    signals = _signals(0, agreement, 0.805, english=True, background=background)
    assert signals.supported() is supported


@pytest.mark.parametrize(
    ("question", "head"),
    [
        ("TVA sur la subvention O2R ?", "tva"),
        ("gratification minimale d'un stagiaire de 3 mois", "gratification"),
        ("la durée max du parcours", "duree"),
        ("Qualiopi ?", "qualiopi"),
        # A verb, a question word or a second clause make it a sentence, not a query.
        ("La TVA est-elle due ?", None),
        ("quel montant mini", None),
        ("TVA : on la paie ?", None),
        ("c koi un CPOM ?", None),
        ("jpeux accompagner un gars 1 an et demi ?", None),
        # A first word that may be an infinitive is no thing asked about.
        ("postuler seul ?", None),
        # Nor is one followed by a word neither French nor the texts'.
        ("quick one - min budget?", None),
        # A preposition opens no thing.
        ("hors formation ?", None),
        # Nor does a manner adverb, which asks how of something else; a noun ending alike
        # still names one.
        ("obligatoirement ?", None),
        ("systématiquement pour tous ?", None),
        ("renouvellement du bail ?", "renouvellement"),
    ],
)
def test_a_search_box_query_names_what_it_asks_about_first(question: str, head: str | None) -> None:
    known = {"minimale", "subvention", "max", "parcours"}.__contains__
    assert terse_head(question, known) == head


def test_english_words_the_tables_read_as_the_calls_terms_name_them(assistant) -> None:
    # "bidding" and "charities" are the call's "candidature" and "associations".
    answer = assistant.ask(
        "Three of us small charities are thinking of bidding together. Is that allowed?"
    )
    assert not answer.abstained
    assert "chef de file" in answer.text


def test_asking_where_the_offer_leads_people_is_about_the_call(assistant) -> None:
    # No term of the call, but the outcome it aims at.
    answer = assistant.ask("au final le but c quoi, que les gens retrouvent un taf direct ?")
    assert not answer.abstained
    assert "droit commun" in answer.text


def test_a_person_named_by_what_they_say_is_no_subject_the_texts_lack(assistant) -> None:
    answer = assistant.ask(
        "Voici le message de mon collègue :\n\n> Karim : si on est retenus, on devient membre "
        "du réseau pour l'emploi. Et la convention, on la signe avec le conseil régional.\n\n"
        "Est-ce que Karim a raison sur les deux points ?"
    )
    assert not answer.abstained
    assert "membre du réseau pour l'emploi" in answer.text
    # A thing named before a colon is no person: the texts still never name the VAT.
    vat = assistant.ask(
        "Nous ne récupérons pas la TVA : pouvons-nous présenter le budget toutes taxes comprises ?"
    )
    assert vat.abstained


def test_a_sign_off_on_the_messages_last_line_names_no_subject(assistant) -> None:
    answer = assistant.ask(
        "Bonjour, notre club de La Ferté-Bernard anime des ateliers pour des jeunes que "
        "personne ne suit. Nos statuts ne parlent que de sport. Est-ce que nos statuts nous "
        "empêchent de candidater ? Sportivement, "
        "Karim Benali, secrétaire général"
    )
    assert not answer.abstained
    assert "objet social" in answer.text


def test_expenses_pointed_back_to_as_training_are_settled_by_the_texts(assistant) -> None:
    answer = assistant.ask(
        "Le bureau voudrait ajouter des modules de formation professionnelle pour les "
        "participants. Ces dépenses peuvent-elles être financées dans le cadre de l'AMI ?"
    )
    assert "dépenses de formation ne sont pas éligibles" in answer.text


@pytest.mark.parametrize(
    ("question", "name", "example"),
    [
        ("Des partenaires locaux (CCAS, bailleurs sociaux) sont-ils un plus ?", "CCAS", True),
        # Brackets glossing one name list nothing.
        ("Le conseil départemental (CD44) peut-il candidater ?", "CD44", False),
        ("Le CCAS peut-il candidater (seul) ?", "CCAS", False),
    ],
)
def test_a_name_listed_as_an_example_in_brackets(question: str, name: str, example: bool) -> None:
    assert _listed_example(question, question.index(name)) is example


def test_a_department_of_the_region_is_a_term_of_the_call(assistant) -> None:
    answer = assistant.ask("Mayenne in scope?")
    assert not answer.abstained
    assert "Mayenne (53)" in answer.text


def test_a_term_a_glossary_entry_defines_needs_no_close_passage() -> None:
    # "c koi la dreets ??": spelled far from the texts, but their glossary defines it.
    assert not _signals(1, agreement=False, dense=0.83).supported()
    assert _signals(1, agreement=False, dense=0.83, defines=True).supported()


@pytest.mark.parametrize(
    ("question", "defined"),
    [
        ("c koi la dreets ?? jcomprend rien a tous vos sigles lol", "DREETS"),
        ("what's a chef de file?", "Chef de file"),
    ],
)
def test_a_definition_asked_of_a_glossary_term_is_answered_by_its_entry(
    assistant, question: str, defined: str
) -> None:
    answer = assistant.ask(question)
    assert not answer.abstained
    assert f"**{defined}**" in answer.citations[0].quote


def test_a_name_that_forwarded_the_message_is_no_subject_the_texts_lack(assistant) -> None:
    answer = assistant.ask("fwd de Karim : on envoie le dossier a qui en fait ??")
    assert not answer.abstained
    assert "préfet" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        # A judgement on the policy itself, which the texts never weigh.
        "Pour mon mémoire, j'aimerais votre avis personnel : la loi pour le plein emploi "
        "est-elle une bonne réforme ?",
        "Is the O2R scheme a good idea in your opinion?",
        # A later call or round, of which they say nothing.
        "Si notre candidature est refusée, pourrons-nous la représenter à la prochaine session ?",
        "Will there be a new call next year?",
    ],
)
def test_what_the_texts_never_settle_is_declined(assistant, question: str) -> None:
    assert assistant.ask(question).abstained


def test_this_call_said_to_be_new_is_still_answered(assistant) -> None:
    answer = assistant.ask(
        "Je prépare un papier sur le nouvel appel de l'État pour les invisibles. Quel est le "
        "montant minimum d'un projet ?"
    )
    assert not answer.abstained
    assert "150 000" in answer.text


@pytest.mark.parametrize(
    ("question", "thing"),
    [
        (
            "Les médiateurs doivent-ils être titulaires d'un diplôme d'État (DEES, BPJEPS) ?",
            "diplome",
        ),
        ("Faut-il ouvrir un local d'accueil dans chaque département ?", "local"),
        ("Sommes-nous tenus au secret professionnel ?", "secret"),
    ],
)
def test_a_thing_required_of_the_candidate_is_what_is_asked(question: str, thing: str) -> None:
    assert asked_thing_parts(question)[0][:1] == [thing]


@pytest.mark.parametrize(
    ("question", "regime"),
    [
        ("Faut-il passer par une agence d'interim pour recruter ?", True),
        ("Quelle convention collective s'applique à nos salariés ?", True),
        # A report made midway, or the people's social cover, is no other regime.
        ("Do we need to send interim reports to the State?", False),
        ("Are participants covered by health insurance?", False),
        ("Or do we stay outside like a simple subcontractor of France Travail?", False),
        # A person's unemployment benefit or medical fitness, which other bodies settle.
        ("Cette dame touchera-t-elle encore l'ARE si elle entre dans le parcours ?", True),
        ("Does a participant need a medical certificate first?", True),
        ("Are the people we meet eligible?", False),
    ],
)
def test_the_regimes_the_texts_never_speak_of(question: str, regime: bool) -> None:
    assert bool(_OTHER_REGIMES.search(question)) is regime


@pytest.mark.parametrize(
    "question",
    [
        # A time waited or counted from an event, which no length in the texts gives.
        "Une fois la convention signée, sous combien de jours arrive le premier versement ?",
        "Combien de temps faut-il attendre entre deux parcours pour une même personne ?",
        # How long pay lasts, which the pathway's twelve months do not say.
        "Pendant combien de mois un participant peut-il percevoir sa rémunération ?",
        # The date of an event the texts never date, the body's name sharing a word with
        # a text that is dated ("code du travail").
        "Quand France Travail a-t-il pris la suite de Pôle emploi ?",
    ],
)
def test_a_time_of_something_else_than_what_the_texts_date_is_declined(
    assistant, question: str
) -> None:
    assert assistant.ask(question).abstained


@pytest.mark.parametrize(
    "question",
    [
        "Combien de temps dure au maximum le parcours d'une personne ?",
        "Since when has the State funded projects for invisible people?",
    ],
)
def test_a_length_or_a_start_the_texts_give_is_answered(assistant, question: str) -> None:
    assert not assistant.ask(question).abstained


@pytest.mark.parametrize(
    ("question", "item"),
    [
        # The noun funded, described after it by a clause or a participle.
        (
            "Les repas des bénévoles qui accompagnent les sorties sont-ils financés ?",
            ["repas", "benevoles"],
        ),
        ("Les loyers versés avant la signature de la convention sont-ils éligibles ?", ["loyers"]),
        # An expense typed bare, as in a text message.
        ("frais de garde des salariés c eligible ?", ["garde", "salaries"]),
    ],
)
def test_the_item_funded_past_what_describes_it(question: str, item: list[str]) -> None:
    assert funded_item(question) == item


@pytest.mark.parametrize(
    "question",
    [
        "Quel est le montant de l'enveloppe régionale prévue pour l'AMI cette année ?",
        "How much money has the State set aside for the whole call in the region?",
    ],
)
def test_the_whole_envelope_is_no_projects_minimum(assistant, question: str) -> None:
    assert assistant.ask(question).abstained


def test_a_claimed_requirement_the_texts_never_name_is_declined(assistant) -> None:
    answer = assistant.ask("On m'a dit que l'agrément ESUS est exigé des candidats, c'est vrai ?")
    assert answer.abstained


def test_the_projects_minimum_is_still_answered(assistant) -> None:
    assert not assistant.ask("Quel est le budget minimum d'un projet ?").abstained
