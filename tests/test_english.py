"""The English lead of an answer quoting the French texts: their figures, in English."""

from __future__ import annotations

import pytest

from o2r_assistant.english import figures_line


@pytest.mark.parametrize(
    ("quote", "line"),
    [
        (
            "L'accompagnement intensif dure au maximum douze mois pour une même personne.",
            "Key figure: at most 12 months.",
        ),
        (
            "Le coût total du projet ne pourra pas être inférieur à 150 000 € sur 3 ans.",
            "Key figures: at least €150,000; 3 years.",
        ),
        ("La convention est conclue pour une durée de trois ans.", "Key figure: 3 years."),
        ("Un parcours de 18 mois, puis un suivi d'un an.", "Key figures: 18 months; 1 year."),
        # A date names a text more often than it states a fact: left out.
        ("Le décret du 24 juin 2024 est entré en vigueur le 26 juin 2024.", None),
        ("Les dépenses de formation ne sont pas éligibles.", None),
    ],
)
def test_the_figures_of_a_quote_are_said_in_english(quote: str, line: str | None) -> None:
    assert figures_line(quote) == line
