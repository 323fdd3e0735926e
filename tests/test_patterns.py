"""The pattern table format: names, continued lines, comments, flags."""

from __future__ import annotations

import re

import pytest

from o2r_assistant.patterns import accent_lenient, lenient, pattern_table
from o2r_assistant.question import analyse


def test_a_table_compiles_each_named_pattern_with_its_continued_lines() -> None:
    table = pattern_table(
        r"""
# a comment line is skipped
min: \bminim|\bplancher
    # so is an indented one between continued lines
    |\bau moins\b
year: (20[0-9]{2})[ ]+$
""",
        re.I,
    )
    assert list(table) == ["min", "year"]
    assert table["min"].pattern == r"\bminim|\bplancher|\bau moins\b"
    assert table["min"].flags & re.I
    assert table["min"].search("AU MOINS 10 mois")
    assert table["year"].search("en 2025 ")
    assert not table["year"].search("en 2025")


@pytest.mark.parametrize(
    "table",
    [
        "    |\\bcontinued before any name",
        "a: x\na: y",  # the same name twice
        "no colon here",
        "two words: x",
    ],
)
def test_a_malformed_table_is_refused(table: str) -> None:
    with pytest.raises(ValueError, match="pattern table"):
        pattern_table(table)


def test_accent_lenient_patterns_match_text_typed_without_accents() -> None:
    pattern = lenient(r"\bdurée\b|\bquand\b(?! même)", re.I)
    assert pattern.search("la duree max ?") and pattern.search("la durée max ?")
    assert not pattern.search("il doit quand meme venir")
    # Inside a character class nothing changes: "[à-ÿ]" stays a range.
    assert accent_lenient(r"[a-zà-ÿ]é") == r"[a-zà-ÿ][ée]"


def test_kinds_are_read_in_messages_typed_without_accents() -> None:
    assert analyse("la duree max d'un parcours c combien ?").kinds == ("duration",)
    assert analyse("on doit quand meme les inscrire ?").kinds == ()
