"""French text normalisation shared by retrieval, answers, evaluation and extraction.

Two operations, for two needs: ``fold`` maps each character to exactly one
character, so that offsets found in the folded text index the original (fact
and place extraction quote the original, where capitals matter);
``fold_accents`` only strips accents and may drop or add characters, which
tokenisation and the question-set matching rule (eval/FORMAT.md) rely on.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

from .patterns import lenient

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"'}
)
_SPACES = re.compile(r"\s+")
_DIGIT_SPACE = re.compile(r"(?<=\d) (?=\d)")
_WORD = re.compile(r"[a-z0-9]+")

# The determiners a noun phrase takes to agree with each subject pronoun: "elle" stands
# for "la convention", "ils" for "les lauréats"; an elided "l'" tells no gender.
AGREEING_DETERMINERS = {
    "elle": "la|une|cette|sa|notre|votre",
    "il": "le|un|ce|cet|son|notre|votre",
    "elles": "les|des|ces|ses|nos|vos",
    "ils": "les|des|ces|ses|nos|vos",
}

# Money in slang, as a regular-expression alternation: "combien de thune", "le fric de l'État".
MONEY_SLANG = r"argent|thunes?|fric|pognon|oseille"

# French function words carry no topic; a few question words are added for chat input.
STOP_WORDS = frozenset(
    """
    a au aux avec ce ces cet cette d dans de des du elle elles en est et etre eux il ils je
    l la le les leur leurs lui m ma mais me meme mes moi mon n ne nos notre nous on ont ou
    par pas pour qu que qui s sa se ses son sont sur ta te tes toi ton tu un une vos votre
    vous y c j t ca cela ceci celle celui ceux quel quelle quels quelles quoi dont ou
    lequel laquelle lesquels lesquelles auquel auxquels auxquelles duquel desquels desquelles
    comment combien pourquoi quand peut peuvent doit doivent faut avoir ai as
    avons avez etes sommes suis sera seront etait si
    tout tous toute toutes tres plus moins aussi alors donc car ni or bien oui non
    the of and to in is are for on what how can do does be with
    """.split()
)


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


def fold(text: str) -> str:
    """Lower case, no accents, one kind of space, apostrophe and dash; same length."""
    return text.translate(_FOLD)


class _CombiningTable(dict[int, int | None]):
    """``str.translate`` table dropping combining marks, computed lazily."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_COMBINING = _CombiningTable()


def fold_accents(text: str) -> str:
    # This runs on every word of every candidate sentence: ASCII text (most words) is
    # returned as it is, the rest goes through a translate table, not a per-character loop.
    if text.isascii():
        return text
    return unicodedata.normalize("NFKD", text).translate(_COMBINING)


def singular(word: str) -> str:
    """``word`` without a plural "s" or "x" ("communes": "commune", "prix": "pri")."""
    return word.rstrip("sx")


def normalize_match(text: str) -> str:
    """The matching normalisation of the question-set format (eval/FORMAT.md)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = fold_accents(text).translate(_QUOTES)
    text = _SPACES.sub(" ", text).strip()
    return _DIGIT_SPACE.sub("", text)


# A Snowball stemmer keeps the word it works on in its own fields: one shared by the app's
# sessions mixes their words and fails or returns another word's stem. One per thread.
_local = threading.local()


def _stemmer():
    stemmer = getattr(_local, "stemmer", None)
    if stemmer is None:
        stemmer = _local.stemmer = snowballstemmer.stemmer("french")
    return stemmer


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Stem an accented lowercase word, then fold its accents (safe across threads)."""
    return fold_accents(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """Lowercase, accent-folded words without French elisions (l', d', qu'...)."""
    folded = fold_accents(unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES))
    return _WORD.findall(folded)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w not in STOP_WORDS and (len(w) > 1 or w.isdigit())]


def word_forms(text: str) -> set[str]:
    """Content words without accents or a plural ending: a term is named by its own word,
    not by one its stem conflates ("communes" is not "commun")."""
    return {singular(fold_accents(w)) for w in content_words(text)}


# A compound preposition names no topic: "au regard des attendus" is not about looking
# ("notre expérience sera-t-elle regardée ?"), nor "au cours des mois" about a course.
_COMPOUND_PREPOSITION = re.compile(
    r"\b(?:au regard|en matière|au titre|à l'égard|au sein|en vue|au cours|en fonction"
    r"|au moyen|au profit|à l'issue|à partir)\s+(?:de|d'|du|des)\b"
)


# Paid for, in one idiom: "c'est pris en charge ?", "la formation est-elle prise en
# charge ?"; its words alone match "pris par les ministres chargés de…". Not "la prise en
# charge des jeunes", support given.
_PAID_FOR = re.compile(
    r"\bpris(?:es)?\s+en\s+charge\b"
    r"|\b(?:est|sont|être|soit|soient|sera|seront)(?:-(?:t-)?(?:elle|il|elles|ils))?\s+"
    r"(?:bien\s+)?prises?\s+en\s+charge\b"
)


def tokens(text: str) -> list[str]:
    """Stemmed content words: the unit of lexical search."""
    lowered = unicodedata.normalize("NFKC", text).casefold().translate(_QUOTES)
    lowered = _COMPOUND_PREPOSITION.sub(" ", lowered)
    lowered = _PAID_FOR.sub(" financé ", lowered)
    out = []
    for raw in re.findall(r"[\w]+", lowered):
        folded = fold_accents(raw)
        if folded in STOP_WORDS or (len(folded) < 2 and not folded.isdigit()):
            continue
        out.append(stem(raw))
    return out


# Words of the same meaning in candidates' questions and the texts (stems), one class a
# line: a validated answer's words cover a question word of their class (matching),
# and a quote's words cover the question words of theirs (a second quote adds none).
_EQUIVALENT = tuple(
    frozenset(tokens(words))
    for words in (
        "dépenses frais coûts coût budget montant",
        "éligibles éligible financer financement financé financée financées pris charge",
        "bénéficiaires personnes personne publics public participants jeunes gens accompagnés",
        "structures structure organismes organisme opérateurs opérateur associations "
        "association candidats candidat porteurs porteur",
        "durée durer dure temps longtemps mois longueur",
        "candidater candidature répondre déposer postuler",
        "maximum maximale plafond",
        "minimum minimale minimal plancher",
        "rémunération rémunérées rémunérés rémunéré payés payées touchent percevoir",
        "signifie veut dire désigne définition appelés",
        "ligne dématérialisée électronique internet",
        "adresser envoyer déposer transmettre",
        "sélection sélectionnés sélectionner choix choisis retenus lauréats",
        "plusieurs ensemble groupement consortium",
        "renouvelée renouveler reconduite prolonger",
        "concerner porter",
        "couvre couverts concernés",
        # "la durée de suivi de chaque jeune": the length of one person's pathway.
        "parcours suivi",
        "instruit instruites instruction instruire examiner examine examinés examinées étudier "
        "étudie étudiés étudiées",
    )
)


def with_equivalents(stems: set[str] | frozenset[str]) -> frozenset[str]:
    """``stems`` and the stems of the same meaning as any of them."""
    return frozenset(stems).union(*(group for group in _EQUIVALENT if group & stems))


# Former names of bodies the texts name by their current name only, matched with or without
# accents: Pôle emploi (the ANPE before it) became France Travail on 1 January 2024 (loi
# pour le plein emploi), and candidates still write the old names.
FORMER_NAMES = "pôle[ -]emploi|anpe"
_FORMER = lenient(rf"\b(?:{FORMER_NAMES})\b", re.I)


def current_names(text: str) -> str:
    """``text`` with former names of bodies replaced by those the texts use."""
    return _FORMER.sub("France Travail", text)
