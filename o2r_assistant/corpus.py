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
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

import yaml

from .errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PageObject

log = logging.getLogger(__name__)

# Bump when chunk boundaries or ids change: the index manifest records it.
CHUNKER_VERSION = "5"
TARGET_MIN_CHARS = 500
TARGET_MAX_CHARS = 900
# A real PDF for this corpus has tens of pages; thousands means a bomb or a mistake.
MAX_PDF_PAGES = 500
# A real 500-page PDF is read in a few seconds; a crafted one can take hours.
MAX_PDF_SECONDS = 60.0
FRONT_MATTER_KEYS = {"title", "reference", "date", "source_url", "kind"}


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
    """Content hash of every supported file (names and bytes)."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
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
        return loader(path)
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
    "from o2r_assistant.corpus import _pdf_child; _pdf_child(sys.argv[2])"
)


def _pdf_child(path_arg: str) -> None:
    """Print what ``_read_pdf`` found, or why it refused the file, as JSON."""
    path = Path(path_arg)
    try:
        result: dict = _read_pdf(path)._asdict()
    except DocumentError as err:
        prefix = f"{path.name}: ", f"{path.name} : "
        reason = str(err).removeprefix(prefix[0]), err.message_fr.removeprefix(prefix[1])
        result = {"error": reason}
    sys.stdout.write(json.dumps(result))


class PdfText(NamedTuple):
    """What the PDF reader gives the loader: the laid-out text and its structure."""

    title: str
    text: str
    pages: list[tuple[int, int, int]]
    headings: list[tuple[int, int, int]]


def _read_pdf(path: Path) -> PdfText:
    """Title, text, page spans and headings of a PDF, in this process."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(
                path.name, "encrypted PDF", "le PDF est chiffré (protégé par mot de passe)"
            )
        count = len(reader.pages)
        if count > MAX_PDF_PAGES:
            raise DocumentError(
                path.name,
                f"{count} pages, over the {MAX_PDF_PAGES}-page limit",
                f"le PDF a {count} pages, au-delà de la limite de {MAX_PDF_PAGES}",
            )
        lines = [
            line
            for number, page in enumerate(reader.pages, start=1)
            for line in _page_lines(page, number)
        ]
        meta_title = reader.metadata.title if reader.metadata else None
    except DocumentError:
        raise
    except (PdfReadError, RecursionError, ValueError, KeyError, TypeError, OSError) as err:
        raise DocumentError(
            path.name,
            f"unreadable PDF ({type(err).__name__}: {err})",
            "le PDF est illisible ou corrompu",
        ) from err
    except Exception as err:  # pypdf raises many internal types on hostile files
        raise DocumentError(
            path.name,
            f"unreadable PDF ({type(err).__name__}: {err})",
            "le PDF est illisible ou corrompu",
        ) from err
    text, pages, headings = lay_out_pdf_lines(lines)
    if not text.strip():
        raise DocumentError(
            path.name,
            "no extractable text (scanned PDF?)",
            "aucun texte n'a pu être extrait du PDF (document scanné ?)",
        )
    return PdfText(_pdf_title(meta_title, path, text, pages, headings), text, pages, headings)


# ---------------------------------------------------------------- PDF layout
#
# pypdf gives each page as plain lines, hard-wrapped, with running headers and
# footers. The layout step rebuilds what the chunker needs: one line per
# paragraph or list item, words split at line ends joined again, and heading
# lines with a level, so PDF chunks get section labels like Markdown ones.


@dataclass(frozen=True)
class PdfLine:
    """One extracted line: its text, page and font size (0 when unknown)."""

    text: str
    page: int
    size: float = 0.0


_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)


def _page_lines(page: PageObject, number: int) -> list[PdfLine]:
    """A page's lines, each with the largest font size drawn on it."""
    segments: list[tuple[str, float]] = []

    def visit(text: str, cm: list, tm: list, font_dict: object, font_size: float) -> None:
        segments.append((text, _font_size(font_size, cm, tm)))

    raw = page.extract_text(visitor_text=visit) or ""
    rows = raw.split("\n")
    sizes = [0.0] * len(rows)
    # The visitor sees exactly the text returned, except on rare pages: sizes are then unknown.
    if "".join(text for text, _ in segments) == raw:
        row = 0
        for text, size in segments:
            for k, part in enumerate(text.split("\n")):
                row += k > 0
                if part.strip():
                    sizes[row] = max(sizes[row], size)
    lines = []
    for row, size in zip(rows, sizes, strict=True):
        text = unicodedata.normalize("NFC", row).translate(_LIGATURES)
        lines.append(PdfLine(" ".join(text.split()), number, size))
    return lines


def _font_size(font_size: float, cm: list, tm: list) -> float:
    """The size a text is drawn at: its font size scaled by the text and page matrices."""
    try:
        scale = abs((tm[0] * tm[3] - tm[1] * tm[2]) * (cm[0] * cm[3] - cm[1] * cm[2])) ** 0.5
        size = round(float(font_size) * scale, 1)
    except (TypeError, ValueError, IndexError, OverflowError):
        return 0.0
    return size if 0 < size < 1000 else 0.0


# A page number ("3", "- 3 -", "Page 3 sur 12", "3/12") or a browser's print stamp
# (a date and time, or a URL with the page count).
_FURNITURE = re.compile(
    r"(?:[-–—\s]*(?:page\s*)?\d{1,4}(?:\s*(?:/|sur|of|de)\s*\d{1,4})?[-–—\s]*"
    r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[:h]\d{2}(?:\s*[AP]M)?(?:\s+\S+)?"
    r"|(?:https?|file)://\S+(?:\s+\d{1,4}\s*/\s*\d{1,4})?)",
    re.IGNORECASE,
)
# Lines this close to the top or bottom of a page may be running headers or footers.
_EDGE_LINES = 3


def _drop_furniture(lines: list[PdfLine]) -> list[PdfLine]:
    """Remove page numbers, print stamps and lines repeated at the edge of most pages."""
    by_page: dict[int, list[int]] = {}
    for i, line in enumerate(lines):
        if line.text:
            by_page.setdefault(line.page, []).append(i)
    edges = {page: set(rows[:_EDGE_LINES] + rows[-_EDGE_LINES:]) for page, rows in by_page.items()}

    def keys(i: int) -> set[str]:
        # A running footer may hold its page number; other numbers ("Article 3") must match.
        text = lines[i].text.lower()
        if str(lines[i].page) in re.findall(r"\d+", text):
            return {text, re.sub(r"\d+", "#", text)}
        return {text}

    seen: dict[str, int] = {}
    for rows in edges.values():
        for k in set().union(*(keys(i) for i in rows)):
            seen[k] = seen.get(k, 0) + 1
    # A running header or footer is at the edge of most pages.
    least = max(2, (len(edges) + 1) // 2)
    furniture = {
        i
        for rows in edges.values()
        for i in rows
        if any(seen[k] >= least for k in keys(i)) or _FURNITURE.fullmatch(lines[i].text)
    }
    return [line for i, line in enumerate(lines) if i not in furniture]


_ROMAN = re.compile(r"(?:[IVX]{1,5})\s*[.)–-]\s+\S")
# "1. Objet", "2) Budget", "1.2 Durée", but not "1 à D. 5316-16" at the start of a line.
_ARABIC = re.compile(r"(\d{1,2}(?:\.\d{1,2}){1,3}\.?|\d{1,2}\s*[.)–-])\s+[^\W\d_]")
_LETTER = re.compile(r"[A-H]\s*[.)–-]\s+\S")
_SENTENCE_PUNCT = ".!?…:;»"
# Prefixes that keep their hyphen in French compounds ("socio-professionnelle").
_COMPOUND_PREFIXES = {
    "anti", "co", "contre", "demi", "ex", "extra", "intra", "médico", "mi", "multi", "non",
    "post", "pré", "quasi", "semi", "socio", "sous", "sur", "vice",
}  # fmt: skip
_COMPOUND_SUFFIXES = {"même", "mêmes", "ci", "là"}  # "lui-même", "celle-ci"


def _heading_style(text: str) -> str | None:
    """The numbering or casing that marks a heading, or None for a plain line."""
    if _ROMAN.match(text):
        return "I."
    if match := _ARABIC.match(text):
        return "1" + ".1" * (len(re.findall(r"\d+", match.group(1))) - 1)
    if _LETTER.match(text):
        return "A."
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return "CAPS"
    return None


@dataclass
class _Unit:
    """A paragraph, list item or heading being rebuilt from PDF lines."""

    text: str
    page: int
    heading: str | None = None  # its style ("I.", "1.1", "CAPS", "plain") or font size ("16.0pt")


def lay_out_pdf_lines(
    lines: list[PdfLine],
) -> tuple[str, list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Text, page spans and heading spans rebuilt from a PDF's extracted lines.

    The text has one line per heading, paragraph or list item; pages are
    separated by a blank line.
    """
    lines = _drop_furniture(lines)
    units = _units(lines)
    text_parts: list[str] = []
    pages: dict[int, list[int]] = {}
    headings: list[tuple[int, int, int]] = []
    levels = _heading_levels(units)
    offset = 0
    for i, unit in enumerate(units):
        if i:
            sep = "\n\n" if unit.page != units[i - 1].page else "\n"
            text_parts.append(sep)
            offset += len(sep)
        start, offset = offset, offset + len(unit.text)
        text_parts.append(unit.text)
        pages.setdefault(unit.page, [start, offset])[1] = offset
        if unit.heading is not None:
            headings.append((levels[unit.heading], start, offset))
    spans = [(page, a, b) for page, (a, b) in pages.items()]
    return "".join(text_parts), spans, headings


@dataclass(frozen=True)
class _Measure:
    """What is ordinary in one PDF: the text column's width and the body font size."""

    width: int  # in characters: lines about this long were wrapped
    body_size: float

    @classmethod
    def of(cls, lines: list[PdfLine]) -> _Measure:
        lengths = sorted(len(line.text) for line in lines)
        weights: dict[float, int] = {}
        for line in lines:
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
        return cls(lengths[(len(lengths) - 1) * 9 // 10], max(weights, key=weights.__getitem__))

    def full(self, line: PdfLine, share: float = 0.75) -> bool:
        return len(line.text) >= share * self.width

    def big(self, line: PdfLine) -> bool:
        return self.body_size > 0 and line.size >= 1.15 * self.body_size

    def bodylike(self, line: PdfLine) -> bool:
        text = line.text
        return self.full(line) or text[-1] in _SENTENCE_PUNCT or bool(_LIST_ITEM.match(text))


def _units(lines: list[PdfLine]) -> list[_Unit]:
    """Group lines into headings and paragraphs."""
    body = [line for line in lines if line.text]
    if not body:
        return []
    measure = _Measure.of(body)
    # Hyphenated words written on one line, to tell "socio-professionnelle" from "accompa-gnement".
    whole_text = "\n".join(line.text for line in body).lower()
    units: list[_Unit] = []
    open_unit = False  # whether the last unit is a paragraph that may go on
    prev: PdfLine | None = None
    for i, line in enumerate(lines):
        if not line.text:
            open_unit = False
            continue
        if measure.big(line) and len(line.text) <= 200:
            # A heading set in a larger font may wrap over several lines of the same size.
            style = f"{line.size}pt"
            if units and units[-1].heading == style and prev is not None and measure.big(prev):
                units[-1].text = _join(units[-1].text, line.text, whole_text)
            else:
                units.append(_Unit(line.text, line.page, style))
            open_unit, prev = False, line
            continue
        style = _text_heading(line, prev, _next_text(lines, i), measure)
        if style is not None:
            units.append(_Unit(line.text, line.page, style))
            open_unit, prev = False, line
            continue
        if open_unit and prev is not None and _continues(prev, line, measure):
            units[-1].text = _join(units[-1].text, line.text, whole_text)
        else:
            units.append(_Unit(line.text, line.page))
        open_unit, prev = True, line
    return units


def _next_text(lines: list[PdfLine], i: int) -> PdfLine | None:
    for line in lines[i + 1 :]:
        if line.text:
            return line
    return None


def _text_heading(
    line: PdfLine, prev: PdfLine | None, following: PdfLine | None, measure: _Measure
) -> str | None:
    """The style of a heading set in the body font, or None for an ordinary line."""
    text = line.text
    if (
        following is None
        or len(text) > 90
        or len(text.split()) > 12
        or text[-1] in _SENTENCE_PUNCT + ",-–"
        or not (text[0].isupper() or text[0].isdigit())
        or (prev is not None and _wraps(prev, measure))
    ):
        return None
    # A heading introduces body text (or a sub-heading), not the next row of a list or table.
    if not (
        measure.bodylike(following) or measure.big(following) or _heading_style(following.text)
    ):
        return None
    style = _heading_style(text)
    if style is None:
        if measure.full(line) or _LIST_ITEM.match(text):
            return None
        # A run of short lines (table rows, an address) is not a series of headings.
        if prev is not None and not (
            measure.bodylike(prev) or measure.big(prev) or _heading_style(prev.text)
        ):
            return None
        return "plain"
    # "1. …" next to "2. …" with no text between is a list or a table of contents.
    if style != "CAPS" and style in {
        _heading_style(following.text),
        prev and _heading_style(prev.text),
    }:
        return None
    return style


def _continues(prev: PdfLine, line: PdfLine, measure: _Measure) -> bool:
    """Whether ``line`` goes on with the paragraph (or heading) that ``prev`` ends."""
    if _LIST_ITEM.match(line.text) or _heading_style(line.text) in {"I.", "A."}:
        return False
    if prev.text[-1] in ":;":
        return False  # a list's lead-in or item, as in Markdown
    if prev.text[-1] in _SENTENCE_PUNCT:
        # A paragraph goes on after a sentence only from a full line on the same page.
        return measure.full(prev) and line.page == prev.page
    return _wraps(prev, measure) or line.text[0].islower()


def _wraps(prev: PdfLine, measure: _Measure) -> bool:
    """Whether ``prev`` was cut mid-sentence (a line cut short before a long word still is)."""
    return prev.text[-1] in "-\u00ad," or (
        prev.text[-1] not in _SENTENCE_PUNCT and measure.full(prev, 0.5)
    )


_WORD_END = re.compile(r"([^\W\d_]+)[-\u00ad]$")
_WORD_START = re.compile(r"[^\W\d_]+")


def _join(head: str, tail: str, whole_text: str) -> str:
    """Join a wrapped line to its paragraph, mending a word split at the line end."""
    split = _WORD_END.search(head)
    second = _WORD_START.match(tail)
    if head.endswith("\u00ad"):
        return head[:-1] + tail
    if split is None or second is None:
        # A hyphen after a digit ("L. 5316-") or before a capital ("Saint-") is not a break.
        return head + tail if head.endswith("-") and not head.endswith(" -") else f"{head} {tail}"
    first, rest = split.group(1), second.group()
    if not rest[0].islower() or rest in _COMPOUND_SUFFIXES:
        return head + tail
    compound = f"{first}-{rest}".lower()
    if compound in whole_text:
        return head + tail
    if re.search(rf"\b{re.escape(first + rest)}\b", whole_text, re.IGNORECASE):
        return head[:-1] + tail
    return head + tail if first.lower() in _COMPOUND_PREFIXES else head[:-1] + tail


def _heading_levels(units: list[_Unit]) -> dict[str, int]:
    """Level of each heading kind: larger fonts first, then "I." and capitals, then
    the other styles in order of use (as reStructuredText ranks its underlines)."""
    kinds = [u.heading for u in units if u.heading is not None]
    sizes = {float(kind[:-2]) for kind in kinds if kind.endswith("pt")}
    levels = {f"{size}pt": n for n, size in enumerate(sorted(sizes, reverse=True), start=1)}
    for kind in [k for k in ("I.", "CAPS") if k in kinds] + kinds:
        levels.setdefault(kind, len(levels) + 1)
    return levels


_FILE_NAME = re.compile(r"\S+\.(?:html?|pdf|docx?|odt|rtf|txt|pptx?|xlsx?)", re.IGNORECASE)
_GENERIC_TITLE = re.compile(r"(?:untitled|sans titre|document\d*|titre|title|\W*)", re.IGNORECASE)
_OFFICE_PREFIX = re.compile(r"^Microsoft (?:Word|PowerPoint|Excel)\s*-\s*", re.IGNORECASE)


def _pdf_title(
    meta: object,
    path: Path,
    text: str,
    pages: list[tuple[int, int, int]],
    headings: list[tuple[int, int, int]],
) -> str:
    """The metadata title, unless it is a file name or generic: then the first heading."""
    title = _OFFICE_PREFIX.sub("", " ".join(str(meta or "").split()))
    file_like = _FILE_NAME.fullmatch(title) or title.lower() in {
        path.name.lower(),
        path.stem.lower(),
    }
    if title and not file_like and not _GENERIC_TITLE.fullmatch(title):
        return title
    if headings:
        # The top-level heading of the first page with headings, not a breadcrumb above it.
        page_end = next(b for _, a, b in pages if a <= headings[0][1] < b)
        _, start, end = min((h for h in headings if h[1] < page_end), key=lambda h: h[0])
        return text[start:end]
    stem = " ".join(re.sub(r"[_.]+|(?<=\w)-(?=\w)", " ", path.stem).split())
    return stem[:1].upper() + stem[1:] if stem else path.name


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
