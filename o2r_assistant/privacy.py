"""Personal details removed from what users type, before it is stored.

:func:`redact` replaces e-mail addresses with ``[e-mail]``, French phone numbers
with ``[téléphone]``, and a person's name with ``[nom]`` only where it is
recognisable without guessing:

- after « je m'appelle », « mon nom est » or a civility (M., Mme, Mlle,
  Monsieur, Madame, Mademoiselle);
- right before contact details (« Jean Dupont, tél … », « Jean Dupont
  jean@… »), as in a signature;
- on the line, or in the words, after a closing formula (« Cordialement, Jean
  Dupont »).

A name is two to four capitalised words; a place the eligibility checker reads
(``places.find_places``) is never taken for a name, so « je suis à Nantes » and
« Cordialement, Saint-Nazaire » stay as they are. Other names are not detected.
"""

from __future__ import annotations

import re

from .places import find_places

EMAIL_PLACEHOLDER = "[e-mail]"
PHONE_PLACEHOLDER = "[téléphone]"
NAME_PLACEHOLDER = "[nom]"

_EMAIL = re.compile(
    r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE | re.UNICODE
)
# 06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, +33 (0)6…, 0033 6…
_SEP = r"[\s.\-]?"
_PHONE = re.compile(
    rf"(?<![\w+])(?:(?:\+|00)33{_SEP}(?:\(0\){_SEP})?|0)[1-9](?:{_SEP}\d\d){{4}}(?!\w)"
)
# A capitalised word (Jean, Dupont-Testeur, O'Neil, DUPONT, Lê) not inside another word.
_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_NAME = rf"(?<![\w'’-])(?P<name>{_WORD}(?:[ \t]+{_WORD}){{0,3}})"
_INTRO = re.compile(
    r"(?i:\bje\s+m['’]\s*appelle|\bmon\s+nom\s+est"
    r"|(?:\bM\.|\bMme|\bMlle|\bMonsieur|\bMadame|\bMademoiselle))"
    rf"\s+{_NAME}"
)
_CONTACT = rf"(?:{re.escape(PHONE_PLACEHOLDER)}|{re.escape(EMAIL_PLACEHOLDER)})"
_BEFORE_CONTACT = re.compile(
    rf"{_NAME}(?=[ \t]*[,;:–—-]?[ \t]*\n?[ \t]*"
    r"(?i:(?:t[ée]l[ée]?(?:phone)?|mobile|portable|courriel|e-?mail|mail)\b[ \t.:]*)?"
    rf"{_CONTACT})"
)
_CLOSING = re.compile(
    r"(?i:\b(?:bien\s+)?(?:cordialement|sinc[eè]rement|salutations|bien\s+[àa]\s+vous"
    r"|merci(?:\s+d['’]avance)?))[ \t]*[,.!]?[ \t]*\n?[ \t]*"
    rf"{_NAME}[ \t]*(?=$|\n|[,.]|{_CONTACT})",
    re.MULTILINE,
)
# Capitalised words that start a sentence, skipped before a name...
_NOT_A_NAME = frozenset(
    "je j nous vous il elle on la le les l un une des du de d notre votre mon ma mes "
    "est-ce quel quelle quels quelles qui que quoi comment combien pourquoi où quand "
    "cordialement merci bonjour madame monsieur".split()
)
# ...and words that start an organisation's name, which is kept whole.
_ORGANISATION = frozenset(
    "association asso mission régie service structure entreprise société commune mairie "
    "dreets france centre fédération groupement collectif fondation département "
    "conseil ville communauté".split()
)


def _name_start(candidate: str, min_words: int) -> int | None:
    """Where the name starts in ``candidate``, after leading words that are not names.

    None when fewer than ``min_words`` words are left, or they name an organisation or
    a place.
    """
    words = list(re.finditer(r"\S+", candidate))
    while words and words[0].group().lower().rstrip("'’") in _NOT_A_NAME:
        words.pop(0)
    if (
        len(words) < min_words
        or words[0].group().lower() in _ORGANISATION
        or find_places(candidate)
    ):
        return None
    return words[0].start()


def _names(pattern: re.Pattern[str], text: str, min_words: int) -> str:
    def replace(match: re.Match[str]) -> str:
        start = _name_start(match.group("name"), max(min_words, 1))
        if start is None:
            return match.group(0)
        head = text[match.start() : match.start("name") + start]
        return head + NAME_PLACEHOLDER + text[match.end("name") : match.end()]

    return pattern.sub(replace, text)


def redact(text: str) -> str:
    """``text`` with e-mail addresses, phone numbers and recognisable names replaced."""
    text = _EMAIL.sub(EMAIL_PLACEHOLDER, text)
    text = _PHONE.sub(PHONE_PLACEHOLDER, text)
    text = _names(_INTRO, text, min_words=1)
    text = _names(_BEFORE_CONTACT, text, min_words=2)
    return _names(_CLOSING, text, min_words=1)
