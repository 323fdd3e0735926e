"""The one table of reported metrics: name, place in the JSON, French label, display.

``EvalResult.to_dict``, the terminal table, the reports, the comparisons and the
web app's « Évaluation » page all read this table, so a metric is added here once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .results import EvalResult

Number = float | int | None


@dataclass(frozen=True)
class Metric:
    """One reported figure."""

    name: str  # English id, used in comparisons
    path: tuple[str, ...]  # where the value sits in EvalResult.to_dict()
    label_fr: str | None  # None when the name reads the same in French (hit@5, mrr@10)
    kind: str  # "count", "rate", "ms" or "words": how the value is shown
    compute: Callable[[EvalResult], Number]

    @property
    def label(self) -> str:
        """The bilingual label of the terminal and the reports."""
        return f"{self.label_fr} / {self.name}" if self.label_fr else self.name

    @property
    def label_short(self) -> str:
        """The label of the web app's tiles."""
        return self.label_fr or self.name

    def format(self, value: Number, short: bool = False) -> str:
        """The value as shown; ``short`` for the web app's tiles (no decimals)."""
        if value is None:
            return "—"
        if self.kind == "count":
            return str(int(value))
        if self.kind == "rate":
            return f"{value:.0%}" if short else f"{100 * value:.1f} %"
        return f"{value:.0f}" if short else f"{value:.1f}"

    def format_delta(self, delta: Number) -> str:
        """A difference: percentage points for rates, units otherwise."""
        if delta is None:
            return "—"
        if self.kind == "count":
            return f"{int(delta):+d}"
        if self.kind == "rate":
            return f"{100 * delta:+.1f} pt"
        return f"{delta:+.1f}"

    def value(self, result: dict[str, Any]) -> Number:
        """This metric in a result dict; None when absent or null (an older stored run)."""
        value: Any = result
        for part in self.path:
            value = value.get(part) if isinstance(value, dict) else None
        return value if isinstance(value, int | float) and not isinstance(value, bool) else None


# In display order; the JSON nests the values of one group (``retrieval``...) in this order.
METRICS: tuple[Metric, ...] = (
    Metric("cases", ("cases",), "Cas", "count", lambda r: len(r.outcomes)),
    Metric("pass_rate", ("pass_rate",), "Taux de réussite", "rate", lambda r: r.pass_rate),
    Metric("hit@1", ("retrieval", "hit@1"), None, "rate", lambda r: r.hit_at(1)),
    Metric("hit@3", ("retrieval", "hit@3"), None, "rate", lambda r: r.hit_at(3)),
    Metric("hit@5", ("retrieval", "hit@5"), None, "rate", lambda r: r.hit_at(5)),
    Metric("mrr@10", ("retrieval", "mrr@10"), None, "rate", lambda r: r.mrr()),
    Metric(
        "citation_support",
        ("citation_support",),
        "Citations étayées",
        "rate",
        lambda r: r.citation_support(),
    ),
    Metric(
        "abstention_precision",
        ("abstention", "precision"),
        "Abstention (précision)",
        "rate",
        lambda r: r.abstention()["precision"],
    ),
    Metric(
        "abstention_recall",
        ("abstention", "recall"),
        "Abstention (rappel)",
        "rate",
        lambda r: r.abstention()["recall"],
    ),
    Metric(
        "verdict_accuracy",
        ("verdict_accuracy",),
        "Verdicts exacts",
        "rate",
        lambda r: r.verdict_accuracy(),
    ),
    Metric(
        "check_accuracy",
        ("check_accuracy",),
        "Règles exactes",
        "rate",
        lambda r: r.check_accuracy(),
    ),
    Metric(
        "lead_accuracy",
        ("lead_accuracy",),
        "Essentiel en tête",
        "rate",
        lambda r: r.lead_accuracy(),
    ),
    Metric(
        "latency_p50_ms",
        ("latency_ms", "p50"),
        "Latence p50 (ms)",
        "ms",
        lambda r: r.latency()["p50"],
    ),
    Metric(
        "latency_p95_ms",
        ("latency_ms", "p95"),
        "Latence p95 (ms)",
        "ms",
        lambda r: r.latency()["p95"],
    ),
    Metric(
        "answer_words_p50",
        ("answer_words", "p50"),
        "Longueur p50 (mots)",
        "words",
        lambda r: r.answer_words()["p50"],
    ),
    Metric(
        "answer_words_p95",
        ("answer_words", "p95"),
        "Longueur p95 (mots)",
        "words",
        lambda r: r.answer_words()["p95"],
    ),
    *(
        Metric(
            f"answered_by_{path}",
            ("answered_by", path),
            label,
            "count",
            lambda r, path=path: r.answered_by()[path],
        )
        for path, label in (
            ("validated", "Réponses validées"),
            ("extractive", "Réponses extractives"),
            ("llm", "Réponses du modèle"),
            ("abstained", "Abstentions"),
        )
    ),
)
BY_NAME = {metric.name: metric for metric in METRICS}


def compare_results(
    a: dict[str, Any], b: dict[str, Any]
) -> list[tuple[str, Number, Number, Number]]:
    """(metric, a, b, b − a) for every metric of two result dicts; delta None if one is null."""
    rows = []
    for metric in METRICS:
        va, vb = metric.value(a), metric.value(b)
        delta = round(vb - va, 4) if va is not None and vb is not None else None
        rows.append((metric.name, va, vb, delta))
    return rows
