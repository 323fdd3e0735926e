"""The one strict YAML reader: plain data, or one clean error line naming the line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from o2r_assistant.errors import DossierError, EvalFormatError, RulesError
from o2r_assistant.yamlio import MAX_DEPTH, read_yaml, read_yaml_document

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)
)


def _file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_data(tmp_path: Path) -> None:
    text = "a: 1\nb: [x, 2024-06-26]\nc: &c {d: null}\ne: *c\n"
    assert read_yaml(_file(tmp_path, text), error=DossierError, what="dossier") == {
        "a": 1,
        "b": ["x", date(2024, 6, 26)],
        "c": {"d": None},
        "e": {"d": None},
    }
    assert read_yaml(_file(tmp_path, ""), error=DossierError, what="dossier") is None


def test_document_gives_item_lines(tmp_path: Path) -> None:
    data, root = read_yaml_document(
        _file(tmp_path, "- id: a\n\n- id: b\n"), error=EvalFormatError, what="question set"
    )
    assert data == [{"id": "a"}, {"id": "b"}]
    assert [item.start_mark.line + 1 for item in root.value] == [1, 3]


@pytest.mark.parametrize(
    ("text", "line", "needle"),
    [
        ("a: 1\nb: 2\na: 3\n", 3, "duplicate key 'a'"),
        ("a: 1\nb: x\x01y\n", 2, "unacceptable character #x0001"),
        ("a: 1\nb: [\n", 3, "expected"),
        ("a: 2024-13-01\n", 1, "invalid value"),
        (BOMB, 8, "aliases expand"),
        ("a: &a [*a]\n", 1, "recursive alias"),
        ("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", 1, "nested"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", 1, "nested"),
    ],
    ids=["duplicate", "control", "syntax", "bad-date", "bomb", "recursive", "deep", "very-deep"],
)
def test_one_clean_error_with_its_line(tmp_path: Path, text: str, line: int, needle: str) -> None:
    path = _file(tmp_path, text)
    with pytest.raises(RulesError) as info:
        read_yaml(path, error=RulesError, what="rules file")
    message = str(info.value)
    assert "\n" not in message and "\n" not in info.value.message_fr
    assert message.startswith(f"{path}: invalid YAML at line {line}: "), message
    assert needle in message
    assert f"YAML invalide à la ligne {line} : " in info.value.message_fr


@pytest.mark.parametrize(
    ("text", "french"),
    [
        ("a: x\x01\n", "caractère interdit #x0001"),
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "imbriqué trop profondément"),
        (BOMB, "les alias dépassent 100 000 000 valeurs"),
    ],
    ids=["control", "deep", "bomb"],
)
def test_problems_of_our_own_are_in_french(tmp_path: Path, text: str, french: str) -> None:
    with pytest.raises(DossierError) as info:
        read_yaml(_file(tmp_path, text), error=DossierError, what="dossier")
    assert info.value.message_fr.endswith(french)


def test_unreadable_file_names_what_it_is(tmp_path: Path) -> None:
    with pytest.raises(EvalFormatError) as info:
        read_yaml(tmp_path / "absent.yaml", error=EvalFormatError, what="question set")
    assert "cannot read question set" in str(info.value)
    assert "jeu de questions illisible" in info.value.message_fr
    (tmp_path / "latin1.yaml").write_bytes("a: é".encode("latin-1"))
    with pytest.raises(DossierError, match="cannot read dossier"):
        read_yaml(tmp_path / "latin1.yaml", error=DossierError, what="dossier")
