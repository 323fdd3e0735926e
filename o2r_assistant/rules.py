"""The eligibility rules as data: a strict loader for ``data/rules.yaml``.

The rule ids, the parameters and the explanation keys each rule must provide
are those its check declares (``checker.check``); any deviation in the file is
an error naming the file and the offending rule or key.
"""

from __future__ import annotations

import contextlib
import string
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    field_validator,
    model_validator,
)

from o2r_assistant.departments import DEPARTMENT_CODE as _DEPARTMENT_CODE
from o2r_assistant.errors import RulesError
from o2r_assistant.yamlio import read_yaml

if TYPE_CHECKING:
    from o2r_assistant.checker import RegisteredCheck

Unit = Literal["EUR", "months", "department_codes"]

# Next to this module rather than through importlib.resources, which cannot open a
# namespace package installed in editable mode.
DEFAULT_RULES_PATH = Path(__file__).with_name("data") / "rules.yaml"
_DOC_ID = r"^[a-z0-9][a-z0-9-]*$"
_FORMATTER = string.Formatter()


def _registered_checks() -> dict[str, RegisteredCheck]:
    """The contract: each check registers its rule id, parameters and explanation keys."""
    # Imported here: the checker imports this module, and importing it registers the checks.
    from o2r_assistant.checker import CHECKS

    return CHECKS


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Parameter(_Frozen):
    """A number the rule compares against, with its unit."""

    value: Decimal | int | tuple[str, ...]
    unit: Unit

    @model_validator(mode="before")
    @classmethod
    def _value_matches_unit(cls, data: Any) -> Any:
        if not isinstance(data, dict) or "value" not in data or "unit" not in data:
            return data
        value, unit = data["value"], data["unit"]
        if unit == "EUR":
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ValueError("an EUR value must be a non-negative number")
            value = Decimal(str(value))
        elif unit == "months":
            if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
                raise ValueError("a months value must be a positive integer")
        elif unit == "department_codes":
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(c, str) and _DEPARTMENT_CODE.fullmatch(c) for c in value)
                or len(set(value)) != len(value)
            ):
                raise ValueError("department_codes must be a non-empty list of distinct codes")
            value = tuple(value)
        return {**data, "value": value}


class Source(_Frozen):
    """A verbatim passage of a corpus document that grounds a rule."""

    doc_id: StrictStr = Field(pattern=_DOC_ID)
    title: StrictStr = Field(min_length=1)
    passage: StrictStr = Field(min_length=1)
    source_url: StrictStr | None


class Rule(_Frozen):
    """One checkable rule, with its parameters, French templates and sources."""

    id: StrictStr
    label: StrictStr = Field(min_length=1)
    blocking: StrictBool
    effective_from: date
    parameters: dict[str, Parameter]
    explanations: dict[str, StrictStr]
    sources: tuple[Source, ...] = Field(min_length=1)

    @field_validator("explanations")
    @classmethod
    def _templates_are_simple(cls, value: dict[str, str]) -> dict[str, str]:
        for key, template in value.items():
            try:
                fields = [f for _, f, _, _ in _FORMATTER.parse(template) if f is not None]
            except ValueError as err:
                raise ValueError(f"explanation {key!r}: {err}") from None
            # Plain names only: attribute or index access in a template is refused.
            bad = [f for f in fields if not f.isidentifier()]
            if bad:
                raise ValueError(f"explanation {key!r}: bad placeholder {bad[0]!r}")
        return value

    @model_validator(mode="after")
    def _follows_contract(self) -> Rule:
        checks = _registered_checks()
        if self.id not in checks:
            raise ValueError(f"unknown rule id {self.id!r} (expected one of {', '.join(checks)})")
        check = checks[self.id]
        for kind, expected, actual in (
            ("parameters", check.params, set(self.parameters)),
            ("explanations", check.explains, set(self.explanations)),
        ):
            if missing := sorted(expected - actual):
                raise ValueError(f"missing {kind}: {', '.join(missing)}")
            if extra := sorted(actual - expected):
                raise ValueError(f"unknown {kind}: {', '.join(extra)}")
        return self

    def param(self, name: str) -> Any:
        """The value of one parameter (Decimal for EUR, int for months, tuple of codes)."""
        return self.parameters[name].value

    def explain(self, key: str, **values: str) -> str:
        """Fill one French explanation template."""
        try:
            return self.explanations[key].format(**values)
        except KeyError as err:
            raise RulesError(
                f"rule {self.id}: explanation {key!r} needs {err}",
                f"règle {self.id} : le modèle d'explication {key!r} attend {err}",
            ) from None


class _RulesFile(_Frozen):
    rules: list[Rule]


def _fail(path: Path, en: str, fr: str) -> RulesError:
    return RulesError(f"{path}: {en}", f"{path} : {fr}")


def _loc(raw: Any, loc: tuple[int | str, ...]) -> str:
    """Readable error location: ``rules[2] (territoire).parameters.departments``."""
    parts: list[str] = []
    for i, item in enumerate(loc):
        if isinstance(item, int):
            label = f"[{item}]"
            if i == 1 and loc[0] == "rules":
                with contextlib.suppress(KeyError, IndexError, TypeError):
                    label += f" ({raw['rules'][item]['id']})"
            parts.append(label)
        else:
            parts.append(("." if parts else "") + item)
    return "".join(parts) or "(racine)"


def _load(path: Path) -> list[Rule]:
    raw = read_yaml(path, error=RulesError, what="rules file")
    try:
        parsed = _RulesFile.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = _loc(raw, tuple(first["loc"]))
        raise _fail(path, f"{where}: {first['msg']}", f"{where} : {first['msg']}") from None
    seen: set[str] = set()
    for rule in parsed.rules:
        if rule.id in seen:
            raise _fail(path, f"duplicate rule id {rule.id!r}", f"règle {rule.id!r} en double")
        seen.add(rule.id)
    if missing := [rule_id for rule_id in _registered_checks() if rule_id not in seen]:
        raise _fail(
            path,
            f"missing rules: {', '.join(missing)}",
            f"règles manquantes : {', '.join(missing)}",
        )
    return parsed.rules


@lru_cache(maxsize=1)
def _default_rules() -> tuple[Rule, ...]:
    return tuple(_load(DEFAULT_RULES_PATH))


def load_rules(path: Path | None = None) -> list[Rule]:
    """Load and validate the rules; the packaged file is parsed once and cached."""
    if path is None:
        return list(_default_rules())
    return _load(Path(path))
