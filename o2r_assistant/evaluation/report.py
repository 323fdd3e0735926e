"""The Markdown or HTML report of one run: configuration, metrics, plots, failures.

A report is built once as neutral blocks, then rendered as Markdown or HTML by a
table of one small function per block kind. All question, answer and corpus text
is escaped, so markup in an uploaded document is shown, never run.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import InputError
from .metrics import BY_NAME, METRICS
from .plots import plot_hit_at_k, plot_latency
from .results import EvalResult

REPORT_PASSAGES = 5
PASSAGE_CHARS = 400

# (kind, *arguments): ("h", level, text), ("p", text), ("list", items), ("pre", text),
# ("table", headers, rows), ("img", file name, alt text).
Block = tuple[Any, ...]


def report_format(path: Path) -> str:
    """'md' or 'html' from the report file name; anything else is refused."""
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".html", ".htm"):
        return "html"
    raise InputError(
        f"report must end in .md or .html, got {path}",
        f"le rapport doit se terminer par .md ou .html (reçu {path})",
    )


def _truncate(text: str, limit: int = PASSAGE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _report_blocks(result: EvalResult, images: list[Path]) -> list[Block]:
    data = result.to_dict()
    cfg = data["config"]
    rate = BY_NAME["pass_rate"]
    blocks: list[Block] = [
        ("h", 1, "Évaluation de la qualité des réponses"),
        (
            "p",
            f"{data['cases']} cas — {', '.join(cfg['files'])} — modèle {cfg['embedder']} "
            f"({cfg['embedder_id']}), mode {cfg['retrieval_mode']}, k={cfg['k']}, "
            f"corpus {cfg['corpus_hash'][:12]}, {cfg['evaluated_at']}",
        ),
        ("h", 2, "Synthèse"),
        (
            "table",
            ["Indicateur", "Valeur"],
            [[m.label, m.format(m.value(data))] for m in METRICS],
        ),
        ("h", 2, "Par étiquette"),
    ]
    if data["by_tag"]:
        rows = [
            [t, str(v["cases"]), rate.format(v["pass_rate"])] for t, v in data["by_tag"].items()
        ]
        blocks.append(("table", ["Étiquette", "Cas", "Réussite"], rows))
    else:
        blocks.append(("p", "Aucun cas étiqueté."))
    blocks.append(("h", 2, "Graphiques"))
    blocks += [("img", image.name, image.stem) for image in images]
    blocks.append(("h", 2, f"Échecs ({len(result.failures)})"))
    if not result.failures:
        blocks.append(("p", "Aucun échec."))
    for o in result.failures:
        a = o.answer
        blocks.append(("h", 3, o.key))
        if o.case.history:
            blocks += [("p", "Messages précédents :"), ("list", list(o.case.history))]
        blocks += [
            ("p", f"Question : {o.case.question}"),
            ("list", o.reasons),
            ("p", f"Réponse ({'abstention' if a.abstained else f'réponse citée, {a.mode}'}) :"),
            ("pre", a.text),
            ("p", f"Passages retrouvés ({REPORT_PASSAGES} premiers) :"),
        ]
        for hit in o.retrieved[:REPORT_PASSAGES]:
            mark = " — contient un extrait attendu" if o.evidence_rank == hit.rank else ""
            blocks.append(("p", f"#{hit.rank} {hit.chunk.chunk_id} (score {hit.score:.4f}){mark}"))
            blocks.append(("pre", _truncate(hit.chunk.text)))
    return blocks


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")


def _md_inline(text: str) -> str:
    # Backslash escapes keep corpus or question text from becoming markup or raw HTML.
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _md_pre(text: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}text\n{text}\n{fence}"


def _md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(_md_inline(h) for h in headers) + " |"]
    lines.append("|" + "---|" * len(headers))
    lines += ["| " + " | ".join(_md_inline(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _html_table(headers: list[str], rows: list[list[str]]) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


Renderers = dict[str, Callable[..., str]]

_MARKDOWN: Renderers = {
    "h": lambda level, text: f"{'#' * level} {_md_inline(text)}",
    "p": _md_inline,
    "list": lambda items: "\n".join(f"- {_md_inline(item)}" for item in items),
    "pre": _md_pre,
    "table": _md_table,
    "img": lambda name, alt: f"![{_md_inline(alt)}]({name})",
}
_HTML: Renderers = {
    "h": lambda level, text: f"<h{level}>{html.escape(text)}</h{level}>",
    "p": lambda text: f"<p>{html.escape(text)}</p>",
    "list": lambda items: "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in items) + "</ul>",
    "pre": lambda text: f"<pre>{html.escape(text)}</pre>",
    "table": _html_table,
    "img": lambda name, alt: f'<img src="{html.escape(name)}" alt="{html.escape(alt)}">',
}
_HTML_STYLE = (
    "body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
    "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}"
    "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}"
)


def _render(blocks: list[Block], renderers: Renderers) -> list[str]:
    return [renderers[block[0]](*block[1:]) for block in blocks]


def _render_md(blocks: list[Block]) -> str:
    return "\n\n".join(_render(blocks, _MARKDOWN)) + "\n"


def _render_html(blocks: list[Block]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Évaluation</title><style>{_HTML_STYLE}</style></head><body>\n"
        + "\n".join(_render(blocks, _HTML))
        + "\n</body></html>\n"
    )


def write_report(result: EvalResult, path: Path) -> list[Path]:
    """Write the report (.md or .html) and its PNG plots beside it; returns every file."""
    path = Path(path)
    kind = report_format(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    images = [
        plot_hit_at_k(result, path.with_name(f"{path.stem}-hit-at-k.png")),
        plot_latency(result, path.with_name(f"{path.stem}-latency.png")),
    ]
    blocks = _report_blocks(result, images)
    path.write_text(_render_md(blocks) if kind == "md" else _render_html(blocks), encoding="utf-8")
    return [path, *images]
