"""One evaluation run's outcomes and the metrics computed from them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .cases import ANSWER_PATHS, Case
from .judging import answer_path, lead_misses, status_of, verdict_of
from .metrics import METRICS

if TYPE_CHECKING:
    from ..answer import Answer
    from ..retrieval import Retrieved

# MRR is measured at 10 whatever --k is.
MRR_DEPTH = 10


@dataclass
class Outcome:
    """How one case went: the answer, the verdict on it and the retrieval ranking."""

    case: Case
    key: str  # the id as reported: prefixed with the file stem when ids collide across files
    answer: Answer
    passed: bool
    reasons: list[str]
    # Rank (1-based) of the first retrieved passage holding an evidence snippet;
    # None when the case gives no evidence or no passage of the ranking holds one.
    evidence_rank: int | None
    # The answer's k passages, or the ranking MRR_DEPTH deep when the evidence is not among them.
    retrieved: list[Retrieved]
    latency_ms: float
    cited_passages: int  # distinct passages cited
    supported_passages: int  # ... of which hold an evidence snippet

    @property
    def false_abstention(self) -> bool:
        return self.answer.abstained and not self.case.abstain


def _percentiles(values: list[float]) -> dict[str, float | None]:
    """p50 and p95 (linear interpolation), None when there is no value."""
    if not values:
        return {"p50": None, "p95": None}
    p50, p95 = np.percentile(values, [50, 95])
    return {"p50": round(float(p50), 1), "p95": round(float(p95), 1)}


def _share(hits: int, total: int) -> float | None:
    """A rate, or None when no case applies (never a misleading 0 or 1)."""
    return round(hits / total, 4) if total else None


@dataclass
class EvalResult:
    """Every case's outcome plus the configuration that produced them."""

    outcomes: list[Outcome]
    config: dict[str, Any]

    @property
    def with_evidence(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.case.evidence]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]

    @property
    def false_abstentions(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.false_abstention]

    @property
    def pass_rate(self) -> float | None:
        return _share(sum(o.passed for o in self.outcomes), len(self.outcomes))

    def hit_at(self, n: int) -> float | None:
        ranked = self.with_evidence
        return _share(
            sum(1 for o in ranked if o.evidence_rank and o.evidence_rank <= n), len(ranked)
        )

    def mrr(self, depth: int = MRR_DEPTH) -> float | None:
        ranked = self.with_evidence
        if not ranked:
            return None
        total = sum(
            1 / o.evidence_rank for o in ranked if o.evidence_rank and o.evidence_rank <= depth
        )
        return round(total / len(ranked), 4)

    def citation_support(self) -> float | None:
        answered = [o for o in self.with_evidence if not o.answer.abstained]
        return _share(
            sum(o.supported_passages for o in answered), sum(o.cited_passages for o in answered)
        )

    def abstention(self) -> dict[str, float | None]:
        expected = [o.case.abstain for o in self.outcomes]
        did = [o.answer.abstained for o in self.outcomes]
        both = sum(e and d for e, d in zip(expected, did, strict=True))
        return {"precision": _share(both, sum(did)), "recall": _share(both, sum(expected))}

    def verdict_accuracy(self) -> float | None:
        judged = [o for o in self.outcomes if o.case.verdict is not None]
        return _share(sum(verdict_of(o.answer) == o.case.verdict for o in judged), len(judged))

    def check_accuracy(self) -> float | None:
        pairs = [(o, r, s) for o in self.outcomes for r, s in o.case.checks.items()]
        return _share(sum(status_of(o.answer, r) == s for o, r, s in pairs), len(pairs))

    def latencies(self) -> list[float]:
        return [o.latency_ms for o in self.outcomes]

    def latency(self) -> dict[str, float | None]:
        return _percentiles(self.latencies())

    def lead_accuracy(self) -> float | None:
        """Share of the cases with ``lead_includes`` whose answer's lead holds them all."""
        led = [o for o in self.outcomes if o.case.lead_includes]
        return _share(sum(not lead_misses(o.case, o.answer) for o in led), len(led))

    def answer_words(self) -> dict[str, float | None]:
        """Length of the answers in words (answered cases; the text has no source list)."""
        answered = [o.answer for o in self.outcomes if not o.answer.abstained]
        return _percentiles([len(a.text.split()) for a in answered])

    def answered_by(self) -> dict[str, int]:
        """How many answers each path produced, abstentions apart."""
        counts = dict.fromkeys((*ANSWER_PATHS, "abstained"), 0)
        for o in self.outcomes:
            # A new path belongs in ANSWER_PATHS and the metric table: fail loudly until then.
            counts[answer_path(o.answer)] += 1
        return counts

    def by_tag(self) -> dict[str, dict[str, Any]]:
        groups: dict[str, list[Outcome]] = {}
        for o in self.outcomes:
            for tag in o.case.tags:
                groups.setdefault(tag, []).append(o)
        return {
            tag: {
                "cases": len(group),
                "pass_rate": _share(sum(o.passed for o in group), len(group)),
            }
            for tag, group in sorted(groups.items())
        }

    def to_dict(self) -> dict[str, Any]:
        """The fixed JSON of ``o2r eval --json``: every metric of the table, then the details."""
        data: dict[str, Any] = {}
        for metric in METRICS:
            node = data
            for part in metric.path[:-1]:
                node = node.setdefault(part, {})
            node[metric.path[-1]] = metric.compute(self)
        data["by_tag"] = self.by_tag()
        data["failures"] = [{"id": o.key, "reasons": o.reasons} for o in self.failures]
        data["config"] = self.config
        return data


def write_json(data: dict[str, Any], path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
