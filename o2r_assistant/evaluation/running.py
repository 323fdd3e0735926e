"""Running question sets through the assistant, once or once per compared setting."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from ..config import Settings
from ..errors import InputError
from ..progress import Progress
from ..text import normalize_match
from .cases import Case, load_cases
from .judging import judge
from .results import MRR_DEPTH, EvalResult, Outcome

if TYPE_CHECKING:
    from ..answer import Answer
    from ..assistant import Assistant
    from ..checker import Dossier
    from ..retrieval import Retrieved


def _keys(cases: list[Case]) -> list[str]:
    """Case ids as reported; an id found in several files gets its file stem as prefix."""
    files_by_id: dict[str, set[Path | None]] = {}
    for case in cases:
        files_by_id.setdefault(case.id, set()).add(case.file)
    return [
        f"{case.file.stem}:{case.id}" if case.file and len(files_by_id[case.id]) > 1 else case.id
        for case in cases
    ]


def _select(cases: list[Case], tags: Iterable[str] | None) -> list[Case]:
    wanted = set(tags or ())
    if not wanted:
        return cases
    chosen = [c for c in cases if wanted & set(c.tags)]
    if not chosen:
        names = ", ".join(sorted(wanted))
        raise InputError(f"no case has tag(s) {names}", f"aucun cas ne porte l'étiquette {names}")
    return chosen


class _Passages:
    """Evidence lookup in passages, each passage normalised once per run."""

    def __init__(self) -> None:
        self._normalised: dict[str, str] = {}

    def holds(self, snippets: list[str], chunk_id: str, text: str) -> bool:
        if chunk_id not in self._normalised:
            self._normalised[chunk_id] = normalize_match(text)
        return any(snippet in self._normalised[chunk_id] for snippet in snippets)

    def first_hit(self, snippets: list[str], hits: list[Retrieved]) -> int | None:
        """Rank of the first passage holding a snippet."""
        return next(
            (h.rank for h in hits if self.holds(snippets, h.chunk.chunk_id, h.chunk.text)), None
        )


def _replay(
    assistant: Assistant, history: tuple[str, ...], k: int
) -> tuple[Dossier | None, Answer | None]:
    """Ask a case's earlier messages as the chat does; returns the facts gathered so far
    and the last answer."""
    dossier, earlier = None, None
    for turn, message in enumerate(history):
        earlier = assistant.ask(
            message, history=list(history[:turn]), dossier=dossier, k=k, previous=earlier
        )
        dossier = earlier.dossier
    return dossier, earlier


def run_evaluation(
    paths: list[Path],
    assistant: Assistant | None = None,
    settings: Settings | None = None,
    k: int = 5,
    tags: list[str] | None = None,
    progress: Progress | None = None,
) -> EvalResult:
    """Ask every case (of the cases carrying one of ``tags``, if given) and judge it.

    A case with ``history`` is one turn of a conversation: its earlier messages are
    asked first on the same assistant, then its question; only that last answer is
    judged and timed.

    Every file is validated before the assistant is built, so a bad file fails
    fast. The answer uses ``k`` passages; the ranking is measured 10 deep. With both
    ``assistant`` and ``settings`` given, the assistant's own settings apply.
    """
    if k < 1:
        raise InputError(f"k must be at least 1, got {k}", f"k doit valoir au moins 1 (reçu {k})")
    paths = [Path(p) for p in paths]
    if not paths:
        raise InputError("no question set given", "aucun jeu de questions fourni")
    cases = _select([case for path in paths for case in load_cases(path)], tags)
    if assistant is None:
        from ..assistant import Assistant

        assistant = Assistant(settings, build=True)
    started = time.perf_counter()
    passages = _Passages()
    outcomes: list[Outcome] = []
    for done, (case, key) in enumerate(zip(cases, _keys(cases), strict=True), start=1):
        dossier, previous = _replay(assistant, case.history, k)
        wall = time.perf_counter()  # only the last question is timed
        answer = assistant.ask(
            case.question, history=list(case.history), dossier=dossier, k=k, previous=previous
        )
        latency = answer.timings.get("total_ms", (time.perf_counter() - wall) * 1000)
        sources = {c.chunk_id: c.passage for c in answer.citations}
        retrieved, rank, supported = list(answer.retrieved), None, 0
        if case.evidence:
            snippets = [normalize_match(s) for s in case.evidence]
            rank = passages.first_hit(snippets, retrieved)
            if rank is None and len(retrieved) < MRR_DEPTH:
                # The answer's k passages are the head of the ranking; only a miss there
                # needs it deeper for MRR@10, for the question as the answerer saw it.
                query = answer.resolved_question or answer.question
                retrieved = assistant.retriever.retrieve(query, k=MRR_DEPTH).hits
                rank = passages.first_hit(snippets, retrieved)
            supported = sum(passages.holds(snippets, cid, text) for cid, text in sources.items())
        cited = len(sources)
        reasons = judge(case, answer, supported, cited)
        outcomes.append(
            Outcome(
                case=case,
                key=key,
                answer=answer,
                passed=not reasons,
                reasons=reasons,
                evidence_rank=rank,
                retrieved=retrieved,
                latency_ms=float(latency),
                cited_passages=cited,
                supported_passages=supported,
            )
        )
        if progress is not None:
            progress(done, len(cases))
    manifest = assistant.index.manifest
    config = {
        "files": [str(p) for p in paths],
        "combined": len(paths) > 1,
        "tags": sorted(tags) if tags else None,
        "embedder": assistant.settings.embedder,
        "embedder_id": manifest.embedder_id,
        "retrieval_mode": assistant.settings.retrieval_mode,
        "k": k,
        "retrieval_depth": max(MRR_DEPTH, k),
        "llm": assistant.settings.llm,
        "corpus_hash": manifest.corpus_hash,
        "chunker_version": manifest.chunker_version,
        "chunks": manifest.chunks,
        "documents": manifest.documents,
        "index_built_at": manifest.built_at,
        "evaluated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "duration_s": round(time.perf_counter() - started, 2),
    }
    return EvalResult(outcomes, config)


_COMPARE_KEYS = {
    "retrieval": ("retrieval", "retrieval_mode"),
    "retrieval_mode": ("retrieval", "retrieval_mode"),
    "mode": ("retrieval", "retrieval_mode"),
    "embedder": ("embedder", "embedder"),
    "top_k": ("top_k", "top_k"),
    "k": ("top_k", "top_k"),
}


def parse_compare(spec: str) -> tuple[str, str, list[str]]:
    """``retrieval=dense,hybrid`` -> (key, Settings field, values)."""
    name, sep, raw = spec.partition("=")
    key = _COMPARE_KEYS.get(name.strip().lower())
    values = [v.strip() for v in raw.split(",") if v.strip()]
    if not sep or key is None or len(set(values)) < 2 or len(set(values)) != len(values):
        raise InputError(
            f"--compare expects retrieval=..., embedder=... or top_k=... with two distinct "
            f"values or more, got {spec!r}",
            "--compare attend retrieval=dense,hybrid, embedder=e5-small,minilm ou top_k=3,5 "
            f"(au moins deux valeurs distinctes), reçu {spec!r}",
        )
    return key[0], key[1], values


def run_comparison(
    paths: list[Path],
    spec: str,
    k: int = 5,
    tags: list[str] | None = None,
    progress: Callable[[str], Progress | None] | None = None,
) -> tuple[str, dict[str, EvalResult]]:
    """Run the same question sets once per value of one setting, one Assistant each.

    ``top_k`` sets both the retriever default and the passages given to the answer.
    """
    from ..assistant import Assistant

    key, name, values = parse_compare(spec)
    for path in paths:
        load_cases(path)  # refuse a bad file or value before loading any model
    configs: dict[str, Settings] = {}
    for value in values:
        try:
            configs[value] = Settings(**{name: value})
        except ValidationError as err:
            msg = err.errors()[0]["msg"]
            raise InputError(
                f"--compare {key}={value}: {msg}", f"--compare {key}={value} : {msg}"
            ) from None
    runs: dict[str, EvalResult] = {}
    for value, settings in configs.items():
        run_k = settings.top_k if name == "top_k" else k
        runs[value] = run_evaluation(
            paths,
            assistant=Assistant(settings, build=True),
            k=run_k,
            tags=tags,
            progress=progress(f"{key}={value}") if progress else None,
        )
    return key, runs
