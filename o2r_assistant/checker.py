"""Deterministic eligibility checker: a typed dossier evaluated against the rules.

No language model is involved: every status comes from the facts of the dossier
and the parameters of ``data/rules.yaml``. An unknown fact gives ``missing``.
Each check registers itself with ``@check``; each fact a check reads is a field
of :class:`Dossier` that declares its form widget. See ``docs/rules.md``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from o2r_assistant.departments import DEPARTMENT_CODE as _DEPARTMENT_CODE
from o2r_assistant.errors import DossierError, RulesError
from o2r_assistant.numbers import number_word
from o2r_assistant.places import is_town
from o2r_assistant.report import CheckReport, RuleResult, Status, Verdict, join_fr
from o2r_assistant.rules import Rule, load_rules
from o2r_assistant.widgets import BUDGET, PUBLIC, STRUCTURE, TERRITORY, Widget
from o2r_assistant.yamlio import read_yaml

_CENT = Decimal("0.01")


def format_eur(amount: Decimal | int | float) -> str:
    """French money format: ``150 000 €``, ``1 234,50 €`` (cents only when needed)."""
    value = Decimal(str(amount)) if isinstance(amount, float) else Decimal(amount)
    if value == value.to_integral_value():
        return f"{int(value):,} €".replace(",", " ")
    units, cents = f"{value.quantize(_CENT, rounding=ROUND_HALF_UP):,.2f}".split(".")
    return f"{units.replace(',', ' ')},{cents} €"


def _months(months: int) -> str:
    return f"{months} mois"


# How a figure stated as a limit relates to the real one: strictly below or above it
# ("moins de 150 000 €", "plus d'un an"), or at least it ("au moins 12 mois").
BoundSide = Literal["below", "above", "at_least"]


def _bounded(figure: str, side: BoundSide | None) -> str:
    """``figure`` with the limit it was stated as: "moins de 150 000 €", "14 mois au moins"
    (after the figure, which "Parcours de …" then reads without an elision)."""
    if side == "at_least":
        return f"{figure} au moins"
    return {"below": f"moins de {figure}", "above": f"plus de {figure}", None: figure}[side]


def _years(months: int | Decimal) -> str:
    years = Decimal(months) / 12
    if years == years.to_integral_value():
        return f"{int(years)} an" + ("s" if years > 1 else "")
    return f"{years.quantize(Decimal('0.1')):f}".replace(".", ",") + " an"


# --- the dossier -----------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Organisation(_Model):
    """The candidate organisation; every fact is optional (None = unknown)."""

    name: str | None = None
    social_purpose_insertion: Annotated[
        bool | None,
        Widget("purpose", "Objet social cohérent avec l'insertion", "yes_no", STRUCTURE),
    ] = None
    insertion_experience: Annotated[
        bool | None,
        Widget(
            "experience", "Expérience de l'insertion socio-professionnelle", "yes_no", STRUCTURE
        ),
    ] = None
    territorial_anchoring: Annotated[
        bool | None, Widget("anchoring", "Ancrage territorial", "yes_no", STRUCTURE)
    ] = None
    financial_health: Annotated[
        Literal["bonne", "fragile"] | None,
        Widget(
            "health",
            "Santé financière",
            "choice",
            STRUCTURE,
            choices=((None, "Non renseignée"), ("bonne", "Bonne"), ("fragile", "Fragile")),
        ),
    ] = None


class PlaceRecord(_Model):
    """A place of action: a department code, or a region known to be in or out."""

    name: str = Field(min_length=1)
    department: str | None = None
    in_region: bool | None = None

    @field_validator("department", mode="before")
    @classmethod
    def _department_code(cls, value: Any) -> Any:
        if isinstance(value, int) and not isinstance(value, bool):
            value = f"{value:02d}"
        if isinstance(value, str):
            value = value.strip().upper()
            if not _DEPARTMENT_CODE.fullmatch(value):
                raise ValueError(f"unknown French department code {value!r}")
        return value


class BudgetLine(_Model):
    """One budget line; ``category`` None means the line is not broken down."""

    year: int | None = Field(default=None, ge=2000, le=2100)
    category: str | None = None
    amount_eur: Decimal = Field(ge=0)

    @property
    def is_training(self) -> bool:
        folded = unicodedata.normalize("NFKD", self.category or "").casefold().strip()
        return folded.startswith("formation")


class PublicTarget(_Model):
    """Who the project serves, relative to registration with the employment network."""

    registered: bool | None = None
    subsidiary_conditions: bool | None = None


class Consortium(_Model):
    """Whether several organisations carry the project, and who leads it."""

    is_consortium: Annotated[
        bool | None,
        Widget(
            "several", "Projet porté par plusieurs organismes", "yes_no", PUBLIC, prefill="several"
        ),
    ] = None
    members: list[str] | None = None
    lead: Annotated[str | None, Widget("lead", "Nom du chef de file", "text", PUBLIC)] = None
    has_lead: Annotated[
        bool | None,
        Widget("has_lead", "Un chef de file est désigné", "yes_no", PUBLIC, true_if="lead"),
    ] = None

    @model_validator(mode="after")
    def _lead_consistent(self) -> Consortium:
        if self.lead and self.has_lead is False:
            raise ValueError("a lead is named but has_lead is false")
        if self.lead and self.has_lead is None:
            self.has_lead = True
        return self

    @property
    def several(self) -> bool | None:
        """True when several organisations carry the project, None when unknown."""
        if self.is_consortium is not None:
            return self.is_consortium
        if len(self.members or []) >= 2 or self.lead or self.has_lead is not None:
            return True
        return None


BoundedField = Literal["total_cost_eur", "annual_cost_eur", "pathway_months"]


class Bound(_Model):
    """A figure stated as a limit: "moins de 150 000 €", "plus d'un an", "au moins 12 mois"."""

    side: BoundSide
    # The figure as stated: the bound holds only while its field still has this value
    # (a form edit or a later message stating the figure plainly ends it).
    value: Decimal


class Dossier(_Model):
    """Facts known about a candidate project. Every field defaults to None (unknown).

    The cost is known from itemised ``budget_lines``, else from ``total_cost_eur``
    (over the whole project), else from ``annual_cost_eur`` times the project length.
    ``training_cost_eur`` is a stated training amount included in that cost.
    """

    organisation: Organisation | None = None
    places: Annotated[
        list[PlaceRecord] | None,
        Widget("departments", "Départements d'intervention", "departments", TERRITORY),
        Widget(
            "other_places",
            "Autres lieux (villes, codes postaux, séparés par des virgules)",
            "other_places",
            TERRITORY,
        ),
    ] = None
    budget_lines: Annotated[
        list[BudgetLine] | None,
        Widget(
            "budget",
            "Lignes de budget",
            "budget",
            BUDGET,
            help="Lignes de budget par année et par catégorie (la formation à part).",
        ),
    ] = None
    total_cost_eur: Annotated[
        Decimal | None,
        Widget(
            "total",
            "Coût total du projet (€)",
            "euros",
            BUDGET,
            help="À défaut de lignes détaillées :",
            step=1000,
        ),
    ] = Field(default=None, ge=0)
    annual_cost_eur: Annotated[
        Decimal | None, Widget("annual", "Coût annuel (€)", "euros", BUDGET, step=1000)
    ] = Field(default=None, ge=0)
    training_cost_eur: Annotated[
        Decimal | None,
        Widget("training", "Dont dépenses de formation (€)", "euros", BUDGET, step=500),
    ] = Field(default=None, ge=0)
    # The cost is said to include training whose amount is not given ("158 000 €,
    # formations comprises"): the eligible cost is then unknown.
    training_included: bool | None = None
    # A range stated instead of one cost ("entre 200 et 220 k€"), low end first.
    total_cost_range_eur: tuple[Decimal, Decimal] | None = None
    # The same for a yearly cost ("entre 45 000 et 48 000 € par an").
    annual_cost_range_eur: tuple[Decimal, Decimal] | None = None
    # The sum asked of the State, when no cost is stated ("nous demandons 120 000 € à
    # l'État"): the project's cost is at least that.
    requested_eur: Decimal | None = Field(default=None, ge=0)
    project_months: Annotated[
        int | None, Widget("project_months", "Durée du projet (mois)", "months", TERRITORY)
    ] = Field(default=None, gt=0)
    pathway_months: Annotated[
        int | None,
        Widget(
            "pathway_months", "Durée d'un parcours d'accompagnement (mois)", "months", TERRITORY
        ),
    ] = Field(default=None, gt=0)
    public: Annotated[
        PublicTarget | None,
        Widget(
            "public",
            "Public principal",
            "public",
            PUBLIC,
            choices=(
                (None, "Non renseigné"),
                ("invisibles", "Personnes non inscrites (« invisibles »)"),
                ("inscrits", "Personnes inscrites (France Travail, mission locale, Cap emploi)"),
                (
                    "subsidiaire",
                    "Inscrits à titre subsidiaire "
                    "(sans accompagnement adapté ou sans contact récent)",
                ),
            ),
        ),
    ] = None
    consortium: Consortium | None = None
    # Places a message says are not, or no longer, places of action ("ce n'est pas
    # Fougères, c'est Laval"): merging drops them from the places stated before.
    withdrawn_places: list[PlaceRecord] | None = None
    # A message correcting where the project runs: merging puts its places instead.
    places_replace: bool | None = None
    analytic_accounting: Annotated[
        bool | None,
        Widget("accounting", "Comptabilité analytique du projet", "yes_no", STRUCTURE),
    ] = None
    bounds: dict[BoundedField, Bound] | None = None

    def bound(self, field: BoundedField) -> BoundSide | None:
        """How the real figure relates to ``field`` when that was stated as a limit."""
        bound = (self.bounds or {}).get(field)
        if bound is None or getattr(self, field) != bound.value:
            return None
        return bound.side

    def figure_kinds(self) -> frozenset[str]:
        """The kinds of figure stated, which the checker judges: "amount" for a sum,
        "duration" for a length (as a question's kinds name them)."""
        return frozenset(
            kind
            for kind, names in _FIGURES.items()
            if any(getattr(self, name) is not None for name in names)
        )

    def is_empty(self) -> bool:
        """True when the dossier states no fact at all."""
        return not _has_fact(self.model_dump(exclude_none=True))

    def training_cost(self) -> Decimal | None:
        """Stated training amount, else the sum of the ``formation`` lines of a fully
        categorised budget; None when unknown."""
        if self.training_cost_eur is not None:
            return self.training_cost_eur
        lines = self.budget_lines or []
        training = sum((line.amount_eur for line in lines if line.is_training), Decimal(0))
        if training or (lines and all(line.category for line in lines)):
            return training
        return None

    def training_unknown(self) -> bool:
        """Whether the cost includes training of an amount not given."""
        return bool(self.training_included) and self.training_cost() is None


# The figures the checker judges, by the kind of answer a question about them asks for.
_FIGURES = {
    "amount": ("total_cost_eur", "annual_cost_eur", "training_cost_eur"),
    "duration": ("project_months", "pathway_months"),
}


def _has_fact(value: Any) -> bool:
    if isinstance(value, dict):
        return any(_has_fact(v) for v in value.values())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def _validation_message(err: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in e['loc']) or '(racine)'}: {e['msg']}"
        for e in err.errors()
    )


def load_dossier(path: Path | str) -> Dossier:
    """Read a dossier YAML file; errors name the file and the field or line."""
    path = Path(path)
    raw = read_yaml(path, error=DossierError, what="dossier")
    if raw is None:
        return Dossier()
    if not isinstance(raw, dict):
        raise DossierError(
            f"{path}: a dossier must be a YAML mapping",
            f"{path} : un dossier doit être un dictionnaire YAML",
        )
    try:
        return Dossier.model_validate(raw)
    except ValidationError as err:
        detail = _validation_message(err)
        raise DossierError(f"{path}: {detail}", f"{path} : champ invalide : {detail}") from None


_M = TypeVar("_M", bound=BaseModel)
_COST_FIELDS = (
    "budget_lines",
    "total_cost_eur",
    "annual_cost_eur",
    "total_cost_range_eur",
    "annual_cost_range_eur",
)


def _merge(old: _M | None, new: _M | None) -> _M | None:
    if old is None or new is None:
        return new if old is None else old
    updates: dict[str, Any] = {}
    for name in type(new).model_fields:
        value = getattr(new, name)
        if value is None:
            continue
        previous = getattr(old, name)
        if isinstance(value, BaseModel):
            updates[name] = _merge(previous, value)
        elif name in ("places", "members") and previous:
            # Places and members accumulate over a conversation.
            updates[name] = previous + [v for v in value if v not in previous]
        else:
            updates[name] = value
    return old.model_copy(update=updates)


def merge_dossiers(base: Dossier, new: Dossier) -> Dossier:
    """Facts of ``new`` override those of ``base``; unknowns in ``new`` erase nothing."""
    merged = cast(Dossier, _merge(base, new))
    # A newly stated cost replaces the previous one whatever its form.
    if any(getattr(new, name) is not None for name in _COST_FIELDS):
        merged = merged.model_copy(update={name: getattr(new, name) for name in _COST_FIELDS})
    if new.places_replace and new.places:
        merged = merged.model_copy(update={"places": new.places})
    merged = merged.model_copy(update={"places_replace": None})
    if new.withdrawn_places:
        places = [p for p in merged.places or [] if p not in new.withdrawn_places]
        # "… à Saint-Herblain, pas à Saint-Étienne" after "à Saint-Étienne, dans la Loire
        # (42)": a department named only to place the town withdrawn goes with it, unless
        # another place in it is kept.
        gone = {p.department for p in new.withdrawn_places if p.department}
        named = [p.department for p in places]
        # A town of the same department stays: "Cholet se retire … à Angers".
        places = [
            p
            for p in places
            if p.department not in gone or named.count(p.department) > 1 or is_town(p.name)
        ]
        merged = merged.model_copy(update={"places": places or None, "withdrawn_places": None})
    # A bound lasts until its figure is stated again, plainly or as another bound.
    bounds = {f: b for f, b in (base.bounds or {}).items() if getattr(new, f) is None}
    merged = merged.model_copy(update={"bounds": {**bounds, **(new.bounds or {})} or None})
    if new.consortium is not None and new.consortium.has_lead is False:
        consortium = merged.consortium.model_copy(update={"lead": None})  # type: ignore[union-attr]
        merged = merged.model_copy(update={"consortium": consortium})
    return Dossier.model_validate(merged.model_dump())


# --- evaluation ------------------------------------------------------------------

Check = Callable[[Rule, Dossier], tuple[Status, str]]


@dataclass(frozen=True)
class RegisteredCheck:
    """The function that evaluates one rule, and what it needs from the rule's entry."""

    evaluate: Check
    params: frozenset[str]
    explains: frozenset[str]


# Rule id -> its check, in declaration order. This is the contract with rules.yaml:
# the loader requires exactly these ids, parameters and explanation keys.
CHECKS: dict[str, RegisteredCheck] = {}


def check(
    rule_id: str, *, params: Iterable[str] = (), explains: Iterable[str]
) -> Callable[[Check], Check]:
    """Register ``rule_id``'s check: it reads the parameters ``params`` and fills the
    explanation templates ``explains`` of that rule in ``data/rules.yaml``."""

    def register(function: Check) -> Check:
        if rule_id in CHECKS:
            raise RulesError(
                f"two checks for rule {rule_id!r}", f"deux vérifications pour la règle {rule_id!r}"
            )
        CHECKS[rule_id] = RegisteredCheck(function, frozenset(params), frozenset(explains))
        return function

    return register


_YES_NO = ("pass", "fail", "missing")


@check(
    "cout_minimum",
    params=("minimum_cost", "reference_length"),
    explains=(
        "pass",
        "fail",
        "missing",
        "training_unknown",
        "training_included",
        "range",
        "range_unsure",
        "with_training",
        "without_training",
        "per_year",
        "per_year_assumed",
        "lines",
        "requested",
        "requested_pass",
    ),
)
def _check_cost(rule: Rule, d: Dossier) -> tuple[Status, str]:
    minimum: Decimal = rule.param("minimum_cost")
    lines = d.budget_lines or []
    side: BoundSide | None = None  # a cost stated as a limit
    if lines:
        total = sum((line.amount_eur for line in lines), Decimal(0))
        cost = format_eur(total)
        if len(lines) > 1:
            terms = " + ".join(format_eur(line.amount_eur) for line in lines)
            cost = rule.explain("lines", terms=terms, total=cost)
    elif d.total_cost_eur is not None:
        total, side = d.total_cost_eur, d.bound("total_cost_eur")
        cost = _bounded(format_eur(total), side)
    elif d.annual_cost_eur is not None:
        total = d.annual_cost_eur * _project_months(rule, d) / 12
        side = d.bound("annual_cost_eur")
        per_year = _bounded(format_eur(d.annual_cost_eur), side)
        cost = _per_year(rule, d, per_year, _bounded(format_eur(total), side))
    elif d.total_cost_range_eur is not None or d.annual_cost_range_eur is not None:
        return _check_cost_range(rule, d, minimum)
    elif d.requested_eur is not None:
        # The State pays part of the eligible cost, which is then at least the sum asked.
        met = d.requested_eur >= minimum
        key = "requested_pass" if met else "requested"
        explanation = rule.explain(
            key, requested=format_eur(d.requested_eur), minimum=format_eur(minimum)
        )
        return ("pass" if met else "missing"), explanation
    else:
        return "missing", rule.explain("missing", minimum=format_eur(minimum))
    if d.training_unknown():
        calcul = rule.explain("training_included", cost=cost)
        if total >= minimum and not (side == "below" and total <= minimum):
            # Above the minimum with the training in it, perhaps below once it is out.
            return "missing", rule.explain(
                "training_unknown", calcul=calcul, minimum=format_eur(minimum)
            )
        return "fail", rule.explain("fail", calcul=calcul, minimum=format_eur(minimum))
    training = d.training_cost() or Decimal(0)
    eligible = total - training
    if training:
        calcul = _less_training(rule, cost, training, _bounded(format_eur(eligible), side))
    else:
        calcul = rule.explain("without_training", cost=cost)
    status: Status = "pass" if eligible >= minimum else "fail"
    if (side == "below" and eligible > minimum) or (
        side in ("above", "at_least") and eligible < minimum
    ):
        # "moins de 160 000 €": the real cost may fall on either side of the minimum.
        return "missing", rule.explain("range_unsure", calcul=calcul, minimum=format_eur(minimum))
    if side == "below":
        status = "fail"  # below a figure at most the minimum
    return status, rule.explain(status, calcul=calcul, minimum=format_eur(minimum))


def _project_months(rule: Rule, d: Dossier) -> int:
    """The project's length, or the convention's when none is stated."""
    return d.project_months or rule.param("reference_length")


def _per_year(rule: Rule, d: Dossier, per_year: str, total: str) -> str:
    """A yearly cost times the project's length, saying when that length is assumed."""
    key = "per_year" if d.project_months else "per_year_assumed"
    return rule.explain(key, per_year=per_year, years=_years(_project_months(rule, d)), total=total)


def _less_training(rule: Rule, cost: str, training: Decimal, eligible: str) -> str:
    """``cost`` with the training taken out; a computed cost is bracketed first."""
    if "=" in cost:
        cost = f"({cost})"
    return rule.explain(
        "with_training", cost=cost, training=format_eur(training), eligible=eligible
    )


def _check_cost_range(rule: Rule, d: Dossier, minimum: Decimal) -> tuple[Status, str]:
    """Both ends of the range on one side of the minimum settle it; else it is unknown."""
    if d.total_cost_range_eur is not None:
        low, high = d.total_cost_range_eur
        cost = rule.explain("range", low=format_eur(low), high=format_eur(high))
    else:
        yearly_low, yearly_high = d.annual_cost_range_eur  # type: ignore[misc]
        months = _project_months(rule, d)
        low, high = yearly_low * months / 12, yearly_high * months / 12
        cost = _per_year(
            rule,
            d,
            rule.explain("range", low=format_eur(yearly_low), high=format_eur(yearly_high)),
            rule.explain("range", low=format_eur(low), high=format_eur(high)),
        )
    training = d.training_cost() or Decimal(0)
    if training:
        eligible = rule.explain(
            "range", low=format_eur(low - training), high=format_eur(high - training)
        )
        cost = _less_training(rule, cost, training, eligible)
    if low - training >= minimum:
        return "pass", rule.explain("pass", calcul=cost, minimum=format_eur(minimum))
    if high - training < minimum:
        return "fail", rule.explain("fail", calcul=cost, minimum=format_eur(minimum))
    return "missing", rule.explain("range_unsure", calcul=cost, minimum=format_eur(minimum))


@check(
    "depenses_formation", explains=("warn", "warn_unknown", "pass_zero", "pass_lines", "missing")
)
def _check_training(rule: Rule, d: Dossier) -> tuple[Status, str]:
    if d.training_unknown():
        return "warn", rule.explain("warn_unknown")
    training = d.training_cost()
    if training is None:
        return "missing", rule.explain("missing")
    if training > 0:
        return "warn", rule.explain("warn", training=format_eur(training))
    return "pass", rule.explain("pass_zero" if d.training_cost_eur is not None else "pass_lines")


@check("duree_projet", params=("project_length",), explains=("pass", "warn", "missing"))
def _check_project_length(rule: Rule, d: Dossier) -> tuple[Status, str]:
    expected: int = rule.param("project_length")
    # In the decree's own words first: "conclue pour trois ans, soit 36 mois".
    years = f"{number_word(expected // 12)} ans" if expected % 12 == 0 else _years(expected)
    values = {"expected": f"{years}, soit {_months(expected)}"}
    if d.project_months is None:
        return "missing", rule.explain("missing", **values)
    status: Status = "pass" if d.project_months == expected else "warn"
    return status, rule.explain(status, months=_months(d.project_months), **values)


def _place_label(place: PlaceRecord) -> str:
    if place.department and place.department not in place.name:
        return f"{place.name} ({place.department})"
    return place.name


@check(
    "territoire", params=("departments",), explains=("pass", "fail", "missing", "missing_unknown")
)
def _check_territory(rule: Rule, d: Dossier) -> tuple[Status, str]:
    allowed: tuple[str, ...] = rule.param("departments")
    departments = join_fr(list(allowed))
    inside: list[str] = []
    outside: list[str] = []
    unknown: list[str] = []
    for place in d.places or []:
        known = place.department in allowed if place.department else place.in_region
        {True: inside, False: outside, None: unknown}[known].append(_place_label(place))
    if outside:
        return "fail", rule.explain("fail", outside=join_fr(outside), departments=departments)
    if unknown:
        return "missing", rule.explain(
            "missing_unknown", unknown=join_fr(unknown), departments=departments
        )
    if inside:
        return "pass", rule.explain("pass", places=join_fr(inside))
    return "missing", rule.explain("missing", departments=departments)


@check("duree_accompagnement", params=("maximum_pathway",), explains=(*_YES_NO, "unsure"))
def _check_pathway(rule: Rule, d: Dossier) -> tuple[Status, str]:
    maximum: int = rule.param("maximum_pathway")
    # The bound in the decree's words: "au plus douze mois".
    bound = f"{number_word(maximum)} mois"
    if d.pathway_months is None:
        return "missing", rule.explain("missing", maximum=bound)
    side = d.bound("pathway_months")
    months = _bounded(_months(d.pathway_months), side)
    # A limit settles it on one side only: "plus d'un an" is over the maximum, "plus de 8
    # mois" or "au moins 12 mois" may or may not be; "moins de 13 mois" stays within it.
    over = {
        "above": d.pathway_months >= maximum,
        "at_least": d.pathway_months > maximum,
        "below": d.pathway_months > maximum + 1,
        None: d.pathway_months > maximum,
    }[side]
    settled = {"above": over, "at_least": over, "below": not over, None: True}[side]
    if not settled:
        return "missing", rule.explain("unsure", months=months, maximum=bound)
    status: Status = "fail" if over else "pass"
    return status, rule.explain(status, months=months, maximum=bound)


@check("public_cible", params=("no_contact_period",), explains=("pass", "warn", "fail", "missing"))
def _check_public(rule: Rule, d: Dossier) -> tuple[Status, str]:
    count = str(rule.param("no_contact_period"))
    public = d.public or PublicTarget()
    if public.registered is None:
        return "missing", rule.explain("missing")
    if not public.registered:
        return "pass", rule.explain("pass")
    # Registered people are admitted only as a subsidiary public: allowed, but the
    # conditions must be justified to the DREETS, hence a warning rather than a pass.
    status: Status = "warn" if public.subsidiary_conditions else "fail"
    return status, rule.explain(status, count=count)


def _fact_check(getter: Callable[[Dossier], bool | None]) -> Check:
    def check(rule: Rule, d: Dossier) -> tuple[Status, str]:
        value = getter(d)
        if value is None:
            return "missing", rule.explain("missing")
        status: Status = "pass" if value else "fail"
        return status, rule.explain(status)

    return check


def _org(attribute: str) -> Callable[[Dossier], bool | None]:
    return lambda d: getattr(d.organisation, attribute) if d.organisation else None


check("objet_social", explains=_YES_NO)(_fact_check(_org("social_purpose_insertion")))
check("experience_insertion", explains=_YES_NO)(_fact_check(_org("insertion_experience")))
check("ancrage_territorial", explains=_YES_NO)(_fact_check(_org("territorial_anchoring")))


@check("sante_financiere", explains=("pass", "warn", "missing"))
def _check_finances(rule: Rule, d: Dossier) -> tuple[Status, str]:
    health = d.organisation.financial_health if d.organisation else None
    if health is None:
        return "missing", rule.explain("missing")
    status: Status = "pass" if health == "bonne" else "warn"
    return status, rule.explain(status)


check("comptabilite_analytique", explains=_YES_NO)(_fact_check(lambda d: d.analytic_accounting))


@check(
    "chef_de_file",
    explains=("pass_single", "pass_lead", "pass_lead_unnamed", "fail", "missing_lead", "missing"),
)
def _check_lead(rule: Rule, d: Dossier) -> tuple[Status, str]:
    consortium = d.consortium or Consortium()
    several = consortium.several
    if several is None:
        return "missing", rule.explain("missing")
    if not several:
        return "pass", rule.explain("pass_single")
    if consortium.lead:
        return "pass", rule.explain("pass_lead", lead=consortium.lead)
    if consortium.has_lead:
        return "pass", rule.explain("pass_lead_unnamed")
    if consortium.has_lead is False:
        return "fail", rule.explain("fail")
    return "missing", rule.explain("missing_lead")


RULE_IDS: tuple[str, ...] = tuple(CHECKS)


def evaluate(
    dossier: Dossier, rules: Sequence[Rule] | None = None, on: date | None = None
) -> CheckReport:
    """Check a dossier against the rules in force on ``on`` (default: today)."""
    on = on or date.today()
    results: list[RuleResult] = []
    for rule in load_rules() if rules is None else rules:
        if rule.effective_from > on:
            continue
        status, explanation = CHECKS[rule.id].evaluate(rule, dossier)
        results.append(
            RuleResult(rule.id, rule.label, status, rule.blocking, explanation, rule.sources)
        )
    verdict: Verdict
    if any(r.status == "fail" and r.blocking for r in results):
        verdict = "ineligible"
    elif not results or any(r.status == "missing" for r in results):
        # No rule in force yet means nothing could be checked: not a green light.
        verdict = "incomplete"
    else:
        verdict = "eligible"
    return CheckReport(tuple(results), verdict, on)
