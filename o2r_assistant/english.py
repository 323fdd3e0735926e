"""What an English question is told in English: the figures of its French quote.

The texts are French and no translation model runs here, so an answer in English
quotes them in French. Its lead says in English what needs no translation: each
amount and duration the quote states, with the bound the sentence sets on the
first one ("at most 12 months", "at least €150,000"). Dates are left out: here they
mostly name a text ("décret du 24 juin 2024") and read the same in both languages.
"""

from __future__ import annotations

import re

from .numbers import DURATION, find_amounts, months_of
from .scope import bound
from .text import fold

_BOUND = {"upper": "at most", "lower": "at least"}
_YEARS = ("an", "annee", "year")


def _duration(match: re.Match[str]) -> str | None:
    months = months_of(match)
    if months is None:
        return None
    if match.group("u").startswith(_YEARS) and months % 12 == 0:
        years = months // 12
        return f"{years} year" + ("s" if years > 1 else "")
    return f"{months} month" + ("s" if months > 1 else "")


def figures(quote: str) -> list[str]:
    """The quote's amounts and durations in English, in the order stated."""
    folded = fold(quote)
    found: list[tuple[int, str]] = [
        (a.start, f"€{a.value:,.0f}") for a in find_amounts(folded) if a.value == int(a.value)
    ]
    found += [(m.start(), text) for m in DURATION.finditer(folded) if (text := _duration(m))]
    seen: list[str] = []
    for _, text in sorted(found):
        if text not in seen:
            seen.append(text)
    if seen and (end := bound(quote)):
        seen[0] = f"{_BOUND[end]} {seen[0]}"
    return seen


def figures_line(quote: str) -> str | None:
    """ "Key figure: at most 12 months." when the quote states any figure."""
    stated = figures(quote)
    if not stated:
        return None
    return f"Key figure{'s' if len(stated) > 1 else ''}: {'; '.join(stated)}."
