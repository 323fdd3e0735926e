"""Places named in French text, the department table and the region's departments."""

from __future__ import annotations

import pytest

from o2r_assistant.departments import DEPARTMENT_CODE, DEPARTMENTS
from o2r_assistant.places import (
    Place,
    find_places,
    other_regions_call,
    place_mentions,
    region_departments,
)
from o2r_assistant.rules import load_rules


def test_department_code_pattern_is_the_table() -> None:
    candidates = [f"{n:02d}" for n in range(100)] + [str(n) for n in range(970, 980)]
    candidates += ["2A", "2B", "2C", "2a"]
    assert {c for c in candidates if DEPARTMENT_CODE.fullmatch(c)} == set(DEPARTMENTS)


def test_region_departments_are_the_territory_rule() -> None:
    territoire = next(rule for rule in load_rules() if rule.id == "territoire")
    assert region_departments() == territoire.param("departments") == ("44", "49", "53", "72", "85")


def test_place_mentions_give_offsets_in_the_original() -> None:
    text = "Actions à Saint-Nazaire et en Vendée (85)."
    mentions = place_mentions(text)
    assert [(text[start:end], place.department) for start, end, place in mentions] == [
        ("Saint-Nazaire", "44"),
        ("Vendée", "85"),
    ]


# --- places --------------------------------------------------------------------------


def test_gazetteer_shape() -> None:
    assert len(DEPARTMENTS) == 101
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(DEPARTMENTS)
    assert set(region_departments()) <= set(DEPARTMENTS)


def _codes(text: str) -> list[str | None]:
    return [place.department for place in find_places(text)]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("en Loire-Atlantique", ["44"]),
        ("en loire atlantique", ["44"]),
        ("dans le Maine-et-Loire", ["49"]),
        ("dans le Maine et Loire", ["49"]),
        ("en Indre-et-Loire", ["37"]),
        ("en Haute-Loire", ["43"]),
        ("en Vendee et en Sarthe", ["85", "72"]),
        ("Rennes (35)", ["35"]),
        ("une association du Finistère", ["29"]),
        ("dans les Côtes d’Armor", ["22"]),
        ("en Seine-St-Denis", ["93"]),
        ("à Saint-Nazaire", ["44"]),
        ("à St Nazaire", ["44"]),
        ("aux Sables-d'Olonne", ["85"]),
        ("à La Roche-sur-Yon", ["85"]),
        ("au Mans", ["72"]),
        ("du Mans et des Herbiers", ["72", "85"]),
        ("à Laval et Château-Gontier", ["53", "53"]),
        ("Sablé-sur-Sarthe", ["72"]),
        ("44000 Nantes", ["44"]),
        ("code postal 35000", ["35"]),
        ("(49100)", ["49"]),
        ("dans le 49", ["49"]),
        ("département 44", ["44"]),
        ("départements 44 et 85", ["44", "85"]),
        ("(44, 49)", ["44", "49"]),
        ("en Corse-du-Sud (2A)", ["2A"]),
        ("à la Réunion", ["974"]),
        ("en Guadeloupe", ["971"]),
        ("dans le Cher", ["18"]),
        # An administration's name is no organisation's.
        ("Le Département du Nord nous finance", ["59"]),
        # After an English preposition too.
        ("a little in Orne, next to the Sarthe", ["61", "72"]),
        ("la Loire (42)", ["42"]),
        ("le département de la Loire", ["42"]),
        ("Tours et Orléans", ["37", "45"]),
        ("en Bretagne", [None]),
        ("en Île-de-France", [None]),
        ("en Centre-Val de Loire", [None]),
        ("en Nouvelle-Aquitaine", [None]),
        ("en Pays de la Loire", [None]),
        # Codes given as examples after the word, in French or English.
        ("sur 2 departements genre 44 et 85", ["44", "85"]),
        ("deux départements, par exemple 53 et 72", ["53", "72"]),
        ("two departments like 49 and 72", ["49", "72"]),
        # A part of a département named by its number.
        ("sur le 53 et le sud du 61", ["53", "61"]),
        ("on couvre une partie du 44", ["44"]),
        # Typed in a hurry, or the subject of a question on the zone; not a date.
        ("nous on est ds le 35 a 10 min", ["35"]),
        ("le 44 c dans la zone ?", ["44"]),
        ("le 72 c'est bien inclus ?", ["72"]),
        ("le 12 c bien ?", []),
    ],
)
def test_find_places(text: str, codes: list[str | None]) -> None:
    assert _codes(text) == codes


@pytest.mark.parametrize(
    "text",
    [
        "44 jeunes accompagnés",
        "les bords de Loire",
        "la Loire à vélo",
        "un accord avec la mission locale et Cap emploi",
        "c'est trop cher",
        "la somme de 12 000 €",
        "un lot de 35 ordinateurs",
        "12000 personnes",
        "une aide de 44000 €",
        "aller vers le nord",
        # An organisation named after a department, signing its message.
        "Léa, pour Les Passerelles du Nord",
        "l'association Les Amis de la Manche",
        "we work in the north of town",
        "des tours de quartier",
        "France Travail",
        "15 structures",
        "la réunion du 12 au 14 mars",
    ],
)
def test_place_false_positives(text: str) -> None:
    assert find_places(text) == []


def test_region_is_not_the_loire_department() -> None:
    (place,) = find_places("Nous agissons en Pays de la Loire.")
    assert place == Place("Pays de la Loire", None, None, True)
    (place,) = find_places("Bretagne")
    assert place.in_region is False and place.department is None


def test_place_records() -> None:
    places = find_places("Nantes (44) et Angers")
    assert places == [
        Place("Nantes", "44", "Loire-Atlantique", True),
        Place("Angers", "49", "Maine-et-Loire", True),
    ]
    rennes = find_places("Rennes")[0]
    assert rennes.department_name == "Ille-et-Vilaine" and not rennes.in_region


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("Quel plancher fixe l'AMI O2R de la région Normandie ?", "Normandie"),
        ("What does the Occitanie call require?", "Occitanie"),
        # The call by its full name, or the scheme as run in another region.
        ("Quel est l'appel à projets O2R en Bretagne ?", "Bretagne"),
        ("l'O2R en Occitanie finance quoi ?", "Occitanie"),
        ("Notre projet O2R en Bretagne est-il éligible ?", None),
        # Where the candidate is, or the region's own call, is no other call.
        ("Nous sommes en Bretagne : pouvons-nous répondre à l'AMI ?", None),
        ("Peut-on répondre à l'AMI depuis la Normandie ?", None),
        ("Que fixe l'AMI O2R Pays de la Loire ?", None),
    ],
)
def test_another_regions_call(text: str, region: str | None) -> None:
    assert other_regions_call(text) == region
