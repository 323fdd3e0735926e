"""Serving staff-validated answers: does a question ask what a published answer answers?

A question matches a published answer when its embedding (the assistant's own
embedder) is close enough to one of the answer's stored phrasings, and the two
do not ask different things. Closeness alone confuses questions that differ by
one word ("durée minimale" and "durée maximale"), so a guard compares what each
asks: the kinds of answer (``question.analyse``), a minimum or a maximum, a
person's pathway or the project's length, a deadline or a duration, yes/no or
not, negation, and the numbers stated. A wrong validated answer is worse than
none: any difference rejects the match.

The phrasings' vectors are embedded once per model and kept in the store; the
published answers are reloaded when the store changes. A served answer carries
the staff text, the line that dates its validation, its citations, and under
them the quotes the extractive answer chose.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np

from .answer import Answer, Citation
from .errors import DatabaseUnavailableError
from .patterns import pattern_table
from .question import analyse, whose
from .scope import bound
from .text import tokens, with_equivalents
from .validated import QuoteFinder, ValidatedAnswer, ValidatedStore, date_fr

if TYPE_CHECKING:
    from .embeddings import Embedder
    from .index import VectorIndex
    from .retrieval import RetrievalResult

log = logging.getLogger(__name__)

# Cosine similarity (e5-small) from which a question may match a phrasing; chosen by
# benchmarks/bench_validated.py on the test fixture (precision first).
THRESHOLD = 0.9
# From this similarity a published answer that is not served is suggested, at most
# ``SUGGESTIONS`` of them; chosen by benchmarks/bench_validated.py on the held-out sets.
SUGGEST_THRESHOLD = 0.89
SUGGESTIONS = 2
# A second suggestion only as close as the first, give or take this: a clear first is alone.
SUGGEST_MARGIN = 0.02
# What a suggestion must not contradict: a minimum for a maximum, a deadline for a
# duration, "who" for "when" (``differences``).
_CLASHES = frozenset({"bounds", "wh", "deadline"})
VALIDATION_LINE = "Réponse validée par la DREETS Pays de la Loire le {date}."

# What a question turns on: whose duration (``whose``), a deadline, a negation. A
# minimum or a maximum is read as scope reads quotes (``bound``).
_CUES = pattern_table(
    r"""
deadline: \bdate limite|\bjusqu'à quand|\bavant (?:le|quelle date)|\bdeadline|\béchéance
    |\bclôture|\bdépôt des (?:dossiers|candidatures)
negation: \bne\b|\bn['’]|\bpas\b|\bjamais\b|\baucun|\bexclu|\binéligible|\binterdit|\bnon\b
    |\bnot\b|\bnever\b
""",
    re.I,
)
_NUMBER = re.compile(r"(?<!\w)\d(?:[\d\s.,]*\d)?(?![^\W\d_])")
# The interrogative a question turns on: "qui" and "quand" ask different things.
_WH = {
    "who": re.compile(r"\b(?:qui|à qui|auprès de qui|who|whom)\b", re.I),
    "when": re.compile(r"\b(?:quand|à quelle date|depuis quand|when)\b", re.I),
    "where": re.compile(r"\b(?:où|where)\b", re.I),
    "how_many": re.compile(r"\bcombien\b|\bhow (?:much|many|long)\b", re.I),
    "why": re.compile(r"\b(?:pourquoi|why)\b", re.I),
}
# Words that ask without naming what is asked about.
# The people the call is about are the subject of most questions: they name nothing.
_NEUTRAL = frozenset(
    tokens(
        "existe possible peut peuvent faire quel quelle sont est appel ami pendant depuis "
        "auprès date prévoir servent compte nécessaire obligatoire exigé faut doit "
        "bénéficiaires personnes personne publics participants gens"
    )
)


@dataclass(frozen=True)
class Signature:
    """What a question asks, as far as telling two close questions apart needs."""

    kinds: frozenset[str]
    yes_no: bool
    bounds: frozenset[str]  # "lower" (a minimum), "upper" (a maximum)
    about: frozenset[str]  # "person", "project": whose duration
    deadline: bool
    negated: bool
    numbers: frozenset[str]
    wh: frozenset[str]
    stems: frozenset[str]


def signature(question: str) -> Signature:
    asked = analyse(question)
    focus = asked.focus
    # Who is asked is read with the other interrogatives (``wh``); "depuis quand ?" asks a
    # date as "quand ?" does.
    kinds = set(asked.kinds) - {"who", "since"}
    about = set()
    if "duration" in kinds:
        about = whose(focus)
    return Signature(
        kinds=frozenset(kinds - {"amount"} if "duration" in kinds else kinds),
        yes_no=asked.yes_no,
        bounds=frozenset({bound(focus)} - {None}),
        about=frozenset(about),
        deadline=bool(_CUES["deadline"].search(focus)),
        negated=bool(_CUES["negation"].search(focus)),
        numbers=frozenset(re.sub(r"\D", "", n) for n in _NUMBER.findall(focus)),
        wh=frozenset(_flags(focus, **_WH)),
        stems=frozenset(tokens(focus)) - _NEUTRAL,
    )


def vocabulary(answer: ValidatedAnswer) -> frozenset[str]:
    """The stems a question may use to ask for ``answer``: its own, and their equivalents."""
    own = {t for text in (*answer.phrasings, answer.text, *answer.citations) for t in tokens(text)}
    return with_equivalents(own)


def unknown_words(asked: Signature, words: frozenset[str]) -> frozenset[str]:
    """The question's words that the answer never uses: it asks about something else."""
    return asked.stems - words


def _flags(text: str, **patterns: re.Pattern[str]) -> set[str]:
    return {name for name, pattern in patterns.items() if pattern.search(text)}


def differences(asked: Signature, stored: Signature) -> list[str]:
    """What tells the two questions apart; empty when they ask the same thing."""
    found = [
        name
        for name in ("yes_no", "about", "deadline", "negated", "numbers")
        if getattr(asked, name) != getattr(stored, name)
    ]
    # Kinds, bounds and interrogatives are often left implicit: only a clash counts.
    if asked.kinds and stored.kinds and asked.kinds != stored.kinds:
        found.append("kinds")
    if asked.bounds and stored.bounds and asked.bounds != stored.bounds:
        found.append("bounds")
    if asked.wh and stored.wh and not asked.wh & stored.wh:
        found.append("wh")
    return found


@dataclass(frozen=True)
class Match:
    """A published answer a question matches, through one of its phrasings."""

    answer: ValidatedAnswer
    phrasing: str
    score: float


@dataclass(frozen=True)
class Suggestion:
    """A published answer to a question close to the one asked, offered by its phrasing."""

    answer_id: str
    phrasing: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer_id": self.answer_id,
            "phrasing": self.phrasing,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True)
class Served:
    """The validated answer an ``Answer`` serves (``Answer.validated``).

    The answer's first ``own`` citation numbers are this answer's citations; the
    rest belong to ``extract``, the extractive answer's quotes shown under them.
    """

    answer_id: str
    text: str
    validated_on: date
    phrasing: str
    score: float
    own: int
    extract: str

    @property
    def line(self) -> str:
        return VALIDATION_LINE.format(date=date_fr(self.validated_on))

    def to_dict(self) -> dict[str, Any]:
        return {
            "answer_id": self.answer_id,
            "validated_on": self.validated_on.isoformat(),
            "phrasing": self.phrasing,
            "score": round(self.score, 4),
            "extract": self.extract,
        }


@dataclass(frozen=True)
class _Loaded:
    revision: int
    answers: list[ValidatedAnswer]
    owners: np.ndarray  # answer index of each phrasing row
    phrasings: list[str]
    signatures: list[Signature]
    vocabularies: list[frozenset[str]]  # one per answer
    matrix: np.ndarray  # one unit vector per phrasing
    expires: date | None  # the first day an answer loaded here is no longer valid


class _Ranked(NamedTuple):
    """One question against the loaded phrasings, most similar first."""

    loaded: _Loaded
    scores: np.ndarray
    order: np.ndarray
    asked: Signature


# Before the first load from a database that was unreachable: no answer, reload next time.
_NOTHING_LOADED = _Loaded(
    revision=-1,
    answers=[],
    owners=np.zeros(0, dtype=np.int64),
    phrasings=[],
    signatures=[],
    vocabularies=[],
    matrix=np.zeros((0, 0), dtype=np.float32),
    expires=None,
)


class ValidatedAnswers:
    """The published answers of a store, matched against questions and served.

    Built with the served index: every published answer's quotes are checked
    against it first (``ValidatedStore.verify``). Safe to share between sessions.
    """

    def __init__(
        self,
        store: ValidatedStore,
        embedder: Embedder,
        index: VectorIndex,
        threshold: float = THRESHOLD,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.threshold = threshold
        self._lock = threading.Lock()
        self._loaded = _NOTHING_LOADED
        self.verify(index)

    def verify(self, index: VectorIndex) -> None:
        """Check the published answers' quotes against a (new) generation of the index.

        An answer whose quote left the corpus is suspended; the store's revision
        changes, so the next question reloads what may be served.
        """
        self.finder = QuoteFinder(index.chunks())
        try:
            suspended = self.store.verify(self.finder)
            if suspended:
                log.warning(
                    "suspended %d validated answer(s) whose quotes left the corpus: %s",
                    len(suspended),
                    ", ".join(a.id for a in suspended),
                )
            loaded = self._load()
        except DatabaseUnavailableError as err:
            # The chat answers from the texts until the database is back (``current``).
            log.warning("validated answers not checked, database unreachable: %s", err)
            return
        with self._lock:
            self._loaded = loaded

    def _load(self) -> _Loaded:
        revision = self.store.revision()
        today = date.today()
        answers = [a for a in self.store.all() if a.servable(today)]
        owners = [i for i, a in enumerate(answers) for _ in a.phrasings]
        phrasings = [p for a in answers for p in a.phrasings]
        matrix = self.store.vectors(self.embedder.model_id, phrasings, self.embedder.embed_query)
        ends = [a.valid_until for a in answers if a.valid_until is not None]
        return _Loaded(
            expires=min(ends) + timedelta(days=1) if ends else None,
            revision=revision,
            answers=answers,
            owners=np.asarray(owners, dtype=np.int64),
            phrasings=phrasings,
            signatures=[signature(p) for p in phrasings],
            vocabularies=[vocabulary(a) for a in answers],
            matrix=matrix,
        )

    def current(self) -> _Loaded:
        """The published answers, reloaded when the store changed (one cheap query).

        While the database is unreachable, the answers loaded last are served.
        """
        try:
            revision = self.store.revision()
            with self._lock:
                expires = self._loaded.expires
                if revision != self._loaded.revision or (expires and date.today() >= expires):
                    self._loaded = self._load()
        except DatabaseUnavailableError as err:
            log.warning("validated answers not reloaded, database unreachable: %s", err)
        return self._loaded

    def _ranked(self, question: str, vector: list[float] | np.ndarray) -> _Ranked | None:
        loaded = self.current()
        if not loaded.phrasings:
            return None
        scores = loaded.matrix @ np.asarray(vector, dtype=np.float32)
        return _Ranked(loaded, scores, np.argsort(-scores), signature(question))

    def match(
        self, question: str, vector: list[float] | np.ndarray, ranked: _Ranked | None = None
    ) -> Match | None:
        """The published answer ``question`` asks for, or None."""
        ranked = ranked or self._ranked(question, vector)
        if ranked is None:
            return None
        loaded, scores, order, asked = ranked
        for row in order:
            score = float(scores[row])
            if score < self.threshold:
                break
            owner = int(loaded.owners[row])
            if differences(asked, loaded.signatures[row]):
                continue
            if not unknown_words(asked, loaded.vocabularies[owner]):
                return Match(loaded.answers[owner], loaded.phrasings[row], score)
        return None

    def suggest(
        self, question: str, vector: list[float] | np.ndarray, ranked: _Ranked | None = None
    ) -> list[Suggestion]:
        """The published answers close to ``question``, best first, one phrasing each."""
        ranked = ranked or self._ranked(question, vector)
        if ranked is None:
            return []
        loaded, scores, order, asked = ranked
        found: dict[int, Suggestion] = {}
        for row in order:
            score = float(scores[row])
            if score < SUGGEST_THRESHOLD or len(found) == SUGGESTIONS:
                break
            if found and score < next(iter(found.values())).score - SUGGEST_MARGIN:
                break
            owner = int(loaded.owners[row])
            stored = loaded.signatures[row]
            if owner in found or _CLASHES & set(differences(asked, stored)):
                continue
            # A question for an amount, a date or an address is offered one that gives it.
            if not asked.kinds <= stored.kinds:
                continue
            found[owner] = Suggestion(loaded.answers[owner].id, loaded.phrasings[row], score)
        return list(found.values())

    def serve(self, answer: Answer, result: RetrievalResult, suggest: bool = True) -> Answer:
        """``answer`` replaced by the validated answer its question matches, if any.

        ``result`` is the retrieval for that question: its query vector is reused
        unless the dense query added place names. Otherwise, with ``suggest`` (the
        texts may speak to the question), the close published answers are offered.
        """
        started = time.perf_counter()
        vector = result.query_vector
        if result.dense_query != result.query or not vector:
            vector = self.embedder.embed_query(result.query)
        ranked = self._ranked(result.query, vector)  # None: nothing published
        found = self.match(result.query, vector, ranked) if ranked else None
        citations: list[Citation] = []
        numbers: dict[str, int] = {}
        unlocated = None
        for quote in found.answer.citations if found else ():
            located = self.finder.locate(quote)
            if located is None:  # the corpus changed under this assistant: do not serve
                unlocated, found = found.answer.id, None
                break
            n = numbers.setdefault(located.chunk.chunk_id, len(numbers) + 1)
            citations.append(Citation.of(n, located.chunk, located.quote))
        offer = ranked and suggest and not found
        suggestions = self.suggest(result.query, vector, ranked) if offer else []
        suggestions = [s for s in suggestions if s.answer_id != unlocated]
        elapsed = (time.perf_counter() - started) * 1000
        timings = dict(answer.timings, validated_ms=elapsed)
        timings["total_ms"] = timings.get("total_ms", 0.0) + elapsed
        if found is None:
            return replace(answer, timings=timings, suggestions=suggestions)
        own = len(numbers)
        # The texts' quotes, without the extractive answer's own yes/no lead: the staff
        # text answers; the quotes show what the texts say.
        extracts = [] if answer.abstained else [replace(c, n=c.n + own) for c in answer.citations]
        extract = "\n\n".join(f"« {c.quote} » [{c.n}]" for c in extracts)
        citations += extracts
        served = Served(
            answer_id=found.answer.id,
            text=found.answer.text,
            validated_on=found.answer.validated_on or date.today(),
            phrasing=found.phrasing,
            score=found.score,
            own=own,
            extract=extract,
        )
        return replace(
            answer,
            text=f"{served.text}\n\n{served.line}",
            citations=citations,
            abstained=False,
            mode="validated",
            validated=served,
            timings=timings,
        )
