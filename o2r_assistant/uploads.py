"""Validated changes to the corpus folder: add, replace or remove one document.

A refused file never reaches the corpus: it is parsed and cut into passages from
a private temporary copy first, then written next to its final place and moved
in with one atomic rename, so readers and index builds see the old file or the
new one, never a half-written one. Every refusal raises :class:`UploadError`
with a French message and leaves the corpus unchanged.

A document may give at most ``O2R_MAX_PASSAGES_PER_DOCUMENT`` passages, and the
corpus ``O2R_MAX_PASSAGES``: a 100,000-line Markdown file under the size limit
gave 10,028 passages, hours of indexing. :func:`plan_upload` runs every check
and estimates the indexing time before anything is written.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .corpus import LOADERS, chunk_document, corpus_files, load_document
from .errors import DocumentError, UploadError
from .text import fold

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 120
# Passages indexed per second with the default embedder (e5-small) on the 2-core
# development machine, measured while other jobs ran: a full build of 400 synthetic
# passages at 1.1/s (load average 8), embedding alone at 2.1 to 3.2/s (load average 6);
# see docs/reliability.md. Estimates are indicative: the machine's load changes them.
PASSAGES_PER_SECOND = 2.0
# Letters (accents included), digits, spaces, dots, dashes, underscores and parentheses;
# first character a letter or digit. Anything else (slashes, NUL, control characters,
# leading dots) is not a name a person gives a corpus document.
_NAME = re.compile(r"[^\W_][\w .()-]*", re.UNICODE)


@dataclass(frozen=True)
class DocumentInfo:
    """One corpus file as staff see it in the corpus page."""

    doc_id: str
    filename: str
    title: str
    date: str | None
    size_bytes: int
    chunks: int
    error: str | None = None


@dataclass(frozen=True)
class UploadPlan:
    """What accepting a document would mean: its passages and the indexing time."""

    name: str
    passages: int
    corpus_passages: int  # the whole corpus with this document
    estimated_seconds: float  # a full reindex of that corpus

    def summary_fr(self) -> str:
        """« 1 234 passages (5 678 pour tout le corpus) ; indexation estimée à 3 min. »"""
        return (
            f"{_count_fr(self.passages)} passage(s) ({_count_fr(self.corpus_passages)} pour "
            f"tout le corpus) ; indexation estimée à {duration_fr(self.estimated_seconds)}."
        )


def _count_fr(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def duration_fr(seconds: float) -> str:
    """« 40 s », « 3 min », « 1 h 05 »: rounded up, as an estimate should be."""
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes = math.ceil(whole / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d}"


def check_filename(filename: str) -> str:
    """The file name if it is a plain, supported base name; UploadError otherwise."""
    name = unicodedata.normalize("NFC", filename or "")
    shown = name.replace("\0", "?")
    if (
        not name
        or "/" in name
        or "\\" in name
        or "\0" in name
        or ".." in name
        or len(name) > MAX_NAME_CHARS
        or not _NAME.fullmatch(name)
        or name != name.strip()
        or Path(name).stem != Path(name).stem.strip()
    ):
        raise UploadError(
            f"refused file name {shown!r}",
            f"nom de fichier refusé : « {shown} ». Utilisez un nom simple (lettres, "
            "chiffres, espaces, tirets), sans dossier ni caractère spécial.",
        )
    suffix = Path(name).suffix.lower()
    if suffix not in LOADERS:
        raise UploadError(
            f"unsupported file type {suffix!r} for {name!r}",
            f"type de fichier non pris en charge ({suffix or 'sans extension'}) : "
            "seuls les fichiers PDF, Markdown (.md) et texte (.txt) sont acceptés.",
        )
    return name


def _target(settings: Settings, name: str) -> Path:
    """The corpus path for ``name``, proven to be directly inside the corpus folder."""
    corpus = settings.corpus_dir.resolve()
    target = (corpus / name).resolve()
    if target.parent != corpus or target.name != name:
        raise UploadError(
            f"{name!r} resolves outside the corpus folder",
            f"nom de fichier refusé : « {name} » sortirait du dossier du corpus.",
        )
    return target


def _count_passages(name: str, data: bytes) -> int:
    """Parse and chunk a private copy outside the corpus with the corpus code itself."""
    with tempfile.TemporaryDirectory(prefix="o2r-upload-") as tmp:
        probe = Path(tmp) / name
        probe.write_bytes(data)
        try:
            return len(chunk_document(load_document(probe)))
        except DocumentError as err:
            raise UploadError(
                f"refused upload {name!r}: {err}",
                f"fichier refusé : {err.message_fr}.",
            ) from err


# Passages of corpus files already counted, by (path, size, modification time).
_counted: dict[tuple[str, int, int], int] = {}


def _file_passages(path: Path) -> int:
    info = path.stat()
    key = (str(path), info.st_size, info.st_mtime_ns)
    if key not in _counted:
        try:
            _counted[key] = len(chunk_document(load_document(path)))
        except DocumentError:  # not indexed either
            _counted[key] = 0
    return _counted[key]


def plan_upload(
    settings: Settings, filename: str, data: bytes, replace: bool = False
) -> UploadPlan:
    """Every check of :func:`add_document`, nothing written; UploadError if refused."""
    name, _ = _checked(settings, filename, data, replace)
    return _plan(settings, name, data)


def _plan(settings: Settings, name: str, data: bytes) -> UploadPlan:
    passages = _count_passages(name, data)
    limit = settings.max_passages_per_document
    if passages > limit:
        raise UploadError(
            f"{name!r} gives {passages} passages, over the limit of {limit} per document",
            f"fichier refusé : il donnerait {_count_fr(passages)} passages, au-delà de la limite "
            f"de {_count_fr(limit)} par document (environ "
            f"{duration_fr(passages / PASSAGES_PER_SECOND)} d'indexation pour lui seul). "
            "Découpez-le ou retirez les parties inutiles.",
        )
    others = sum(_file_passages(p) for p in corpus_files(settings.corpus_dir) if p.name != name)
    total, limit = others + passages, settings.max_passages
    if total > limit:
        raise UploadError(
            f"the corpus would have {total} passages with {name!r}, over the limit of {limit}",
            f"fichier refusé : le corpus compterait {_count_fr(total)} passages, au-delà de la "
            f"limite de {_count_fr(limit)}. Retirez d'abord des documents devenus inutiles.",
        )
    return UploadPlan(name, passages, total, total / PASSAGES_PER_SECOND)


def _checked(settings: Settings, filename: str, data: bytes, replace: bool) -> tuple[str, Path]:
    """The checked name and its target path; the content is checked by :func:`_plan`."""
    name = check_filename(filename)
    limit = int(settings.upload_max_mb * 1024 * 1024)
    if len(data) > limit:
        raise UploadError(
            f"{name!r} is {len(data)} bytes, over the {limit}-byte limit",
            f"fichier refusé : {len(data) / 1_048_576:.1f} Mo, au-delà de la limite de "
            f"{settings.upload_max_mb:g} Mo.",
        )
    if not data:
        raise UploadError(f"{name!r} is empty", "fichier refusé : le fichier est vide.")
    settings.corpus_dir.mkdir(parents=True, exist_ok=True)
    target = _target(settings, name)
    stem = fold(Path(name).stem)
    for existing in corpus_files(settings.corpus_dir):
        # Two files with one stem would share a document id (and its citations); stems
        # differing only in case or accents (« Decret », « décret ») would pass for one.
        if fold(existing.stem) == stem and existing.name != name:
            raise UploadError(
                f"{name!r} clashes with {existing.name!r} (same document id)",
                f"fichier refusé : le document « {existing.name} » porte déjà ce nom ; "
                "supprimez-le d'abord ou renommez le fichier.",
            )
    if target.exists() and not replace:
        raise UploadError(
            f"{name!r} already exists",
            f"le document « {name} » existe déjà : cochez « Remplacer » pour le mettre à jour.",
        )
    return name, target


def add_document(settings: Settings, filename: str, data: bytes, replace: bool = False) -> Path:
    """Add a document to the corpus (or replace one of the same name when ``replace``).

    The index is not rebuilt here: the caller re-indexes when it is ready to.
    """
    name, target = _checked(settings, filename, data, replace)
    plan = _plan(settings, name, data)
    handle, tmp_name = tempfile.mkstemp(prefix=".upload-", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        tmp.chmod(0o644)
        if replace:
            os.replace(tmp, target)
        else:
            # link() fails if the name appeared meanwhile: no silent overwrite.
            try:
                os.link(tmp, target)
            except FileExistsError as err:
                raise UploadError(
                    f"{name!r} appeared during the upload",
                    f"le document « {name} » existe déjà : cochez « Remplacer » pour le "
                    "mettre à jour.",
                ) from err
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    log.info(
        "corpus document %s %s (%d bytes, %d passages)",
        name,
        "replaced" if replace else "added",
        len(data),
        plan.passages,
    )
    return target


def remove_document(settings: Settings, doc_id: str) -> None:
    """Delete the corpus file of ``doc_id``; the last document cannot be removed."""
    files = corpus_files(settings.corpus_dir)
    matches = [p for p in files if p.stem == doc_id]
    if not doc_id or not matches:
        raise UploadError(
            f"no corpus document {doc_id!r}",
            f"le document « {doc_id} » n'existe pas dans le corpus.",
        )
    if len(files) == len(matches):
        raise UploadError(
            "refusing to remove the last corpus document",
            "le corpus doit garder au moins un document : ajoutez-en un autre avant de "
            "supprimer celui-ci.",
        )
    for path in matches:
        _target(settings, path.name).unlink()
        log.info("corpus document %s removed", path.name)


def describe_corpus(settings: Settings, chunk_counts: dict[str, int]) -> list[DocumentInfo]:
    """Every corpus file with its title, date and number of indexed passages."""
    infos = []
    for path in corpus_files(settings.corpus_dir):
        try:
            doc = load_document(path)
        except DocumentError as err:
            infos.append(
                DocumentInfo(
                    path.stem, path.name, path.stem, None, path.stat().st_size, 0, err.message_fr
                )
            )
            continue
        infos.append(
            DocumentInfo(
                doc.doc_id,
                path.name,
                doc.title,
                doc.date,
                path.stat().st_size,
                chunk_counts.get(doc.doc_id, 0),
            )
        )
    return infos
