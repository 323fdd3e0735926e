"""`o2r feedback` and the control characters of the issue through the command line."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from o2r_assistant.cli import EXIT_BAD_INPUT, cli
from o2r_assistant.config import PROJECT_ROOT, Settings
from o2r_assistant.errors import EvalFormatError
from o2r_assistant.evaluation import load_cases
from o2r_assistant.feedback import FeedbackStore, export_question_set


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def one_line_error(result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Erreur : "), result.output
    assert "Traceback" not in result.output
    return lines[0]


def test_purge_before_a_date(settings: Settings) -> None:
    clock = Clock(datetime.now(UTC) - timedelta(days=100))
    store = FeedbackStore(settings.feedback_db, clock=clock)
    store.add("Ancienne ?", "R.", [], "up")
    clock.now = datetime.now(UTC)
    store.add("Récente ?", "R.", [], "up")
    cutoff = (datetime.now(UTC) - timedelta(days=50)).strftime("%Y-%m-%d")
    result = run("feedback", "purge", "--before", cutoff)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 avis supprimé(s)")
    assert [r.question for r in store.records()] == ["Récente ?"]


def test_purge_refuses_a_bad_date_and_delete_an_unknown_row(settings: Settings) -> None:
    assert run("feedback", "purge", "--before", "2024-13-01").exit_code == EXIT_BAD_INPUT
    result = run("feedback", "delete", "3")
    assert result.exit_code == EXIT_BAD_INPUT
    assert one_line_error(result) == "Erreur : aucun avis n° 3"
    assert not settings.feedback_db.exists()  # nothing created to say so


def test_delete_one_row(settings: Settings) -> None:
    store = FeedbackStore(settings.feedback_db)
    first = store.add("Q1 ?", "R.", [], "up")
    store.add("Q2 ?", "R.", [], "down")
    result = run("feedback", "delete", str(first))
    assert result.exit_code == 0 and result.output == f"Avis n° {first} supprimé.\n"
    assert [r.question for r in store.records()] == ["Q2 ?"]


def test_an_export_written_before_the_fix_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    """The issue: DEL in a comment made `o2r eval export.yaml` print a traceback, exit 1."""
    path = tmp_path / "export.yaml"
    path.write_text(
        "# Avis du 2025-01-01T00:00:00+00:00\n# Commentaire : x\x7fy\n"
        "- id: feedback-1\n  question: Les dépenses de formation sont-elles éligibles ?\n",
        encoding="utf-8",
    )
    result = run("eval", str(path))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "ligne 2 : caractère interdit #x007f" in one_line_error(result)


def test_a_control_character_in_feedback_gives_a_valid_export(settings: Settings) -> None:
    store = FeedbackStore(settings.feedback_db)
    store.add("Les dépenses\x01 de formation ?", "R.", [], "down", "x\x7fy", "z\x00")
    path = settings.feedback_db.with_name("export.yaml")
    path.write_text(export_question_set(store.records()), encoding="utf-8")
    (case,) = load_cases(path)
    assert case.question == "Les dépenses  de formation ?"


def test_a_control_character_in_a_dossier_gives_one_line_and_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "dossier.yaml"
    text = (PROJECT_ROOT / "examples" / "dossier-eligible.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("Cap Avenir", "Cap\x01Avenir"), encoding="utf-8")
    result = run("check", str(path))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "caractère interdit #x0001" in one_line_error(result)


def test_a_question_set_over_the_case_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.yaml"
    path.write_text(
        "".join(f"- id: q{i}\n  question: Question {i} ?\n" for i in range(501)), encoding="utf-8"
    )
    with pytest.raises(EvalFormatError) as refused:
        load_cases(path)
    assert "501 cas, au-delà de la limite de 500" in refused.value.message_fr
    assert len(load_cases(path, max_cases=501)) == 501
    monkeypatch.setenv("O2R_MAX_EVAL_CASES", "10")
    result = run("eval", str(path))
    assert result.exit_code == EXIT_BAD_INPUT
    assert "501 cas, au-delà de la limite de 10" in one_line_error(result)
