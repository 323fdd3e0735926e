"""Numbering sources across several answers, and quotes given once."""

from __future__ import annotations

from o2r_assistant.answer import Answer, Citation
from o2r_assistant.footnotes import ALREADY_QUOTED, Footnotes


def _citation(n: int, chunk_id: str, quote: str) -> Citation:
    return Citation(
        n=n,
        chunk_id=chunk_id,
        doc_id="d",
        title="T",
        section="",
        page=None,
        quote=quote,
        passage=quote,
    )


def _answer(text: str, *citations: Citation) -> Answer:
    return Answer(question="q", text=text, citations=list(citations), abstained=False)


def test_sources_are_numbered_once_across_answers() -> None:
    notes = Footnotes()
    first = notes.paragraphs(_answer("Selon le texte : « A. » [1]", _citation(1, "a", "A.")))
    second = notes.paragraphs(
        _answer(
            "Selon le texte : « B. » [1]\n\nVoir aussi : « C. » [2]",
            _citation(1, "b", "B."),
            _citation(2, "a", "C."),
        )
    )
    assert first == ["Selon le texte : « A. » [1]"]
    assert second == ["Selon le texte : « B. » [2]", "Voir aussi : « C. » [1]"]
    assert [(c.n, c.chunk_id) for c in notes.citations] == [(1, "a"), (2, "b"), (1, "a")]


def test_a_quote_inside_one_already_given_points_to_it() -> None:
    notes = Footnotes()
    notes.paragraphs(_answer("Selon le texte : « Un. Deux. » [1]", _citation(1, "a", "Un. Deux.")))
    again = notes.paragraphs(_answer("Selon : « Deux. » [1]", _citation(1, "a", "Deux.")))
    assert again == [ALREADY_QUOTED.format(markers="[1]")]
    # An English message gets the pointer in English.
    once_more = notes.paragraphs(
        _answer("From: « Deux. » [1]", _citation(1, "a", "Deux.")), english=True
    )
    assert once_more == ["The passage quoted above [1] answers this question too."]


def test_lead_only_keeps_the_first_quote() -> None:
    notes = Footnotes()
    kept = notes.paragraphs(
        _answer(
            "Selon : « A. » [1]\n\nVoir aussi : « B. » [2]",
            _citation(1, "a", "A."),
            _citation(2, "b", "B."),
        ),
        lead_only=True,
    )
    assert kept == ["Selon : « A. » [1]"]
    assert [c.chunk_id for c in notes.citations] == ["a"]


def test_the_checkers_paragraph_is_left_out_however_it_opens(assistant) -> None:
    answer = assistant.ask("Notre budget est de 120 000 € sur 3 ans, est-ce bloquant ?")
    assert answer.text.startswith("Oui, c'est bloquant")
    kept = Footnotes().paragraphs(answer)
    assert kept and not any(p.startswith("Oui, c'est bloquant") for p in kept)
