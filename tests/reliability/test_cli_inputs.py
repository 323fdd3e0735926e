"""Malformed dossiers and question sets through `o2r check` and `o2r eval`: exit code 2 and
one French line naming the place in the file, never a traceback, never a hang."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from o2r_assistant.cli import cli

from .support import record, within

CASE = "- id: cout\n  question: 'Quel est le coût minimum ?'\n"
DEEP = "[" * 5000 + "]" * 5000
# Nine lists of nine references to the previous one: 9**7 leaves once expanded.
BOMB = (
    "[&a0 [x,x,x,x,x,x,x,x,x], "
    + ", ".join(f"&a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 8))
    + "]"
)


def run(command: str, path: Path) -> Result:
    return within(30, CliRunner().invoke, cli, [command, str(path)])


def assert_one_line_error(result: Result, path: Path, *fragments: str) -> None:
    assert isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"Erreur : {path} : ")
    assert len(lines[0]) < 1000
    for fragment in fragments:
        assert fragment in lines[0]


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        pytest.param("places: " + DEEP + "\n", ["imbriqué", "ligne 1"], id="deep-nesting"),
        pytest.param("{[a]: 1}\n", ["ligne 1", "unhashable"], id="list-as-key"),
        pytest.param("project_months: 2024-13-01\n", ["ligne 1", "month"], id="bad-date"),
        pytest.param("pathway_months: 1" + "0" * 5000 + "\n", ["ligne 1"], id="huge-integer"),
        pytest.param("organisation:\n\tname: X\n", ["ligne 2", "'\\t'"], id="tab"),
        pytest.param(
            "places: !!python/object/apply:os.system [id]\n", ["ligne 1"], id="python-tag"
        ),
        pytest.param("places: Nantes\n", ["places"], id="string-not-list"),
        pytest.param("budget_lines: {year: 2025}\n", ["budget_lines"], id="mapping-not-list"),
        pytest.param("organisation:\n  name: " + BOMB + "\n", ["organisation.name"], id="bomb"),
    ],
)
def test_check_names_the_place_of_the_error(tmp_path: Path, text: str, fragments: list[str]):
    path = tmp_path / "dossier.yaml"
    path.write_text(text, encoding="utf-8")
    assert_one_line_error(run("check", path), path, *fragments)
    record("CLI files tried", "check")


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        pytest.param(CASE + "  tags: " + DEEP + "\n", ["imbriqué", "ligne 3"], id="deep-nesting"),
        pytest.param(CASE + "  checks: {[a]: pass}\n", ["ligne 3", "unhashable"], id="list-as-key"),
        pytest.param(CASE + "  tags: [2024-13-01]\n", ["ligne 3", "month"], id="bad-date"),
        pytest.param(CASE + "  tags: budget\n", ["cas « cout »", "champ « tags »"], id="str-tags"),
        pytest.param(
            CASE + "  evidence: [[a]]\n", ["cas « cout »", "champ « evidence »"], id="nested-list"
        ),
        pytest.param("- id: x\n  question: " + BOMB + "\n", ["champ « question »"], id="bomb"),
        pytest.param("- !!python/name:os.system\n", ["ligne 1"], id="python-tag"),
    ],
)
def test_eval_names_the_place_of_the_error(tmp_path: Path, text: str, fragments: list[str]):
    path = tmp_path / "questions.yaml"
    path.write_text(text, encoding="utf-8")
    assert_one_line_error(run("eval", path), path, *fragments)
    record("CLI files tried", "eval")


@pytest.mark.parametrize("command", ["check", "eval"])
@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("binaire.yaml", b"\x00\x01\xff\xfe" * 16),
        ("latin1.yaml", "organisation:\n  name: Crèche\n".encode("latin-1")),
    ],
)
def test_unreadable_files_are_one_line(tmp_path: Path, command: str, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    assert_one_line_error(run(command, path), path, "illisible", "utf-8")
    record("CLI files tried", command)


@pytest.mark.parametrize("command", ["check", "eval"])
def test_a_folder_is_not_a_file(tmp_path: Path, command: str):
    assert_one_line_error(run(command, tmp_path), tmp_path, "illisible")
    record("CLI files tried", command)


def test_line_numbers_point_at_the_faulty_line(tmp_path: Path):
    """The reported line holds the faulty value, not the start of the case."""
    path = tmp_path / "questions.yaml"
    path.write_text(
        CASE + "  tags: [a, b]\n" + CASE.replace("cout", "duree") + "  tags: [2024-02-30]\n"
    )
    result = run("eval", path)
    assert_one_line_error(result, path)
    line = int(re.search(r"ligne (\d+)", result.output).group(1))
    assert "2024-02-30" in path.read_text().splitlines()[line - 1]
