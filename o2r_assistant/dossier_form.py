"""The checker form's values and their conversion to and from a :class:`Dossier`.

The web app draws one widget per field of :class:`DossierForm`; everything the
widgets cannot express (the organisation's name, the consortium's members) is
kept from the dossier being edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from pydantic import ValidationError

from .checker import BudgetLine, Consortium, Dossier, Organisation, PlaceRecord, PublicTarget
from .departments import DEPARTMENTS
from .errors import DossierError
from .places import find_places, region_departments

REGION: dict[str, str] = {code: DEPARTMENTS[code] for code in region_departments()}
BUDGET_CATEGORIES = [
    "personnel",
    "fonctionnement",
    "prestations",
    "déplacements",
    "investissement",
    "formation",
    "autre",
]
BUDGET_COLUMNS = {"Année": "Int64", "Catégorie": "object", "Montant (€)": "float64"}


@dataclass(frozen=True, eq=False)  # eq=False: a DataFrame has no truth value
class DossierForm:
    """One value per form widget; None means "not filled in"."""

    budget: pd.DataFrame
    total: float | None
    annual: float | None
    training: float | None
    departments: list[str]
    other_places: str
    project_months: int | None
    pathway_months: int | None
    public: str | None
    several: bool | None
    lead: str
    has_lead: bool | None
    accounting: bool | None
    purpose: bool | None
    experience: bool | None
    anchoring: bool | None
    health: str | None

    @classmethod
    def of(cls, dossier: Dossier) -> DossierForm:
        """The form pre-filled with the dossier's facts."""
        org = dossier.organisation or Organisation()
        consortium = dossier.consortium or Consortium()
        places = dossier.places or []
        return cls(
            budget=_budget_frame(dossier.budget_lines or []),
            total=_float(dossier.total_cost_eur),
            annual=_float(dossier.annual_cost_eur),
            training=_float(dossier.training_cost_eur),
            departments=list(dict.fromkeys(p.department for p in places if p.department in REGION)),
            other_places=", ".join(_place_text(p) for p in places if p.department not in REGION),
            project_months=dossier.project_months,
            pathway_months=dossier.pathway_months,
            public=_public_choice(dossier.public),
            several=consortium.several,
            lead=consortium.lead or "",
            has_lead=consortium.has_lead,
            accounting=dossier.analytic_accounting,
            purpose=org.social_purpose_insertion,
            experience=org.insertion_experience,
            anchoring=org.territorial_anchoring,
            health=org.financial_health,
        )

    def to_dossier(self, base: Dossier) -> Dossier:
        """The dossier these values describe, keeping what the form does not show of ``base``.

        Raises DossierError if a value is invalid.
        """
        org = base.organisation or Organisation()
        lead = self.lead.strip()
        try:
            return Dossier(
                organisation=Organisation(
                    name=org.name,
                    social_purpose_insertion=self.purpose,
                    insertion_experience=self.experience,
                    territorial_anchoring=self.anchoring,
                    financial_health=self.health,
                ),
                places=_places(self.departments, self.other_places),
                budget_lines=_budget_lines(self.budget),
                total_cost_eur=_amount(self.total),
                annual_cost_eur=_amount(self.annual),
                training_cost_eur=_amount(self.training),
                project_months=self.project_months,
                pathway_months=self.pathway_months,
                public=_public(self.public),
                consortium=Consortium(
                    is_consortium=self.several,
                    members=(base.consortium or Consortium()).members,
                    lead=lead or None,
                    has_lead=True if lead else self.has_lead,
                ),
                analytic_accounting=self.accounting,
            )
        except ValidationError as err:
            raise DossierError(
                f"invalid form values: {err}",
                "Certaines valeurs sont invalides : vérifiez les montants, années et durées.",
            ) from None


def budget_categories(dossier: Dossier) -> list[str]:
    """The usual categories, then any other one the dossier already uses."""
    used = {line.category for line in dossier.budget_lines or [] if line.category}
    return BUDGET_CATEGORIES + sorted(used - set(BUDGET_CATEGORIES))


def _budget_frame(lines: list[BudgetLine]) -> pd.DataFrame:
    rows = [
        {"Année": line.year, "Catégorie": line.category, "Montant (€)": float(line.amount_eur)}
        for line in lines
    ]
    return pd.DataFrame(rows, columns=list(BUDGET_COLUMNS)).astype(BUDGET_COLUMNS)


def _budget_lines(frame: pd.DataFrame) -> list[BudgetLine] | None:
    lines = []
    for row in frame.to_dict("records"):
        amount = row.get("Montant (€)")
        if amount is None or pd.isna(amount):
            continue
        year = row.get("Année")
        category = row.get("Catégorie")
        lines.append(
            BudgetLine(
                year=None if year is None or pd.isna(year) else int(year),
                category=category if isinstance(category, str) and category.strip() else None,
                amount_eur=Decimal(str(amount)),
            )
        )
    return lines or None


def _place_text(place: PlaceRecord) -> str:
    if place.department and place.department not in place.name:
        return f"{place.name} ({place.department})"
    return place.name


def _places(codes: list[str], free_text: str) -> list[PlaceRecord] | None:
    places = [PlaceRecord(name=REGION[c], department=c) for c in codes]
    for item in re.split(r"[,;\n]", free_text):
        item = item.strip()
        if not item:
            continue
        found = find_places(item)
        if found:
            places += [
                PlaceRecord(
                    name=p.name,
                    department=p.department,
                    in_region=None if p.department else p.in_region,
                )
                for p in found
            ]
        else:
            places.append(PlaceRecord(name=item))
    unique: list[PlaceRecord] = []
    for place in places:
        if place not in unique:
            unique.append(place)
    return unique or None


def _amount(value: float | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _public_choice(public: PublicTarget | None) -> str | None:
    if public is None or public.registered is None:
        return None
    if not public.registered:
        return "invisibles"
    return "subsidiaire" if public.subsidiary_conditions else "inscrits"


def _public(choice: str | None) -> PublicTarget | None:
    return {
        None: None,
        "invisibles": PublicTarget(registered=False),
        "inscrits": PublicTarget(registered=True, subsidiary_conditions=False),
        "subsidiaire": PublicTarget(registered=True, subsidiary_conditions=True),
    }[choice]
