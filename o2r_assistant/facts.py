"""French fact extraction from free text, with regular expressions and a gazetteer.

``extract_facts`` reads one chat message and returns a ``Dossier`` holding only
what the message states. Amounts, durations and places count wherever they
appear; softer facts (public, consortium, accounting, organisation) are read
only from declarative clauses, so that "Peut-on déposer à plusieurs ?" states
nothing.

All matching runs on a folded copy of the text of the same length (lower case,
no accents, one kind of space and apostrophe), so match offsets also index the
original text, which is used where capitals matter.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from o2r_assistant.checker import (
    BudgetLine,
    Consortium,
    Dossier,
    Organisation,
    PlaceRecord,
    PublicTarget,
    format_eur,
)
from o2r_assistant.rules import load_rules

__all__ = [
    "DEPARTMENTS",
    "REGION_DEPARTMENTS",
    "Place",
    "extract_facts",
    "find_places",
    "format_eur",
    "parse_amount",
]

# --- folding -------------------------------------------------------------------------

_APOSTROPHES = "’‘ʼ`´′‛"
_DASHES = "‐‑‒–—―−"


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed lazily, one character to exactly one."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if char in _APOSTROPHES:
            folded = "'"
        elif char in _DASHES:
            folded = "-"
        elif char == "\n":
            folded = char
        elif char.isspace() or unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            folded = " "
        else:
            folded = unicodedata.normalize("NFD", char)[0].lower()
            if len(folded) != 1:
                folded = char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def _fold(text: str) -> str:
    return text.translate(_FOLD)


# --- numbers -------------------------------------------------------------------------

_SMALL = [
    "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
]  # fmt: skip
_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}


def _number_words() -> dict[str, int]:
    words = {word: value for value, word in enumerate(_SMALL)}
    words["une"] = 1
    for tens_word, tens in _TENS.items():
        words[tens_word] = tens
        if tens == 60:
            continue
        words[f"{tens_word} et un"] = tens + 1
        words[f"{tens_word} et une"] = tens + 1
        for unit in range(2, 10):
            words[f"{tens_word}-{_SMALL[unit]}"] = tens + unit
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
_WORD_KEY = re.compile(r"[\s-]+")


def _word_pattern(words: list[str]) -> str:
    # Longest first, so that "dix-huit" wins over "dix"; hyphens and spaces interchange.
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(
        re.escape(w).replace(r"\-", r"[\s-]+").replace(r"\ ", r"[\s-]+") for w in ordered
    )


_NUMBER_WORD_RE = _word_pattern(list(NUMBER_WORDS))


def _word_value(word: str) -> int:
    return NUMBER_WORDS[_WORD_KEY.sub("-", word).replace("-et-", " et ")]


# --- amounts -------------------------------------------------------------------------

_CHAIN = re.compile(r"(?<![0-9])[0-9]+(?:[ .,][0-9]+)*")
_SEPARATOR = re.compile(r"([ .,])")
_CURRENCY = r"(?:€|euros?\b|eur\b)"
_AMOUNT_TAIL = re.compile(
    r"[ ]{0,2}(?:(?P<k>k|mille)|(?P<m>m|millions?)|(?P<g>mds?|milliards?))?"
    r"[ ]{0,2}(?:d')?[ ]{0,2}" + _CURRENCY
)
_BARE_TAIL = re.compile(
    r"[ ]{0,2}(?:(?P<k>k|mille)|(?P<m>m|millions?)|(?P<g>mds?|milliards?))?"
    r"[ ]{0,2}(?:(?:d')?[ ]{0,2}" + _CURRENCY + r")?[ ]*$"
)
_WORD_MILLIONS = re.compile(
    rf"\b(?P<n>{_NUMBER_WORD_RE})[ ]+(?:(?P<m>millions?)|(?P<g>milliards?))[ ]+(?:d')?[ ]?"
    + _CURRENCY
)
# Longer numbers are not budgets, and would overflow the 28-digit decimal context.
_MAX_DIGITS = 15
_MULTIPLIERS = {"k": Decimal(1000), "m": Decimal(10**6), "g": Decimal(10**9)}


def _chain_number(chain: str) -> tuple[int, str]:
    """Offset and text of the amount that ends a run of digit groups.

    "2025 60 000" holds a year then an amount: the amount is the longest suffix
    made of one group of 1-3 digits followed by groups of exactly 3 digits.
    """
    parts = _SEPARATOR.split(chain)
    digits, seps = parts[0::2], parts[1::2]
    offsets = [0]
    for i in range(1, len(digits)):
        offsets.append(offsets[-1] + len(digits[i - 1]) + 1)
    last = len(digits) - 1
    decimal = ""
    if last and (seps[-1] == "," or (seps[-1] == "." and len(digits[-1]) != 3)):
        decimal = "." + digits[-1]
        last -= 1
    first = last
    if len(digits[last]) == 3 or last == 0:
        while (
            first > 0
            and seps[first - 1] in " ."
            and len(digits[first]) == 3
            and len(digits[first - 1]) <= 3
        ):
            first -= 1
    integer = "".join(digits[first : last + 1])
    return offsets[first], integer + decimal


def _scaled(number: str, match: re.Match[str]) -> Decimal:
    value = Decimal(number)
    groups = match.groupdict()
    for group, factor in _MULTIPLIERS.items():
        if groups.get(group):
            value *= factor
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def parse_amount(text: str) -> Decimal | None:
    """The amount of one expression ("150 000 €", "150k€", "1,2 million d'euros"), else None."""
    folded = _fold(text).strip()
    words = _WORD_MILLIONS.fullmatch(folded)
    if words:
        return _scaled(str(_word_value(words.group("n"))), words)
    chain = _CHAIN.match(folded)
    if not chain:
        return None
    offset, number = _chain_number(chain.group())
    tail = _BARE_TAIL.match(folded, chain.end())
    if offset or not tail or len(number) > _MAX_DIGITS:
        return None
    return _scaled(number, tail)


@dataclass(frozen=True)
class _Amount:
    start: int
    end: int
    value: Decimal


def _amounts(folded: str) -> list[_Amount]:
    found: list[_Amount] = []
    for chain in _CHAIN.finditer(folded):
        tail = _AMOUNT_TAIL.match(folded, chain.end())
        if not tail:
            continue
        offset, number = _chain_number(chain.group())
        if len(number) > _MAX_DIGITS:
            continue
        found.append(_Amount(chain.start() + offset, tail.end(), _scaled(number, tail)))
    for words in _WORD_MILLIONS.finditer(folded):
        found.append(
            _Amount(words.start(), words.end(), _scaled(str(_word_value(words.group("n"))), words))
        )
    return sorted(found, key=lambda a: a.start)


_TRAINING_AFTER = re.compile(
    r"[ ]*(?:par an[ ]+|/[ ]?an[ ]+)?(?:de|d'|en|pour|consacres? a|dedies? a)[ ]*(?:la |les )?"
    r"(?:depenses?[ ]+de[ ]+|frais[ ]+de[ ]+|couts?[ ]+de[ ]+|actions?[ ]+de[ ]+)?formations?\b"
)
_TRAINING_BEFORE = re.compile(
    r"formations?(?:[ ]+qualifiantes?)?[ ]*(?::|=|de|pour|a hauteur de|d'un montant de)?[ ]*$"
)
_PER_YEAR_AFTER = re.compile(r"[ ]*(?:par an|/[ ]?an|par annee|annuels?|chaque annee|l'an)\b")
_PER_MONTH_AFTER = re.compile(r"[ ]*(?:par mois|/[ ]?mois|mensuels?)\b")
_YEAR_AFTER = re.compile(r"[ ]*(?:en|pour|au titre de)[ ]+(?:l'annee[ ]+)?(20[0-9]{2})\b")
_YEAR_BEFORE = re.compile(r"\b(?:en|pour)?[ ]*(20[0-9]{2})[ ]*[:=]?[ ]*$")
_PART_BEFORE = re.compile(r"\b(?:dont|y compris|inclus|incluant)[ ]+(?:environ[ ]+)?$")
_TOTAL_BEFORE = re.compile(r"\b(?:total|totale|cout|couts|budget|montant|enveloppe)\b")
_NO_TRAINING = re.compile(
    r"\b(?:aucune?|pas de|sans|zero)[ ]+(?:depenses?[ ]+de[ ]+|frais[ ]+de[ ]+|cout[ ]+de[ ]+|"
    r"actions?[ ]+de[ ]+)?formations?\b"
)


def _convention_months() -> int:
    rule = next(rule for rule in load_rules() if rule.id == "cout_minimum")
    return rule.param("reference_length")


@dataclass
class _Budget:
    total: Decimal | None = None
    annual: Decimal | None = None
    training: Decimal | None = None
    lines: list[BudgetLine] | None = None


def _budget(folded: str, project_months: int | None, declarative: _Spans) -> _Budget:
    budget = _Budget()
    general: list[tuple[bool, Decimal]] = []
    annual: list[Decimal] = []
    monthly: list[Decimal] = []
    lines: list[BudgetLine] = []
    training = Decimal(0)
    training_found = training_per_year = False
    for amount in _amounts(folded):
        before = folded[max(0, amount.start - 40) : amount.start]
        if _TRAINING_AFTER.match(folded, amount.end) or _TRAINING_BEFORE.search(before):
            training += amount.value
            training_found = True
            training_per_year |= bool(_PER_YEAR_AFTER.match(folded, amount.end))
            continue
        if _PART_BEFORE.search(before):
            continue  # a part of a total stated elsewhere ("dont 50 000 € de subvention")
        year = _YEAR_AFTER.match(folded, amount.end) or _YEAR_BEFORE.search(before)
        if year:
            lines.append(BudgetLine(year=int(year.group(1)), amount_eur=amount.value))
        elif _PER_YEAR_AFTER.match(folded, amount.end):
            annual.append(amount.value)
        elif _PER_MONTH_AFTER.match(folded, amount.end):
            monthly.append(amount.value)
        else:
            general.append((bool(_TOTAL_BEFORE.search(before)), amount.value))
    if lines:
        budget.lines = lines
    if general:
        # A total named as such wins; otherwise the largest amount is the project cost.
        named = [value for is_total, value in general if is_total]
        budget.total = max(named or [value for _, value in general])
    if annual:
        budget.annual = max(annual)
    elif monthly and budget.total is None:
        budget.annual = max(monthly) * 12
    if training_found:
        if training_per_year:
            # Same length as the checker uses for a yearly cost: the project's, else the
            # convention's.
            training = training * (project_months or _convention_months()) / 12
        budget.training = training
    elif any(declarative.contains(m.start()) for m in _NO_TRAINING.finditer(folded)):
        budget.training = Decimal(0)
    return budget


# --- durations -----------------------------------------------------------------------

_DURATION = re.compile(
    rf"(?<![\w.,])(?P<n>[0-9]{{1,3}}(?:,5)?|{_NUMBER_WORD_RE})[ ]*(?P<u>ans?|annees?|mois)\b"
    r"(?P<half>[ ]+et[ ]+demie?)?"
)
_NOT_LENGTH_BEFORE = re.compile(r"\b(?:depuis|il y a|des|avant|apres|cree[es]? en)[ ]+$")
_NOT_LENGTH_AFTER = re.compile(
    r"[ ]*(?:d'experience|d'existence|d'anciennete|d'activite|de plus|derniere?s|"
    r"suivante?s|precedente?s|restante?s|prochaine?s)\b"
)
_PER_PERSON_AFTER = re.compile(
    r"[ ]*(?:par|pour chaque|pour une? meme|pour une?|a chaque|pour les)[ ]+"
    r"(?:personnes?|beneficiaires?|jeunes?|participants?|personnes? accompagnees?|usagers?|"
    r"stagiaires?)\b"
)
_PATHWAY_WORDS = re.compile(
    r"\b(?:parcours|accompagnements?|accompagnee?s?|accompagner|accompagnons|suivie?s?|"
    r"chaque (?:personne|beneficiaire|jeune|participant))\b"
)
_PROJECT_WORDS = re.compile(
    r"\b(?:projets?|conventions?|programmes?|actions?|operations?|financements?|budgets?|"
    r"dispositifs?|cpom|candidature|par an|euros?)\b|€"
)
_LENGTH_PREPOSITION = re.compile(r"\b(?:sur|pendant|durant|duree de|duree d'|de)[ ]*$")


def _months_of(match: re.Match[str]) -> int | None:
    raw = match.group("n")
    number = Decimal(raw.replace(",", ".") if raw[0].isdigit() else _word_value(raw))
    if match.group("half"):
        number += Decimal("0.5")
    months = number if match.group("u") == "mois" else number * 12
    if months <= 0 or months != months.to_integral_value():
        return None
    return int(months)


def _durations(folded: str, sentences: list[tuple[int, int]]) -> tuple[int | None, int | None]:
    starts = [start for start, _ in sentences]
    project: int | None = None
    pathway: int | None = None
    for match in _DURATION.finditer(folded):
        months = _months_of(match)
        sentence_start = starts[bisect.bisect_right(starts, match.start()) - 1]
        before = folded[max(sentence_start, match.start() - 70) : match.start()]
        # Ages ("16 à 25 ans"), seniority and past dates are not lengths.
        if (
            months is None
            or months > 120
            or _NOT_LENGTH_BEFORE.search(before)
            or _NOT_LENGTH_AFTER.match(folded, match.end())
        ):
            continue
        if _PER_PERSON_AFTER.match(folded, match.end()):
            role = "pathway"
        else:
            last_pathway = max((m.end() for m in _PATHWAY_WORDS.finditer(before)), default=-1)
            last_project = max((m.end() for m in _PROJECT_WORDS.finditer(before)), default=-1)
            in_years = match.group("u") != "mois"
            if last_pathway > last_project:
                role = "pathway"
            elif (
                last_project >= 0
                or months >= 24
                or (in_years and _LENGTH_PREPOSITION.search(before))
            ):
                role = "project"
            else:
                continue  # "pendant 18 mois" alone could be either length
        if role == "pathway" and months <= 60:
            pathway = max(pathway or 0, months)
        elif role == "project" and project is None:
            project = months
    return project, pathway


# --- places --------------------------------------------------------------------------

DEPARTMENTS: dict[str, str] = {
    "01": "Ain", "02": "Aisne", "03": "Allier", "04": "Alpes-de-Haute-Provence",
    "05": "Hautes-Alpes", "06": "Alpes-Maritimes", "07": "Ardèche", "08": "Ardennes",
    "09": "Ariège", "10": "Aube", "11": "Aude", "12": "Aveyron", "13": "Bouches-du-Rhône",
    "14": "Calvados", "15": "Cantal", "16": "Charente", "17": "Charente-Maritime", "18": "Cher",
    "19": "Corrèze", "2A": "Corse-du-Sud", "2B": "Haute-Corse", "21": "Côte-d'Or",
    "22": "Côtes-d'Armor", "23": "Creuse", "24": "Dordogne", "25": "Doubs", "26": "Drôme",
    "27": "Eure", "28": "Eure-et-Loir", "29": "Finistère", "30": "Gard", "31": "Haute-Garonne",
    "32": "Gers", "33": "Gironde", "34": "Hérault", "35": "Ille-et-Vilaine", "36": "Indre",
    "37": "Indre-et-Loire", "38": "Isère", "39": "Jura", "40": "Landes", "41": "Loir-et-Cher",
    "42": "Loire", "43": "Haute-Loire", "44": "Loire-Atlantique", "45": "Loiret", "46": "Lot",
    "47": "Lot-et-Garonne", "48": "Lozère", "49": "Maine-et-Loire", "50": "Manche",
    "51": "Marne", "52": "Haute-Marne", "53": "Mayenne", "54": "Meurthe-et-Moselle",
    "55": "Meuse", "56": "Morbihan", "57": "Moselle", "58": "Nièvre", "59": "Nord", "60": "Oise",
    "61": "Orne", "62": "Pas-de-Calais", "63": "Puy-de-Dôme", "64": "Pyrénées-Atlantiques",
    "65": "Hautes-Pyrénées", "66": "Pyrénées-Orientales", "67": "Bas-Rhin", "68": "Haut-Rhin",
    "69": "Rhône", "70": "Haute-Saône", "71": "Saône-et-Loire", "72": "Sarthe", "73": "Savoie",
    "74": "Haute-Savoie", "75": "Paris", "76": "Seine-Maritime", "77": "Seine-et-Marne",
    "78": "Yvelines", "79": "Deux-Sèvres", "80": "Somme", "81": "Tarn", "82": "Tarn-et-Garonne",
    "83": "Var", "84": "Vaucluse", "85": "Vendée", "86": "Vienne", "87": "Haute-Vienne",
    "88": "Vosges", "89": "Yonne", "90": "Territoire de Belfort", "91": "Essonne",
    "92": "Hauts-de-Seine", "93": "Seine-Saint-Denis", "94": "Val-de-Marne", "95": "Val-d'Oise",
    "971": "Guadeloupe", "972": "Martinique", "973": "Guyane", "974": "La Réunion",
    "976": "Mayotte",
}  # fmt: skip
REGION_DEPARTMENTS: tuple[str, ...] = ("44", "49", "53", "72", "85")
REGION_NAME = "Pays de la Loire"

# Main towns: those of the five departments of the region, then the main cities elsewhere.
_TOWNS: dict[str, str] = {
    "Nantes": "44", "Saint-Nazaire": "44", "Rezé": "44", "Saint-Herblain": "44",
    "Orvault": "44", "Vertou": "44", "Ancenis": "44", "Ancenis-Saint-Géréon": "44",
    "Châteaubriant": "44", "Pornic": "44", "Guérande": "44", "La Baule": "44",
    "La Baule-Escoublac": "44", "Carquefou": "44", "Bouguenais": "44", "Couëron": "44",
    "Saint-Sébastien-sur-Loire": "44", "Sainte-Luce-sur-Loire": "44", "Clisson": "44",
    "Pornichet": "44", "Savenay": "44", "Machecoul": "44", "Blain": "44",
    "Angers": "49", "Cholet": "49", "Saumur": "49", "Segré": "49", "Segré-en-Anjou Bleu": "49",
    "Trélazé": "49", "Avrillé": "49", "Les Ponts-de-Cé": "49", "Beaupréau": "49",
    "Chemillé": "49", "Doué-la-Fontaine": "49", "Baugé": "49",
    "Laval": "53", "Mayenne": "53", "Château-Gontier": "53", "Évron": "53", "Craon": "53",
    "Ernée": "53",
    "Le Mans": "72", "La Flèche": "72", "Sablé-sur-Sarthe": "72", "Mamers": "72",
    "Allonnes": "72", "Coulaines": "72", "La Ferté-Bernard": "72", "Château-du-Loir": "72",
    "Saint-Calais": "72",
    "La Roche-sur-Yon": "85", "Les Sables-d'Olonne": "85", "Challans": "85",
    "Fontenay-le-Comte": "85", "Luçon": "85", "Les Herbiers": "85", "Montaigu": "85",
    "Montaigu-Vendée": "85", "Saint-Gilles-Croix-de-Vie": "85", "Saint-Jean-de-Monts": "85",
    "Pouzauges": "85", "Chantonnay": "85",
    "Rennes": "35", "Saint-Malo": "35", "Vitré": "35", "Fougères": "35", "Redon": "35",
    "Brest": "29", "Quimper": "29", "Morlaix": "29", "Lorient": "56", "Vannes": "56",
    "Saint-Brieuc": "22", "Lannion": "22", "Tours": "37", "Orléans": "45", "Blois": "41",
    "Vendôme": "41", "Chartres": "28", "Dreux": "28", "Bourges": "18", "Caen": "14",
    "Lisieux": "14", "Cherbourg": "50", "Saint-Lô": "50", "Alençon": "61", "Rouen": "76",
    "Le Havre": "76", "Évreux": "27", "Paris": "75", "Lyon": "69", "Marseille": "13",
    "Bordeaux": "33", "Toulouse": "31", "Lille": "59", "Strasbourg": "67", "Nice": "06",
    "Montpellier": "34", "Poitiers": "86", "Châtellerault": "86", "Niort": "79",
    "Bressuire": "79", "La Rochelle": "17", "Angoulême": "16", "Limoges": "87",
    "Clermont-Ferrand": "63", "Dijon": "21", "Grenoble": "38", "Reims": "51", "Metz": "57",
    "Saint-Étienne": "42", "Toulon": "83", "Amiens": "80", "Besançon": "25",
    "Perpignan": "66", "Nîmes": "30",
}  # fmt: skip
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
}  # fmt: skip

# Department names that are also common words or rivers: only with a capital and an
# article or locative just before ("dans le Cher", "la Manche").
_COMMON_WORD_NAMES = frozenset({
    "ain", "allier", "aube", "aude", "cantal", "calvados", "cher", "creuse", "eure", "gard",
    "gers", "indre", "jura", "landes", "lot", "manche", "marne", "meuse", "nord", "oise", "orne",
    "somme", "tarn", "var", "vienne", "yonne",
})  # fmt: skip
_LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:dans|en|du|de|des|le|la|les|departement)[ ]+|\bl'|\bd'|\bde la[ ]+)$"
)
# Names that are also ordinary words or first names: only when capitalised.
_CAPITAL_ONLY = frozenset({"tours", "nice", "paris", "paca"})
_LOIRE_CODE_AFTER = re.compile(r"[ ]*\([ ]*42[ ]*\)")
_LOIRE_BEFORE = re.compile(r"departement de la[ ]+$")
_EXTRA_ALIASES = {"La Réunion": ["Réunion"]}


@dataclass(frozen=True)
class Place:
    """A place named in a text: a department, a town, or a region (department None)."""

    name: str
    department: str | None
    department_name: str | None
    in_region: bool


def _name_pattern(name: str) -> str:
    pattern = re.escape(_fold(name))
    pattern = re.sub(r"\bsainte\b", "(?:sainte|ste)", pattern)
    pattern = re.sub(r"\bsaint\b", "(?:saint|st)", pattern)
    return pattern.replace(r"\-", r"[\s-]+").replace(r"\ ", r"[\s-]+").replace("'", r"['\s-]?")


def _aliases(name: str) -> list[str]:
    aliases = [name, *_EXTRA_ALIASES.get(name, [])]
    article, _, rest = name.partition(" ")
    # "au Mans", "aux Sables-d'Olonne": the article contracts with à / de.
    aliases += [f"{contracted} {rest}" for contracted in _CONTRACTIONS.get(article.lower(), ())]
    return aliases


def _gazetteer() -> dict[str, list[tuple[re.Pattern[str], Place]]]:
    """Names indexed by their first word: one dictionary look-up per word of the text,
    then a few anchored matches, longest name first."""
    entries: list[tuple[str, Place]] = []
    named = [*((name, code) for code, name in DEPARTMENTS.items()), *_TOWNS.items()]
    for name, code in named:
        place = Place(name, code, DEPARTMENTS[code], code in REGION_DEPARTMENTS)
        entries += [(alias, place) for alias in _aliases(name)]
    for name, inside in _REGIONS.items():
        entries.append((name, Place(name, None, None, inside)))
    entries.sort(key=lambda item: len(item[0]), reverse=True)
    index: dict[str, list[tuple[re.Pattern[str], Place]]] = {}
    for alias, place in entries:
        pattern = re.compile(_name_pattern(alias) + r"(?!\w)")
        first = _WORD.match(_fold(alias)).group()  # type: ignore[union-attr]
        for word in _FIRST_WORD_VARIANTS.get(first, (first,)):
            index.setdefault(word, []).append((pattern, place))
    return index


_WORD = re.compile(r"(?<![\w-])\w+")
_FIRST_WORD_VARIANTS = {"saint": ("saint", "st"), "sainte": ("sainte", "ste")}
_CONTRACTIONS = {"le": ("au", "du"), "les": ("aux", "des")}
_GAZETTEER = _gazetteer()
_CODE = r"(?:2[ab]|97[1-46]|[0-9]{2})"
_CODE_LIST = rf"{_CODE}(?:[ ]*(?:,|/|et|ou)[ ]*{_CODE})*"
_CODES_IN_PARENS = re.compile(rf"\([ ]*({_CODE_LIST})[ ]*\)")
_CODES_AFTER_WORD = re.compile(
    rf"\b(?:departements?|dept\.?|dpt\.?)[ ]*(?:du[ ]+|de[ ]+la[ ]+|n°[ ]*|no[ ]+)?({_CODE_LIST})\b"
)
_CODE_AFTER_ARTICLE = re.compile(
    rf"\b(?:dans|sur|pour|en|du|et|ou)[ ]+(?:le|les)[ ]+({_CODE})"
    r"(?=[ ]*(?:$|[.,;:!?)\n]|et\b|ou\b))"
)
_ONE_CODE = re.compile(_CODE)
_POSTCODE = re.compile(r"(?<![0-9.,])([0-9]{5})(?![0-9]|[.,][0-9])")
_POSTCODE_BEFORE = re.compile(r"(?:\bcp|code postal|\()[ :]*$")
_CURRENCY_AFTER = re.compile(r"[ ]*(?:k|m)?[ ]*" + _CURRENCY)


def _department_of_postcode(code: str) -> str | None:
    if code.startswith("97"):
        return code[:3] if code[:3] in DEPARTMENTS else None
    if code.startswith("20"):
        return "2A" if code[2] in "01" else "2B"
    return code[:2] if code[:2] in DEPARTMENTS and code[:2] != "00" else None


def _department_place(code: str) -> Place:
    return Place(DEPARTMENTS[code], code, DEPARTMENTS[code], code in REGION_DEPARTMENTS)


def _name_at(folded: str, word: re.Match[str]) -> tuple[re.Match[str], Place] | None:
    for pattern, place in _GAZETTEER.get(word.group(), ()):
        match = pattern.match(folded, word.start())
        if match:
            return match, place
    return None


def _named_places(text: str, folded: str) -> list[tuple[int, Place]]:
    found: list[tuple[int, Place]] = []
    resume = 0
    for word in _WORD.finditer(folded):
        if word.start() < resume:
            continue
        named = _name_at(folded, word)
        if named is None:
            continue
        match, place = named
        resume = match.end()
        key = _fold(place.name)
        capitalised = text[match.start()].isupper()
        before = folded[max(0, match.start() - 20) : match.start()]
        if key == "loire":
            # The river and "Pays de la Loire" make bare "Loire" unreliable.
            accepted = bool(
                _LOIRE_CODE_AFTER.match(folded, match.end()) or _LOIRE_BEFORE.search(before)
            )
        elif key in _COMMON_WORD_NAMES:
            accepted = capitalised and bool(_LOCATIVE_BEFORE.search(before))
        else:
            accepted = capitalised or key not in _CAPITAL_ONLY
        if accepted:
            found.append((match.start(), place))
    return found


def _numbered_places(text: str, folded: str) -> list[tuple[int, Place]]:
    found: list[tuple[int, Place]] = []
    for pattern in (_CODES_IN_PARENS, _CODES_AFTER_WORD, _CODE_AFTER_ARTICLE):
        for match in pattern.finditer(folded):
            for code in _ONE_CODE.finditer(match.group(1)):
                value = code.group().upper()
                if value in DEPARTMENTS:
                    found.append((match.start(1) + code.start(), _department_place(value)))
    for match in _POSTCODE.finditer(folded):
        after = text[match.end() : match.end() + 2]
        in_context = _POSTCODE_BEFORE.search(
            folded[max(0, match.start() - 15) : match.start()]
        ) or (len(after) == 2 and after[0] == " " and after[1].isupper())
        if not in_context or _CURRENCY_AFTER.match(folded, match.end()):
            continue
        department = _department_of_postcode(match.group(1))
        if department:
            found.append((match.start(), _department_place(department)))
    return found


def _find_places(text: str, folded: str) -> list[tuple[int, Place]]:
    named = _named_places(text, folded)
    named_departments = {place.department for _, place in named}
    # A number next to a named place ("Rennes (35)") adds nothing new.
    numbered = [
        (pos, place)
        for pos, place in _numbered_places(text, folded)
        if place.department not in named_departments
    ]
    seen: set[Place] = set()
    result: list[tuple[int, Place]] = []
    for pos, place in sorted(named + numbered, key=lambda item: item[0]):
        if place not in seen:
            seen.add(place)
            result.append((pos, place))
    return result


def find_places(text: str) -> list[Place]:
    """Every French department, main town or region named in ``text``, in order."""
    return [place for _, place in _find_places(text, _fold(text))]


# --- sentences and declarative clauses ---------------------------------------------

_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|\n")
_OPENER = re.compile(
    r"[\W_]*(?:(?:et|mais|alors|donc|bonjour|svp)\b[\W_]*)?"
    r"(?:peut[ -]on|peut[ -]il|peuvent|pouvons|pourrait|pourrions|puis[ -]je|est[ -]ce|"
    r"faut[ -]il|doit[ -]on|devons|dois[ -]je|quel(?:le)?s?\b|lequel|laquelle|combien|comment|"
    r"pourquoi|quand|ou\b|qui\b|que\b|qu'|quoi|a[ -]t[ -]on|y a[ -]t[ -]il|existe[ -]t[ -]il|"
    r"sommes[ -]nous|suis[ -]je|est[ -]il|est[ -]elle|sont[ -]ils|sont[ -]elles|avons[ -]nous|"
    r"si\b|(?:a|de|pour|dans|sur|avec|par|en) (?:quel|quelle|quels|quelles|combien|quoi)\b)"
)
_INVERSION = re.compile(r"\b[a-z]+-(?:t-)?(?:on|il|ils|elle|elles|nous|vous|je)\b|\best-ce\b")
_CLAUSE_SEPARATOR = re.compile(r"[,:;]| - ")


class _Spans:
    """Sorted, disjoint character ranges with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def contains(self, position: int) -> bool:
        i = bisect.bisect_right(self._starts, position) - 1
        return i >= 0 and position < self._ends[i]


def _sentences(folded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_END.finditer(folded):
        spans.append((start, end.end()))
        start = end.end()
    spans.append((start, len(folded)))
    return spans


def _declarative(folded: str, sentences: list[tuple[int, int]]) -> _Spans:
    """The parts of the text that state something rather than ask it.

    In a question, only a clause before the question proper counts: "Notre projet
    coûte 120 000 €, est-il éligible ?" states the cost.
    """
    spans: list[tuple[int, int]] = []
    for start, end in sentences:
        sentence = folded[start:end].rstrip()
        if not sentence.endswith("?"):
            spans.append((start, end))
            continue
        if _OPENER.match(sentence):
            continue
        marker = _INVERSION.search(sentence)
        cut = marker.start() if marker else len(sentence)
        separators = list(_CLAUSE_SEPARATOR.finditer(sentence, 0, cut))
        if separators:
            spans.append((start, start + separators[-1].start()))
    return _Spans(spans)


# --- public, consortium, organisation ------------------------------------------------

_NETWORK = r"(?:france travail|pole emploi|(?:la |une |les )?missions? locales?|cap emploi|l'anpe)"
_INVISIBLE = re.compile(
    r"\binvisibles?\b|\bnon[ -]inscrite?s?\b|\bpas (?:encore |du tout )?inscrite?s?\b|"
    r"\binscrite?s? nulle part\b|\binscrite?s? (?:aupres d'|a |dans )aucun|"
    r"\bsans (?:aucune )?inscription\b|\b(?:en dehors|hors) des radars\b|\bni inscrite?s?\b"
)
_REGISTERED = re.compile(
    r"\binscrite?s?[ ]+(?:a|au|a la|aupres de|aupres d'|chez|en tant que|comme|sur la liste des)"
    rf"[ ]*(?:{_NETWORK}|demandeurs? d'emploi)|\bdemandeurs? d'emploi\b|"
    rf"\bsuivie?s? par {_NETWORK}"
)
_NEGATION_BEFORE = re.compile(r"\b(?:ne|n'|non|pas|ni|sans|jamais|aucune?)\b[^,;:]{0,25}$")
_SUBSIDIARY = re.compile(
    r"\b(?:pas|plus|aucun|sans)[ ]+(?:de[ ]+|d')?contacts?[ ]+(?:regulier[ ]+)?"
    r"(?:avec[ ]+[\w' ]{0,40}?)?[ ]*(?:depuis|au cours des|dans les|sur les|pendant)[ ]+"
    r"(?:plus de[ ]+)?(?:[0-9]+|cinq|six|sept|huit|neuf|dix|douze)[ ]+(?:derniers[ ]+)?mois|"
    r"\b(?:aucun|pas d'|sans)[ ]*(?:offre[ ]+d')?accompagnement[ ]+adaptee?s?|"
    r"\ba titre subsidiaire\b|\bsubsidiairement\b"
)
_COUNT = r"(?:deux|trois|quatre|cinq|six|[0-9]+)"
_ORGS = r"(?:structures?|associations?|organismes?|operateurs?|partenaires?|porteurs?)"
_CONSORTIUM = re.compile(
    rf"\bconsortium\b|\bgroupement\b|\ba plusieurs {_ORGS}|"
    rf"\ben partenariat avec (?:{_COUNT}|plusieurs|d'autres|une autre|un autre)[ ]+(?:autres?[ ]+)?"
    rf"{_ORGS}|\bnous sommes {_COUNT} {_ORGS}|\bco-?port(?:e|es|ons|age)\b|"
    r"\bport(?:ons|ent|e) (?:ensemble|conjointement|a plusieurs)\b|"
    r"\bcandidature (?:commune|collective|conjointe)\b"
)
_SINGLE = re.compile(
    r"\bseule?s? (?:structure|association|porteu\w+|candidat\w*|operateur)\b|"
    r"\b(?:candidatons|candidate|portons|porte|deposons|depose|presentons|presente)[ ]+"
    r"(?:le projet[ ]+|ce projet[ ]+|notre projet[ ]+)?seule?s?\b|"
    r"\bcandidature (?:individuelle|unique)\b|\bsans partenaires?\b|"
    r"\bun seul (?:porteur|organisme|operateur)\b"
)
_LEAD = re.compile(r"\bchefs? de file\b")
_NO_LEAD_BEFORE = re.compile(
    r"\b(?:sans|aucun|ni|pas (?:encore |toujours )?(?:de|d'un|designe de)|"
    r"n'avons pas (?:encore )?(?:de|designe de|choisi de)|pas encore choisi de)[ ]+(?:de[ ]+)?$"
)
_NO_LEAD_AFTER = re.compile(
    r"[ ]*(?:n'est |n'a )?(?:pas|pas encore|toujours pas|non)[ ]+(?:encore[ ]+)?(?:ete[ ]+)?"
    r"(?:designe|defini|choisi|nomme|identifie)"
)
_LEAD_VERB_BEFORE = re.compile(
    r"(?:^.*(?:[,;:(]|\bet\b|\bdont\b|\bqui\b)|^)[ ]*(?P<name>[^,;:()]{1,60}?)[ ]+"
    r"(?:sera|serons|est|sommes|serait|serions|assure(?:ra)?|assurons|assurerons|assume(?:ra)?|"
    r"jouera|joue|jouons|devient|deviendra|deviendrons)"
    r"[ ]+(?:le |la |l')?(?:role |fonction )?(?:de |du )?$"
)
_LEAD_NAME_AFTER = re.compile(
    r"[ ]*(?::|=|sera|est|designe[ ]*:?)[ ]*(?P<name>[^,.;:!?()\n]{1,60})"
)
_LEAD_STATED = re.compile(
    r"\b(?:avec|avons|aurons|a|est|sera|seront)[ ]+(?:un|une|le|la|notre)[ ]+(?:designe[ ]+)?$"
)
_ACCOUNTING = re.compile(r"\bcomptabilite analytique\b")
_ACCOUNTING_NEGATION = re.compile(r"\b(?:pas|aucune|sans|ni|ne|n')\b[^.;:]{0,30}$")
_FIRST_PERSON = re.compile(
    r"\b(?:nous|notre|nos|on|tenons|tiendrons|disposons|avons|mettons|mettrons|dispose|tient|"
    r"l'association|la structure)\b"
)
_SOCIAL_PURPOSE = re.compile(
    r"\b(?:association|structure|entreprise|atelier|chantiers?|regie)[ ]+(?:d'|de l')insertion\b|"
    r"\bsiae\b|\bateliers? chantiers?\b|\baci\b|\bregie de quartier\b|"
    r"\bobjet social\b[^.;!?]{0,60}?\binsertion\b"
)
_OPERATOR = re.compile(
    r"\b(?:chantiers?|atelier|entreprise|regie)[ ]+d'insertion\b|\bsiae\b|\baci\b|"
    r"\bregie de quartier\b"
)
_EXPERIENCE = re.compile(
    rf"\b(?:[0-9]+|{_NUMBER_WORD_RE}|plus de [0-9]+)[ ]+ans d'experience\b[^.;!?]{{0,40}}?"
    r"\binsertion\b|\bexperience[ ]+(?:de[ ]+\w+[ ]+ans[ ]+)?(?:dans|de|en)[ ]+"
    r"(?:le domaine de[ ]+)?l'insertion\b|"
    rf"\bdepuis[ ]+(?:[0-9]+|{_NUMBER_WORD_RE}|plus de [0-9]+)[ ]+ans[ ]+(?:dans|en)[ ]+"
    r"(?:le domaine de[ ]+)?l'insertion\b|\bexperimentee?s? (?:dans|en) (?:l')?insertion\b"
)
_NO_EXPERIENCE = re.compile(
    r"\b(?:pas|aucune|sans|peu)[ ]+(?:d'|de[ ]+)?experience\b[^.;!?]{0,30}?\binsertion\b"
)
_ANCHORING = re.compile(
    r"\bancrage (?:territorial|local)\b|"
    r"\bancree?s? (?:localement|sur le territoire|dans le territoire|sur le quartier|"
    r"dans le quartier|territorialement)\b|"
    r"\bimplantee?s? (?:localement|depuis|sur le territoire|dans le territoire|"
    r"dans le departement|dans le quartier)\b|\bacteur local\b|"
    r"\b(?:implantee?s?|installee?s?|presente?s?)\b[^.;!?]{0,40}?\bdepuis[ ]+(?:[0-9]+|plus de)\b"
)
_FRAGILE = re.compile(
    r"\bdeficitaires?\b|\bdeficit\b|\bfonds propres (?:negatifs|insuffisants)\b|"
    r"\bdifficultes? financieres?\b|\btresorerie (?:tendue|fragile|negative|insuffisante)\b|"
    r"\bredressement judiciaire\b|\bprocedure de sauvegarde\b|\bfragilite financiere\b|"
    r"\bsituation financiere (?:fragile|difficile|tendue|precaire)\b|\bfinancierement fragile\b"
)
_HEALTHY = re.compile(
    r"\bcomptes? (?:sont )?(?:equilibres|excedentaires|sains)\b|\bexcedentaires?\b|"
    r"\bsituation financiere (?:saine|solide|bonne|equilibree|stable)\b|"
    r"\bbonne sante financiere\b|\bsante financiere (?:est )?(?:bonne|saine|solide)\b|"
    r"\bfonds propres (?:positifs|solides|suffisants)\b|\bfinancierement (?:solide|sain)e?s?\b"
)
_SHORT_NEGATION = re.compile(r"\b(?:ne|n'|pas|aucune?|sans|ni|peu|non)\b[^,;:]{0,20}$")
_NOT_A_NAME = re.compile(r"(?:designe|nomme|choisi|identifie|defini|un|une|obligatoire)\b")
_NAME_FIRST_PERSON = re.compile(r"^(?:nous|notre (?:association|structure)|on)$")


def _stated(pattern: re.Pattern[str], folded: str, declarative: _Spans) -> list[re.Match[str]]:
    return [m for m in pattern.finditer(folded) if declarative.contains(m.start())]


def _negated(folded: str, position: int) -> bool:
    return bool(_SHORT_NEGATION.search(folded[max(0, position - 25) : position]))


def _public(folded: str, declarative: _Spans) -> PublicTarget | None:
    invisible = _stated(_INVISIBLE, folded, declarative)
    registered = [
        m
        for m in _stated(_REGISTERED, folded, declarative)
        if not _NEGATION_BEFORE.search(folded[max(0, m.start() - 40) : m.start()])
    ]
    subsidiary = bool(_stated(_SUBSIDIARY, folded, declarative))
    if invisible:
        # The invisibles are then the main public; registered people can only be secondary.
        return PublicTarget(registered=False, subsidiary_conditions=subsidiary or None)
    if registered or subsidiary:
        return PublicTarget(registered=True, subsidiary_conditions=subsidiary or None)
    return None


def _lead_name(text: str, folded: str, match: re.Match[str], sentence_start: int) -> str | None:
    before = folded[max(sentence_start, match.start() - 90) : match.start()]
    named = _LEAD_VERB_BEFORE.search(before)
    if named:
        offset = match.start() - len(before) + named.start("name")
        name = text[offset : offset + len(named.group("name"))]
    else:
        after = _LEAD_NAME_AFTER.match(folded, match.end())
        if not after:
            return None
        name = text[after.start("name") : after.end("name")]
    name = name.strip(" «»\"'")
    if _NOT_A_NAME.match(_fold(name)):
        return None
    if _NAME_FIRST_PERSON.match(_fold(name)):
        return "notre structure"
    return name or None


def _consortium(
    text: str, folded: str, declarative: _Spans, sentences: list[tuple[int, int]]
) -> Consortium | None:
    starts = [start for start, _ in sentences]
    consortium = Consortium()
    for m in _stated(_CONSORTIUM, folded, declarative):
        consortium.is_consortium = not _negated(folded, m.start())
    for m in _stated(_SINGLE, folded, declarative):
        if not _negated(folded, m.start()):
            consortium.is_consortium = False
    for m in _stated(_LEAD, folded, declarative):
        sentence_start = starts[bisect.bisect_right(starts, m.start()) - 1]
        before = folded[max(sentence_start, m.start() - 50) : m.start()]
        if _NO_LEAD_BEFORE.search(before) or _NO_LEAD_AFTER.match(folded, m.end()):
            consortium.has_lead = False
            consortium.lead = None
            continue
        name = _lead_name(text, folded, m, sentence_start)
        if name:
            consortium.lead = name
            consortium.has_lead = True
        elif _LEAD_STATED.search(before):
            consortium.has_lead = True
    if consortium.has_lead is not None and consortium.is_consortium is None:
        consortium.is_consortium = True
    if consortium == Consortium():
        return None
    return consortium


def _flag(
    folded: str, declarative: _Spans, yes: re.Pattern[str], no: re.Pattern[str] | None = None
) -> bool | None:
    value: bool | None = None
    for m in _stated(yes, folded, declarative):
        value = not _negated(folded, m.start())
    if no is not None and _stated(no, folded, declarative):
        value = False
    return value


def _accounting(folded: str, declarative: _Spans) -> bool | None:
    value: bool | None = None
    for m in _stated(_ACCOUNTING, folded, declarative):
        before = folded[max(0, m.start() - 60) : m.start()]
        if _ACCOUNTING_NEGATION.search(before) or re.match(
            r"[ ]*(?:n'est pas|pas encore|non)\b", folded[m.end() : m.end() + 20]
        ):
            value = False
        elif _FIRST_PERSON.search(before):
            value = True
    return value


def _organisation(folded: str, declarative: _Spans) -> Organisation | None:
    purpose = _flag(folded, declarative, _SOCIAL_PURPOSE)
    experience = _flag(folded, declarative, _EXPERIENCE, _NO_EXPERIENCE)
    if experience is None and _stated(_OPERATOR, folded, declarative):
        experience = True  # a working insertion site has, by definition, that experience
    anchoring = _flag(folded, declarative, _ANCHORING)
    health = None
    if any(not _negated(folded, m.start()) for m in _stated(_FRAGILE, folded, declarative)):
        health = "fragile"
    elif _flag(folded, declarative, _HEALTHY):
        health = "bonne"
    organisation = Organisation(
        social_purpose_insertion=purpose,
        insertion_experience=experience,
        territorial_anchoring=anchoring,
        financial_health=health,
    )
    return None if organisation == Organisation() else organisation


# --- entry point ---------------------------------------------------------------------

_CALL_NAME_BEFORE = re.compile(
    r"\b(?:ami|o2r|dreets|appel a (?:manifestation d'interet|projets?))[ ]*(?:o2r[ ]*)?"
    r"(?:en[ ]+|de[ ]+|des[ ]+|du[ ]+|-[ ]*)?$"
)


def _names_the_call(folded: str, position: int) -> bool:
    return bool(_CALL_NAME_BEFORE.search(folded[max(0, position - 40) : position]))


def extract_facts(text: str) -> Dossier:
    """The facts one French message states; everything else stays unknown (None)."""
    folded = _fold(text)
    sentences = _sentences(folded)
    declarative = _declarative(folded, sentences)
    project_months, pathway_months = _durations(folded, sentences)
    budget = _budget(folded, project_months, declarative)
    places = [
        PlaceRecord(
            name=place.name,
            department=place.department,
            in_region=None if place.department else place.in_region,
        )
        for position, place in _find_places(text, folded)
        # "l'AMI Pays de la Loire" names the call, not a place of action.
        if place.department or not _names_the_call(folded, position)
    ]
    return Dossier(
        organisation=_organisation(folded, declarative),
        places=places or None,
        budget_lines=budget.lines,
        total_cost_eur=budget.total,
        annual_cost_eur=budget.annual,
        training_cost_eur=budget.training,
        project_months=project_months,
        pathway_months=pathway_months,
        public=_public(folded, declarative),
        consortium=_consortium(text, folded, declarative, sentences),
        analytic_accounting=_accounting(folded, declarative),
    )
