"""Places named in French text: departments, postal codes, main towns and regions.

The region's departments are the ``territoire`` rule's parameter in
``data/rules.yaml``; nothing else lists them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from o2r_assistant.departments import DEPARTMENT_CODE, DEPARTMENTS
from o2r_assistant.numbers import CURRENCY
from o2r_assistant.rules import load_rules
from o2r_assistant.text import fold

__all__ = ["REGION_NAME", "Mention", "Place", "find_places", "place_mentions", "region_departments"]

REGION_NAME = "Pays de la Loire"


@cache
def region_departments() -> tuple[str, ...]:
    """The codes of the region's departments: the ``territoire`` rule's parameter."""
    rule = next(rule for rule in load_rules() if rule.id == "territoire")
    return rule.param("departments")


# Main towns by department: those of the five departments of the region (with the "pays"
# people name their area by: "le Choletais", "les Mauges"), then the main cities elsewhere.
_TOWNS_BY_DEPARTMENT: dict[str, str] = {
    "44": "Nantes, Saint-Nazaire, Rezé, Saint-Herblain, Orvault, Vertou, Ancenis, "
          "Ancenis-Saint-Géréon, Châteaubriant, Pornic, Guérande, La Baule, La Baule-Escoublac, "
          "Carquefou, Bouguenais, Couëron, Saint-Sébastien-sur-Loire, Sainte-Luce-sur-Loire, "
          "Clisson, Pornichet, Savenay, Machecoul, Blain, Pays de Retz, Vignoble nantais",
    "49": "Angers, Cholet, Saumur, Segré, Segré-en-Anjou Bleu, Trélazé, Avrillé, Les Ponts-de-Cé, "
          "Beaupréau, Chemillé, Doué-la-Fontaine, Baugé, Choletais, Mauges, Saumurois, Segréen, "
          "Baugeois",
    "53": "Laval, Mayenne, Château-Gontier, Évron, Craon, Ernée, Pays de Craon",
    "72": "Le Mans, La Flèche, Sablé-sur-Sarthe, Mamers, Allonnes, Coulaines, La Ferté-Bernard, "
          "Château-du-Loir, Saint-Calais, Perche sarthois, Pays fléchois",
    "85": "La Roche-sur-Yon, Les Sables-d'Olonne, Challans, Fontenay-le-Comte, Luçon, "
          "Les Herbiers, Montaigu, Montaigu-Vendée, Saint-Gilles-Croix-de-Vie, "
          "Saint-Jean-de-Monts, Pouzauges, Chantonnay, Bocage vendéen",
    "35": "Rennes, Saint-Malo, Vitré, Fougères, Redon",
    "29": "Brest, Quimper, Morlaix",
    "56": "Lorient, Vannes",
    "22": "Saint-Brieuc, Lannion",
    "37": "Tours",
    "45": "Orléans",
    "41": "Blois, Vendôme",
    "28": "Chartres, Dreux",
    "18": "Bourges",
    "14": "Caen, Lisieux",
    "50": "Cherbourg, Saint-Lô",
    "61": "Alençon",
    "76": "Rouen, Le Havre",
    "27": "Évreux",
    "75": "Paris",
    "69": "Lyon",
    "13": "Marseille",
    "33": "Bordeaux",
    "31": "Toulouse",
    "59": "Lille",
    "67": "Strasbourg",
    "06": "Nice",
    "34": "Montpellier",
    "86": "Poitiers, Châtellerault",
    "79": "Niort, Bressuire",
    "17": "La Rochelle",
    "16": "Angoulême",
    "87": "Limoges",
    "63": "Clermont-Ferrand",
    "21": "Dijon",
    "38": "Grenoble",
    "51": "Reims",
    "57": "Metz",
    "42": "Saint-Étienne",
    "83": "Toulon",
    "80": "Amiens",
    "25": "Besançon",
    "66": "Perpignan",
    "30": "Nîmes",
}  # fmt: skip
_TOWNS = {town: code for code, towns in _TOWNS_BY_DEPARTMENT.items() for town in towns.split(", ")}
_REGIONS: dict[str, bool] = {
    REGION_NAME: True, "Bretagne": False, "Normandie": False, "Basse-Normandie": False,
    "Haute-Normandie": False, "Île-de-France": False, "Région parisienne": False,
    "Centre-Val de Loire": False, "Nouvelle-Aquitaine": False, "Aquitaine": False,
    "Poitou-Charentes": False, "Limousin": False, "Occitanie": False, "Midi-Pyrénées": False,
    "Languedoc-Roussillon": False, "Auvergne-Rhône-Alpes": False, "Auvergne": False,
    "Rhône-Alpes": False, "Bourgogne-Franche-Comté": False, "Bourgogne": False,
    "Franche-Comté": False, "Grand Est": False, "Alsace": False, "Lorraine": False,
    "Champagne-Ardenne": False, "Hauts-de-France": False, "Nord-Pas-de-Calais": False,
    "Picardie": False, "Provence-Alpes-Côte d'Azur": False, "PACA": False, "Corse": False,
    # English names, for questions asked in English.
    "Brittany": False, "Normandy": False, "Burgundy": False, "Corsica": False,
    "Paris region": False, "French Riviera": False,
}  # fmt: skip

# Department names that are also common words or rivers: only with a capital and an
# article or locative just before ("dans le Cher", "la Manche").
_COMMON_WORD_NAMES = frozenset({
    "ain", "allier", "aube", "aude", "cantal", "calvados", "cher", "creuse", "eure", "gard",
    "gers", "indre", "jura", "landes", "lot", "manche", "marne", "meuse", "nord", "oise", "orne",
    "somme", "tarn", "var", "vienne", "yonne",
})  # fmt: skip
# "Les Passerelles du Nord" names an organisation: a common-word department name right
# after a capitalised word and its article belongs to that name, unless the word names
# an administration ("le Département du Nord").
_PROPER_NAME_BEFORE = re.compile(
    r"(?<![.!?:;»\n])[ ]+(?P<word>[A-ZÀ-Ý][\w'’-]*)[ ]+(?:du|des|de la|de l['’]|de)[ ]*$"
)
_ADMINISTRATIONS = frozenset({"departement", "conseil", "prefecture", "region", "ville"})
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:dans|en|du|de|des|le|la|les|departement|in|to|from|of|the|across|near)[ ]+|\bl'"
    r"|\bd'|\bde la[ ]+)$"
)
# A street named after a town: "rue de Strasbourg", "boulevard de Nantes".
_STREET_BEFORE = re.compile(
    r"\b(?:rue|avenue|av\.|boulevard|bd|place|quai|allee|impasse|chemin|route|cours|square|"
    r"faubourg|pont)[ ]+(?:de la[ ]+|de l'|des[ ]+|du[ ]+|de[ ]+|d')?$"
)
# Names that are also ordinary words or first names: only when capitalised ("après notre
# réunion d'équipe" names no island).
_CAPITAL_ONLY = frozenset({"tours", "nice", "paris", "paca", "la reunion"})
_LOIRE_CODE_AFTER = re.compile(r"[ ]*\([ ]*42[ ]*\)")
_LOIRE_BEFORE = re.compile(r"departement de la[ ]+$")
# Other names of a place, demonyms among them ("notre association nantaise").
_EXTRA_ALIASES = {
    "La Réunion": ["Réunion"],
    "Nantes": ["nantais", "nantaise", "nantaises"],
    "Angers": ["angevin", "angevine", "angevins", "angevines"],
    "Le Mans": ["manceau", "mancelle", "manceaux", "mancelles"],
    "Laval": ["lavallois", "lavalloise", "lavalloises"],
    "La Roche-sur-Yon": ["yonnais", "yonnaise", "yonnaises"],
    "Saint-Nazaire": ["nazairien", "nazairienne", "nazairiens", "nazairiennes"],
    "Rennes": ["rennais", "rennaise", "rennaises"],
    "Cholet": ["choletais", "choletaise", "choletaises"],
    "Saumur": ["saumurois", "saumuroise", "saumuroises"],
    "Sarthe": ["sarthois", "sarthoise", "sarthoises"],
    "Vendée": ["vendéen", "vendéenne", "vendéens", "vendéennes"],
    "Mayenne": ["mayennais", "mayennaise", "mayennaises"],
}


@dataclass(frozen=True)
class Place:
    """A place named in a text: a department, a town, or a region (department None)."""

    name: str
    department: str | None
    department_name: str | None
    in_region: bool


def _name_pattern(name: str) -> str:
    pattern = re.escape(fold(name))
    pattern = re.sub(r"\bsainte\b", "(?:sainte|ste)", pattern)
    pattern = re.sub(r"\bsaint\b", "(?:saint|st)", pattern)
    return pattern.replace(r"\-", r"[\s-]+").replace(r"\ ", r"[\s-]+").replace("'", r"['\s-]?")


def _aliases(name: str) -> list[str]:
    aliases = [name, *_EXTRA_ALIASES.get(name, [])]
    article, _, rest = name.partition(" ")
    # "au Mans", "aux Sables-d'Olonne": the article contracts with à / de.
    aliases += [f"{contracted} {rest}" for contracted in _CONTRACTIONS.get(article.lower(), ())]
    return aliases


@cache
def _gazetteer() -> dict[str, list[tuple[re.Pattern[str], Place]]]:
    """Names indexed by their first word: one dictionary look-up per word of the text,
    then a few anchored matches, longest name first."""
    entries: list[tuple[str, Place]] = []
    named = [*((name, code) for code, name in DEPARTMENTS.items()), *_TOWNS.items()]
    for name, code in named:
        place = Place(name, code, DEPARTMENTS[code], code in region_departments())
        entries += [(alias, place) for alias in _aliases(name)]
    for name, inside in _REGIONS.items():
        entries.append((name, Place(name, None, None, inside)))
    entries.sort(key=lambda item: len(item[0]), reverse=True)
    index: dict[str, list[tuple[re.Pattern[str], Place]]] = {}
    for alias, place in entries:
        pattern = re.compile(_name_pattern(alias) + r"(?!\w)")
        first = _WORD.match(fold(alias)).group()  # type: ignore[union-attr]
        for word in _FIRST_WORD_VARIANTS.get(first, (first,)):
            index.setdefault(word, []).append((pattern, place))
    return index


_WORD = re.compile(r"(?<![\w-])\w+")
_FIRST_WORD_VARIANTS = {"saint": ("saint", "st"), "sainte": ("sainte", "ste")}
_CONTRACTIONS = {"le": ("au", "du"), "les": ("aux", "des")}
# Folded text is lower case: "2a", "2b".
_CODE = rf"(?i:{DEPARTMENT_CODE.pattern})"
_CODE_LIST = rf"{_CODE}(?:[ ]*(?:,|/|et|ou|and|or)[ ]*{_CODE})*"
_CODES_IN_PARENS = re.compile(rf"\([ ]*({_CODE_LIST})[ ]*\)")
# "deux départements genre 44 et 85", "departments such as 49": codes given as examples.
_EXAMPLE = r"(?:genre|comme|type|style|par exemple|notamment|like|such as|e\.g\.)[ ]*[:,]?[ ]*"
_CODES_AFTER_WORD = re.compile(
    rf"\b(?:departements?|departments?|dept\.?|dpt\.?)[ ]*"
    rf"(?:du[ ]+|de[ ]+la[ ]+|n°[ ]*|no[ ]+|,?[ ]*{_EXAMPLE})?"
    rf"({_CODE_LIST})\b"
)
_CODE_AFTER_ARTICLE = re.compile(
    # "ds le 35": "dans" as typed in a hurry.
    rf"\b(?:(?:dans|ds|sur|pour|en|du|et|ou)[ ]+(?:tout[ ]+)?(?:le|les)"
    # "sur le 85 et un bout du 79": a part of a département named by its number.
    r"|(?:bout|partie|morceau|coin|part|cote|nord|sud|est|ouest|reste)[ ]+du)"
    rf"[ ]+({_CODE})"
    r"(?=[ ]*(?:$|[.,;:!?)\n]|et\b|ou\b|a\b))"
)
# The subject of its sentence: "le 44 c'est dans la zone ?".
_CODE_AS_SUBJECT = re.compile(
    rf"(?:^|[.!?][ ]+)(?:et[ ]+)?le[ ]+({_CODE})(?=[ ]+(?:c|c'est|cest|est|ca)[ ]+"
    r"(?:bien[ ]+)?(?:dans|ds|inclus|compris|eligible|couvert|concerne)\b)"
)
_ONE_CODE = re.compile(_CODE)
_POSTCODE = re.compile(r"(?<![0-9.,])([0-9]{5})(?![0-9]|[.,][0-9])")
_POSTCODE_BEFORE = re.compile(
    r"(?:\bcp|codes? postaux|code postal|\bcommunes? (?:de|d'|du)|"
    r"\b(?:lieux?|sites?|zones?) d'(?:intervention|action)|\()[ :]*$"
)
# "85300, 85000 et 49300": a list goes on from a postcode already read.
_POSTCODE_LIST_GAP = re.compile(r"[ ]*(?:,|et|ou|/)[ ]*")
_CURRENCY_AFTER = re.compile(r"[ ]*(?:k|m)?[ ]*" + CURRENCY)


def _department_of_postcode(code: str) -> str | None:
    if code.startswith("97"):
        return code[:3] if code[:3] in DEPARTMENTS else None
    if code.startswith("20"):
        return "2A" if code[2] in "01" else "2B"
    return code[:2] if code[:2] in DEPARTMENTS and code[:2] != "00" else None


def _department_place(code: str) -> Place:
    return Place(DEPARTMENTS[code], code, DEPARTMENTS[code], code in region_departments())


def _name_at(folded: str, word: re.Match[str]) -> tuple[re.Match[str], Place] | None:
    for pattern, place in _gazetteer().get(word.group(), ()):
        match = pattern.match(folded, word.start())
        if match:
            return match, place
    return None


class Mention(NamedTuple):
    """Where a place is named: the span of the words naming it ("nazairienne" names
    Saint-Nazaire in fewer letters than the name)."""

    start: int
    end: int
    place: Place


def _named_places(text: str, folded: str) -> list[Mention]:
    found: list[Mention] = []
    resume = 0
    for word in _WORD.finditer(folded):
        if word.start() < resume:
            continue
        named = _name_at(folded, word)
        if named is None:
            continue
        match, place = named
        resume = match.end()
        key = fold(place.name)
        capitalised = text[match.start()].isupper()
        before = folded[max(0, match.start() - 20) : match.start()]
        if _STREET_BEFORE.search(folded, max(0, match.start() - 30), match.start()):
            continue  # "27 rue de Strasbourg" is an address in Nantes, not Strasbourg
        if key == "loire":
            # The river and "Pays de la Loire" make bare "Loire" unreliable.
            accepted = bool(
                _LOIRE_CODE_AFTER.match(folded, match.end()) or _LOIRE_BEFORE.search(before)
            )
        elif key in _COMMON_WORD_NAMES:
            # "le Nord-Mayenne" is part of the Mayenne, not the Nord.
            compound = folded[match.end() : match.end() + 2][:1] == "-"
            named = _PROPER_NAME_BEFORE.search(text[max(0, match.start() - 40) : match.start()])
            in_a_name = bool(named) and fold(named.group("word")) not in _ADMINISTRATIONS
            accepted = (
                capitalised
                and bool(_LOCATIVE_BEFORE.search(before))
                and not compound
                and not in_a_name
            )
        else:
            # The capital that counts is the name's own: "la Réunion" as well as "La Réunion".
            last_word = folded.rfind(" ", match.start(), match.end()) + 1 or match.start()
            accepted = text[last_word].isupper() or key not in _CAPITAL_ONLY
        if accepted:
            found.append(Mention(match.start(), match.end(), place))
    return found


def _numbered_places(text: str, folded: str) -> list[Mention]:
    found: list[Mention] = []
    for pattern in (_CODES_IN_PARENS, _CODES_AFTER_WORD, _CODE_AFTER_ARTICLE, _CODE_AS_SUBJECT):
        for match in pattern.finditer(folded):
            for code in _ONE_CODE.finditer(match.group(1)):
                place = _department_place(code.group().upper())
                start = match.start(1) + code.start()
                found.append(Mention(start, start + len(code.group()), place))
    last_end = -1
    for match in _POSTCODE.finditer(folded):
        after = text[match.end() : match.end() + 2]
        in_context = (
            _POSTCODE_BEFORE.search(folded[max(0, match.start() - 25) : match.start()])
            or (len(after) == 2 and after[0] == " " and after[1].isupper())
            or (last_end >= 0 and _POSTCODE_LIST_GAP.fullmatch(folded, last_end, match.start()))
        )
        if not in_context or _CURRENCY_AFTER.match(folded, match.end()):
            continue
        department = _department_of_postcode(match.group(1))
        if department:
            found.append(Mention(match.start(), match.end(), _department_place(department)))
            last_end = match.end()
    return found


def place_mentions(text: str, folded: str | None = None, *, every: bool = False) -> list[Mention]:
    """Each place named in ``text`` once, with the span of its first mention.

    ``folded`` is ``fold(text)`` when the caller already has it. ``every``: each mention,
    for a caller that judges them one by one (the first may be in an organisation's name).
    """
    if folded is None:
        folded = fold(text)
    named = _named_places(text, folded)
    named_departments = {mention.place.department for mention in named}
    # A number next to a named place ("Rennes (35)") adds nothing new.
    numbered = [
        mention
        for mention in _numbered_places(text, folded)
        if mention.place.department not in named_departments
    ]
    seen: set[Place] = set()
    result: list[Mention] = []
    for mention in sorted(named + numbered, key=lambda mention: mention.start):
        if every or mention.place not in seen:
            seen.add(mention.place)
            result.append(mention)
    return result


def is_town(name: str) -> bool:
    """Whether ``name`` is a town of the gazetteer rather than a department or a region."""
    return name in _TOWNS


def find_places(text: str) -> list[Place]:
    """Every French department, main town or region named in ``text``, in order."""
    return [mention.place for mention in place_mentions(text)]


# Another region's call: "l'AMI O2R de la région Bretagne", "the Occitanie call". The texts
# hold only this region's, so what that call sets is no question they answer.
_CALL_BEFORE = re.compile(
    r"\b(?:ami|appel(?: a projets| a manifestation d'interet)?|call(?: for (?:projects|proposals))?"
    r"|l'o2r)(?:[ ]+o2r)?[ ]+(?:de la region|en region|de|du|d'|en|of|for|in)"
    r"[ ]*(?:la |l'|the )?$"
)
_CALL_AFTER = re.compile(r"[\w' -]{0,25}?\b(?:o2r[ ]+)?(?:ami|call)\b")


def other_regions_call(text: str) -> str | None:
    """The region named as the owner of the call asked about, when it is not ours."""
    folded = fold(text)
    for position, _, place in place_mentions(text, folded):
        if place.in_region or place.department is not None:
            continue
        before = folded[max(0, position - 40) : position]
        if _CALL_BEFORE.search(before) or (
            before.endswith("the ") and _CALL_AFTER.match(folded, position)
        ):
            return place.name
    return None
