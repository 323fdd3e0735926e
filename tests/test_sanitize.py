"""Non-printable characters are removed where text enters; fuzzed through the paths that
broke: python-docx (drafts), YAML (exports and question sets)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
import yaml
from docx import Document
from hypothesis import example, given, settings
from hypothesis import strategies as st

from o2r_assistant.errors import EvalFormatError
from o2r_assistant.evaluation import load_cases, save_question_set
from o2r_assistant.sanitize import clean_optional, clean_text

# Every code point, lone surrogates and non-characters included.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60)


def test_the_issues_examples() -> None:
    assert clean_text("l'association Alpha\x01Beta") == "l'association Alpha Beta"
    assert clean_text("x\x7fy\r\nz\u200b\u202e\ufeff") == "x y\nz"
    assert clean_text("e\u0301") == "é"  # NFC
    assert (
        clean_text("tab\tand\nnewline, emoji 👩‍💻, عربي") == "tab\tand\nnewline, emoji 👩‍💻, عربي"
    )
    assert clean_optional(" \x00 ") is None and clean_optional(None) is None


def test_python_docx_refused_a_control_character() -> None:
    """The issue: the Rédaction page crashed because python-docx refuses \\x01."""
    with pytest.raises(ValueError):
        Document().add_paragraph().add_run("Alpha\x01Beta")
    Document().add_paragraph().add_run(clean_text("Alpha\x01Beta"))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
@example("\x00\x01\x7f\x85\ud800\ufffe\uffff")
def test_clean_text_is_accepted_by_docx_and_yaml(text: str) -> None:
    cleaned = clean_text(text)
    assert clean_text(cleaned) == cleaned
    document = Document()
    document.add_paragraph().add_run(cleaned)
    document.save(io.BytesIO())
    yaml.safe_load(f"# {cleaned.replace(chr(10), ' ')}\n- 1\n")  # raw, as in a comment
    assert yaml.safe_load(yaml.safe_dump(cleaned, allow_unicode=True)) == cleaned


@settings(max_examples=100, deadline=None)
@given(question=ANY_TEXT, comment=ANY_TEXT, name=ANY_TEXT)
def test_uploaded_question_sets_never_crash_the_loader(
    tmp_path_factory: pytest.TempPathFactory, question: str, comment: str, name: str
) -> None:
    folder = tmp_path_factory.mktemp("sets")
    body = f"# {comment}\n- id: a\n  question: {question!r}\n"
    data = body.encode("utf-8", errors="surrogatepass")
    path = save_question_set(data, name, folder)
    assert path.parent == folder / "uploads" and len(path.name.encode()) < 255
    with contextlib.suppress(EvalFormatError):  # a French refusal is fine, nothing else
        load_cases(Path(path))
