"""Regular expressions written as a table: the recognisers' cue words and phrasings.

Question analysis, fact extraction and answer matching each hold a series of long
alternations. Written as ``re.compile`` calls they bury the patterns under raw-string
pieces and flags; a table gives each pattern a line ``name: pattern``, continued on
indented lines, with the flags said once for the whole table.
"""

from __future__ import annotations

import re


def pattern_table(table: str, flags: int = 0) -> dict[str, re.Pattern[str]]:
    """Compile the patterns of ``table``, by name, in order.

    A line ``name: pattern`` starts a pattern; an indented line continues the one
    above, joined without its indentation (write a space at a line's end or start
    as ``[ ]``); blank lines and lines starting with ``#`` are skipped.
    """
    sources: dict[str, str] = {}
    name = None
    for line in table.splitlines():
        if not line.strip() or line.startswith("#"):
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
    return {name: re.compile(source, flags) for name, source in sources.items()}
