"""The deterministic checker: rule semantics, verdicts, reports, dossier files."""

from __future__ import annotations

import json
import string
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from o2r_assistant.checker import (
    CheckReport,
    Dossier,
    PlaceRecord,
    evaluate,
    load_dossier,
    merge_dossiers,
)
from o2r_assistant.errors import DossierError
from o2r_assistant.facts import extract_facts
from o2r_assistant.rules import load_rules

ROOT = Path(__file__).resolve().parent.parent
DEV_QUESTIONS = ROOT.parent / "shared" / "eval" / "dev-questions.yaml"
EXAMPLES = ROOT / "examples"


def _dev_cases() -> list[dict[str, Any]]:
    if not DEV_QUESTIONS.exists():
        return []
    return yaml.safe_load(DEV_QUESTIONS.read_text(encoding="utf-8"))


def _check(text: str) -> CheckReport:
    return evaluate(extract_facts(text))


def _statuses(report: CheckReport) -> dict[str, str]:
    return {result.rule_id: result.status for result in report.results}


# --- the shared question set --------------------------------------------------------


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="shared question set not present")
@pytest.mark.parametrize(
    "case", [c for c in _dev_cases() if "checker" in c.get("tags", [])], ids=lambda c: c["id"]
)
def test_dev_checker_cases(case: dict[str, Any]) -> None:
    report = _check(case["question"])
    assert report.verdict == case["verdict"]
    for rule_id, status in case["checks"].items():
        assert report.by_id(rule_id).status == status, report.by_id(rule_id).explanation
    for needle in case.get("must_include", []):
        text = report.to_markdown()
        assert any(option in text for option in needle.split("|")), needle


@pytest.mark.skipif(not DEV_QUESTIONS.exists(), reason="shared question set not present")
@pytest.mark.parametrize(
    "case", [c for c in _dev_cases() if "checker" not in c.get("tags", [])], ids=lambda c: c["id"]
)
def test_dev_plain_questions_state_no_fact(case: dict[str, Any]) -> None:
    facts = extract_facts(case["question"])
    assert facts.is_empty(), facts.model_dump(exclude_none=True)
    assert evaluate(facts).verdict == "incomplete"


# --- wording variants, end to end ---------------------------------------------------

VARIANTS: list[tuple[str, str | None, dict[str, str]]] = [
    # Boundaries of the minimum cost.
    ("Projet de 150 000 € sur 3 ans.", "incomplete", {"cout_minimum": "pass"}),
    ("Projet de 149 999 € sur 3 ans.", "ineligible", {"cout_minimum": "fail"}),
    ("Projet de 150k€ sur trois ans.", None, {"cout_minimum": "pass", "duree_projet": "pass"}),
    ("Budget de 149,9 k€ sur 3 ans.", "ineligible", {"cout_minimum": "fail"}),
    ("Un projet à 0,15 M€.", None, {"cout_minimum": "pass", "duree_projet": "missing"}),
    ("Un projet à 0,14 M€.", "ineligible", {"cout_minimum": "fail"}),
    ("Nous avons 1,2 million d'euros sur 3 ans.", None, {"cout_minimum": "pass"}),
    ("Deux millions d'euros sur trois ans.", None, {"cout_minimum": "pass"}),
    ("Coût : 150.000 euros.", None, {"cout_minimum": "pass"}),
    ("Coût : 150 000,00 €.", None, {"cout_minimum": "pass"}),
    ("Budget : 120000€.", "ineligible", {"cout_minimum": "fail"}),
    # Training expenses are deducted.
    ("180 000 € dont 30 000 € de formation.", None, {"cout_minimum": "pass"}),
    ("180 000 € dont 30 001 € de formation.", "ineligible", {"cout_minimum": "fail"}),
    ("200 000 € y compris 20 k€ de formation.", None, {"depenses_formation": "warn"}),
    ("200 000 € dont 0 € de formation.", None, {"depenses_formation": "pass"}),
    ("200 000 €, aucune dépense de formation.", None, {"depenses_formation": "pass"}),
    ("Projet de 200 000 €.", None, {"depenses_formation": "missing"}),
    # Per-year amounts and yearly breakdowns.
    ("50 000 € par an pendant 3 ans.", None, {"cout_minimum": "pass", "duree_projet": "pass"}),
    ("49 000 € par an pendant 3 ans.", "ineligible", {"cout_minimum": "fail"}),
    ("50 000 € par an.", None, {"cout_minimum": "pass", "duree_projet": "missing"}),
    ("80 000 € par an sur 2 ans.", None, {"cout_minimum": "pass", "duree_projet": "warn"}),
    ("70 000 € par an sur 2 ans.", "ineligible", {"cout_minimum": "fail"}),
    ("60 000 € en 2025, 50 000 € en 2026 et 45 000 € en 2027.", None, {"cout_minimum": "pass"}),
    ("40 000 € en 2025, 50 000 € en 2026 et 45 000 € en 2027.", "ineligible", {}),
    # Durations.
    ("Un projet sur 4 ans.", None, {"duree_projet": "warn"}),
    ("Projet de 36 mois.", None, {"duree_projet": "pass"}),
    ("Accompagnement de 12 mois par personne.", None, {"duree_accompagnement": "pass"}),
    ("Accompagnement de douze mois par personne.", None, {"duree_accompagnement": "pass"}),
    ("Chaque bénéficiaire est suivi 14 mois.", "ineligible", {"duree_accompagnement": "fail"}),
    ("Un parcours de deux ans.", "ineligible", {"duree_accompagnement": "fail"}),
    ("Des parcours de six mois.", None, {"duree_accompagnement": "pass"}),
    # Places.
    ("Nous sommes à Angers.", None, {"territoire": "pass"}),
    ("Actions à Laval, au Mans et à La Roche-sur-Yon.", None, {"territoire": "pass"}),
    ("Nous agissons dans le Finistère.", "ineligible", {"territoire": "fail"}),
    # A head office alone says where the organisation sits, not where the project runs.
    ("Siège à Tours.", None, {"territoire": "missing"}),
    ("Siège : 35000 Rennes.", None, {"territoire": "missing"}),
    ("Siège à Nantes, actions à Tours.", "ineligible", {"territoire": "fail"}),
    ("Association basée au 37000 Tours.", "ineligible", {"territoire": "fail"}),
    ("Nous intervenons en Bretagne.", "ineligible", {"territoire": "fail"}),
    ("Nantes (44) et Niort (79).", "ineligible", {"territoire": "fail"}),
    ("Dans le 49 et le 85.", None, {"territoire": "pass"}),
    ("Projet en Maine-et-Loire.", None, {"territoire": "pass"}),
    ("Projet en Indre-et-Loire.", "ineligible", {"territoire": "fail"}),
    ("Projet en Haute-Loire.", "ineligible", {"territoire": "fail"}),
    ("Projet en Pays de la Loire, sur les bords de Loire.", None, {"territoire": "pass"}),
    ("44 jeunes accompagnés par an.", None, {"territoire": "missing"}),
    # Public, consortium, accounting, organisation.
    ("Public : jeunes invisibles.", None, {"public_cible": "pass"}),
    ("Nous accompagnons des demandeurs d'emploi inscrits.", "ineligible", {"public_cible": "fail"}),
    (
        "Des demandeurs d'emploi inscrits sans contact depuis 5 mois.",
        None,
        {"public_cible": "warn"},
    ),
    ("Nous sommes trois associations sans chef de file.", "ineligible", {"chef_de_file": "fail"}),
    ("Nous sommes trois associations.", None, {"chef_de_file": "missing"}),
    ("Consortium dont Trajets sera chef de file.", None, {"chef_de_file": "pass"}),
    ("Nous candidatons seuls.", None, {"chef_de_file": "pass"}),
    ("Nous n'avons pas de comptabilité analytique.", "ineligible", {}),
    ("Nous tenons une comptabilité analytique.", None, {"comptabilite_analytique": "pass"}),
    ("Nos comptes sont déficitaires.", "incomplete", {"sante_financiere": "warn"}),
    # Questions state nothing.
    ("Peut-on déposer un projet à plusieurs ?", "incomplete", {"chef_de_file": "missing"}),
    ("Faut-il une comptabilité analytique ?", None, {"comptabilite_analytique": "missing"}),
    # Mixed statements.
    (
        "Association d'insertion à Cholet, 10 ans d'expérience dans l'insertion, projet de "
        "165 000 € sur 3 ans pour des invisibles, parcours de 9 mois par personne.",
        "incomplete",
        {
            "cout_minimum": "pass",
            "territoire": "pass",
            "duree_accompagnement": "pass",
            "public_cible": "pass",
            "objet_social": "pass",
            "experience_insertion": "pass",
        },
    ),
]


@pytest.mark.parametrize(("text", "verdict", "checks"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_wording_variants(text: str, verdict: str | None, checks: dict[str, str]) -> None:
    report = _check(text)
    if verdict:
        assert report.verdict == verdict, _statuses(report)
    for rule_id, status in checks.items():
        assert report.by_id(rule_id).status == status, report.by_id(rule_id).explanation


# --- rule semantics on typed dossiers -----------------------------------------------


def test_cost_explanation_states_the_numbers() -> None:
    report = evaluate(Dossier(total_cost_eur=170000, training_cost_eur=40000))
    assert report.by_id("cout_minimum").explanation.startswith(
        "170 000 € − 40 000 € de formation = 130 000 € < 150 000 € minimum sur 3 ans"
    )
    no_training = evaluate(Dossier(total_cost_eur=150000)).by_id("cout_minimum")
    assert "aucune dépense de formation déclarée" in no_training.explanation
    assumed = evaluate(Dossier(annual_cost_eur=50000)).by_id("cout_minimum")
    assert assumed.status == "pass"
    assert "50 000 € par an × 3 ans" in assumed.explanation
    assert "durée de la convention retenue" in assumed.explanation


def test_cost_from_budget_lines() -> None:
    lines = [
        {"year": 2025, "category": "personnel", "amount_eur": 60000},
        {"year": 2026, "category": "Formation", "amount_eur": 20000},
        {"year": 2027, "category": "personnel", "amount_eur": 100000},
    ]
    report = evaluate(Dossier(budget_lines=lines))
    assert report.by_id("cout_minimum").status == "pass"
    assert "60 000 € + 20 000 € + 100 000 € = 180 000 €" in report.by_id("cout_minimum").explanation
    assert report.by_id("depenses_formation").status == "warn"
    no_training = [line for line in lines if line["category"] != "Formation"]
    assert evaluate(Dossier(budget_lines=no_training)).by_id("depenses_formation").status == "pass"
    uncategorised = [{"amount_eur": 200000}]
    status = evaluate(Dossier(budget_lines=uncategorised)).by_id("depenses_formation").status
    assert status == "missing"


def test_per_year_cost_uses_project_length() -> None:
    report = evaluate(Dossier(annual_cost_eur=100000, project_months=18))
    assert report.by_id("cout_minimum").status == "pass"
    assert "× 1,5 an = 150 000 €" in report.by_id("cout_minimum").explanation


@pytest.mark.parametrize(
    ("places", "status", "needle"),
    [
        ([{"name": "Nantes", "department": "44"}], "pass", "Nantes (44)"),
        ([{"name": "Rennes", "department": "35"}], "fail", "Rennes (35)"),
        ([{"name": "Bretagne", "in_region": False}], "fail", "Bretagne"),
        ([{"name": "Quelque part"}], "missing", "Quelque part"),
        ([], "missing", "non indiqué"),
        ([{"name": "Nantes", "department": 44}, {"name": "Brest", "department": "29"}], "fail", ""),
    ],
)
def test_territory(places: list[dict[str, Any]], status: str, needle: str) -> None:
    result = evaluate(Dossier(places=places)).by_id("territoire")
    assert result.status == status
    assert needle in result.explanation


@pytest.mark.parametrize(
    ("public", "status"),
    [
        (None, "missing"),
        ({"registered": False}, "pass"),
        ({"registered": True}, "fail"),
        ({"registered": True, "subsidiary_conditions": False}, "fail"),
        ({"registered": True, "subsidiary_conditions": True}, "warn"),
    ],
)
def test_public_target(public: dict[str, Any] | None, status: str) -> None:
    assert evaluate(Dossier(public=public)).by_id("public_cible").status == status


@pytest.mark.parametrize(
    ("consortium", "status"),
    [
        (None, "missing"),
        ({"is_consortium": False}, "pass"),
        ({"is_consortium": True, "lead": "Trajets"}, "pass"),
        ({"members": ["A", "B"], "has_lead": True}, "pass"),
        ({"is_consortium": True, "has_lead": False}, "fail"),
        ({"is_consortium": True}, "missing"),
        ({"members": ["A", "B"]}, "missing"),
    ],
)
def test_lead(consortium: dict[str, Any] | None, status: str) -> None:
    assert evaluate(Dossier(consortium=consortium)).by_id("chef_de_file").status == status


def test_boolean_rules_and_finances() -> None:
    yes = Dossier(
        organisation={
            "social_purpose_insertion": True,
            "insertion_experience": True,
            "territorial_anchoring": True,
            "financial_health": "bonne",
        },
        analytic_accounting=True,
    )
    no = Dossier(
        organisation={
            "social_purpose_insertion": False,
            "insertion_experience": False,
            "territorial_anchoring": False,
            "financial_health": "fragile",
        },
        analytic_accounting=False,
    )
    ids = ["objet_social", "experience_insertion", "ancrage_territorial", "comptabilite_analytique"]
    assert {i: evaluate(yes).by_id(i).status for i in ids} == dict.fromkeys(ids, "pass")
    assert {i: evaluate(no).by_id(i).status for i in ids} == dict.fromkeys(ids, "fail")
    assert evaluate(yes).by_id("sante_financiere").status == "pass"
    assert evaluate(no).by_id("sante_financiere").status == "warn"
    assert evaluate(Dossier()).by_id("sante_financiere").status == "missing"


def test_verdicts_and_order() -> None:
    empty = evaluate(Dossier())
    assert empty.verdict == "incomplete"
    assert [r.rule_id for r in empty.results] == [rule.id for rule in load_rules()]
    assert {r.status for r in empty.results} == {"missing"}
    assert evaluate(load_dossier(EXAMPLES / "dossier-eligible.yaml")).verdict == "eligible"
    # A warning alone does not stop a dossier from being eligible.
    fragile = load_dossier(EXAMPLES / "dossier-eligible.yaml").model_copy(
        update={"project_months": 24}
    )
    assert evaluate(fragile).verdict == "eligible"
    assert evaluate(fragile).by_id("duree_projet").status == "warn"


def test_examples() -> None:
    report = evaluate(load_dossier(EXAMPLES / "dossier-ineligible.yaml"))
    assert report.verdict == "ineligible"
    failed = [r.rule_id for r in report.results if r.status == "fail" and r.blocking]
    assert len(failed) == 2
    eligible = evaluate(load_dossier(EXAMPLES / "dossier-eligible.yaml"))
    assert {r.status for r in eligible.results} == {"pass"}


def test_rules_not_yet_in_force_are_skipped() -> None:
    rules = load_rules()
    later = [rules[0].model_copy(update={"effective_from": date(2030, 1, 1)}), *rules[1:]]
    report = evaluate(Dossier(total_cost_eur=1), rules=later, on=date(2025, 1, 1))
    assert "cout_minimum" not in {r.rule_id for r in report.results}
    assert report.verdict == "incomplete"
    assert evaluate(Dossier(total_cost_eur=1), rules=later, on=date(2030, 1, 1)).verdict == (
        "ineligible"
    )
    before_any_rule = evaluate(Dossier(), on=date(2024, 6, 25))
    assert before_any_rule.results == () and before_any_rule.verdict == "incomplete"
    with pytest.raises(KeyError):
        report.by_id("cout_minimum")


def test_every_template_uses_known_placeholders() -> None:
    known = {
        "calcul", "minimum", "cost", "training", "eligible", "per_year", "years", "total",
        "terms", "months", "expected", "places", "outside", "departments", "unknown", "maximum",
        "count", "lead", "low", "high", "requested",
    }  # fmt: skip
    for rule in load_rules():
        for key, template in rule.explanations.items():
            fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
            assert fields <= known, (rule.id, key, fields - known)


# --- reports --------------------------------------------------------------------------


def test_report_rendering() -> None:
    report = _check(
        "Nous prévoyons 170 000 € sur 3 ans dont 40 000 € de formations qualifiantes, à Rennes."
    )
    data = report.to_dict()
    json.dumps(data)
    assert data["verdict"] == "ineligible" and data["verdict_fr"] == "Inéligible"
    assert data["results"][0]["sources"][0]["doc_id"] == "ami-o2r-pays-de-la-loire"
    markdown = report.to_markdown()
    assert "Inéligible" in markdown
    assert "❌ **Coût total minimum du projet**" in markdown
    assert "⚠️ **Dépenses de formation**" in markdown
    assert "❔" in markdown
    assert "« Les dépenses de formation ne sont pas éligibles. »" in markdown
    assert "(https://www.essor-paysdelaloire.org/projets.html)" in markdown
    summary = report.summary_fr()
    assert summary.startswith("Inéligible : 2 conditions bloquantes non remplies")
    assert "Territoire" in summary and "Dépenses de formation" in summary
    assert evaluate(Dossier()).summary_fr().startswith("Incomplet")
    eligible = evaluate(load_dossier(EXAMPLES / "dossier-eligible.yaml"))
    assert eligible.to_markdown().startswith("### Vérification d'éligibilité : Éligible")


def test_extraction_and_evaluation_are_fast() -> None:
    messages = [case["question"] for case in _dev_cases()] or [v[0] for v in VARIANTS]
    evaluate(extract_facts(messages[0]))
    start = time.perf_counter()
    for message in messages:
        evaluate(extract_facts(message))
    per_message = (time.perf_counter() - start) / len(messages)
    assert per_message < 0.005


# --- dossiers: files and merging -----------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "dossier.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("places:\n  - {name: Nantes, department: '99'}\n", "places.0.department"),
        ("project_months: trois\n", "project_months"),
        ("budget: 3\n", "budget"),
        ("organisation:\n  financial_health: moyenne\n", "organisation.financial_health"),
        ("budget_lines:\n  - {category: x, amount_eur: -5}\n", "budget_lines.0.amount_eur"),
        ("consortium: {lead: X, has_lead: false}\n", "consortium"),
        ("places: [\n", "line"),
        ("organisation:\n  name: A\x01B\n", "line 2"),
        ("project_months: 36\nproject_months: 24\n", "duplicate key"),
        ("- 1\n", "mapping"),
    ],
)
def test_dossier_errors_name_the_field(tmp_path: Path, text: str, needle: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(DossierError) as info:
        load_dossier(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value), str(info.value)


def test_dossier_file_round_trip(tmp_path: Path) -> None:
    assert load_dossier(_write(tmp_path, "")) == Dossier()
    dossier = load_dossier(EXAMPLES / "dossier-ineligible.yaml")
    dumped = yaml.safe_dump(json.loads(dossier.model_dump_json(exclude_none=True)))
    assert load_dossier(_write(tmp_path, dumped)) == dossier
    with pytest.raises(DossierError):
        load_dossier(tmp_path / "absent.yaml")


def test_merge_accumulates_facts() -> None:
    first = extract_facts("Projet de 120 000 € sur 3 ans à Nantes.")
    second = extract_facts("En fait le budget est de 160 000 €, avec aussi des actions à Angers.")
    merged = merge_dossiers(first, second)
    assert merged.total_cost_eur == Decimal(160000)
    assert merged.project_months == 36  # not erased by the second message
    assert [place.name for place in merged.places] == ["Nantes", "Angers"]
    assert evaluate(merged).by_id("cout_minimum").status == "pass"


def test_merge_replaces_the_cost_whatever_its_form() -> None:
    merged = merge_dossiers(Dossier(total_cost_eur=100000), Dossier(annual_cost_eur=60000))
    assert merged.total_cost_eur is None and merged.annual_cost_eur == 60000
    kept = merge_dossiers(Dossier(total_cost_eur=100000), Dossier(project_months=36))
    assert kept.total_cost_eur == 100000


def test_merge_nested_and_lead() -> None:
    base = Dossier(
        organisation={"social_purpose_insertion": True},
        consortium={"is_consortium": True, "lead": "Trajets"},
    )
    new = Dossier(organisation={"financial_health": "fragile"}, consortium={"has_lead": False})
    merged = merge_dossiers(base, new)
    assert merged.organisation.social_purpose_insertion is True
    assert merged.organisation.financial_health == "fragile"
    assert merged.consortium.lead is None and merged.consortium.has_lead is False
    assert merge_dossiers(Dossier(), Dossier()) == Dossier()


def test_a_withdrawn_place_leaves_the_conversations_places() -> None:
    before = Dossier(places=[PlaceRecord(name="Fougères", department="35")])
    correction = Dossier(
        places=[PlaceRecord(name="Laval", department="53")],
        withdrawn_places=[PlaceRecord(name="Fougères", department="35")],
    )
    merged = merge_dossiers(before, correction)
    assert [p.name for p in merged.places] == ["Laval"]
    assert merged.withdrawn_places is None


def test_a_department_named_to_place_a_withdrawn_town_goes_with_it() -> None:
    before = Dossier(
        places=[
            PlaceRecord(name="Saint-Étienne", department="42"),
            PlaceRecord(name="Loire", department="42"),
        ]
    )
    correction = Dossier(
        places=[PlaceRecord(name="Saint-Herblain", department="44")],
        withdrawn_places=[PlaceRecord(name="Saint-Étienne", department="42")],
    )
    assert [p.name for p in merge_dossiers(before, correction).places] == ["Saint-Herblain"]
    # Not when another place of that department is kept: Sablé is still in the Sarthe.
    before = Dossier(
        places=[
            PlaceRecord(name="Sarthe", department="72"),
            PlaceRecord(name="Le Mans", department="72"),
            PlaceRecord(name="Sablé-sur-Sarthe", department="72"),
        ]
    )
    correction = Dossier(withdrawn_places=[PlaceRecord(name="Le Mans", department="72")])
    kept = [p.name for p in merge_dossiers(before, correction).places]
    assert kept == ["Sarthe", "Sablé-sur-Sarthe"]


def _statuses(dossier: Dossier) -> dict[str, str]:
    return {r.rule_id: r.status for r in evaluate(dossier).results}


def test_training_included_of_unknown_amount() -> None:
    above = _statuses(Dossier(total_cost_eur=Decimal(165000), training_included=True))
    # Above the minimum with the training in it: unknown once it is taken out.
    assert (above["cout_minimum"], above["depenses_formation"]) == ("missing", "warn")
    below = _statuses(Dossier(total_cost_eur=Decimal(140000), training_included=True))
    assert below["cout_minimum"] == "fail"
    # Its amount stated later settles both.
    stated = merge_dossiers(
        Dossier(total_cost_eur=Decimal(165000), training_included=True),
        Dossier(training_cost_eur=Decimal(10000)),
    )
    assert _statuses(stated)["cout_minimum"] == "pass"


@pytest.mark.parametrize(
    ("low", "high", "status"),
    [(190000, 210000, "pass"), (100000, 130000, "fail"), (140000, 170000, "missing")],
)
def test_a_cost_range_settles_the_minimum_only_from_both_ends(low, high, status) -> None:
    dossier = Dossier(total_cost_range_eur=(Decimal(low), Decimal(high)))
    assert _statuses(dossier)["cout_minimum"] == status
    # A cost stated later replaces the range.
    later = merge_dossiers(dossier, Dossier(total_cost_eur=Decimal(120000)))
    assert later.total_cost_range_eur is None and _statuses(later)["cout_minimum"] == "fail"


@pytest.mark.parametrize(
    ("low", "high", "months", "status"),
    [(45000, 48000, 36, "fail"), (60000, 70000, None, "pass"), (45000, 55000, 36, "missing")],
)
def test_a_yearly_cost_range_counts_over_the_project(low, high, months, status) -> None:
    dossier = Dossier(annual_cost_range_eur=(Decimal(low), Decimal(high)), project_months=months)
    finding = evaluate(dossier).by_id("cout_minimum")
    assert finding.status == status
    assert "par an ×" in finding.explanation


def test_a_project_length_off_the_convention_is_said_in_the_decree_unit() -> None:
    # The decree says "trois ans": the warning says it so, then in months.
    result = evaluate(extract_facts("Nous imaginons un projet sur 48 mois.")).by_id("duree_projet")
    assert result.status == "warn"
    assert "conclue pour trois ans, soit 36 mois" in result.explanation


def test_a_pathway_too_long_is_bounded_in_the_decree_words() -> None:
    result = evaluate(extract_facts("Des parcours de 18 mois par personne.")).by_id(
        "duree_accompagnement"
    )
    assert result.status == "fail"
    assert "au plus douze mois pour une même personne" in result.explanation


@pytest.mark.parametrize(
    ("field", "value", "side", "rule_id", "status"),
    [
        ("total_cost_eur", 150000, "below", "cout_minimum", "fail"),
        ("total_cost_eur", 160000, "below", "cout_minimum", "missing"),
        ("total_cost_eur", 150000, "above", "cout_minimum", "pass"),
        ("total_cost_eur", 140000, "above", "cout_minimum", "missing"),
        ("pathway_months", 12, "above", "duree_accompagnement", "fail"),
        ("pathway_months", 8, "above", "duree_accompagnement", "missing"),
        ("pathway_months", 13, "below", "duree_accompagnement", "pass"),
        ("pathway_months", 18, "below", "duree_accompagnement", "missing"),
        ("pathway_months", 12, "at_least", "duree_accompagnement", "missing"),
        ("pathway_months", 14, "at_least", "duree_accompagnement", "fail"),
        ("total_cost_eur", 160000, "at_least", "cout_minimum", "pass"),
    ],
)
def test_a_figure_stated_as_a_strict_limit_settles_its_rule_on_one_side(
    field, value, side, rule_id, status
) -> None:
    dossier = Dossier(**{field: value, "bounds": {field: {"side": side, "value": value}}})
    finding = evaluate(dossier).by_id(rule_id)
    assert finding.status == status
    said = {"below": "moins de ", "above": "plus de ", "at_least": " au moins"}[side]
    assert said in finding.explanation


def test_a_strict_limit_ends_when_its_figure_is_stated_again_or_edited() -> None:
    bounded = Dossier(pathway_months=12, bounds={"pathway_months": {"side": "above", "value": 12}})
    assert _statuses(bounded)["duree_accompagnement"] == "fail"
    # "finalement 12 mois pile": the figure stated plainly ends the limit.
    plain = merge_dossiers(bounded, Dossier(pathway_months=12))
    assert _statuses(plain)["duree_accompagnement"] == "pass"
    # Other facts said later keep it; a form edit of the figure ends it.
    kept = merge_dossiers(bounded, Dossier(project_months=36))
    assert _statuses(kept)["duree_accompagnement"] == "fail"
    edited = bounded.model_copy(update={"pathway_months": 10})
    assert _statuses(edited)["duree_accompagnement"] == "pass"


@pytest.mark.parametrize(("requested", "status"), [(120000, "missing"), (160000, "pass")])
def test_the_sum_asked_of_the_state_bounds_the_cost_from_below(requested: int, status: str) -> None:
    result = evaluate(Dossier(requested_eur=Decimal(requested))).by_id("cout_minimum")
    assert result.status == status
    assert "demandés à l'État" in result.explanation
    assert (
        evaluate(Dossier(requested_eur=Decimal(requested), total_cost_eur=Decimal(140000)))
        .by_id("cout_minimum")
        .status
        == "fail"
    )


def test_the_kinds_of_figure_stated_are_those_the_checker_judges() -> None:
    assert Dossier(total_cost_eur=200000, pathway_months=9).figure_kinds() == {
        "amount",
        "duration",
    }
    assert Dossier(annual_cost_eur=60000).figure_kinds() == {"amount"}
    assert Dossier(places=None).figure_kinds() == frozenset()


def test_a_partner_withdrawing_leaves_the_other_town_of_its_department() -> None:
    before = extract_facts("Deux associations, l'une à Angers, l'autre à Cholet.")
    after = extract_facts("L'association de Cholet se retire ; nous restons seuls, à Angers.")
    assert [p.name for p in merge_dossiers(before, after).places] == ["Angers"]
