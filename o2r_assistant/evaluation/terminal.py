"""The terminal output of ``o2r eval``: summary table, failures, side-by-side comparison."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .metrics import METRICS, compare_results


def _table(headers: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, rows)])


def format_summary(result: dict[str, Any]) -> str:
    """A short French/English summary of one result dict, with its failures."""
    cfg = result.get("config", {})
    files = ", ".join(Path(f).name for f in cfg.get("files", []))
    lines = [
        f"Évaluation / evaluation : {result['cases']} cas — {files}",
        f"Configuration : {cfg.get('embedder')} ({cfg.get('embedder_id')}), "
        f"mode {cfg.get('retrieval_mode')}, k={cfg.get('k')}, "
        f"corpus {str(cfg.get('corpus_hash', ''))[:12]}",
        "",
        _table(
            ["Indicateur / metric", "Valeur"],
            [[m.label, m.format(m.value(result))] for m in METRICS],
        ),
    ]
    failures = result.get("failures", [])
    lines.append(f"\nÉchecs / failures : {len(failures)}")
    lines += [f"- {f['id']} : {' ; '.join(f['reasons'])}" for f in failures]
    return "\n".join(lines)


def format_comparison(key: str, runs: dict[str, dict[str, Any]]) -> str:
    """The metrics of every run side by side, with the difference to the first run."""
    names = list(runs)
    base = runs[names[0]]
    columns = {other: compare_results(base, runs[other]) for other in names[1:]}
    headers = ["Indicateur / metric", *names, *(f"Δ {o}−{names[0]}" for o in names[1:])]
    rows = []
    for i, metric in enumerate(METRICS):
        values = [metric.format(metric.value(runs[n])) for n in names]
        deltas = [metric.format_delta(columns[o][i][3]) for o in names[1:]]
        rows.append([metric.label, *values, *deltas])
    out = [f"Comparaison / comparison : {key}", "", _table(headers, rows)]
    for name in names:
        failed = [f["id"] for f in runs[name].get("failures", [])]
        out.append(f"\n{key}={name} — échecs / failures : {', '.join(failed) or 'aucun'}")
    return "\n".join(out)
