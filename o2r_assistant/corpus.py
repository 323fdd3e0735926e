"""Load corpus documents (.md, .txt, .pdf) and cut them into citable chunks.

A chunk's ``text`` is always an exact slice ``source[start:end]`` of its
document's extracted text, so a citation can be traced back character for
character.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import subprocess
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import DocumentError
from .provenance import LocalOrigin, read_origin, sidecar

log = logging.getLogger(__name__)

# Bump when chunk boundaries or ids change: the index manifest records it.
CHUNKER_VERSION = "5"
TARGET_MIN_CHARS = 500
TARGET_MAX_CHARS = 900
# A real 500-page PDF is read in a few seconds; a crafted one can take hours.
MAX_PDF_SECONDS = 60.0
FRONT_MATTER_KEYS = {"title", "reference", "date", "source_url", "kind"}


# A glossary entry, the term in bold before a colon: "- **DREETS** : direction régionale…".
TERM_ENTRY = re.compile(r"^(?:[-*]\s+)?\*\*([^*\n]{2,80})\*\*\s*:", re.M)


def defined_terms(text: str) -> list[str]:
    """The terms the glossary entries in ``text`` define."""
    return [m[1] for m in TERM_ENTRY.finditer(text)]


@dataclass(frozen=True)
class Document:
    """One source file, with its metadata and extracted text."""

    doc_id: str
    path: Path
    title: str
    text: str
    body_start: int = 0
    reference: str | None = None
    source_url: str | None = None
    date: str | None = None
    kind: str | None = None
    # For PDFs: (page number, start offset, end offset) of each page in ``text``.
    pages: tuple[tuple[int, int, int], ...] = ()
    # For PDFs: (level, start offset, end offset) of each heading line found in ``text``.
    headings: tuple[tuple[int, int, int], ...] = ()
    # Set for a document added through the app (``provenance``), None for a shipped one.
    origin: LocalOrigin | None = None

    def page_at(self, offset: int) -> int | None:
        for number, start, end in self.pages:
            if start <= offset < end:
                return number
        return None


@dataclass(frozen=True)
class Chunk:
    """A citable passage of a document."""

    chunk_id: str
    doc_id: str
    title: str
    text: str
    start: int
    end: int
    section: str = ""
    page: int | None = None
    reference: str | None = None
    source_url: str | None = None
    origin: LocalOrigin | None = None

    @property
    def embed_text(self) -> str:
        """Text given to the embedder: the heading path adds context the passage lacks."""
        head = " > ".join(p for p in (self.title, self.section) if p)
        return f"{head}\n{self.text}"

    def metadata(self) -> dict[str, str | int]:
        """Flat metadata for the vector store (no None values allowed there)."""
        meta: dict[str, str | int] = {
            "doc_id": self.doc_id,
            "title": self.title,
            "section": self.section,
            "start": self.start,
            "end": self.end,
            "reference": self.reference or "",
            "source_url": self.source_url or "",
            "added_by": self.origin.added_by if self.origin else "",
            "added_at": self.origin.added_at if self.origin else "",
        }
        if self.page is not None:
            meta["page"] = self.page
        return meta

    @classmethod
    def from_metadata(cls, chunk_id: str, text: str, meta: dict) -> Chunk:
        return cls(
            chunk_id=chunk_id,
            doc_id=str(meta["doc_id"]),
            title=str(meta["title"]),
            text=text,
            start=int(meta["start"]),
            end=int(meta["end"]),
            section=str(meta.get("section", "")),
            page=int(meta["page"]) if meta.get("page") is not None else None,
            reference=meta.get("reference") or None,
            source_url=meta.get("source_url") or None,
            # Indexes built before local origins were recorded have no "added_at".
            origin=LocalOrigin(str(meta.get("added_by", "")), str(meta["added_at"]))
            if meta.get("added_at")
            else None,
        )


@dataclass
class CorpusLoad:
    """Result of loading a folder: the documents read and the files refused."""

    documents: list[Document] = field(default_factory=list)
    errors: list[DocumentError] = field(default_factory=list)


# ---------------------------------------------------------------- loading


def corpus_files(corpus_dir: Path) -> list[Path]:
    if not corpus_dir.is_dir():
        return []
    return sorted(
        p
        for p in corpus_dir.iterdir()
        if p.is_file() and p.suffix.lower() in LOADERS and not p.name.startswith(".")
    )


def corpus_hash(corpus_dir: Path) -> str:
    """Content hash of every supported file (names and bytes) and of its origin sidecar."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
        # The passages carry the origin: recording one calls for a rebuild.
        origin = sidecar(path)
        if origin.is_file():
            digest.update(hashlib.sha256(origin.read_bytes()).digest())
    return digest.hexdigest()[:16]


def load_corpus(corpus_dir: Path) -> CorpusLoad:
    """Load every supported file; a bad file is reported, the others still load."""
    result = CorpusLoad()
    for path in corpus_files(corpus_dir):
        try:
            result.documents.append(load_document(path))
        except DocumentError as err:
            log.warning("skipping document: %s", err)
            result.errors.append(err)
    return result


def load_document(path: Path) -> Document:
    suffix = path.suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is not None:
        return replace(loader(path), origin=read_origin(path))
    raise DocumentError(
        path.name,
        f"unsupported file type {suffix!r}",
        f"type de fichier non pris en charge ({suffix or 'sans extension'})",
    )


def _load_text(path: Path) -> Document:
    raw = path.read_bytes()
    if b"\0" in raw:
        raise DocumentError(
            path.name, "binary content, not text", "le fichier est binaire, pas du texte"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise DocumentError(
            path.name,
            f"not UTF-8 text ({err.reason} at byte {err.start})",
            "le fichier n'est pas un texte encodé en UTF-8",
        ) from err
    meta, body_start = _front_matter(path, text)
    if not text[body_start:].strip():
        raise DocumentError(path.name, "no text", "le document ne contient aucun texte")
    title = meta.get("title") or _first_heading(text[body_start:]) or path.stem
    return Document(
        doc_id=path.stem,
        path=path,
        title=str(title),
        text=text,
        body_start=body_start,
        reference=_opt(meta.get("reference")),
        source_url=_opt(meta.get("source_url")),
        date=_opt(meta.get("date")),
        kind=_opt(meta.get("kind")),
    )


_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _front_matter(path: Path, text: str) -> tuple[dict, int]:
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, 0
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    # ValueError: an impossible date or a 5,000-digit number; RecursionError: deep nesting.
    except (yaml.YAMLError, ValueError, RecursionError) as err:
        raise DocumentError(
            path.name, f"invalid front matter: {err}", "l'en-tête YAML du document est invalide"
        ) from err
    if not isinstance(meta, dict):
        raise DocumentError(
            path.name, "front matter is not a mapping", "l'en-tête YAML du document est invalide"
        )
    unknown = set(meta) - FRONT_MATTER_KEYS
    if unknown:
        # Keys may be numbers, dates or null as well as text: sort their names.
        names = sorted(map(str, unknown))
        log.warning("%s: ignoring unknown front matter keys %s", path.name, names)
    return meta, match.end()


def _opt(value: object) -> str | None:
    return None if value is None else str(value)


def _first_heading(body: str) -> str | None:
    for line in body.splitlines():
        if line.startswith("#"):
            return line.lstrip("#").strip() or None
    return None


def _load_pdf(path: Path) -> Document:
    """Read a PDF in a child process that is killed past ``MAX_PDF_SECONDS``.

    pypdf bounds each stream, not the whole document: a few kilobytes that draw
    one costly form thousands of times, or share one costly stream between
    hundreds of pages, keep it busy for hours. A thread cannot be stopped; a
    process can.
    """
    command = [sys.executable, "-c", _PDF_CHILD, str(Path(__file__).parent.parent), str(path)]
    try:
        run = subprocess.run(command, capture_output=True, timeout=MAX_PDF_SECONDS, check=False)
    except subprocess.TimeoutExpired as err:
        raise DocumentError(
            path.name,
            f"text extraction took over {MAX_PDF_SECONDS:g}s",
            "le PDF est trop complexe : sa lecture dépasse le délai autorisé",
        ) from err
    try:
        result = json.loads(run.stdout)
    except ValueError:
        # The reader died (out of memory, killed) before answering.
        raise DocumentError(
            path.name,
            f"PDF reader exited with code {run.returncode}: {run.stderr[-500:]!r}",
            "le PDF est illisible ou corrompu",
        ) from None
    if "error" in result:
        raise DocumentError(path.name, *result["error"])
    return Document(
        doc_id=path.stem,
        path=path,
        title=result["title"],
        text=result["text"],
        pages=tuple((n, a, b) for n, a, b in result["pages"]),
        headings=tuple((level, a, b) for level, a, b in result["headings"]),
    )


# Run by ``_load_pdf`` in a fresh interpreter, importing this very source tree.
_PDF_CHILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from o2r_assistant.pdf import _pdf_child; _pdf_child(sys.argv[2])"
)


# The one list of supported file types: corpus listing, uploads and the app's
# file picker all derive from its keys.
LOADERS: dict[str, Callable[[Path], Document]] = {
    ".md": _load_text,
    ".txt": _load_text,
    ".pdf": _load_pdf,
}


# ---------------------------------------------------------------- sentences

# Tokens that end with a period without ending a sentence.
_ABBREVIATIONS = {"n", "no", "art", "etc", "cf", "p", "pp", "m", "mme", "mmes", "mm", "dr", "st"}
_SENTENCE_END = re.compile(r"[.!?…]+[»”\")\]]*(?=\s+|$)")


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of ``text[start:end]``; lines are sentence boundaries too."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start, line_end = start + line.start(), start + line.end()
        sentence_start = line_start
        # Every test below looks at a bounded stretch of text: slicing the rest of the
        # line at each period made a long line quadratic (160 KB took minutes).
        for match in _SENTENCE_END.finditer(line.group()):
            cut = line_start + match.end()
            # Abbreviations are at most 4 letters: the last 8 characters tell them apart.
            dot = line_start + match.start()
            word = re.findall(r"[\wÀ-ÿ]+$", text[max(sentence_start, dot - 8) : dot])
            token = word[0].lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            following = cut
            while following < line_end and text[following].isspace():
                following += 1
            # "1.2", "L. 5316-1" and lowercase continuations are not sentence ends.
            if following < line_end and not (
                text[following].isupper() or text[following] in '«"“•-–('
            ):
                continue
            _append_span(text, spans, sentence_start, cut)
            sentence_start = cut
        _append_span(text, spans, sentence_start, line_end)
    return spans


def _append_span(text: str, spans: list[tuple[int, int]], a: int, b: int) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        spans.append((a, b))


# ---------------------------------------------------------------- chunking

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*\S)\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•▪◦–]|\d{1,2}[.)])\s+")


@dataclass
class _Block:
    start: int
    end: int
    section: str
    is_list: bool


def _blocks(doc: Document) -> list[_Block]:
    """Split a document body into paragraphs and list items with their heading path."""
    text = doc.text
    lines = [
        (m.start(), m.end(), m.group())
        for m in re.finditer(r"[^\n]*", text[doc.body_start :])
        if m.group().strip() or m.start() == m.end()
    ]
    lines = [(a + doc.body_start, b + doc.body_start, s) for a, b, s in lines]
    has_md_headings = any(_MD_HEADING.match(s) for _, _, s in lines)
    # A PDF's headings were found by the loader, from fonts and layout the text has lost.
    pdf_headings = {start: level for level, start, _ in doc.headings}
    headings: list[tuple[int, str]] = []  # (level, text)
    # Headings open the passage that follows them, so a quote of a heading is found.
    pending_heading: int | None = None
    blocks: list[_Block] = []
    prose = [(a, b, s) for a, b, s in lines if s.strip()]
    for i, (a, b, line) in enumerate(prose):
        stripped = line.strip()
        md = _MD_HEADING.match(line)
        is_list = bool(_LIST_ITEM.match(line))
        if doc.pages:
            if a in pdf_headings:
                level = pdf_headings[a]
                headings = [h for h in headings if h[0] < level] + [(level, stripped)]
                pending_heading = a if pending_heading is None else pending_heading
                continue
        elif md:
            level = len(md.group(1))
            headings = [h for h in headings if h[0] < level] + [(level, md.group(2).strip())]
            pending_heading = a if pending_heading is None else pending_heading
            continue
        elif not has_md_headings and _looks_like_heading(stripped, i, prose):
            headings = [(2, stripped)]
            pending_heading = a if pending_heading is None else pending_heading
            continue
        # The title heading (Markdown's level 1) is shown by citations anyway.
        section = " > ".join(
            h for level, h in headings if (h != doc.title if doc.pages else level > 1)
        )
        start = a + len(line) - len(line.lstrip()) if pending_heading is None else pending_heading
        pending_heading = None
        blocks.append(_Block(start, b, section, is_list))
    return blocks


def _looks_like_heading(line: str, i: int, prose: list) -> bool:
    """A short title-like line in a document without Markdown headings."""
    return (
        i + 1 < len(prose)
        and len(line) <= 90
        and len(line.split()) <= 14
        and line[0].isupper()
        and line[-1] not in ".!?;:,…»"
        and not _LIST_ITEM.match(line)
    )


def _is_lead_in(doc: Document, block: _Block) -> bool:
    return doc.text[block.start : block.end].rstrip().endswith(":")


def chunk_id(doc_id: str, text: str) -> str:
    normalized = " ".join(text.split())
    return hashlib.sha1(f"{doc_id}\0{normalized}".encode()).hexdigest()[:16]


def chunk_document(doc: Document) -> list[Chunk]:
    """Pack consecutive blocks of one section into chunks of about 500–900 characters."""
    pieces: list[_Block] = []
    for block in _blocks(doc):
        if block.end - block.start <= TARGET_MAX_CHARS:
            pieces.append(block)
            continue
        # A long paragraph is cut between sentences, never inside one.
        current: tuple[int, int] | None = None
        for a, b in split_sentences(doc.text, block.start, block.end):
            if current and b - current[0] > TARGET_MAX_CHARS:
                pieces.append(_Block(current[0], current[1], block.section, block.is_list))
                current = None
            current = (current[0], b) if current else (a, b)
        if current:
            pieces.append(_Block(current[0], current[1], block.section, block.is_list))

    groups: list[list[_Block]] = []
    for piece in pieces:
        if groups:
            group = groups[-1]
            size = piece.end - group[0].start
            same_section = group[0].section == piece.section
            # A chunk cites one page, so it never spans two.
            if doc.page_at(piece.start) != doc.page_at(group[0].start):
                groups.append([piece])
                continue
            tiny = group[-1].end - group[0].start < TARGET_MIN_CHARS // 2
            # A lead-in line ("… notamment :") stays with the list it introduces.
            if _is_lead_in(doc, group[-1]) or (
                size <= TARGET_MAX_CHARS
                and (same_section or tiny)
                and not (_is_lead_in(doc, piece) and not tiny)
            ):
                group.append(piece)
                continue
        groups.append([piece])

    chunks = []
    for group in groups:
        start, end = group[0].start, group[-1].end
        text = doc.text[start:end]
        chunks.append(
            Chunk(
                chunk_id=chunk_id(doc.doc_id, text),
                doc_id=doc.doc_id,
                title=doc.title,
                text=text,
                start=start,
                end=end,
                section=group[0].section,
                page=doc.page_at(start),
                reference=doc.reference,
                source_url=doc.source_url,
                origin=doc.origin,
            )
        )
    return chunks


def chunk_documents(docs: Iterable[Document]) -> list[Chunk]:
    chunks: list[Chunk] = []
    seen: set[str] = set()
    for doc in docs:
        for chunk in chunk_document(doc):
            # Identical passages in one document would collide in the store.
            if chunk.chunk_id not in seen:
                seen.add(chunk.chunk_id)
                chunks.append(chunk)
    return chunks
