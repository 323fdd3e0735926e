"""Tables pasted into a message: a spreadsheet copied as text, a CSV export, Markdown.

Candidates paste their budget as they have it: columns separated by tabs, by
semicolons, by pipes or by runs of spaces, numbers without a currency sign.
A table is a run of at least two lines that split into the same number of cells
(two or more), with numbers in its cells. Its first line may name the columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .text import fold

# Cells: a pipe (Markdown), a tab, a semicolon, or two spaces or more.
_SEPARATOR = re.compile(r"\s*\|\s*|\t+|\s*;\s*|\s{2,}")
_MARKDOWN_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# "41 000", "5 000 €", "163 500,00", "**69 000**", "52000", "0 €"
_NUMBER = re.compile(
    r"^\**\s*(-?\d{1,3}(?:[  .]\d{3})+|-?\d+)(?:,(\d{1,2}))?\s*(?:€|eur|euros)?\s*\**$"
)
# A column or row named after a year of the project: "2025", "Année 1", "**year 2**".
_YEAR_LABEL = re.compile(r"20[0-9]{2}|(?:annee|an|year)[ ]*[1-5]")


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[Decimal | None, ...]  # the cells after the label, None where not a number


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]  # the first line's cells after its first, or () when numeric
    rows: tuple[Row, ...]


def number(cell: str) -> Decimal | None:
    """The value of a table cell, or None when it holds no plain number."""
    match = _NUMBER.match(cell.strip())
    if not match:
        return None
    digits = re.sub(r"[  .]", "", match.group(1))
    try:
        return Decimal(f"{digits}.{match.group(2)}" if match.group(2) else digits)
    except InvalidOperation:
        return None


def _cells(line: str) -> list[str]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped.strip("|")
    return [c.strip() for c in _SEPARATOR.split(stripped) if c.strip()]


def find_tables(text: str) -> list[Table]:
    """Every table of ``text``, in order."""
    tables: list[Table] = []
    block: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if _MARKDOWN_RULE.match(line) and block:
            continue
        cells = _cells(line)
        if len(cells) >= 2 and (not block or len(cells) == len(block[0])):
            block.append(cells)
            continue
        table = _table(block)
        if table:
            tables.append(table)
        block = [cells] if len(cells) >= 2 else []
    return tables


def _table(block: list[list[str]]) -> Table | None:
    if len(block) < 2:
        return None
    first = block[0]
    numeric_header = any(number(c) is not None and not is_year_label(c) for c in first[1:])
    header = () if numeric_header else tuple(first[1:])
    rows = tuple(
        Row(label=cells[0], cells=tuple(number(c) for c in cells[1:]))
        for cells in (block if numeric_header else block[1:])
    )
    if not any(v is not None for row in rows for v in row.cells):
        return None
    return Table(header=header, rows=rows)


def is_year_label(label: str) -> bool:
    """Whether a header or row label names a year ("2025", "Année 1")."""
    return bool(_YEAR_LABEL.fullmatch(fold(label).strip(" *")))
