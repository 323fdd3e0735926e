"""Reading a message: what it states, what it asks, and what would answer it."""

from __future__ import annotations

import time

import pytest

from o2r_assistant.facts import extract_facts
from o2r_assistant.question import (
    about_own_project,
    analyse,
    asked_clauses,
    asks,
    asks_at,
    asks_source,
    asks_what_fails,
    asks_what_is_missing,
    dates_text,
    duration_holder,
    enumerates,
    focus_of,
    gives_kind,
    indirect_start,
    language_switch,
    places_asked,
    plural_asked,
    questions_of,
    statements_of,
    stressed_question,
    suppositions,
    swaps_holder,
    texts_named,
    whose,
    without_comparing,
    without_greeting,
    without_reporting,
)
from o2r_assistant.scope import bound
from o2r_assistant.text import tokens


@pytest.mark.parametrize(
    ("message", "stated"),
    [
        # A question in general terms only names a topic.
        ("Est-ce que la convention peut être prolongée une fois les 3 ans passés ?", ""),
        ("c koi les invisibles", ""),
        # What comes before the question is stated.
        ("150k€ sur trois ans en Vendée, est-ce suffisant ?", "150k€ sur trois ans en Vendée"),
        # A first-person question states the candidate's own facts.
        (
            "Notre projet coûte 120 000 € sur 3 ans, est-il éligible ?",
            "Notre projet coûte 120 000 € sur 3 ans, est-il éligible ?",
        ),
        ("Projet de 1,2 million d'euros à Nantes.", "Projet de 1,2 million d'euros à Nantes."),
        # A clause opening on "qui" in a sentence that asks nothing is relative.
        (
            "Deux structures : Atelier Sud, qui sera chef de file, et Relais Est.",
            "Deux structures : Atelier Sud, qui sera chef de file, et Relais Est.",
        ),
        # A dot between digits ends no sentence.
        ("Il coûterait 48.000 euros par an. Est-ce bon ?", "Il coûterait 48.000 euros par an."),
        # What "ça" takes up is stated, judged by the question.
        ("45k/an sur 3 ans ca suffit pr le seuil mini ?", "45k/an sur 3 ans"),
        ("un parcours de 14 mois c jouable ?", "un parcours de 14 mois"),
        ("les formations ça compte dans le budget ?", ""),
        # A plan in the present ("on fait", not the imperfect "on faisait") is weighed.
        (
            "et si on fait aussi des maraudes en Ille-et-Vilaine (35), c jouable ?",
            "on fait aussi des maraudes en Ille-et-Vilaine (35).",
        ),
        ("et si on faisait des maraudes en Ille-et-Vilaine (35) ?", ""),
    ],
)
def test_statements_of_keeps_what_the_candidate_states(message: str, stated: str) -> None:
    assert statements_of(message) == stated


def test_a_general_question_states_no_project_fact() -> None:
    # A duration is named, which the message does not state of its project.
    assert extract_facts(
        "Est-ce que la convention peut être prolongée une fois les 3 ans passés ?"
    ).is_empty()
    assert extract_facts("Notre projet de 3 ans à Laval est-il éligible ?").project_months == 36


@pytest.mark.parametrize(
    ("message", "applicant"),
    [
        ("Qui peut candidater ?", True),
        ("Quels types de structures peuvent répondre à l'AMI ?", True),
        ("Une commune peut-elle candidater ?", True),
        ("Une commune peut-elle se porter elle-même candidate ?", True),
        ("Est-ce qu'un CCAS, établissement public, peut répondre ?", True),
        ("Je voudrais savoir si un PLIE peut déposer une demande.", True),
        ("Can a public body apply?", True),
        ("Pourriez-vous préciser si un organisme public a le droit de candidater ?", True),
        # Whom the call is open to.
        ("Faut-il obligatoirement être une association pour candidater ?", True),
        ("L'appel est-il réservé aux associations ?", True),
        # The same said as "only for".
        ("on est une SARL, on a le droit ou c'est que pour les assos ?", True),
        ("Is it only for charities?", True),
        ("Is the call open to public bodies like ours, or only to non-profits?", True),
        ("Which kinds of organisations are entitled to apply under this call?", True),
        ("We have right to apply or it is only for public organisations?", True),
        # Whether a legal form is required, whatever follows.
        ("faut forcement etre une asso ? nous on est une SARL", True),
        ("Do we have to be a charity?", True),
        # Whether one may apply as a member of a group.
        ("Un CCAS peut-il faire partie du groupement ?", True),
        ("Can a town hall join the consortium?", True),
        # Said, then asked: the third person may apply or not.
        ("jcroyais que c t reserve aux assos, une mairie ou un ccas peut pas candidater ?", True),
        ("Une mairie ou un CCAS peut candidater ?", True),
        ("Can the mayor join our meeting?", False),
        ("Notre association peut candidater ?", False),
        # How to apply, the candidate's own case, an authority, a procedure.
        ("Un opérateur peut-il candidater seul ?", False),
        ("Pouvons-nous candidater ?", False),
        ("Qui fixe le calendrier ?", False),
        ("La demande peut-elle être déposée en ligne ?", False),
    ],
)
def test_which_organisations_may_apply(message: str, applicant: bool) -> None:
    asked = analyse(message)
    assert ("applicant" in asked.kinds) is applicant
    assert not (applicant and (asked.who or "who" in asked.kinds))


@pytest.mark.parametrize(
    ("message", "assessing"),
    [
        ("Budget de 210 000 € en Loire-Atlantique : est-ce que ça passe ?", True),
        ("Nous prévoyons 45 000 € par an. Est-ce suffisant pour l'AMI ?", True),
        ("Le budget prévisionnel doit-il être suffisant pour couvrir les salaires ?", False),
        ("Les dépenses de formation sont-elles éligibles ?", False),
        # The feminine agrees with its subject: "notre enveloppe est-elle suffisante ?"
        ("55 000 € par an sur trois ans. Notre enveloppe est-elle suffisante ?", True),
        # Whether what was just described is a problem.
        ("150 000 € sur 3 ans. Le fait d'être pile au seuil pose-t-il problème ?", True),
        ("Un seul tableur pour toute notre comptabilité. C'est bloquant ?", True),
        # "Still" between the subject and its assessment.
        ("170 000 € dont 30 000 € de formations. Du coup on est toujours bons ?", True),
        ("190 000 € sur 3 ans à Laval. Est-ce qu'on coche les cases ?", True),
        # A problem with a named item is a question of its own.
        ("Les dépenses de formation posent-elles problème ?", False),
        # A plan weighed in the present, with a place or a figure; a supposition is not.
        ("ok et si on ouvre aussi une antenne à Rennes (35) pour faire du repérage ?", True),
        ("Et si on passe à 140 000 € ?", True),
        ("Et si on passait à 140 000 € ?", False),
        # Whether the candidate stands a chance; not the chances of projects in general.
        ("Est-ce qu'on a nos chances pour l'AMI ?", True),
        ("Do we stand a chance?", True),
        ("Quelles sont les chances de succès des projets ?", False),
        # What the candidate's file still lacks.
        ("150 000 € sur 3 ans à Laval. Pouvez-vous nous dire ce qu'il nous manque ?", True),
        ("Budget of €200,000 in Nantes. What else is missing in our file?", True),
        (
            "480 000 € sur 3 ans en Vendée. Pouvez-vous me dire s'il nous manque quelque chose ?",
            True,
        ),
        ("Manquerait-il une pièce à notre dossier ?", True),
        # Whether what was described blocks, however it is pointed to.
        ("Y a-t-il un point bloquant dans ce que je vous décris ?", True),
        ("Y a-t-il un point bloquant dans ce que la loi prévoit pour les jeunes ?", False),
        # Whether a part of one's own project is a problem.
        ("Notre siège breton est-il un obstacle ?", True),
        ("La loi est-elle un obstacle pour les jeunes ?", False),
        # How or with whom to apply is no question on the project's standing.
        ("Pouvons-nous la déposer en ligne ou faut-il passer en préfecture ?", False),
        ("Pourrions-nous répondre avec l'association de quartier du centre ?", False),
        ("Pouvons-nous candidater avec un budget de 120 000 € ?", True),
        ("Que manque-t-il dans la loi pour les jeunes ?", False),
        # The candidate being selected, not how selected projects are chosen.
        ("Si nous avons un bon réseau, serons-nous retenus ?", True),
        ("Nos partenariats comptent-ils dans le choix des projets retenus ?", False),
        # An opinion asked on whether the plan is sound, whatever it is measured against.
        ("60 000 € par an sur 3 ans. Croyez-vous que ça tient la route ?", True),
        (
            "60 000 € par an sur 3 ans. Estimez-vous que notre plan tient la route vis-à-vis "
            "du cahier des charges et de l'appel ?",
            True,
        ),
        ("€60,000 a year for 3 years. Does our plan hold up with respect to the call?", True),
        ("Croyez-vous que la loi tient compte des jeunes ?", False),
        # The reader's opinion on what was described.
        ("Nous visons 180 000 € sur 3 ans à Saumur. Qu'en pensez-vous ?", True),
        ("We plan €180k over three years in Saumur. What do you think?", True),
        # Whether what was stated fits the call, or may go in as it is.
        ("Et ça, c'est compatible avec l'AMI ?", True),
        ("Alors, on passe ?", True),
        ("Budget 0,24 M€, parcours de 10 mois. On dépose ?", True),
        ("Comment dépose-t-on le dossier ?", False),
        # Measured against the call's framework or what the call asks; the project named by
        # a demonstrative.
        (
            "6 mois par personne. Pouvez-vous me confirmer que ces éléments respectent le cadre ?",
            True,
        ),
        (
            "Quatre semaines puis huit mois. Ce parcours est-il conforme à ce que demande l'AMI ?",
            True,
        ),
        ("50 k€ par an pendant trois ans. Ce projet vous paraît-il recevable ?", True),
        ("Quel cadre la loi fixe-t-elle pour les jeunes ?", False),
        ("Les dépenses de ce type sont-elles recevables ?", False),
        # A count asked is a number, not whether the project qualifies.
        ("Nos adhérents hésitent : combien de projets seront retenus au total ?", False),
        ("Nos adhérents hésitent : nos projets seront-ils retenus ?", True),
        # The word alone, after what was stated; not naming what it asks of.
        ("éligible ?", True),
        ("Alors, éligibles ?", True),
        ("Is it eligible?", True),
        ("les frais km, éligibles ?", False),
        # Which of the call's rules the stated facts meet.
        ("Pouvez-vous nous dire quelles règles nous remplissons ?", True),
        ("Which criteria do we meet?", True),
        ("Quelles règles s'appliquent aux consortiums ?", False),
    ],
)
def test_asking_whether_stated_facts_are_enough_asks_eligibility(
    message: str, assessing: bool
) -> None:
    assert analyse(message).asks_eligibility is assessing


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le coût total du projet ne pourra pas être inférieur à 150 000 €", "lower"),
        ("Quel est le montant maximum de la subvention ?", "upper"),
        ("Les frais doivent être inférieurs à 10 % du budget", "upper"),
        ("Le budget doit être supérieur à 100 000 €", "lower"),
        ("Un parcours de 12 mois au plus", "upper"),
        ("Un budget de 150 000 €", None),
        ("au moins 10 mois et au maximum 12 mois", None),
    ],
)
def test_bound_reads_which_end_of_a_range_a_text_gives(text: str, expected: str | None) -> None:
    assert bound(text) == expected


def test_a_floor_does_not_answer_a_question_about_a_ceiling(assistant) -> None:
    answer = assistant.ask("Quel est le montant maximum de la subvention de l'État ?")
    assert answer.abstained and answer.citations == []


def test_an_amount_question_reaches_the_amount_in_other_words(assistant) -> None:
    answer = assistant.ask("c'est quoi le budget plancher pour pouvoir déposer ?")
    assert not answer.abstained
    lead = answer.text.split("\n\n")[0]
    assert "150 000" in lead


def test_a_question_with_facts_is_answered_before_the_checker_speaks(assistant) -> None:
    answer = assistant.ask(
        "Nous sommes une association d'insertion à Angers. "
        "Combien de temps peut durer l'accompagnement d'une personne ?"
    )
    lead, *rest = answer.text.split("\n\n")
    assert "12 mois" in lead or "douze mois" in lead
    assert answer.findings is not None
    assert any(part.startswith("Pour les éléments que vous indiquez") for part in rest)


def test_a_glossary_entry_yields_unless_its_term_is_asked(assistant) -> None:
    asked = assistant.ask("Ça veut dire quoi « droit commun » dans l'appel ?")
    assert "Droit commun" in asked.text.split("\n\n")[0]
    other = assistant.ask("Est-ce qu'on peut faire financer les formations de nos bénéficiaires ?")
    assert "Droit commun" not in other.text.split("\n\n")[0]


def test_the_calls_own_name_names_its_glossary_entry_only_when_its_meaning_is_asked(
    assistant,
) -> None:
    # "O2R" is in most questions: the entry defining it answers only what it means.
    member = assistant.ask(
        "bonjour, notre bureau voudrait savoir si le fait d'etre conventionné O2R ferait de "
        "notre asso un membre du reseau pour l'emploi et si oui avec qui on travaillerait"
    )
    assert "**O2R**" not in member.citations[0].quote
    assert "membre du réseau pour l'emploi" in member.citations[0].quote
    meaning = assistant.ask("What do the letters O2R stand for?")
    assert "**O2R**" in meaning.citations[0].quote


def test_a_date_in_a_texts_name_is_a_weaker_answer_than_a_date_stated() -> None:
    named = "Ce décret est le décret n° 2024-584 du 24 juin 2024."
    stated = "Il est entré en vigueur le 26 juin 2024."
    assert gives_kind("date", named) and not gives_kind("date", named, strict=True)
    # When a text took effect is a date stated about that text only.
    assert gives_kind("date", stated, strict=True, about=frozenset({"décret"}))
    assert not gives_kind("date", stated, strict=True)
    assert gives_kind("date", "Le comité se réunit le 3 mars 2025.", strict=True)


def test_for_what_term_asks_a_length() -> None:
    assert "duration" in analyse("For what term is the agreement concluded?").kinds
    assert "duration" not in analyse("What does the term « droit commun » mean?").kinds


def test_a_year_things_run_since_answers_since_when() -> None:
    assert "since" in analyse("Is it new, or a continuation, and if so since when?").kinds
    assert gives_kind("since", "des appels à projets financés depuis 2019")
    assert not gives_kind("since", "des appels à projets financés par le PIC")
    # A year things run since is no date a deadline is counted from.
    assert not gives_kind("date", "des appels à projets financés depuis 2019")


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("lorsqu'elles n'ont eu aucun contact au cours des cinq derniers mois", True),
        ("seules les trois premières années sont budgétées", True),
        ("la convention est conclue pour trois ans", True),
        ("la dernière année du projet", False),
    ],
)
def test_a_length_may_have_an_adjective_before_its_unit(text: str, given: bool) -> None:
    assert gives_kind("duration", text) is given


def test_a_date_in_the_name_of_the_kind_of_text_asked_about_answers() -> None:
    named = "La loi pour le plein emploi du 18 décembre 2023 lui a donné une base légale."
    about = texts_named("When was the full employment act passed?")
    assert about == {"loi"}
    assert gives_kind("date", named, strict=True, about=about) and dates_text(named, about)
    # The decree's date does not say when the law was passed.
    decree = "Le décret n° 2024-584 du 24 juin 2024 précise les modalités."
    assert not gives_kind("date", decree, strict=True, about=about)
    assert not dates_text(decree, about)


def test_when_a_law_was_passed_is_answered_by_the_law_named_with_its_date(assistant) -> None:
    for question in (
        "Which law created the O2R scheme, and when was it passed?",
        "When was the full employment act passed?",
    ):
        answer = assistant.ask(question)
        assert not answer.abstained
        assert "18 décembre 2023" in answer.text.split("\n\n")[0]


def test_the_date_a_text_took_effect_leads_over_its_name(assistant) -> None:
    lead = assistant.ask("Depuis quand le décret est-il applicable ?").text.split("\n\n")[0]
    assert "26 juin 2024" in lead


def test_a_failing_fact_leads_even_before_the_messages_own_question(assistant) -> None:
    answer = assistant.ask(
        "Notre budget est de 90 000 € sur 3 ans. Combien de temps dure la convention ?"
    )
    assert answer.findings.by_id("cout_minimum").status == "fail"
    assert answer.text.startswith("Non, pas en l'état")


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        # An indirect question is a question.
        (
            "Bonjour,\nNous nous demandons si le budget inclut les salaires.\nMerci",
            ["Nous nous demandons si le budget inclut les salaires."],
        ),
        # ... with an adverb between, or as a wish to know, anywhere in the sentence.
        (
            "Bonjour,\nNotre conseil a validé le principe. Pour préparer le dossier, nous "
            "souhaiterions connaître les pièces demandées ; nous nous demandons surtout si "
            "un bilan certifié est exigé.\nCordialement",
            [
                "Pour préparer le dossier, nous souhaiterions connaître les pièces demandées ; "
                "nous nous demandons surtout si un bilan certifié est exigé."
            ],
        ),
        # A preposition may lead the wh-word: "savoir sur quels critères…".
        (
            "Bonjour,\nNous préparons notre dossier et souhaitons savoir sur quels critères "
            "les projets seront départagés.\nMerci",
            [
                "Nous préparons notre dossier et souhaitons savoir sur quels critères les "
                "projets seront départagés."
            ],
        ),
        # An indirect question asking two things is two questions, each with its verb…
        (
            "Bonjour,\nNotre comptable demande ce que doit contenir le budget prévisionnel du "
            "projet et s'il faut une comptabilité séparée pour cette action.\nBonne journée",
            [
                "Notre comptable demande ce que doit contenir le budget prévisionnel du projet.",
                "Notre comptable demande s'il faut une comptabilité séparée pour cette action.",
            ],
        ),
        (
            "Nous aimerions savoir si le budget inclut les salaires et comment le justifier.",
            [
                "Nous aimerions savoir si le budget inclut les salaires.",
                "Nous aimerions savoir comment le justifier.",
            ],
        ),
        # … unless the second one's subject stands for something of the first.
        (
            "Notre comptable se demande si la subvention est soumise à la TVA, et comment elle "
            "doit être traitée.",
            [
                "Notre comptable se demande si la subvention est soumise à la TVA, et comment "
                "elle doit être traitée."
            ],
        ),
        # What announces the questions is no part of them.
        (
            "Bonjour,\nDeux questions : notre enveloppe est-elle suffisante ? Et les jeunes "
            "pourront-ils être rémunérés ?\nMerci",
            [
                "notre enveloppe est-elle suffisante ?",
                "Et les jeunes pourront-ils être rémunérés ?",
            ],
        ),
        (
            "Petite question : le budget inclut-il les salaires ?",
            ["le budget inclut-il les salaires ?"],
        ),
        # "se demande ce qu'il faut…" asks what.
        (
            "Notre trésorier se demande ce qu'il doit faire figurer au budget.",
            ["Notre trésorier se demande ce qu'il doit faire figurer au budget."],
        ),
        # An English greeting is no part of the question after it.
        (
            "Good morning,\nWho signs the agreement when two associations apply together?\n"
            "Best regards,\nMarc",
            ["Who signs the agreement when two associations apply together?"],
        ),
        # A question others put to the sender introduces the sender's own.
        (
            "Bonjour,\nDes jeunes que nous suivons nous demandent s'ils seront payés.\n"
            "Les bénéficiaires sont-ils couverts par la sécurité sociale ?\nMerci",
            ["Les bénéficiaires sont-ils couverts par la sécurité sociale ?"],
        ),
        # … unless the sender's own says it asks something more.
        (
            "Notre président me demande si l'O2R prolonge « 100 % inclusion ». Par ailleurs, "
            "ferons-nous partie du réseau pour l'emploi ?",
            [
                "Notre président me demande si l'O2R prolonge « 100 % inclusion ».",
                "Par ailleurs, ferons-nous partie du réseau pour l'emploi ?",
            ],
        ),
        # Alone, it is the question; the sender's own wondering always is.
        (
            "Des jeunes que nous suivons nous demandent s'ils seront payés.",
            ["Des jeunes que nous suivons nous demandent s'ils seront payés."],
        ),
        (
            "Je me demande si le budget inclut les salaires. Quel est le plafond ?",
            ["Je me demande si le budget inclut les salaires.", "Quel est le plafond ?"],
        ),
        # A bare request leans on the sentence before it.
        (
            "Le trésorier hésite sur la nature de la subvention. Pourriez-vous m'éclairer ?",
            ["Le trésorier hésite sur la nature de la subvention. Pourriez-vous m'éclairer ?"],
        ),
        # So is an English one, asked by a request: "I would like to know whether…".
        (
            "Hello,\nWe are based in Laval. I would like to know whether we need prior "
            "experience.\nBest regards,\nTom",
            ["I would like to know whether we need prior experience."],
        ),
        (
            "Please let us know if two associations can apply together.",
            ["Please let us know if two associations can apply together."],
        ),
        # Not knowing is asking, in an e-mail whose place would otherwise lead.
        (
            "Bonjour, nous sommes une SCIC d'Angers. Notre conseil a validé une candidature, "
            "mais nous ne savons pas à qui adresser notre demande. Merci, Hélène",
            [
                "Notre conseil a validé une candidature, mais nous ne savons pas à qui "
                "adresser notre demande."
            ],
        ),
        (
            "We are not sure whether training costs count. Thanks",
            ["We are not sure whether training costs count."],
        ),
        # A question whose subject stands for the sentence before keeps it.
        (
            "Les frais de formation sont exclus. Est-ce que ça vaut aussi pour nos ateliers "
            "collectifs ?",
            [
                "Les frais de formation sont exclus. Est-ce que ça vaut aussi pour nos "
                "ateliers collectifs ?"
            ],
        ),
        (
            "Training is not eligible. Does this apply to driving lessons as well?",
            ["Training is not eligible. Does this apply to driving lessons as well?"],
        ),
        # ... and one asked despite what was just said.
        (
            "We never did insertion work before. We can still apply or no?",
            ["We never did insertion work before. We can still apply or no?"],
        ),
        # ... and one asking what the thing before means, however worded.
        (
            "The call says the offer must do 'aller vers'. What means this exactly for us?",
            ["The call says the offer must do 'aller vers'. What means this exactly for us?"],
        ),
        # So does one about "ce type de…", or about a thing the sentence before named…
        (
            "Nous associons un bailleur social et un centre de santé. Ce type de montage "
            "est-il valorisé ?",
            [
                "Nous associons un bailleur social et un centre de santé. Ce type de montage "
                "est-il valorisé ?"
            ],
        ),
        (
            "Public principal : des jeunes non inscrits ; à titre subsidiaire, des inscrits. "
            "Ce public secondaire est-il admis ?",
            [
                "Public principal : des jeunes non inscrits ; à titre subsidiaire, des "
                "inscrits. Ce public secondaire est-il admis ?"
            ],
        ),
        # A bare "is it allowed?" after a noted figure asks about the plan before it; a
        # bare "is it enough?" about the figure.
        (
            "Nous aimerions aussi accueillir des inscrits. Budget : 180 000 € sur 3 ans. "
            "Est-ce autorisé ?",
            ["Nous aimerions aussi accueillir des inscrits. Est-ce autorisé ?"],
        ),
        (
            "Nous aimerions aussi accueillir des inscrits. Budget : 180 000 € sur 3 ans. "
            "Est-ce suffisant ?",
            ["Budget : 180 000 € sur 3 ans. Est-ce suffisant ?"],
        ),
        # … not a thing the sentence before did not name.
        (
            "Le budget est de 150 000 €. Ces demandeurs d'emploi peuvent-ils entrer ?",
            ["Ces demandeurs d'emploi peuvent-ils entrer ?"],
        ),
        # A noun or a pronoun that only stands for what the statement before said keeps
        # it, and what that statement points to in turn.
        (
            "Le texte de l'AMI insiste sur une offre « territorialisée ». Concrètement, "
            "qu'est-ce qui est attendu de nous sur ce point ?",
            [
                "Le texte de l'AMI insiste sur une offre « territorialisée ». Concrètement, "
                "qu'est-ce qui est attendu de nous sur ce point ?"
            ],
        ),
        (
            "On nous a parlé de « différenciation de l'offre socle ». Je n'ai pas compris ce "
            "principe. Pouvez-vous m'expliquer ce qu'il implique pour notre projet ?",
            [
                "On nous a parlé de « différenciation de l'offre socle ». Je n'ai pas compris "
                "ce principe. Pouvez-vous m'expliquer ce qu'il implique pour notre projet ?"
            ],
        ),
        # An impersonal "qu'il faut" points to nothing.
        (
            "Nous sommes à Laval. Pouvez-vous me dire ce qu'il faut joindre au dossier ?",
            ["Pouvez-vous me dire ce qu'il faut joindre au dossier ?"],
        ),
        # A wh-question stands alone, however short.
        ("Nous sommes à Laval. Quel est le budget ?", ["Quel est le budget ?"]),
        (
            "Tous les projets seront-ils financés ? Et combien de dossiers avez-vous reçus ?",
            ["Tous les projets seront-ils financés ?", "Et combien de dossiers avez-vous reçus ?"],
        ),
        # A later question may lose its capital and question mark.
        (
            "Do we need a lead partner? and who signs the agreement for the group",
            ["Do we need a lead partner?", "and who signs the agreement for the group"],
        ),
        # One naming its own topic stands alone, however short; a value offered for
        # judgement belongs to the question before it.
        (
            "Comment le projet sera-t-il évalué ? Et notre budget est-il suffisant ?",
            ["Comment le projet sera-t-il évalué ?", "Et notre budget est-il suffisant ?"],
        ),
        (
            "On peut suivre une personne combien de temps ? Deux ans, ça passe ?",
            ["On peut suivre une personne combien de temps ? Deux ans, ça passe ?"],
        ),
        # One sentence listing three questions, each with a topic of its own.
        (
            "Quel document officiel faut-il signer, combien de temps dure la convention, et qui "
            "évalue les résultats obtenus ?",
            [
                "Quel document officiel faut-il signer ?",
                "combien de temps dure la convention ?",
                "qui évalue les résultats obtenus ?",
            ],
        ),
        # Two announced by a colon; the announcement is not one of them.
        (
            "Nous voulons comprendre le financement : qui verse la contribution de l'État, "
            "et pouvons-nous recevoir une avance de trésorerie ?",
            [
                "qui verse la contribution de l'État ?",
                "pouvons-nous recevoir une avance de trésorerie ?",
            ],
        ),
        # Two requests, each with its verb, are two questions, the second with the first's
        # opening.
        (
            "Pourriez-vous me confirmer que notre projet est recevable, et me dire si des "
            "partenariats sont attendus ?",
            [
                "Pourriez-vous me confirmer que notre projet est recevable ?",
                "Pourriez-vous me dire si des partenariats sont attendus ?",
            ],
        ),
        # An indirect question whose second part asks what ("et ce qu'on attendrait…").
        (
            "Notre bureau se demande si nous pouvons candidater, et ce qu'on attendrait de "
            "nous en matière de partenariats.",
            [
                "Notre bureau se demande si nous pouvons candidater.",
                "Notre bureau se demande ce qu'on attendrait de nous en matière de partenariats.",
            ],
        ),
        # A choice and a pronoun pointing back stay one question.
        (
            "Is there a minimum budget for projects, or is it up to the candidates, and who "
            "decides on the amount of funding?",
            [
                "Is there a minimum budget for projects, or is it up to the candidates, and "
                "who decides on the amount of funding?"
            ],
        ),
        # One request for two things is two questions, each with the request's opening.
        (
            "Pourriez-vous nous indiquer à quelle autorité adresser notre demande, et s'il "
            "est possible de la transmettre en ligne ?",
            [
                "Pourriez-vous nous indiquer à quelle autorité adresser notre demande ?",
                "Pourriez-vous nous indiquer s'il est possible de la transmettre en ligne ?",
            ],
        ),
        # A question naming its topic only by pointing keeps the statement before it...
        (
            "The documents mention a CPOM. What does that stand for?",
            ["The documents mention a CPOM. What does that stand for?"],
        ),
        (
            "On voit passer le sigle SIEG. Que veut dire ce sigle ?",
            ["On voit passer le sigle SIEG. Que veut dire ce sigle ?"],
        ),
        (
            "Nos jeunes ont des soucis de logement. On peut bosser là-dessus ?",
            ["Nos jeunes ont des soucis de logement. On peut bosser là-dessus ?"],
        ),
        # ... not the question before it, which asked its own.
        (
            "L'État vérifiera comment ce qu'on fait ? C'est précisé dans quel document, tout ça ?",
            [
                "L'État vérifiera comment ce qu'on fait ?",
                "C'est précisé dans quel document, tout ça ?",
            ],
        ),
        # Listed with the question word where spoken French puts it.
        (
            "3 questions rapides: le projet doit durer combien de temps, on peut suivre les "
            "gens combien de temps, et c'est qui le chef de file si on est deux ?",
            [
                "le projet doit durer combien de temps ?",
                "on peut suivre les gens combien de temps ?",
                "c'est qui le chef de file si on est deux ?",
            ],
        ),
        # Numbered questions are one each, with the request opening the list; numbered
        # topics are one question.
        (
            "Pourriez-vous nous préciser : 1) à qui adresser la demande, 2) si la demande "
            "peut être déposée en ligne ?",
            [
                "Pourriez-vous nous préciser à qui adresser la demande ?",
                "Pourriez-vous nous préciser si la demande peut être déposée en ligne ?",
            ],
        ),
        (
            "Trois points : 1) le budget minimum, 2) la durée du parcours, et 3) le territoire ?",
            ["1) le budget minimum, 2) la durée du parcours, et 3) le territoire ?"],
        ),
        # Asking what to reply to questions reported before asks them; a pronoun that is
        # both questions' subject stands for no thing of the first.
        (
            "Les jeunes nous demandent souvent s'ils seront payés et s'ils auront une "
            "couverture sociale. Que pouvons-nous leur répondre ?",
            [
                "Les jeunes nous demandent souvent s'ils seront payés ?",
                "Les jeunes nous demandent souvent s'ils auront une couverture sociale ?",
            ],
        ),
        (
            "Les jeunes nous demandent s’ils seront payés et s’ils auront une couverture "
            "sociale. Que leur répondre ?",
            [
                "Les jeunes nous demandent s’ils seront payés ?",
                "Les jeunes nous demandent s’ils auront une couverture sociale ?",
            ],
        ),
        (
            "Des familles nous demandent si les jeunes seront payés. Que leur dire ?",
            ["Des familles nous demandent si les jeunes seront payés ?"],
        ),
        # Knowing who, then a second thing: each with the verb, and no "qui" left over.
        (
            "Notre conseil voudrait savoir qui fixe le calendrier, et sur quels critères les "
            "projets seront départagés.",
            [
                "Notre conseil voudrait savoir qui fixe le calendrier.",
                "Notre conseil voudrait savoir sur quels critères les projets seront départagés.",
            ],
        ),
        (
            "Pour un projet à Laval, quel est le budget minimum, quelle durée est prévue, et "
            "comment est-il évalué ?",
            [
                "Pour un projet à Laval, quel est le budget minimum, quelle durée est prévue, "
                "et comment est-il évalué ?"
            ],
        ),
        # A supposition said first is the case the question after it is asked in; an
        # abbreviation's dot ends no sentence.
        (
            "Suppose we get picked. What's the next formal step?",
            ["Suppose we get picked. What's the next formal step?"],
        ),
        (
            "What is the legal basis, i.e. which statute and which article?",
            ["What is the legal basis, i.e. which statute and which article?"],
        ),
        # A wish to check asks about the claim before it, beside a question of its own.
        (
            "Ma collègue m'a affirmé que les personnes seront payées comme des stagiaires. "
            "J'aimerais vérifier avant de l'écrire. Autre doute : faut-il un parcours complet ?",
            [
                "Ma collègue m'a affirmé que les personnes seront payées comme des stagiaires. "
                "J'aimerais vérifier avant de l'écrire.",
                "Autre doute : faut-il un parcours complet ?",
            ],
        ),
        # Two questions put to the sender, each kept; a time may stand before the first.
        (
            "Un partenaire m'a demandé ce matin à qui il doit adresser sa demande, et s'il "
            "peut la déposer en ligne.",
            [
                "Un partenaire m'a demandé ce matin à qui il doit adresser sa demande.",
                "Un partenaire m'a demandé ce matin s'il peut la déposer en ligne.",
            ],
        ),
        # Questions compiled as bullets, each asked by whom it is from.
        (
            "Je vous compile les questions de nos adhérents : • le CCAS demande si un organisme "
            "public a le droit de candidater ; • l'association Horizons voudrait savoir si elle "
            "peut candidater seule.",
            [
                "le CCAS demande si un organisme public a le droit de candidater.",
                "l'association Horizons voudrait savoir si elle peut candidater seule.",
            ],
        ),
    ],
)
def test_questions_of_finds_each_question(message: str, questions: list[str]) -> None:
    assert questions_of(message) == questions


def test_a_reported_question_asked_again_whole_is_one_question_each() -> None:
    # "se demande si A, et si B" is read as two reported questions: the sentence asking
    # both is not a third, nor is either asked twice.
    message = (
        "Notre trésorier se demande si nous pouvons inclure le loyer, et si les frais de "
        "déplacement comptent aussi. Qu'en pensez-vous ?"
    )
    assert questions_of(message) == [
        "Notre trésorier se demande si nous pouvons inclure le loyer.",
        "Notre trésorier se demande si les frais de déplacement comptent aussi.",
    ]


def test_each_item_of_a_list_of_questions_is_a_question_of_its_own() -> None:
    # "dans ce cas" in the second item is the case its own first clause makes.
    message = (
        "Deux questions :\n– un CCAS peut-il se porter candidat ?\n– plusieurs adhérents "
        "peuvent-ils déposer un projet commun, et dans ce cas comment s'organise-t-on ?"
    )
    assert questions_of(message)[0] == "– un CCAS peut-il se porter candidat ?"
    assert len(questions_of(message)) >= 2
    # Control: a question after a statement still leans on it.
    assert questions_of("On monte le truc à plusieurs. Qui porte le dossier dans ce cas ?") == [
        "On monte le truc à plusieurs. Qui porte le dossier dans ce cas ?"
    ]


def test_a_second_question_joined_on_may_open_on_its_own_condition() -> None:
    assert questions_of(
        "Un établissement public a-t-il le droit de se porter candidat, et si nous montons "
        "le projet avec une épicerie solidaire, faut-il qu'une des deux prenne la tête ?"
    ) == [
        "Un établissement public a-t-il le droit de se porter candidat ?",
        "Si nous montons le projet avec une épicerie solidaire, faut-il qu'une des deux "
        "prenne la tête ?",
    ]


def test_a_numbers_abbreviation_ends_no_sentence_and_english_is_told() -> None:
    asked = analyse("On what date did Decree No. 2024-584 come into force?")
    assert asked.focus == "On what date did Decree No. 2024-584 come into force?"
    assert asked.english and "date" in asked.kinds
    assert not analyse("On a signé la convention le 3 mars, et ensuite ?").english


def test_an_english_object_pronoun_leans_on_the_statement_before() -> None:
    asked = analyse(
        "A registered jobseeker has had no regular contact with France Travail for four "
        "months. Could we take him on under the O2R?"
    )
    assert asked.focus.startswith("A registered jobseeker")
    # Contact with someone is no address asked for.
    assert "contact" not in asked.kinds
    assert "contact" in analyse("Quel est le contact à la DREETS ?").kinds


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        (
            "Notre conseil se demande ce qu'on attendrait de nous.",
            "ce qu'on attendrait de nous.",
        ),
        # Only the clause that reports the asking goes, not what frames it.
        (
            "Installés à Laval, nous nous demandons si nous pouvons candidater.",
            "Installés à Laval, si nous pouvons candidater.",
        ),
        ("We would like to know whether training is eligible.", "whether training is eligible."),
        ("Quel est le budget minimum ?", "Quel est le budget minimum ?"),
        # Nor whether the texts say anything about it: what it is about is asked.
        (
            "I'd like to know whether the law says anything about how actions are evaluated.",
            "whether how actions are evaluated.",
        ),
        ("Les textes disent-ils quelque chose sur l'évaluation ?", "l'évaluation ?"),
    ],
)
def test_what_is_asked_without_who_asks_it(text: str, asked: str) -> None:
    assert " ".join(without_reporting(text).split()) == asked


@pytest.mark.parametrize(
    ("message", "what"),
    [
        ("Voilà, vous avez tout. Qu'est-ce qui coince ?", True),
        ("Où est le problème ?", True),
        ("Du coup c'est quoi le souci ?", True),
        ("What's the problem then?", True),
        # Of something named, or asked yes or no, it is no question about the project.
        ("Qu'est-ce qui coince avec la formation ?", False),
        ("Est-ce bloquant ?", False),
        ("Quel est le budget minimum ?", False),
    ],
)
def test_asking_what_is_wrong_without_naming_what(message: str, what: bool) -> None:
    assert asks_what_fails(analyse(message)) is what


def test_knowing_how_is_no_question() -> None:
    assert questions_of("We know how to support people. Our budget is €200k.") == []


@pytest.mark.parametrize(
    ("message", "kinds", "yes_no"),
    [
        # "quand même" is "all the same", not "when".
        ("Peut-on quand même les intégrer au projet ?", (), True),
        # Wages named in passing ask for no amount.
        ("Dans le budget on met que les salaires des conseillers ou tout ?", (), False),
        ("Quel salaire pour un chargé d'insertion ?", ("amount",), False),
        # A bound asked as a superlative asks for an amount.
        ("what's the lowest total budget we can put in?", ("amount",), False),
        ("Quel est le plus petit budget accepté ?", ("amount",), False),
        ("hey, what's the min budget for an O2R project?", ("amount",), False),
        ("c'est quoi le budget min ?", ("amount",), False),
        # "sans contact" asks for no contact; a "délai" that is "combien" asks how long.
        (
            "Et le délai sans contact avec France Travail, c'est combien exactement ?",
            ("duration",),
            False,
        ),
        # So does a pathway: it is measured in months; the budget is money.
        ("le parcours c'est combien au max pour une personne ?", ("duration",), False),
        ("L'accompagnement, c combien de mois ?", ("duration",), False),
        ("Le budget c'est combien minimum ?", ("amount",), False),
        # Until when something lasts is how long it lasts.
        ("La convention dure jusqu'à quand ?", ("duration",), False),
        # A relative clause between commas asks nothing; a "qui" set off alone does.
        (
            "Le partenaire, qui devait être chef de file, s'est retiré : pouvons-nous "
            "candidater seuls ?",
            (),
            True,
        ),
        ("Pour le budget, qui, au final, décide ?", ("who",), False),
        # The contact a person has had is no address asked for.
        (
            "Can we take someone registered who hasn't had any contact with them for months?",
            (),
            False,
        ),
        # Nor is one made with a person.
        ("Une fois le contact établi, faut-il proposer un accompagnement ?", (), True),
        ("Après le premier contact, que doit-on proposer ?", (), False),
        ("Un contact à la DREETS ?", ("contact",), False),
        ("Quel est le délai de réponse ?", ("date",), False),
        # A delay already named is no date asked.
        ("Et si au bout de ce délai rien n'est trouvé, on fait quoi ?", (), False),
        # "when"/"quand" opening a clause asks no date; at the start, or after a verb
        # that asks, it does.
        ("Is anchoring taken into account when projects are chosen?", (), True),
        ("Est-ce que l'expérience compte quand on choisit les projets ?", (), True),
        ("Quand les résultats seront-ils publiés ?", ("date",), False),
        ("Pouvez-vous me dire quand les lauréats sont connus ?", ("date",), False),
        ("Et sinon, quand les lauréats sont-ils connus ?", ("date",), False),
        ("could you tell me when applications close?", ("date",), False),
        # At the start too, when the question comes after the clause it opens.
        ("When a few organisations are selected together, who coordinates them?", (), False),
        # "qui" opening the last clause asks who; "quand" in passing asks no date.
        ("Quand on sera retenus, qui signe la convention ?", ("who",), False),
        ("Quand on dépose, on a une réponse quand ?", ("date",), False),
    ],
)
def test_kind_words_in_passing_ask_nothing(message: str, kinds: tuple, yes_no: bool) -> None:
    asked = analyse(message)
    assert (asked.kinds, asked.yes_no) == (kinds, yes_no)


@pytest.mark.parametrize(
    ("message", "yes_no", "definition"),
    [
        ("Est-ce que l'égalité femmes-hommes compte dans la sélection ?", True, False),
        ("est ce qu'on peut candidater à deux ?", True, False),
        ("Qu'est-ce que le droit commun ?", False, True),
        # A statement checked with a tag asks yes or no.
        ("les frais de formation comptent dans les 150k minimum, non ?", True, False),
        ("training costs count toward the 150k minimum, yeah?", True, False),
        ("Le budget, on le dépose quand ?", False, False),
        # A statement asked by its tone alone.
        ("on a le droit de candidater quand même ?", True, False),
        ("C'est par an, ça ?", True, False),
        ("we can apply on our own?", True, False),
        # Not when it sets two things against each other, nor asks who does it.
        ("on fait partie du réseau ou on reste à côté ?", False, False),
        ("c'est l'AMI qui fixe ça ?", False, False),
    ],
)
def test_est_ce_que_asks_yes_or_no(message: str, yes_no: bool, definition: bool) -> None:
    asked = analyse(message)
    assert (asked.yes_no, asked.definition) == (yes_no, definition)


def test_a_who_question_asks_no_date_or_amount() -> None:
    # It asks which body acts; "Qui sont les invisibles ?" asks what people are.
    assert analyse("Qui fixe la date limite de dépôt ?").kinds == ("who",)
    # The budget listed after "pour combien de temps" is asked about, not counted.
    assert analyse(
        "Pourriez-vous nous dire pour combien de temps la convention est signée, et ce "
        "qu'elle doit contenir (moyens, budget, suivi) ?"
    ).kinds == ("duration", "list")
    assert analyse("Qui sont les invisibles ?").kinds == ()
    assert analyse("Quelle est la date limite de dépôt ?").kinds == ("date",)
    # A preposition may lead the "qui".
    assert analyse("Avec qui la convention est-elle signée ?").who
    assert analyse("To whom do we send the application?").who
    # So may an aside: "Et accessoirement, …", "Par ailleurs, …".
    assert analyse("Et accessoirement, avec qui la convention serait-elle signée ?").kinds == (
        "who",
    )
    assert analyse("Par ailleurs, qui instruit les dossiers ?").who
    # Or a dash or a colon: "quick q - who…", "Petite question : qui…".
    assert analyse("quick q - who do we actually send the application to?").who
    assert analyse("Quick question: who signs the agreement?").who


@pytest.mark.parametrize(
    "question",
    [
        # An actor asked for by its kind, not by "qui".
        "Quelle autorité examine les dossiers ?",
        "Could you tell me which authority examines the applications?",
        "Which body decides in the end?",
        "which state office actually reviews our application? need the name asap",
        # "qui" where the answer would stand.
        "Et la date limite, c'est fixé par qui ?",
        "on envoie le dossier à qui ?",
        "The deadline is set by whom?",
        # Joined on in English as in French ("et qui…").
        "and who has the final word?",
        "But who signs the agreement?",
    ],
)
def test_who_asked_by_the_kind_of_actor_or_at_the_end(question: str) -> None:
    asked = analyse(question)
    assert asked.who and asked.kinds == ("who",)


def test_which_organisations_may_apply_asks_no_actor() -> None:
    assert analyse("Quel organisme peut candidater ?").kinds == ("applicant",)
    assert not analyse("What office hours does the DREETS keep?").who
    # A second question joined on keeps what the first asks.
    assert "duration" in analyse("elle dure combien de temps, et on la signe avec qui ?").kinds


@pytest.mark.parametrize(
    "question",
    [
        "Combien de temps après le dépôt de notre dossier aurons-nous une réponse ?",
        "How long after submitting will we hear back?",
        # Counted in other units, with words between.
        "Combien de semaines faut-il attendre après le dépôt pour avoir une réponse ?",
        "how many weeks after submitting do we hear back?",
    ],
)
def test_a_time_counted_from_an_event_asks_when(question: str) -> None:
    assert analyse(question).kinds == ("date",)


def test_a_time_before_something_happens_to_someone_is_a_length() -> None:
    question = "Combien de temps peut-on accompagner une personne avant qu'elle trouve un emploi ?"
    assert analyse(question).kinds == ("duration",)


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        # A statement, a colon, then a question naming its own topic: that question.
        (
            "Notre assureur nous pose une question à laquelle je ne sais pas répondre : les "
            "personnes accompagnées ont-elles une protection sociale pendant les ateliers ?",
            ["les personnes accompagnées ont-elles une protection sociale pendant les ateliers ?"],
        ),
        # A label, a question, stated figures, our own plan or a pointer before the colon
        # belong to the question.
        ("Concernant le budget : est-il plafonné ?", None),
        (
            "Comment cela se passe-t-il quand plusieurs organismes portent un projet : qui "
            "coordonne les autres ?",
            None,
        ),
        ("Le parcours durera 18 mois pour chaque jeune : le projet est-il conforme ?", None),
        ("Nous travaillons beaucoup avec les familles : pouvons-nous ouvrir un atelier ?", None),
        (
            "Nous voulons proposer des ateliers de cuisine aux jeunes : ces dépenses sont-elles "
            "éligibles au financement ?",
            None,
        ),
    ],
)
def test_a_question_after_a_statement_and_a_colon(message: str, questions) -> None:
    assert questions_of(message) == (questions or [message])


def test_an_article_number_ends_no_sentence() -> None:
    # "L." before the article's number is no sentence end: the question keeps its frame.
    question = "Under Article L. 5316-1 of the Labour Code, which tasks may be entrusted?"
    assert analyse(question).focus == question
    assert focus_of("Que dit l'art. L. 5316-2 ? Merci.") == "Que dit l'art. L. 5316-2 ?"


def test_a_lists_numbering_is_no_word_of_its_questions() -> None:
    message = (
        "Bonjour, j'ai deux questions : 1) quelle est la date limite de dépôt ? "
        "2) les dépenses de formation sont-elles éligibles ?"
    )
    assert questions_of(message) == [
        "quelle est la date limite de dépôt ?",
        "les dépenses de formation sont-elles éligibles ?",
    ]


def test_a_forwarded_messages_headers_and_signatures_ask_nothing() -> None:
    message = (
        "Bonjour,\n\nVoir ci-dessous la question de notre partenaire.\n\nCordialement\n"
        "Sophie\n\n-----Message d'origine-----\nDe : Karim B.\n"
        "Envoyé : lundi 2 décembre 2026 10:12\nÀ : Sophie\nObjet : RE: O2R\n\n"
        "> Salut Sophie, est-ce qu'on peut suivre des personnes qui habitent à Rennes ?\n"
        "> Bises\n> Karim"
    )
    assert focus_of(message) == "est-ce qu'on peut suivre des personnes qui habitent à Rennes ?"


def test_a_replys_own_question_is_asked_not_the_ones_it_quotes() -> None:
    message = (
        "Bonjour,\n\nRE: O2R\n\nD'accord pour jeudi. Sur le fond : si on répond avec le "
        "CCAS, l'un de nous doit-il être chef de file ?\n\n"
        "> Le CCAS serait partant pour porter le projet avec nous. On en parle jeudi ?"
    )
    assert questions_of(message) == [
        "Sur le fond : si on répond avec le CCAS, l'un de nous doit-il être chef de file ?"
    ]


@pytest.mark.parametrize(
    "message",
    [
        # Pointing to the quoted question, or asking nothing: the quoted one is asked.
        "Pouvez-vous répondre à la question ci-dessous ?\n> Peut-on candidater seul ?",
        "Voici la question de notre partenaire.\n> Peut-on candidater seul ?",
    ],
)
def test_a_quoted_question_pointed_to_is_asked(message: str) -> None:
    assert questions_of(message)[-1].endswith("Peut-on candidater seul ?")


def test_a_bracket_closed_after_a_stop_ends_the_sentence() -> None:
    message = (
        "Budget de 480 000 €. (Notre AG a lieu le 20 juin.) "
        "Les dépenses de formation sont-elles éligibles ?"
    )
    assert focus_of(message) == "Les dépenses de formation sont-elles éligibles ?"


@pytest.mark.parametrize(
    "message",
    [
        "We assume training can be included in the budget. Could you confirm?",
        "Nous supposons que la formation peut entrer dans le budget. Pouvez-vous confirmer ?",
    ],
)
def test_a_bare_request_to_confirm_keeps_the_statement_before(message: str) -> None:
    assert focus_of(message) == message


@pytest.mark.parametrize(
    "message",
    [
        "Et le dossier, il doit contenir quoi ?",
        "Que doit comporter le budget ?",
        "What must the file include?",
        # Any tense, and words between: "ce que contiendra concrètement la convention".
        "Nous voudrions savoir ce que contiendra concrètement la convention.",
        "Qu'est-ce que comportera le dossier ?",
        # What a text requires.
        "le référentiel d'activités du cahier des charges, il demande quoi exactement ?",
        "What does the national specification require?",
        # "Which missions…", as "quelles missions…".
        "Which missions can an organisation be given under article L. 5316-1?",
        "What selection criteria apply?",
        # A list asked for as one.
        "Pourriez-vous me faire une liste des critères de sélection ?",
        "Can you give me a list of the selection criteria?",
        # The whole list asked after the noun.
        "selection criteria - full list please",
        "les critères de sélection, liste complète svp",
    ],
)
def test_asking_what_something_holds_asks_for_a_list(message: str) -> None:
    assert analyse(message).kinds == ("list",)


def test_what_is_expected_of_the_candidate_is_no_list() -> None:
    # The topic named ("côté expérience") is asked about, not a text's whole content.
    assert analyse("et côté expérience, ils attendent quoi de nous ?").kinds == ()


@pytest.mark.parametrize(
    ("message", "kinds", "count_noun"),
    [
        # A bare "combien" asks how much; with a duration it qualifies the duration.
        ("ils touchent combien par mois, les bénéficiaires ?", ("amount",), None),
        ("la convention dure combien ?", ("duration",), None),
        # "le nombre de X" counts X, like "combien de X".
        ("vous auriez le nombre d'invisibles en Sarthe ?", ("count",), "invisibles"),
        ("What is the number of projects funded?", ("count",), "projects"),
        # A bound on a count is no amount: "minimum" qualifies the count.
        ("Y a-t-il un nombre minimum d'ETP salariés ?", ("count",), "ETP"),
        # The number as the subject of a yes/no question is not asked for.
        ("Le nombre de projets retenus dépend-il d'une enveloppe ?", (), None),
        # ... nor as the object of the verb asked about.
        ("L'enveloppe peut-elle limiter le nombre de projets retenus ?", (), None),
        ("Is every application funded, or is the number of agreements limited?", (), None),
    ],
)
def test_how_much_and_how_many_in_other_words(
    message: str, kinds: tuple, count_noun: str | None
) -> None:
    asked = analyse(message)
    assert (asked.kinds, asked.count_noun) == (kinds, count_noun)


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A bound of a length asks for a duration, a bound of money for an amount.
        ("Is there a maximum length of support for each participant?", ("duration",)),
        ("What is the minimum duration of the project?", ("duration",)),
        ("Y a-t-il une durée maximum de parcours ?", ("duration",)),
        ("Is there a maximum amount of funding?", ("amount",)),
        ("Quel est le budget minimum ?", ("amount",)),
        # A length put against a bound asks about a duration; time already spent does not.
        ("slt, on peut garder 1 jeune en accompagnement + d'1 an ou c limité ?", ("duration",)),
        ("Can support last longer than 12 months?", ("duration",)),
        ("Nous accompagnons des jeunes depuis plus de 10 ans, pouvons-nous candidater ?", ()),
        # An age asks who may be supported.
        ("et pour les plus de 50 ans ?", ("public",)),
        ("Are people over 50 years old eligible?", ("public",)),
        # Following someone "until when" asks how long; filing "until when", by what date.
        ("jusqu'à quand on peut suivre une même personne ?", ("duration",)),
        ("Jusqu'à quand peut-on déposer un dossier ?", ("date",)),
        # When the State pays, in the present tense too.
        ("À quel moment l'État verse-t-il la première avance ?", ("payment",)),
    ],
)
def test_a_bound_asks_for_the_kind_of_what_it_bounds(question: str, kinds: tuple) -> None:
    assert analyse(question).kinds == kinds


def test_the_topic_leaves_out_the_words_that_ask_for_a_kind() -> None:
    asked = analyse("Quelle est la date limite pour l'AMI O2R ?")
    assert asked.topic("date") == frozenset()
    asked = analyse("Combien de temps dure la convention ?")
    assert asked.topic("duration") == set(tokens("convention"))
    # Without the kind, "temps" and "dure" stay: they say what is asked.
    assert set(tokens("temps dure")) <= asked.topic()


def test_a_message_that_asks_nothing_asks_for_no_kind() -> None:
    # "aucun contact avec leur conseiller" states the public; it asks for no contact.
    stated = analyse(
        "Notre public : des personnes inscrites nulle part. À titre subsidiaire, des "
        "demandeurs d'emploi qui n'ont eu aucun contact avec leur conseiller depuis six mois."
    )
    assert (stated.kinds, stated.wh) == ((), False)
    # Words typed as a query still ask.
    assert analyse("montant minimun du projet sur trois ans").kinds == ("amount",)


def test_asking_to_confirm_the_threshold_asks_whether_the_project_qualifies() -> None:
    asked = analyse("Pouvez-vous nous confirmer que nous atteignons le seuil ?")
    # The "que" after "confirmer" opens what is said: no wh-question.
    assert (asked.wh, asked.asks_eligibility) == (False, True)


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        ("Lequel est recevable ?", True),
        ("Is it eligible?", True),
        ("Les dépenses de formation sont-elles éligibles ?", False),
    ],
)
def test_an_eligibility_question_pointing_back_at_the_stated_facts(message, eligibility) -> None:
    assert analyse(message).asks_eligibility is eligibility


@pytest.mark.parametrize(
    "message",
    [
        "Pouvons-nous répondre seuls ou faut-il s'associer ?",
        "Peut-on déposer une candidature à plusieurs ?",
        "Can we apply together with another charity?",
    ],
)
def test_asking_to_apply_alone_or_with_others_asks_how_not_whether(message: str) -> None:
    assert analyse(message).asks_eligibility is False
    assert analyse("Pouvons-nous candidater ?").asks_eligibility is True


@pytest.mark.parametrize(
    "message",
    [
        "Can you tell me in English what the minimum budget is?",  # a new question
        "Can I write it in English?",  # about the candidate's own text
        "Peut-on déposer le dossier en anglais ?",
        "Is an application in English accepted?",
        "Is the call also published in English?",
        "Les ateliers peuvent-ils se faire en anglais ?",
        "Do participants need to speak French?",
        "Les bénéficiaires doivent-ils parler français ?",
        "Sorry for the English, but is it open to associations?",
        "In English please: can two associations apply together?",
    ],
)
def test_a_question_naming_a_language_is_no_request_to_translate(message: str) -> None:
    assert language_switch(message) is None


@pytest.mark.parametrize(
    ("message", "language"),
    [
        ("English please", "en"),
        ("in english pls", "en"),
        ("Sorry, in English?", "en"),
        ("Please answer in English.", "en"),
        ("I'd prefer English if possible", "en"),
        ("Sorry, I don't speak French well. Could you answer in English?", "en"),
        ("My colleague only reads English, can we have the answer in English?", "en"),
        ("Thanks! Can I get this in English for my director?", "en"),
        ("Same answer in English please, for our board", "en"),
        ("Could you translate your answer into English?", "en"),
        ("tu peux me le mettre en anglais ?", "en"),
        ("Je peux avoir la réponse en anglais ? C'est pour notre partenaire.", "en"),
        ("And now in French please", "fr"),
        ("Je ne lis pas l'anglais, vous pouvez me le dire en français ?", "fr"),
        ("en français svp", "fr"),
    ],
)
def test_a_request_for_the_answer_in_a_language_is_read_by_its_shape(
    message: str, language: str
) -> None:
    # A short message naming a language and pointing at the answer, whatever its words.
    assert language_switch(message) == language


def test_a_fragment_offering_answers_belongs_to_the_question_before() -> None:
    # "Des jeunes…, des seniors… ?" proposes answers to "pour qui ?": one question.
    message = "C'est pour qui au juste ? Des jeunes sans diplôme, des seniors isolés ?"
    assert len(questions_of(message)) == 1
    assert len(questions_of("What does the State pay for? Staff salaries, office rent?")) == 1
    # "Et la durée ?" asks the same of something else, and a clause with its own
    # subject asks something of its own.
    assert len(questions_of("Quel est le budget ? Et la durée maximale du parcours proposé ?")) == 2
    assert len(questions_of("Quels sont les critères ? Ils sont notés comment ?")) == 2


def test_what_and_or_are_told_apart() -> None:
    assert analyse("Qu'est-ce que le décret impose aux organismes ?").wh
    # The "ou" of "X ou pas ?" is no "où".
    assert not analyse("Le loyer est financé ou pas ?").wh
    assert analyse("Où faut-il envoyer le dossier ?").wh


@pytest.mark.parametrize(
    "message",
    [
        "On passe à 11 mois de parcours. Du coup on est bons ?",
        "Budget 170 000 € sur 3 ans à Laval. On coche toutes les cases ?",
        "Budget of €170k over three years in Laval. Do we tick all the boxes?",
        # Asked to confirm, however long the sentence.
        "Pouvez-vous me confirmer que notre projet rentre bien dans les clous ?",
        "Pouvez-vous me confirmer que rien ne bloque ?",
        "Could you please confirm that our budget is enough for the call?",
        "Budget 162 000 € sur 3 ans à Cholet. Pensez-vous que nous remplissons les conditions ?",
        "Budget 162 000 € sur 3 ans à Cholet. Remplissons-nous les conditions ?",
        "We are in Laval with €160k over three years. Do we meet the criteria?",
        # Whether anything in them is a problem.
        "Budget 156 000 € sur 3 ans à Château-Gontier. Voyez-vous un point qui bloque ?",
        "Budget of €160k in Laval. Do you see anything blocking?",
    ],
)
def test_asking_whether_the_stated_facts_are_enough(message: str) -> None:
    assert analyse(message).asks_eligibility


def test_asking_to_confirm_a_rule_is_no_question_about_the_project() -> None:
    assert not analyse(
        "Pouvez-vous me confirmer que la demande peut être déposée en ligne ?"
    ).asks_eligibility


@pytest.mark.parametrize(
    "message",
    [
        "Budget 170 k€ à Laval, on est dans les clous ?",
        "Une antenne à Vitré en plus, ça change quelque chose ?",
    ],
)
def test_asking_whether_a_fact_changes_the_verdict(message: str) -> None:
    assert analyse(message).asks_eligibility


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Combien de temps dure la convention ?", {"project"}),
        ("Combien de temps dure le parcours d'une personne ?", {"person"}),
        # Following someone is a person's time, said without naming a person.
        ("Au bout de combien de temps on doit arrêter de suivre un gamin ?", {"person"}),
        ("How long can we support someone?", {"person"}),
        ("On est engagés combien de temps ?", set()),
        # The convention by its acronym, or the verb: the project's time.
        ("C'est quoi au juste une CPOM ?", {"project"}),
        ("Avec qui on conventionne si on est retenus ?", {"project"}),
        # Someone named by a pronoun.
        ("Et si ça marche, ils le suivraient pendant combien de temps ?", {"person"}),
        # The person asking of themselves.
        ("If an O2R takes me on, how long would they support me?", {"person"}),
        ("Ils me suivraient combien de temps ?", {"person"}),
        # Followed, in the passive: the person asking is the one followed.
        ("je peux être suivi combien de temps maximum par une asso ?", {"person"}),
        ("How long can I be supported?", {"person"}),
    ],
)
def test_whose_duration_a_question_asks(text: str, expected: set[str]) -> None:
    assert whose(text) == expected


def test_following_someone_asks_the_pathways_length(assistant) -> None:
    answer = assistant.ask(
        "Au bout de combien de temps on doit arrêter de suivre un gamin qu'on a raccroché ?"
    )
    assert "douze mois" in answer.text.split("\n\n")[0]


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        # A condition states an assumption: the question is what follows it.
        ("Si nous sommes retenus, ferons-nous partie du réseau pour l'emploi ?", False),
        ("If we are selected, do we sign an agreement with the prefect?", False),
        ("Si notre budget est de 140 000 €, sommes-nous éligibles ?", True),
        ("Nous voudrions savoir si nous sommes éligibles.", True),
    ],
)
def test_a_condition_opening_a_clause_asks_no_eligibility(message: str, eligibility) -> None:
    assert analyse(message).asks_eligibility is eligibility


@pytest.mark.parametrize(
    "message",
    [
        "Deux points nous échappent : ferons-nous partie du réseau pour l'emploi ?",
        # ... announced at the end of a statement.
        "Nous avons relu l'appel et une question revient sans cesse en réunion : ferons-nous "
        "partie du réseau pour l'emploi ?",
    ],
)
def test_what_announces_the_points_asked_is_no_part_of_them(message: str) -> None:
    assert questions_of(message) == ["ferons-nous partie du réseau pour l'emploi ?"]


@pytest.mark.parametrize(
    ("message", "several"),
    [
        ("Perçoivent-ils une rémunération, et sont-ils couverts par la sécurité sociale ?", True),
        ("Sont-ils affiliés à la sécurité sociale ? peuvent-ils être rémunérés ?", True),
        ("Are they paid, and are they insured?", True),
        # A second request coordinated with the first.
        ("Pouvez-vous préciser le rôle du chef de file, et nous dire si la convention dure?", True),
        # A second question with a subject of its own.
        ("Quel est le budget minimum, et la formation est-elle incluse ?", True),
        ("What is the minimum budget and is training included?", True),
        # A second wh-question after a comma.
        ("Qui signe la convention, et pour combien de temps ?", True),
        ("Who signs the agreement, and for how long?", True),
        # A second yes/no question after "et est-ce que".
        ("À qui adresser notre dossier, et est-ce qu'on peut le déposer en ligne ?", True),
        ("Quel est le budget minimum, formation comprise ?", False),
        ("Les structures de Laval et de Nantes peuvent-elles répondre ?", False),
        ("Les salariés et les bénévoles sont-ils couverts ?", False),
    ],
)
def test_two_things_asked_at_once(message: str, several: bool) -> None:
    assert analyse(message).asks_several is several


@pytest.mark.parametrize(
    "message",
    [
        "Quel est le rôle exact du chef de file ?",
        "What exactly is the role of the lead?",
        # What someone named does is what its entry says.
        "et il fait quoi concrètement ?",
        "À quoi sert le chef de file ?",
        "quel est son rôle ?",
        "What does the lead partner do once the agreement is signed?",
        # What a notion covers.
        "ce droit commun dont vous parlez, ca recouvre quoi ?",
        "The common law you mention: what does it cover?",
        # Who a word names.
        "In this call, who exactly counts as one of the 'invisibles'?",
        "Qui est considéré comme invisible ?",
        # What a body is.
        "la dreets c qui en fait, c eux qui choisissent les projets ?",
        "Le chef de file, c'est qui exactement ?",
    ],
)
def test_asking_the_role_of_something_asks_its_definition(message: str) -> None:
    assert analyse(message).definition


@pytest.mark.parametrize(
    "message",
    [
        "On fait quoi après le repérage ?",
        "What do we do after the first meeting?",
        # Whether something counts asks yes or no.
        "Does training count as an eligible cost?",
        # Who acts is no definition.
        "C'est qui qui signe la convention ?",
    ],
)
def test_asking_what_to_do_oneself_asks_no_definition(message: str) -> None:
    assert not analyse(message).definition


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        ("Et après, elle devient quoi ?", True),
        ("apres on les envoie ou ?", True),
        ("Que deviennent les personnes à la fin du parcours ?", True),
        ("What happens to participants after the pathway?", True),
        # After something else, where to send a file, or a length: no outcome asked.
        ("Et le dossier, on l'envoie où ?", False),
        ("Le dossier s'envoie par courrier, ou peut-on le faire en ligne ?", False),
        ("Combien de temps après le dépôt a-t-on une réponse ?", False),
        ("Combien de temps dure le parcours ?", False),
    ],
)
def test_where_the_people_end_up_is_an_outcome_asked(message: str, outcome: bool) -> None:
    assert ("outcome" in analyse(message).kinds) is outcome


@pytest.mark.parametrize(
    ("message", "payment"),
    [
        ("La subvention nous arrive-t-elle en une fois, ou en deux tranches ?", True),
        ("le fric de l'état on le touche quand ? y a une avance ?", True),
        ("How is the State's contribution paid out?", True),
        ("Comment l'argent est-il versé au porteur ?", True),
        ("Quelle part de la contribution est versée dès la signature ?", True),
        # Ahead of time, an age bracket, how long or how much: no payment asked.
        ("Faut-il déposer le dossier en avance ?", False),
        ("Quelles tranches d'âge sont visées ?", False),
        ("Combien de temps la rémunération est-elle versée ?", False),
        ("How much are participants paid?", False),
        ("Comment sera calculé le montant versé par l'État ?", False),
        ("Les personnes accompagnées sont-elles payées ?", False),
    ],
)
def test_how_or_when_money_is_paid_is_a_payment_asked(message: str, payment: bool) -> None:
    assert ("payment" in analyse(message).kinds) is payment


def test_whether_training_may_be_paid_is_a_kind_asked() -> None:
    assert "training" in analyse("Pourrait-on payer des formations avec l'enveloppe ?").kinds
    assert "training" not in analyse("Peut-on orienter les personnes vers une formation ?").kinds


@pytest.mark.parametrize(
    ("message", "public"),
    [
        ("Une femme sans logement peut-elle entrer dans le parcours ?", True),
        ("Les décrocheurs scolaires sont-ils concernés ?", True),
        ("un gars de 50 ans sans boulot depuis 2 ans, on peut le prendre ?", True),
        ("Can we support refugees who have just arrived?", True),
        ("Les détenus sortants font-ils partie du public ?", True),
        # A length, or an expense, asked: no public; nor whether someone registered can be,
        # which the subsidiary public answers.
        ("Combien de temps une personne peut-elle être accompagnée ?", False),
        ("Un demandeur d'emploi inscrit peut-il être accompagné ?", False),
        ("Les dépenses de formation sont-elles éligibles ?", False),
    ],
)
def test_whether_someone_is_of_the_public_is_a_kind_asked(message: str, public: bool) -> None:
    assert ("public" in analyse(message).kinds) is public


def test_a_figure_in_a_quoted_name_gives_no_rate() -> None:
    assert not gives_kind("rate", "prolonge les appels à projets « 100 % inclusion » du PIC")
    assert gives_kind("rate", "un taux de sortie de 60 % est attendu")


@pytest.mark.parametrize(
    "message",
    [
        "Quel montant par bénéficiaire la DREETS juge-t-elle acceptable ?",
        "ça revient à combien par jeune suivi ?",
        "What budget per participant do you expect?",
    ],
)
def test_an_amount_per_person_is_an_amount_asked(message: str) -> None:
    assert "amount" in analyse(message).kinds


@pytest.mark.parametrize(
    "message",
    [
        "Pouvez-vous me confirmer que nous respectons les conditions de l'appel ?",
        "Notre projet correspond-il aux critères de l'AMI ?",
        "Do we comply with the requirements?",
    ],
)
def test_meeting_the_conditions_in_other_verbs_asks_eligibility(message: str) -> None:
    assert analyse(message).asks_eligibility


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        ("Pouvons-nous répondre à l'AMI avec ce projet ?", True),
        # A question one could not answer, or needs met, are no answer to the call.
        (
            "Un jeune que nous suivons m'a posé une question à laquelle je n'ai pas su "
            "répondre : sera-t-il rémunéré pendant le parcours ?",
            False,
        ),
        ("Pouvons-nous répondre aux besoins des jeunes du quartier ?", False),
    ],
)
def test_answering_the_call_not_a_question_asks_eligibility(
    message: str, eligibility: bool
) -> None:
    assert analyse(message).asks_eligibility is eligibility


def test_which_article_asked_with_combien_asks_for_a_reference() -> None:
    # "l'article combien" asks which article creates it, not an amount.
    assert analyse("la loi plein emploi c l'article combien qui cree l'O2R deja ?").kinds == (
        "reference",
    )
    assert analyse("ils touchent combien ?").kinds == ("amount",)


def test_a_sentence_enumerating_what_is_asked_gives_a_list() -> None:
    text = "Les trois missions sont le repérage, la remobilisation, et l'accompagnement."
    assert enumerates(text, set(tokens("Quelles missions ?")))
    # Another list enumerated answers no question about missions.
    assert not enumerates(text.replace("missions", "étapes"), set(tokens("Quelles missions ?")))


def test_a_list_after_a_colon_enumerates_the_noun_before_it() -> None:
    text = "La région compte cinq départements : la Sarthe (72), la Mayenne (53) et la Vendée (85)."
    asked = plural_asked("c koi les departements de l'ami ?")
    assert asked and enumerates(text, asked)
    assert not enumerates(text, plural_asked("Quelles missions ?"))


@pytest.mark.parametrize(
    ("message", "kinds", "who", "definition"),
    [
        # A body asked for by its service.
        ("Et quel service examine les dossiers ?", ("who",), True, False),
        # "qui" opening the last clause.
        ("Et une fois le dossier déposé, qui l'examine ?", ("who",), True, False),
        ("Et la DREETS, qui instruit les dossiers, peut-elle nous aider ?", (), False, False),
        # Comparing two things is no definition of a term.
        ("c koi la différence entre ces assos o2r et la mission locale ?", (), False, False),
        ("c'est quoi un CPOM ?", (), False, True),
        # What a text must spell out is a list.
        ("What does the statute say the agreement must spell out?", ("list",), False, False),
        # Where people end up is the outcome.
        ("Where are they meant to end up?", ("outcome",), False, False),
        (
            "What happens to someone once they've been through the programme?",
            ("outcome",),
            False,
            False,
        ),
        # An amount asked in English.
        ("What is the monthly amount, in euros, of the allowance?", ("amount",), False, False),
        # What an acronym refers to is its definition.
        ("Could you explain what the acronym 'O2R' refers to?", (), False, True),
    ],
)
def test_what_a_message_asks_for(message: str, kinds: tuple, who: bool, definition: bool) -> None:
    asked = analyse(message)
    assert asked.kinds == kinds
    assert asked.who is who
    assert asked.definition is definition


def test_the_text_setting_an_amount_asks_no_amount() -> None:
    asked = analyse(
        "What does the contribution cover, and in which document is its amount set out?"
    )
    assert "amount" not in asked.kinds


def test_going_ahead_asks_whether_the_facts_stated_qualify() -> None:
    assert analyse("Alors, on peut y aller ?").asks_eligibility
    assert analyse("Can we go ahead?").asks_eligibility
    assert not analyse("On peut aller chercher les jeunes chez eux ?").asks_eligibility


def test_examples_in_brackets_enumerate_the_noun_they_follow() -> None:
    text = "Elle priorise les publics qui cumulent des difficultés (santé, logement, mobilité)."
    asked = plural_asked("Quelles difficultés faut-il traiter en même temps ?")
    assert asked == set(tokens("difficultés"))
    assert enumerates(text, asked)
    # Brackets holding no list, or a list after another noun, give no examples.
    assert not enumerates("Les publics en difficulté (les invisibles) sont visés.", asked)
    assert not enumerates("Les freins (santé, logement, mobilité) sont levés.", asked)
    assert plural_asked("Quel est le budget minimum ?") == set()


@pytest.mark.parametrize(
    "question",
    [
        "what r the 3 missions these organisations are in charge of??",
        "What are the missions of the organisations?",
        "Quelles sont les trois missions de ces organismes ?",
        "c'est quoi les missions de l'O2R ?",
    ],
)
def test_several_things_asked_for_in_other_words(question: str) -> None:
    assert plural_asked(question) == set(tokens("missions"))


def test_the_missions_enumerated_answer_what_the_missions_are(assistant) -> None:
    answer = assistant.ask("what r the 3 missions these organisations are in charge of??")
    assert "Les trois missions sont" in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "C'est elle aussi qui décide du calendrier de l'appel ?",
        "Est-ce la DREETS qui fixe la date limite ?",
        "Is it the prefect who decides?",
        # Spoken French: "c'est qui qui…".
        "c qui qui a ecrit le cahier des charges, la region ou l'etat ??",
        "C'est qui qui signe la convention ?",
        # To whom: "c'est à elle que…".
        "Et c'est à elle qu'on envoie la demande ?",
    ],
)
def test_a_body_put_forward_asks_who_acts(question: str) -> None:
    asked = analyse(question)
    assert asked.who and asked.kinds == ("who",)


@pytest.mark.parametrize(
    "question",
    [
        "Notre présidente voudrait savoir concrètement à qui il faut envoyer la demande.",
        "We would like to know who signs the agreement.",
    ],
)
def test_an_indirect_question_asks_who(question: str) -> None:
    assert analyse(question).who


def test_a_thing_put_forward_is_no_body() -> None:
    asked = analyse("Est-ce le projet qui dure 3 ans ?")
    assert not asked.who and "duration" in asked.kinds


def test_which_decree_asks_for_a_reference() -> None:
    assert analyse("Which decree lays down how participants get paid?").kinds == ("reference",)


@pytest.mark.parametrize(
    ("message", "count"),
    [
        ("Is the number of funded projects limited by the state budget?", False),
        ("Is there a maximum number of participants?", True),
        ("What is the number of projects funded each year?", True),
        # A bound put on the number asks whether there is one.
        ("Is there any budgetary constraint on how many applications can be approved?", False),
        ("Y a-t-il une limite sur le nombre de projets retenus ?", False),
        ("How many applications can be approved?", True),
    ],
)
def test_a_yes_no_question_about_a_number_asks_no_count(message: str, count: bool) -> None:
    assert ("count" in analyse(message).kinds) is count


@pytest.mark.parametrize(
    "message",
    [
        "le « aller vers » c quoi au juste ?",
        "cest koi un SIEG",
        "C'est quoi le CPOM ?",
        # What a text means by a word, in any person.
        "Nous nous demandons si ce travail correspond à ce que l'appel entend par « aller vers ».",
        "Qu'entendez-vous par droit commun ?",
        "What do you mean by remobilisation?",
        # Written by a learner of English.
        "Please, what mean 'repérage' in this call?",
    ],
)
def test_what_is_it_written_as_spoken_asks_a_definition(message: str) -> None:
    assert analyse(message).definition


@pytest.mark.parametrize(
    "question",
    [
        "Which legal instrument lays down the national specifications?",
        "On what legal basis are these organisations created?",
        "Quel arrêté fixe le cahier des charges national ?",
        "Sur quelle base juridique repose l'O2R ?",
        "Which legal provision created these bodies?",
        "Quelle disposition légale a créé ces organismes ?",
    ],
)
def test_asking_which_text_in_other_words_asks_for_a_reference(question: str) -> None:
    assert "reference" in analyse(question).kinds


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Quel sera exactement le rôle du chef de file ?", "rôle"),
        ("Quel est donc le montant minimum ?", "montant"),
        ("Quel financement est prévu ?", "financement"),
        # A possessive is a determiner too, and a word beginning like one is a word.
        ("Quelles sont leurs missions, et envers quels publics ?", "missions"),
        ("Quelle est leur rémunération ?", "rémunération"),
    ],
)
def test_an_adverb_before_the_article_is_not_the_subject(question: str, subject: str) -> None:
    assert analyse(question).subject == subject


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        # What an existence question asks about; a bound names no topic.
        ("Y a-t-il une limite d'âge pour les personnes accompagnées ?", "âge"),
        ("Existe-t-il un comité de sélection ?", "comité"),
        ("Y a-t-il un nombre maximum de projets retenus ?", "projets"),
        ("Existe-t-il un minimum ?", None),
        # Who sits in a body asks about that body.
        ("Qui siège dans le comité de sélection des projets ?", "comité"),
        ("Qui fait partie du réseau pour l'emploi ?", "réseau"),
        # "Quel niveau de X" asks about X: "niveau" only frames it.
        ("Quel niveau d'expertise attend-on des candidats ?", "niveau"),
        # A follow-up naming only a topic asks about it; not one asking something of it.
        ("Et côté gouvernance ?", "gouvernance"),
        ("ok mais concernant l'évaluation ?", "évaluation"),
        ("And what about staffing?", "staffing"),
        ("Côté budget, ça passe ?", None),
    ],
)
def test_what_an_existence_question_asks_about(question: str, subject: str | None) -> None:
    assert analyse(question).subject == subject


def test_a_text_pointed_at_may_be_of_any_kind() -> None:
    about = texts_named("Et il date de quand, ce texte ?")
    named = "L'arrêté du 26 juin 2024 fixe en annexe 1 le cahier des charges."
    assert about >= {"loi", "décret", "arrêté"} and dates_text(named, about)
    assert texts_named("Les textes disent-ils quand les lauréats sont informés ?") == set()


@pytest.mark.parametrize(
    ("message", "own"),
    [
        ("du coup, notre budget tient la route ?", True),
        ("et nos parcours, ça va ?", True),
        ("And our budget, is it fine?", True),
        # A wh-question, a figure asked or a long question asks something of its own.
        ("Notre budget doit contenir quelles dépenses ?", False),
        ("notre projet dure combien de temps au maximum ?", False),
        (
            "Notre structure peut-elle déposer un dossier avec une autre association du même "
            "département ?",
            False,
        ),
        ("Le budget tient la route ?", False),
        # Whether what was just said tells against the bid.
        ("Est-ce que ça peut jouer contre nous ?", True),
        ("Est-ce que c'est un problème ?", True),
        ("Est-ce que ça vaut aussi pour les ateliers ?", False),
    ],
)
def test_a_short_question_about_the_candidates_own_project(message: str, own: bool) -> None:
    assert about_own_project(analyse(message)) is own


@pytest.mark.parametrize(
    ("question", "wh"),
    [
        # A relative pronoun after a noun asks nothing…
        (
            "Les indemnités des accompagnateurs qui se déplacent sont-elles prises en charge ?",
            False,
        ),
        ("Les personnes que nous suivons seront-elles payées ?", False),
        # … an interrogative one does.
        ("Savez-vous qui signe la convention ?", True),
        ("Quel est l'organisme qui signe ?", True),
    ],
)
def test_a_relative_pronoun_is_no_wh_question(question: str, wh: bool) -> None:
    assert analyse(question).wh is wh


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # A bound right after a length bounds that length: the facts ask for no amount.
        ("Accompagnement de 8 mois maximum par personne. Ça vous va ?", ()),
        ("Parcours de deux ans minimum, c'est possible ?", ()),
        # So does one after a pathway, which lasts; and "1 an" is French.
        ("parcours maximum par perso ? 1 an c bon ?", ()),
        # "Au minimum" says "at least" of the verb.
        ("Le projet doit-il contenir au minimum un accompagnement ?", ()),
        # Unless a quantity is asked.
        ("Quelle part du budget l'État finance-t-il au maximum ?", ("amount", "rate")),
        ("Quel est le budget maximum ?", ("amount",)),
    ],
)
def test_a_bound_after_a_length_or_as_an_adverb_asks_for_no_amount(text: str, kinds) -> None:
    assert analyse(text).kinds == kinds


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("parcours max par perso ? 1 an c bon ?", False),
        ("Is it an association?", True),
        ("an 18 month pathway, ok?", True),
        ("par an ?", False),
        # A place's name is in no language: "de la" is not French here.
        ("Who reviews the applications in Pays de la Loire?", True),
        ("Le projet en Pays de la Loire est-il recevable ?", False),
    ],
)
def test_an_after_a_number_is_the_french_year(text: str, english: bool) -> None:
    assert analyse(text).english is english


def test_a_question_in_no_language_of_its_own_is_in_the_messages() -> None:
    message = "submission: online ok? and addressed to whom exactly?"
    assert analyse(message, "submission: online ok?").english is True
    # A French message keeps its French parts French.
    assert analyse("Dépôt : en ligne ok ? et à qui ?", "Dépôt : en ligne ok ?").english is False


def test_a_question_about_them_keeps_the_statement_that_says_who_they_are() -> None:
    message = (
        "Je croise des jeunes inscrits à France Travail qui n'ont vu aucun conseiller depuis "
        "un an. Ils sont pourtant le public invisible dont parle l'AMI. Est-ce qu'on peut les "
        "accompagner dans le cadre de l'O2R même s'ils figurent encore sur la liste ?"
    )
    (question,) = questions_of(message)
    assert question.startswith("Je croise des jeunes inscrits")
    # "y" before an infinitive leans back too, through a statement that itself leans back.
    message = (
        "Je prépare le budget prévisionnel avec notre comptable. Nous hésitons sur la manière "
        "de le présenter : il nous semblait logique de n'y faire figurer que la part demandée "
        "à l'État. Faut-il au contraire y mettre la totalité des coûts du projet ?"
    )
    (question,) = questions_of(message)
    assert question.startswith("Je prépare le budget prévisionnel")
    # "dans ce cas" anywhere in the question is the case the statement before made.
    assert questions_of(
        "Nous voudrions répondre ensemble. Qui, dans ce cas, coordonne l'ensemble ?"
    ) == ["Nous voudrions répondre ensemble. Qui, dans ce cas, coordonne l'ensemble ?"]
    # ... unless a phrase set off before it names what it stands for.
    assert questions_of(
        "Nous sommes à Laval. Pour le budget prévisionnel, que faut-il y faire figurer ?"
    ) == ["Pour le budget prévisionnel, que faut-il y faire figurer ?"]
    # The article before a noun points at nothing.
    assert questions_of(
        "Nous sommes à Laval. Les dépenses de formation sont-elles éligibles ?"
    ) == ["Les dépenses de formation sont-elles éligibles ?"]


@pytest.mark.parametrize(
    "question",
    [
        "What exactly are the missions of an accredited organisation?",
        "Quelles sont précisément les missions de l'organisme ?",
    ],
)
def test_several_things_asked_with_an_adverb_between(question: str) -> None:
    assert plural_asked(question) == set(tokens("missions"))


@pytest.mark.parametrize(
    "question",
    ["Combien d'argent faut-il au minimum ?", "faut mettre combien de thune minimum ?"],
)
def test_how_much_money_asks_for_an_amount_not_a_count(question: str) -> None:
    asked = analyse(question)
    assert (asked.kinds, asked.count_noun) == (("amount",), None)


@pytest.mark.parametrize(
    "message",
    [
        "Pensez-vous que la convention peut être renouvelée ?",
        "Croyez-vous qu'une mairie peut candidater ?",
        "Estimez-vous que nos partenaires doivent signer ?",
    ],
)
def test_an_opinion_asked_on_a_that_clause_asks_yes_or_no(message: str) -> None:
    # The "que" after a verb of opinion opens a clause; it does not ask "what".
    assert analyse(message).wh is False


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Quand la loi a-t-elle été votée ?", {"loi"}),
        ("Une association loi 1901 peut-elle candidater ?", set()),
        ("Nous sommes une association de loi de 1901 : quel décret s'applique ?", {"décret"}),
    ],
)
def test_the_kinds_of_text_a_question_names(text: str, kinds: set[str]) -> None:
    # The 1901 law associations are formed under is none of the call's texts.
    assert texts_named(text) == kinds


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("Bonjour Madame, Monsieur, quel est le délai ?", "quel est le délai ?"),
        ("Dear all: can we apply?", "can we apply?"),
        # A title is no greeting when nothing sets it off.
        ("Monsieur le préfet signe-t-il ?", "Monsieur le préfet signe-t-il ?"),
        ("Bonjour", "Bonjour"),
    ],
)
def test_the_greeting_opening_a_question_is_not_what_it_asks(text: str, asked: str) -> None:
    assert without_greeting(text) == asked


def test_knowing_who_is_asking_but_a_noun_before_qui_is_not() -> None:
    assert indirect_start("Le conseil voudrait savoir qui signe la convention.") is not None
    assert indirect_start("La demande qui sera déposée comprend le budget.") is None


@pytest.mark.parametrize(
    "question",
    [
        "Nous avons cherché partout qui arrête le calendrier de l'appel : qui le fixe ?",
        "Petite question : qui signe la convention ?",
    ],
)
def test_a_who_question_after_a_colon_asks_who(question: str) -> None:
    asked = analyse(question)
    assert asked.who and asked.kinds == ("who",)


def test_a_basis_given_in_words_is_a_reference() -> None:
    assert gives_kind("reference", "Cette obligation découle du cadre européen des SIEG.")
    assert not gives_kind("reference", "Le porteur doit tenir une comptabilité analytique.")


@pytest.mark.parametrize(
    ("question", "reference"),
    [
        ("Is the grantee required to keep cost accounting, and on what basis?", True),
        ("Is it required, and on what legal basis?", True),
        ("On what basis is the State's financial contribution calculated?", False),
        ("On what basis are the winning projects chosen?", False),
    ],
)
def test_a_basis_asked_for_an_obligation_is_a_reference(question: str, reference: bool) -> None:
    assert ("reference" in analyse(question).kinds) is reference


def test_a_question_leaned_on_is_not_asked_twice() -> None:
    message = (
        "Un élu nous a dit que nous « ferions partie du réseau pour l'emploi ».\n"
        "Est-ce exact ? Et est-ce que cela nous oblige à travailler avec France Travail ?"
    )
    parts = questions_of(message)
    assert len(parts) == 2
    assert parts[0].endswith("Est-ce exact ?")
    assert parts[1] == (
        "Est-ce exact ? Et est-ce que cela nous oblige à travailler avec France Travail ?"
    )


@pytest.mark.parametrize(
    "message",
    [
        "Nous accompagnons des femmes sorties de prison, inscrites nulle part. "
        "Peuvent-elles être le public de notre projet ?",
        "The persons we help are coming out from prison and they are not inscribed at "
        "France Travail. It is possible they are the public of this call?",
    ],
)
def test_a_question_whose_subject_is_a_pronoun_keeps_the_statement_before(message) -> None:
    assert questions_of(message) == [message]


def test_a_pronoun_after_a_question_starts_a_question_of_its_own() -> None:
    message = "Qui peut candidater ? Peuvent-ils être rémunérés pendant le parcours ?"
    assert questions_of(message) == [
        "Qui peut candidater ?",
        "Peuvent-ils être rémunérés pendant le parcours ?",
    ]


def test_a_question_pointing_back_with_la_keeps_the_statement_before() -> None:
    message = (
        "jetais suivi par la mission locale mais jai tout lache l an dernier, trop de galeres."
        " jpeux encore etre aide par ces structures la?"
    )
    assert questions_of(message) == [message]
    # "là" as a place is no pointer: the question stands alone.
    alone = "Nous sommes à Angers. Peut-on candidater si on a des locaux là-bas ?"
    assert questions_of(alone) == ["Peut-on candidater si on a des locaux là-bas ?"]


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A remark set off by a dash names nothing asked for...
        ("Quick one, deadline's Friday - is keeping accounts compulsory?", ()),
        # ... unless it asks itself.
        (
            "When does the State pay the first instalment — is there an advance at signature?",
            ("date", "payment"),
        ),
    ],
)
def test_a_dashed_remark_before_the_question(question: str, kinds) -> None:
    assert analyse(question).kinds == kinds


@pytest.mark.parametrize(
    ("question", "eligibility"),
    [
        ("Ce public-là convient-il pour l'AMI ?", True),
        ("Voyez-vous un point bloquant avant que nous finalisions le dossier ?", True),
        ("Do you see any issue with our plan?", True),
        ("Il convient de préciser le budget ?", False),
        ("Ce public convient-il ?", False),
    ],
)
def test_asking_whether_what_was_described_fits(question: str, eligibility: bool) -> None:
    assert analyse(question).asks_eligibility is eligibility


def test_a_wish_to_know_with_two_adverbs_asks() -> None:
    message = (
        "Je suis coordinatrice à Saint-Herblain. Mon conseil voudrait savoir très concrètement "
        "à qui nous devons adresser notre dossier. Je vous avoue que nous sommes perdus."
    )
    assert focus_of(message).startswith("Mon conseil voudrait savoir")


@pytest.mark.parametrize(
    "question",
    [
        "They ask me: only associations can apply, or also a public institution like them?",
        "Seules les associations peuvent candidater ?",
    ],
)
def test_asking_whether_only_one_kind_may_apply(question: str) -> None:
    assert "applicant" in analyse(question).kinds


@pytest.mark.parametrize(
    "sentence",
    [
        "I should be grateful if you could clarify whether one of the partners must lead.",
        "Pourriez-vous préciser si le chef de file doit être désigné.",
    ],
)
def test_asking_to_clarify_whether_asks(sentence: str) -> None:
    assert analyse(sentence).asks


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        ("les seniors de plus de 60 ans c possible ?", ("public",)),
        ("des personnes de plus de 50 ans, ça rentre ?", ("public",)),
        # A length still: a bound put on time, not on people.
        ("on peut le garder + d'1 an ?", ("duration",)),
        ("Les parcours peuvent-ils durer plus de 12 mois ?", ("duration",)),
    ],
)
def test_an_age_is_no_length(question: str, kinds) -> None:
    assert analyse(question).kinds == kinds


def test_a_length_counted_in_years_is_still_a_length() -> None:
    assert analyse("et la convention avec l'État, elle court sur combien d'années ?").kinds == (
        "duration",
    )


@pytest.mark.parametrize(
    "question",
    [
        "Is the application timetable fixed nationally, or does each region decide its own "
        "deadlines and procedure?",
        "Le calendrier de l'AMI est-il fixé au niveau national ?",
        "La date limite est-elle décidée par chaque région ou par l'État ?",
    ],
)
def test_whether_a_date_is_set_nationally_asks_who_sets_it(question: str) -> None:
    kinds = analyse(question).kinds
    assert "date" not in kinds and "who" in kinds


def test_when_the_deadline_falls_still_asks_a_date() -> None:
    assert "date" in analyse("Quand est la date limite de dépôt ?").kinds


def test_a_wish_to_know_a_few_words_before_what_is_asked() -> None:
    message = (
        "Je dirige un chantier d'insertion dans la Sarthe. Notre conseil veut savoir avant de "
        "s'engager ce que nous devrons rendre comme comptes à l'État si nous sommes retenus. "
        "Merci, Gérard"
    )
    assert focus_of(message).startswith("Notre conseil veut savoir")


@pytest.mark.parametrize(
    ("question", "eligibility"),
    [
        ("Que devrons-nous rendre comme comptes à l'État si nous sommes retenus ?", False),
        ("What must we report once we are selected?", False),
        ("Pensez-vous que nous serons retenus ?", True),
    ],
)
def test_being_chosen_supposed_asks_no_eligibility(question: str, eligibility: bool) -> None:
    assert analyse(question).asks_eligibility is eligibility


@pytest.mark.parametrize(
    ("question", "eligibility"),
    [
        ("Pouvez-vous confirmer qu'aucune règle ne s'oppose à notre candidature ?", True),
        ("Does anything prevent our application?", True),
        ("Quels obstacles rencontrent les personnes repérées ?", False),
    ],
)
def test_what_stands_in_the_way_of_ours_asks_eligibility(question: str, eligibility) -> None:
    assert analyse(question).asks_eligibility is eligibility


@pytest.mark.parametrize(
    ("question", "contact"),
    [
        ("How should the project link up with the local employment network?", False),
        ("Is there a link to the application form?", True),
    ],
)
def test_linking_up_with_someone_asks_no_link(question: str, contact: bool) -> None:
    assert ("contact" in analyse(question).kinds) is contact


@pytest.mark.parametrize(
    ("question", "contact"),
    [
        # A person to reach by name.
        ("Comment s'appelle la personne de la DREETS qui suit l'AMI O2R ?", True),
        ("What is the name of the officer in charge of the call?", True),
        # Help with the writing, a template to follow.
        ("Est-ce que quelqu'un de l'État peut nous aider à rédiger notre dossier ?", True),
        ("Can someone help us write our application?", True),
        ("Les lettres doivent-elles suivre un modèle fourni par la DREETS ?", True),
        # What the file must hold is in the texts.
        ("Que doit contenir le dossier de candidature ?", False),
        ("Qui instruit les dossiers ?", False),
        ("Le modèle économique compte-t-il dans la sélection ?", False),
    ],
)
def test_a_person_help_or_template_to_be_given_asks_a_contact(question: str, contact) -> None:
    assert ("contact" in analyse(question).kinds) is contact


@pytest.mark.parametrize(
    ("question", "public"),
    [
        ("Est-ce que ces frais peuvent être pris en charge dans le budget du projet ?", False),
        ("Les salaires des éducateurs peuvent-ils être pris en charge ?", False),
        ("Les jeunes en CEJ peuvent-ils être pris en charge par l'O2R ?", True),
        # What a text must describe of the people.
        ("Does the agreement have to describe the people the project is aimed at?", False),
    ],
)
def test_costs_taken_on_ask_nothing_of_the_public(question: str, public: bool) -> None:
    assert ("public" in analyse(question).kinds) is public


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("on depose a trois faut un chef de file ou pas", True),
        ("the budget is ok or not", True),
        # Or with the other case named.
        ("genre l'egalite femme homme ca compte vrmt ou c du blabla", True),
        ("Nous ferons des ateliers ou des sorties, on verra.", False),
        # An aside asks nothing.
        ("Pour les rassurer (ou pas !), voici notre projet.", False),
    ],
)
def test_a_question_typed_without_its_mark(message: str, asks: bool) -> None:
    assert analyse(message).asks is asks


def test_and_whether_asks_a_second_question() -> None:
    question = (
        "Could you tell us which office reviews the bids, and whether we can send them online?"
    )
    assert analyse(question).asks_several


def test_people_like_me_are_those_just_described() -> None:
    message = (
        "jai quitte lecole a 17 ans et personne me suit depuis. c pour les gens comme moi ce truc ?"
    )
    assert focus_of(message).startswith("jai quitte lecole")


def test_which_prefecture_is_answered_by_the_prefect_the_texts_name(assistant) -> None:
    answer = assistant.ask(
        "Nous sommes basés à Tours et agirons en Sarthe. Le dossier, on l'envoie à quelle "
        "préfecture ?"
    )
    assert not answer.abstained
    assert "préfet de la région" in answer.text.split("\n\n")[0]


@pytest.mark.parametrize(
    "message",
    [
        "Many of them have debts and no driving licence. Can our coaches handle this as well?",
        "Beaucoup n'ont pas de logement stable. L'accompagnement peut traiter ça aussi ?",
    ],
)
def test_a_pronoun_for_what_was_just_told_keeps_it(message: str) -> None:
    assert focus_of(message) == message


def test_a_request_to_list_asks() -> None:
    message = "My manager asked me to describe how the bids are assessed for our board."
    assert analyse(message).asks


@pytest.mark.parametrize(
    ("message", "asks"),
    [
        ("Just list the selection criteria, please.", True),
        ("Explain the pathway, please.", True),
        ("Dites-moi ce qu'il faut fournir.", True),
        ("Donnez-nous la liste des pièces.", True),
        # An imperative that asks for no information, or one that is no imperative.
        ("Give us a minute.", False),
        ("Listen, we are a charity in Angers.", False),
    ],
)
def test_a_request_in_the_imperative_asks(message: str, asks: bool) -> None:
    assert analyse(message).asks is asks


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        ("Pouvez-vous me dire si ces éléments respectent les règles de l'AMI ?", True),
        ("Les projets respectent-ils en général les règles ?", False),
    ],
)
def test_whether_what_was_stated_meets_the_rules_asks_eligibility(
    message: str, eligibility: bool
) -> None:
    assert analyse(message).asks_eligibility is eligibility


@pytest.mark.parametrize(
    "message",
    [
        "c pour qui en fait vot truc o2r jcomprend rien",
        "C'est pour qui exactement ?",
        "C'est fait pour des jeunes comme lui ou pas du tout ?",
    ],
)
def test_whom_the_offer_is_for_asks_the_public(message: str) -> None:
    assert "public" in analyse(message).kinds


@pytest.mark.parametrize(
    ("message", "outcome"),
    [
        ("le but final c koi, qu'ils trouvent un taf direct ou quoi", True),
        ("au final le but c quoi, que les gens retrouvent un taf direct ?", True),
        ("Quel est l'objectif final pour eux ?", True),
        ("What outcome does the State ultimately expect for the people we work with?", True),
        # The aim of something else.
        ("Quel est l'objectif de la comptabilité analytique ?", False),
    ],
)
def test_the_end_aimed_at_asks_the_outcome(message: str, outcome: bool) -> None:
    assert ("outcome" in analyse(message).kinds) is outcome


@pytest.mark.parametrize(
    ("message", "applicant"),
    [
        ("The conseil départemental can be itself an operator, or only associations are allowed?",
         True),
        ("Only charities are allowed?", True),
        ("The project can last two years?", False),
        ("on est un ccas, on a le droit de repondre a l'ami ou c que pour les assos??", True),
        ("Le budget minimum est-il le même que pour les associations ?", False),
    ],
)  # fmt: skip
def test_who_may_apply_asked_in_statement_order(message: str, applicant: bool) -> None:
    assert ("applicant" in analyse(message).kinds) is applicant


def test_the_idiom_tel_quel_asks_no_wh_question() -> None:
    assert not analyse("On pourrait redéposer notre dossier tel quel ?").wh
    assert analyse("On le garde tel quel, ou sous quel format ?").wh


def test_acronyms_pointed_back_to_are_those_named_before() -> None:
    message = (
        "Mon directeur parle de « SIEG » et de « CPOM » à chaque réunion. "
        "Que signifient ces deux sigles ?"
    )
    assert "SIEG" in " ".join(asked_clauses(message))


def test_the_holder_a_short_follow_up_names_replaces_the_one_before() -> None:
    before = "Quelle est la durée maximale d'accompagnement d'une personne ?"
    assert swaps_holder("Et pour le projet ?", before)
    # The same holder, or a follow-up saying more than whose it is, swaps nothing.
    assert not swaps_holder("Et pour une personne ?", before)
    assert not swaps_holder("Et pour le projet, combien de jeunes faut-il suivre ?", before)


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        ("Nous nous demandons qui doit déposer le dossier pour nos deux associations.", False),
        ("Pouvons-nous déposer un dossier à deux ?", True),
    ],
)
def test_who_files_asks_no_eligibility(message: str, eligibility: bool) -> None:
    assert analyse(message).asks_eligibility is eligibility


@pytest.mark.parametrize(
    ("message", "source"),
    [
        ("C'est écrit où ?", True),
        ("Et ça vient de quel article ?", True),
        ("Dans quel texte ?", True),
        ("Which article says so?", True),
        ("Could you point me to the relevant provisions?", True),
        ("source ?", True),
        ("ta source ?", True),
        ("réf ?", True),
        ("Quelles sources de financement ?", False),
        # A question of its own about a text, or about where to go.
        ("Could you point me to the nearest O2R operator?", False),
        ("Quel texte fixe la durée de la convention ?", False),
        ("Où est-ce que je dépose le dossier ?", False),
    ],
)
def test_asking_only_where_the_answer_is_written(message: str, source: bool) -> None:
    assert asks_source(message) is source


def test_where_it_is_written_quotes_the_answer_before_again(assistant) -> None:
    answer = assistant.ask(
        "C'est écrit où ?",
        history=["Combien de temps peut durer l'accompagnement d'une personne ?"],
    )
    assert "douze mois pour une même personne" in answer.citations[0].quote
    assert not answer.text.startswith(("Oui", "Non"))


def test_a_second_question_asking_where_it_is_written_gets_no_section_of_its_own(
    assistant,
) -> None:
    answer = assistant.ask(
        "Combien de temps dure la convention signée avec l'État ? Où est-ce écrit ?"
    )
    assert "trois ans" in answer.citations[0].quote
    assert "Sur votre question" not in answer.text


@pytest.mark.parametrize(
    "message",
    [
        "Une mairie peut-elle porter un projet O2R ?",
        "Can a town council run an O2R project?",
        "Une collectivité comme la nôtre peut-elle porter elle-même un projet ?",
        # Asked in the conditional.
        "Plutôt que de passer par une association, la commune pourrait-elle porter elle-même "
        "le projet et candidater à l'AMI ?",
        "Ce n'est pas limité aux associations ?",
        "Is the call restricted to non-profits?",
        # Whether a kind of body is shut out.
        "Un établissement public comme le nôtre n'est-il donc pas exclu ?",
    ],
)
def test_carrying_a_project_asks_who_may_apply(message: str) -> None:
    assert "applicant" in analyse(message).kinds


def test_people_shut_out_are_no_kind_of_body() -> None:
    assert "applicant" not in analyse("Les personnes inscrites sont-elles exclues ?").kinds


def test_the_writers_own_body_in_the_conditional_asks_of_no_kind_of_body() -> None:
    message = "Notre club pourrait-il déposer lui-même un dossier, même sans expérience ?"
    assert "applicant" not in analyse(message).kinds


def test_how_bids_are_judged_asks_for_the_criteria() -> None:
    assert "list" in analyse("Sur quoi les dossiers seront-ils départagés ?").kinds
    assert "list" not in analyse("Comment le projet sera-t-il évalué une fois en cours ?").kinds


def test_the_legal_status_asked_is_answered(assistant) -> None:
    assert not assistant.ask("Quel statut juridique faut-il avoir pour candidater ?").abstained


@pytest.mark.parametrize(
    ("message", "supposed"),
    [
        ("Et si on passait à 140 000 €, ça irait ?", ["on passait à 140 000 €."]),
        ("Et si le parcours durait 14 mois ?", ["le parcours durait 14 mois."]),
        (
            "Supposons un budget de 160 000 € sur trois ans, dont 15 000 € de formation : ça "
            "passe ?",
            ["un budget de 160 000 € sur trois ans, dont 15 000 € de formation."],
        ),
        (
            "Imaginons qu'on ait 149 000 € sur trois ans, c'est refusé ?",
            ["on ait 149 000 € sur trois ans."],
        ),
        # Being chosen supposed, or a plan weighed in the present, is no supposed plan.
        ("Si nous étions retenus, quand commencerait la convention ?", []),
        ("ok et si on ouvre aussi une antenne à Niort (79), ça passe ?", []),
        ("Notre budget est de 160 000 €.", []),
        ("si on met les formations des gens dans le budget ca compte pour les 150k ?", []),
        # A bare "si" or "if" with a verb in the past supposes; in the present it does not.
        (
            "Si chaque parcours durait 14 mois, ce serait refusé ?",
            ["chaque parcours durait 14 mois."],
        ),
        (
            "If we reduced each pathway to 10 months, would that work?",
            ["we reduced each pathway to 10 months."],
        ),
        (
            "If our budget were 140k over 3 years, would it pass?",
            ["our budget were 140k over 3 years."],
        ),
        ("If we are based in Angers, can we apply?", []),
    ],
)
def test_a_supposed_plan_is_read_as_the_clause_it_supposes(
    message: str, supposed: list[str]
) -> None:
    assert suppositions(message) == supposed


def test_a_claim_judged_keeps_the_case_told_before_it() -> None:
    message = (
        "Notre permanence tourne en Mayenne. Nous avons rencontré un homme inscrit à France "
        "Travail, sans rendez-vous depuis six mois. Notre président dit qu'on doit le renvoyer "
        "vers France Travail. A-t-il raison ?"
    )
    assert focus_of(message).startswith("Nous avons rencontré un homme inscrit")


def test_a_line_a_blank_line_closes_is_no_part_of_the_next_sentence() -> None:
    message = (
        "Bonjour,\nVoici l'échange avec notre partenaire, la question est en bas.\n\n"
        "Bien à vous,\nKarim Benali, chargé de mission, Tremplin Anjou\n\n"
        "> De : Mission locale du Saumurois\n"
        "> Nous voudrions savoir qui finance ces parcours avant de nous engager."
    )
    asked = questions_of(message)
    assert asked and not any("Benali" in q for q in asked)


@pytest.mark.parametrize(
    ("message", "kinds"),
    [
        # A polite request asks, and names what it asks for.
        ("We would be grateful if you could outline the conditions for joint bids.", ("list",)),
        ("Je vous remercie de bien vouloir me préciser la durée du parcours.", ("duration",)),
        ("What are the main obligations of an operator?", ("list",)),
    ],
)
def test_a_polite_request_asks_for_what_it_names(message: str, kinds: tuple) -> None:
    asked = analyse(message)
    assert asked.asks and asked.kinds == kinds


def test_one_of_the_thing_named_before_leans_on_its_sentence() -> None:
    asked = questions_of(
        "Nous n'avons jamais eu de numéro de TVA intracommunautaire. Comment en obtenir un ?"
    )
    assert asked and "TVA" in asked[0]


def test_questions_run_together_as_spoken_are_told_apart() -> None:
    asked = questions_of(
        "bonjour on se demandait avec mon collègue si on peut juste recevoir les gens au "
        "bureau et aussi est ce que le parcours peut durer plus d'un an merci"
    )
    assert len(asked) == 2
    assert asked[0].startswith("bonjour on se demandait")
    assert asked[0].rstrip(" ?").endswith("bureau")
    assert asked[1].startswith("est ce que le parcours")


def test_a_demonstrative_reaches_back_to_the_statement_naming_its_noun() -> None:
    asked = questions_of(
        "Plusieurs familles du quartier ne sont suivies par personne depuis un an. Notre "
        "centre social réfléchit à une candidature. Ces familles pourraient-elles être "
        "accompagnées ?"
    )
    assert asked and asked[0].startswith("Plusieurs familles du quartier")


def test_eligibility_words_in_a_statement_kept_as_context_ask_no_eligibility() -> None:
    asked = analyse(
        "Mon chef hésite à répondre à l'AMI parce qu'il pense que l'État ne financera que des "
        "permanences dans un bureau. Est-ce que le travail de rue, le fait d'aller les chercher "
        "là où ils traînent, peut vraiment faire partie du projet ?"
    )
    assert "Mon chef" in asked.focus  # the statement stays the question's context
    assert not asked.asks_eligibility
    assert analyse(
        "Nous sommes une association à Laval. Pouvons-nous candidater ?"
    ).asks_eligibility


@pytest.mark.parametrize(
    ("message", "focus"),
    [
        (
            "Bonjour Nadia, peux-tu transmettre à la DREETS ? Merci. Paul\n\n"
            "---------- Message transféré ----------\nDe : Claire Martin\n\n"
            "Une association de deux ans peut-elle candidater ?",
            "Une association de deux ans peut-elle candidater ?",
        ),
        (
            "Could you forward this to the right person? Also, is training eligible?",
            "Also, is training eligible?",
        ),
        # Asking for something is a question; a request alone is kept.
        (
            "Pouvez-vous me transmettre la liste des pièces ? La formation est-elle éligible ?",
            "Pouvez-vous me transmettre la liste des pièces ? La formation est-elle éligible ?",
        ),
        (
            "Pouvez-vous transmettre ma question au service compétent ?",
            "Pouvez-vous transmettre ma question au service compétent ?",
        ),
    ],
)
def test_a_request_to_pass_the_message_on_is_no_question(message: str, focus: str) -> None:
    assert focus_of(message) == focus


@pytest.mark.parametrize(
    "message",
    [
        "Our partner company want to give forklift training to the participants. We can put "
        "this cost inside the project budget?",
        "Une entreprise partenaire offrirait une formation de cariste aux participants. "
        "Peut-on mettre ce coût dans le budget ?",
    ],
)
def test_a_spending_pointed_at_is_the_one_described_before(message: str) -> None:
    assert "cariste" in focus_of(message) or "forklift" in focus_of(message)


def test_a_role_pointed_at_is_the_one_taken_on_before() -> None:
    message = "Nous serions prêts à assumer le rôle de chef de file. Où ce rôle est-il formalisé ?"
    assert focus_of(message) == message


def test_the_claims_pointed_to_are_read_with_the_question() -> None:
    message = (
        "Dans la note, elle écrit que « l'AMI finance jusqu'à 150 000 € par an » et que "
        "« l'accompagnement est limité à six mois ». Je préfère vérifier avant mardi. "
        "Ces deux affirmations sont-elles exactes ?"
    )
    assert focus_of(message).startswith("Dans la note, elle écrit que")
    # Nothing quoted or claimed before: the question stands alone.
    alone = "Je relis le dossier. Je préfère vérifier. Ces deux affirmations sont-elles exactes ?"
    assert focus_of(alone).startswith("Je préfère vérifier")


def test_what_to_reply_is_the_question_reported_two_sentences_before() -> None:
    message = (
        "Plusieurs jeunes me demandent déjà s'ils toucheront de l'argent. L'un d'eux a un petit "
        "boulot le week-end. Je ne veux rien promettre : que puis-je leur dire ?"
    )
    assert questions_of(message) == [
        "Plusieurs jeunes me demandent déjà s'ils toucheront de l'argent ?"
    ]


def test_an_english_question_opening_on_a_subject_pronoun_keeps_the_sentence_before() -> None:
    message = "Our client is a new association. It can apply, or the experience is obligatory?"
    assert questions_of(message) == [message]


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        # "ce" stands for what was said: the statement is kept.
        (
            "Notre trésorière tient une comptabilité de caisse. Est-ce suffisant pour ce projet "
            "ou faut-il mettre en place autre chose ?",
            [
                "Notre trésorière tient une comptabilité de caisse. Est-ce suffisant pour ce "
                "projet ou faut-il mettre en place autre chose ?"
            ],
        ),
        # "ce" announces what follows, or "est-ce que" opens the question.
        (
            "Nous sommes à Laval. Est-ce possible de candidater seul ?",
            ["Est-ce possible de candidater seul ?"],
        ),
        (
            "Comment est fixé le montant versé par l'État ? Est-ce un pourcentage du coût du "
            "projet ?",
            [
                "Comment est fixé le montant versé par l'État ?",
                "Est-ce un pourcentage du coût du projet ?",
            ],
        ),
        (
            "Nous sommes à Laval. Est-ce que les communes peuvent candidater ?",
            ["Est-ce que les communes peuvent candidater ?"],
        ),
    ],
)
def test_est_ce_with_an_adjective_points_back(message: str, questions: list[str]) -> None:
    assert questions_of(message) == questions


def test_questions_listed_in_brackets_or_as_dashes_are_each_a_question() -> None:
    assert questions_of(
        "Three quick questions: (1) what is the minimum budget, (2) how long can each person "
        "be supported, (3) who signs the agreement with us? Thanks!"
    ) == [
        "what is the minimum budget ?",
        "how long can each person be supported ?",
        "who signs the agreement with us ?",
    ]
    # A short item of a list is not read with the one before.
    assert questions_of(
        "Questions :\n- le chef de file doit-il signer seul la convention ?\n"
        "- ce budget est-il suffisant ?"
    ) == ["- le chef de file doit-il signer seul la convention ?", "- ce budget est-il suffisant ?"]


@pytest.mark.parametrize(
    ("message", "summary"),
    [
        ("Pouvez-vous me résumer en quelques lignes les conditions principales ?", True),
        ("Can you give me a short checklist of what our application must contain?", True),
        ("Quelles sont les grandes règles de l'appel ?", True),
        # A summary stated, not asked for.
        ("Résumé de notre projet : 160 000 € sur 3 ans à Nantes. Est-ce éligible ?", False),
        ("Quel est le montant minimum ?", False),
        # A summary of one text's topic.
        ("Pouvez-vous résumer ce que dit le décret sur la convention ?", False),
    ],
)
def test_a_request_for_the_conditions_as_a_whole_is_read(message: str, summary: bool) -> None:
    assert analyse(message).asks_summary is summary


def test_a_choice_between_one_file_and_several_asks_how_to_apply() -> None:
    # Weighing a joint file against separate ones is no "do we qualify?".
    assert not analyse(
        "Est-il préférable de déposer ce projet commun ou trois projets séparés ?"
    ).asks_eligibility
    assert analyse("Pouvons-nous déposer ce projet ?").asks_eligibility


def test_the_right_version_asked_for_reads_the_claims_told_before_it() -> None:
    focus = focus_of(
        "Bonjour, je prépare une note pour nos adhérents. J'y ai écrit que l'O2R a été créée "
        "par l'article 5 de la loi pour le plein emploi. Un adhérent juriste me dit que c'est "
        "faux. Avant de diffuser la note, pouvez-vous me donner les bonnes références ?"
    )
    assert "article 5" in focus and "bonnes références" in focus
    assert "je prépare une note" not in focus
    # The noun asked for, not the adjective judging it.
    assert analyse("Quel est le bon chiffre ?").subject == "chiffre"


@pytest.mark.parametrize(
    ("question", "amount"),
    [
        ("what was the total regional envelope?", True),
        ("Quelle est l'enveloppe régionale ?", True),
        # The money running out is no amount asked.
        ("Si l'enveloppe de l'État est déjà bien entamée, notre dossier sera-t-il étudié ?", False),
    ],
)
def test_the_calls_envelope_asked_for_is_an_amount(question: str, amount: bool) -> None:
    assert ("amount" in analyse(question).kinds) is amount


def test_who_wonders_is_not_what_is_asked_about() -> None:
    question = (
        "Our structure (SIAE) wants to know if the persons accompanied can receive a remuneration."
    )
    assert analyse(question).asks
    assert not asks_at(question, question.index("SIAE"))
    assert asks_at(question, question.index("remuneration"))


def test_where_it_is_written_asked_beside_a_question_is_left_to_the_quotes() -> None:
    assert without_reporting("Dans ce cas, qui coordonne, et c'est écrit où ?") == (
        "Dans ce cas, qui coordonne ?"
    )
    # Asked alone, it is the question.
    assert without_reporting("C'est écrit où ?") == "C'est écrit où ?"


def test_the_questions_counted_are_those_after_the_announcement() -> None:
    focus = focus_of(
        "Nous avons lu l'appel et nous ne savons pas si une ville entre dans cette catégorie. "
        "Deux questions donc : une commune peut-elle déposer elle-même une demande ? Et que "
        "fait l'État de son côté ?"
    )
    assert "ne savons pas" not in focus
    assert "une commune peut-elle" in focus and "que fait l'État" in focus


def test_just_reaching_the_floor_asks_whether_the_project_qualifies() -> None:
    assert analyse(
        "Est-ce que nous atteignons tout juste le plancher demandé ou faut-il viser plus haut ?"
    ).asks_eligibility


def test_a_question_pointing_back_to_counted_points_asks_each() -> None:
    message = (
        "Un éducateur me demandait s'ils toucheraient quelque chose pendant l'accompagnement, "
        "et l'autre question est celle de leur couverture sociale. Pouvez-vous éclairer ces "
        "deux points ?"
    )
    asked = analyse(message)
    assert "toucheraient" in asked.focus and asked.asks_several
    assert len(asked_clauses(asked.focus)) == 2


@pytest.mark.parametrize(
    "question",
    [
        "gars sorti de prison, inscrit nul part... on peut le prendre en o2r ??",
        "l'o2r ça peut l'aider ou faut d'abord qu'elle s'inscrive quelque part ?",
        "Are these the people the O2R is meant for?",
        "je voulais dire qui peut en bénéficier, côté personnes accompagnées ?",
        "on se demandait si ce sont ces jeunes-là que l'O2R doit aller chercher en priorité",
    ],
)
def test_whether_the_offer_serves_someone_asks_for_the_public(question: str) -> None:
    assert "public" in analyse(question).kinds


def test_whether_someone_registered_may_be_served_is_no_question_of_the_public() -> None:
    # The subsidiary public's question, which its own sentence answers.
    assert (
        "public" not in analyse("des jeunes inscrits à France Travail, on peut les aider ?").kinds
    )


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is a for-profit business actually allowed to apply?", "applicant"),
        ("une commune peut-elle elle-même déposer une demande ?", "applicant"),
        ("Une société commerciale a-t-elle le droit de candidater ?", "applicant"),
        ("is there a floor on total project cost?", "amount"),
        ("Et une fois l'accompagnement terminé, vers quoi ces personnes vont-elles ?", "outcome"),
    ],
)
def test_kinds_asked_in_other_words(question: str, kind: str) -> None:
    assert kind in analyse(question).kinds


def test_a_stressed_later_question_is_the_one_that_matters() -> None:
    parts = ["c koi le budget minimum ?", "et surtout les formations on peut les mettre dedans ?"]
    assert stressed_question(parts) == 1
    assert stressed_question(["quel budget ?", "et la durée ?"]) is None


def test_a_belief_about_what_was_just_said_is_asked_with_it() -> None:
    asked = analyse(
        "Notre comptable voulait faire figurer dans le budget uniquement les dépenses que nous "
        "demandons à l'État. Je pensais que c'était suffisant : est-ce correct ?"
    )
    assert "uniquement les dépenses" in asked.focus


def test_what_role_someone_plays_asks_for_its_definition() -> None:
    assert analyse("Et elle joue quel rôle dans l'AMI ?").definition
    assert analyse("What role does the DREETS play?").definition


def test_a_dictated_message_is_cut_into_its_questions() -> None:
    message = (
        "bonjour je suis bénévole dans une association on ne sait pas trop ce qu'il faut "
        "proposer est-ce qu'il faut un accompagnement complet pour chaque personne ou est-ce "
        "qu'on peut se limiter à des temps de remobilisation est-ce qu'on peut aussi s'occuper "
        "du logement merci"
    )
    parts = questions_of(message)
    assert len(parts) == 2
    assert parts[0].startswith("est-ce qu'il faut") and "ou est-ce qu'on peut" in parts[0]
    # Punctuated text is read as typed.
    assert questions_of("Faut-il un chef de file ? Quel budget ?") == [
        "Faut-il un chef de file ?",
        "Quel budget ?",
    ]


def test_a_second_question_on_our_own_subject_is_a_clause_of_its_own() -> None:
    question = "Une SARL a-t-elle le droit de candidater, et notre budget suffit-il ?"
    assert asked_clauses(question) == [
        "Une SARL a-t-elle le droit de candidater",
        "notre budget suffit-il ?",
    ]


def test_a_dictated_message_opening_on_a_question_keeps_it() -> None:
    message = (
        "est-ce qu'une association de quartier peut candidater seule sans partenaire ni "
        "expérience particulière dans le domaine est-ce qu'il faut forcément désigner un "
        "chef de file quand on est plusieurs merci"
    )
    parts = questions_of(message)
    assert len(parts) == 2 and parts[0].startswith("est-ce qu'une association")
    # Both end on a question mark: each is a clause asked.
    assert len(asked_clauses(focus_of(message))) == 2


@pytest.mark.parametrize(
    ("message", "questions"),
    [
        # A second question joined on, inverted or opening on a wh-word, is its own.
        (
            "Quelle durée pour la convention, et peut-on la prolonger ensuite ?",
            ["Quelle durée pour la convention ?", "Peut-on la prolonger ensuite ?"],
        ),
        (
            "Quel est le budget minimum exigé, et pouvons-nous compter les salaires des "
            "encadrants ?",
            [
                "Quel est le budget minimum exigé ?",
                "Pouvons-nous compter les salaires des encadrants ?",
            ],
        ),
        # Not one opening on a wh-word, which shares the first one's topic; nor a bare
        # "et comment ?", nor after a first part that asks nothing.
        (
            "Faut-il un chef de file, et qui le désigne dans la convention ?",
            ["Faut-il un chef de file, et qui le désigne dans la convention ?"],
        ),
        (
            "Peut-on candidater seuls, et comment ?",
            ["Peut-on candidater seuls, et comment ?"],
        ),
        (
            "Nous sommes à Laval, et pouvons-nous candidater ?",
            ["Nous sommes à Laval, et pouvons-nous candidater ?"],
        ),
        # The same in English, with its question mark set as English sets it.
        (
            "Who do we send our application to, and can it be submitted electronically?",
            ["Who do we send our application to?", "Can it be submitted electronically?"],
        ),
        ("Can we apply alone, and how?", ["Can we apply alone, and how?"]),
    ],
)
def test_a_second_question_joined_by_a_comma_is_its_own(message: str, questions: list[str]) -> None:
    assert questions_of(message) == questions


def test_a_wh_question_after_a_colon_opens_on_its_preposition() -> None:
    asked = analyse("Le dossier est prêt : auprès de qui le déposons-nous ?")
    assert "who" in asked.kinds


@pytest.mark.parametrize(
    "text", ["a " * 10_000 + "?", ", et " * 3_000 + "?", "x, " * 5_000 + "et peut-on ?"]
)
def test_a_long_sentence_is_split_into_its_questions_in_linear_time(text: str) -> None:
    # The joined-question reader once backtracked over every pair of positions (3 s here).
    started = time.perf_counter()
    questions_of(text)
    assert time.perf_counter() - started < 1.5


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # The topic taken up again is no kind asked of the question after it.
        ("Pour revenir au budget dont on parlait : les repas des participants comptent-ils ?", ()),
        # Unless that question asks its measure.
        ("Pour revenir à la durée, elle est de combien ?", ("duration",)),
    ],
)
def test_a_topic_taken_up_again_asks_no_kind(question: str, kinds: tuple[str, ...]) -> None:
    assert analyse(question).kinds == kinds


def test_the_side_weighed_does_not_lengthen_an_assessment() -> None:
    assert analyse(
        "Est-ce que notre dossier tient la route au niveau du financement ?"
    ).asks_eligibility


@pytest.mark.parametrize(
    ("question", "previous", "asked"),
    [
        ("Le Calvados fait-il partie de la zone ?", None, ["Calvados"]),
        ("Une action à Saumur est-elle possible ?", None, ["Saumur"]),
        # A bare follow-up asks about the place after a question on the area.
        ("Et pour le 79 ?", "Quels départements sont couverts ?", ["Deux-Sèvres"]),
        ("Et pour le 79 ?", "Quel est le budget minimum ?", []),
        # Not a question about something else that names a place.
        ("Le plancher de budget vaut-il aussi en Mayenne ?", None, []),
        ("Combien de projets seront retenus en Sarthe ?", None, []),
    ],
)
def test_the_places_a_question_asks_about(question: str, previous, asked: list[str]) -> None:
    assert [p.name for p in places_asked(question, previous)] == asked


@pytest.mark.parametrize(
    ("question", "kinds"),
    [
        # A law's number is a reference to give, not a contact's number.
        ("slt c koi deja le numero et la date de la loi plein emploi?", ("date", "reference")),
        ("Quel est le numéro de téléphone de la DREETS ?", ("contact",)),
        # A freedom or a say is no sum.
        ("How much leeway does each regional prefect have?", ()),
        ("How much money can we ask for?", ("amount",)),
        # A short aside after "Et" leaves the wh-question it opens.
        ("Et au bout du compte, qui décide ?", ("who",)),
        # Not a condition, which says of what it is asked.
        ("Et si c'est commun, qui coordonne ?", ("who",)),
    ],
)
def test_the_kind_asked(question: str, kinds: tuple[str, ...]) -> None:
    assert analyse(question).kinds == kinds


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("L'asso de Mayenne sera chef de file. Qu'est-ce qui nous manque encore ?", True),
        ("Pouvez-vous me dire ce qu'il manque encore à notre dossier ?", True),
        ("What else is missing from our application?", True),
        ("Budget 200 000 € sur 3 ans. Avons-nous oublié quelque chose ?", True),
        ("Have we missed anything in the application?", True),
        ("Que faut-il joindre au dossier ?", False),
        ("Nous avons oublié la date : quand faut-il déposer ?", False),
    ],
)
def test_asking_what_is_missing(question: str, missing: bool) -> None:
    assert asks_what_is_missing(analyse(question)) is missing


def test_a_word_that_only_stresses_a_question_names_no_topic_of_its_own() -> None:
    message = "Everybody here keeps saying 'CPOM'. What is it exactly, and how long is it signed?"
    assert "CPOM" in analyse(message).focus
    # A topic named in the question itself keeps it alone.
    own = "Everybody here keeps saying 'CPOM'. What is the minimum budget exactly?"
    assert "CPOM" not in analyse(own).focus


def test_a_question_judging_a_pasted_message_reads_that_message() -> None:
    message = (
        "Nous ne sommes pas d'accord entre nous. Voici le message de mon collègue :\n\n"
        "> Karim : si on est retenus, on devient membre du réseau pour l'emploi. Et la "
        "convention, on la signe avec le conseil régional.\n\n"
        "Est-ce que Karim a raison sur les deux points ?"
    )
    focus = analyse(message).focus
    assert "réseau pour l'emploi" in focus and "conseil régional" in focus
    # A question of its own under a reply keeps to its own lines.
    reply = "> On en parle jeudi ?\n\nQuel est le budget minimum du projet ?"
    assert analyse(reply).focus == "Quel est le budget minimum du projet ?"


def test_a_wish_to_know_opens_an_indirect_question_wherever_it_stands() -> None:
    message = (
        "As the auditor reviewing this grant, I need to know where the control arrangements "
        "are laid down. Could you point me to the relevant provisions?"
    )
    assert questions_of(message)[0].startswith("As the auditor reviewing this grant")
    # Control: a need stated, no question in it.
    assert questions_of("As auditors, we need to know the sector well. Thanks.") == []


def test_a_question_typed_without_its_mark_in_spoken_style_asks() -> None:
    # A wh-word left at the end; two ways weighed.
    assert questions_of("notre siege est a paris, on envoie le dossier a qui du coup")
    assert questions_of("une mairie ca peut porter le truc ou fo forcement etre une asso")
    # Controls: statements.
    assert questions_of("Nous travaillons avec qui le souhaite dans le quartier.") == []
    assert questions_of("Ça peut aider les jeunes du quartier.") == []


@pytest.mark.parametrize(
    ("question", "share"),
    [
        ("Quelle part du public doit être des femmes ?", True),
        ("Y a-t-il un quota de personnes handicapées ?", True),
        ("What share of participants must be under 26?", True),
        ("Dans quelle proportion peut-on accueillir des inscrits ?", True),
        # Taking part, or a body's role, is no share.
        ("Les jeunes font-ils partie du public ?", False),
        ("What part does the DREETS play?", False),
    ],
)
def test_a_share_is_asked_however_it_is_named(question: str, share: bool) -> None:
    assert ("rate" in analyse(question).kinds) is share


@pytest.mark.parametrize(
    ("question", "kept"),
    [
        # Two things of the texts compared: the comparing words name no topic.
        (
            "Quelle différence entre la DREETS et le préfet ?",
            "Quelle   entre la DREETS et le préfet ?",
        ),
        ("How does the decree differ from the order?", "How does the decree   from the order?"),
        # The offer or the candidate set against others is what the texts call complementary.
        ("En quoi notre offre est-elle différente de celle de la mission locale ?", None),
        ("What is the difference between the O2R and France Travail's offer?", None),
    ],
)
def test_words_comparing_two_things_of_the_texts_name_no_topic(question: str, kept) -> None:
    assert without_comparing(question) == (kept or question)


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        # A bare question doubts the rule the sender believed, a few sentences before.
        (
            "On hésite car on pensait qu'il fallait au moins 200 000 € par an. Nous avons "
            "52 000 € par an. Notre public : des adultes. Est-ce peine perdue ?",
            "On hésite car on pensait qu'il fallait au moins 200 000 € par an. "
            "Est-ce peine perdue ?",
        ),
        # A figure to confirm is the one the sentence before claimed.
        (
            "The summary says the O2R requires a minimum budget of €100k per year. Could you "
            "confirm that figure before I build the financial model?",
            None,
        ),
    ],
)
def test_a_question_on_a_claim_keeps_the_claim(message: str, kept: str | None) -> None:
    assert focus_of(message) == (kept or message)


def test_an_ellipsis_closing_a_bracket_ends_no_sentence() -> None:
    message = (
        "Je me demandais si un organisme public (un CCAS, une intercommunalité...) pouvait "
        "aussi déposer une demande."
    )
    assert questions_of(message) == [message]
    assert "applicant" in analyse(message).kinds


def test_the_other_choice_of_a_question_is_the_same_question() -> None:
    message = "regional call = standalone rulebook? or is there some national spec behind it"
    assert questions_of(message) == [message]


@pytest.mark.parametrize(
    "message",
    [
        "c koi les criteres pr ke notre projet soit pris ??",
        "les étapes c'est quoi ?",
        # What goes in a document named before.
        "et on doit mettre quoi dedans ?",
        "on y met quoi ?",
    ],
)
def test_asking_what_the_criteria_are_in_a_hurry_asks_for_the_list(message: str) -> None:
    assert "list" in analyse(message).kinds


def test_what_goes_in_the_budget_asks_for_no_list() -> None:
    message = "le budjet previsionel on met koi dedans, ke les salaires ou tt ?"
    assert "list" not in analyse(message).kinds


def test_a_law_is_what_a_promulgation_date_is_asked_of() -> None:
    question = analyse("Elle a été promulguée quand, exactement ?")
    assert texts_named(question.focus) == {"loi"}
    # "a été" is an auxiliary, no topic the date must be of.
    assert "ete" not in question.topic("date")
    assert "ete" in analyse("Le dépôt est-il possible cet été ?").topic("date")


def test_asking_for_an_eliminating_point_weighs_the_stated_facts() -> None:
    asked = analyse("52 000 € par an sur trois ans, en Mayenne. Y a-t-il un point éliminatoire ?")
    assert asked.asks_eligibility and asked.asks_problem


@pytest.mark.parametrize(
    "message",
    [
        "Budget 174 000 € sur trois ans. La nouvelle version tient-elle la route ?",
        "Budget 160 000 € sur trois ans. Ce projet tient-il la route ?",
    ],
)
def test_asking_whether_the_project_holds_up_with_an_inverted_subject(message: str) -> None:
    assert analyse(message).asks_eligibility


def test_what_to_tell_whoever_forwarded_a_question_asks_that_question() -> None:
    message = (
        "mon boss m'a transféré ça : « on peut payer les formations des jeunes avec la "
        "subvention ? » je lui dis quoi ?"
    )
    assert "formations" in analyse(message).focus
    # Control: what someone only said is no question put to the sender.
    assert analyse(message.replace("m'a transféré", "a dit")).focus == "je lui dis quoi ?"


@pytest.mark.parametrize(
    ("text", "english"),
    [
        # French typed without care, with two English-looking "a" and none of the usual
        # function words: its pronouns and greetings tell it.
        ("bonjour je conprend rien a vote truc o2r sa sert a quoi expliquer moi svp", False),
        ("Can a charity apply on its own?", True),
    ],
)
def test_the_language_of_a_message_typed_without_care(text: str, english: bool) -> None:
    assert analyse(text).english is english


@pytest.mark.parametrize(
    ("message", "eligibility"),
    [
        # A thing of any candidate's, named as the subject, is what is weighed.
        ("Nous sommes à Ancenis. Faut-il l'imprimer, ou un envoi en ligne suffit-il ?", False),
        ("We are in Nantes with 160k. Or would a paper copy be enough?", False),
        # The facts stated, pointed back to, are.
        ("Un budget de 140 000 €, ça passe ?", True),
        ("Nous sommes à Nantes avec 160 000 €, ça suffit ?", True),
    ],
)
def test_a_named_thing_said_to_be_enough_is_no_question_of_eligibility(
    message: str, eligibility: bool
) -> None:
    assert analyse(message).asks_eligibility is eligibility


@pytest.mark.parametrize(
    "message",
    [
        "pourriez-vous m'expliquer qui l'on appelle « invisibles » dans ce dispositif ?",
        "C'est quoi ce qu'on appelle l'aller vers ?",
        "Who is called invisible in this scheme?",
    ],
)
def test_what_a_name_is_given_to_asks_for_its_definition(message: str) -> None:
    assert analyse(message).definition


@pytest.mark.parametrize(
    "message",
    [
        "Nous sommes une SCIC créée en 2015 à Laval. Une SCIC peut-elle être chef de file ?",
        "Un GEIQ peut-il être porteur du projet ?",
    ],
)
def test_a_kind_of_body_taking_a_role_of_the_call_asks_who_may_apply(message: str) -> None:
    assert "applicant" in analyse(message).kinds


def test_a_wish_to_cite_something_is_a_question_of_its_own() -> None:
    message = (
        "Je rédige un mémoire sur la loi pour le plein emploi. Dans la partie consacrée à "
        "l'article 7, j'aimerais citer précisément les missions que la loi confie à ces "
        "organismes. Par ailleurs, à quelle date le décret est-il entré en vigueur ?"
    )
    parts = questions_of(message)
    assert len(parts) == 2 and "missions" in parts[0]
    # A wish to obtain something is a plan, not a question.
    assert questions_of("Nous souhaitons obtenir la convention. Quel est le montant minimum ?") == [
        "Quel est le montant minimum ?"
    ]


@pytest.mark.parametrize(
    ("message", "stated"),
    [
        (
            "et si sur ces 170 000 €, 25 k€ servent à payer des formations ?",
            "sur ces 170 000 €, 25 k€ servent à payer des formations.",
        ),
        ("Et si 20 000 € vont aux formations ?", "20 000 € vont aux formations."),
    ],
)
def test_a_plan_weighed_in_the_present_may_open_on_the_whole_or_an_amount(
    message: str, stated: str
) -> None:
    assert statements_of(message) == stated
    assert not suppositions(message)


def test_a_plan_in_the_past_stays_a_supposition() -> None:
    assert suppositions("et si le parcours durait 14 mois ?") == ["le parcours durait 14 mois."]


def test_a_bare_question_after_a_statement_left_open_in_english_keeps_it() -> None:
    message = "Our structure is a company (SAS), not a non-profit. We can apply also or not?"
    assert focus_of(message) == message


@pytest.mark.parametrize(
    "message",
    [
        "Our structure is a company (SAS), not a non-profit. We can apply also or not?",
        "on est une siae, on peut porter un projet o2r en plus de nos chantiers ?",
        "Nous sommes un CCAS. Pouvons-nous candidater ?",
        "slt on est un club de foot a cholet, on peut porter le projet nous meme ?",
        # The kind stated in a sentence of its own, the question asked after it.
        "We are service of a municipality, not association. Is possible for us to become operator?",
    ],
)
def test_whether_the_writers_kind_of_body_may_apply_asks_which_bodies_may(message: str) -> None:
    assert "applicant" in analyse(message).kinds


def test_the_kind_of_body_stated_before_is_read_with_whether_it_may_apply() -> None:
    message = "Nous sommes une mairie. Pouvons-nous devenir opérateur ?"
    assert focus_of(message) == message
    # Not a question of its own after it.
    other = "Nous sommes une mairie. Quel est le budget minimum ?"
    assert focus_of(other) == "Quel est le budget minimum ?"


def test_a_kind_of_body_asked_in_the_third_person_is_no_eligibility_question() -> None:
    asked = analyse(
        "Je suis gérante d'une SCOP à Cholet. On nous dit que l'AMI O2R est réservé aux "
        "associations : est-ce exact, ou une société comme la nôtre peut-elle aussi candidater ?"
    )
    assert "applicant" in asked.kinds
    assert not asked.asks_eligibility


def test_an_association_asking_whether_it_may_apply_asks_its_eligibility() -> None:
    assert (
        "applicant" not in analyse("Nous sommes une association, pouvons-nous candidater ?").kinds
    )


def test_a_company_asking_with_its_project_facts_still_asks_its_eligibility() -> None:
    asked = analyse(
        "Nous sommes une SARL d'insertion à Angers, avec un budget de 200 000 € sur 3 ans. "
        "Pouvons-nous candidater ?"
    )
    assert "applicant" in asked.kinds
    assert asked.asks_eligibility


def test_one_of_those_named_before_keeps_the_sentence_naming_them() -> None:
    message = (
        "Pour l'AMI, nous montons un projet à plusieurs. Les trois structures interviendront "
        "chacune sur leur secteur. Faut-il qu'une seule d'entre elles porte le projet ?"
    )
    assert focus_of(message) == (
        "Les trois structures interviendront chacune sur leur secteur. Faut-il qu'une seule "
        "d'entre elles porte le projet ?"
    )


def test_one_of_them_after_a_question_is_a_question_of_its_own() -> None:
    message = "Peut-on candidater à trois ? Faut-il qu'une seule d'entre elles porte le projet ?"
    assert focus_of(message) == message
    assert questions_of(message) == [
        "Peut-on candidater à trois ?",
        "Faut-il qu'une seule d'entre elles porte le projet ?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "How much month maximum one person can stay in the accompaniment of O2R?",
        "How much time can a person be accompanied?",
    ],
)
def test_how_much_time_asks_a_length(question: str) -> None:
    assert analyse(question).kinds == ("duration",)


def test_how_much_money_still_asks_an_amount() -> None:
    assert analyse("How much money can we get?").kinds == ("amount",)


@pytest.mark.parametrize(
    "question",
    [
        "et apres le parcours ils vont ou les gens ?",
        "Et une fois qu'il est terminé, elle doit aller où ?",
        "Plus largement, vers quoi les parcours O2R doivent-ils déboucher ?",
        "Pourrons-nous proposer aux personnes repérées d'entrer ensuite dans notre chantier ?",
        "À la fin des 12 mois, la personne doit-elle avoir un emploi ?",
        # The elided article, and another end accepted, which asks of no public.
        "faudra-t-il absolument qu'ils aient trouvé un emploi à la fin de l'accompagnement, ou "
        "une autre issue est-elle acceptée ?",
    ],
)
def test_where_people_go_after_the_pathway_asks_its_outcome(question: str) -> None:
    assert "outcome" in analyse(question).kinds
    assert "public" not in analyse(question).kinds


def test_after_filing_is_no_outcome() -> None:
    assert "outcome" not in analyse("Et une fois le dossier déposé, on attend combien ?").kinds


@pytest.mark.parametrize(
    ("focus", "holder"),
    [
        ("Elle dure combien de temps, et qu'est-ce qu'elle doit prévoir pour le suivi ?", set()),
        ("Pour le projet, c'est combien de temps ?", {"project"}),
        ("Le suivi d'un jeune, ça dure combien de temps ?", {"person"}),
    ],
)
def test_whose_length_is_read_in_the_clause_asking_it(focus: str, holder: set[str]) -> None:
    assert duration_holder(focus) == holder


@pytest.mark.parametrize(
    "question",
    [
        "Le département de Loire-Atlantique peut-il être partenaire d'un projet O2R ?",
        "La ville de Cholet peut-elle candidater ?",
    ],
)
def test_a_body_named_by_its_place_is_no_place_asked_about(question: str) -> None:
    assert places_asked(question) == []


def test_a_department_asked_about_is_still_a_place_asked_about() -> None:
    assert [p.department for p in places_asked("Le département de la Manche est-il couvert ?")] == [
        "50"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Un bailleur social peut-il participer au projet ?",
        "Le département de Loire-Atlantique peut-il être partenaire d'un projet O2R ?",
        "Do we stand a chance or is this for big organisations?",
    ],
)
def test_whether_a_kind_of_body_may_take_part_asks_which_bodies_may(question: str) -> None:
    assert "applicant" in analyse(question).kinds


@pytest.mark.parametrize(
    "message",
    [
        # One of them reporting a question is no one of those the question asks about.
        "Notre fédération accompagne plusieurs adhérents. L'un d'eux me demande si tous les "
        "dossiers seront conventionnés ?",
        # The writer's own group is the writer's.
        "Nous sommes trois associations. Faut-il que l'une d'entre nous coordonne ?",
    ],
)
def test_one_of_a_group_reporting_or_the_writers_own_asks_on_its_own(message: str) -> None:
    assert focus_of(message) == message.split(". ")[-1]


def test_a_structure_like_ours_asks_the_writers_own_eligibility() -> None:
    asked = analyse(
        "Nous portons un chantier d'insertion à Cholet. Nous voulions savoir si une structure "
        "comme la nôtre peut candidater à l'AMI O2R ?"
    )
    assert asked.asks_eligibility


@pytest.mark.parametrize(
    ("message", "plan"),
    [
        ("Et s'il passait à 160 000 € ?", "il passait à 160 000 €."),
        ("hey, if we cut our budget down to €120k are we still ok?", "we cut our budget"),
    ],
)
def test_a_supposition_after_an_elided_si_or_a_greeting(message: str, plan: str) -> None:
    found = suppositions(message)
    assert found and found[0].startswith(plan)


def test_a_plan_weighed_on_a_pronoun_is_stated() -> None:
    assert "160 000" in statements_of("Et s'il passe à 160 000 € ?")


def test_a_dictated_sign_off_is_no_part_of_the_last_question() -> None:
    parts = questions_of(
        "bonjour je suis conseillere dans une association a Nantes et les jeunes nous demandent "
        "tout le temps si ils vont etre payes pendant l'accompagnement vu qu'ils ont pas un "
        "rond est ce qu'ils touchent quelque chose ou pas merci bonne journee Claire"
    )
    assert parts and "Claire" not in parts[-1] and "payes" in parts[-1]


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("c'est quoi les horaires d'ouverture de la dreets a Nantes ?", "contact"),
        ("What are the DREETS opening hours?", "contact"),
        ("Le versement de la première tranche de la subvention sera-t-il décalé ?", "payment"),
        ("Devrons-nous rembourser une partie de la contribution de l'État ?", "payment"),
        ("est ce qu'on peut avoir une avance des le debut de la convention", "payment"),
    ],
)
def test_kinds_the_texts_never_give(question: str, kind: str) -> None:
    assert kind in analyse(question).kinds


@pytest.mark.parametrize(
    "question",
    [
        "Could you confirm whether this kind of first-contact work falls within the call?",
        "Nobody from there contact them since 8 month. Is possible we accompany them?",
    ],
)
def test_contact_made_with_people_asks_no_address(question: str) -> None:
    assert "contact" not in analyse(question).kinds


def test_two_ways_weighed_with_their_modals_ask() -> None:
    asked = analyse(
        "people we help they can be registered at France Travail or they must be not "
        "registered anywhere"
    )
    assert asked.asks


@pytest.mark.parametrize(
    "question",
    [
        "Si nous portons notre budget à 400 000 €, quel pourcentage l'État prendra-t-il ?",
        "Si notre action s'arrête au bout de 18 mois, devrons-nous rembourser l'aide ?",
        "on bosse dans un qpv a st nazaire, le budget minimum c'est combien pour deposer ?",
    ],
)
def test_a_figure_or_a_thing_of_its_own_asks_no_eligibility(question: str) -> None:
    assert not analyse(question).asks_eligibility


def test_a_plan_weighed_alone_asks_whether_it_passes() -> None:
    assert analyse("et si on ouvre aussi une antenne à Rennes ?").asks_eligibility


def test_the_plan_just_described_judged_leans_back() -> None:
    focus = focus_of(
        "Faute de moyens, nous envisageons de réduire nos maraudes pour accueillir les "
        "personnes dans nos locaux. Notre projet resterait-il conforme à ce qu'attend l'AMI ?"
    )
    assert "maraudes" in focus


@pytest.mark.parametrize(
    "question",
    [
        "The young man we met last week is registered nowhere. Could he join the programme?",
        "Our client has no job and no adviser. Does she fall within the target group?",
        "Ce monsieur n'est suivi par personne : est-ce qu'il peut entrer dans notre action ?",
        "Cette jeune fille est-elle considérée comme une personne « invisible » ?",
    ],
)
def test_a_person_let_into_the_offer_asks_of_its_public(question: str) -> None:
    assert "public" in analyse(question).kinds


def test_a_phrase_quoted_just_before_is_what_a_pronoun_asks_about() -> None:
    focus = analyse(
        "Bonjour,\n\nNous sommes trois salariés. Le décret mentionne un « accompagnement "
        "intensif ».\n\nQu'est-ce que cela veut dire pour nous, et comment le prouver ?\n\n"
        "Merci,\nPaul"
    ).focus
    assert "accompagnement intensif" in focus


def test_a_statement_without_a_quoted_phrase_stays_out_of_the_question() -> None:
    focus = analyse(
        "Bonjour,\n\nNous avons ouvert une antenne au Mans en 2015.\n\nQu'est-ce que cela "
        "implique pour la durée du parcours ?\n\nMerci,\nPaul"
    ).focus
    assert "Mans" not in focus


def test_not_knowing_what_others_talk_about_asks_nothing() -> None:
    assert not asks("Au bureau, on cite souvent ce décret sans savoir de quel texte il s'agit.")


def test_whose_pathway_leads_where_asks_its_outcome() -> None:
    assert "outcome" in analyse("Where should the pathway take the people at the end?").kinds


def test_whether_a_project_fits_the_frame_asks_eligibility() -> None:
    assert analyse("Dites-nous si notre projet entre dans le cadre de l'AMI.").asks_eligibility


def test_who_the_target_group_is_asks_no_authority() -> None:
    assert "who" not in analyse("Who is the target group of this call?").kinds


@pytest.mark.parametrize(
    "question",
    [
        "Et d'où vient cette obligation, si c'en est une ?",
        "Where does this requirement come from?",
    ],
)
def test_where_a_requirement_comes_from_asks_its_reference(question: str) -> None:
    assert "reference" in analyse(question).kinds


@pytest.mark.parametrize(
    "question",
    [
        "on est une sarl, on a le droit de candidaté ?",
        "Is the scheme reserved for charities, or can a council apply?",
    ],
)
def test_which_bodies_may_apply_in_everyday_words(question: str) -> None:
    assert "applicant" in analyse(question).kinds


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("My colleague thinks the call only funds charities. Is that so?", "applicant"),
        ("Il paraît que l'AMI ne concerne que les jeunes de moins de 25 ans ?", "public"),
    ],
)
def test_a_claim_narrowing_who_may_apply_or_be_served(question: str, kind: str) -> None:
    assert kind in analyse(question).kinds


def test_years_of_experience_required_ask_no_amount() -> None:
    assert "amount" not in analyse("Faut-il 3 ans d'expérience minimum ?").kinds


def test_three_questions_listed_in_one_sentence_are_each_asked() -> None:
    assert questions_of(
        "Quelle est la durée du parcours, comment les projets sont-ils choisis, et peut-on "
        "candidater seul ?"
    ) == [
        "Quelle est la durée du parcours ?",
        "Comment les projets sont-ils choisis ?",
        "Peut-on candidater seul ?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        # Alternatives are one question; a relative clause continues the one before.
        "Should funds run short, will each file be funded, or is there a queue?",
        "Can you say whether people leaving prison, who are still registered, and who have no "
        "adviser, may be taken on?",
    ],
)
def test_alternatives_and_relative_clauses_list_no_questions(question: str) -> None:
    assert len(questions_of(question)) == 1


def test_questions_chained_with_et_enfin_are_each_asked() -> None:
    assert (
        len(
            questions_of(
                "c quoi le budget mini et enfin combien de temps on peut suivre une personne ?"
            )
        )
        == 2
    )
    # A time in the same question, or a bare "and then what?", asks nothing of its own.
    assert len(questions_of("On les trouve et puis quand on les a vus on les oriente ?")) == 1
    assert len(questions_of("outreach first and then what?")) == 1


def test_a_claim_before_a_bare_confirmation_is_what_is_asked() -> None:
    message = "Il paraît que l'agrément ESUS est exigé des candidats, vous confirmez ?"
    assert asks_at(message, message.index("ESUS"))
    # Not a statement before a question of its own.
    message = "Nous avons l'agrément ESUS, est-ce utile pour candidater ?"
    assert not asks_at(message, message.index("ESUS"))
