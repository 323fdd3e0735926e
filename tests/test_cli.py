"""The `o2r` command through click's runner: output and exit codes."""

from __future__ import annotations

import json
import socket

import pytest
from click.testing import CliRunner

from o2r_assistant.cli import cli
from o2r_assistant.config import PROJECT_ROOT

EXAMPLES = PROJECT_ROOT / "examples"


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, list(args), catch_exceptions=False)

    return invoke


def test_index_builds_then_reports_up_to_date(run):
    first = run("index")
    assert first.exit_code == 0, first.output
    assert "Index construit" in first.output and "passages" in first.output
    second = run("index")
    assert second.exit_code == 0 and "Index à jour" in second.output


def test_search_ranks_the_formation_passage_first(run, served_index):
    result = run("search", "Les dépenses de formation sont-elles éligibles ?", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert len(rows) == 5 and rows[0]["rank"] == 1
    assert "Les dépenses de formation ne sont pas éligibles" in rows[0]["text"]
    plain = run("search", "durée maximale de l'accompagnement", "-k", "3")
    assert plain.exit_code == 0
    assert "decret-2024-584-conventionnement" in plain.output


def test_ask_prints_answer_sources_and_findings(run, served_index):
    result = run("ask", "Les dépenses de formation sont-elles éligibles ?")
    assert result.exit_code == 0
    assert result.output.startswith("Non.")
    assert "Sources :" in result.output and "[1] AMI" in result.output
    checked = run("ask", "Notre parcours dure 18 mois par personne, est-ce possible ?", "--json")
    data = json.loads(checked.output)
    assert data["findings"]["verdict"] == "ineligible"
    assert data["citations"] and not data["abstained"]


def test_ask_abstains_out_of_scope(run, served_index):
    result = run("ask", "Quelle est la recette de la tarte tatin ?", "--json")
    data = json.loads(result.output)
    assert data["abstained"] and data["citations"] == []


def test_empty_question_is_one_line_and_exit_2(run, served_index):
    result = run("ask", "   ")
    assert result.exit_code == 2
    assert result.output.strip() == "Erreur : La question est vide : écrivez votre question."


@pytest.mark.parametrize(
    ("dossier", "code", "verdict"),
    [("dossier-eligible.yaml", 0, "Éligible"), ("dossier-ineligible.yaml", 1, "Inéligible")],
)
def test_check_examples(run, dossier, code, verdict):
    result = run("check", str(EXAMPLES / dossier))
    assert result.exit_code == code
    assert verdict in result.output


def test_check_incomplete_and_invalid_dossiers(run, tmp_path):
    partial = tmp_path / "partial.yaml"
    partial.write_text("total_cost_eur: 200000\n", encoding="utf-8")
    result = run("check", str(partial), "--json")
    assert result.exit_code == 2
    assert json.loads(result.output)["verdict"] == "incomplete"
    broken = tmp_path / "broken.yaml"
    broken.write_text("project_months: [unclosed\n", encoding="utf-8")
    result = run("check", str(broken))
    assert result.exit_code == 2
    assert result.output.startswith("Erreur :") and "broken.yaml" in result.output
    assert "Traceback" not in result.output


def test_unreachable_chroma_server_exits_3_without_traceback(run, monkeypatch):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("O2R_CHROMA_URL", f"http://127.0.0.1:{port}")
    result = run("search", "coût minimum")
    assert result.exit_code == 3
    assert "chroma run" in result.output and "Traceback" not in result.output
