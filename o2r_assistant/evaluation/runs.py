"""Stored runs of the web app, in the database; the uploaded question sets, in files.

A run is a row of ``eval_runs`` keyed by its UTC time (a stamp that sorts by date),
so every replica sharing the database compares with the same previous run. Its
report and plots are files written by the page in ``<runs_dir>/<stamp>/`` on the
replica that ran it. Uploaded question sets stay files under ``<runs_dir>/uploads/``
(the evaluation reads them from disk), readable by their owner only (they hold
users' questions).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..config import Settings
from ..db import EVAL_RUNS, Database
from ..sanitize import clean_text

# Stored upload names: the content digest, then at most this much of the given name.
MAX_STORED_STEM = 40


def default_runs_dir(settings: Settings) -> Path:
    return settings.index_dir.parent / "data" / "eval-runs"


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary owner-only file beside ``path`` that replaces it once written: never
    half a file."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(name)
    try:
        yield temp
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def _files_key(files: list[str]) -> str:
    return json.dumps(sorted(files), ensure_ascii=False)


def save_run(result: dict[str, Any], database: Path | str | Database) -> str:
    """Store a run's ``EvalResult.to_dict()``; returns its stamp (one transaction)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    row = {
        "stamp": stamp,
        "files": _files_key(result.get("config", {}).get("files", [])),
        "result": json.dumps(result, ensure_ascii=False),
    }
    with Database(database).begin() as conn:
        conn.execute(sa.insert(EVAL_RUNS), row)
    return stamp


def previous_run(
    database: Path | str | Database, files: list[str], before: str
) -> dict[str, Any] | None:
    """The latest stored run on the same question sets whose stamp sorts before ``before``."""
    query = (
        sa.select(EVAL_RUNS.c.result)
        .where(EVAL_RUNS.c.files == _files_key(files), EVAL_RUNS.c.stamp < before)
        .order_by(EVAL_RUNS.c.stamp.desc())
        .limit(1)
    )
    with Database(database).read() as conn:
        text = conn.execute(query).scalar_one_or_none()
    return None if text is None else json.loads(text)


def _stored_name(filename: str, digest: str) -> str:
    """``<digest>-<stem>.yaml``: letters, digits, ``_`` and ``-``, short whatever name
    the browser sent (a 240-character name overflowed the file system's 255 bytes)."""
    name = Path(filename.replace("\\", "/")).name
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    stem = re.sub(r"[^\w-]", "_", stem)[:MAX_STORED_STEM]
    return f"{digest}-{stem or 'questions'}{suffix if suffix in ('.yaml', '.yml') else '.yaml'}"


def save_question_set(data: bytes, filename: str, runs_dir: Path) -> Path:
    """Store an uploaded question set under a short safe name; returns its path.

    Non-printable characters are removed from a UTF-8 file (a feedback export from
    before they were filtered held DEL); other bytes are kept for the reader to refuse.
    """
    with suppress(UnicodeDecodeError):
        data = clean_text(data.decode("utf-8")).encode("utf-8")
    # Named by content, so runs of the same uploaded set can be compared.
    digest = hashlib.sha256(data).hexdigest()[:12]
    path = Path(runs_dir) / "uploads" / _stored_name(filename, digest)
    with _replacing(path) as temp:  # mkstemp: owner-only
        temp.write_bytes(data)
    return path
