"""Text-message spellings read as the words they stand for.

"c koi le seuil mini du budget pr l'AMI ?" asks what "c koi le seuil minimum du budget
pour l'AMI ?" asks: question reading, retrieval and sentence scoring see the words the
texts use. Only whole words that mean nothing else in a question about the call are read
this way, and never one typed in capitals ("NB :", "PB" as a name). The question's own
reading knows "c koi" and "c quoi"; writing out "c" or "koi" here lost more questions than
it gained (measured with `o2r eval`).

Two readings are not listed but derived from the corpus, which the retriever reads them
from for each index generation: a noun clipped after its determiner ("la conv") is the
corpus term it starts (``clippings``), and a word typed without the accents its stem needs
("egalite") is the word the corpus writes (``accents``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping

from .numbers import NUMBER_WORD_PATTERN
from .question import is_english
from .text import fold, stem

# Common French and English text-message spellings and clipped words.
_SPELLED_OUT = {
    "pr": "pour",
    "ds": "dans",
    "ki": "qui",
    "ke": "que",
    "kan": "quand",
    "qd": "quand",
    "cb": "combien",
    "cmb": "combien",
    "cmbien": "combien",
    "cbien": "combien",
    "bcp": "beaucoup",
    "tt": "tout",
    "chq": "chaque",
    "chaq": "chaque",
    "surtt": "surtout",
    "ts": "tous",
    "tte": "toute",
    "ttes": "toutes",
    "svt": "souvent",
    "jms": "jamais",
    "pcq": "parce que",
    "pck": "parce que",
    "tjrs": "toujours",
    "tjs": "toujours",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "pkoi": "pourquoi",
    "qqn": "quelqu'un",
    "qqun": "quelqu'un",
    "diff": "différence",
    "inscri": "inscrit",
    "qqch": "quelque chose",
    "pb": "problème",
    "pbm": "problème",
    "mm": "même",
    "ms": "mais",
    "ns": "nous",
    "dc": "donc",
    "tps": "temps",
    "pdt": "pendant",
    "avc": "avec",
    "mini": "minimum",
    "maxi": "maximum",
    # Typed in lower case and not after a number: "10 min" is ten minutes, "Max" a name.
    "min": "minimum",
    "max": "maximum",
    "oblig": "obligatoire",
    "dispo": "disponible",
    "xp": "expérience",
    "secu": "sécurité sociale",
    "sécu": "sécurité sociale",
    "vrmt": "vraiment",
    "u": "you",
    "ur": "your",
    "abt": "about",
    "pls": "please",
    "plz": "please",
    "yr": "year",
    "yrs": "years",
    "mth": "month",
    "mths": "months",
    "mtg": "meeting",
    "approx": "approximately",
    "govt": "government",
    "org": "organisation",
    "orgs": "organisations",
    # The network's members by their initials, as those who work with them write them, in
    # capitals or not.
    "ml": "mission locale",
    # "la mission loc": typed in lower case, it is the local one.
    "loc": "locale",
    "ft": "France Travail",
    # The region by its initials, in capitals or not.
    "pdl": "Pays de la Loire",
}
_INITIALS = frozenset({"ml", "ft", "pdl"})
# A whole word, or one after an elided article ("de l'xp").
_WORD = re.compile(
    r"(?:(?<![\w'’-])|(?<=\b[dl]['’]))(" + "|".join(_SPELLED_OUT) + r")(?![\w'’-])", re.I
)
_LOWER_CASE_ONLY = frozenset({"min", "max", "loc"})
# Right after a number, or a number and its unit, "min" and "max" are a unit or a note's
# bound ("10 min", "8 mois max"), which the reading of durations knows.
# A unit is a word: "quick one - min budget?" has no number before "min".
_NUMBER_BEFORE = re.compile(rf"(?:\d|\b(?:{NUMBER_WORD_PATTERN})\b)\S*(?:\s+[^\W\d]+)?\s*$")
# "jpeux", "jsuis", "jvais": "je" elided before a consonant, typed as one word. Only in
# lower case and with three letters or more after the "j", so that no initials are read.
_ELIDED_JE = re.compile(r"(?<![\w'’-])j(?=[bcdfgklmnpqrstvwxz][a-zà-ÿ]{2,}(?![\w'’-]))")
# "lancrage", "dinsertion": an article or a preposition elided and typed on to the next
# word, without its apostrophe. Read so only when the word is unknown and the rest is a
# word of the texts, of five letters or more, typed in lower case without accents.
_GLUED_ELISION = re.compile(r"(?<![\w'’-])(qu|[ldjnmst])([aeiouyh][a-z]{4,})(?![\w'’-])")
# "reseau pour l emploi", "d insertion": the apostrophe typed as a space.
_SPACED_ELISION = re.compile(r"(?<![\w'’-])(qu|[ldjnmst]) (?=[aeiouyhéèêàâîô][a-zà-ÿ]+)")
# "what r the missions?": "r" between a wh-word and a determiner is "are".
_ARE = re.compile(
    r"\b(what|which|who|where|how|when)\s+r\b(?=\s+(?:the|they|there|we|you)\b)", re.I
)


def spelled_out(
    text: str,
    clipped: Mapping[str, str] | None = None,
    accented: Mapping[str, str] | None = None,
    misspelt: Callable[[str], str | None] | None = None,
    known: Collection[str] = frozenset(),
) -> str:
    """``text`` with its text-message spellings written out, each clipped word of
    ``clipped`` (see ``clippings``) read as the corpus word it starts, each word typed
    without its accents as ``accented`` (see ``accents``) writes it, and, in an English
    message, each word ``misspelt`` reads as a slip for another as that word. In a French
    one, a word of ``known`` (the texts' accent-folded words) typed with its elided
    article on it ("lancrage"), or a space for its apostrophe ("l emploi"), is given its
    apostrophe back."""
    text = _ARE.sub(r"\1 are", _WORD.sub(_written_out, _ELIDED_JE.sub("je ", text)))
    if known and not is_english(text):
        text = _GLUED_ELISION.sub(
            lambda m: f"{m[1]}'{m[2]}" if m[0] not in known and m[2] in known else m[0], text
        )
        text = _SPACED_ELISION.sub(r"\1'", text)
    if clipped:
        text = _CLIPPED.sub(lambda m: m[1] + clipped.get(fold(m[2]), m[2]), text)
    if accented:
        text = _UNACCENTED.sub(lambda m: accented.get(m[0], m[0]), text)
    if misspelt and is_english(text):
        text = _UNACCENTED.sub(lambda m: misspelt(m[0]) or m[0], text)
    return text


# Keys side by side on a keyboard: a letter changed for its neighbour is a slip ("maximun"),
# one changed for a far one makes another word ("older", "order").
_KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_VOWELS = frozenset("aeiouy")


def _near_keys(a: str, b: str) -> bool:
    if a in _VOWELS and b in _VOWELS:
        return True  # "experiance": a vowel for the one heard
    return any(a in row and b in row and abs(row.index(a) - row.index(b)) == 1 for row in _KEY_ROWS)


def one_slip(typed: str, word: str) -> bool:
    """Whether ``typed`` is ``word`` with one letter added or dropped, one changed for a
    neighbouring key or a vowel for a vowel, or two neighbouring letters swapped."""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        diff = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diff) == 1:
            return _near_keys(typed[diff[0]], word[diff[0]])
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and typed[diff[0]] == word[diff[1]]
            and typed[diff[1]] == word[diff[0]]
        )
    short, long = sorted((typed, word), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


# A word typed in lower case without accents ("egalite", "l'egalite"), whole; not a short
# one, which is more often a word of the sentence's own ("c lesquels deja"), nor a
# capitalised one, which may be a name ("Whitcombe").
_UNACCENTED = re.compile(r"(?<![\w-])[a-z]{5,}(?![\w-])")


def accents(counts: Mapping[str, int]) -> dict[str, str]:
    """The corpus's accented words by their spelling without accents, where the accents
    change the stem the texts are searched by: "egalite" is "égalité" (stems "egalit" and
    "egal"), "duree" "durée"; "charge" stems as "chargé" does, and is left as typed, as is
    a spelling that is itself a corpus word. ``counts`` as for ``clippings``."""
    out: dict[str, str] = {}
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        # A participle or adjective in "-é" is typed in its other forms too: "privé" is
        # written "privee" of a company ("une boite privee").
        forms = [word, *(word + end for end in ("e", "s", "es"))] if word.endswith("é") else [word]
        for form in forms:
            bare = fold(form)
            if bare != form and bare not in counts and stem(bare) != stem(form):
                out.setdefault(bare, form)
    return out


# A noun clipped in a hurry follows its determiner ("la conv", "l'accomp") or a word naming
# the topic ("côté compta ?", "niveau accomp"): a word typed in lower case there, not one
# hyphenated into another. Elsewhere a short word is more often a word of its own
# ("dispos", "mon avis perso").
_DETERMINER = (
    r"(?i:(\b(?:la|le|les|un|une|des|du|ma|ta|sa|mes|notre|nos|votre|vos|cette|ce|ces|leur"
    r"|leurs|côté|coté|cote|niveau)\s+|\b[ld]['’]))"
)
_CLIPPED = re.compile(rf"{_DETERMINER}([a-zà-ÿœ]{{4,7}})(?![\w'’-])")
_DETERMINED = re.compile(rf"{_DETERMINER}([a-zà-ÿœ]+)")


def determined(text: str) -> set[str]:
    """The words ``text`` writes after a determiner: its nouns, as far as words tell."""
    return {m[2] for m in _DETERMINED.finditer(text)}


# A clipping keeps at least 4 letters and drops at least 3 ("conv", "remob", "accomp").
CLIP_MIN_KEPT = 4
CLIP_MIN_DROPPED = 3


def clippings(counts: Mapping[str, int], targets: Collection[str]) -> dict[str, str]:
    """The clipped forms of the corpus's ``targets``: "la conv" is the convention, "la
    remob" the remobilisation. ``counts`` holds every corpus word (lower case, accented)
    with its count. A start is read as a clipping only when it is no corpus word itself,
    every corpus word it starts goes on with the same ``CLIP_MIN_DROPPED`` letters or more
    ("part" starts "partie" and "partenariats": not read), and the most frequent of them is
    a target. Keys are folded."""
    starting: dict[str, list[str]] = {}
    for word in counts:
        folded = fold(word)
        for kept in range(CLIP_MIN_KEPT, len(folded)):
            starting.setdefault(folded[:kept], []).append(word)
    known = {fold(w) for w in counts}
    out: dict[str, str] = {}
    for start, words in starting.items():
        reach = len(start) + CLIP_MIN_DROPPED
        goes_on = {fold(w)[:reach] for w in words}
        if start in known or len(goes_on) > 1 or len(next(iter(goes_on))) < reach:
            continue
        best = max(words, key=lambda w: (counts[w], w))
        if best in targets:
            out[start] = best
    return out


# How far before "min" or "max" a number and its unit are looked for.
_NUMBER_REACH = 40


def _written_out(match: re.Match[str]) -> str:
    typed = match[1]
    if typed.lower() in _INITIALS:
        return _SPELLED_OUT[typed.lower()]
    if typed.isupper():
        return typed
    if typed.lower() in _LOWER_CASE_ONLY and (
        not typed.islower()
        or _NUMBER_BEFORE.search(
            fold(match.string[max(0, match.start() - _NUMBER_REACH) : match.start()])
        )
    ):
        return typed
    return _keep_case(typed, _SPELLED_OUT[typed.lower()])


def _keep_case(typed: str, word: str) -> str:
    """A capitalised "Pr" becomes "Pour"."""
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word
