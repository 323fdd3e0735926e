"""English words read as the French words of the texts they spell by their endings."""

from __future__ import annotations

import pytest

from o2r_assistant.cognates import cognate, french_spellings

KNOWN = frozenset(
    {
        "mobilite",
        "beneficiaires",
        "complementaire",
        "territoire",
        "economique",
        "membres",
        "operateurs",
        "prive",
        "candidat",
    }
)


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("mobility", "mobilite"),
        ("beneficiaries", "beneficiaires"),
        ("complementary", "complementaire"),
        ("territory", "territoire"),
        ("economic", "economique"),
        ("members", "membres"),
        ("operators", "operateurs"),
        ("private", "prive"),
        ("candidate", "candidat"),
    ],
)
def test_an_english_word_spells_the_french_word_of_its_ending(english, french):
    assert cognate(english, KNOWN) == french


@pytest.mark.parametrize(
    "word",
    [
        "mobilite",  # already a word of the texts
        "enter",  # too short to tell from a French word by chance ("entre")
        "housing",  # no French word of the texts by its ending
    ],
)
def test_no_cognate(word):
    assert cognate(word, KNOWN | {"entre"}) is None


def test_the_longest_ending_is_read_first():
    # "-ities" before "-y": "activities" is "activites", not "activitiie".
    assert next(french_spellings("activities")) == "activites"
