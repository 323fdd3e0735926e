"""The report's plots, as PNG files."""

from __future__ import annotations

from pathlib import Path

from .results import MRR_DEPTH, EvalResult


def _figure():
    # Figure + Agg canvas, not pyplot: no global state, safe inside the web app.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3.6), dpi=100)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def plot_hit_at_k(result: EvalResult, path: Path) -> Path:
    """hit@k for k = 1..10 over the cases with evidence, as a PNG."""
    fig, ax = _figure()
    ks = list(range(1, MRR_DEPTH + 1))
    values = [result.hit_at(n) for n in ks]
    if values[0] is None:
        ax.text(0.5, 0.5, "Aucun cas avec extrait attendu (evidence)", ha="center", va="center")
    else:
        ax.plot(ks, values, marker="o")
    ax.set_xticks(ks)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("k (passages retrouvés)")
    ax.set_ylabel("hit@k")
    ax.set_title(f"Recherche : hit@k ({len(result.with_evidence)} cas avec evidence)")
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(path, format="png")
    return Path(path)


def plot_latency(result: EvalResult, path: Path) -> Path:
    """Histogram of the answer latencies, p50 and p95 marked, as a PNG."""
    fig, ax = _figure()
    values = result.latencies()
    if values:
        ax.hist(values, bins=min(20, max(5, len(values) // 2)))
        for label, value in result.latency().items():
            if value is not None:
                ax.axvline(value, linestyle="--", color="black", alpha=0.6)
                ax.text(value, ax.get_ylim()[1] * 0.95, f" {label}", va="top")
    ax.set_xlabel("Latence par question (ms)")
    ax.set_ylabel("Questions")
    ax.set_title(f"Latence ({len(values)} questions)")
    fig.tight_layout()
    fig.savefig(path, format="png")
    return Path(path)
