"""Staff-validated answers: records, their SQLite store with its history, the corpus check.

A validated answer is a reply written and approved by staff: one or more
phrasings of the question, the answer text in French, its citations (exact
quotes of the indexed corpus), the author's name as typed, the date of
validation, a status (draft, published, retired) and an optional end of
validity. The chat serves a published answer first when a question matches it
(``matching``).

The store lives in the feedback database (``Settings.database``: the SQLite file
``Settings.feedback_db``, or PostgreSQL; see ``db``). Every
change keeps a snapshot in a history table, with who and when; saving a record
identical to the stored one changes nothing, so importing the same YAML file
twice is a no-op. ``verify`` suspends every published answer with a quote that
is no longer in the corpus (and lifts the suspension once it is back):
a suspended answer is not served and is listed for review.

Nothing ships pre-filled: the store starts empty. YAML files and regression
cases are read and written by ``validated_io``.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .db import (
    VALIDATED_ANSWERS,
    VALIDATED_HISTORY,
    VALIDATED_OFFERS,
    VALIDATED_RATINGS,
    VALIDATED_SERVED,
    VALIDATED_VECTORS,
    Database,
    upsert,
)
from .errors import DatabaseUnavailableError, ValidatedAnswerError, ValidatedStoreUnavailableError

if TYPE_CHECKING:
    from .corpus import Chunk

Status = Literal["draft", "published", "retired"]
STATUSES: tuple[str, ...] = ("draft", "published", "retired")
STATUS_FR = {"draft": "brouillon", "published": "publiée", "retired": "retirée"}
log = logging.getLogger(__name__)

# Bounds on what staff can type: generous for real answers, small enough for a page.
MAX_PHRASINGS = 20
MAX_PHRASING_CHARS = 500
MAX_TEXT_CHARS = 4000
MAX_CITATIONS = 10
MIN_QUOTE_CHARS = 15
MAX_QUOTE_CHARS = 1500
MAX_AUTHOR_CHARS = 100
MAX_FILE_ANSWERS = 5000
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
# Who made the automatic changes recorded in the history.
CORPUS_CHECK = "Vérification du corpus"

_MONTHS_FR = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"
).split()


def date_fr(day: date) -> str:
    """« 3 mars 2025 », « 1er juin 2025 »."""
    first = "1er" if day.day == 1 else str(day.day)
    return f"{first} {_MONTHS_FR[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class ValidatedAnswer:
    """One staff-validated answer. ``suspended`` says why it is not served, if it is not."""

    id: str
    phrasings: tuple[str, ...]
    text: str
    citations: tuple[str, ...]
    author: str
    status: Status = "draft"
    validated_on: date | None = None
    valid_until: date | None = None
    suspended: str | None = None

    def servable(self, today: date) -> bool:
        """Published, not suspended, and still valid ``today``."""
        return (
            self.status == "published"
            and self.suspended is None
            and (self.valid_until is None or today <= self.valid_until)
        )

    def to_dict(self) -> dict[str, Any]:
        """The record as plain data: the YAML file's entry (suspension apart)."""
        data: dict[str, Any] = {
            "id": self.id,
            "questions": list(self.phrasings),
            "answer": self.text,
            "citations": list(self.citations),
            "author": self.author,
            "status": self.status,
            "validated_on": self.validated_on,
        }
        if self.valid_until is not None:
            data["valid_until"] = self.valid_until
        return data


@dataclass(frozen=True)
class HistoryEntry:
    """One change of an answer: when (UTC), by whom, what, and the record after it."""

    at: str
    editor: str
    action: str
    answer: ValidatedAnswer


@dataclass(frozen=True)
class Usage:
    """How often an answer was served in the chat, the ratings it received there, and how
    often it was offered for a close question and taken."""

    served: int = 0
    up: int = 0
    down: int = 0
    offered: int = 0
    taken: int = 0


@dataclass(frozen=True)
class Located:
    """A quote found in the corpus: its chunk and the exact slice of the chunk's text."""

    chunk: Chunk
    quote: str


# ---------------------------------------------------------------- checking input


def _refuse(message: str, message_fr: str) -> ValidatedAnswerError:
    return ValidatedAnswerError(message, message_fr)


_Refusal = Callable[[str, str], ValidatedAnswerError]


def _refuse_answer(answer_id: str, message: str, message_fr: str) -> ValidatedAnswerError:
    """A refusal that names the answer it is about."""
    return _refuse(f"{answer_id}: {message}", f"réponse « {answer_id} » : {message_fr}")


# The two kinds of size limit, each worded once.
def _too_many(refuse: _Refusal, count: int, most: int, things: str, things_fr: str) -> None:
    if count > most:
        raise refuse(f"more than {most} {things}", f"{most} {things_fr} au plus")


def _too_long(refuse: _Refusal, chars: int, most: int, what: str, what_fr: str) -> None:
    if chars > most:
        raise refuse(
            f"{what} is longer than {most} characters", f"{what_fr} dépasse {most} caractères"
        )


def clean(text: str) -> str:
    """NFC, no control characters, no trailing spaces; line breaks kept."""
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text))
    return "\n".join(line.rstrip() for line in text.strip().splitlines())


def _one_line(text: str) -> str:
    return " ".join(clean(text).split())


def checked(answer: ValidatedAnswer) -> ValidatedAnswer:
    """The answer with its text cleaned, or a refusal saying in French what is wrong."""
    refuse = partial(_refuse_answer, answer.id)
    if not _ID.match(answer.id):
        raise _refuse(
            f"invalid validated-answer id {answer.id!r}",
            f"identifiant invalide « {answer.id} » : lettres minuscules, chiffres et tirets, "
            "64 caractères au plus",
        )
    phrasings = tuple(dict.fromkeys(p for p in map(_one_line, answer.phrasings) if p))
    if not phrasings:
        raise refuse("no question", "indiquez au moins une question")
    _too_many(refuse, len(phrasings), MAX_PHRASINGS, "questions", "formulations de la question")
    _too_long(refuse, max(map(len, phrasings)), MAX_PHRASING_CHARS, "a question", "une question")
    text = clean(answer.text)
    if not text:
        raise refuse("empty answer", "le texte de la réponse est vide")
    _too_long(refuse, len(text), MAX_TEXT_CHARS, "the answer", "la réponse")
    citations = tuple(dict.fromkeys(q for q in map(_one_line, answer.citations) if q))
    _too_many(refuse, len(citations), MAX_CITATIONS, "citations", "citations")
    for quote in citations:
        if not MIN_QUOTE_CHARS <= len(quote) <= MAX_QUOTE_CHARS:
            raise refuse(
                f"a citation is not {MIN_QUOTE_CHARS}-{MAX_QUOTE_CHARS} characters",
                f"une citation doit compter de {MIN_QUOTE_CHARS} à "
                f"{MAX_QUOTE_CHARS} caractères (« {quote[:60]} »)",
            )
    author = _one_line(answer.author)
    if not author or len(author) > MAX_AUTHOR_CHARS:
        raise refuse(
            f"author missing or longer than {MAX_AUTHOR_CHARS} characters",
            f"indiquez le nom de l'auteur ({MAX_AUTHOR_CHARS} caractères au plus)",
        )
    if answer.status not in STATUSES:
        raise refuse(
            f"unknown status {answer.status!r}",
            f"statut inconnu « {answer.status} » (draft, published ou retired)",
        )
    if answer.status == "published":
        if not citations:
            raise refuse(
                "a published answer needs a citation",
                "une réponse publiée cite au moins un passage des textes",
            )
        if answer.validated_on is None:
            raise refuse(
                "a published answer needs its date of validation",
                "une réponse publiée porte sa date de validation",
            )
    return replace(answer, phrasings=phrasings, text=text, citations=citations, author=author)


# ---------------------------------------------------------------- quotes in the corpus


def _loose(text: str) -> str:
    """Spaces collapsed and apostrophes unified: how a quote is looked up."""
    return " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split())


class QuoteFinder:
    """Finds quotes in the corpus's chunks, whatever their spacing and apostrophes."""

    def __init__(self, chunks: Sequence[Chunk]) -> None:
        self._chunks = list(chunks)
        self._loose = [_loose(c.text) for c in self._chunks]

    def locate(self, quote: str) -> Located | None:
        """The first chunk holding ``quote``, with the exact slice of its text."""
        wanted = _loose(quote)
        if not wanted:
            return None
        for chunk, loose in zip(self._chunks, self._loose, strict=True):
            if wanted in loose:
                words = [re.escape(w).replace("'", "['’]") for w in wanted.split(" ")]
                found = re.search(r"\s+".join(words), chunk.text)
                if found:
                    return Located(chunk, found.group(0))
        return None

    def missing(self, answer: ValidatedAnswer) -> list[str]:
        return [q for q in answer.citations if self.locate(q) is None]


def _missing_fr(missing: list[str]) -> str:
    shown = "» ; « ".join(q[:80] + ("…" if len(q) > 80 else "") for q in missing)
    many = len(missing) > 1
    return (
        f"citation{'s' if many else ''} introuvable{'s' if many else ''} dans le corpus "
        f"indexé : « {shown} »"
    )


# ---------------------------------------------------------------- the store


def _encode(answer: ValidatedAnswer) -> str:
    data = answer.to_dict()
    data["suspended"] = answer.suspended
    for key in ("validated_on", "valid_until"):
        data[key] = data[key].isoformat() if data.get(key) else None
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _decode(record: str) -> ValidatedAnswer:
    data = json.loads(record)
    return ValidatedAnswer(
        id=data["id"],
        phrasings=tuple(data["questions"]),
        text=data["answer"],
        citations=tuple(data["citations"]),
        author=data["author"],
        status=data["status"],
        validated_on=date.fromisoformat(data["validated_on"]) if data["validated_on"] else None,
        valid_until=date.fromisoformat(data["valid_until"]) if data.get("valid_until") else None,
        suspended=data.get("suspended"),
    )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class ValidatedStore:
    """The validated answers in the feedback database: a SQLite file (``Path``) or a
    database URL (``Settings.database``)."""

    def __init__(self, path: Path | str | Database) -> None:
        self.db = Database(path)
        self.path = self.db.path  # the SQLite file; None for PostgreSQL

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Connection]:
        try:
            with self.db.begin() if write else self.db.read() as conn:
                yield conn
        except DatabaseUnavailableError as err:
            raise ValidatedStoreUnavailableError(
                f"validated-answer store: {err}",
                "la base des réponses validées est indisponible pour le moment (base de "
                "données injoignable) ; réessayez plus tard",
            ) from err

    def _connect(self) -> Iterator[Connection]:
        """One write transaction, committed or rolled back (``import_answers``)."""
        return self._transaction(write=True)

    # -- reading

    def all(self) -> list[ValidatedAnswer]:
        """Every answer, by id."""
        if not self.db.exists():
            return []
        query = sa.select(VALIDATED_ANSWERS.c.record).order_by(VALIDATED_ANSWERS.c.id)
        with self._transaction(write=False) as conn:
            records = conn.execute(query).scalars().all()
        return [_decode(r) for r in records]

    def get(self, answer_id: str) -> ValidatedAnswer | None:
        if not self.db.exists():
            return None
        with self._transaction(write=False) as conn:
            record = self._record(conn, answer_id)
        return _decode(record) if record is not None else None

    @staticmethod
    def _record(conn: Connection, answer_id: str) -> str | None:
        return conn.execute(
            sa.select(VALIDATED_ANSWERS.c.record).where(VALIDATED_ANSWERS.c.id == answer_id)
        ).scalar_one_or_none()

    def history(self, answer_id: str) -> list[HistoryEntry]:
        """Every change of one answer, oldest first."""
        if not self.db.exists():
            return []
        h = VALIDATED_HISTORY.c
        query = (
            sa.select(h.at, h.editor, h.action, h.record)
            .where(h.answer_id == answer_id)
            .order_by(h.seq)
        )
        with self._transaction(write=False) as conn:
            rows = conn.execute(query).all()
        return [
            HistoryEntry(at, editor, action, _decode(record)) for at, editor, action, record in rows
        ]

    def revision(self) -> int:
        """A number that grows with every change of any answer (0 for an empty store)."""
        if not self.db.exists():
            return 0
        with self._transaction(write=False) as conn:
            latest = conn.execute(sa.select(sa.func.max(VALIDATED_HISTORY.c.seq))).scalar()
        return int(latest or 0)

    def usage(self) -> dict[str, Usage]:
        """Times served, ratings, offers and offers taken, by answer id (answers with none
        of them are absent)."""
        if not self.db.exists():
            return {}
        r = VALIDATED_RATINGS.c
        counts = sa.select(
            r.answer_id,
            sa.func.sum(sa.case((r.rating == "up", 1), else_=0)),
            sa.func.sum(sa.case((r.rating == "down", 1), else_=0)),
        ).group_by(r.answer_id)
        with self._transaction(write=False) as conn:
            served = {
                aid: n
                for aid, n in conn.execute(
                    sa.select(VALIDATED_SERVED.c.answer_id, VALIDATED_SERVED.c.served)
                )
            }
            ratings = conn.execute(counts).all()
            o = VALIDATED_OFFERS.c
            offers = {
                aid: (offered, taken)
                for aid, offered, taken in conn.execute(sa.select(o.answer_id, o.offered, o.taken))
            }
        rated = {aid: (int(up), int(down)) for aid, up, down in ratings}
        return {
            aid: Usage(served.get(aid, 0), *rated.get(aid, (0, 0)), *offers.get(aid, (0, 0)))
            for aid in set(served) | set(rated) | set(offers)
        }

    def new_id(self, phrasing: str) -> str:
        """A free id made from a question's first words: ``depenses-de-formation``."""
        words = re.findall(r"[a-z0-9]+", _ascii(phrasing.lower()))
        stem = "-".join(words[:6])[:48].strip("-") or "reponse"
        taken = {a.id for a in self.all()}
        candidate, n = stem, 2
        while candidate in taken:
            candidate, n = f"{stem}-{n}", n + 1
        return candidate

    # -- writing

    def save(self, answer: ValidatedAnswer, editor: str, action: str = "modification") -> bool:
        """Store ``answer`` as given (checked first) and record the change.

        Returns False, changing nothing, when the stored record is identical.
        """
        answer = checked(answer)
        editor = _one_line(editor)[:MAX_AUTHOR_CHARS] or answer.author
        with self._connect() as conn:
            return self._write(conn, answer, editor, action)

    @classmethod
    def _write(cls, conn: Connection, answer: ValidatedAnswer, editor: str, action: str) -> bool:
        record = _encode(answer)
        if cls._record(conn, answer.id) == record:
            return False
        upsert(conn, VALIDATED_ANSWERS, {"id": answer.id, "record": record}, ["id"])
        conn.execute(
            VALIDATED_HISTORY.insert().values(
                answer_id=answer.id, at=_now(), editor=editor, action=action, record=record
            )
        )
        return True

    def _existing(self, answer_id: str) -> ValidatedAnswer:
        answer = self.get(answer_id)
        if answer is None:
            raise _refuse(
                f"no validated answer {answer_id!r}", f"aucune réponse validée « {answer_id} »"
            )
        return answer

    def publish(
        self, answer_id: str, editor: str, finder: QuoteFinder, today: date | None = None
    ) -> ValidatedAnswer:
        """Publish an answer, dated ``today``, once every citation is found in the corpus."""
        answer = self._existing(answer_id)
        missing = finder.missing(answer)
        if missing:
            raise _refuse(
                f"{answer_id}: citations not in the indexed corpus: {missing}",
                f"réponse « {answer_id} » non publiée : {_missing_fr(missing)}",
            )
        published = replace(
            answer,
            status="published",
            validated_on=today or date.today(),
            suspended=None,
        )
        self.save(published, editor, "publication")
        return published

    def retire(self, answer_id: str, editor: str) -> ValidatedAnswer:
        retired = replace(self._existing(answer_id), status="retired", suspended=None)
        self.save(retired, editor, "retrait")
        return retired

    def verify(self, finder: QuoteFinder) -> list[ValidatedAnswer]:
        """Suspend published answers whose quotes left the corpus; lift it when they are back.

        Returns the answers suspended now.
        """
        suspended = []
        for answer in self.all():
            if answer.status != "published":
                continue
            missing = finder.missing(answer)
            if missing and answer.suspended is None:
                reason = _missing_fr(missing)
                self.save(replace(answer, suspended=reason), CORPUS_CHECK, "suspension")
                suspended.append(answer)
            elif not missing and answer.suspended is not None:
                self.save(replace(answer, suspended=None), CORPUS_CHECK, "rétablissement")
        return suspended

    def record_served(self, answer_id: str) -> None:
        """Count one serving of ``answer_id`` in the chat."""
        self._count(VALIDATED_SERVED, "served", [answer_id])

    def record_offered(self, answer_ids: Sequence[str]) -> None:
        """Count one offer of each of ``answer_ids`` for a question close to theirs."""
        self._count(VALIDATED_OFFERS, "offered", answer_ids)

    def record_taken(self, answer_id: str) -> None:
        """Count one offer of ``answer_id`` that the candidate took (its button)."""
        self._count(VALIDATED_OFFERS, "taken", [answer_id])

    def _count(self, table: sa.Table, column: str, answer_ids: Sequence[str]) -> None:
        """Add one to ``column`` of each answer's row of ``table``.

        A statistic: while the database is unreachable the count is lost and logged,
        and the chat goes on answering.
        """
        counters = [c.name for c in table.columns if c.name != "answer_id"]
        try:
            with self._connect() as conn:
                for answer_id in answer_ids:
                    upsert(
                        conn,
                        table,
                        {"answer_id": answer_id, **{c: int(c == column) for c in counters}},
                        ["answer_id"],
                        {column: table.c[column] + 1},
                    )
        except DatabaseUnavailableError as err:
            log.warning("%s of validated answers %s not counted: %s", column, answer_ids, err)

    def rate(self, feedback_id: int, answer_id: str, rating: str) -> None:
        """The rating of one chat answer (its feedback row) that served ``answer_id``."""
        with self._connect() as conn:
            upsert(
                conn,
                VALIDATED_RATINGS,
                {"feedback_id": feedback_id, "answer_id": answer_id, "rating": rating},
                ["feedback_id"],
            )

    def vectors(
        self, model_id: str, texts: Sequence[str], embed: Callable[[str], list[float]]
    ) -> np.ndarray:
        """The unit vectors of ``texts`` (one row each), embedded once per model and kept."""
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        v = VALIDATED_VECTORS.c
        known: dict[str, np.ndarray] = {}
        if self.db.exists():
            with self._transaction(write=False) as conn:
                for chunk in _batches(list(dict.fromkeys(texts)), 500):
                    rows = conn.execute(
                        sa.select(v.text, v.vector).where(v.model_id == model_id, v.text.in_(chunk))
                    )
                    known.update(
                        (t, np.frombuffer(bytes(vec), dtype=np.float32)) for t, vec in rows
                    )
        fresh = {
            t: np.asarray(embed(t), dtype=np.float32)
            for t in dict.fromkeys(texts)
            if t not in known
        }
        if fresh:
            with self._connect() as conn:
                upsert(
                    conn,
                    VALIDATED_VECTORS,
                    [
                        {"model_id": model_id, "text": t, "vector": v.tobytes()}
                        for t, v in fresh.items()
                    ],
                    ["model_id", "text"],
                )
            known.update(fresh)
        return np.vstack([known[t] for t in texts])


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


@dataclass
class Prefill:
    """What a new draft opens with: a question and the quotes of the reply it comes from."""

    question: str
    text: str = ""
    citations: list[str] = field(default_factory=list)
