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

A document whose title or reference is another document's (compared ignoring
case, accents and spacing), or that names the same official text at its start
(« Décret n° 2024-584 », « Loi n° 2023-1196 », « Arrêté du 26 juin 2024 »), would
pass for it in citations: :func:`add_document` refuses it with
:class:`DuplicateDocumentError` unless staff confirm (``allow_duplicate``). Every
document it adds gets its local origin recorded (``provenance``).
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
from typing import Literal

from .config import Settings
from .corpus import LOADERS, Document, chunk_document, corpus_files, load_document
from .errors import DocumentError, DuplicateDocumentError, UploadError
from .provenance import LocalOrigin, remove_origin, write_origin
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
# The official text a (folded) title or reference starts by naming: its kind, then its
# number (« n° 2024-584 », « no 2023-1196 ») or, for an arrêté, its date.
_ACT = re.compile(
    r"(loi|decret|arrete|ordonnance)\s+"
    r"(?:n\s*[°º.o]?\s*(\d+(?:-\d+)+)|du\s+(\d{1,2}(?:er)?\s+[a-z]+\s+\d{4}))"
)
Clash = Literal["title", "reference", "act"]
_CLASH_FR: dict[str, str] = {
    "title": "porte le même titre que",
    "reference": "porte la même référence que",
    "act": "se présente comme le même texte officiel que",
}


@dataclass(frozen=True)
class DocumentInfo:
    """One corpus file as staff see it in the corpus page."""

    doc_id: str
    filename: str
    title: str
    date: str | None  # from the front matter, when it gives one
    size_bytes: int
    chunks: int  # passages it gives (0 when it cannot be read)
    error: str | None = None  # why it cannot be read, in French
    origin: LocalOrigin | None = None  # who added it through the app, and when


@dataclass(frozen=True)
class Duplicate:
    """The corpus document an upload would pass for, and what they share."""

    filename: str
    title: str
    clash: Clash

    def message_fr(self, name: str) -> str:
        return (
            f"« {name} » {_CLASH_FR[self.clash]} le document « {self.title} » "
            f"({self.filename}), déjà dans le corpus : les citations les confondraient. "
            "S'il s'agit d'un autre texte, changez son titre et sa référence ; sinon, "
            "confirmez l'ajout en connaissance de cause."
        )


@dataclass(frozen=True)
class UploadPlan:
    """What accepting a document would mean: its passages, the indexing time, and the
    document it would pass for, if any (adding it then needs confirmation)."""

    name: str
    passages: int
    corpus_passages: int  # the whole corpus with this document
    estimated_seconds: float  # a full reindex of that corpus
    duplicate: Duplicate | None = None

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


def _normal(text: str | None) -> str:
    return " ".join(fold(text or "").split())


def identity_keys(doc: Document) -> frozenset[tuple[Clash, str]]:
    """What a document is known by in citations: its title, its reference, and the
    official text either starts by naming, all folded (case, accents, spacing)."""
    keys: set[tuple[Clash, str]] = set()
    for clash, text in (("title", _normal(doc.title)), ("reference", _normal(doc.reference))):
        if text:
            keys.add((clash, text))
            act = _ACT.match(text)
            if act:
                keys.add(("act", f"{act[1]} {act[2] or act[3]}"))
    return frozenset(keys)


@dataclass(frozen=True)
class _Known:
    """What the checks need of a corpus file: its passages, title and identity keys."""

    passages: int
    title: str
    keys: frozenset[tuple[Clash, str]]


def _read(path: Path) -> _Known:
    """Parse and chunk a file with the corpus code itself; DocumentError if refused."""
    doc = load_document(path)
    return _Known(len(chunk_document(doc)), doc.title, identity_keys(doc))


def _probe(name: str, data: bytes) -> _Known:
    """:func:`_read` on a private copy outside the corpus."""
    with tempfile.TemporaryDirectory(prefix="o2r-upload-") as tmp:
        probe = Path(tmp) / name
        probe.write_bytes(data)
        try:
            return _read(probe)
        except DocumentError as err:
            raise UploadError(
                f"refused upload {name!r}: {err}",
                f"fichier refusé : {err.message_fr}.",
            ) from err


# Corpus files already read, by (path, size, modification time).
_known: dict[tuple[str, int, int], _Known] = {}


def _corpus_file(path: Path) -> _Known:
    info = path.stat()
    key = (str(path), info.st_size, info.st_mtime_ns)
    if key not in _known:
        try:
            _known[key] = _read(path)
        except DocumentError:  # not indexed either
            _known[key] = _Known(0, path.stem, frozenset())
    return _known[key]


def _duplicate(keys: frozenset[tuple[Clash, str]], others: list[Path]) -> Duplicate | None:
    """The first corpus document sharing one of ``keys``: by title, reference, then act."""
    order: tuple[Clash, ...] = ("title", "reference", "act")
    for path in others:
        shared = keys & _corpus_file(path).keys
        if shared:
            clash = min((c for c, _ in shared), key=order.index)
            return Duplicate(path.name, _corpus_file(path).title, clash)
    return None


def plan_upload(
    settings: Settings, filename: str, data: bytes, replace: bool = False
) -> UploadPlan:
    """Every check of :func:`add_document`, nothing written; UploadError if refused.

    A duplicate title or reference is not raised but reported (``UploadPlan.duplicate``),
    so that staff can be asked to confirm.
    """
    name, _ = _checked(settings, filename, data, replace)
    return _plan(settings, name, data)


def _plan(settings: Settings, name: str, data: bytes) -> UploadPlan:
    new = _probe(name, data)
    passages = new.passages
    limit = settings.max_passages_per_document
    if passages > limit:
        raise UploadError(
            f"{name!r} gives {passages} passages, over the limit of {limit} per document",
            f"fichier refusé : il donnerait {_count_fr(passages)} passages, au-delà de la limite "
            f"de {_count_fr(limit)} par document (environ "
            f"{duration_fr(passages / PASSAGES_PER_SECOND)} d'indexation pour lui seul). "
            "Découpez-le ou retirez les parties inutiles.",
        )
    others = [p for p in corpus_files(settings.corpus_dir) if p.name != name]
    total, limit = sum(_corpus_file(p).passages for p in others) + passages, settings.max_passages
    if total > limit:
        raise UploadError(
            f"the corpus would have {total} passages with {name!r}, over the limit of {limit}",
            f"fichier refusé : le corpus compterait {_count_fr(total)} passages, au-delà de la "
            f"limite de {_count_fr(limit)}. Retirez d'abord des documents devenus inutiles.",
        )
    duplicate = _duplicate(new.keys, others)
    return UploadPlan(name, passages, total, total / PASSAGES_PER_SECOND, duplicate)


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


def add_document(
    settings: Settings,
    filename: str,
    data: bytes,
    replace: bool = False,
    *,
    allow_duplicate: bool = False,
    added_by: str = "",
) -> Path:
    """Add a document to the corpus (or replace one of the same name when ``replace``).

    ``added_by`` (the staff identity) and the time are recorded as its local origin.
    A document that would pass for another (:attr:`UploadPlan.duplicate`) raises
    :class:`DuplicateDocumentError` unless ``allow_duplicate``. The index is not
    rebuilt here: the caller re-indexes when it is ready to.
    """
    name, target = _checked(settings, filename, data, replace)
    plan = _plan(settings, name, data)
    if plan.duplicate is not None and not allow_duplicate:
        raise DuplicateDocumentError(
            f"{name!r} duplicates the {plan.duplicate.clash} of {plan.duplicate.filename!r}",
            f"fichier refusé : {plan.duplicate.message_fr(name)}",
            plan.duplicate.filename,
        )
    # The origin first, never rolled back: a label left by a failed upload over-warns,
    # while a document written before its label could be cited as a shipped one.
    write_origin(target, added_by)
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
        remove_origin(path)
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
                origin=doc.origin,
            )
        )
    return infos
