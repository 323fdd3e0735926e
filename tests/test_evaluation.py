"""`o2r eval` and the evaluation API: validation, judging, metrics, reports, the quality gate."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED_DIR
from pgserver import _free_port

from o2r_assistant import db
from o2r_assistant.answer import Answer
from o2r_assistant.cli import cli
from o2r_assistant.db import Database
from o2r_assistant.errors import DatabaseUnavailableError, EvalFormatError
from o2r_assistant.evaluation import (
    Case,
    EvalResult,
    Outcome,
    compare_results,
    load_cases,
    previous_run,
    run_evaluation,
    save_question_set,
    save_run,
    write_report,
)
from o2r_assistant.evaluation.judging import judge, lead
from o2r_assistant.text import normalize_match

EVAL_DIR = Path(__file__).parent / "eval"
PROJECT_SET = EVAL_DIR / "questions.yaml"
DEV_SET = SHARED_DIR / "eval" / "dev-questions.yaml"
DEV_2_SET = SHARED_DIR / "eval" / "dev-2.yaml"

TOP_KEYS = {
    "cases",
    "pass_rate",
    "retrieval",
    "citation_support",
    "abstention",
    "verdict_accuracy",
    "check_accuracy",
    "lead_accuracy",
    "latency_ms",
    "answer_words",
    "answered_by",
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
        (BUDGET_CASE + "  answered_by: human\n", ["cout-minimum", "answered_by", "validated"]),
        (BUDGET_CASE + "  history: 'Bonjour.'\n", ["cout-minimum", "history", "liste"]),
        (BUDGET_CASE + "  lead_includes: ['150|']\n", ["lead_includes", "alternative vide"]),
        (BUDGET_CASE + "  lead_include: ['150']\n", ["lead_include", "champ inconnu"]),
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


V2_CASE = """
- id: conversation
  history: ["Nous sommes une association de Laval.", "Notre budget est de 130 000 € sur 3 ans."]
  question: "Chaque parcours dure au plus 10 mois."
  lead_includes: ["150 000|non éligible"]
  answered_by: extractive
  verdict: ineligible
  checks: {cout_minimum: fail, territoire: pass, duree_accompagnement: pass}
"""


def test_version_2_fields_are_read(tmp_path: Path) -> None:
    (case,) = load_cases(write(tmp_path, V2_CASE))
    assert case.history == (
        "Nous sommes une association de Laval.",
        "Notre budget est de 130 000 € sur 3 ans.",
    )
    assert case.lead_includes == ("150 000|non éligible",)
    assert case.answered_by == "extractive"


def test_version_1_case_reads_as_before(tmp_path: Path) -> None:
    (case,) = load_cases(write(tmp_path, BUDGET_CASE))
    assert (case.history, case.lead_includes, case.answered_by) == ((), (), None)
    assert case.must_include == ("150 000",) and case.tags == ("budget",)


@pytest.mark.skipif(not DEV_2_SET.exists(), reason="shared question set not present")
def test_shared_version_2_set_loads() -> None:
    cases = load_cases(DEV_2_SET)
    assert any(case.history for case in cases)
    assert any(case.lead_includes for case in cases)


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
    assert data["lead_accuracy"] is None
    assert data["by_tag"] == {}
    assert data["latency_ms"]["p50"] is not None
    assert data["answer_words"]["p50"] is not None
    assert data["answered_by"] == {"validated": 0, "extractive": 1, "llm": 0, "abstained": 0}


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


def test_history_is_replayed_like_the_chat(assistant, tmp_path: Path) -> None:
    calls: list[tuple[str, list[str] | None, object]] = []
    answers: list[object] = []
    previous: list[object] = []
    ask = assistant.ask

    def spy(question, history=None, dossier=None, **kwargs):
        calls.append((question, history, dossier))
        previous.append(kwargs.get("previous"))
        answers.append(ask(question, history=history, dossier=dossier, **kwargs))
        return answers[-1]

    assistant.ask = spy
    result = run_evaluation([write(tmp_path, V2_CASE)], assistant=assistant)
    assert [(q, h) for q, h, _ in calls] == [
        ("Nous sommes une association de Laval.", []),
        ("Notre budget est de 130 000 € sur 3 ans.", ["Nous sommes une association de Laval."]),
        (
            "Chaque parcours dure au plus 10 mois.",
            ["Nous sommes une association de Laval.", "Notre budget est de 130 000 € sur 3 ans."],
        ),
    ]
    # The facts gathered so far go with each message: none before the first.
    assert calls[0][2] is None and calls[1][2] is not None and calls[2][2] is not None
    # So does the answer to the message before, as the chat keeps it.
    assert previous == [None, answers[0], answers[1]]
    (outcome,) = result.outcomes
    # Territory and cost come from the history; only the last answer is judged and timed.
    assert outcome.passed, outcome.reasons
    assert outcome.answer.question == "Chaque parcours dure au plus 10 mois."
    assert outcome.latency_ms == outcome.answer.timings["total_ms"]


def test_history_facts_count_when_the_question_states_none(assistant, tmp_path: Path) -> None:
    text = """
- id: candidater
  history: ["Nous sommes une association de Laval.", "Notre budget est de 130 000 € sur 3 ans."]
  question: "Pouvons-nous candidater ?"
  verdict: ineligible
  checks: {cout_minimum: fail, territoire: pass}
"""
    data = run_evaluation([write(tmp_path, text)], assistant=assistant).to_dict()
    assert data["failures"] == []
    assert data["verdict_accuracy"] == 1.0 and data["check_accuracy"] == 1.0


def test_follow_up_is_resolved_with_the_history(assistant, tmp_path: Path) -> None:
    follow_up = """
- id: suite
  history: ["Quel est le budget minimum d'un projet ?"]
  question: "et pour la durée d'un parcours ?"
  must_include: ["douze mois|12 mois"]
"""
    (outcome,) = run_evaluation([write(tmp_path, follow_up)], assistant=assistant).outcomes
    assert outcome.passed, outcome.reasons
    assert "budget minimum" in outcome.answer.resolved_question


def _answer(text: str, abstained: bool = False, mode: str = "extractive") -> Answer:
    return Answer(question="q", text=text, citations=[], abstained=abstained, mode=mode)


def _outcome(case: Case, answer: Answer) -> Outcome:
    reasons = judge(case, answer, 0, 0)
    return Outcome(case, case.id, answer, not reasons, reasons, None, [], 1.0, 0, 0)


def test_lead_is_the_first_paragraph_cut_at_400_characters() -> None:
    assert lead("\nNon.\nSelon le texte : « a ».\n \nSuite.") == "Non.\nSelon le texte : « a »."
    assert lead("x" * 500) == "x" * 400
    case = Case(id="c", question="q", lead_includes=("150 000|cent cinquante mille",))
    buried = _answer("Selon le texte : « autre chose ».\n\nLe coût minimum est 150 000 €.")
    assert judge(case, buried, 0, 0) == [
        'lead_includes "150 000|cent cinquante mille" not found in answer lead'
    ]
    assert judge(case, _answer("Le minimum est de 150\u202f000 €.\n\nSuite."), 0, 0) == []
    # Past 400 characters the deciding sentence is no longer in the lead.
    assert judge(case, _answer("a" * 400 + " 150 000"), 0, 0) != []


def test_lead_accuracy_answer_words_and_paths() -> None:
    led = Case(id="led", question="q", lead_includes=("oui",))
    plain = Case(id="plain", question="q")
    result = EvalResult(
        [
            _outcome(led, _answer("Oui. Deux mots\n\nsuite")),  # 4 words
            _outcome(led, _answer("Non.\n\nOui.", mode="llm")),  # 2 words
            _outcome(plain, _answer("un deux trois quatre cinq six sept", mode="validated")),
            _outcome(plain, _answer("Je ne sais pas répondre.", abstained=True)),
        ],
        config={},
    )
    data = result.to_dict()
    assert data["lead_accuracy"] == 0.5
    assert data["answer_words"] == {"p50": 4.0, "p95": 6.7}  # the abstention is not counted
    assert data["answered_by"] == {"validated": 1, "extractive": 1, "llm": 1, "abstained": 1}


def test_answered_by_mismatch_fails_the_case() -> None:
    case = Case(id="c", question="q", answered_by="llm")
    assert judge(case, _answer("Réponse."), 0, 0) == ["expected answered_by llm, got extractive"]
    assert judge(case, _answer("Réponse.", mode="llm"), 0, 0) == []
    assert judge(case, _answer("?", abstained=True, mode="llm"), 0, 0) == [
        "abstained but should answer",
        "expected answered_by llm, got abstained",
    ]


def test_compare_results_gives_deltas_and_none() -> None:
    a = {"pass_rate": 0.5, "retrieval": {"hit@1": None}, "latency_ms": {"p50": 10.0}}
    b = {"pass_rate": 0.75, "retrieval": {"hit@1": 0.5}, "latency_ms": {"p50": 12.5}}
    rows = {name: (va, vb, d) for name, va, vb, d in compare_results(a, b)}
    assert rows["pass_rate"] == (0.5, 0.75, 0.25)
    assert rows["hit@1"] == (None, 0.5, None)
    assert rows["latency_p50_ms"] == (10.0, 12.5, 2.5)
    assert rows["lead_accuracy"] == (None, None, None)


# ---------------------------------------------------------------- command line


def test_cli_json_summary_and_exit_codes(served_index, tmp_path: Path) -> None:
    path = write(tmp_path, BUDGET_CASE + FAILING_CASES)
    out = tmp_path / "out" / "eval.json"
    result = invoke(str(path), "--json", str(out))
    assert result.exit_code == 0, result.output  # --min-pass defaults to 0
    assert "Taux de réussite / pass_rate" in result.output
    assert "Essentiel en tête / lead_accuracy" in result.output
    assert "Abstentions / answered_by_abstained" in result.output
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


@pytest.mark.skipif(not DEV_2_SET.exists(), reason="shared question set not present")
def test_dev_2_meets_its_targets(assistant) -> None:
    """dev-2 (e-mails, colloquial, English, near-domain): the issue's gate, 0.95 pass and
    0.9 lead accuracy (measured 0.970 and 1.0; one more case lost would fail it)."""
    result = run_evaluation([DEV_2_SET], assistant=assistant)
    data = result.to_dict()
    failures = "\n".join(f"{f['id']}: {'; '.join(f['reasons'])}" for f in data["failures"])
    assert data["pass_rate"] >= 0.95, failures
    assert data["lead_accuracy"] >= 0.9, failures
    assert data["answer_words"]["p50"] <= 70
    assert data["check_accuracy"] == 1.0, failures


@pytest.mark.parametrize(
    "name",
    [f"heldout-{n}.yaml" for n in (9, 10, 11, 12, 13, 15, 16)],
)
def test_checker_probe_sets_read_every_fact(assistant, name: str) -> None:
    """The checker probes (facts in e-mails, SMS, tables, English) are read right.

    Written blind, then used to extend the fact reader: every rule status and verdict
    they expect is met, so a reading that breaks shows up here.
    """
    result = run_evaluation([EVAL_DIR / name], assistant=assistant)
    data = result.to_dict()
    failures = "\n".join(f"{f['id']}: {'; '.join(f['reasons'])}" for f in data["failures"])
    assert data["check_accuracy"] == 1.0, failures
    assert data["verdict_accuracy"] == 1.0, failures


def test_pasted_application_material_floor(assistant) -> None:
    """heldout-17 (project sheets, budget tables, form answers), written blind and then used
    for development: a floor under what its round reached (check accuracy 0.967,
    verdict accuracy 0.964); the readings it still misses are listed in the README."""
    data = run_evaluation([EVAL_DIR / "heldout-17.yaml"], assistant=assistant).to_dict()
    assert data["check_accuracy"] >= 0.96
    assert data["verdict_accuracy"] >= 0.96


# ---------------------------------------------------------------- stored runs


def _run(files: list[str], cases: int = 1) -> dict:
    return {"cases": cases, "config": {"files": files}}


def test_runs_are_stored_in_the_database_and_the_previous_one_found(
    database: Path | str,
) -> None:
    assert previous_run(database, ["a.yaml"], "99999999") is None  # nothing stored yet
    old = save_run(_run(["b.yaml", "a.yaml"], 1), database)
    middle = save_run(_run(["a.yaml", "b.yaml"], 2), database)
    save_run(_run(["a.yaml"], 3), database)  # other sets
    current = save_run(_run(["a.yaml", "b.yaml"], 4), database)
    assert old < middle < current  # stamps sort by date

    found = previous_run(database, ["a.yaml", "b.yaml"], current)
    assert found == _run(["a.yaml", "b.yaml"], 2)
    assert previous_run(database, ["b.yaml", "a.yaml"], middle)["cases"] == 1
    assert previous_run(database, ["a.yaml", "b.yaml"], old) is None
    assert previous_run(database, ["c.yaml"], current) is None
    db.dispose(database)  # another process (a replica) sees the same runs
    assert previous_run(Database(database), ["a.yaml"], "99999999") == _run(["a.yaml"], 3)


def test_a_run_stored_while_the_database_is_unreachable_is_a_french_error() -> None:
    url = f"postgresql+psycopg://o2r@127.0.0.1:{_free_port()}/o2r"  # nothing listens there
    with pytest.raises(DatabaseUnavailableError) as caught:
        save_run(_run(["a.yaml"]), url)
    assert "injoignable" in caught.value.message_fr


def test_uploaded_question_set_is_named_by_content_and_safe(tmp_path: Path) -> None:
    path = save_question_set(b"- id: x\n", "../../mes questions?.yaml", tmp_path)
    assert path.parent == tmp_path / "uploads"
    assert re.fullmatch(r"[0-9a-f]{12}-mes_questions_\.yaml", path.name)
    assert path.read_bytes() == b"- id: x\n"
    assert save_question_set(b"- id: x\n", "autre.yaml", tmp_path).name[:12] == path.name[:12]
    assert save_question_set(b"- id: y\n", "", tmp_path).name.endswith("-questions.yaml")


def test_a_long_or_odd_upload_name_is_stored_short_and_owner_only(tmp_path: Path) -> None:
    """The issue: a 240-character name failed with 'File name too long'."""
    path = save_question_set(b"- id: x\n", "q" * 240 + ".yaml", tmp_path)
    assert re.fullmatch(r"[0-9a-f]{12}-q{40}\.yaml", path.name)
    odd = save_question_set(b"- id: x\n", "a\x00b\u202e\x7f.exe", tmp_path)
    assert re.fullmatch(r"[0-9a-f]{12}-a_b__\.yaml", odd.name)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_an_upload_loses_its_control_characters(tmp_path: Path) -> None:
    """A feedback export from before the fix (DEL in a comment) is accepted once stored."""
    data = "# Commentaire : x\x7fy\n- id: a\n  question: Les dépenses\x01 ?\n".encode()
    path = save_question_set(data, "avis.yaml", tmp_path)
    (case,) = load_cases(path)
    assert case.question == "Les dépenses  ?"
    latin1 = save_question_set("- id: é\n".encode("latin-1"), "l.yaml", tmp_path)
    assert latin1.read_bytes() == "- id: é\n".encode("latin-1")
