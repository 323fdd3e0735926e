"""`o2r eval` and the evaluation API: validation, judging, metrics, reports, the quality gate."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED_DIR

from o2r_assistant.cli import cli
from o2r_assistant.errors import EvalFormatError
from o2r_assistant.evaluation import (
    compare_results,
    load_cases,
    previous_run,
    run_evaluation,
    save_question_set,
    save_run,
    write_report,
)
from o2r_assistant.text import normalize_match

EVAL_DIR = Path(__file__).parent / "eval"
PROJECT_SET = EVAL_DIR / "questions.yaml"
DEV_SET = SHARED_DIR / "eval" / "dev-questions.yaml"

TOP_KEYS = {
    "cases",
    "pass_rate",
    "retrieval",
    "citation_support",
    "abstention",
    "verdict_accuracy",
    "check_accuracy",
    "latency_ms",
    "by_tag",
    "failures",
    "config",
}

BUDGET_CASE = """
- id: cout-minimum
  question: "Quel est le coût minimum d'un projet pour cet AMI ?"
  evidence: ["ne pourra pas être inférieur à 150 000€ sur 3 ans"]
  must_include: ["150 000"]
  tags: [budget]
"""
FAILING_CASES = """
- id: introuvable
  question: "Quel est le coût minimum d'un projet pour cet AMI ?"
  must_include: ["zèbre rose|licorne"]
  must_not_include: ["150 000"]
  tags: [piege]
- id: devrait-abstenir
  question: "Les dépenses de formation sont-elles éligibles ?"
  abstain: true
  tags: [piege]
- id: mauvais-verdict
  question: "Notre projet coûte 120 000 € sur 3 ans, est-il éligible ?"
  verdict: eligible
  checks: {cout_minimum: pass}
- id: tarte
  question: "Quelle est la recette de la tarte tatin ?"
"""


def write(tmp_path: Path, text: str, name: str = "set.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def invoke(*args: str):
    return CliRunner().invoke(cli, ["eval", *args])


# ---------------------------------------------------------------- format


@pytest.mark.skipif(not DEV_SET.exists(), reason="shared question set not present")
def test_both_shipped_sets_load_and_ours_holds_the_dev_set() -> None:
    dev = load_cases(DEV_SET)
    ours = load_cases(PROJECT_SET)
    by_id = {case.id: case for case in ours}
    for case in dev:
        mine = by_id[case.id]
        assert (mine.question, mine.evidence, mine.must_include) == (
            case.question,
            case.evidence,
            case.must_include,
        )
        assert (mine.abstain, mine.verdict, mine.checks) == (
            case.abstain,
            case.verdict,
            case.checks,
        )
    assert len(ours) - len(dev) >= 25


def test_every_evidence_snippet_is_in_a_passage(assistant) -> None:
    passages = [normalize_match(chunk.text) for chunk in assistant.retriever.chunks]
    missing = [
        (case.id, snippet)
        for case in load_cases(PROJECT_SET)
        for snippet in case.evidence
        if not any(normalize_match(snippet) in p for p in passages)
    ]
    assert not missing


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        (BUDGET_CASE + "  expected: oui\n", ["cout-minimum", "expected", "champ inconnu"]),
        (BUDGET_CASE + "  abstain: 'non'\n", ["cout-minimum", "abstain"]),
        (BUDGET_CASE + "  verdict: ok\n", ["cout-minimum", "verdict", "eligible"]),
        (BUDGET_CASE + "  checks: {cout_minimum: ok}\n", ["checks.cout_minimum", "pass"]),
        (BUDGET_CASE + "  checks: {budget_max: fail}\n", ["checks.budget_max", "inconnue"]),
        (BUDGET_CASE + "  must_not_include: [2023]\n", ["must_not_include", "int"]),
        (BUDGET_CASE.replace('"150 000"', '"150 000|"'), ["must_include", "alternative vide"]),
        (BUDGET_CASE + BUDGET_CASE, ["n° 2", "id", "double"]),
        ("- id: sans-question\n  tags: [a]\n", ["sans-question", "question", "obligatoire"]),
        ("- question: 'Sans id ?'\n", ["cas n° 1", "« id »"]),
        ("- id: a\n  question: 'Q ?'\n- [liste]\n", ["cas n° 2", "ligne 3"]),
        ('- id: a\n  question: "non fermé\n', ["YAML invalide", "ligne"]),
        ("- id: a\n  id: b\n  question: 'Q ?'\n", ["YAML invalide", "ligne 2", "duplicate"]),
        ("id: a\nquestion: 'Q ?'\n", ["liste"]),
        ("", ["liste"]),
    ],
)
def test_malformed_set_exits_2_naming_case_and_field(
    tmp_path: Path, text: str, fragments: list[str]
) -> None:
    path = write(tmp_path, text)
    result = invoke(str(path))
    assert result.exit_code == 2, result.output
    assert str(path) in result.output
    for fragment in fragments:
        assert fragment in result.output


def test_format_error_message_in_english_names_the_field(tmp_path: Path) -> None:
    path = write(tmp_path, BUDGET_CASE + "  verdict: maybe\n")
    with pytest.raises(
        EvalFormatError, match=r"case 'cout-minimum' \(#1, line 2\), field 'verdict'"
    ):
        load_cases(path)


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = invoke(str(tmp_path / "absent.yaml"))
    assert result.exit_code == 2
    assert "absent.yaml" in result.output


# ---------------------------------------------------------------- judging and metrics


def test_failing_cases_give_readable_reasons(assistant, tmp_path: Path) -> None:
    result = run_evaluation([write(tmp_path, FAILING_CASES)], assistant=assistant)
    reasons = {f["id"]: f["reasons"] for f in result.to_dict()["failures"]}
    assert reasons["introuvable"] == [
        'must_include "zèbre rose|licorne" not found in answer',
        'must_not_include "150 000" found in answer',
    ]
    assert reasons["devrait-abstenir"] == ["answered but should abstain"]
    assert reasons["mauvais-verdict"] == [
        "expected verdict eligible, got ineligible",
        "check cout_minimum: expected pass, got fail",
    ]
    # abstain defaults to false: the out-of-scope question abstains, so it fails.
    assert reasons["tarte"] == ["abstained but should answer"]
    data = result.to_dict()
    assert data["pass_rate"] == 0.0
    assert data["by_tag"] == {"piege": {"cases": 2, "pass_rate": 0.0}}
    assert data["verdict_accuracy"] == 0.0
    assert data["check_accuracy"] == 0.0
    # One abstention, on a case that should have answered; one case expected one.
    assert data["abstention"] == {"precision": 0.0, "recall": 0.0}
    assert [o.case.id for o in result.false_abstentions] == ["tarte"]


def test_metrics_without_applicable_case_are_null(assistant, tmp_path: Path) -> None:
    path = write(tmp_path, "- id: simple\n  question: \"Qu'est-ce qu'un CPOM ?\"\n")
    data = run_evaluation([path], assistant=assistant).to_dict()
    assert set(data) == TOP_KEYS
    assert data["pass_rate"] == 1.0
    assert data["retrieval"] == {"hit@1": None, "hit@3": None, "hit@5": None, "mrr@10": None}
    assert data["citation_support"] is None
    assert data["abstention"] == {"precision": None, "recall": None}
    assert data["verdict_accuracy"] is None
    assert data["check_accuracy"] is None
    assert data["by_tag"] == {}
    assert data["latency_ms"]["p50"] is not None


def test_several_files_are_combined_and_colliding_ids_prefixed(assistant, tmp_path: Path) -> None:
    first = write(tmp_path, BUDGET_CASE, "premier.yaml")
    second = write(tmp_path, BUDGET_CASE.replace('"150 000"', '"999 999"'), "second.yaml")
    data = run_evaluation([first, second], assistant=assistant).to_dict()
    assert data["cases"] == 2
    assert data["config"]["combined"] is True
    assert data["config"]["files"] == [str(first), str(second)]
    assert data["failures"] == [
        {"id": "second:cout-minimum", "reasons": ['must_include "999 999" not found in answer']}
    ]


def test_compare_results_gives_deltas_and_none() -> None:
    a = {"pass_rate": 0.5, "retrieval": {"hit@1": None}, "latency_ms": {"p50": 10.0}}
    b = {"pass_rate": 0.75, "retrieval": {"hit@1": 0.5}, "latency_ms": {"p50": 12.5}}
    rows = {name: (va, vb, d) for name, va, vb, d in compare_results(a, b)}
    assert rows["pass_rate"] == (0.5, 0.75, 0.25)
    assert rows["hit@1"] == (None, 0.5, None)
    assert rows["latency_p50_ms"] == (10.0, 12.5, 2.5)


# ---------------------------------------------------------------- command line


def test_cli_json_summary_and_exit_codes(served_index, tmp_path: Path) -> None:
    path = write(tmp_path, BUDGET_CASE + FAILING_CASES)
    out = tmp_path / "out" / "eval.json"
    result = invoke(str(path), "--json", str(out))
    assert result.exit_code == 0, result.output  # --min-pass defaults to 0
    assert "Taux de réussite / pass_rate" in result.output
    assert "introuvable :" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) == TOP_KEYS
    assert data["cases"] == 5 and data["pass_rate"] == 0.2
    assert data["retrieval"]["hit@5"] == 1.0
    config = data["config"]
    assert config["embedder"] == "e5-small" and config["retrieval_mode"] == "hybrid"
    assert config["k"] == 5 and config["corpus_hash"]

    assert invoke(str(path), "--min-pass", "0.5").exit_code == 1
    assert invoke(str(path), "--tag", "budget", "--min-pass", "1").exit_code == 0
    missing_tag = invoke(str(path), "--tag", "inexistante")
    assert missing_tag.exit_code == 2
    assert "inexistante" in missing_tag.output


def test_cli_compare_prints_two_columns(served_index, tmp_path: Path) -> None:
    path = write(tmp_path, BUDGET_CASE)
    out = tmp_path / "compare.json"
    result = invoke(str(path), "--compare", "retrieval=bm25,hybrid", "--json", str(out))
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if line.startswith("Indicateur"))
    assert header.split()[-4:] == ["bm25", "hybrid", "Δ", "hybrid−bm25"]
    assert any(
        line.startswith("hit@5") and line.count("100.0 %") == 2
        for line in result.output.splitlines()
    )
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["compare"]["key"] == "retrieval"
    runs = data["compare"]["runs"]
    assert list(runs) == ["bm25", "hybrid"]
    assert runs["bm25"]["config"]["retrieval_mode"] == "bm25"
    assert set(runs["hybrid"]) == TOP_KEYS
    assert invoke(str(path), "--compare", "retrieval=hybrid").exit_code == 2


def test_cli_report_writes_markdown_and_plots(served_index, tmp_path: Path) -> None:
    path = write(tmp_path, BUDGET_CASE + FAILING_CASES)
    report = tmp_path / "rapport" / "eval.md"
    result = invoke(str(path), "--report", str(report))
    assert result.exit_code == 0, result.output
    text = report.read_text(encoding="utf-8")
    assert "## Échecs (4)" in text
    assert "zèbre rose" in text and "Passages retrouvés" in text
    for name in ("eval-hit-at-k.png", "eval-latency.png"):
        assert (report.parent / name).read_bytes().startswith(b"\x89PNG")
        assert f"]({name})" in text
    assert invoke(str(path), "--report", str(tmp_path / "eval.pdf")).exit_code == 2


def test_html_report_escapes_text(assistant, tmp_path: Path) -> None:
    hostile = """
- id: "<script>alert('id')</script>"
  question: "Quel est le coût minimum ? <script>alert('q')</script>"
  must_include: ["<script>absent</script>"]
"""
    result = run_evaluation([write(tmp_path, hostile)], assistant=assistant)
    written = write_report(result, tmp_path / "eval.html")
    assert [p.name for p in written] == ["eval.html", "eval-hit-at-k.png", "eval-latency.png"]
    page = written[0].read_text(encoding="utf-8")
    assert "<script" not in page
    assert "&lt;script&gt;alert(&#x27;q&#x27;)&lt;/script&gt;" in page
    markdown = write_report(result, tmp_path / "eval.md")[0].read_text(encoding="utf-8")
    # Outside code blocks, markup characters are backslash-escaped.
    prose = re.sub(r"```text\n.*?\n```", "", markdown, flags=re.S)
    assert "\\<script\\>alert" in prose
    assert not re.search(r"(?<!\\)<script", prose)


# ---------------------------------------------------------------- quality gate


def test_regression_gate_on_project_set(assistant) -> None:
    result = run_evaluation([PROJECT_SET], assistant=assistant)
    data = result.to_dict()
    failures = "\n".join(f"{f['id']}: {'; '.join(f['reasons'])}" for f in data["failures"])
    assert data["pass_rate"] >= 0.95, failures
    assert data["retrieval"]["hit@5"] >= 0.98
    assert not [o.key for o in result.false_abstentions]


# ---------------------------------------------------------------- stored runs


def _run(files: list[str], cases: int = 1) -> dict:
    return {"cases": cases, "config": {"files": files}}


def test_save_run_writes_the_json_in_a_new_dated_folder(tmp_path: Path) -> None:
    first = save_run(_run(["a.yaml"]), tmp_path / "runs")
    second = save_run(_run(["a.yaml"], 2), tmp_path / "runs")
    assert first.name == second.name == "result.json"
    assert first.parent.parent == tmp_path / "runs"
    assert first.parent.name < second.parent.name  # folder names sort by date
    assert json.loads(second.read_text(encoding="utf-8")) == _run(["a.yaml"], 2)
    assert sorted(p.name for p in first.parent.iterdir()) == ["result.json"]  # no temp left


def test_save_run_never_leaves_half_a_file(tmp_path: Path, monkeypatch) -> None:
    import o2r_assistant.evaluation.runs as runs

    def broken(data, path):
        path.write_text('{"cases": ', encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr(runs, "write_json", broken)
    with pytest.raises(OSError, match="disk full"):
        save_run(_run(["a.yaml"]), tmp_path / "runs")
    assert [p for p in (tmp_path / "runs").rglob("*") if p.is_file()] == []


def test_previous_run_is_the_latest_older_run_on_the_same_sets(tmp_path: Path) -> None:
    assert previous_run(tmp_path / "absent", ["a.yaml"], "99999999") is None
    old = save_run(_run(["b.yaml", "a.yaml"], 1), tmp_path)
    middle = save_run(_run(["a.yaml", "b.yaml"], 2), tmp_path)
    save_run(_run(["a.yaml"], 3), tmp_path)  # other sets
    (tmp_path / "00000000T000000000000Z").mkdir()
    (tmp_path / "00000000T000000000000Z" / "result.json").write_text("{broken")  # skipped
    current = save_run(_run(["a.yaml", "b.yaml"], 4), tmp_path)

    found = previous_run(tmp_path, ["a.yaml", "b.yaml"], current.parent.name)
    assert found == _run(["a.yaml", "b.yaml"], 2)
    assert previous_run(tmp_path, ["b.yaml", "a.yaml"], middle.parent.name)["cases"] == 1
    assert previous_run(tmp_path, ["a.yaml", "b.yaml"], old.parent.name) is None
    assert previous_run(tmp_path, ["c.yaml"], current.parent.name) is None


def test_uploaded_question_set_is_named_by_content_and_safe(tmp_path: Path) -> None:
    path = save_question_set(b"- id: x\n", "../../mes questions?.yaml", tmp_path)
    assert path.parent == tmp_path / "uploads"
    assert re.fullmatch(r"[0-9a-f]{12}-mes_questions_\.yaml", path.name)
    assert path.read_bytes() == b"- id: x\n"
    assert save_question_set(b"- id: x\n", "autre.yaml", tmp_path).name[:12] == path.name[:12]
    assert save_question_set(b"- id: y\n", "", tmp_path).name.endswith("-questions.yaml")
