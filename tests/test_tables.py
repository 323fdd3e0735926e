"""Tables pasted as text: spreadsheet rows, CSV exports, Markdown."""

from __future__ import annotations

from decimal import Decimal

from o2r_assistant.tables import find_tables, number


def test_cells_hold_plain_numbers_in_french_writing() -> None:
    assert number("41 000") == Decimal(41000)
    assert number("**69 000**") == Decimal(69000)
    assert number("163 500,50 €") == Decimal("163500.50")
    assert number("1,6 ETP") is None and number("Personnel") is None


def test_prose_with_semicolons_is_no_table() -> None:
    text = "Nous sommes à Laval ; le projet dure trois ans.\nMerci ; bonne journée."
    assert find_tables(text) == []


def test_a_markdown_table_and_a_csv_export() -> None:
    markdown = find_tables(
        "| Poste | 2026 |\n|---|---:|\n| Personnel | 50 000 |\n| Loyer | 6 000 |"
    )
    assert markdown[0].header == ("2026",)
    assert [r.cells for r in markdown[0].rows] == [(Decimal(50000),), (Decimal(6000),)]
    csv = find_tables("poste;an 1;an 2\npersonnel;50000;52000\nautre ligne sans chiffres")
    assert csv[0].header == ("an 1", "an 2") and len(csv[0].rows) == 1
