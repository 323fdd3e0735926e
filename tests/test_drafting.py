"""Reply drafts for staff: the text, its citations and findings, and the .docx export."""

from __future__ import annotations

import io
import re

import docx

from o2r_assistant.checker import RULE_IDS, Consortium, Dossier, PlaceRecord, evaluate
from o2r_assistant.drafting import (
    CLOSING,
    DRAFT_MARK,
    GREETING,
    NO_ANSWER,
    QUESTION_LEAD,
    REQUESTS_INTRO,
    SIGNATURE,
    SOURCES_HEADING,
    draft_reply,
    draft_to_docx,
    draft_to_markdown,
    start_of,
)
from o2r_assistant.facts import extract_facts
from o2r_assistant.footnotes import ALREADY_QUOTED
from o2r_assistant.missing import FACT_REQUESTS, fact_requests
from o2r_assistant.question import questions_of

EMAIL = """Bonjour Madame,

Nous sommes une association d'insertion basée à Angers. Notre projet coûte 120 000 € sur
3 ans, dont 10 000 € de formation.
Les dépenses de formation sont-elles éligibles ? Merci d'avance pour votre retour.

Jean Dupont"""

THREE_QUESTIONS = """Bonjour,

Notre association d'insertion est basée à Nantes, pour un budget de 80 000 € par an.
Nous porterions le projet en partenariat avec une autre association.
Quelle est la durée maximale de l'accompagnement d'une personne ? Les dépenses de formation
sont-elles éligibles ? Quelle est la recette de la tarte tatin ?

Cordialement,
Marie Martin"""


def test_questions_of_lists_each_question_sentence() -> None:
    text = "Bonjour,\nNous sommes à Laval. Quel est le budget ?\nPouvez-vous donner\nla durée."
    assert questions_of(text) == ["Quel est le budget ?", "Pouvez-vous donner la durée."]
    assert questions_of("Bonjour,\nNous sommes à Laval.\nCordialement,\nMarie") == []


def test_without_question_the_start_of_the_email_is_asked() -> None:
    text = "Notre projet   se tiendra à Laval\net commencera " + "bientôt " * 50
    assert questions_of(text) == []
    question = start_of(text, 60)
    assert question.startswith("Notre projet se tiendra à Laval et commencera bientôt")
    assert len(question) <= 60


def test_draft_quotes_cites_checks_and_closes(assistant) -> None:
    draft = draft_reply(EMAIL, assistant)
    text = draft.text
    assert text.startswith(GREETING + "\n")
    assert "ne sont pas éligibles" in text
    assert "[1]" in text
    assert f"\n{SOURCES_HEADING}\n[1] " in text
    assert "https://" in text.split(SOURCES_HEADING)[1]
    assert CLOSING in text and SIGNATURE in text
    assert text.index(CLOSING) < text.index(SIGNATURE)
    # The e-mail states a cost below the minimum: the checker says so with numbers.
    assert draft.findings is not None and draft.findings.verdict == "ineligible"
    assert "Coût total minimum du projet (non conforme) : 120 000 €" in text
    assert "10 000 €" in text
    assert draft_reply(EMAIL, assistant).text == text  # deterministic


def test_draft_without_facts_has_no_findings(assistant) -> None:
    draft = draft_reply("Bonjour, quel est le coût minimum d'un projet ? Merci.", assistant)
    assert draft.findings is None
    assert "150 000" in draft.text
    assert "Au vu des éléments" not in draft.text


def test_draft_for_an_out_of_scope_email(assistant) -> None:
    draft = draft_reply("Bonjour, quelle est la recette de la tarte tatin ?", assistant)
    assert [a.abstained for a in draft.answers] == [True]
    assert NO_ANSWER in draft.text
    assert SOURCES_HEADING not in draft.text
    assert draft.text.rstrip().endswith(SIGNATURE)


def test_docx_opens_and_holds_the_text(assistant) -> None:
    draft = draft_reply(EMAIL, assistant)
    document = docx.Document(io.BytesIO(draft_to_docx(draft)))
    paragraphs = [p.text for p in document.paragraphs]
    full = "\n".join(paragraphs)
    assert paragraphs[0] == GREETING
    assert "ne sont pas éligibles" in full
    assert SIGNATURE in paragraphs
    assert any(p.startswith("[1] ") for p in paragraphs)
    bullets = [p for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any("Coût total minimum" in p.text for p in bullets)


def test_docx_uses_the_edited_text(assistant) -> None:
    from dataclasses import replace

    draft = draft_reply(EMAIL, assistant)
    edited = replace(draft, text="Bonjour,\n\nTexte revu par l'agent.\n\nCordialement,")
    document = docx.Document(io.BytesIO(draft_to_docx(edited)))
    assert [p.text for p in document.paragraphs] == [
        "Bonjour,",
        "Texte revu par l'agent.",
        "Cordialement,",
    ]


def test_a_control_character_in_the_email_or_the_edit_still_gives_a_docx(assistant) -> None:
    """The issue: python-docx refused "\x01" pasted from an e-mail, and the page crashed."""
    from dataclasses import replace

    draft = draft_reply("Les dépenses de formation\x01 sont-elles éligibles ?", assistant)
    assert "\x01" not in draft.text and "\x01" not in draft.question
    document = docx.Document(io.BytesIO(draft_to_docx(draft)))
    assert "ne sont pas éligibles" in "\n".join(p.text for p in document.paragraphs)
    edited = replace(draft, text="Bonjour,\n\nAlpha\x01Beta\x7f")
    document = docx.Document(io.BytesIO(draft_to_docx(edited)))
    assert [p.text for p in document.paragraphs] == ["Bonjour,", "Alpha Beta"]


def test_a_draft_extracts_facts_once(assistant, fact_extractions) -> None:
    calls = fact_extractions
    draft = draft_reply(EMAIL, assistant)
    assert calls == [EMAIL]
    assert draft.findings is not None and draft.findings.by_id("cout_minimum").status == "fail"
    calls.clear()
    draft = draft_reply(THREE_QUESTIONS, assistant)
    assert calls == [THREE_QUESTIONS] and len(draft.answers) == 3


def _paragraph(text: str, question: str) -> str:
    """The draft's block that answers ``question``."""
    lead = QUESTION_LEAD.format(question=question)
    return next(block for block in text.split("\n\n") if block.startswith(lead))


def test_each_question_gets_its_paragraph_and_quote(assistant) -> None:
    draft = draft_reply(THREE_QUESTIONS, assistant)
    text = draft.text
    pathway, training, recipe = draft.questions
    assert recipe == "Quelle est la recette de la tarte tatin ?"
    first, second = _paragraph(text, pathway), _paragraph(text, training)
    assert "douze mois" in first and "[1]" in first and "«" in first
    assert "ne sont pas éligibles" in second and "[2]" in second and "[1]" not in second
    # The question the texts do not settle is said so, without invented content.
    assert _paragraph(text, recipe) == QUESTION_LEAD.format(question=recipe) + "\n" + NO_ANSWER
    # One numbering for the whole draft: every marker has its source line, in order.
    body, sources = text.split(f"\n{SOURCES_HEADING}\n")
    assert sorted({int(n) for n in re.findall(r"\[(\d+)\]", body)}) == [1, 2]
    assert [line[:3] for line in sources.splitlines()] == ["[1]", "[2]"]
    assert {c.n for c in draft.citations} == {1, 2}
    assert "Décret" in sources.splitlines()[0] and "AMI" in sources.splitlines()[1]
    # The findings come once, in their own block, not in each paragraph.
    assert text.count("Au vu des éléments") == 1 and "Conforme :" not in second


def test_missing_facts_the_email_implies_are_asked_for(assistant) -> None:
    draft = draft_reply(THREE_QUESTIONS, assistant)
    requests = draft.text.split(REQUESTS_INTRO)[1].split("\n\n")[1].splitlines()
    assert requests == [
        "- si ce budget comprend des dépenses de formation, et pour quel montant ;",
        "- la durée prévue du projet ;",
        "- la structure qui sera chef de file, puisque le projet serait porté à plusieurs.",
    ]
    document = docx.Document(io.BytesIO(draft_to_docx(draft)))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert "la durée prévue du projet ;" in bullets
    # Without stated facts there is nothing to complete.
    plain = draft_reply("Bonjour, quel est le coût minimum d'un projet ? Merci.", assistant)
    assert REQUESTS_INTRO not in plain.text


def test_a_passage_is_quoted_once(assistant) -> None:
    email = "Quel est le coût minimum d'un projet ? Quel est le coût minimum du projet ?"
    draft = draft_reply(email, assistant)
    assert draft.text.count("inférieur à 150 000") == 1
    second = _paragraph(draft.text, "Quel est le coût minimum du projet ?")
    assert second.endswith(ALREADY_QUOTED.format(markers="[1]"))


def _requests(dossier: Dossier) -> list[str]:
    return fact_requests(evaluate(dossier), dossier)


def test_fact_requests_follow_the_stated_facts() -> None:
    lead, duration = FACT_REQUESTS["chef_de_file"].text, FACT_REQUESTS["duree_projet"].text
    places = FACT_REQUESTS["territoire"].text
    assert _requests(Dossier(consortium=Consortium(is_consortium=True))) == [lead]
    assert _requests(Dossier(consortium=Consortium(lead="Asso A"))) == []
    assert _requests(Dossier(consortium=Consortium(is_consortium=False))) == []
    budget = _requests(Dossier(total_cost_eur=200_000))
    assert duration in budget and places in budget and lead not in budget
    located = Dossier(total_cost_eur=200_000, places=[PlaceRecord(name="Nantes", department="44")])
    assert places not in _requests(located)
    # A place the gazetteer cannot locate asks for the department.
    assert _requests(Dossier(places=[PlaceRecord(name="Saint-Quelque-Part")])) == [places]


def test_every_missing_fact_is_asked_for_when_the_candidate_asks_what_is_missing() -> None:
    dossier = Dossier(total_cost_eur=200_000, places=[PlaceRecord(name="Nantes", department="44")])
    report = evaluate(dossier)
    every = fact_requests(report, dossier, every=True)
    missing = [r for r in report.results if r.status == "missing"]
    assert len(every) == len(missing) > len(fact_requests(report, dossier))
    # A rule the stated facts do not call for is named by its label, not asked as if the
    # project were carried by several.
    assert "chef de file en cas de portage à plusieurs" in every
    assert FACT_REQUESTS["duree_projet"].text in every


def test_fact_requests_name_real_rules_and_fields() -> None:
    assert set(FACT_REQUESTS) <= set(RULE_IDS)
    for request in FACT_REQUESTS.values():
        assert set(request.implied_by) <= set(Dossier.model_fields)


def test_working_with_another_association_asks_for_the_lead() -> None:
    dossier = extract_facts("Nous travaillerions avec une autre association.")
    assert FACT_REQUESTS["chef_de_file"].text in _requests(dossier)


def test_every_download_is_marked_as_a_draft(assistant) -> None:
    draft = draft_reply(EMAIL, assistant)
    markdown = draft_to_markdown(draft)
    assert markdown.splitlines()[0] == f"**{DRAFT_MARK}**"
    assert markdown.endswith(draft.text)
    document = docx.Document(io.BytesIO(draft_to_docx(draft)))
    assert document.sections[0].header.paragraphs[0].text == DRAFT_MARK
    assert DRAFT_MARK == "Brouillon — non envoyé"


def test_a_budget_with_training_of_unknown_amount_asks_for_that_amount() -> None:
    dossier = Dossier(total_cost_eur=200_000, project_months=36, training_included=True)
    requests = _requests(dossier)
    assert FACT_REQUESTS["cout_minimum"].training_unknown in requests
    assert FACT_REQUESTS["cout_minimum"].text not in requests


def test_each_question_of_a_draft_is_answered_once(assistant, monkeypatch) -> None:
    # The answer to the question before goes with the next one as its conversation's
    # topic; it is passed along, not answered again.
    asked: list[str] = []
    answer = type(assistant)._answer

    def counting(self, serving, question, *args, **kwargs):
        asked.append(question.focus)
        return answer(self, serving, question, *args, **kwargs)

    monkeypatch.setattr(type(assistant), "_answer", counting)
    draft = draft_reply(THREE_QUESTIONS, assistant)
    assert asked == list(draft.questions)
