"""Redaction of e-mail addresses, phone numbers and recognisable names; places are kept."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from o2r_assistant.places import find_places
from o2r_assistant.privacy import redact
from o2r_assistant.sanitize import clean_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jean Dupont-Testeur, tél 06 12 34 56 78, jean.dupont@exemple.fr",
            "[nom], tél [téléphone], [e-mail]",
        ),
        (
            "Bonjour, je m'appelle Marie Le Goff et je porte un projet à Nantes.",
            "Bonjour, je m'appelle [nom] et je porte un projet à Nantes.",
        ),
        ("Mon nom est Paul Martin.", "Mon nom est [nom]."),
        ("Je suis Mme Durand, à Cholet (49).", "Je suis Mme [nom], à Cholet (49)."),
        (
            "Quel est le coût minimum ? Cordialement, Paul Martin",
            "Quel est le coût minimum ? Cordialement, [nom]",
        ),
        ("Merci d'avance.\nClaire MARTIN\n02 40 11 22 33", "Merci d'avance.\n[nom]\n[téléphone]"),
        (
            "Appelez le +33 (0)6 12 34 56 78 ou le 0033 6 12 34 56 78.",
            "Appelez le [téléphone] ou le [téléphone].",
        ),
        ("Écrire à mailto:a.b+o2r@c-d.gouv.fr ou 0612345678", "Écrire à [e-mail] ou [téléphone]"),
        ("Bonjour Jean Dupont, tél. 06.12.34.56.78", "Bonjour [nom], tél. [téléphone]"),
    ],
)
def test_redacts_what_is_recognisable(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Cordialement,\nSaint-Nazaire",
        "Merci, Nantes",
        "Je suis à Nantes : le projet est-il éligible ?",
        "Association Cap Avenir, tél [téléphone]",
        "Le projet coûte 150 000 € sur 36 mois à Laval (53), décret n° 2024-584, 44000.",
        "Le chef de file est l'association Alpha Beta ; SIRET 123 456 789 00012.",
        "Monsieur le Directeur, combien de parcours ?",
        "je m appelle jean et je voudrais savoir",  # not reliable without capitals: kept
    ],
)
def test_keeps_places_amounts_organisations_and_unsure_names(text: str) -> None:
    assert redact(text) == text


PLACES = ["Nantes", "Saint-Nazaire", "Angers", "Le Mans", "Laval", "La Roche-sur-Yon", "Cholet"]
LEADS = ["Cordialement, ", "Merci.\n", "je m'appelle ", "Madame ", "", "Bien à vous\n"]


@settings(max_examples=150, deadline=None)
@given(
    lead=st.sampled_from(LEADS),
    place=st.sampled_from(PLACES),
    tail=st.sampled_from(["", ", tél 02 40 00 00 00", " jean@exemple.fr", " (44)", "."]),
    noise=st.text(max_size=40),
)
def test_the_checker_sees_the_same_places(lead: str, place: str, tail: str, noise: str) -> None:
    text = clean_text(f"{noise} {lead}{place}{tail}")
    assert find_places(redact(text)) == find_places(text)


@settings(max_examples=200, deadline=None)
@given(
    before=st.text(max_size=30),
    user=st.from_regex(r"[a-z][a-z0-9._-]{0,12}", fullmatch=True),
    digits=st.from_regex(r"0[1-9]( ?[0-9]{2}){4}", fullmatch=True),
    after=st.text(max_size=30),
)
def test_no_address_or_number_survives(before: str, user: str, digits: str, after: str) -> None:
    text = f"{before} {user}@exemple.fr {digits} {after}"
    redacted = redact(text)
    assert f"{user}@exemple.fr" not in redacted and digits not in redacted
    assert not re.search(r"\w@exemple\.fr", redacted)
