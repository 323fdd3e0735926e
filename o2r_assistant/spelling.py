"""Text-message spellings read as the words they stand for.

"c koi le seuil mini du budget pr l'AMI ?" asks what "c koi le seuil minimum du budget
pour l'AMI ?" asks: question reading, retrieval and sentence scoring see the words the
texts use. Only whole words that mean nothing else in a question about the call are read
this way, and never one typed in capitals ("NB :", "PB" as a name). The question's own
reading knows "c koi" and "c quoi"; writing out "c" or "koi" here lost more questions than
it gained (measured with `o2r eval`).
"""

from __future__ import annotations

import re

from .numbers import NUMBER_WORD_PATTERN
from .text import fold

# Common French and English text-message spellings and clipped words.
_SPELLED_OUT = {
    "pr": "pour",
    "ds": "dans",
    "kan": "quand",
    "qd": "quand",
    "cb": "combien",
    "cmb": "combien",
    "bcp": "beaucoup",
    "tt": "tout",
    "tjrs": "toujours",
    "tjs": "toujours",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "pb": "problème",
    "pbm": "problème",
    "mm": "même",
    "ms": "mais",
    "ns": "nous",
    "dc": "donc",
    "tps": "temps",
    "mini": "minimum",
    "maxi": "maximum",
    # Typed in lower case and not after a number: "10 min" is ten minutes, "Max" a name.
    "min": "minimum",
    "max": "maximum",
    "oblig": "obligatoire",
    "dispo": "disponible",
    "xp": "expérience",
    "secu": "sécurité sociale",
    "sécu": "sécurité sociale",
    "vrmt": "vraiment",
    "u": "you",
    "ur": "your",
    "abt": "about",
    "pls": "please",
    "plz": "please",
}
# A whole word, or one after an elided article ("de l'xp").
_WORD = re.compile(
    r"(?:(?<![\w'’-])|(?<=\b[dl]['’]))(" + "|".join(_SPELLED_OUT) + r")(?![\w'’-])", re.I
)
_LOWER_CASE_ONLY = frozenset({"min", "max"})
# Right after a number, or a number and its unit, "min" and "max" are a unit or a note's
# bound ("10 min", "8 mois max"), which the reading of durations knows.
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{NUMBER_WORD_PATTERN})\b)\S*(?:\s+[^\s\d]+)?\s*$")
# "what r the missions?": "r" between a wh-word and a determiner is "are".
_ARE = re.compile(
    r"\b(what|which|who|where|how|when)\s+r\b(?=\s+(?:the|they|there|we|you)\b)", re.I
)


def spelled_out(text: str) -> str:
    """``text`` with its text-message spellings written out."""
    return _ARE.sub(r"\1 are", _WORD.sub(_written_out, text))


# How far before "min" or "max" a number and its unit are looked for.
_NUMBER_REACH = 40


def _written_out(match: re.Match[str]) -> str:
    typed = match[1]
    if typed.isupper():
        return typed
    if typed.lower() in _LOWER_CASE_ONLY and (
        not typed.islower()
        or _NUMBER_BEFORE.search(
            fold(match.string[max(0, match.start() - _NUMBER_REACH) : match.start()])
        )
    ):
        return typed
    return _keep_case(typed, _SPELLED_OUT[typed.lower()])


def _keep_case(typed: str, word: str) -> str:
    """A capitalised "Pr" becomes "Pour"."""
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word
