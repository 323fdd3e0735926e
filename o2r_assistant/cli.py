"""The ``o2r`` command line. Library errors become one line and an exit code here.

Exit codes: 0 success; 1 a negative result (``check``: ineligible, ``eval``:
below ``--min-pass``); 2 bad input (unreadable file, ``check``: incomplete);
3 the environment is not ready (index, server or model missing).
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .config import Settings
from .errors import DossierError, EvalFormatError, InputError, O2RError, ValidatedAnswerError
from .progress import progress_bar

if TYPE_CHECKING:
    from .feedback import FeedbackStore

EXIT_BAD_INPUT = 2
EXIT_ENVIRONMENT = 3
# The type of every option that names one file to read or write.
_FILE = click.Path(dir_okay=False, path_type=Path)


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except O2RError as err:
            logging.getLogger("o2r_assistant").debug("command failed", exc_info=True)
            click.echo(f"Erreur : {err.message_fr}", err=True)
            bad_input = isinstance(
                err, InputError | DossierError | EvalFormatError | ValidatedAnswerError
            )
            ctx.exit(EXIT_BAD_INPUT if bad_input else EXIT_ENVIRONMENT)


@click.group(cls=_Group)
@click.option("-v", "--verbose", is_flag=True, help="Log details to stderr (English).")
def cli(verbose: bool) -> None:
    """o2r-assistant: cited answers and eligibility checks for the AMI O2R Pays de la Loire."""
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def _settings(**overrides) -> Settings:
    return Settings(**{k: v for k, v in overrides.items() if v is not None})


@cli.command()
@click.option("--rebuild", is_flag=True, help="Rebuild even if the index is current.")
@click.option("--embedder", help="e5-small (default), minilm, or st:<model path>.")
def index(rebuild: bool, embedder: str | None) -> None:
    """Build the vector index (only if missing or stale, unless --rebuild)."""
    from .build import build_index
    from .embeddings import get_embedder
    from .index import is_current, open_index

    settings = _settings(embedder=embedder)
    started = time.perf_counter()
    model = get_embedder(settings.embedder)
    load_s = time.perf_counter() - started
    served = open_index(settings, model)
    if not rebuild and is_current(served, settings, model):
        m = served.manifest
        click.echo(
            f"Index à jour : {m.chunks} passages, {m.documents} documents ({m.embedder_id})."
        )
        return
    # The bar counts passages embedded (those whose text the cache does not hold yet).
    report = build_index(settings, model, progress=progress_bar("Indexation", unit="passage"))
    m = report.manifest
    click.echo(
        f"Index construit : {m.chunks} passages ({report.embedded} calculés, "
        f"{report.cached} repris du cache), {m.documents} documents, modèle {m.embedder_id}, "
        f"en {report.seconds:.1f} s (chargement du modèle {load_s:.1f} s)."
    )
    for skipped in report.skipped_files:
        click.echo(f"Document ignoré : {skipped}", err=True)


@cli.command()
@click.argument("query")
@click.option("-k", "--top-k", "k", type=click.IntRange(1, 50), default=5, show_default=True)
@click.option("--mode", type=click.Choice(["hybrid", "dense", "bm25"]), default=None)
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def search(query: str, k: int, mode: str | None, as_json: bool) -> None:
    """Print the passages ranked for QUERY."""
    from .assistant import Assistant, clean_question

    assistant = Assistant(_settings(retrieval_mode=mode), build=True)
    text, _ = clean_question(query, assistant.settings.max_question_chars)
    hits = assistant.retriever.retrieve(text, k=k).hits
    if as_json:
        rows = [
            {
                "rank": h.rank,
                "score": round(h.score, 6),
                "dense": h.dense,
                "lexical": h.lexical,
                "chunk_id": h.chunk.chunk_id,
                "doc_id": h.chunk.doc_id,
                "title": h.chunk.title,
                "section": h.chunk.section,
                "page": h.chunk.page,
                "text": h.chunk.text,
            }
            for h in hits
        ]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for h in hits:
        where = h.chunk.section or "—"
        if h.chunk.page is not None:
            where += f", p. {h.chunk.page}"
        snippet = " ".join(h.chunk.text.split())
        snippet = snippet if len(snippet) <= 220 else snippet[:217] + "…"
        click.echo(f"{h.rank}. [{h.score:.4f}] {h.chunk.doc_id} — {where}\n   {snippet}")


@cli.command()
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
@click.option(
    "--validated/--no-validated",
    default=True,
    show_default=True,
    help="Serve the published validated answers of the database first, as the chat does.",
)
def ask(question: str, as_json: bool, validated: bool) -> None:
    """Answer QUESTION with quotes and citations."""
    from .assistant import Assistant
    from .validated import ValidatedStore

    settings = Settings()
    store = ValidatedStore(settings.database) if validated else None
    answer = Assistant(settings, build=True, validated=store).ask(question)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
        return
    for notice in answer.notices:
        click.echo(f"Note : {notice}", err=True)
    click.echo(answer.text)
    if answer.citations:
        click.echo("\nSources :\n" + answer.sources_markdown())
    if answer.findings is not None:
        click.echo("\nVérification automatique :\n" + answer.findings.to_markdown())
    if answer.suggestions:
        click.echo("\nRéponses validées pour des questions proches (à poser telles quelles) :")
        for suggestion in answer.suggestions:
            click.echo(f"- {suggestion.phrasing}")


@cli.command()
@click.argument("dossier", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Machine-readable output.")
def check(dossier: Path, as_json: bool) -> None:
    """Check a dossier file (YAML) against the rules.

    Exit code: 0 eligible, 1 ineligible, 2 incomplete (or unreadable file).
    """
    from .checker import evaluate, load_dossier

    report = evaluate(load_dossier(dossier))
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(report.to_markdown())
    sys.exit({"eligible": 0, "ineligible": 1}.get(report.verdict, 2))


@cli.command("eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-k",
    "--k",
    "k",
    type=click.IntRange(1, 50),
    default=5,
    show_default=True,
    help="Passages given to each answer.",
)
@click.option(
    "--json",
    "json_path",
    type=_FILE,
    help="Write the metrics as JSON.",
)
@click.option(
    "--report",
    "report_path",
    type=_FILE,
    help="Write a report (.md or .html) and its PNG plots.",
)
@click.option(
    "--min-pass",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Exit 1 when the pass rate is below this.",
)
@click.option("--tag", "tags", multiple=True, help="Only the cases with this tag (repeatable).")
@click.option(
    "--compare",
    "compare_spec",
    help="retrieval=dense,hybrid | embedder=e5-small,minilm | top_k=3,5",
)
@click.option(
    "--validated",
    "validated_path",
    type=_FILE,
    help="Serve the published answers of this validated-answer YAML file (not with --compare).",
)
def eval_command(
    files: tuple[Path, ...],
    k: int,
    json_path: Path | None,
    report_path: Path | None,
    min_pass: float,
    tags: tuple[str, ...],
    compare_spec: str | None,
    validated_path: Path | None,
) -> None:
    """Evaluate answer quality on question sets (YAML, eval/FORMAT.md).

    Exit code: 0 pass rate >= --min-pass, 1 below it, 2 invalid question set.
    """
    from . import evaluation as ev

    if report_path is not None:
        ev.report_format(report_path)
    if compare_spec and validated_path:
        raise InputError(
            "--validated cannot be combined with --compare",
            "--validated ne se combine pas avec --compare",
        )
    if compare_spec:
        key, runs = ev.run_comparison(
            list(files), compare_spec, k=k, tags=list(tags), progress=progress_bar
        )
        dicts = {value: result.to_dict() for value, result in runs.items()}
        click.echo(ev.format_comparison(key, dicts))
        if json_path is not None:
            ev.write_json({"compare": {"key": key, "runs": dicts}}, json_path)
        if report_path is not None:
            for value, result in runs.items():
                name = f"{report_path.stem}-{key}-{value}{report_path.suffix}"
                ev.write_report(result, report_path.with_name(name.replace("/", "_")))
        rates = [d["pass_rate"] for d in dicts.values()]
    else:
        with tempfile.TemporaryDirectory() as tmp:
            assistant = _validated_assistant(validated_path, Path(tmp)) if validated_path else None
            result = ev.run_evaluation(
                list(files),
                assistant=assistant,
                k=k,
                tags=list(tags),
                progress=progress_bar("Évaluation"),
            )
        data = result.to_dict()
        click.echo(ev.format_summary(data))
        if json_path is not None:
            ev.write_json(data, json_path)
        if report_path is not None:
            written = ev.write_report(result, report_path)
            click.echo("Rapport : " + ", ".join(str(p) for p in written))
        rates = [data["pass_rate"]]
    sys.exit(0 if all(r is not None and r >= min_pass for r in rates) else 1)


@cli.group()
def feedback() -> None:
    """Manage the users' feedback (O2R_FEEDBACK_DB)."""


def _store() -> FeedbackStore:
    from .feedback import FeedbackStore

    settings = _settings()
    return FeedbackStore(settings.database, settings.feedback_retention_days)


@feedback.command("purge")
@click.option(
    "--before",
    "before",
    required=True,
    type=click.DateTime(formats=["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Delete the feedback given before this UTC date (YYYY-MM-DD).",
)
def feedback_purge(before: datetime) -> None:
    """Delete every feedback row given before a date."""
    deleted = _store().purge_before(before.replace(tzinfo=UTC))
    click.echo(f"{deleted} avis supprimé(s), donnés avant le {before:%d/%m/%Y}.")


@feedback.command("delete")
@click.argument("feedback_id", type=click.IntRange(min=1))
def feedback_delete(feedback_id: int) -> None:
    """Delete one feedback row by its number (N° in the Évaluation page)."""
    if not _store().delete(feedback_id):
        raise InputError(f"no feedback row {feedback_id}", f"aucun avis n° {feedback_id}")
    click.echo(f"Avis n° {feedback_id} supprimé.")


def _validated_assistant(path: Path, tmp: Path):
    """An assistant serving the published answers of a YAML file, from a store in ``tmp``."""
    from .assistant import Assistant
    from .build import ensure_index
    from .embeddings import get_embedder
    from .validated import QuoteFinder, ValidatedStore
    from .validated_io import import_answers, read_answers

    settings = Settings()
    answers = read_answers(path)
    embedder = get_embedder(settings.embedder)
    finder = QuoteFinder(ensure_index(settings, embedder).chunks())
    store = ValidatedStore(tmp / "validated.sqlite3")
    import_answers(store, answers, "o2r eval", finder)
    return Assistant(settings, embedder, validated=store)


def main() -> None:
    cli()
