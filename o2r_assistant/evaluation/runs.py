"""Stored runs of the web app: one folder per run, and the uploaded question sets.

One folder per run, named by its UTC time so that names sort by date:
``<runs_dir>/<stamp>/result.json``, with the report and plots beside it. Files
are written readable by their owner only (they hold users' questions).
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

from ..config import Settings
from ..sanitize import clean_text
from .results import write_json

RUN_RESULT = "result.json"
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
