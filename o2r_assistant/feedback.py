"""Users' ratings of answers, kept in the database, and their export as a question set or CSV.

A row holds the question, the answer text, its citations, the rating, an optional
comment and corrected answer, the UTC time and a random session id (drawn by the
app for each browser session, so that a user can delete what they gave): no
address, no account. What the user typed is stored without e-mail addresses,
phone numbers or recognisable names (``privacy.redact``) and without
non-printable characters. Rows older than the retention period are deleted when
a store is first used in a process, then at most once a day.

The database (``db.Database``) is the SQLite file ``Settings.feedback_db``,
readable by its owner only, or PostgreSQL (``O2R_DATABASE_URL``). Every call is
one transaction, so any number of app sessions, processes and replicas can write
at once. When the database cannot be reached, the call raises
``DatabaseUnavailableError`` with a French message: nothing is dropped silently.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import secrets
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, is_dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import sqlalchemy as sa
import yaml
from sqlalchemy.engine import Connection

from .db import FEEDBACK, Database
from .errors import DatabaseUnavailableError
from .numbers import DURATION, find_amounts
from .privacy import redact
from .sanitize import clean_optional, clean_text
from .text import fold

log = logging.getLogger(__name__)

Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = ("up", "down")
DEFAULT_RETENTION_DAYS = 365
PURGE_INTERVAL = timedelta(days=1)
# The privacy notice of the README's user section and of the app (Markdown, French).
PRIVACY_NOTICE_FR = """\
Quand vous notez une réponse (pouce levé ou baissé), l'application enregistre la
question, la réponse et ses sources, votre note, votre commentaire et la réponse
attendue si vous les donnez, la date, et un identifiant tiré au hasard pour votre
session de navigateur. Les adresses e-mail, les numéros de téléphone et les noms
reconnaissables (« je m'appelle … », signature) sont remplacés par `[e-mail]`,
`[téléphone]` et `[nom]` avant l'enregistrement ; ni adresse IP ni compte ne sont
conservés. Ces avis servent uniquement à améliorer l'assistant. Ils sont gardés sur le
serveur, dans le fichier `data/feedback.sqlite3` lisible par son seul propriétaire, et
effacés automatiquement au bout de {days} jours. Seul le personnel habilité de la DREETS
Pays de la Loire les consulte (page « Évaluation », protégée par mot de passe). Vous
pouvez supprimer à tout moment les avis donnés pendant votre session ; pour toute autre
demande d'accès ou d'effacement, adressez-vous à la DREETS Pays de la Loire. Les
questions posées sans être notées ne sont ni conservées ni journalisées."""
# Shown before the first rating is stored: what is kept, why, for how long, and erasure.
FEEDBACK_NOTICE_FR = (
    "Votre avis est enregistré avec la question et la réponse, sans e-mail, téléphone ni "
    "nom, pour améliorer l'assistant ; il est effacé après {days} jours et vous pouvez le "
    "supprimer à tout moment."
)


@dataclass(frozen=True)
class FeedbackRecord:
    id: int
    created_at: str
    question: str
    answer: str
    citations: list[dict[str, Any]]
    rating: Rating
    comment: str | None
    corrected_answer: str | None


def _check_rating(rating: str) -> None:
    if rating not in RATINGS:
        raise ValueError(f"rating must be one of {RATINGS}, not {rating!r}")


def _optional(text: str | None) -> str | None:
    """What a user typed, as stored: clean, without personal details, None if blank."""
    cleaned = clean_optional(text)
    return redact(cleaned) if cleaned else None


def new_session_id() -> str:
    """A random id for one browser session, unrelated to the person or their address."""
    return secrets.token_urlsafe(16)


def _stamp(moment: datetime) -> str:
    """``created_at`` format: UTC, to the second, so that strings sort by time."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _utc_now() -> datetime:
    return datetime.now(UTC)


# Last purge per database in this process; its lock also covers the first purge.
_last_purge: dict[str, datetime] = {}
_purge_lock = threading.Lock()
UNAVAILABLE_FR = (
    "la base des avis est indisponible pour le moment (base de données injoignable) ; "
    "réessayez plus tard"
)


def _record(row: sa.Row) -> FeedbackRecord:
    return FeedbackRecord(
        id=row.id,
        created_at=row.created_at,
        question=row.question,
        answer=row.answer,
        citations=json.loads(row.citations),
        rating=row.rating,
        comment=row.comment,
        corrected_answer=row.corrected_answer,
    )


class FeedbackStore:
    """The feedback table of a database: a SQLite file (``Path``, created on first
    use) or a database URL (``Settings.database``).

    Rows older than ``retention_days`` are purged when the store is first used in
    this process, then at most once per day; ``clock`` gives the current UTC time.
    """

    def __init__(
        self,
        path: Path | str | Database,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        if retention_days < 1:
            raise ValueError(f"retention_days must be at least 1, not {retention_days}")
        self.db = Database(path)
        self.path = self.db.path  # the SQLite file; None for PostgreSQL
        self.retention = timedelta(days=retention_days)
        self.clock = clock

    @contextmanager
    def _connect(self) -> Iterator[Connection]:
        """One transaction, committed or rolled back, after the purge if one is due."""
        try:
            with self.db.begin() as conn:
                self._purge_if_due(conn)
                yield conn
        except DatabaseUnavailableError as err:
            raise DatabaseUnavailableError(f"feedback store: {err}", UNAVAILABLE_FR) from err

    def _purge_if_due(self, conn: Connection) -> None:
        now = self.clock()
        with _purge_lock:
            last = _last_purge.get(self.db.key)
            if last is not None and now - last < PURGE_INTERVAL:
                return
            _last_purge[self.db.key] = now
        self._delete_before(conn, now - self.retention)

    def _delete_before(self, conn: Connection, cutoff: datetime) -> int:
        deleted = conn.execute(
            FEEDBACK.delete().where(FEEDBACK.c.created_at < _stamp(cutoff))
        ).rowcount
        if deleted:
            log.info("feedback: %d rows older than %s deleted", deleted, _stamp(cutoff))
        return deleted

    def purge_expired(self, now: datetime) -> int:
        """Delete the rows older than the retention period at ``now``; returns how many."""
        return self.purge_before(now - self.retention)

    def purge_before(self, cutoff: datetime) -> int:
        """Delete the rows created before ``cutoff`` (UTC if naive); returns how many."""
        if cutoff.tzinfo is None:
            cutoff = cutoff.replace(tzinfo=UTC)
        if not self.db.exists():
            return 0
        with self._connect() as conn:
            return self._delete_before(conn, cutoff)

    def delete(self, feedback_id: int) -> bool:
        """Delete one row (staff); False if there was none with that id."""
        if not self.db.exists():
            return False
        with self._connect() as conn:
            return conn.execute(FEEDBACK.delete().where(FEEDBACK.c.id == feedback_id)).rowcount > 0

    def delete_session(self, session_id: str) -> int:
        """Delete every row given in one browser session; returns how many."""
        if not session_id or not self.db.exists():
            return 0
        with self._connect() as conn:
            return conn.execute(
                FEEDBACK.delete().where(FEEDBACK.c.session_id == session_id)
            ).rowcount

    def add(
        self,
        question: str,
        answer: str,
        citations: Sequence[Any],
        rating: Rating,
        comment: str | None = None,
        corrected_answer: str | None = None,
        session_id: str | None = None,
    ) -> int:
        """Store one rating; ``citations`` are dataclasses or dicts. Returns the row id.

        The question, comment and corrected answer are stored cleaned and redacted.
        """
        _check_rating(rating)
        cited = [asdict(c) if is_dataclass(c) else dict(c) for c in citations]
        row = {
            "created_at": _stamp(self.clock()),
            "question": redact(clean_text(question)),
            "answer": clean_text(answer),
            "citations": json.dumps(cited, ensure_ascii=False),
            "rating": rating,
            "comment": _optional(comment),
            "corrected_answer": _optional(corrected_answer),
            "session_id": session_id,
        }
        with self._connect() as conn:
            return int(conn.execute(FEEDBACK.insert().values(row)).inserted_primary_key[0])

    def update(
        self,
        feedback_id: int,
        rating: Rating,
        comment: str | None = None,
        corrected_answer: str | None = None,
    ) -> None:
        """Change the rating of a row and set its comment and corrected answer."""
        _check_rating(rating)
        with self._connect() as conn:
            conn.execute(
                FEEDBACK.update()
                .where(FEEDBACK.c.id == feedback_id)
                .values(
                    rating=rating,
                    comment=_optional(comment),
                    corrected_answer=_optional(corrected_answer),
                )
            )

    def records(
        self, rating: Rating | None = None, session_id: str | None = None
    ) -> list[FeedbackRecord]:
        """All rows (or those with one rating, or of one session), oldest first."""
        if not self.db.exists():
            return []
        query = sa.select(FEEDBACK).order_by(FEEDBACK.c.id)
        if rating is not None:
            _check_rating(rating)
            query = query.where(FEEDBACK.c.rating == rating)
        if session_id is not None:
            query = query.where(FEEDBACK.c.session_id == session_id)
        with self._connect() as conn:
            rows = conn.execute(query).all()
        return [_record(row) for row in rows]


# ---------------------------------------------------------------- export

# Amounts ("150 000 €") and durations in digits ("12 mois", "3 ans") are the terms a
# corrected answer can require without paraphrase risk; other words are left to staff.
# Amounts written with a multiplier ("1,2 M€") are skipped: the answer may spell them
# out, and so are numbers in words.


def _french_number(value: Decimal) -> str:
    """French digit grouping, "150 000" or "1 234,50" (matching ignores those spaces)."""
    return f"{value:,}".replace(",", " ").replace(".", ",")


def key_terms(corrected_answer: str) -> list[str]:
    """Amounts and durations stated in a corrected answer, in order, without repeats."""
    folded = fold(corrected_answer)
    terms: list[tuple[int, str]] = [
        (amount.start, _french_number(amount.value))
        for amount in find_amounts(folded)
        if not amount.scaled
    ]
    for match in DURATION.finditer(folded):
        if match.group("n")[0].isdigit():
            unit = "mois" if match.group("u") == "mois" else "an"
            terms.append((match.start(), f"{match.group('n')} {unit}"))
    seen: list[str] = []
    for _, term in sorted(terms):
        if term not in seen:
            seen.append(term)
    return seen


def _shown(text: str | None) -> str:
    """A stored text as exported: rows stored before redaction existed are redacted too."""
    return redact(clean_text(text)) if text else ""


def _comment_lines(label: str, text: str | None) -> list[str]:
    flat = " ".join(_shown(text).split())
    return [f"# {label} : {flat}"] if flat else []


def export_question_set(records: Sequence[FeedbackRecord]) -> str:
    """A YAML question set (shared eval format) from negative feedback.

    Each case asks the question again. ``must_include`` is set only from the amounts
    and durations of a corrected answer given by staff; the comment and the
    corrected answer are kept as YAML comments for whoever completes the case.
    """
    lines = [
        "# Jeu de questions exporté des avis négatifs des utilisateurs (format eval/FORMAT.md).",
        "# Relisez chaque cas avant de l'ajouter à un jeu d'évaluation.",
    ]
    cases = 0
    for record in records:
        if record.rating != "down":
            continue
        case: dict[str, Any] = {"id": f"feedback-{record.id}", "question": _shown(record.question)}
        terms = key_terms(record.corrected_answer or "")
        if terms:
            case["must_include"] = terms
        case["tags"] = ["feedback"]
        lines.append("")
        lines.append(f"# Avis du {record.created_at}")
        lines += _comment_lines("Commentaire", record.comment)
        lines += _comment_lines("Réponse corrigée", record.corrected_answer)
        lines.append(
            yaml.safe_dump([case], allow_unicode=True, sort_keys=False, width=1000).rstrip()
        )
        cases += 1
    if not cases:
        lines.append("[]")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- table and CSV

# A cell starting with one of these is run as a formula by spreadsheets (OWASP, CSV
# injection): such cells get a leading apostrophe, which shows the text as typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TABLE_COLUMNS_FR = ("N°", "Date", "Note", "Question", "Commentaire", "Réponse attendue")
RATING_FR = {"up": "positive", "down": "négative"}


def csv_cell(text: str) -> str:
    """``text`` as a spreadsheet shows it, never as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def feedback_table(records: Sequence[FeedbackRecord]) -> list[dict[str, str]]:
    """One row per record for the staff table and its CSV download, formula-safe."""
    return [
        {
            column: csv_cell(value)
            for column, value in zip(
                TABLE_COLUMNS_FR,
                (
                    str(record.id),
                    record.created_at,
                    RATING_FR[record.rating],
                    _shown(record.question),
                    _shown(record.comment),
                    _shown(record.corrected_answer),
                ),
                strict=True,
            )
        }
        for record in records
    ]


def feedback_csv(records: Sequence[FeedbackRecord]) -> bytes:
    """The records as CSV for a French spreadsheet: ``;`` separated, UTF-8 with BOM."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=TABLE_COLUMNS_FR, delimiter=";")
    writer.writeheader()
    writer.writerows(feedback_table(records))
    return out.getvalue().encode("utf-8-sig")
