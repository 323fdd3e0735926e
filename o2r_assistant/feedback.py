"""Users' ratings of answers, kept in SQLite, and their export as a question set.

A row holds the question, the answer text, its citations, the rating, an optional
comment and corrected answer, and the UTC time: nothing that identifies the
person (no address, no session). Every call opens its own connection, so any
number of app sessions and processes can write at once (WAL journal, busy
timeout).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass, is_dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import yaml

from .errors import O2RError
from .numbers import DURATION, find_amounts
from .text import fold

Rating = Literal["up", "down"]
RATINGS: tuple[str, ...] = ("up", "down")
BUSY_TIMEOUT_S = 10.0

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
    comment TEXT,
    corrected_answer TEXT
)
"""


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
    return text.strip() or None if text else None


class FeedbackStore:
    """The feedback table in the SQLite file at ``path`` (created on first use)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with closing(sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S)) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(_SCHEMA)
                with conn:  # one transaction, committed or rolled back
                    yield conn
        except (sqlite3.Error, OSError) as err:
            raise O2RError(
                f"feedback store {self.path} failed: {type(err).__name__}: {err}",
                "la base des avis est indisponible pour le moment ; réessayez plus tard",
            ) from err

    def add(
        self,
        question: str,
        answer: str,
        citations: Sequence[Any],
        rating: Rating,
        comment: str | None = None,
        corrected_answer: str | None = None,
    ) -> int:
        """Store one rating; ``citations`` are dataclasses or dicts. Returns the row id."""
        _check_rating(rating)
        cited = [asdict(c) if is_dataclass(c) else dict(c) for c in citations]
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, question, answer, citations, rating, "
                "comment, corrected_answer) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    question,
                    answer,
                    json.dumps(cited, ensure_ascii=False),
                    rating,
                    _optional(comment),
                    _optional(corrected_answer),
                ),
            )
            return int(cursor.lastrowid or 0)

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
                "UPDATE feedback SET rating = ?, comment = ?, corrected_answer = ? WHERE id = ?",
                (rating, _optional(comment), _optional(corrected_answer), feedback_id),
            )

    def records(self, rating: Rating | None = None) -> list[FeedbackRecord]:
        """All rows (or those with one rating), oldest first."""
        if not self.path.exists():
            return []
        query = "SELECT * FROM feedback"
        params: tuple[str, ...] = ()
        if rating is not None:
            _check_rating(rating)
            query += " WHERE rating = ?"
            params = (rating,)
        with self._connect() as conn:
            conn.row_factory = sqlite3.Row
            rows = conn.execute(query + " ORDER BY id", params).fetchall()
        return [
            FeedbackRecord(
                id=row["id"],
                created_at=row["created_at"],
                question=row["question"],
                answer=row["answer"],
                citations=json.loads(row["citations"]),
                rating=row["rating"],
                comment=row["comment"],
                corrected_answer=row["corrected_answer"],
            )
            for row in rows
        ]


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


def _comment_lines(label: str, text: str | None) -> list[str]:
    if not text:
        return []
    flat = " ".join(text.split())
    return [f"# {label} : {flat}"]


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
        case: dict[str, Any] = {"id": f"feedback-{record.id}", "question": record.question}
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
