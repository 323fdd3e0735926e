"""Follow-up resolution: a question that leans on the one before it is completed by it.

A conversation's "et pour la durée ?" continues the last question; within one e-mail,
a later question may lean on the one before ("… et s'il est possible de la transmettre
en ligne ?"). The completed question is what retrieval and sentence scoring read.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .question import (
    ACKNOWLEDGEMENTS,
    CLAIM_VERBS,
    HEARD_VERBS,
    IN_THAT_CASE,
    OPINION_VERBS,
    OWN_TOPIC,
    Question,
    analyse,
    asks_something,
    questions_of,
    stating_sentence,
    without_condition,
)
from .retrieval import DOMAIN_STEMS, phrase_meanings
from .text import AGREEING_DETERMINERS, STOP_WORDS, content_words, fold, tokens

# The same openings in English: "and for how long?", "what about the budget?".
_FOLLOW_UP = re.compile(
    r"^(?:et|mais|sinon|pareil|idem|quid|même question|and|but|what about|how about|same)\b",
    re.I,
)
# "Pour la durée ?" continues; "Pour quelle durée la convention est-elle signée ?" does not.
# Nor does "Sur quelle base légale ?" ask of the call in general after "Les personnes
# accompagnées peuvent-elles être rémunérées ?": it asks what that rests on.
_SHORT_FOLLOW_UP = re.compile(
    r"^(?:pour|si|concernant|côté|au sujet|aussi|même|sur|selon|en vertu|d['’]après|for|if"
    r"|regarding|about|also|even|on what|on which|under what|under which|according to)\b",
    re.I,
)


# "Et s'il n'a pas vu son conseiller depuis six mois ?", "and if we are two?": the question
# before, asked again under a new condition, however long.
_AND_IF = re.compile(
    r"^(?:(?:et|mais|and|but)\s+(?:si|s['’]ils?|if)|même si|meme si|even if)\b", re.I
)
# "et un CCAS, donc rattaché à une commune, ça marche aussi ?", "and a town hall, can it
# apply too?": the question before, asked of something else.
_ALSO = re.compile(r"\b(?:aussi|également|pareil|de même|too|as well|also)\s*[?!.]*\s*$", re.I)
# "Pour revenir au premier sujet, qu'attend-on de nous sur ce point ?", "Going back to my
# first question, …": the conversation's first question is continued, not the last one.
_BACK_TO_FIRST = re.compile(
    r"\b(?:(?:en\s+)?revenir|revenons|reviens|retour|back|returning)\b[^?.,:;]{0,40}?"
    r"\b(?:premi(?:er|ère)s?|1(?:er|re|ère)|first|début|initial\w*|original\w*|d['’]origine"
    r"|de\s+départ)\b[^?.,:;]{0,30}?[,:;.–-]\s*(?=\S)",
    re.I,
)
# "Signée avec qui ?", "Versée quand ?" after "Que veut dire CPOM ?": a past participle
# opening a short question with no subject says something more of what was just named.
_PARTICIPLE_OPENING = re.compile(r"^[a-zà-ÿ]{3,}(?:é|ée|és|ées)(?![\wÀ-ÿ'’-])", re.I)
PARTICIPLE_FOLLOW_UP_WORDS = 4
# An "et…" question with more content words than this is complete in itself.
FOLLOW_UP_WORDS = 3
# "is it renewable?", "can they be extended?": an English question opening on what was
# asked about, not the impersonal "is it possible…", up to this many words.
_ASKED_OF_IT = re.compile(
    r"^(?:does|do|can|could|will|would|must|should|may|is|are)\s+(?:it|they)\b"
    r"(?!\s+(?:possible|necessary|mandatory|compulsory|ok|okay|true|allowed|required|enough)\b)",
    re.I,
)
IT_FOLLOW_UP_WORDS = 5
# An acknowledgement before a follow-up: "ok et si elle a besoin de plus de temps ?".
_ACKNOWLEDGED = re.compile(
    rf"^(?:{ACKNOWLEDGEMENTS})\s*[,.!]*\s+(?=\S)",
    re.I,
)
# What someone else says, before the claim it reports: "Un collègue dit qu'elle ne peut
# pas être prolongée, c'est juste ?" is about what the claim's pronoun stands for.
_TOLD = re.compile(
    r"^(?:[\wÀ-ÿ'’-]+\s+){0,5}?(?:m['’]a\s+|nous\s+a\s+|m['’]ont\s+|nous\s+ont\s+)?"
    rf"(?:{CLAIM_VERBS}|{OPINION_VERBS}|{HEARD_VERBS}|raconte|explique)(?:\s+(?:dire|me|us))?"
    r"\s+(?:que\s+|qu['’]\s*|that\s+)"
    r"|^il\s+para[iî]t\s+(?:que\s+|qu['’]\s*)",
    re.I,
)
# After a message that asked nothing, a follow-up with this many content words is.
STANDS_ALONE_WORDS = 2
# A clitic standing for what was asked before: "on en fait partie", "on y a droit".
# An object pronoun after its verb's subject too: "et qui le signe côté État ?" after
# "C'est quoi le CPOM ?".
_CLITIC_BACK = re.compile(
    r"\b(?:(?:on|nous|je|vous|ils|elles|n['’])\s*(?:en|y)"
    r"|(?:qui|on|nous|je|vous|ils|elles|il|elle)\s+(?:ne\s+|n['’]\s*)?(?:le|la|les|l['’])"
    # "et celui qui fixe la procédure, c'est lequel ?": one of the things asked about.
    r"|(?:celui|celle|ceux|celles)(?:-ci|-là)?\s+(?:qui|que|qu['’]|dont))\b"
    # English "and how long does it last?": "it" or "they" as what is asked about, not
    # the impersonal "is it possible…".
    r"|\b(?:does|do|did|can|could|will|would|must|should|may|is|are|has|have)\s+(?:it|they)\b"
    r"(?!\s+(?:possible|necessary|mandatory|compulsory|ok|okay|true|allowed|required|enough)\b)",
    re.I,
)

# "en" or "y" after a subject pronoun, which stand for a thing named before: "ils en font
# partie", "elles y ont droit".
_EN_BACK = re.compile(r"\b(?:ils|elles|il|elle|on|nous)\s+(?:en|y)\b", re.I)

# A subject pronoun standing for something the previous question named: "Et elle doit
# contenir quoi ?" after "Avec qui signe-t-on la convention ?" asks about the convention,
# not again who signs it. The pronoun's gender and number pick the determiner.
_SUBJECT_PRONOUN = re.compile(
    r"\b(?:(?P<front>elles?|ils?)\s+(?P<after>[\wÀ-ÿ'’]+(?: a)?)"
    r"|(?P<before>(?:y )?[\wÀ-ÿ'’]+)-(?:t-)?(?P<back>elles?|ils?)\b)",
    re.I,
)
# An impersonal "il" stands for nothing: "il faut", "faut-il", "y a-t-il", "se passe-t-il".
_IMPERSONAL_VERBS = frozenset(
    {"faut", "y a", "s'agit", "s’agit", "agit", "existe", "suffit", "reste", "vaut", "passe"}
)
# The noun phrases each pronoun can stand for: "la convention", "le chef de file".
_ANTECEDENTS = {
    pronoun: re.compile(
        rf"\b(?:{determiners})\s+([\wÀ-ÿ-]{{3,}}(?:\s+(?:de|du|des|d['’])\s*[\wÀ-ÿ-]{{3,}})?)",
        re.I,
    )
    for pronoun, determiners in AGREEING_DETERMINERS.items()
}


_DEMONSTRATIVE = re.compile(r"(?:ce|cet|cette|ces)\b", re.I)


# Endings of French feminine nouns: "candidatures", "conventions", "activités".
_FEMININE = re.compile(r"(?:tion|sion|ure|ité|ance|ence|ée)s?$", re.I)


# "des", "du" right after a noun phrase open its complement: "les frais de formation des
# participants" is one phrase, not two a pronoun could stand for.
_COMPLEMENT_OPENING = re.compile(r"(?:des|du)\s", re.I)


def _noun_phrases(pronoun: str, text: str) -> list[re.Match[str]]:
    """The noun phrases of ``text`` agreeing with ``pronoun``, without their complements."""
    out: list[re.Match[str]] = []
    end = -1
    for m in _ANTECEDENTS[pronoun].finditer(text):
        if not (m.start() == end + 1 and _COMPLEMENT_OPENING.match(m.group())):
            out.append(m)
        end = m.end()
    return out


def with_antecedent(question: str, previous: str) -> str | None:
    """``question`` completed by the one noun phrase of ``previous`` its subject pronoun
    can stand for ("Et elle doit contenir quoi ? (la convention)"); ``question`` itself
    when the pronoun stands for a phrase of its own ("notre offre doit-elle…", "…de la
    convention, peut-elle être prolongée ?"); None when there is no such pronoun (an
    impersonal "il" is none), or no single noun phrase of ``previous`` agreeing with it."""
    pronoun = next(
        (
            m
            for m in _SUBJECT_PRONOUN.finditer(question)
            if (m.group("after") or m.group("before")).lower() not in _IMPERSONAL_VERBS
        ),
        None,
    )
    if pronoun is None:
        return None
    word = (pronoun.group("front") or pronoun.group("back")).lower()
    own = _ANTECEDENTS[word].search(question, 0, pronoun.start())
    # "et ce texte, il date de quand ?": a demonstrative points back itself.
    if own and not _DEMONSTRATIVE.match(own.group()):
        return question
    found = {
        m.group().lower()
        for m in _noun_phrases(word, previous)
        if m.group(1).lower() not in STOP_WORDS
        # "les" tells no gender: "ils" after "les candidatures" stands for someone else.
        and not (word == "ils" and _FEMININE.search(m.group(1).split()[0]))
    }
    if len(found) > 1:
        # The previous question's own subject, taken up by the same pronoun ("les personnes
        # … seront-elles couvertes … pendant ces ateliers ?" then "pourront-elles toucher
        # quelque chose ?"), is the one it stands for.
        inverted = re.search(rf"-(?:t-)?{word}\b", previous, re.I)
        before = [
            m.group().lower()
            for m in _ANTECEDENTS[word].finditer(previous, 0, inverted.start() if inverted else 0)
            if m.group(1).lower() not in STOP_WORDS
        ]
        found = {before[0]} if len(before) == 1 else found
    # Two that agree ("la durée de la convention… peut-elle") leave it open.
    if len(found) != 1:
        return None
    return f"{question} ({found.pop()})"


# Openings that draw on what was just said: "même si c'est juste un module… ?", "Du coup,
# faut-il que l'une d'entre nous coordonne ?", "Dans ce cas, qui fait le lien ?".
_DRAWS_ON = re.compile(
    r"^(?:même si|meme si|du coup|dans ce cas|en ce cas|auquel cas|donc|alors|even if|so|then"
    r"|in that case)\b",
    re.I,
)


# "Ça peut jouer contre nous ?", "could this count against us?" after a statement: the
# pronoun stands for what was just stated.
_STANDS_FOR_STATED = re.compile(
    r"^(?:(?:et|mais|and|but)\s*,?\s*)?(?:ça|ca|cela|est-ce que (?:ça|ca|cela)|this|that"
    r"|(?:does|do|could|can|will|would|is) (?:this|that)"
    # A noun standing for what was stated: "Ce rôle doit-il être inscrit quelque part ?"
    # after "C'est Trajectoires qui sera chef de file", "ce montage tient la route ?".
    r"|(?:ce|cet|cette|ces|this|that|these)\s+(?:rôles?|roles?|fonctions?|montages?|choix"
    r"|organisation|arrangements?|set-?up))\b",
    re.I,
)


def _back_to_first(question: str, history: list[str] | None) -> re.Match[str] | None:
    """What in ``question`` goes back to the conversation's first question, past others."""
    return _BACK_TO_FIRST.search(question) if history and len(history) > 1 else None


def returns_to_first(question: str, history: list[str] | None) -> bool:
    """Whether ``question`` goes back to the conversation's first question, past others."""
    return _back_to_first(question, history) is not None


# Asking for more of what was asked: "ok mais concrètement ?", "c'est-à-dire ?", "par
# exemple ?", "in practice?".
_MORE = re.compile(
    r"^(?:(?:et|mais|and|but)\s+)?(?:concrètement|concretement|en pratique|plus précisément"
    r"|plus precisement|c['’]est-à-dire|c['’]est-a-dire|cad|par exemple|comme quoi|ça donne quoi"
    r"|ca donne quoi|in practice|concretely|for example|for instance|such as|like what"
    r"|more precisely|meaning)\b[\s,]*(?:\w+[\s,]*){0,3}[?!.]*$",
    re.I,
)


# A question after its condition asks this many words of its own, at least.
_AFTER_CONDITION_WORDS = 3


# "Et qui, au bout du compte, choisit les structures retenues ?": a wh-question naming
# its own topic, pointing back at nothing.
# An aside may come first: "Et, tant que j'y suis, qui pilote l'appel ?".
_AND_WH = re.compile(
    r"^(?:et|mais|and|but)\s*,?\s*(?:[^,?]{1,30},\s*)?(?:qui|quel\w*|quand|combien|comment|où"
    r"|pourquoi|who|what"
    r"|which|when|how|where|why)\b",
    re.I,
)


# "and who do we address it to?": an English pronoun standing for what was asked about.
_ENGLISH_BACK = re.compile(r"\b(?:it|them|this|that|these|those|they)\b", re.I)


# An English demonstrative standing alone, for a whole statement: "expect that to be
# handled", "is this allowed?" (not "that the State…", "this project").
_STANDS_FOR_TOLD = re.compile(
    r"\b(?:that|this)\s+(?:to|is|be|was|would|will|could|can|counts?|matters?|fits?|works?"
    r"|ok|okay|allowed|acceptable|possible|part\s+of)\b|\b(?:that|this)\s*[?,.!]",
    re.I,
)


def _own_wh_question(question: str) -> bool:
    """Whether a later question of a message asks on its own, by a wh-word and its words."""
    return bool(
        _AND_WH.match(question)
        and len(content_words(question)) > FOLLOW_UP_WORDS
        and not _CLITIC_BACK.search(question)
        and not _SUBJECT_PRONOUN.search(question)
        and not _ENGLISH_BACK.search(question)
    )


def _asks_after_condition(question: str) -> bool:
    """Whether ``question`` opens on a condition and then asks a question of its own."""
    rest = without_condition(question)
    return rest != question and len(content_words(rest)) >= _AFTER_CONDITION_WORDS


# "Et côté comptabilité, on doit faire quoi ?", "as for the accounts, what is required?":
# a topic set before a whole question of its own.
_TOPIC_THEN_QUESTION = re.compile(
    r"^(?:(?:et|mais|and|but)\s+)?(?:côté|cote|concernant|en matière d(?:e\s+|['’])"
    r"|au niveau d(?:u\s+|e\s+la\s+|e\s+l['’]|es\s+)|regarding|as for|as regards)\s*"
    r"(?P<topic>[^,?]{3,40}),\s*(?P<rest>[^,]+\?)\s*$",
    re.I,
)


def _names_own_topic(opened: str, previous: str) -> bool:
    """Whether a follow-up sets a topic of the call the question before did not name, then
    asks a whole question of its own with no pronoun pointing back: it stands alone."""
    framed = _TOPIC_THEN_QUESTION.match(opened)
    if not framed or _CLITIC_BACK.search(framed["rest"]):
        return False
    topic = set(tokens(framed["topic"]))
    return bool(topic & DOMAIN_STEMS) and not topic & set(tokens(previous))


def resolve_followup(question: str, history: list[str] | None, within_message: bool = False) -> str:
    """Complete an elliptic follow-up ("et pour la durée ?") with the previous question
    (or, ``within_message``, the message's question before it); one going back to the
    first question ("Pour revenir au premier sujet, …") with that one."""
    if not history:
        return question
    back = _back_to_first(question, history)
    if back:
        rest = question[back.end() :]
        return with_antecedent(rest, history[0]) or f"{rest} ({history[0]})"
    previous = history[-1]
    # "ok et si…" is read from its "et"; a message that continues nothing is kept whole.
    opened = _ACKNOWLEDGED.sub("", question.strip())
    told = _TOLD.match(opened)
    if told:
        opened = opened[told.end() :]
    # A message that only said who is writing ("on est une asso de Saint-Nazaire") is no
    # question to continue: a follow-up naming a topic of its own ("et côté expérience,
    # ils attendent quoi ?") stands alone, and the facts stated are in the dossier. Not one
    # drawing on what was said: "Du coup, faut-il que l'une d'entre nous coordonne les
    # autres ?" after "Nous sommes trois associations…".
    if (
        not asks_something(previous)
        and len(content_words(question)) >= STANDS_ALONE_WORDS
        and not _DRAWS_ON.match(opened)
        and not _STANDS_FOR_STATED.match(opened)
    ):
        # Unless its pronoun stands for the one noun phrase said: "Est-ce qu'ils comptent
        # pour le minimum ?" after "on hésite à mettre les frais de formation…".
        completed = with_antecedent(opened, previous)
        if completed is None and _STANDS_FOR_TOLD.search(opened):
            # "Our part is helping them with housing." then "Does the call expect that to
            # be handled alongside the job support?": what was just told.
            return f"{opened} ({previous})"
        return completed if completed and completed != opened else question
    if _names_own_topic(opened, previous):
        return question
    words = len(re.findall(r"\w+", opened))
    # "Et pour la durée ?", or a bare topic like "La durée ?", continues the last question;
    # "et les jeunes pourront-ils être rémunérés ?" says all it asks, unless a pronoun
    # points back at what was asked ("et nous, on en fait partie ?").
    if (
        (
            _FOLLOW_UP.match(opened)
            and (
                # Within one e-mail "Et…" leans on the question before, unless it names
                # its own topic: "Et quelles qualités démontrer dans notre dossier ?", or
                # asks its own after a condition: "Et si nous sommes retenus pour trois
                # ans, pourra-t-on continuer ensuite ?".
                (
                    within_message
                    and not OWN_TOPIC.search(opened)
                    and not _asks_after_condition(opened)
                    and not _own_wh_question(opened)
                )
                or len(content_words(opened)) <= FOLLOW_UP_WORDS
                or _CLITIC_BACK.search(opened)
                or (not within_message and (_AND_IF.match(opened) or _ALSO.search(opened)))
            )
        )
        or (_SHORT_FOLLOW_UP.match(opened) and words <= 6)
        # "is it renewable?": a short English question asked of what was just asked about.
        or (_ASKED_OF_IT.match(opened) and words <= IT_FOLLOW_UP_WORDS)
        or (_PARTICIPLE_OPENING.match(opened) and words <= PARTICIPLE_FOLLOW_UP_WORDS)
        or (_STANDS_FOR_STATED.match(opened) and not asks_something(previous))
        or IN_THAT_CASE.match(opened)
        # "c'est-à-dire ?", "ok mais concrètement ?": more of what was asked.
        or _MORE.match(opened)
        # "même si c'est juste un module de quelques jours ?": a new condition, however
        # long; "Du coup, faut-il que l'une d'entre nous coordonne ?" after what was only
        # stated. Not when it names the call's own terms, which say what it asks about
        # ("même si certains sont inscrits à France Travail… ?").
        or (
            (
                (not within_message and _AND_IF.match(opened))
                or (_DRAWS_ON.match(opened) and not asks_something(previous))
            )
            and not set(tokens(opened)) & DOMAIN_STEMS
        )
        or words <= 2
    ):
        completed = with_antecedent(opened, previous)
        if completed == opened and _EN_BACK.search(opened):
            # "Et les départements, ils en font partie ?": the subject is its own, what "en"
            # stands for is what was asked about.
            return f"{opened} ({previous})"
        return completed or f"{opened} ({previous})"
    # "Et elles touchent quelque chose, même si elles ont déjà des revenus ?" after "Les
    # personnes accompagnées sont-elles couvertes… ?": however long, a subject pronoun whose
    # one antecedent is in the question before stands for it.
    if _FOLLOW_UP.match(opened) or _SUBJECT_PRONOUN.match(opened):
        completed = with_antecedent(opened, previous)
        if completed and completed != opened:
            return completed
        opener = _SUBJECT_PRONOUN.match(opened)
        if (
            completed is None
            and not within_message
            and opener
            and opener.group("front")
            and opener.group("after").lower() not in _IMPERSONAL_VERBS
        ):
            # A conversation's turn opening on a pronoun whose noun the last question does
            # not give in its gender ("un CPOM", then "Elle est signée avec qui ?", the
            # convention) is still about what that question asked.
            return f"{opened} ({previous})"
    return question


# What keeps a follow-up on the last answer's topic: a condition put to it ("même si
# c'est juste deux jours ?"), or a word pointing back ("et c'est elle qui signe ?").
_KEEPS_TOPIC = re.compile(
    r"^\W*(?:(?:ok|bon|d['’]accord|and|but|et|mais)\W+)*(?:même\s+|meme\s+|even\s+)?"
    r"(?:si|s['’]|if|when|quand)\b"
    r"|\b(?:il|elle|ils|elles|ça|ca|cela|celui|celle|ceux|celles|lequel|laquelle|lesquels"
    r"|lesquelles|ces|cet|cette|it|they|them|those|these|that|this|ones?)\b",
    re.I,
)


def names_new_topic(question: str) -> bool:
    """Whether a follow-up names what it asks about rather than continuing the last
    answer's topic ("Et côté couverture sociale ?" after a question on pay)."""
    return not _KEEPS_TOPIC.search(question)


def continues(question: str) -> bool:
    """Whether a conversation's message opens as a continuation ("and who signs with us?",
    "ok et du coup…", "même si…"), whatever it then asks."""
    opened = _ACKNOWLEDGED.sub("", question.strip())
    return bool(_FOLLOW_UP.match(opened) or _DRAWS_ON.match(opened))


# "lesquels ?" after "L'AMI couvre combien de départements ?", "which ones?": the last
# question again, asking for what it counted or named.
_WHICH_ONES = re.compile(
    r"^(?:(?:et|mais|ok|and|but)\W+)*(?:lesquel(?:le)?s|lequel|laquelle|quels|quelles"
    r"|which(?:\s+ones?)?)(?:\s+(?:exactement|précisément|donc|alors|exactly|then))?\W*$",
    re.I,
)


def asks_which_ones(question: str) -> bool:
    """Whether a follow-up only asks "which ones?" of what the last question was about."""
    return bool(_WHICH_ONES.match(_ACKNOWLEDGED.sub("", question.strip())))


# "Et le deuxième point ?", "what about question 2?": one of the questions the last
# message numbered or listed, by its rank.
_RANKS = {
    "premier": 1, "premiere": 1, "1er": 1, "1re": 1, "1ere": 1, "first": 1, "1st": 1,
    "deuxieme": 2, "2e": 2, "2eme": 2, "second": 2, "seconde": 2, "2nd": 2,
    "troisieme": 3, "3e": 3, "3eme": 3, "third": 3, "3rd": 3,
}  # fmt: skip
_BY_RANK = re.compile(
    r"^(?:(?:merci|thanks|ok|et|mais|and|but|what about|how about|quid de|pour)\b[^?]{0,30}?)?"
    r"\b(?:(?:le|la|ton|votre|the|your|my|mon|ma)\s+)?(?:(?P<rank>"
    + "|".join(_RANKS)
    + r")\s+(?:point|question|sujet|item|one)|(?:point|question|item)\s*(?:n°\s*)?(?P<n>[1-3]))"
    r"\s*(?:alors|donc|then|now)?\s*\?*\s*$",
    re.I,
)


def question_by_rank(question: str, previous: str) -> str | None:
    """The question of ``previous`` that "et le deuxième point ?" asks about, if it asked
    as many."""
    match = _BY_RANK.search(fold(question.strip()))
    if match is None:
        return None
    rank = _RANKS[match["rank"]] if match["rank"] else int(match["n"])
    asked = questions_of(previous)
    return asked[rank - 1] if len(asked) > 1 and rank <= len(asked) else None


# A bare noun phrase after an opener: "Même une mairie ?", "et une commune ?", "and a
# town hall?". A condition ("et si on est plusieurs ?") asks something of its own.
_BARE_PHRASE = re.compile(
    r"^(?:(?:et|mais|même|and|but|even)\s+)*(?:pour\s+|for\s+)?"
    r"(?:une?|la|le|les|l['’]|des|du|a|an|the)\s*[\wÀ-ÿ'’-]+(?:\s+[\wÀ-ÿ'’-]+)?\s*[?!.]*$",
    re.I,
)


def asks_again(question: str) -> bool:
    """Whether a follow-up only names something else to ask the last question about:
    "Même une mairie ?" after "Qui peut répondre à l'AMI ?" asks who, of a mairie."""
    return bool(_BARE_PHRASE.match(_ACKNOWLEDGED.sub("", question.strip())))


# A later question of one message with so few content words is about the one before.
CONTEXTLESS_WORDS = 3
# So is one whose verb's object is a pronoun: "… et s'il est possible de la transmettre en
# ligne ?" after "à quelle autorité adresser notre demande ?". The pronoun is read after
# a word taking an infinitive, so that "au-delà de la première période" points at nothing.
_OBJECT_BACK = re.compile(
    r"\b(?:possible|permis|autorisé|obligatoire|nécessaire|faut|peut|peuvent|pouvons"
    r"|pouvez|doit|doivent|devons|devez)(?:-t)?(?:-(?:il|on|nous|vous|ils))?\s+"
    r"(?:de\s+|d['’])?(?:la|le|les|l['’])\s*[a-zà-ÿ]{3,}(?:er|ir|re)\b",
    re.I,
)

# So is one whose only subject is an inverted pronoun: "Qu'implique-t-il vis-à-vis des deux
# autres structures ?" after "Où ce rôle est-il formalisé ?"; not an impersonal one ("faut-il",
# "s'agit-il", "existe-t-il").
_SUBJECT_BACK = re.compile(
    r"^\W*(?:(?:qu['’]|que\s+|quoi\s+|comment\s+|à\s+quoi\s+|pourquoi\s+|où\s+|quand\s+|combien\s+)"
    r"(?:[\wÀ-ÿ'’]+\s+)?)?"
    r"(?!(?:faut|faudra|faudrait|fallait|agit|agira|existe|reste|suffit|vaut|manque|y)\b)"
    r"[a-zà-ÿ]{3,}-(?:t-)?(?:il|elle|ils|elles)\b(?!\s+(?:possible|nécessaire|obligatoire|utile)\b)",
    re.I,
)


def in_context(question: str, before: str, message: str = "") -> Question:
    """A later question of a message, completed by the one before when it leans on it, or
    by the sentence of ``message`` that stated the figure it restates."""
    before = stating_sentence(question, message) or before
    asked = analyse(question)
    resolved = resolve_followup(question, [before], within_message=True)
    if resolved == question and (
        # "comment nos actions seront-elles évaluées ?" names its own topic, however short,
        # as does a subject its pronoun repeats: "Et les dépenses de formation sont-elles
        # éligibles ?".
        (
            len(content_words(question)) <= CONTEXTLESS_WORDS
            and not OWN_TOPIC.search(question)
            and with_antecedent(question, before) != question
        )
        # Not when the one before only points too: "À qui devons-nous l'adresser ?".
        or (_OBJECT_BACK.search(question) and not _OBJECT_BACK.search(before))
        or (_SUBJECT_BACK.match(question) and not _SUBJECT_BACK.match(before))
    ):
        resolved = f"{question} ({before})"
    if resolved != question and asked.subject is None and not phrase_meanings(question):
        # "Quel salaire maximum ? Existe-t-il une grille imposée ?": a grid of salaries,
        # which the texts never name either. Not one saying a notion of the call in its own
        # words: "… quelles sont les étapes ? Et est-ce qu'il aura un peu d'argent
        # pendant ce temps-là ?" asks about pay.
        asked = replace(asked, subject=analyse(before).subject)
    return replace(asked, focus=resolved)
