"""The embedding cache: unit vectors by embedder and text, so a build re-embeds only new text.

One SQLite file per collection under ``<index_dir>/cache/``.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from .config import Settings
from .embeddings import Latent

log = logging.getLogger(__name__)


class EmbeddingCache:
    """Unit vectors by (embedder id, text hash): a build embeds only text it has not seen.

    One SQLite file per collection; rows are committed after each batch, so even a
    killed build leaves its work for the next one.
    """

    def __init__(self, path: Path, embedder_id: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._salt = embedder_id.encode("utf-8") + b"\0passage\0"
        try:
            self._db = self._connect()
        except sqlite3.DatabaseError:  # a damaged cache is only lost work
            log.warning("embedding cache %s is unreadable; starting a new one", path)
            path.unlink(missing_ok=True)
            self._db = self._connect()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=60)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB)")
        # A text's latent terms (latent.py), under the same key as its vector.
        db.execute(
            "CREATE TABLE IF NOT EXISTS latent (key BLOB PRIMARY KEY, ids BLOB, weights BLOB)"
        )
        return db

    def key(self, text: str) -> bytes:
        return hashlib.blake2b(self._salt + text.encode("utf-8"), digest_size=20).digest()

    def get_many(self, keys: Iterable[bytes]) -> dict[bytes, np.ndarray]:
        keys = list(keys)
        found: dict[bytes, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._db.execute(
                f"SELECT key, vector FROM vectors WHERE key IN ({','.join('?' * len(part))})",
                part,
            )
            for key, blob in rows:
                found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)",
                [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in items],
            )

    def get_latent_many(self, keys: Iterable[bytes]) -> dict[bytes, Latent]:
        keys = list(keys)
        found: dict[bytes, Latent] = {}
        for i in range(0, len(keys), 500):
            part = keys[i : i + 500]
            rows = self._db.execute(
                f"SELECT key, ids, weights FROM latent WHERE key IN ({','.join('?' * len(part))})",
                part,
            )
            for key, ids, weights in rows:
                found[key] = (
                    np.frombuffer(ids, dtype=np.int32),
                    np.frombuffer(weights, dtype=np.float32),
                )
        return found

    def put_latent_many(self, items: Iterable[tuple[bytes, Latent]]) -> None:
        with self._db:
            self._db.executemany(
                "INSERT OR REPLACE INTO latent (key, ids, weights) VALUES (?, ?, ?)",
                [
                    (
                        key,
                        np.asarray(ids, dtype=np.int32).tobytes(),
                        np.asarray(weights, dtype=np.float32).tobytes(),
                    )
                    for key, (ids, weights) in items
                ],
            )

    def retain(self, keys: Iterable[bytes]) -> None:
        """Forget every vector but these (the served generation's): the cache stays bounded."""
        with self._db:
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS keep (key BLOB PRIMARY KEY)")
            self._db.execute("DELETE FROM keep")
            self._db.executemany("INSERT OR IGNORE INTO keep VALUES (?)", [(k,) for k in keys])
            for table in ("vectors", "latent"):
                self._db.execute(f"DELETE FROM {table} WHERE key NOT IN (SELECT key FROM keep)")

    def __len__(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0]

    def close(self) -> None:
        self._db.close()


def cache_path(settings: Settings, name: str) -> Path:
    return settings.index_dir / "cache" / f"{name}.sqlite3"
