"""Reply drafts for staff: the text, its citations and findings, and the .docx export."""

from __future__ import annotations

import io

import docx

from o2r_assistant.drafting import (
    CLOSING,
    GREETING,
    NO_ANSWER,
    SIGNATURE,
    SOURCES_HEADING,
    draft_reply,
    draft_to_docx,
    question_of,
)
from o2r_assistant.question import questions_of

EMAIL = """Bonjour Madame,

Nous sommes une association d'insertion basée à Angers. Notre projet coûte 120 000 € sur
3 ans, dont 10 000 € de formation.
Les dépenses de formation sont-elles éligibles ? Merci d'avance pour votre retour.

Jean Dupont"""


def test_question_of_keeps_the_question_sentences() -> None:
    text = "Bonjour. Quel est le budget minimum ? Nous sommes à Laval. Et la durée ?"
    assert question_of(text, 2000) == "Quel est le budget minimum ? Et la durée ?"


def test_questions_of_lists_each_question_sentence() -> None:
    text = "Bonjour,\nNous sommes à Laval. Quel est le budget ?\nPouvez-vous donner\nla durée."
    assert questions_of(text) == ["Quel est le budget ?", "Pouvez-vous donner la durée."]
    assert questions_of("Bonjour,\nNous sommes à Laval.\nCordialement,\nMarie") == []


def test_question_of_without_question_mark_uses_the_truncated_text() -> None:
    text = "Nous voudrions savoir   si notre projet\nest éligible " + "vraiment " * 50
    question = question_of(text, 60)
    assert question.startswith("Nous voudrions savoir si notre projet est éligible")
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
    assert draft.answer.abstained
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


def test_a_draft_extracts_facts_once(assistant, monkeypatch) -> None:
    import o2r_assistant.assistant as pipeline

    calls: list[str] = []
    original = pipeline.extract_facts

    def counting(text: str):
        calls.append(text)
        return original(text)

    monkeypatch.setattr(pipeline, "extract_facts", counting)
    draft = draft_reply(EMAIL, assistant)
    assert calls == [EMAIL]
    assert draft.findings is not None and draft.findings.by_id("cout_minimum").status == "fail"
