"""The checker form's values and their conversion to and from a :class:`Dossier`.

The form is built from the :class:`~o2r_assistant.widgets.Widget` declared on
the dossier's fields: :data:`DossierForm` has one value per widget, and the web
app draws one input per widget. Everything the widgets do not show (the
organisation's name, the consortium's members) is kept from the dossier being
edited.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, make_dataclass
from decimal import Decimal
from typing import Any, get_args

import pandas as pd
from pydantic import BaseModel, ValidationError

from .checker import BudgetLine, Dossier, PlaceRecord, PublicTarget
from .departments import DEPARTMENTS
from .errors import DossierError
from .places import find_places, region_departments
from .widgets import SECTIONS, Widget

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


# --- the form, from the widgets declared on the dossier's fields -------------------


@dataclass(frozen=True)
class _Input:
    """One form value: the widget, and where its fact sits in the dossier."""

    widget: Widget
    path: tuple[str, ...]  # field names from the Dossier down to the fact
    models: tuple[type[BaseModel], ...]  # the sub-model named by each step of the path
    first: bool  # the field's first widget writes the fact; the others only show it


def _model_of(annotation: Any) -> type[BaseModel] | None:
    """The sub-model of an ``X | None`` field, if X is one."""
    for arg in get_args(annotation) or (annotation,):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _inputs(
    model: type[BaseModel], path: tuple[str, ...] = (), models: tuple[type[BaseModel], ...] = ()
) -> list[_Input]:
    inputs: list[_Input] = []
    for name, info in model.model_fields.items():
        widgets = [m for m in info.metadata if isinstance(m, Widget)]
        inputs += [_Input(w, (*path, name), models, i == 0) for i, w in enumerate(widgets)]
        sub = _model_of(info.annotation)
        if not widgets and sub is not None:
            inputs += _inputs(sub, (*path, name), (*models, sub))
    return inputs


INPUTS: tuple[_Input, ...] = tuple(_inputs(Dossier))


def form_widgets() -> list[tuple[str, list[Widget]]]:
    """The form's widgets by section, in display order."""
    return [(s, [i.widget for i in INPUTS if i.widget.section == s]) for s in SECTIONS]


# How each kind of widget shows a fact (fact -> form value) and states it back
# (form value, all form values -> fact); None: written by the field's first widget.
_Write = Callable[[Any, Mapping[str, Any]], Any]
_CODECS: dict[str, tuple[Callable[[Any], Any], _Write | None]] = {
    "euros": (_float, lambda value, form: _amount(value)),
    "months": (lambda value: value, lambda value, form: value),
    "yes_no": (lambda value: value, lambda value, form: value),
    "choice": (lambda value: value, lambda value, form: value),
    "text": (lambda value: value or "", lambda value, form: value.strip() or None),
    "budget": (lambda lines: _budget_frame(lines or []), lambda frame, form: _budget_lines(frame)),
    "public": (_public_choice, lambda choice, form: _public(choice)),
    "departments": (
        lambda places: list(
            dict.fromkeys(p.department for p in places or [] if p.department in REGION)
        ),
        lambda codes, form: _places(codes, form["other_places"]),
    ),
    "other_places": (
        lambda places: ", ".join(
            _place_text(p) for p in places or [] if p.department not in REGION
        ),
        None,
    ),
}


class _FormBase:
    """Methods of :data:`DossierForm`, whose fields are the widgets' keys."""

    @classmethod
    def of(cls, dossier: Dossier) -> Any:
        """The form pre-filled with the dossier's facts."""
        values: dict[str, Any] = {}
        for item in INPUTS:
            owner: BaseModel = dossier
            for name, model in zip(item.path, item.models, strict=False):
                owner = getattr(owner, name) or model()  # an unknown sub-model: all unknown
            widget = item.widget
            value = getattr(owner, widget.prefill or item.path[-1])
            values[widget.key] = _CODECS[widget.kind][0](value)
        return cls(**values)

    def to_dossier(self, base: Dossier) -> Dossier:
        """The dossier these values describe, keeping what the form does not show of ``base``.

        Raises DossierError if a value is invalid.
        """
        form = vars(self)
        data = base.model_dump()
        try:  # the budget's lines and the places are validated as they are built
            for item in INPUTS:
                write = _CODECS[item.widget.kind][1]
                if not item.first or write is None:
                    continue
                value = write(form[item.widget.key], form)
                if item.widget.true_if and form[item.widget.true_if].strip():
                    value = True
                owner = data
                for name in item.path[:-1]:
                    owner[name] = owner[name] or {}
                    owner = owner[name]
                owner[item.path[-1]] = value
            return Dossier.model_validate(data)
        except ValidationError as err:
            raise DossierError(
                f"invalid form values: {err}",
                "Certaines valeurs sont invalides : vérifiez les montants, années et durées.",
            ) from None


DossierForm = make_dataclass(
    "DossierForm",
    [(item.widget.key, Any) for item in INPUTS],
    bases=(_FormBase,),
    frozen=True,
    eq=False,  # a DataFrame has no truth value
)
DossierForm.__doc__ = "One value per form widget (None: not filled in), named by the widget's key."
