"""The rules file: contract ids, parameters, strict loading, verbatim sources."""

from __future__ import annotations

import re
import time
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from o2r_assistant.checker import CHECKS, RULE_IDS, check
from o2r_assistant.errors import RulesError
from o2r_assistant.rules import DEFAULT_RULES_PATH, load_rules

CORPUS_DIR = Path(__file__).resolve().parent.parent / "corpus"
CONTRACT_IDS = (
    "cout_minimum",
    "depenses_formation",
    "duree_projet",
    "territoire",
    "duree_accompagnement",
    "public_cible",
    "objet_social",
    "experience_insertion",
    "ancrage_territorial",
    "sante_financiere",
    "comptabilite_analytique",
    "chef_de_file",
)
BLOCKING = {
    "cout_minimum": True,
    "depenses_formation": False,
    "duree_projet": False,
    "territoire": True,
    "duree_accompagnement": True,
    "public_cible": True,
    "objet_social": True,
    "experience_insertion": True,
    "ancrage_territorial": True,
    "sante_financiere": False,
    "comptabilite_analytique": True,
    "chef_de_file": True,
}


def _raw() -> dict[str, Any]:
    return yaml.safe_load(DEFAULT_RULES_PATH.read_text(encoding="utf-8"))


def _front_matter(doc_id: str) -> tuple[dict[str, Any], str]:
    text = (CORPUS_DIR / f"{doc_id}.md").read_text(encoding="utf-8")
    _, header, body = text.split("---\n", 2)
    return yaml.safe_load(header), body


def _write(tmp_path: Path, data: Any) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_contract_ids_in_order() -> None:
    assert RULE_IDS == CONTRACT_IDS
    assert [rule.id for rule in load_rules()] == list(CONTRACT_IDS)


def test_blocking_flags_follow_rules_md() -> None:
    assert {rule.id: rule.blocking for rule in load_rules()} == BLOCKING


def test_parameters() -> None:
    rules = {rule.id: rule for rule in load_rules()}
    assert rules["cout_minimum"].param("minimum_cost") == Decimal(150000)
    assert rules["cout_minimum"].parameters["minimum_cost"].unit == "EUR"
    assert rules["duree_projet"].param("project_length") == 36
    assert rules["duree_projet"].parameters["project_length"].unit == "months"
    assert rules["duree_accompagnement"].param("maximum_pathway") == 12
    assert rules["territoire"].param("departments") == ("44", "49", "53", "72", "85")
    assert rules["territoire"].parameters["departments"].unit == "department_codes"
    assert all(rule.effective_from == date(2024, 6, 26) for rule in rules.values())


def test_default_load_is_cached_and_cheap() -> None:
    first = load_rules()
    start = time.perf_counter()
    for _ in range(1000):
        again = load_rules()
    assert time.perf_counter() - start < 0.1
    assert again == first
    again.clear()  # callers get their own list
    assert len(load_rules()) == len(CONTRACT_IDS)


def test_rules_are_frozen() -> None:
    rule = load_rules()[0]
    with pytest.raises(ValueError):
        rule.label = "autre"  # type: ignore[misc]


@pytest.mark.parametrize("rule", load_rules(), ids=lambda rule: rule.id)
def test_sources_are_verbatim_in_corpus(rule) -> None:
    for source in rule.sources:
        meta, body = _front_matter(source.doc_id)
        assert source.passage in body, f"{rule.id}: passage not in corpus/{source.doc_id}.md"
        assert source.title == meta["title"]
        assert source.source_url == meta.get("source_url")


def test_loads_an_explicit_path(tmp_path: Path) -> None:
    assert [r.id for r in load_rules(_write(tmp_path, _raw()))] == list(CONTRACT_IDS)


def _mutations() -> list[tuple[str, Any, str]]:
    """(case id, mutation of the raw data, text the error must contain)."""

    def rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
        return next(r for r in data["rules"] if r["id"] == rule_id)

    def unknown_rule_key(d):
        rule(d, "territoire")["note"] = "x"

    def missing_label(d):
        del rule(d, "duree_projet")["label"]

    def unknown_unit(d):
        rule(d, "cout_minimum")["parameters"]["minimum_cost"]["unit"] = "USD"

    def bad_date(d):
        rule(d, "chef_de_file")["effective_from"] = "bientôt"

    def duplicate_id(d):
        d["rules"].append(dict(rule(d, "territoire")))

    def unknown_id(d):
        rule(d, "sante_financiere")["id"] = "sante"

    def missing_rule(d):
        d["rules"] = [r for r in d["rules"] if r["id"] != "public_cible"]

    def unknown_parameter(d):
        rule(d, "duree_projet")["parameters"]["extra"] = {"value": 1, "unit": "months"}

    def missing_template(d):
        del rule(d, "territoire")["explanations"]["fail"]

    def attribute_placeholder(d):
        rule(d, "objet_social")["explanations"]["pass"] = "{x.__class__}"

    def months_as_text(d):
        rule(d, "duree_accompagnement")["parameters"]["maximum_pathway"]["value"] = "douze"

    def negative_eur(d):
        rule(d, "cout_minimum")["parameters"]["minimum_cost"]["value"] = -1

    def bad_department(d):
        rule(d, "territoire")["parameters"]["departments"]["value"] = ["44", "99"]

    def no_source(d):
        rule(d, "depenses_formation")["sources"] = []

    def source_key(d):
        rule(d, "depenses_formation")["sources"][0]["page"] = 3

    def top_level_key(d):
        d["version"] = 2

    def blocking_text(d):
        rule(d, "territoire")["blocking"] = "oui"

    return [
        ("unknown-rule-key", unknown_rule_key, "note"),
        ("missing-label", missing_label, "label"),
        ("unknown-unit", unknown_unit, "unit"),
        ("bad-date", bad_date, "effective_from"),
        ("duplicate-id", duplicate_id, "territoire"),
        ("unknown-id", unknown_id, "sante"),
        ("missing-rule", missing_rule, "public_cible"),
        ("unknown-parameter", unknown_parameter, "extra"),
        ("missing-template", missing_template, "fail"),
        ("attribute-placeholder", attribute_placeholder, "objet_social"),
        ("months-as-text", months_as_text, "maximum_pathway"),
        ("negative-eur", negative_eur, "minimum_cost"),
        ("bad-department", bad_department, "departments"),
        ("no-source", no_source, "sources"),
        ("source-key", source_key, "page"),
        ("top-level-key", top_level_key, "version"),
        ("blocking-text", blocking_text, "blocking"),
    ]


@pytest.mark.parametrize(
    ("case", "mutate", "needle"), _mutations(), ids=[case for case, _, _ in _mutations()]
)
def test_strictness(tmp_path: Path, case: str, mutate, needle: str) -> None:
    data = _raw()
    mutate(data)
    path = _write(tmp_path, data)
    with pytest.raises(RulesError) as info:
        load_rules(path)
    assert str(path) in str(info.value)
    assert needle in str(info.value), str(info.value)
    assert str(path) in info.value.message_fr


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("rules:\n  - id: territoire\n    id: territoire\n", "duplicate key"),
        ("rules: [\n", "invalid YAML"),
        ("rules:\n  - effective_from: 2024-13-01\n", "invalid YAML"),
        ("- just\n- a list\n", "(racine)"),
    ],
)
def test_malformed_files(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulesError, match=re.escape(needle)) as info:
        load_rules(path)
    assert str(path) in str(info.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="cannot read"):
        load_rules(tmp_path / "absent.yaml")


# --- the contract is the checker's registry ---------------------------------------


def test_contract_is_the_ids_of_shared_rules_md() -> None:
    rules_md = CORPUS_DIR.parent.parent / "shared" / "rules.md"
    if not rules_md.exists():
        pytest.skip("shared/rules.md not present")
    text = rules_md.read_text(encoding="utf-8")
    ids = [i for i in re.findall(r"^\| ([a-z_]+) \|", text, re.MULTILINE) if i != "id"]
    assert ids == list(CONTRACT_IDS) == list(CHECKS)


def test_each_rule_has_what_its_check_declares() -> None:
    for rule in load_rules():
        assert set(rule.parameters) == CHECKS[rule.id].params
        assert set(rule.explanations) == CHECKS[rule.id].explains


def test_a_registered_check_without_a_rule_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setitem(CHECKS, "nouvelle_regle", CHECKS["objet_social"])
    with pytest.raises(RulesError, match="missing rules: nouvelle_regle"):
        load_rules(_write(tmp_path, _raw()))


def test_a_rule_without_a_check_is_refused(tmp_path: Path) -> None:
    data = _raw()
    data["rules"].append({**data["rules"][6], "id": "nouvelle_regle"})
    with pytest.raises(RulesError, match=r"rules\[12\] \(nouvelle_regle\).*unknown rule id"):
        load_rules(_write(tmp_path, data))


def test_a_check_is_registered_once() -> None:
    with pytest.raises(RulesError, match="two checks"):
        check("territoire", explains=())(CHECKS["territoire"].evaluate)
    assert CHECKS["territoire"].params == {"departments"}
