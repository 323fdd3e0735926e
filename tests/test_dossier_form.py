"""The checker form's values to and from a Dossier."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from typing import Annotated

import pandas as pd
import pytest

from o2r_assistant.checker import (
    BudgetLine,
    Consortium,
    Dossier,
    Organisation,
    PlaceRecord,
    PublicTarget,
)
from o2r_assistant.departments import DEPARTMENTS
from o2r_assistant.dossier_form import (
    INPUTS,
    REGION,
    DossierForm,
    _inputs,
    budget_categories,
    form_widgets,
)
from o2r_assistant.errors import DossierError
from o2r_assistant.facts import extract_facts
from o2r_assistant.places import region_departments
from o2r_assistant.widgets import SECTIONS, Widget

FULL = Dossier(
    organisation=Organisation(
        name="Association Tremplin",
        social_purpose_insertion=True,
        insertion_experience=False,
        territorial_anchoring=True,
        financial_health="fragile",
    ),
    places=[
        PlaceRecord(name="Sarthe", department="72"),
        PlaceRecord(name="Rennes", department="35"),
        PlaceRecord(name="Bretagne", in_region=False),
    ],
    budget_lines=[
        BudgetLine(year=2025, category="personnel", amount_eur=Decimal("40000")),
        BudgetLine(year=None, category="formation", amount_eur=Decimal("2500.5")),
        BudgetLine(year=2026, category=None, amount_eur=Decimal("0")),
    ],
    total_cost_eur=Decimal("180000"),
    annual_cost_eur=Decimal("60000"),
    training_cost_eur=Decimal("5000"),
    project_months=36,
    pathway_months=12,
    public=PublicTarget(registered=True, subsidiary_conditions=True),
    consortium=Consortium(
        is_consortium=True, members=["A", "B"], lead="Association Tremplin", has_lead=True
    ),
    analytic_accounting=False,
)


def test_region_is_the_five_departments_of_the_region() -> None:
    assert list(REGION) == list(region_departments()) == ["44", "49", "53", "72", "85"]
    assert REGION["85"] == DEPARTMENTS["85"] == "Vendée"


def test_form_prefilled_from_a_dossier() -> None:
    form = DossierForm.of(FULL)
    assert form.departments == ["72"]
    assert form.other_places == "Rennes (35), Bretagne"
    assert form.total == 180000.0 and form.training == 5000.0
    assert form.public == "subsidiaire" and form.several is True and form.health == "fragile"
    assert list(form.budget.columns) == ["Année", "Catégorie", "Montant (€)"]
    assert str(form.budget["Année"].dtype) == "Int64"


def test_round_trip_keeps_every_fact() -> None:
    assert DossierForm.of(FULL).to_dossier(FULL) == FULL


@pytest.mark.parametrize(
    "public",
    [
        None,
        PublicTarget(registered=False),
        PublicTarget(registered=True, subsidiary_conditions=False),
        PublicTarget(registered=True, subsidiary_conditions=True),
    ],
)
def test_public_round_trip(public: PublicTarget | None) -> None:
    dossier = Dossier(public=public)
    assert DossierForm.of(dossier).to_dossier(dossier).public == public


def test_empty_form_gives_an_empty_dossier() -> None:
    assert DossierForm.of(Dossier()).to_dossier(Dossier()).is_empty()


def test_named_lead_means_a_lead_is_designated() -> None:
    form = DossierForm.of(Dossier())
    edited = replace(form, lead="  Chef  ", has_lead=False)
    consortium = edited.to_dossier(Dossier()).consortium
    assert consortium.lead == "Chef" and consortium.has_lead is True


def test_free_places_are_resolved_and_deduplicated() -> None:
    form = DossierForm.of(Dossier())
    edited = replace(form, departments=["44"], other_places="Nantes; Lyon,\n, Atlantis, Lyon")
    places = edited.to_dossier(Dossier()).places
    assert [(p.name, p.department) for p in places] == [
        ("Loire-Atlantique", "44"),
        ("Nantes", "44"),
        ("Lyon", "69"),
        ("Atlantis", None),
    ]


def test_blank_budget_rows_are_skipped() -> None:
    frame = pd.DataFrame(
        {
            "Année": pd.array([2025, None, None], dtype="Int64"),
            "Catégorie": ["personnel", "  ", None],
            "Montant (€)": [1000.0, 200.0, float("nan")],
        }
    )
    edited = replace(DossierForm.of(Dossier()), budget=frame)
    assert edited.to_dossier(Dossier()).budget_lines == [
        BudgetLine(year=2025, category="personnel", amount_eur=Decimal("1000.0")),
        BudgetLine(year=None, category=None, amount_eur=Decimal("200.0")),
    ]


def test_invalid_values_raise_a_dossier_error_in_french() -> None:
    frame = pd.DataFrame({"Année": [1990], "Catégorie": ["autre"], "Montant (€)": [10.0]})
    edited = replace(DossierForm.of(Dossier()), budget=frame)
    with pytest.raises(DossierError) as caught:
        edited.to_dossier(Dossier())
    assert "vérifiez les montants, années et durées" in caught.value.message_fr


def test_budget_categories_add_those_of_the_dossier() -> None:
    dossier = Dossier(
        budget_lines=[
            BudgetLine(category="sous-traitance", amount_eur=Decimal(1)),
            BudgetLine(category="formation", amount_eur=Decimal(1)),
            BudgetLine(category="achats", amount_eur=Decimal(1)),
        ]
    )
    categories = budget_categories(dossier)
    assert categories[:7] == budget_categories(Dossier())
    assert categories[7:] == ["achats", "sous-traitance"]


def test_two_towns_of_one_department_give_one_default():
    dossier = extract_facts("Projet à Nantes et à Saint-Nazaire, 200 000 € sur 3 ans")
    assert DossierForm.of(dossier).departments == ["44"]


# --- the form is built from the widgets declared on the dossier's fields ------------


def test_one_form_value_per_declared_widget() -> None:
    keys = [item.widget.key for item in INPUTS]
    assert len(keys) == len(set(keys))
    assert [f.name for f in fields(DossierForm)] == keys
    shown = [w.key for _, widgets in form_widgets() for w in widgets]
    assert sorted(shown) == sorted(keys)
    assert [section for section, _ in form_widgets()] == list(SECTIONS)


def test_a_new_widget_field_joins_the_form() -> None:
    class Extended(Dossier):
        volunteers: Annotated[
            int | None, Widget("volunteers", "Bénévoles (mois)", "months", SECTIONS[-1])
        ] = None

    inputs = _inputs(Extended)
    assert inputs[-1].widget.key == "volunteers" and inputs[-1].path == ("volunteers",)
    nested = next(i for i in inputs if i.widget.key == "purpose")
    assert nested.path == ("organisation", "social_purpose_insertion")


def test_inferred_facts_prefill_the_form() -> None:
    dossier = Dossier(consortium=Consortium(lead="Trajets"))
    form = DossierForm.of(dossier)
    assert form.several is True and form.lead == "Trajets" and form.has_lead is True
    assert form.to_dossier(dossier).consortium.is_consortium is True
