"""Regular expressions written as a table: the recognisers' cue words and phrasings.

Question analysis, fact extraction and answer matching each hold a series of long
alternations. Written as ``re.compile`` calls they bury the patterns under raw-string
pieces and flags; a table gives each pattern a line ``name: pattern``, continued on
indented lines, with the flags said once for the whole table.
"""

from __future__ import annotations

import re

# Each accented letter and the bare one people type instead ("duree", "deja", "meme").
_BARE = dict(zip("éèêëàâçîïôùû", "eeeeaaciiouu", strict=True))


def accent_lenient(source: str) -> str:
    """``source`` with each accented letter outside a character class also matching
    its bare letter: messages typed without accents still match."""
    out: list[str] = []
    in_class = escaped = False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif not in_class and char.lower() in _BARE:
            out.append(f"[{char}{_BARE[char.lower()]}]")
            continue
        out.append(char)
    return "".join(out)


def lenient(source: str, flags: int = 0) -> re.Pattern[str]:
    """Compile ``source`` so that it matches with or without accents."""
    return re.compile(accent_lenient(source), flags)


def pattern_table(
    table: str, flags: int = 0, *, accents_optional: bool = False
) -> dict[str, re.Pattern[str]]:
    """Compile the patterns of ``table``, by name, in order.

    A line ``name: pattern`` starts a pattern; an indented line continues the one
    above, joined without its indentation (write a space at a line's end or start
    as ``[ ]``); blank lines and comment lines (``#`` first, indented or not) are
    skipped, so a comment never becomes part of a pattern.
    ``accents_optional``: each pattern also matches text typed without accents.
    """
    sources: dict[str, str] = {}
    name = None
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0].isspace():
            if name is None:
                raise ValueError(f"pattern table: continued line before any name: {line!r}")
            sources[name] += line.strip()
            continue
        name, colon, pattern = line.partition(": ")
        if not colon or not name.isidentifier() or name in sources:
            raise ValueError(f"pattern table: expected a new 'name: pattern' line: {line!r}")
        sources[name] = pattern.rstrip()
    compile_ = lenient if accents_optional else re.compile
    return {name: compile_(source, flags) for name, source in sources.items()}
