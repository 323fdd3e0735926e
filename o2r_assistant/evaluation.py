"""Answer-quality evaluation: question sets in, metrics, failures and reports out.

A question set is a YAML file in the shared format (``eval/FORMAT.md``). Every
case is asked to one :class:`~o2r_assistant.answer.Assistant`; the answer is
judged on what the case declares, and the retrieval ranking is measured on the
cases that give evidence snippets. ``EvalResult.to_dict`` is the fixed JSON
contract read by the ``o2r eval --json`` consumers and by the web app.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import reprlib
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import yaml
from pydantic import ValidationError

from .config import Settings
from .errors import EvalFormatError, InputError
from .progress import Progress
from .rules import StrictYamlLoader, load_rules
from .text import normalize_match

if TYPE_CHECKING:
    from .answer import Answer
    from .assistant import Assistant
    from .retrieval import Retrieved

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
)
# MRR is measured at 10 whatever --k is.
MRR_DEPTH = 10
REPORT_PASSAGES = 5
PASSAGE_CHARS = 400


# ---------------------------------------------------------------- cases


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
    file: Path | None = None
    line: int | None = None


def _read_yaml(path: Path) -> tuple[Any, yaml.Node | None]:
    """The document and its node tree (for line numbers); YAML errors name the line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalFormatError(
            f"{path}: cannot read question set: {err}",
            f"{path} : jeu de questions illisible : {err}",
        ) from None
    loader = StrictYamlLoader(text)  # a SafeLoader that also refuses repeated keys
    try:
        node = loader.get_single_node()
        return (loader.construct_document(node) if node is not None else None), node
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        if mark is None:
            raise EvalFormatError(
                f"{path}: invalid YAML: {problem}", f"{path} : YAML invalide : {problem}"
            ) from None
        line = mark.line + 1
        raise EvalFormatError(
            f"{path}: invalid YAML at line {line}: {problem}",
            f"{path} : YAML invalide à la ligne {line} : {problem}",
        ) from None
    except ValueError as err:
        # YAML resolves 2024-13-01 as a date, then fails to build it.
        raise EvalFormatError(
            f"{path}: invalid YAML value: {err}", f"{path} : valeur YAML invalide : {err}"
        ) from None
    except RecursionError:
        line = loader.get_mark().line + 1
        raise EvalFormatError(
            f"{path}: invalid YAML at line {line}: nested too deeply",
            f"{path} : YAML invalide à la ligne {line} : imbriqué trop profondément",
        ) from None
    finally:
        loader.dispose()


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
        verdict = opt.get("verdict")
        if verdict is not None and verdict not in VERDICTS:
            raise self.fail(
                "verdict",
                f"expected one of {', '.join(VERDICTS)}, got {_short(verdict)}",
                f"valeur attendue parmi {', '.join(VERDICTS)}, trouvé {_short(verdict)}",
            )
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


def load_cases(path: Path) -> list[Case]:
    """Read and strictly validate one question set; raises EvalFormatError."""
    path = Path(path)
    data, node = _read_yaml(path)
    if not isinstance(data, list) or not data:
        raise EvalFormatError(
            f"{path}: a question set is a non-empty YAML list of cases",
            f"{path} : un jeu de questions est une liste YAML de cas, non vide",
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


# ---------------------------------------------------------------- judging


def contains(haystack_norm: str, needle: str) -> bool:
    """Whether one item is in already-normalised text; ``|`` separates alternatives."""
    return any(normalize_match(alt) in haystack_norm for alt in needle.split("|"))


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


def _judge(case: Case, answer: Answer, supported: int, cited: int) -> list[str]:
    """The reasons a case fails; empty when every declared check passes."""
    reasons: list[str] = []
    text = normalize_match(answer.text)
    for item in case.must_include:
        if not contains(text, item):
            reasons.append(f'must_include "{item}" not found in answer')
    for item in case.must_not_include:
        if contains(text, item):
            reasons.append(f'must_not_include "{item}" found in answer')
    if case.abstain and not answer.abstained:
        reasons.append("answered but should abstain")
    elif case.abstain and answer.citations:
        reasons.append(f"abstained but cites {cited} passage(s)")
    elif not case.abstain and answer.abstained:
        reasons.append("abstained but should answer")
    # Evidence counts when the answer cites: an answer quoting only passages
    # without the expected text is not supported by the corpus.
    if case.evidence and not answer.abstained and cited and not supported:
        reasons.append(f"none of the {cited} cited passage(s) contains an evidence snippet")
    if case.verdict is not None and _verdict(answer) != case.verdict:
        reasons.append(f"expected verdict {case.verdict}, got {_verdict(answer)}")
    for rule_id, expected in case.checks.items():
        got = _status(answer, rule_id)
        if got != expected:
            reasons.append(f"check {rule_id}: expected {expected}, got {got}")
    return reasons


def _verdict(answer: Answer) -> str:
    """The checker's verdict; a message stating no facts is incomplete."""
    return answer.findings.verdict if answer.findings is not None else "incomplete"


def _status(answer: Answer, rule_id: str) -> str:
    """A rule's status; a message stating no facts leaves every rule missing."""
    if answer.findings is None:
        return "missing"
    try:
        return answer.findings.by_id(rule_id).status
    except KeyError:
        return "not reported"


# ---------------------------------------------------------------- results


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
        return _share(sum(_verdict(o.answer) == o.case.verdict for o in judged), len(judged))

    def check_accuracy(self) -> float | None:
        pairs = [(o, r, s) for o in self.outcomes for r, s in o.case.checks.items()]
        return _share(sum(_status(o.answer, r) == s for o, r, s in pairs), len(pairs))

    def latencies(self) -> list[float]:
        return [o.latency_ms for o in self.outcomes]

    def latency(self) -> dict[str, float | None]:
        values = self.latencies()
        if not values:
            return {"p50": None, "p95": None}
        p50, p95 = np.percentile(values, [50, 95])
        return {"p50": round(float(p50), 1), "p95": round(float(p95), 1)}

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
        """The fixed JSON of ``o2r eval --json``."""
        return {
            "cases": len(self.outcomes),
            "pass_rate": self.pass_rate,
            "retrieval": {
                "hit@1": self.hit_at(1),
                "hit@3": self.hit_at(3),
                "hit@5": self.hit_at(5),
                "mrr@10": self.mrr(),
            },
            "citation_support": self.citation_support(),
            "abstention": self.abstention(),
            "verdict_accuracy": self.verdict_accuracy(),
            "check_accuracy": self.check_accuracy(),
            "latency_ms": self.latency(),
            "by_tag": self.by_tag(),
            "failures": [{"id": o.key, "reasons": o.reasons} for o in self.failures],
            "config": self.config,
        }


# ---------------------------------------------------------------- running


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


def run_evaluation(
    paths: list[Path],
    assistant: Assistant | None = None,
    settings: Settings | None = None,
    k: int = 5,
    tags: list[str] | None = None,
    progress: Progress | None = None,
) -> EvalResult:
    """Ask every case (of the cases carrying one of ``tags``, if given) and judge it.

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
        from .assistant import Assistant

        assistant = Assistant(settings, build=True)
    started = time.perf_counter()
    passages = _Passages()
    outcomes: list[Outcome] = []
    for done, (case, key) in enumerate(zip(cases, _keys(cases), strict=True), start=1):
        wall = time.perf_counter()
        answer = assistant.ask(case.question, k=k)
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
        reasons = _judge(case, answer, supported, cited)
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


# ---------------------------------------------------------------- comparing

# Metric name -> path in the result dict, in display order.
METRICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cases", ("cases",)),
    ("pass_rate", ("pass_rate",)),
    ("hit@1", ("retrieval", "hit@1")),
    ("hit@3", ("retrieval", "hit@3")),
    ("hit@5", ("retrieval", "hit@5")),
    ("mrr@10", ("retrieval", "mrr@10")),
    ("citation_support", ("citation_support",)),
    ("abstention_precision", ("abstention", "precision")),
    ("abstention_recall", ("abstention", "recall")),
    ("verdict_accuracy", ("verdict_accuracy",)),
    ("check_accuracy", ("check_accuracy",)),
    ("latency_p50_ms", ("latency_ms", "p50")),
    ("latency_p95_ms", ("latency_ms", "p95")),
)
_LABELS_FR = {
    "cases": "Cas",
    "pass_rate": "Taux de réussite",
    "citation_support": "Citations étayées",
    "abstention_precision": "Abstention (précision)",
    "abstention_recall": "Abstention (rappel)",
    "verdict_accuracy": "Verdicts exacts",
    "check_accuracy": "Règles exactes",
    "latency_p50_ms": "Latence p50 (ms)",
    "latency_p95_ms": "Latence p95 (ms)",
}
_COMPARE_KEYS = {
    "retrieval": ("retrieval", "retrieval_mode"),
    "retrieval_mode": ("retrieval", "retrieval_mode"),
    "mode": ("retrieval", "retrieval_mode"),
    "embedder": ("embedder", "embedder"),
    "top_k": ("top_k", "top_k"),
    "k": ("top_k", "top_k"),
}


def _metric(result: dict[str, Any], path: tuple[str, ...]) -> float | None:
    value: Any = result
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value if isinstance(value, int | float) and not isinstance(value, bool) else None


def compare_results(
    a: dict[str, Any], b: dict[str, Any]
) -> list[tuple[str, float | None, float | None, float | None]]:
    """(metric, a, b, b − a) for every metric of two result dicts; delta None if one is null."""
    rows = []
    for name, path in METRICS:
        va, vb = _metric(a, path), _metric(b, path)
        delta = round(vb - va, 4) if va is not None and vb is not None else None
        rows.append((name, va, vb, delta))
    return rows


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
    from .assistant import Assistant

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


# ---------------------------------------------------------------- terminal


def _fmt(name: str, value: float | None) -> str:
    if value is None:
        return "—"
    if name == "cases":
        return str(int(value))
    if name.startswith("latency"):
        return f"{value:.1f}"
    return f"{100 * value:.1f} %"


def _fmt_delta(name: str, delta: float | None) -> str:
    if delta is None:
        return "—"
    if name == "cases":
        return f"{int(delta):+d}"
    if name.startswith("latency"):
        return f"{delta:+.1f}"
    return f"{100 * delta:+.1f} pt"


def _label(name: str) -> str:
    fr = _LABELS_FR.get(name)
    return f"{fr} / {name}" if fr else name


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
            [[_label(name), _fmt(name, _metric(result, path))] for name, path in METRICS],
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
    for i, (name, _) in enumerate(METRICS):
        values = [_fmt(name, _metric(runs[n], METRICS[i][1])) for n in names]
        deltas = [_fmt_delta(name, columns[o][i][3]) for o in names[1:]]
        rows.append([_label(name), *values, *deltas])
    out = [f"Comparaison / comparison : {key}", "", _table(headers, rows)]
    for name in names:
        failed = [f["id"] for f in runs[name].get("failures", [])]
        out.append(f"\n{key}={name} — échecs / failures : {', '.join(failed) or 'aucun'}")
    return "\n".join(out)


def write_json(data: dict[str, Any], path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


# ---------------------------------------------------------------- plots


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


# ---------------------------------------------------------------- reports

# A report is built once as neutral blocks, then rendered as Markdown or HTML.
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
            [[_label(name), _fmt(name, _metric(data, path))] for name, path in METRICS],
        ),
        ("h", 2, "Par étiquette"),
    ]
    if data["by_tag"]:
        rows = [
            [t, str(v["cases"]), _fmt("rate", v["pass_rate"])] for t, v in data["by_tag"].items()
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
        blocks += [
            ("h", 3, o.key),
            ("p", f"Question : {o.case.question}"),
            ("list", o.reasons),
            ("p", f"Réponse ({'abstention' if a.abstained else 'réponse citée'}) :"),
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


def _render_md(blocks: list[Block]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            out.append(f"{'#' * block[1]} {_md_inline(block[2])}")
        elif kind == "p":
            out.append(_md_inline(block[1]))
        elif kind == "list":
            out.append("\n".join(f"- {_md_inline(item)}" for item in block[1]))
        elif kind == "pre":
            longest = max((len(m) for m in re.findall(r"`+", block[1])), default=0)
            fence = "`" * max(3, longest + 1)
            out.append(f"{fence}text\n{block[1]}\n{fence}")
        elif kind == "table":
            headers, rows = block[1], block[2]
            lines = ["| " + " | ".join(_md_inline(h) for h in headers) + " |"]
            lines.append("|" + "---|" * len(headers))
            lines += ["| " + " | ".join(_md_inline(c) for c in row) + " |" for row in rows]
            out.append("\n".join(lines))
        elif kind == "img":
            out.append(f"![{_md_inline(block[2])}]({block[1]})")
    return "\n\n".join(out) + "\n"


def _render_html(blocks: list[Block]) -> str:
    e = html.escape
    body: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind == "h":
            body.append(f"<h{block[1]}>{e(block[2])}</h{block[1]}>")
        elif kind == "p":
            body.append(f"<p>{e(block[1])}</p>")
        elif kind == "list":
            body.append("<ul>" + "".join(f"<li>{e(item)}</li>" for item in block[1]) + "</ul>")
        elif kind == "pre":
            body.append(f"<pre>{e(block[1])}</pre>")
        elif kind == "table":
            head = "".join(f"<th>{e(h)}</th>" for h in block[1])
            rows = "".join(
                "<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block[2]
            )
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
        elif kind == "img":
            body.append(f'<img src="{e(block[1])}" alt="{e(block[2])}">')
    style = (
        "body{font-family:sans-serif;max-width:60rem;margin:auto;padding:1rem}"
        "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}"
        "pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}"
    )
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Évaluation</title><style>{style}</style></head><body>\n"
        + "\n".join(body)
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


# ---------------------------------------------------------------- stored runs
# One folder per run, named by its UTC time so that names sort by date:
# <runs_dir>/<stamp>/result.json, with the report and plots beside it.

RUN_RESULT = "result.json"


def default_runs_dir(settings: Settings) -> Path:
    return settings.index_dir.parent / "data" / "eval-runs"


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it once written: never half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def save_run(result: dict[str, Any], runs_dir: Path) -> Path:
    """Store a run's ``EvalResult.to_dict()`` in a new folder; returns its result.json."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = Path(runs_dir) / stamp / RUN_RESULT
    with _replacing(path) as temp:
        write_json(result, temp)
    return path


def previous_run(runs_dir: Path, files: list[str], before: str) -> dict[str, Any] | None:
    """The latest stored run on the same question sets whose folder sorts before ``before``."""
    for path in sorted(Path(runs_dir).glob(f"*/{RUN_RESULT}"), reverse=True):
        if path.parent.name >= before:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if sorted(data.get("config", {}).get("files", [])) == sorted(files):
            return data
    return None


def save_question_set(data: bytes, filename: str, runs_dir: Path) -> Path:
    """Store an uploaded question set under a safe name; returns its path."""
    name = re.sub(r"[^\w.-]", "_", Path(filename).name) or "questions.yaml"
    # Named by content, so runs of the same uploaded set can be compared.
    digest = hashlib.sha256(data).hexdigest()[:12]
    path = Path(runs_dir) / "uploads" / f"{digest}-{name}"
    with _replacing(path) as temp:
        temp.write_bytes(data)
    return path
