"""The outcome of a check: one result per rule, the verdict, and their French renderings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from o2r_assistant.rules import Source

Status = Literal["pass", "fail", "warn", "missing"]
Verdict = Literal["eligible", "incomplete", "ineligible"]

VERDICT_FR: dict[str, str] = {
    "eligible": "Éligible",
    "incomplete": "Incomplet",
    "ineligible": "Inéligible",
}
STATUS_FR: dict[str, str] = {
    "pass": "conforme",
    "fail": "non conforme",
    "warn": "à vérifier",
    "missing": "information manquante",
}
STATUS_ICON: dict[str, str] = {"pass": "✅", "fail": "❌", "warn": "⚠️", "missing": "❔"}


def join_fr(items: Sequence[str]) -> str:
    """``a, b et c``."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " et " + items[-1]


@dataclass(frozen=True)
class RuleResult:
    """The status of one rule for one dossier, with a French explanation."""

    rule_id: str
    label: str
    status: Status
    blocking: bool
    explanation: str
    sources: tuple[Source, ...]

    def to_dict(self) -> dict[str, Any]:
        return {**vars(self), "sources": [source.model_dump() for source in self.sources]}


@dataclass(frozen=True)
class CheckReport:
    """Results in rules-file order and the overall verdict."""

    results: tuple[RuleResult, ...]
    verdict: Verdict
    evaluated_on: date

    def by_id(self, rule_id: str) -> RuleResult:
        for result in self.results:
            if result.rule_id == rule_id:
                return result
        raise KeyError(f"no result for rule {rule_id!r}")

    def to_dict(self) -> dict[str, Any]:
        return {
            "verdict": self.verdict,
            "verdict_fr": VERDICT_FR[self.verdict],
            "evaluated_on": self.evaluated_on.isoformat(),
            "results": [result.to_dict() for result in self.results],
        }

    @property
    def to_fix(self) -> bool:
        """Whether a stated fact fails a rule or needs fixing."""
        return bool(self._with("fail", "warn"))

    def _with(self, *statuses: str) -> list[RuleResult]:
        return [r for r in self.results if r.status in statuses]

    def summary_fr(self) -> str:
        """One short French paragraph: verdict, blocking failures, warnings, gaps."""
        failed = [r.label for r in self._with("fail") if r.blocking]
        warned = [r.label for r in self._with("warn")]
        missing = [r.label for r in self._with("missing")]
        if self.verdict == "ineligible":
            unmet = (
                "une condition bloquante non remplie"
                if len(failed) == 1
                else f"{len(failed)} conditions bloquantes non remplies"
            )
            parts = [f"Inéligible : {unmet} ({join_fr(failed)})."]
        elif self.verdict == "incomplete":
            lacking = (
                "une information manque"
                if len(missing) == 1
                else f"{len(missing)} informations manquent"
            )
            parts = [
                f"Incomplet : aucune condition bloquante n'est en échec, mais {lacking} "
                "pour conclure."
            ]
        else:
            parts = ["Éligible : toutes les conditions vérifiables sont remplies."]
        if warned:
            parts.append(f"Points d'attention : {join_fr(warned)}.")
        if missing and self.verdict != "incomplete":
            parts.append(f"Informations manquantes : {len(missing)}.")
        return " ".join(parts)

    def to_markdown(self) -> str:
        """A French checklist: one item per rule with icon, explanation and citations."""
        lines = [
            f"### Vérification d'éligibilité : {VERDICT_FR[self.verdict]}",
            "",
            self.summary_fr(),
            "",
        ]
        for r in self.results:
            kind = "bloquant" if r.blocking else "non bloquant"
            lines.append(
                f"- {STATUS_ICON[r.status]} **{r.label}** ({kind}, {STATUS_FR[r.status]}) : "
                f"{r.explanation}"
            )
            for source in r.sources:
                title = source.title
                if source.source_url:
                    title = f"[{title}]({source.source_url})"
                lines.append(f"  - « {source.passage} » — {title}")
        return "\n".join(lines) + "\n"
