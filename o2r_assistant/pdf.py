"""PDF text: read a PDF with pypdf and rebuild its layout for the chunker.

The reader runs in a child process started by the corpus loader
(``corpus._load_pdf``); the layout step turns pypdf's hard-wrapped lines into
paragraphs, list items and levelled headings.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .corpus import _LIST_ITEM
from .errors import DocumentError

if TYPE_CHECKING:
    from pypdf import PageObject

# A real PDF for this corpus has tens of pages; thousands means a bomb or a mistake.
MAX_PDF_PAGES = 500


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
