"""Text-message spellings: pure functions."""

from __future__ import annotations

import pytest

from o2r_assistant.spelling import spelled_out


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        (
            "c koi le seuil mini du budget pr l'AMI ?",
            "c koi le seuil minimum du budget pour l'AMI ?",
        ),
        ("Pr le budget, cb faut-il ?", "Pour le budget, combien faut-il ?"),
        ("what r the 3 missions?", "what are the 3 missions?"),
        ("can u tell me abt the budget pls", "can you tell me about the budget please"),
        (
            "faut vrmt avoir de l'xp ds l'insertion ?",
            "faut vraiment avoir de l'expérience dans l'insertion ?",
        ),
        (
            "ils ont la sécu pendant le parcours ?",
            "ils ont la sécurité sociale pendant le parcours ?",
        ),
        ("min budget?? and max length", "minimum budget?? and maximum length"),
    ],
)
def test_text_message_spellings_are_written_out(typed, read):
    assert spelled_out(typed) == read


@pytest.mark.parametrize(
    "kept",
    [
        "NB : le budget est joint.",  # capitals: a note, not "nombre"
        "Le plan C prévoit un mini-bus.",  # part of a word
        "Voir l'annexe c, point 2.",
        "Le porteur du projet (PR) signe.",
        "A r B",  # "r" outside a question
        "Un entretien de 10 min.",  # a unit after its number
        "Parcours de 8 mois max par personne.",  # a note's bound after a duration
        "Trois trimestres max.",
        "Cordialement, Max Dupont",  # a name
    ],
)
def test_other_words_are_kept(kept):
    assert spelled_out(kept) == kept
