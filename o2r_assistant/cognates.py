"""English words read as the French words they resemble.

The texts are French; an English question's words find them only through the phrase
and word tables or the dense model. Most of the call's learned vocabulary crosses the
language by regular endings ("mobility": "mobilité", "beneficiaries": "bénéficiaires",
"complementary": "complémentaire", "operator": "opérateur", "private": "privé"), so an
unknown word whose French spelling by those endings is a word of the texts is that word.
The endings are rules of the two languages, not a list of the questions seen.
"""

from __future__ import annotations

from collections.abc import Iterator

# English ending, then its French spellings (accent-folded), longest endings first.
ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ically", ("iquement",)),
    ("ously", ("eusement",)),
    ("ities", ("ites",)),
    ("aries", ("aires",)),
    ("ories", ("oires",)),
    ("ally", ("alement",)),
    ("ical", ("ique",)),
    ("ised", ("ise", "isee", "ises", "isees")),
    ("ized", ("ise", "isee", "ises", "isees")),
    ("ity", ("ite",)),
    ("ary", ("aire",)),
    ("ory", ("oire",)),
    ("ics", ("iques",)),
    ("ive", ("if", "ive")),
    ("ous", ("eux", "euse")),
    ("ise", ("iser",)),
    ("ize", ("iser",)),
    ("ism", ("isme",)),
    ("ist", ("iste",)),
    ("als", ("els", "aux")),
    ("ers", ("res",)),
    ("ors", ("eurs",)),
    ("ate", ("e", "at")),
    ("ic", ("ique",)),
    ("al", ("el", "elle", "ale")),
    ("er", ("re",)),
    ("or", ("eur",)),
    ("ed", ("e", "ee", "es", "ees")),
    ("y", ("ie",)),
    ("", ("e", "es")),
)
# Shorter English words match French ones by chance ("enter": "entre").
MIN_LENGTH = 6


def french_spellings(word: str) -> Iterator[str]:
    """The accent-folded French spellings of an English ``word`` by its ending."""
    for ending, french in ENDINGS:
        if word.endswith(ending):
            base = word[: len(word) - len(ending)] if ending else word
            for tail in french:
                yield base + tail


def cognate(word: str, known: frozenset[str]) -> str | None:
    """The word of ``known`` (accent-folded French) that English ``word`` spells."""
    if len(word) < MIN_LENGTH or word in known:
        return None
    return next((w for w in french_spellings(word) if w in known), None)
