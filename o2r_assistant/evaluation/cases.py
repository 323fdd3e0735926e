"""Question sets: reading and strictly validating the shared YAML format (eval/FORMAT.md)."""

from __future__ import annotations

import re
import reprlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import EvalFormatError
from ..rules import load_rules
from ..text import normalize_match
from ..yamlio import read_yaml_document

VERDICTS = ("eligible", "ineligible", "incomplete")
STATUSES = ("pass", "fail", "warn", "missing")
FIELDS = (
    "id",
    "question",
    "evidence",
    "must_include",
    "must_not_include",
    "abstain",
    "verdict",
    "checks",
    "tags",
    # Format version 2: a file without them is read as before.
    "history",
    "lead_includes",
    "answered_by",
)
# The paths that can produce an answer ("validated": a staff-validated answer).
ANSWER_PATHS = ("validated", "extractive", "llm")


@dataclass(frozen=True)
class Case:
    """One question of a question set, validated."""

    id: str
    question: str
    evidence: tuple[str, ...] = ()
    must_include: tuple[str, ...] = ()
    must_not_include: tuple[str, ...] = ()
    abstain: bool = False
    verdict: str | None = None
    checks: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    history: tuple[str, ...] = ()  # earlier user messages, oldest first
    lead_includes: tuple[str, ...] = ()
    answered_by: str | None = None
    file: Path | None = None
    line: int | None = None


# YAML aliases can nest a value whose full repr runs to gigabytes: errors show a glimpse.
_GLIMPSE = reprlib.Repr()
_GLIMPSE.maxlevel = 2
_GLIMPSE.maxlist = _GLIMPSE.maxdict = 4
_GLIMPSE.maxstring = _GLIMPSE.maxother = 60


def _short(value: Any) -> str:
    return _GLIMPSE.repr(value)


class _CaseReader:
    """Validates one raw case; every error names the file, the case and the field."""

    def __init__(self, path: Path, position: int, raw: Any, line: int | None) -> None:
        self.path, self.position, self.raw, self.line = path, position, raw, line
        ident = raw.get("id") if isinstance(raw, dict) else None
        at = f", line {line}" if line else ""
        at_fr = f", ligne {line}" if line else ""
        if isinstance(ident, str) and ident.strip():
            self.where = f"case {ident!r} (#{position}{at})"
            self.where_fr = f"cas « {ident} » (n° {position}{at_fr})"
        else:
            self.where = f"case #{position}{at}"
            self.where_fr = f"cas n° {position}{at_fr}"

    def fail(self, name: str | None, en: str, fr: str) -> EvalFormatError:
        if name is None:
            return EvalFormatError(
                f"{self.path}: {self.where}: {en}", f"{self.path} : {self.where_fr} : {fr}"
            )
        return EvalFormatError(
            f"{self.path}: {self.where}, field {name!r}: {en}",
            f"{self.path} : {self.where_fr}, champ « {name} » : {fr}",
        )

    def text(self, name: str, value: Any) -> str:
        if not isinstance(value, str):
            kind = type(value).__name__
            raise self.fail(
                name,
                f"expected a string, got {kind} {_short(value)} (quote it)",
                f"un texte est attendu, trouvé {kind} {_short(value)} (mettez-le entre guillemets)",
            )
        if not normalize_match(value):
            raise self.fail(name, "empty text", "texte vide")
        return value

    def texts(self, name: str, value: Any, alternatives: bool = False) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self.fail(
                name,
                f"expected a list of strings, got {type(value).__name__}",
                f"une liste de textes est attendue, trouvé {type(value).__name__}",
            )
        items = tuple(self.text(name, item) for item in value)
        if alternatives:
            for item in items:
                if any(not normalize_match(alt) for alt in item.split("|")):
                    raise self.fail(
                        name,
                        f"empty alternative in {item!r} (an empty one would match anything)",
                        f"alternative vide dans {item!r} (elle accepterait n'importe quoi)",
                    )
        return items

    def one_of(self, name: str, value: Any, allowed: tuple[str, ...]) -> str | None:
        """``value`` if absent (None) or one of ``allowed``."""
        if value is not None and value not in allowed:
            raise self.fail(
                name,
                f"expected one of {', '.join(allowed)}, got {_short(value)}",
                f"valeur attendue parmi {', '.join(allowed)}, trouvé {_short(value)}",
            )
        return value

    def case(self, rule_ids: frozenset[str]) -> Case:
        raw = self.raw
        if not isinstance(raw, dict):
            raise self.fail(
                None,
                f"expected a mapping of fields, got {type(raw).__name__}",
                f"un ensemble de champs est attendu, trouvé {type(raw).__name__}",
            )
        for key in raw:
            if key not in FIELDS:
                raise self.fail(
                    str(key),
                    f"unknown field (allowed: {', '.join(FIELDS)})",
                    f"champ inconnu (champs permis : {', '.join(FIELDS)})",
                )
        for name in ("id", "question"):
            if raw.get(name) is None:
                raise self.fail(name, "required field is missing", "champ obligatoire absent")
        question = self.text("question", raw["question"])
        if not re.search(r"\w", question):
            raise self.fail(
                "question", "no word in the question", "la question ne contient aucun mot"
            )
        # An explicit null counts as an absent optional field.
        opt = {name: raw[name] for name in FIELDS[2:] if raw.get(name) is not None}
        abstain = opt.get("abstain", False)
        if not isinstance(abstain, bool):
            raise self.fail(
                "abstain",
                f"expected true or false, got {_short(abstain)}",
                f"true ou false attendu, trouvé {_short(abstain)}",
            )
        verdict = self.one_of("verdict", opt.get("verdict"), VERDICTS)
        answered_by = self.one_of("answered_by", opt.get("answered_by"), ANSWER_PATHS)
        return Case(
            id=self.text("id", raw["id"]).strip(),
            question=question,
            evidence=self.texts("evidence", opt.get("evidence", [])),
            must_include=self.texts("must_include", opt.get("must_include", []), True),
            must_not_include=self.texts("must_not_include", opt.get("must_not_include", []), True),
            abstain=abstain,
            verdict=verdict,
            checks=self.checks(opt.get("checks", {}), rule_ids),
            tags=self.texts("tags", opt.get("tags", [])),
            history=self.texts("history", opt.get("history", [])),
            lead_includes=self.texts("lead_includes", opt.get("lead_includes", []), True),
            answered_by=answered_by,
            file=self.path,
            line=self.line,
        )

    def checks(self, value: Any, rule_ids: frozenset[str]) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(
                "checks",
                f"expected a mapping rule id -> status, got {type(value).__name__}",
                f"une correspondance règle -> statut est attendue, trouvé {type(value).__name__}",
            )
        for rule_id, status in value.items():
            if rule_id not in rule_ids:
                known = ", ".join(sorted(rule_ids))
                raise self.fail(
                    f"checks.{rule_id}",
                    f"unknown rule id (known: {known})",
                    f"règle inconnue (règles connues : {known})",
                )
            if status not in STATUSES:
                raise self.fail(
                    f"checks.{rule_id}",
                    f"expected one of {', '.join(STATUSES)}, got {_short(status)}",
                    f"statut attendu parmi {', '.join(STATUSES)}, trouvé {_short(status)}",
                )
        return dict(value)


def load_cases(path: Path, max_cases: int | None = None) -> list[Case]:
    """Read and strictly validate one question set; raises EvalFormatError.

    A set of more than ``max_cases`` cases (``O2R_MAX_EVAL_CASES`` when None) is refused.
    """
    path = Path(path)
    data, node = read_yaml_document(path, error=EvalFormatError, what="question set")
    if not isinstance(data, list) or not data:
        raise EvalFormatError(
            f"{path}: a question set is a non-empty YAML list of cases",
            f"{path} : un jeu de questions est une liste YAML de cas, non vide",
        )
    limit = Settings().max_eval_cases if max_cases is None else max_cases
    if len(data) > limit:
        raise EvalFormatError(
            f"{path}: {len(data)} cases, over the limit of {limit} (O2R_MAX_EVAL_CASES)",
            f"{path} : {len(data)} cas, au-delà de la limite de {limit} par jeu de questions ; "
            "découpez-le en plusieurs fichiers.",
        )
    lines = [item.start_mark.line + 1 for item in node.value] if node is not None else []
    rule_ids = frozenset(rule.id for rule in load_rules())
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for position, raw in enumerate(data, start=1):
        line = lines[position - 1] if position <= len(lines) else None
        reader = _CaseReader(path, position, raw, line)
        case = reader.case(rule_ids)
        if case.id in seen:
            raise reader.fail(
                "id",
                f"duplicate id (already used by case #{seen[case.id]})",
                f"identifiant en double (déjà pris par le cas n° {seen[case.id]})",
            )
        seen[case.id] = position
        cases.append(case)
    return cases
