"""Numbers in text, French first: number words, amounts of money and durations.

The patterns match text folded by ``text.fold`` (lower case, no accents), whose
offsets are those of the original text. Fact extraction, the check of generated
answers and the feedback export all read amounts and durations here.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from o2r_assistant.text import fold

__all__ = [
    "CURRENCY",
    "DATE_RANGE",
    "DURATION",
    "NUMBER_WORDS",
    "NUMBER_WORD_PATTERN",
    "Amount",
    "find_amounts",
    "find_months",
    "months_of",
    "number_word",
    "parse_amount",
    "range_months",
    "word_value",
]

# --- number words --------------------------------------------------------------------

_SMALL = [
    "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
    "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf",
]  # fmt: skip
_TENS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
# Candidates also write in English ("a three-year project"); no word collides with French.
_EN_SMALL = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
]  # fmt: skip
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}


def number_word(n: int) -> str:
    """``n`` written in French words as the texts write small counts ("trois ans")."""
    return _SMALL[n] if 0 <= n < len(_SMALL) else str(n)


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
    words.update({word: value for value, word in enumerate(_EN_SMALL)})
    for tens_word, tens in _EN_TENS.items():
        words[tens_word] = tens
        for unit in range(1, 10):
            words[f"{tens_word}-{_EN_SMALL[unit]}"] = tens + unit
    return words


NUMBER_WORDS: dict[str, int] = _number_words()
_WORD_KEY = re.compile(r"[\s-]+")


def _word_pattern(words: list[str]) -> str:
    # Longest first, so that "dix-huit" wins over "dix"; hyphens and spaces interchange.
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(
        re.escape(w).replace(r"\-", r"[\s-]+").replace(r"\ ", r"[\s-]+") for w in ordered
    )


# Any number word from zero to sixty-nine, French or English, as a regular expression
# alternation.
NUMBER_WORD_PATTERN = _word_pattern(list(NUMBER_WORDS))


def word_value(word: str) -> int:
    """The value of a folded number word matched by ``NUMBER_WORD_PATTERN``."""
    return NUMBER_WORDS[_WORD_KEY.sub("-", word).replace("-et-", " et ")]


# --- amounts -------------------------------------------------------------------------

CURRENCY = r"(?:€|euros?\b|eur\b)"
_CHAIN = re.compile(r"(?<![0-9])[0-9]+(?:[ .,][0-9]+)*")
_SEPARATOR = re.compile(r"([ .,])")
_MULTIPLIER = r"[ ]{0,2}(?:(?P<k>k|mille)|(?P<m>m|millions?)|(?P<g>mds?|milliards?))?"
# What thousands count when they are no money: "2 mille personnes", "10k km".
_NOT_MONEY_AFTER = (
    r"(?![ ]?(?:m|km|personnes?|gens|jeunes|habitants|"
    r"beneficiaires|participants|heures|km|kilometres|fois|ans|mois)\b)"
)
_AMOUNT_TAIL = re.compile(
    _MULTIPLIER
    + r"[ ]{0,2}(?:d')?[ ]{0,2}"
    + CURRENCY
    # "200k", "180 mille" alone: thousands are how budgets are written in a hurry.
    + r"|[ ]?(?P<bare_k>k|mille)\b"
    + _NOT_MONEY_AFTER
)
# "149 999 e", "58 000e par an", "90 000 balles": euros in a text message, after a sum too large
# to be an ordinal ("le 3e") or a class ("5e").
_SMS_EURO = re.compile(r"[ ]?(?:e\b(?!['’-])|balles\b)")
_SMS_EURO_MIN = 1000
_YEAR = re.compile(r"(?:19|20)[0-9]{2}")
# "€40,000", "EUR 40k", "€1.2 million": the English order, currency first.
_CURRENCY_FIRST = re.compile(r"(?:€|\beur\b)[ ]?(?=[0-9])")
_SCALE_AFTER = re.compile(
    r"(?:[ ]{0,2}(?:(?P<k>k|mille)|(?P<m>m|millions?)|(?P<g>mds?|milliards?))\b)?"
)
_BARE_TAIL = re.compile(_MULTIPLIER + r"[ ]{0,2}(?:(?:d')?[ ]{0,2}" + CURRENCY + r")?[ ]*$")
# An amount in words: "cent soixante mille euros", "deux millions d'euros", "one hundred
# and sixty thousand euros". Each word adds to the number or multiplies what precedes it.
_WORD_SCALES = {
    "cent": 100, "cents": 100, "hundred": 100,
    "mille": 1000, "thousand": 1000,
    "million": 10**6, "millions": 10**6,
    "milliard": 10**9, "milliards": 10**9, "billion": 10**9, "billions": 10**9,
}  # fmt: skip
# English tens past sixty; French writes them by addition ("soixante-dix", "quatre-vingt-dix").
_HIGH_TENS = {"seventy": 70, "eighty": 80, "ninety": 90}
# Up to "seize": "dix-sept" reads as "dix" and "sept".
_AMOUNT_WORDS = [*_WORD_SCALES, *_SMALL[:17], *_TENS, *_EN_SMALL, *_EN_TENS, *_HIGH_TENS, "une"]
_WORD_TOKEN = (
    r"(?:quatre[ -]vingts?|" + "|".join(sorted(_AMOUNT_WORDS, key=len, reverse=True)) + r")\b"
)
# No amount takes more number words than this ("deux millions trois cent quatre-vingt-dix-
# neuf mille…"): a bound keeps a long run of them from being read over and over.
_WORDS_AT_MOST = 15
_WORD_AMOUNT = re.compile(
    rf"\b(?P<words>{_WORD_TOKEN}(?:[ -]+(?:(?:et|and)[ -]+)?{_WORD_TOKEN}){{0,{_WORDS_AT_MOST}}})"
    r"[ ]+(?:d')?[ ]?"
    + CURRENCY
    # "cent mille sur 3 ans": thousands in words alone, as "100 mille" in figures; not a
    # year ("deux mille vingt-cinq").
    + rf"|\b(?P<thousands>(?:{_WORD_TOKEN}[ -]+(?:(?:et|and)[ -]+)?){{1,{_WORDS_AT_MOST}}}mille)\b"
    + rf"(?![ -]+{_WORD_TOKEN}\b)"
    + _NOT_MONEY_AFTER
)
# "une dizaine de milliers d'euros", "deux centaines de milliers d'euros": a collective
# numeral of thousands, read at its round value.
_COLLECTIVES = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
}  # fmt: skip
_COLLECTIVE_AMOUNT = re.compile(
    rf"\b(?P<count>une?|{'|'.join(_SMALL[2:10])})[ ]+(?P<unit>{'|'.join(_COLLECTIVES)})s?[ ]+"
    r"(?:de[ ]+)?(?:milliers|mille)[ ]+(?:d')?[ ]?" + CURRENCY
)
# "1M2", "2m5": millions written with their first decimal after the M.
# Only with money around it: "1m2" is also a square metre.
_MILLION_DECIMAL = re.compile(r"(?<![0-9.,])([0-9])[ ]?m([0-9])\b")
_MONEY_BEFORE = re.compile(r"\b(?:budget|cout|total|montant|enveloppe|financement|table sur)\b")
_MONEY_AFTER = re.compile(r"[ ]*(?:au total|en tout|d'euros|euros?\b|€|de budget)")
# Longer numbers are not budgets, and would overflow the 28-digit decimal context.
_MAX_DIGITS = 15
_MULTIPLIERS = {
    "k": Decimal(1000),
    "bare_k": Decimal(1000),
    "m": Decimal(10**6),
    "g": Decimal(10**9),
}


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
    # Euros never carry three decimals: "180,000" is the English way to write 180 000.
    if last and seps[-1] in ",." and len(digits[-1]) != 3:
        decimal = "." + digits[-1]
        last -= 1
    first = last
    if len(digits[last]) == 3 or last == 0:
        while (
            first > 0
            and seps[first - 1] in " .,"
            and len(digits[first]) == 3
            and len(digits[first - 1]) <= 3
        ):
            first -= 1
    integer = "".join(digits[first : last + 1])
    return offsets[first], integer + decimal


def _is_scaled(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return any(groups.get(group) for group in _MULTIPLIERS)


def _scaled(number: str, match: re.Match[str]) -> Decimal:
    value = Decimal(number)
    groups = match.groupdict()
    for group, factor in _MULTIPLIERS.items():
        if groups.get(group):
            value *= factor
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _words_value(words: str) -> Decimal:
    """The value of the words of a ``_WORD_AMOUNT`` match: "cent soixante mille" is 160 000."""
    total = current = 0
    for token in re.finditer(_WORD_TOKEN, words):
        word = token.group()
        if word.startswith("quatre"):
            current += 80
        elif word in ("cent", "cents", "hundred"):
            current = (current or 1) * 100
        elif word in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[word]
            current = 0
        else:
            current += _HIGH_TENS.get(word) or NUMBER_WORDS[word]
    return Decimal(total + current)


def parse_amount(text: str) -> Decimal | None:
    """The amount of one expression ("150 000 €", "150k€", "1,2 million d'euros"), else None."""
    folded = fold(text).strip()
    words = _WORD_AMOUNT.fullmatch(folded)
    if words:
        return _words_value(words.group("words") or words.group("thousands"))
    chain = _CHAIN.match(folded)
    if not chain:
        return None
    offset, number = _chain_number(chain.group())
    tail = _BARE_TAIL.match(folded, chain.end())
    if offset or not tail or len(number) > _MAX_DIGITS:
        return None
    return _scaled(number, tail)


@dataclass(frozen=True)
class Amount:
    """An amount of money stated in a text; ``scaled`` when written with k, M, mille…"""

    start: int
    end: int
    value: Decimal
    scaled: bool


def find_amounts(folded: str) -> list[Amount]:
    """Every amount of money (a number with its currency) in folded text, in order."""
    found: list[Amount] = []
    for chain in _CHAIN.finditer(folded):
        tail = _AMOUNT_TAIL.match(folded, chain.end()) or _SMS_EURO.match(folded, chain.end())
        if not tail:
            continue
        offset, number = _chain_number(chain.group())
        if len(number) > _MAX_DIGITS:
            continue
        value = _scaled(number, tail)
        if tail.re is _SMS_EURO and (value < _SMS_EURO_MIN or _YEAR.fullmatch(number)):
            continue
        found.append(Amount(chain.start() + offset, tail.end(), value, _is_scaled(tail)))
    for currency in _CURRENCY_FIRST.finditer(folded):
        # "150 000 € 40 personnes": a currency that ends an amount starts none.
        if any(a.start <= currency.start() < a.end for a in found):
            continue
        chain = _CHAIN.match(folded, currency.end())
        if not chain:
            continue
        offset, number = _chain_number(chain.group())
        if offset or len(number) > _MAX_DIGITS:
            continue
        scale = _SCALE_AFTER.match(folded, chain.end())
        value = _scaled(number, scale)
        # "EUR 40k" was already read as "40k": one amount, from the currency on.
        found = [a for a in found if a.start != chain.start()]
        found.append(Amount(currency.start(), scale.end(), value, _is_scaled(scale)))
    for million in _MILLION_DECIMAL.finditer(folded):
        if any(a.start <= million.start() < a.end for a in found) or not (
            _MONEY_BEFORE.search(folded, max(0, million.start() - 40), million.start())
            or _MONEY_AFTER.match(folded, million.end())
        ):
            continue
        value = Decimal(f"{million.group(1)}.{million.group(2)}") * 10**6
        found.append(Amount(million.start(), million.end(), value.quantize(Decimal(1)), True))
    for collective in _COLLECTIVE_AMOUNT.finditer(folded):
        count = 1 if collective["count"] in ("un", "une") else NUMBER_WORDS[collective["count"]]
        value = Decimal(count * _COLLECTIVES[collective["unit"]] * 1000)
        found.append(Amount(collective.start(), collective.end(), value, True))
    for words in _WORD_AMOUNT.finditer(folded):
        # "150 mille euros", "1,2 million d'euros": words that end an amount in figures.
        if any(a.start <= words.start() < a.end for a in found):
            continue
        said = words.group("words") or words.group("thousands")
        found.append(Amount(words.start(), words.end(), _words_value(said), True))
    return sorted(found, key=lambda a: a.start)


# --- durations -----------------------------------------------------------------------

# A number (digits, "2,5" or words) of years or months, in folded text.
DURATION = re.compile(
    rf"(?<![\w.,])(?P<n>[0-9]{{1,3}}(?:[,.]5)?|{NUMBER_WORD_PATTERN})[ -]*"
    # "two full years", "deux bonnes années": a span stressed is the same span.
    r"(?:(?:full|whole|entire|complete|bonnes?)[ ]+)?"
    # Abbreviated too: "3 yrs", "18 mths".
    r"(?P<u>ans?|annees?|mois|years?|yrs?|months?|mths?|mos|trimestres?|semestres?|quarters?"
    r"|semaines?|weeks?|jours|days)\b"
    r"(?P<half>[ ]+et[ ]+demie?)?"
)


MIN_DAYS = 60


def months_of(match: re.Match[str]) -> int | None:
    """The length in whole months of a ``DURATION`` match, else None."""
    raw = match.group("n")
    number = Decimal(raw.replace(",", ".") if raw[0].isdigit() else word_value(raw))
    if match.group("half"):
        number += Decimal("0.5")
    unit = match.group("u")
    if unit in ("jours", "days"):
        # Days name a span in months only from two months on ("au plus 150 jours"), not a
        # delay or a meeting ("sous 15 jours", "3 days of training").
        return math.ceil(number * 12 / 365) if number >= MIN_DAYS else None
    if unit.startswith(("semaine", "week")):
        # Weeks count as the months they reach: 36 weeks are 9 months, 53 are 13.
        return math.ceil(number * 12 / 52) if number > 0 else None
    per_unit = 3 if unit.startswith(("trim", "quar")) else 6 if unit.startswith("semes") else None
    months = (
        number * per_unit if per_unit else number if unit.startswith(("mo", "mth")) else number * 12
    )
    if months <= 0 or months != months.to_integral_value():
        return None
    return int(months)


def find_months(folded: str) -> list[int]:
    """The length in months of every duration in folded text, in order."""
    return [m for match in DURATION.finditer(folded) if (m := months_of(match)) is not None]


# --- periods between two dates -------------------------------------------------------

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("janvier", "january", "jan"),
            ("fevrier", "february", "feb"),
            ("mars", "march", "mar"),
            ("avril", "april", "apr"),
            ("mai", "may"),
            ("juin", "june", "jun"),
            ("juillet", "july", "jul"),
            ("aout", "august", "aug"),
            ("septembre", "september", "sept", "sep"),
            ("octobre", "october", "oct"),
            ("novembre", "november", "nov"),
            ("decembre", "december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAME = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A year's start or end: "début 2025", "fin 2027", "the end of 2027".
_YEAR_EDGE = r"(?:debut|fin|(?:the[ ]+)?(?:start|beginning|end)[ ]+of)[ ]+20[0-9]{2}"
# "1er septembre 2025", "janvier 2025", "01/09/2025", "fin 2027".
_DATE = (
    rf"(?:(?:le[ ]+)?[0-9]{{1,2}}(?:er)?[ ]+)?(?:{_MONTH_NAME})\.?[ ]+20[0-9]{{2}}|"
    rf"[0-9]{{1,2}}/[0-9]{{1,2}}/20[0-9]{{2}}|{_YEAR_EDGE}"
)
# "de janvier 2025 à décembre 2027", "du 1er septembre 2025 au 31 août 2028",
# "from March 2025 to February 2028", "(janvier 2026 → décembre 2028)".
DATE_RANGE = re.compile(
    rf"(?:\b(?:de|du|d'|depuis|from|between|entre)[ ]+|\([ ]*)(?P<start>{_DATE})[ ]*"
    r"(?:a|au|jusqu'a|jusqu'au|et|-|to|until|till|through|and|→|->)[ ]+"
    rf"(?P<end>{_DATE})\b"
)
# "démarrerait le 1er mars 2026 et s'achèverait le 31 août 2027", "starts in May 2026 and
# ends in April 2029": a start and an end, each with its verb.
_DATE_SPAN = re.compile(
    r"\b(?:demarr|commenc|debut|start|begin|began|lanc)\w*[^.;!?]{0,25}?"
    rf"(?P<start>{_DATE})[^.;!?]{{0,40}}?"
    r"\b(?:s'achev|achev|termin|finir|finit|finira|prend fin|prendra fin|end|finish)\w*"
    rf"[^.;!?]{{0,25}}?(?P<end>{_DATE})\b"
)


# One person's pathway by its dates: "premier contact le 15 septembre 2025, … puis
# accompagnement jusqu'à fin décembre 2026", "first met in March 2026 and followed until
# June 2027". Its start is a person's, so it is no project's span.
PATHWAY_SPAN = re.compile(
    r"\b(?:premier contact|premiere rencontre|entree (?:dans|en)|entre(?:e|es|s)? (?:dans|en)"
    # "Les personnes entreraient chez nous en septembre 2025 et y resteraient jusqu'à…".
    r"|entr(?:ent|eront|eraient|erait|era|aient|ait)(?: chez [a-z]+)? (?:dans|en)"
    r"|first (?:contact|met|meeting)|entered|joined)"
    rf"[^.;!?]{{0,40}}?(?P<start>{_DATE})[^.;!?]{{0,200}}?"
    r"\b(?:jusqu'(?:a|au|en)|until|till|through"
    # Or the day the person leaves: "l'entrée est fixée au 1er septembre 2025 et la sortie
    # au 31 octobre 2026", "exit on 31 October 2026".
    r"|sortie[^.;!?0-9]{0,25}?\b(?:au|le|en|a)|(?:exit|leaves?|left)(?:[ ]+(?:on|in))?)[ ]+"
    r"(?:(?:la |the )?(?:fin|end)(?: de| d'| of)?[ ]*)?"
    rf"(?P<end>{_DATE})\b"
)


# A schedule: "01/09/2026 : démarrage … 31/12/2029 : fin du projet".
_SCHEDULE_SPAN = re.compile(
    rf"(?P<start>{_DATE})[ ]*[:-]?[ ]*(?:demarrage|lancement|debut|start|kick-?off)\b"
    rf"[\s\S]{{0,600}}?(?P<end>{_DATE})[ ]*[:-]?[ ]*(?:fin|cloture|end|closing)\b"
)


# Months without years: "de septembre à juin", "from October to March". The span runs
# over the new year when the end comes first in the calendar.
MONTH_RANGE = re.compile(
    rf"\b(?:(?:de|from|entre)[ ]+|d')(?P<start>{_MONTH_NAME})[ ]+"
    r"(?:a|au|jusqu'a|jusqu'en|-|to|until|till|through|et|and)[ ]+"
    rf"(?P<end>{_MONTH_NAME})\b(?![ ]*(?:[0-9]|prochain|suivant|next|following))"
)


def month_range_months(match: re.Match[str]) -> int:
    """The months of a ``MONTH_RANGE`` match, both ends included."""
    return (_MONTHS[match.group("end")] - _MONTHS[match.group("start")]) % 12 + 1


def date_ranges(folded: str) -> list[re.Match[str]]:
    """Every period between two dates in folded text, in order."""
    ranges = list(DATE_RANGE.finditer(folded))
    taken = [(m.start(), m.end()) for m in ranges]
    for match in [*_DATE_SPAN.finditer(folded), *_SCHEDULE_SPAN.finditer(folded)]:
        if not any(start < match.end() and match.start() < end for start, end in taken):
            ranges.append(match)
    return sorted(ranges, key=lambda m: m.start())


_DATE_PARTS = re.compile(
    rf"(?:(?:le[ ]+)?(?P<day>[0-9]{{1,2}})(?:er)?[ ]+)?(?P<month>{_MONTH_NAME})\.?[ ]+"
    r"(?P<year>20[0-9]{2})|(?P<nday>[0-9]{1,2})/(?P<nmonth>[0-9]{1,2})/(?P<nyear>20[0-9]{2})"
    r"|(?P<edge>debut|fin|(?:the[ ]+)?(?:start|beginning|end)[ ]+of)[ ]+(?P<eyear>20[0-9]{2})"
)
_DAYS_PER_MONTH = 365.25 / 12


def _date_of(text: str, *, end: bool) -> date | None:
    parts = _DATE_PARTS.fullmatch(text)
    if parts is None:
        return None
    if parts.group("edge"):
        # A year's start is its January, its end its December.
        ends = parts.group("edge").startswith(("fin", "end", "the end"))
        year, month, day = int(parts.group("eyear")), 12 if ends else 1, None
    elif parts.group("month"):
        year, month, day = (
            int(parts.group("year")),
            _MONTHS[parts.group("month")],
            parts.group("day"),
        )
    else:
        year, month, day = (
            int(parts.group("nyear")),
            int(parts.group("nmonth")),
            parts.group("nday"),
        )
    if not 1 <= month <= 12:
        return None
    # A month alone runs from its first day (a start) to its last (an end).
    last = calendar.monthrange(year, month)[1]
    day_number = int(day) if day else (last if end else 1)
    return date(year, month, day_number) if 1 <= day_number <= last else None


def range_months(match: re.Match[str]) -> int | None:
    """The length in whole months of a ``DATE_RANGE`` match, both ends included, else None."""
    start = _date_of(match.group("start"), end=False)
    end = _date_of(match.group("end"), end=True)
    if start is None or end is None or end < start:
        return None
    return round(((end - start).days + 1) / _DAYS_PER_MONTH) or None
