"""Validated changes to the corpus folder: add, replace or remove one document.

A refused file never reaches the corpus: it is parsed from a private temporary
copy first, then written next to its final place and moved in with one atomic
rename, so readers and index builds see the old file or the new one, never a
half-written one. Every refusal raises :class:`UploadError` with a French
message and leaves the corpus unchanged.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .config import Settings
from .corpus import LOADERS, corpus_files, load_document
from .errors import DocumentError, UploadError

log = logging.getLogger(__name__)

MAX_NAME_CHARS = 120
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


def _validate_content(name: str, data: bytes) -> None:
    """Parse a private copy outside the corpus with the corpus loader itself."""
    with tempfile.TemporaryDirectory(prefix="o2r-upload-") as tmp:
        probe = Path(tmp) / name
        probe.write_bytes(data)
        try:
            load_document(probe)
        except DocumentError as err:
            raise UploadError(
                f"refused upload {name!r}: {err}",
                f"fichier refusé : {err.message_fr}.",
            ) from err


def add_document(settings: Settings, filename: str, data: bytes, replace: bool = False) -> Path:
    """Add a document to the corpus (or replace one of the same name when ``replace``).

    The index is not rebuilt here: the caller re-indexes when it is ready to.
    """
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
    stem = Path(name).stem
    for existing in corpus_files(settings.corpus_dir):
        # Two files with one stem would share a document id (and its citations).
        if existing.stem == stem and existing.name != name:
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
    _validate_content(name, data)
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
        "corpus document %s %s (%d bytes)", name, "replaced" if replace else "added", len(data)
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
