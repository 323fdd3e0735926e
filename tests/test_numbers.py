"""French numbers: number words, amounts of money and durations."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from o2r_assistant.checker import format_eur
from o2r_assistant.errors import LLMError
from o2r_assistant.llm import Generated, check_numbers
from o2r_assistant.numbers import (
    DATE_RANGE,
    DURATION,
    NUMBER_WORDS,
    find_amounts,
    find_months,
    months_of,
    parse_amount,
    range_months,
    word_value,
)
from o2r_assistant.text import fold

NBSP, NNBSP = "\u00a0", "\u202f"


def test_number_words() -> None:
    assert NUMBER_WORDS["dix-huit"] == 18
    assert NUMBER_WORDS["vingt et un"] == 21
    assert word_value("trente six") == 36
    assert word_value("quarante et une") == 41


# --- amounts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("150 000 €", 150000),
        ("150.000 euros", 150000),
        ("150 000,00 €", 150000),
        ("150k€", 150000),
        ("150 k€", 150000),
        ("150 K€", 150000),
        ("150 kEUR", 150000),
        ("0,15 M€", 150000),
        ("1,2 million d'euros", 1200000),
        ("1,2 million d’euros", 1200000),
        ("2 millions d'euros", 2000000),
        ("deux millions d'euros", 2000000),
        ("120000€", 120000),
        ("120000 EUR", 120000),
        (f"150{NBSP}000{NBSP}€", 150000),
        (f"150{NNBSP}000{NNBSP}€", 150000),
        ("1 234,50 €", Decimal("1234.50")),
        ("12,5 k€", 12500),
        ("150 mille euros", 150000),
        # In words: each word adds to the number or multiplies what precedes it.
        ("deux cent quarante mille euros", 240000),
        ("quatre-vingt-quinze mille euros", 95000),
        ("un million trois cent mille euros", 1300000),
        # Thousands in words alone, as "150 mille" in figures.
        ("cent cinquante mille", 150000),
        ("one hundred and seventy-five thousand euros", 175000),
        ("0 €", 0),
        ("150 000", 150000),
    ],
)
def test_parse_amount(text: str, value: int | Decimal) -> None:
    assert parse_amount(text) == Decimal(value)


@pytest.mark.parametrize(
    "text", ["", "beaucoup", "€", "2025 60 000 €", "3 ans", "1" * 40, "deux mille vingt-cinq"]
)
def test_parse_amount_rejects(text: str) -> None:
    assert parse_amount(text) is None


@pytest.mark.parametrize(
    ("amount", "text"),
    [(150000, "150 000 €"), (0, "0 €"), (999, "999 €"), (Decimal("1234.5"), "1 234,50 €")],
)
def test_format_eur(amount, text: str) -> None:
    assert format_eur(amount) == text


@settings(max_examples=200, deadline=1000)
@given(st.integers(min_value=0, max_value=10**9))
def test_amount_round_trip(n: int) -> None:
    assert parse_amount(format_eur(n)) == n
    grouped = f"{n:,}"
    for text in (
        grouped.replace(",", ".") + " euros",
        grouped.replace(",", NBSP) + NBSP + "€",
        grouped.replace(",", NNBSP) + " EUR",
        f"{n}€",
        grouped.replace(",", " ") + ",00 €",
    ):
        assert parse_amount(text) == n, text
    if n % 1000 == 0:
        assert parse_amount(f"{n // 1000} k€") == n


def test_find_amounts() -> None:
    text = "En 2025 60 000 €, puis 1,2 M€ et deux millions d'euros ; 44 jeunes."
    amounts = find_amounts(fold(text))
    assert [(a.value, a.scaled) for a in amounts] == [
        (Decimal(60000), False),
        (Decimal(1200000), True),
        (Decimal(2000000), True),
    ]
    assert text[amounts[0].start : amounts[0].end] == "60 000 €"


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("12 mois", 12),
        ("3 ans", 36),
        ("trois années", 36),
        ("dix-huit mois", 18),
        ("deux ans et demi", 30),
        ("2,5 ans", 30),
        ("1 an", 12),
    ],
)
def test_duration_months(text: str, months: int) -> None:
    match = DURATION.fullmatch(fold(text))
    assert match is not None and months_of(match) == months


def test_find_months() -> None:
    assert find_months(fold("Sur 3 ans, 18 mois par personne, 1,5 mois")) == [36, 18]
    assert find_months(fold("0 mois, trois cents personnes")) == []


def test_generated_figures_are_read_as_the_extractor_reads_them() -> None:
    # An amount after a year, a spelled-out amount and "un an et demi" are all read.
    cited = ["En 2025 60 000 €, deux millions d'euros, sur 18 mois."]
    check_numbers(Generated("60 000 €, 2 000 000 € et un an et demi [1].", [1]), cited)
    with pytest.raises(LLMError):
        check_numbers(Generated("50 000 € [1].", [1]), cited)


@pytest.mark.parametrize(
    ("text", "value"),
    [("budget : 200k sur 36 mois", 200_000), ("on prevoit 25 k pour le permis", 25_000)],
)
def test_a_thousands_suffix_alone_is_an_amount(text: str, value: int) -> None:
    assert [a.value for a in find_amounts(text)] == [value]


@pytest.mark.parametrize("text", ["5k personnes accompagnees", "a 3 km du centre"])
def test_a_thousands_suffix_on_people_or_distance_is_no_amount(text: str) -> None:
    assert find_amounts(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [("a budget of €40,000", 40_000), ("eur 45k a year", 45_000), ("€1.2 million", 1_200_000)],
)
def test_a_currency_before_the_number(text: str, value: int) -> None:
    assert [a.value for a in find_amounts(fold(text))] == [value]


def test_a_currency_ending_an_amount_starts_none() -> None:
    assert [a.value for a in find_amounts(fold("150 000 € 40 personnes"))] == [150_000]


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("three years", 36),
        ("18 months", 18),
        ("two-year", 24),
        # A span stressed is the same span.
        ("two full years", 24),
        ("deux bonnes années", 24),
    ],
)
def test_english_durations(text: str, months: int) -> None:
    match = DURATION.fullmatch(fold(text))
    assert match is not None and months_of(match) == months


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("du 1er mars 2026 au 28 février 2029", 36),
        ("de septembre 2025 à août 2027", 24),
        ("from April 2026 until March 2029", 36),
        ("du 01/10/2025 au 30/09/2026", 12),
        # A year's start or end, for a month.
        ("du 1er mars 2026 jusqu'à fin 2028", 34),
        ("de début 2026 à fin 2027", 24),
        ("from June 2026 to the end of 2028", 31),
        ("de juin 2026 à juin 2026", 1),
        # An end before the start, or a day the month has not, is no period.
        ("de mars 2027 à mars 2026", None),
        ("du 30 février 2026 au 1er mars 2027", None),
    ],
)
def test_the_months_between_two_dates(text: str, months: int | None) -> None:
    match = DATE_RANGE.search(fold(text))
    assert match is not None and range_months(match) == months


def test_abbreviated_lengths_are_lengths() -> None:
    assert find_months(fold("budget over 3 yrs, 18 mths per person, 12 mos max")) == [36, 18, 12]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("une dizaine de milliers d'euros iraient a la formation", 10_000),
        ("deux centaines de milliers d'euros au total", 200_000),
        ("une vingtaine de mille euros", 20_000),
    ],
)
def test_a_collective_numeral_of_thousands_is_an_amount(text: str, value: int) -> None:
    assert [a.value for a in find_amounts(fold(text))] == [value]


def test_a_collective_numeral_of_people_is_no_amount() -> None:
    assert find_amounts(fold("une dizaine de personnes, des milliers d'heures")) == []
