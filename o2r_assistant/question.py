"""What a message asks: its question sentences, the kind of answer wanted, its language.

A candidate's message is often an e-mail: a greeting, some narrative, one or two
questions and a signature. Retrieval and sentence scoring work on the question
sentences only, while facts are read from the whole message. The kind of answer
wanted (a duration, an amount, a date, a count, a contact…) is recognised from
French and English grammar, not from the call's vocabulary, so that it carries
over to new wordings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .patterns import lenient, pattern_table
from .places import Place, find_places
from .text import MONEY_SLANG, content_words, fold, stem, tokens

# The formulas that close a message and those that thank, accent-folded. A line made of
# one is no question; in fact extraction, the last closing starts the signature.
CLOSINGS = (
    "cordialement|bien cordialement|bien a vous|bien a toi|salutations|best regards"
    "|kind regards|regards|sincerely|je vous prie d'agreer|veuillez agreer|recevez"
)
THANKS = (
    "merci(?: beaucoup| d'avance| par avance| de votre retour| pour votre retour)?|thanks|thank you"
)
# An acknowledgement opening a reply ("ok, et si…", "d'accord. Et pour la durée ?").
ACKNOWLEDGEMENTS = "ok(?:ay)?|d'accord|d’accord|ah|oh|bon|super|parfait|entendu|right|alright|i see"
GREETINGS = (
    "bonjour|bonsoir|madame|monsieur|mesdames|messieurs|cher|chere|hello|hi|dear"
    "|good (?:morning|afternoon|evening|day)|greetings"
)
# Matched on the folded line, so that "Chère Madame" and "chere madame" alike are formulas.
_FORMULA = re.compile(
    rf"^(?:{GREETINGS}|{CLOSINGS}|{THANKS}|en vous remerciant|dans l'attente)\b[^.?!]{{0,60}}$"
)
# A greeting opening the sentence that asks: "Bonjour Madame, quel est le délai… ?".
_GREETED = re.compile(rf"^(?:{GREETINGS}|chère|salut)\b[^,;:!?.]{{0,30}}[,;:!.]\s*", re.I)


def without_greeting(question: str) -> str:
    """``question`` without the greetings that open it."""
    while (greeted := _GREETED.match(question)) and greeted.end() < len(question):
        question = question[greeted.end() :]
    return question


# A period ends no sentence between digits ("48.000 €", "1.5 M€"), nor after an article's
# letter or "art." ("Under Article L. 5316-1 of the Labour Code, which tasks…?"). A bracket
# or quote closed right after the stop belongs to the sentence it ends ("(… venir.)",
# "« … oui. »").
_SENTENCE = re.compile(
    r"(?:[^.!?\n]|(?<=\d)\.(?=\d)|(?<=\b[LRD])\.(?=\s?\d)|(?<=\b[Aa]rt)\.(?=\s)"
    # "decree no. 2024-584": a number's abbreviation ends no sentence.
    r"|(?<=\b[Nn]o)\.(?=\s?\d)"
    # Nor "i.e.", "e.g.", "cf.", "vs.": "the legal basis, i.e. which statute?" is one question.
    r"|(?<=\b[IiEe])\.(?=[EeGg]\.)|(?<=\b[IiEe]\.[EeGg])\.|(?<=\b[Cc]f)\.|(?<=\bvs)\."
    # Nor an ellipsis closing a bracket: "un organisme public (un CCAS, une commune...)".
    r"|\.{2,}(?=[)\]]))+"
    r"(?:[.!?]+(?:(?:[)\]\"”]|[ \u00a0]?»)+[.!?]*)?|$)",
    re.M,
)
# A sentence that asks something, even without a question mark.
_ASKS = re.compile(
    # "…on paper? and who do we send it to": a later question may lose its "?" and capital.
    r"\?\s*$|^(?:(?:and|but|et|mais)\s+)?(?:est[- ]ce\s+qu|est-ce|pouvez-vous|pourriez-vous"
    r"|merci de (?:me |nous )?(?:dire|indiquer|confirmer)"
    r"|je (?:voudrais|souhaite|souhaiterais|aimerais) (?:savoir|connaître|avoir)"
    r"|(?:can|could|may|do|does|is|are|what|which|who|when|how|where)\b)"
    # A question typed without its mark: "faut un chef de file ou pas", "ok or not"; not
    # an aside ("pour les rassurer (ou pas !)").
    r"|(?<!\()\b(?:ou|or)\s+(?:pas|non|not|no)\s*[.?]*\s*$"
    # Or with the other case named: "l'égalité ça compte vraiment ou c du blabla".
    r"|(?<!\()\b(?:ou|or)\s+(?:c|c['’]est|is it|it's|just)\s+[^.?!\n]{1,40}$"
    # A wh-word left in place at the end, spoken style: "on envoie le dossier a qui du coup".
    r"|\b(?:à|a|avec|pour|chez|par)\s+qui(?:\s+(?:du coup|alors|donc|exactement|au juste|svp|stp))?"
    r"\s*[.!]*\s*$"
    # Two ways weighed without a mark: "une mairie ca peut porter le truc ou fo forcement
    # etre une asso".
    r"|\b(?:ça|ca)\s+peut\b[^.?!\n]{1,60}\bou\s+(?:il\s+)?(?:faut|fo|doit)\b[^.?!\n]{1,60}$"
    # Two ways weighed, each with its modal, unmarked: "they can be registered at France
    # Travail or they must be not registered anywhere".
    r"|\b(?:we|they|it|i|you|ils?|elles?|on|nous)\s+(?:can|could|must|should|may|have to|need"
    r" to|peu\w+|doi\w+|faut)\b[^.?!\n]{1,80}\b(?:or|ou)\s+(?:(?:we|they|it|i|you|ils?|elles?"
    r"|on|nous|il)\s+)?(?:can|could|must|should|may|have to|need to|peu\w+|doi\w+|faut)\b"
    # Dictated without punctuation: "… on ne sait pas trop est-ce qu'il faut un parcours".
    r"|\best[- ]ce\s+(?:qu['’]|que\b)"
    # A request in the imperative: "Just list the selection criteria, please.", "Dites-moi
    # ce qu'il faut fournir."
    r"|^(?:(?:just|simply|please|kindly|so|now|alors|donc|bref)[,\s]+)*(?:(?:list|tell|explain"
    r"|describe|outline|summari[sz]e|set out|spell out|dites|expliquez|indiquez|listez"
    r"|précisez|détaillez|rappelez|résumez)(?:-(?:moi|nous))?|donnez-(?:moi|nous))\b"
    r"(?!\s+(?:that|que|qu['’]))"
    # A polite request for what the texts say: "we would be grateful if you could set out
    # the criteria", "je vous remercie de bien vouloir me préciser les pièces".
    r"|\b(?:(?:could|would|can) you|if you could|please|kindly|de bien vouloir)\s+"
    r"(?:please\s+)?(?:(?:me|us|nous|m['’])\s*)?(?:set out|list|outline|describe|explain"
    r"|detail|confirm|clarify|tell|indiquer|préciser|expliquer|détailler|confirmer|lister"
    r"|rappeler)\b"
    # A wish to know or cite something, wherever it stands: "Dans la partie sur l'article 7,
    # j'aimerais citer précisément les missions que la loi confie à ces organismes"; not to
    # understand the scheme as a whole ("nous aimerions comprendre le dispositif").
    r"|\b(?:je|j['’]|nous)\s*(?:voudrais|voudrions|souhaite|souhaitons|souhaiterais"
    r"|souhaiterions|aimerais|aimerions)\s+(?:bien\s+)?(?:citer|connaître|retrouver|identifier)"
    r"\s+(?:précisément\s+|exactement\s+)?(?:les?|la|l['’]|quel(?:le)?s?)\b"
    # An indirect question after a wish to know, wherever it stands: "As the auditor, I
    # need to know where the control arrangements are laid down."
    r"|\b(?:i|we)\s+(?:(?:would|['’]d)\s+like|need|want|wish)\s+to\s+(?:know|understand|find out)"
    r"\s+(?:whether|if|how|when|who|where|what|which)\b",
    re.I,
)
# What opens the question proper in an indirect one: "si", "comment", "ce que"… A
# preposition may lead the wh-word: "savoir sur quels critères", "on what basis".
_ASKING = (
    r"(?:si|s'|s’|comment|ce qu[e'’]|ce qui|pourquoi|quand|où|whether|if|how|when|who|"
    r"(?:à|auprès de|avec|par)\s+qui|"
    r"(?:(?:sur|pour|dans|à|de|par|selon|avec|on|for|about|in|by|at)\s+)?"
    r"(?:quel\w*|combien|lequel|laquelle|lesquel\w*|quoi|what|which))"
)
# An indirect question inside a statement: "nous nous demandons si…", "savoir combien…".
# "I would like to know whether…", "please let us know if…", "confirm whether…".
# A wish to check what the sentence before says: "Ma collègue m'a affirmé : « … ».
# J'aimerais vérifier avant de l'écrire." (not "vérifier que…", which says what).
_CHECK_WISH = re.compile(
    r"\b(?:(?:je|nous|on)\s+|j['’]\s*)(?:voudr\w+|souhait\w+|aimer\w+|préfér\w+)"
    r"\s+(?:(?:bien|donc|d'abord)\s+)?(?:vérifier|m['’]assurer|nous assurer)\b"
    r"(?![^.?!]{0,40}\b(?:que|qu['’]|si)\b)",
    re.I,
)
_INDIRECT = re.compile(
    # Not done "without knowing": "tout le monde en parle sans savoir de quel texte il s'agit".
    r"(?<!\bsans )(?<!\bwithout )"
    r"\b(?:demand\w*|interroge\w*|savoir|comprendre|wonder\w*|ask\w*|confirm\w*"
    # "could you clarify whether…", "pourriez-vous préciser si…".
    r"|clarif\w*|préciser|precise[rz]|précisez|explain|expliquer|expliquez"
    # "my tutor asked me to list how projects get selected", "décrire comment…".
    r"|list|describe|outline|summari[sz]e|lister|décrire|détailler|résumer"
    # Not knowing is asking too: "nous ne savons pas à qui adresser…", "we're not sure if…".
    r"|(?:sai[st]|savons|savez|savent)\s+pas|ignor(?:e|ons|ent)|(?:don['’]t|do not)\s+know"
    r"|not\s+sure|unsure"
    r"|(?:likes?|love|wants?|wish(?:es)?|needs?)\s+to\s+know|let\s+(?:me|us)\s+know"
    r"|(?:tell|advise)\s+(?:me|us))"
    # An adverb may come between: "nous nous demandons en particulier si…".
    r"(?:\s+(?:en particulier|notamment|également|aussi|surtout|donc|alors|précisément"
    r"|plus précisément|simplement|d'abord|enfin|souvent|régulièrement|parfois|toujours|déjà"
    r"|particularly|also|especially|often|always|sometimes|already"
    # Or when: "un partenaire m'a demandé ce matin à qui…".
    r"|ce matin|ce midi|cet après-midi|hier|aujourd'hui|tout à l'heure|la semaine dernière"
    r"|this morning|yesterday|today|earlier|last week"
    # Or any adverb in -ment: "notre présidente voudrait savoir (très) concrètement à qui…".
    r"|(?:(?:très|plus|bien|tout)\s+)?[a-zà-ÿ]{3,}ment))?"
    # Or with whom one wonders: "on se demandait avec ma chef si…".
    r"(?:\s+(?:avec|with)\s+(?:[\wÀ-ÿ'’-]+\s+){0,2}[\wÀ-ÿ'’-]+)?"
    rf"\s+{_ASKING}\b"
    # A wish to know, a few words before what is asked: "veut savoir avant de s'engager ce
    # que nous devrons rendre", "need to know, before we sign, what…".
    r"|\b(?:veu\w+|voudr\w+|souhait\w+|aimer\w+|besoin de|want|wants|need|needs)\s+"
    rf"(?:savoir|to know)\s+(?!{_ASKING}\b)[^.?!;:,\n]{{1,40}}?\s+{_ASKING}\b"
    # Knowing who: "voudrait savoir qui fixe le calendrier"; not "une demande qui…".
    r"|\b(?:savoir|connaître|comprendre|know|understand)(?:\s+[a-zà-ÿ]{3,}ment)?\s+(?:qui|who)\b"
    # A wish to know something, anywhere in a sentence: "Afin de préparer notre dossier,
    # nous souhaiterions connaître les critères…" asks for them.
    r"|\b(?:je|j['’]|nous|on)\s+(?:voudr\w+|souhait\w+|aimer\w+|désir\w+)"
    r"\s+(?:(?:bien|vivement|beaucoup|donc|également|aussi|vraiment)\s+)?"
    r"(?:savoir|connaître|obtenir des (?:précisions|informations|renseignements|éclaircissements)"
    r"|avoir des (?:précisions|informations|renseignements|éclaircissements))\b"
    rf"|{_CHECK_WISH.pattern}",
    re.I,
)


def indirect_start(sentence: str) -> int | None:
    """Where an indirect question inside a statement starts ("nous aimerions savoir si…")."""
    match = _INDIRECT.search(sentence)
    return match.start() if match else None


_CLAUSE_END = re.compile(r"[,;:.?!\n]")


# Asking whether the texts say anything about something: only that something is asked.
_SAYS_ANYTHING = re.compile(
    r"\b(?:the\s+)?(?:law|texts?|call|AMI|decree|order|rules)\s+(?:itself\s+)?"
    r"(?:says?|mentions?|specif(?:y|ies)|provides?|sets?\s+out)\s+anything\s+"
    r"(?:about|on|regarding|as\s+to)\s+"
    r"|\b(?:la\s+loi|les\s+textes|l['’]AMI|le\s+décret|l['’]arrêté|le\s+cahier\s+des\s+charges)"
    r"\s+(?:elle-même\s+|eux-mêmes\s+)?(?:dit|disent|prévoi(?:t|ent)|précise(?:nt)?)"
    r"(?:-(?:t-)?(?:il|elle|ils|elles))?\s+(?:quelque\s+chose|qqch|des\s+choses)\s+"
    r"(?:sur|concernant|à\s+propos\s+d[eu']|au\s+sujet\s+d[eu'])\s*",
    re.I,
)


# Two things of the texts compared ("What's the difference between the AMI and the CPOM?",
# "quelle différence entre le décret et l'arrêté ?"): the words comparing them say how it
# is asked, not what about. Not when one side is the offer or the candidate, which the texts
# set against existing services ("what is the difference between the O2R and France
# Travail's offer?": "complémentaire et différenciée"). "on" is the French "we".
_COMPARED = re.compile(
    r"\bdiff[eé]rences?\s+(?:between|entre)\s+(?P<a>[^?.;]+?)\s+(?:and|et)\s+(?P<b>[^?.;,]+)"
    r"|(?P<c>[^?.;,]+?)\s+(?:differs?|different)\s+from\s+(?P<d>[^?.;,]+)",
    re.I,
)
_COMPARED_SELF = re.compile(
    r"\b(?:o2r|offre|offer|dispositif|scheme|programme|program|nous|notre|nos|on|we|our|us)\b",
    re.I,
)
_COMPARING = re.compile(
    r"\bdiff[eé]ren(?:ce|t|te)s?\b|\bdiffers?\b|\bpareils?\b|\b(?:la\s+)?m[eê]me\s+chose\b"
    r"|\bthe\s+same\b",
    re.I,
)


def without_comparing(text: str) -> str:
    """``text`` without the words comparing two things of the texts (see ``_COMPARED``)."""
    compared = _COMPARED.search(text)
    if compared is None or any(_COMPARED_SELF.search(side) for side in compared.groups() if side):
        return text
    return _COMPARING.sub(" ", text)


def without_reporting(text: str) -> str:
    """``text`` without the clauses that only say something is asked: "Notre conseil se
    demande si nous pouvons candidater" asks "si nous pouvons candidater". Their words
    ("demande", "savoir") are no topic of the question, nor is where it is written, nor
    the words comparing two things of the texts."""
    kept: list[str] = []
    at = 0
    for match in _INDIRECT.finditer(text):
        ends = [m.end() for m in _CLAUSE_END.finditer(text, at, match.start())]
        clause = ends[-1] if ends else at
        asked = _ASKED_WORD.search(match.group())
        kept += [text[at:clause], " "]
        at = match.start() + asked.start() if asked else match.end()
    text = ("".join(kept) + text[at:]).strip()
    # "whether the law says anything about how…", "les textes disent-ils quelque chose
    # sur l'évaluation ?": what is asked about follows.
    text = _SAYS_ANYTHING.sub(" ", text).strip()
    text = without_comparing(text)
    # "Dans ce cas, qui coordonne, et c'est écrit où ?": the quotes say where, and that
    # "où" asks no place.
    comma = text.rfind(",")
    if comma > 0 and asks_source(text[comma + 1 :]):
        return f"{text[:comma].rstrip()} ?"
    return text


_WORDS = re.compile(r"[\wÀ-ÿ'’-]+")
# A question sentence without a wh-word and with so few content words asks about the
# sentence before it ("Pourriez-vous m'éclairer ?", "Est-ce suffisant ?").
CONTENTLESS_WORDS = 2

_EN_WORDS = frozenset(
    "the a an is are can could do does what which who when how where why of for to our we "
    "you your be will would should need must there any it this that with over".split()
)
# Words that only stress a question ("What is it exactly?") or leave it open ("We can
# apply also or not?"): they name no topic of its own.
_STRESS_WORDS = frozenset(
    "exactly precisely really actually exactement précisément concrètement vraiment "
    "not or either".split()
)
# More English function words, which only tell the language ("On what date did Decree
# No. 2024-584 come into force?" has one of the words above, and French "on").
_EN_MARKERS = _EN_WORDS | frozenset(
    "did has have was were been from into they their and if not".split()
)
# With the pronouns, negation and greetings of a message typed without care, which may have
# none of the others ("je conprend rien a vote truc sa sert a quoi") but two English "a".
_FR_WORDS = frozenset(
    "le la les un une des est sont peut quel quelle quels quelles qui quand comment où "
    "pourquoi de du pour nous vous notre nos votre il elle on faut doit dans sur avec "
    "je tu moi me ma mon mes ce ça ca et ou mais quoi que qu pas ne rien au aux c'est "
    "bonjour merci svp stp".split()
)

# Cues of what a question sentence asks: yes or no, a wh-word, a definition, a "how",
# eligibility, a subject; whether a counted noun is a time unit, whether money is meant.
_CUES = pattern_table(
    r"""
yes_no: ^(?:est[- ]ce\b|peut-on|peuvent-ils|peuvent-elles|faut-il|doit-on|dois-je|puis-je|
    a-t-on|y a-t-il|sommes-nous|suis-je|avons-nous|pouvons-nous|devons-nous|
    (?:can|could|may|do|does|is|are|must|should|will)\b)
    |\b\w+-(?:t-)?(?:il|elle|on|ils|elles|nous|je)\b
# A statement checked with a tag: "… comptent dans le minimum, non ?", "…, yeah?".
    |,[ ]*(?:non|hein|pas[ ]vrai|n'est-ce[ ]pas|c'est[ ]ça|c[ ]ça|right|yeah|correct|no)[ ]*\?
# "o[ù]": a class keeps its accent, so the "ou" of "X ou Y ?" does not ask where.
# Not the idiom "tel quel" ("le redéposer tel quel"), which asks nothing.
wh: \b(?<!tel[ ])(?<!tels[ ])(?<!telle[ ])(?<!telles[ ])
    (?:qui|que|quoi|quel|quelle|quels|quelles|quand(?! même)|combien|comment|pourquoi|o[ù]|lequel|
    laquelle|lesquels|lesquelles|qu'est-ce|c'est quoi|c koi|koi|what|which|who|when|how
    |where|why)\b
# "le rôle du chef de file" asks what it is there to do, as its definition says.
definition: \b(?:veut dire|signifie|définition|qu'(?:est-ce qu(?:e\b|')|entend-on par)
# "ce que l'appel entend par « aller vers »", "qu'entendez-vous par…", "what do you mean by".
    |\bentend(?:s|ent|ez|u)?(?:-(?:on|vous|ils|elles|il|elle))?[ ]+par\b|\bmean[ ]+by\b
# Not "c'est quoi la différence entre…", which compares two things.
    |\bc(?:'est|est)?[ ]+(?:quoi|koi)\b(?![ ]+(?:la|les)[ ]+diff)|what (?:is|are|does)\b.*\bmean
# Written by a learner: "what mean 'repérage'?", "what means O2R?".
    |\bwhat[ ]+(?:it[ ]+|this[ ]+|that[ ]+)?means?\b
    |what is meant
# "la DREETS, c'est qui en fait ?": a body named, then what it is; not "c'est qui qui
# signe ?", which asks who acts.
    |\bc(?:'est|est)?[ ]+(?:qui|ki)(?=[ ]*(?:en[ ]fait|exactement|au[ ]juste|donc)?[ ]*(?:[,?!.]|$))
# "ce droit commun, ça recouvre quoi ?", "what does it cover?".
    |\b(?:recouvr|englob)\w*[ ]+(?:quoi|koi)\b|\bwhat does (?:it|that|this) (?:cover|include)\b
    |\bstands? for\b|\b(?:acronyms?|abbreviations?|acronymes?)\b
# "who exactly counts as 'invisible'?", "qui est considéré comme invisible ?": who the word
# names, as its definition says.
    |\b(?:who|what)[ ]+(?:exactly[ ]+|really[ ]+)?(?:counts?|qualif(?:y|ies))[ ]+as\b
    |\b(?:qui|qu'est-ce qui)[ ]+(?:\w+[ ]+)?(?:compte|est considérée?|sont considérée?s)[ ]+comme\b
# "qui l'on appelle « invisibles »", "ce qu'on appelle l'aller vers", "who is called…".
    |\b(?:qui|que|qu'|ce[ ]qu')[ ]?(?:l'on|on|vous|la[ ]loi|les[ ]textes)[ ]+appel(?:le|lent|lez)\b
    |\bwho[ ]+(?:is|are)[ ]+(?:called|referred[ ]to[ ]as)\b
    |rôle (?:exact |précis )?(?:du|de la|de l'|des)|role of (?:the|a|an)\b
# "Et elle joue quel rôle dans l'AMI ?", "what role does it play?": what someone named does.
    |\b(?:joue|jouent|jouera|a|ont|tient|tiennent)[ ]+quel(?:le)?s?[ ]+r[oô]les?\b
    |\bwhat[ ]+(?:role|part)[ ]+(?:does|do|will)[ ]+(?:it|they|he|she
    |the[ ][\w' -]{1,30}?)[ ]+play\b
# What someone named does is what its entry says: "il fait quoi concrètement ?", "à quoi
# sert le chef de file ?", "what does the lead partner do?".
    |\b(?:il|elle|ils|elles|ça|ca|celui-ci|celle-ci)[ ]+(?:fait|font|sert|servent)[ ]+(?:à[ ]+)?
    (?:quoi|koi)\b|\bà[ ]quoi[ ](?:sert|servent)\b|\b(?:son|leur|its|their)[ ]+r[oô]le\b
    |\bwhat[ ]does[ ](?:it|he|she|the[ ][\w' -]{1,30}?|an?[ ][\w' -]{1,30}?)[ ]do\b)
# A short question that only asks whether what was stated is enough or acceptable.
# Also "on est bons ?", "we're good?", "on coche toutes les cases ?", "we tick all the boxes".
assess: \b(?:suffisante?s?|suffit|assez|ça passe|ça va|c'est bon|ok|valables?|conformes?|jouable
    |acceptables?|enough|okay|fine|viables?|compatibles?
    |tien(?:t|nent|dra|drait|draient)(?:-(?:t-)?(?:il|elle|ils|elles|on))?[ ]la[ ]route
# "Alors, on passe ?", "On dépose ?": whether the file as stated may go in.
    |on[ ](?:passe|dépose|depose)|good[ ]to[ ]go
# "Alors, on peut y aller ?", "on y va ?", "can we go ahead?": whether to go ahead with it.
    |on[ ](?:peut[ ]|pourrait[ ])?y[ ](?:aller|va)|go[ ]ahead|go[ ]for[ ]it
    |holds?[ ]up)\b
    |\b(?:on est|nous sommes|we are|we're)(?: toujours| encore| quand même| still)? (?:bons?|bonnes?
    |good|all set|ok)\b|\bdans les clous\b
    |\b(?:ça|cela|ca) change (?:quelque chose|qqch|qqc|quoi|tout)\b|\bdoes (?:that|it|this) change
    |\b(?:coch\w*|remplit|remplissons|tick|ticks|check)
    [ ](?:toutes les |les |all (?:the )?|the )(?:cases|boxes)\b
    |\brien ne (?:bloque|coince|s'oppose|pose (?:de )?problème)\b
    |\bnothing (?:blocks|stands in the way|is missing)\b
# "Voyez-vous un point qui bloque ?", "anything blocking?": the stated facts, weighed.
    |\b(?:points?|éléments?|choses?|aspects?)\s+(?:bloquants?|éliminatoires?|rédhibitoires?
    |qui\s+(?:bloquen?t?|coincen?t?
    |poserai(?:en)?t\s+problème|posen?t?\s+problème))\b
    |\b(?:anything|something)\s+(?:blocking|that (?:blocks|would block))\b
# The reader's opinion on what was described: "Qu'en pensez-vous ?", "what do you think?".
    |\bqu['’]en[ ](?:pensez|penses|pense|dites|dis)\b|\b(?:votre|ton|vos)[ ]avis\b
    |\bwhat[ ]do[ ]you[ ]think\b|\byour[ ](?:view|opinion|thoughts)\b
how: ^(?:comment|how)\b(?! (?:long|much|many))
# Asking whether the project qualifies, or reaches the call's threshold ("nous atteignons
# le seuil", "on passe la barre"): the checker's verdict is then the answer.
# Not "les projets retenus", the ones selected, which asks how the call selects.
eligibility: \b(?:éligibles?|recevables?|eligible|qualify)\b
# Not who of several files: "qui doit déposer le dossier ?".
    |(?<!\bqui[ ])(?<!\bqui[ ]doit[ ])(?<!\bqui[ ]va[ ])(?<!\bqui[ ]peut[ ])(?<!\bqui[ ]devra[ ])
    \b(?:candidater|postuler|déposer|apply)\b
# To answer the call, not a question one could not answer ("à laquelle je n'ai pas su
# répondre"), nor needs ("répondre aux besoins").
    |(?<!\bsu[ ])(?<!\bpu[ ])\brépondre\b(?![ ](?:à|a|aux)[ ](?:(?:une?|la|sa|ses|vos|nos|leurs?
    |cette|ces|des)[ ])?(?:questions?|demandes?|besoins?|attentes?)\b)
    |(?<!projets\s)(?<!dossiers\s)(?<!candidats\s)(?<!structures\s)(?<!organismes\s)
    \bretenus?\b
# "Pensez-vous que nous remplissons les conditions ?", "do we meet the criteria?".
    |\b(?:rempli\w*|satisf\w*|respect\w*|correspond\w*|répond\w*|rentr\w*[ ]dans
    |entr(?:e|ent|er|ons|erait|eraient|era|eront)[ ]dans|meet|fulfil\w*
    |satisfy|comply[ ]with|complies[ ]with|match\w*)(?:-(?:t-)?(?:il|elle|ils|elles|on|nous|vous))?
    \s+(?:bien\s+|toutes\s+|all\s+)?(?:les|aux|the|le|au)\s+(?:conditions|critères|exigences|criteria
    |requirements|règles|rules|cadre|framework)\b
    |\b(?:atteign\w*|atteint|atteindre|dépass\w*|franchi\w*|passe\w*|reach\w*|meet)\s+
# "nous atteignons tout juste le plancher", "we only just reach the threshold".
    (?:(?:tout\s+juste|juste|bien|largement|déjà|à\s+peine|pile|just|only\s+just|barely)\s+)?
    (?:le\s+|la\s+|du\s+|the\s+)?(?:seuil|minimum|plancher|barre|threshold)\b
# The rules asked of first: "quelles règles nous remplissons ?", "which criteria do we meet?".
    |\b(?:règles|conditions|critères|exigences|cases|rules|criteria|requirements|boxes)\s+
    (?:(?:do|does)\s+)?(?:nous|on|we|notre\s+projet|our\s+project)\s+(?:ne\s+)?(?:rempli\w*
    |satisf\w*|respect\w*|coch\w*|meet|fulfil\w*|satisfy|tick)\b
# What would stand in the way: "qu'aucune règle ne s'oppose à notre candidature", "does
# anything prevent our application?".
    |\b(?:s['’]oppos\w*|obstacles?|emp[êe]ch\w*|prevents?|stands?[ ]in[ ]the[ ]way[ ]of)[ ]+
    (?:à[ ]+|a[ ]+|to[ ]+)?(?:notre|nos|cette|ce|la|le|our|this|the)[ ]+(?:candidature|projet
    |dossier|demande|application|project|bid)\b
# "Ce public-là convient-il ?", not "il convient de préciser".
    |\bconvien(?:t|nent|drait|draient)(?:-(?:t-)?(?:il|elle|ils|elles))?\b(?![ ]+d[e'’])
# "Est-ce qu'on a nos chances ?", "a-t-on une chance d'être retenus ?", "do we stand a chance?".
    |\b(?:nos|notre|une|des|toutes?\s+nos|our|any|a)\s+(?:chances?|chance)\b
# What the file still lacks: "ce qu'il nous manque pour que le dossier soit complet", "que
# manque-t-il ?", "what else is missing?".
# "s'il nous manque quelque chose", "manquerait-il une pièce ?".
    |\b(?:(?:qu|s)['’]il|ce\s+qui)\s+(?:nous\s+|vous\s+|me\s+)?manque(?:rait)?\b
    |\bmanque(?:-t|rait)-il\b
    |\bwhat(?:['’]s|\s+is|\s+else\s+is)?\s+(?:still\s+)?missing\b
# ... about the candidate itself ("sommes-nous éligibles", "notre projet est-il
# recevable"), not about an item ("les dépenses de formation sont-elles éligibles").
first_person: \b(?:nous|notre|nos|on|je|j'|j’|mon|ma|mes|we|our|us|i)\b|-(?:nous|je|on)\b
# The thing a "quel" question asks about: "Quel est le montant…" -> "montant".
# An adverb between the verb and the article is not the subject ("quel sera exactement le
# rôle…", "quel est donc le montant").
subject: \b(?:quel|quelle|quels|quelles)\s+(?:(?:est|sont|serait|seraient|sera|seront)\s+
    (?:(?:[a-zà-ÿ]+ment|donc|alors|au juste)\s+(?=(?:le|la|les|l'|l’|un|une|des)\b))?)?
    (?:(?:le|la|les|un|une|des|leurs?|ses|son|sa|ces|cette|cet|ce|nos|notre|vos|votre)\s+
    |l'\s*|l’\s*)?
# "quel est le bon chiffre ?": the noun, not the adjective judging it.
    (?:(?:bon(?:ne)?s?|vraie?s?|exacte?s?|meilleure?s?|vrais)\s+)?([a-zà-ÿ][\wÀ-ÿ-]{2,})
# Whether what is asked is a problem: a failure answers it with yes.
problem: \b(?:coincer|coince|bloquant|bloquante|bloquer|bloque|problème|problématique|gênant
    |souci|obstacle|rédhibitoire|éliminatoire|problem|blocking|issue|deal-breaker)\b
time_unit: ^(?:mois|ans?|années?|jours?|semaines?|months?|years?|weeks?|days?)$
money: €|\beuros?\b|\bbudget|\bco[uû]t|\bmontant|\bargent|\bmoney|\bfunding
"""
    + rf"""    |\b(?:{MONEY_SLANG})\b
""",
    re.I,
    accents_optional=True,
)
# "Avec qui signe-t-on ?", "to whom do we send it?" ask who too, and so does the spoken
# "c'est qui qui signe ?", "c qui qui a écrit… ?".
_WHO = re.compile(
    r"^(?:et |mais |alors |and |but |so )?(?:(?:avec|à|a|auprès de|aupres de|par|chez|with|to|by"
    r"|from) )?"
    r"(?:(?:c['’]est|cest|c)\s+qui\s+)?(?:qui|who|whom"
    # "Quelle autorité examine les dossiers ?", "quel service…", "which body decides?": an
    # actor asked for.
    r"|(?:quel(?:le)?s?|which|wich|what)\s+(?:autorités?|instances?|organismes?"
    r"|administrations?|institutions?|interlocuteurs?|services?|authorit(?:y|ies)|bod(?:y|ies)"
    r"|agenc(?:y|ies))|(?:which|wich)\s+(?:[\w-]+\s+)?offices?)\b",
    re.I,
)
# "C'est elle aussi qui décide du calendrier ?", "Est-ce la DREETS qui signe ?", "is it
# the prefect who decides?": a body or a pronoun put forward asks who acts.
# "Et c'est à elle qu'on envoie la demande ?": to whom, the same.
_WHO_CLEFT = re.compile(
    r"^(?:et |mais |alors |donc )?(?:c['’]est|est-ce|ce sont|is it|was it)\s+"
    r"(?:(?:à|a|auprès d['’]|to)\s*)?"
    r"(?:elle|lui|eux|elles|them|she|he|(?:la|le|l['’]|les|the)\s*(?:DREETS|préfet\w*|prefect"
    r"|État|Etat|state|région|region|ministres?|ministry|département|France Travail|comité"
    r"|jury))\s+(?:aussi\s+|also\s+|encore\s+|seule?\s+|alone\s+)?(?:qui|who|que|qu['’])\b",
    re.I,
)
# "Et la date limite, c'est fixé par qui ?", "on envoie le dossier à qui ?", "set by
# whom?": who asked where the answer would stand, at the end of the question.
_WHO_IN_SITU = re.compile(
    r"\b(?:par|à|a|de|avec|auprès de|aupres de|chez|by|to|with|from)\s+(?:qui|whom)\s*\?",
    re.I,
)
# "Et une fois le dossier déposé, qui l'examine ?": "qui" opening the last clause asks who.
_WHO_AFTER_CLAUSE = re.compile(r",\s*qui\s+[^,?]{1,50}\?\s*$", re.I)
# "Le calendrier est-il fixé au niveau national ?", "does each region decide its own
# deadlines?": whether a date is set nationally or regionally asks who sets it, not when.
_WHO_SETS = re.compile(
    r"\b(?:fix[ée]e?s?|d[ée]cid[ée]e?s?|d[ée]finie?s?|fixed|decided|set)\s+(?:au niveau\s+)?"
    r"(?:nationa\w*|r[ée]giona\w*|par (?:chaque|la|le|l['’])\s*\w+|by (?:each|the) \w+)"
    r"|\b(?:chaque|each)\s+(?:région|region|préfet|prefect)\s+(?:\w+\s+)?(?:décide|fixe|"
    r"définit|decides?|sets?|chooses?)\b",
    re.I,
)
# A length counted from an event: "combien de temps après le dépôt… ?".
_TIME_FROM_EVENT = re.compile(
    r"\b(?:combien de (?:temps|jours|semaines|mois)|how long|how many (?:days|weeks|months))"
    # A few words may come between: "combien de semaines faut-il attendre après le dépôt".
    r"\s+(?:[\wÀ-ÿ'’-]+\s+){0,4}?"
    # Before an event, not before something happens to someone ("avant qu'il trouve").
    r"(?:après|apres|after|(?:avant|before)(?!\s+(?:qu|de|d['’]|they|he|she|it|we)\b))\b",
    re.I,
)
# A second question joined on: ", et on la signe avec qui ?".
_JOINED = re.compile(r"[,;]\s*(?:et|mais|and|but)\b", re.I)
_WHO_ARE = re.compile(
    r"^(?:et |mais |alors )?(?:qui sont|who are)\b"
    # Or who the public is: "who's actually the target group in the law?", "qui est le
    # public visé ?".
    r"|^(?:et |mais |alors |so )?(?:who(?:['’]s| is| are)|qui est|c['’]est qui)\s+(?:\w+\s+)?"
    r"(?:the|le|la)\s+(?:target(?:ed)?\s+(?:group|public|population|audience)"
    r"|public\s+(?:visé|cible|prioritaire|concerné))\b",
    re.I,
)
# A short opening aside before the question proper: "Et accessoirement, avec qui… ?",
# "Par ailleurs, qui…", "By the way, who…", "quick q - who…". Start-anchored cues read
# what follows it.
# Opened by a conjunction, a little longer: "Et au bout du compte, qui décide ?"; not a
# condition ("Et si c'est commun, qui coordonne ?"), which says of what the question asks.
_ASIDE = re.compile(
    r"^(?:(?:et|mais|alors|donc|and|but|so)\s+(?!si\b|s['’]il|if\b)(?:[\wÀ-ÿ'’-]+\s+){0,3}"
    r"|(?:[\wÀ-ÿ'’-]+\s+){0,2})"
    r"[\wÀ-ÿ'’-]+(?:\s*[,:]|\s+[-–—])\s*(?=\S)",
    re.I,
)
_RELATIVE_CLAUSE = re.compile(r"(?:qui|dont)\s+\w[^,?.!]*,\s*(?!(?:et|ou|mais)\b)[\wÀ-ÿ]", re.I)
# The same between commas inside a sentence: "Le partenaire, qui devait être chef de file,
# s'est retiré : pouvons-nous… ?" asks yes or no.
_CLOSED_RELATIVE = re.compile(
    r",\s*(?:qui|dont)\s+\w[^,?.!:;]*,(?=\s*(?!(?:et|ou|mais)\b)[\wÀ-ÿ])", re.I
)
# What an existence question asks about: "Y a-t-il un comité de sélection ?" asks about a
# comité, "existe-t-il une limite d'âge ?" about an age (a bound names no topic). Not an
# indirect one ("… s'il existe une enveloppe qui limite…"), which the texts may word apart.
_EXISTS = re.compile(
    r"\b(?:y\s+a[- ]t[- ]il|existe[- ]t[- ]il)\s+"
    r"(?:un|une|des|de|d['’])\s*(?:(?:limite|limites|plafond|plancher|seuil|nombre|minimum|maximum"
    r"|condition|conditions|restriction|restrictions)\s+(?:(?:minimum|maximum|minimal|maximal)"
    r"\s+)?(?:de\s+|d['’]\s*|du\s+|des\s+))?"
    r"(?!(?:limite|plafond|plancher|seuil|nombre|minimum|maximum|montant|délai|durée)s?\b)"
    r"([a-zà-ÿ][\wÀ-ÿ-]{2,})",
    re.I,
)
# A follow-up naming only a new topic asks about it: "et côté comptabilité ?", "what about
# governance?" (the question before says what is asked of it).
_TOPIC_ONLY = re.compile(
    r"^\W*(?:(?:et|mais|and|but|ok|bon)\W+)*(?:côté|coté|niveau|concernant|quid\s+de|au\s+sujet\s+de"
    r"|what\s+about|how\s+about|regarding|as\s+for)\s+(?:(?:le|la|les|du|des|the)\s+|l['’]\s*|d['’]\s*)?"
    r"([a-zà-ÿ][\wÀ-ÿ-]{2,})\s*[?!.]*\s*$",
    re.I,
)
# What a body asked about is: "Qui siège dans le comité de sélection ?" asks about a
# comité, "qui compose le jury ?" about a jury.
_SITS_IN = re.compile(
    r"\bqui\s+(?:siège|siègent|participe|participent|compose|composent|fait partie|font partie"
    r"|est membre|sont membres)\s+(?:dans|à|au|aux|de|du|des|en)?\s*(?:le|la|les|l['’])?\s*"
    r"([a-zà-ÿ][\wÀ-ÿ-]{2,})",
    re.I,
)
# A question whose subject points back at what the message stated: "Lequel est
# recevable ?", "Est-ce éligible ?", "Is it eligible?".
_POINTS_BACK = re.compile(
    r"^(?:et |alors |mais |donc )?(?:lequel|laquelle|lesquels|lesquelles|ça|ca|cela|est-ce|"
    r"c'est|est-il|which|is it|is this|is that)\b"
    # "Ce public-là convient-il ?": the very one just described.
    r"|^(?:et |alors |mais |donc )?(?:ce|cet|cette|ces)\s+[\wÀ-ÿ]+-là\b",
    re.I,
)
# The case just asked: "Dans ce cas, laquelle coordonne les autres ?", "Si oui, …". A
# follow-up opening on it continues the question before, and the words name no topic.
IN_THAT_CASE = re.compile(
    r"\b(?:dans ce cas|en ce cas|auquel cas|si oui|si c'est le cas|if so|in that case)\b", re.I
)
# Not the one of "qu'est-ce que", which asks what.
_EST_CE_QUE = re.compile(r"(?<!qu['’ ])\best[- ]ce qu(?:e\b|')", re.I)
# "pouvez-vous confirmer que…": a "que" that opens what is said, not one that asks what.
_THAT_CLAUSE = re.compile(
    r"\b(?:confirm|dire|dites|indiqu|précis|certifi|assur|garanti"
    # An opinion asked for: "Pensez-vous que notre projet tient la route ?" asks yes or no.
    r"|pens|croy|crois|estim|trouv|consid)\w*(?:-vous|-tu)?\s+(?:nous\s+|me\s+|moi\s+)?"
    r"qu(?:e\b|')"
    # A requirement asked: "Faut-il que l'une d'entre nous coordonne… ?".
    r"|\b(?:faut-il|faudra-t-il|faudrait-il|est-il (?:obligatoire|nécessaire))\s+qu(?:e\b|')",
    re.I,
)
# A relative pronoun after a noun its determiner introduces ("des accompagnateurs qui se
# déplacent", "le budget que nous présentons") asks nothing.
_RELATIVE = re.compile(
    r"(?:\b(?:le|la|les|un|une|des|du|ces|cet|cette|nos|notre|vos|votre|leurs?|ses|son|sa)\s+"
    r"|\bl['’]\s*)[\wÀ-ÿ-]{3,}(?:\s+[\wÀ-ÿ-]{3,})?\s+(?:qui|que|qu['’]|où|dont)\b",
    re.I,
)
_WH_START = re.compile(rf"^(?:et |mais |alors )?{_CUES['wh'].pattern}", re.I)
# Clauses of one sentence; a comma between digits ("1,2 million") splits nothing.
_CLAUSE = re.compile(r"(?<!\d)[,;:](?!\d)")
ASSESS_MAX_WORDS = 8
# What the stated facts are weighed against lengthens the question, not what it asks:
# "…tient la route au regard de l'AMI ?", "…conforme par rapport au cahier des charges ?".
_MEASURED_AGAINST = re.compile(
    r"\b(?:au regard|vis-à-vis|à la lumière)\s+(?:de|du|des|d['’])[^?]*"
    r"|\bpar rapport (?:à|au|aux)\b[^?]*|\bwith (?:regard|respect) to\b[^?]*"
    # The standard: "… conforme à ce que demande l'AMI ?".
    r"|\bà ce qu(?:e\b|['’])[^?]*"
    # What is weighed, pointed to: "un point bloquant dans ce que je vous décris ?", "any
    # issue in what we described?".
    r"|\b(?:dans|in)\s+(?:ce que (?:je|nous|j['’]ai|nous avons|on)\b|ce qui précède"
    r"|what (?:i|we)\b|the above)[^?]*"
    # The side weighed: "… dans les clous côté budget ?", "… in terms of budget?".
    r"|\b(?:côté|cote|au niveau(?:\s+(?:de|du|des|d['’]))?|sur le plan|en termes? de|in terms of)"
    r"\s+[\wÀ-ÿ'’ -]{1,30}?(?=\s*\?|\s*$)",
    re.I,
)

# Kinds of answer a question can ask for, each with how a sentence gives one.
_MONTHS = (
    r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)"
)
_NUMBER = (
    r"(?:\d[\d\s.,]*|un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|"
    r"quinze|vingt|trente|cent|mille|dix-huit|trente-six)"
)
# Not followed by what names a length: "maximum length", "minimum duration".
_NOT_OF_TIME = r"(?!\s+(?:[\w'’-]+\s+)?(?:length|duration|durée|period|time)\b)"
# Nor right after one ("8 mois maximum" bounds a length), nor after a pathway, which
# lasts ("parcours max par perso ?"), nor as an adverb ("ce que le projet doit contenir au
# minimum": at least) unless a quantity is asked ("Quelle part du budget l'État
# finance-t-il au maximum ?").
_NO_AMOUNT_BEFORE = "".join(
    rf"(?<!\b{word} )"
    # A length of experience too: "5 ans d'expérience minimum".
    for word in "mois ans années semaines jours months years au parcours pathway expérience "
    "experience".split()
)
# An amount given per person supported, which a project's total does not state.
PER_PERSON = (
    r"\b(?:par|per|pour une?|for (?:a|each|one))\s+(?:personnes?|bénéficiaires?|beneficiar(?:y|ies)"
    r"|participants?|jeunes?|têtes?|persons?|head|individual)\b"
)


class _TrainingPaidAsked:
    """Whether training may be paid from the project's money ("on peut consacrer une partie
    de l'enveloppe à des formations CACES ?"), as ``facts.names_training_cost`` reads it."""

    def search(self, text: str) -> bool:
        from .facts import names_training_cost  # facts reads questions: imported on first use

        return names_training_cost(text)


# A person followed or kept on: what "jusqu'à quand" then asks is a length, not a date.
_FOLLOWING_SOMEONE = (
    r"(?=[^?.]{0,30}\b(?:suivre|suivie?s?|accompagn\w*|garder|gardée?s?|rester|reste)\b)"
)
KIND_ASKED = {
    "duration": lenient(
        r"\bcombien de temps|\bdurée|\bdure(?:r|nt)?\b|\bpendant combien|\bhow long|\bduration"
        r"|\blength\b"
        # "for what term is it concluded?", "for what period?".
        r"|\b(?:for )?what (?:term|period)\b"
        # "le délai …, c'est combien ?" asks how long.
        r"|\bdélai\b[^?.]*\bcombien\b|\bcombien\b[^?.]*\bdélai\b"
        # Following someone "until when" is for how long: "jusqu'à quand on peut suivre une
        # même personne ?".
        rf"|\bjusqu'à quand\b{_FOLLOWING_SOMEONE}"
        # So does "le parcours, c'est combien ?": a pathway is measured in months.
        r"|\b(?:parcours|accompagnement)\b,?\s+(?:c'?est|c)\s+combien\b(?!\s*d[e'’])"
        # A length put against a bound: "on peut le garder + d'1 an ?", "longer than 12
        # months?"; not time already spent ("depuis plus de 10 ans").
        r"|(?<!depuis )(?<!since )(?<!for )(?:\bplus d[e'’]\s*|\+\s*d[e'’]\s*|\bau-delà d[e'’]\s*"
        r"|\bmore than |\blonger than |\bbeyond |\bover )"
        r"(?:\d+|une?|deux|trois|one|two|three)\s*(?:ans?|années?|mois|months?|years?)\b",
        re.I,
    ),
    "amount": lenient(
        r"\bcombien (?:co[uû]te|d'argent|d'euros|faut-il (?:de budget|d'argent))|\bmontant"
        # A bound of a length is a duration: "is there a maximum length of support?".
        rf"|{_NO_AMOUNT_BEFORE}\b(?:minimum|maximum){_NOT_OF_TIME}|\bplafond|\bplancher"
        r"|\b(?:quel(?:le)?s?|combien)\b[^?.]*\bau (?:minimum|maximum)\b"
        # In one clause: "pour combien de temps, et ce qu'elle contient (budget…)" asks none.
        r"|\bbudget\b[^,;:?.()]*\bcombien|\bcombien\b(?! de temps)[^,;:?.()]*\bbudget"
        r"|\bceiling\b|\b(?:a|the|any) cap\b"
        # "What is the monthly amount, in euros, of the allowance?"; not the text that sets
        # one ("in which document its amount is set out").
        r"|\b(?:what|which)\b(?!\s+(?:documents?|texts?|articles?|decrees?|laws?|provisions?)\b)"
        r"[^?.]{0,25}\bamounts?\b|\bin euros\b"
        # "is there a floor on total project cost?", "a threshold for the budget".
        r"|\b(?:floor|threshold)s?\s+(?:on|for|of)\s+(?:the\s+)?(?:total\s+|overall\s+|minimum\s+)?"
        r"(?:project\s+)?(?:budget|amount|cost|funding|spend)"
        # A bound asked as a superlative: "the lowest budget", "le plus petit budget".
        r"|\b(?:lowest|smallest|least|highest|largest|biggest|min|max)\b[^?.]{0,25}"
        r"\b(?:budget|amount|cost|funding|grant|sum)"
        r"|\bplus (?:petit|bas|faible|élevé|gros)s? (?:budget|montant|coût)"
        r"|\b(?:budget|montant|coût)s? (?:le|la) (?:plus|moins) (?:petit|bas|faible|élevé|gros)"
        r"|\b(?:budget|montant|coût)s? (?:min|max)\b"
        # Not a freedom or a say: "how much leeway does each prefect have" asks no sum.
        r"|\bhow much\b(?!\s+(?:leeway|latitude|freedom|flexibility|room|say|autonomy|discretion"
        r"|control|influence|power)\b)"
        # "Quel coût par personne accompagnée ?": an amount per head.
        rf"|\b(?:co[uû]ts?|montants?|budgets?|prix|sommes?|costs?|amounts?)\b[^?.]{{0,25}}?{PER_PERSON}"
        # A bare "combien" asks how much ("ils touchent combien ?"); "combien de X" counts.
        r"|(?<!article )(?<!articles )\bcombien\b(?!\s*d[e'’])"
        # A price or a wage only when asked for: "on met que les salaires ?" asks no amount.
        r"|\b(?:quel(?:le)?s?|combien|what)\b[^?.]{0,20}\b(?:salaires?|prix|tarifs?|wages?|salar(?:y|ies))\b"
        # The money set aside for the call: "what was the total regional envelope?", "quelle
        # enveloppe ?"; not "si l'enveloppe est entamée…".
        r"|\b(?:quel(?:le)?s?|combien|what|total|totale|global|globale|overall)\b[^?.]{0,25}"
        r"\b(?:enveloppes?|envelopes?)\b"
        r"|\b(?:enveloppes?|envelopes?)\s+(?:totale|globale|régionale|allouée|total|overall|regional)\b",
        re.I,
    ),
    "date": lenient(
        # Not a delay already named: "si au bout de ce délai rien n'est trouvé, on fait quoi ?".
        r"(?<!jusqu'à )\bquand\b(?! même)|\bdate\b|\bdepuis quand|\bà partir de quand"
        rf"|\bjusqu'à quand\b(?!{_FOLLOWING_SOMEONE})"
        r"|(?<!\bce )(?<!\bces )\bdélai"
        r"|\bdeadline|\bwhen\b|\bcalendrier",
        re.I,
    ),
    "count": lenient(
        # The noun counted is captured: "combien de X", "un nombre minimum d'ETP".
        r"\bcombien d[e'’]\s*(?!temps?\b)([\wÀ-ÿ-]+)|\bhow many (\w+)"
        r"|\b(?:nombre|number)(?: (?:minimum|maximum|minimal|maximal|total|exact))?"
        r" (?:d[e'’]|of)\s*([\wÀ-ÿ-]+)",
        re.I,
    ),
    # A share asked however named: "quelle part minimale de jeunes ?", "un quota ?".
    "rate": lenient(
        r"\btaux\b|\bpourcentage|\bpour ?cent|\bpercentage|\brate\b|\bproportions?\b|\bquotas?\b"
        r"|\bquelles?\s+(?:est\s+la\s+)?parts?\b|\bwhat\s+share\b",
        re.I,
    ),
    "contact": lenient(
        # Not a phone someone lacks: "elle a plus de téléphone", "no phone".
        r"(?<!\bde )(?<!\bd['’])(?<!\bsans )(?<!\bno )(?<!\bwithout )"
        r"\b(?:e-?mail|courriel|adresse (?:mail|électronique|postale)|téléphone|"
        r"joindre|contacter|phone|site (?:internet|web)|url)\b"
        # Opening hours, to come in person: "les horaires d'ouverture de la DREETS".
        r"|\bhoraires?\s+(?:d['’]ouverture|d['’]accueil|du\s+guichet)|\bheures?\s+d['’]ouverture"
        r"|\b(?:opening|office)\s+hours\b"
        # Not a text's number: "le numéro et la date de la loi" asks which law.
        r"|\bnuméro\b(?![^?.]{0,25}\b(?:lois?|décrets?|arrêtés?|articles?|textes?)\b)"
        # A link to follow, not linking up with someone: "is there a link to the form?".
        r"|\b(?:the|a|any)\s+links?\b"
        # A document to download is a resource the texts do not hold either.
        r"|\btélécharg\w*|\bformulaires?\b|\bcerfa\b|\bdownload\w*|\btemplates?\b"
        # So is a template to fill in ("un modèle type de bilan", "le modèle de budget
        # prévisionnel en Excel"), not the "modèle économique".
        r"|\bmodèles?\s+(?:types?\b|d[eu]\s+(?:bilan|budget|rapport|dossier|convention|compte"
        r"|lettre|courrier|tableau)s?\b)|\btrames?\b|\bgabarits?\b"
        # "suivre un modèle fourni par la DREETS", "a standard template".
        r"|\bmodèles?\s+(?:fournis?|imposés?|officiels?|standards?|à\s+suivre)\b"
        # "un contact à la DREETS ?", not "plus de contact depuis l'hiver", "sans contact",
        # "hasn't had any (regular) contact with France Travail": the contact a person has
        # with someone is no address.
        # Nor one made with a person: "une fois le contact établi", "le premier contact".
        r"|(?<!\bde )(?<!\bd')(?<!\bsans )(?<!\bwithout )(?<!\bany )(?<!\bno )(?<!\baucun )"
        r"(?<!\bpremier )(?<!\bfirst )(?<!\bregular )(?<!-)"
        # Nor the English verb of reaching people: "nobody from there contact them".
        r"\bcontacts?\b(?!\s+(?:with|avec|réguliers?|them|him|her|people|persons|young)\b)"
        r"(?!-)"
        r"(?!\s+(?:établi|pris|noué|renoué|rétabli|créé|made|established)\w*)"
        # "le lien vers le formulaire", not "en lien avec"
        r"|\blien (?:direct |internet |web )?(?:vers|du site|pour (?:déposer|candidater|accéder))"
        # A person to reach by name: "comment s'appelle la personne de la DREETS qui suit
        # l'AMI ?", "the name of the officer in charge".
        r"|\bcomment\s+s['’]appelle\s+(?:la\s+personne|l['’]agent|le\s+référent|la\s+référente"
        r"|l['’]interlocut\w+|le\s+chargé|la\s+chargée|le\s+responsable|la\s+responsable)"
        r"|\bnom\s+(?:de\s+la\s+personne|de\s+l['’]agent|du\s+référent|de\s+la\s+référente"
        r"|de\s+l['’]interlocut\w+|du\s+chargé|de\s+la\s+chargée|du\s+responsable"
        r"|de\s+la\s+responsable)\b"
        r"|\bname\s+of\s+the\s+(?:person|contact|officer|official|civil\s+servant)\b"
        r"|\bwho\s+is\s+the\s+(?:person|officer|official)\s+(?:in\s+charge|responsible)\b"
        # Help with the writing is a service the texts do not offer either: "quelqu'un peut-il
        # nous aider à rédiger notre dossier ?", "can someone help us write the application?".
        r"|\b(?:aider|aide|aidez|help|assist)\w*\s+(?:\w+\s+){0,2}?(?:(?:à|a|to|with|pour)\s+)?"
        r"(?:la\s+|the\s+)?(?:rédiger|rédaction|écrire|remplir|monter|write|writing|draft\w*"
        r"|fill\w*|prepar\w*|complet\w*)\s+(?:\w+\s+){0,2}?"
        r"(?:dossiers?|candidatures?|applications?|files?|proposals?)\b",
        re.I,
    ),
    "reference": lenient(
        r"\bquels? articles?\b|\bquelle loi\b|\bquels? (?:décret|arrêté)s?\b|\bquels? textes?\b"
        r"|\bnuméro\b[^?.]{0,25}\b(?:lois?|décrets?|arrêtés?|articles?|textes?)\b"
        # "c'est l'article combien ?" asks which article, not an amount.
        r"|\barticles? combien\b"
        # "Which legal instrument lays down…", "on what legal basis".
        r"|\b(?:which|what) (?:legal |regulatory )?(?:article|law|decree|regulation|instrument"
        r"|text|provision)s?\b|\bquelles? (?:disposition|mesure) (?:légale|législative)s?\b"
        # "…required to keep accounts, and on what basis?"; not "on what basis is the
        # contribution calculated?", which asks how.
        r"|\b(?:which|what) (?:legal|regulatory|statutory) basis\b|\b(?:which|what) basis\s*\?"
        r"|\b(?:base|fondement) (?:juridique|légale?|réglementaire)\b"
        # Where a requirement comes from: "d'où vient cette obligation ?", "where does this
        # requirement come from?".
        r"|\bd['’]où\s+(?:vien(?:t|nent)|provien(?:t|nent)|découl(?:e|ent)|sor(?:t|tent))\s+"
        r"(?:cette|cet|ce|ces|la|le|les|l['’])\s*(?:obligations?|exigences?|règles?|conditions?)\b"
        r"|\bwhere\s+(?:does|do)\s+(?:this|that|the|these|those)\s+(?:requirements?|obligations?"
        r"|rules?|conditions?)\s+come\s+from\b",
        re.I,
    ),
    # Which organisations may apply: "qui peut candidater ?", "quels types de structures
    # peuvent répondre à l'AMI ?", "une commune peut-elle candidater ?", "can a public body
    # apply?". The candidate's own case ("pouvons-nous candidater ?") is eligibility.
    "applicant": lenient(
        # Whether the call is kept for one kind of body: "ce n'est pas limité aux
        # associations ?", "is it restricted to non-profits?".
        r"\b(?:limitée?s?|réservée?s?|restreinte?s?|ouverte?s?)\s+(?:aux|à des|qu['’]aux)\s+"
        r"(?:associations?|assos?|structures?|organismes?|collectivités?|entreprises?|communes?)\b"
        # "the call only funds charities", "l'AMI ne finance que les associations".
        r"|\bonly\s+(?:funds?|finances?|accepts?|takes?|supports?)\s+(?:non-?profits?|charities"
        r"|associations|ngos)\b|\bne\s+(?:finance|accepte|retient)\s+que\s+(?:les\s+|des\s+)?"
        r"(?:associations?|assos?)\b"
        r"|\b(?:limited|restricted|open|reserved)\s+(?:only\s+)?(?:to|for)\s+(?:non-?profits?|charities"
        r"|associations|companies|businesses|public bodies|ngos)\b"
        # "… ou c'est que pour les assos ?", "or is it only for charities?"; not "le même
        # que pour les associations".
        r"|(?<!même )(?<!meme )(?<!autant )(?<!plus )(?<!moins )\b(?:que|qu['’]|only)\s+"
        r"(?:pour|for)\s+(?:les\s+|des\s+)?(?:associations?|assos?"
        r"|structures?|organismes?|collectivités?|entreprises?|communes?|charities|non-?profits?)\b|"
        r"(?:\b(?:qui|quel(?:le)?s?(?:\s+(?:sortes?|types?|genres?)\s+d[e'’])?\s*"
        r"(?:structures?|organismes?|organisations?|acteurs?|entités?|associations?|porteurs?)"
        r"|who|(?:what|which)\s+(?:kinds?\s+of\s+|types?\s+of\s+|sorts?\s+of\s+)?"
        r"(?:organi[sz]ations?|bodies|structures|entities|operators))\b[^?.]{0,40}?"
        r"\b(?:peu\w*|pourr\w*|ont le droit|a le droit|can|could|may|is allowed|are allowed"
        r"|(?:is|are) (?:entitled|eligible) to)"
        # Or a third person asked about: "une commune peut-elle…", "est-ce qu'un CCAS peut…",
        # "savoir si un PLIE peut…", "si un organisme public a le droit de…", "can a public
        # body…".
        r"|\bpeu\w*-(?:t-)?(?:il|elle|ils|elles)\b"
        # In the conditional, of a body named by its kind, not the writer's own ("la commune
        # pourrait-elle porter le projet ?", not "notre club pourrait-il déposer ?").
        r"|\b(?:la|le|les|l['’]|une?|cette|ce)\s*(?:[\wÀ-ÿ'’-]+\s+){1,3}?pourr\w*-(?:t-)?"
        r"(?:il|elle|ils|elles)\b"
        # "Une société commerciale a-t-elle le droit de candidater ?".
        r"|\b(?:a|ont|aura|auront|aurait|auraient)-(?:t-)?(?:il|elle|ils|elles|on)\s+le\s+droit\s+d['’e]"
        # "si un organisme public (un CCAS, une commune...) pouvait aussi déposer…".
        r"|\b(?:est[- ]ce qu['’]|si\s+)(?:seul(?:e|s|es)?\s+)?(?:une?|les|des|la|le|l['’])\s*"
        r"(?:[\wÀ-ÿ'’+().…-]+[\s,]+){1,8}?"
        r"(?:peu\w*|pourr\w*|pouv\w*|(?:a|ont|aurait|auraient)\s+le\s+droit)"
        r"|\b(?:can|could|may)\s+(?:a|an|the|any|public|private)\b[^?.]{0,40}?"
        # "Is a for-profit business actually allowed to apply?".
        r"|\b(?:is|are)\s+(?:a|an|the|any|our|my)\s+[^?.]{0,40}?\b(?:allowed|entitled|eligible"
        r"|permitted|able)\s+to"
        # Or said, then asked: "une mairie ou un ccas peut pas candidater c ça ?".
        r"|\b(?:une?|la|le|les|l['’])\s*(?:[\wÀ-ÿ'’+-]+\s+){1,5}?(?:peu\w*|pourr\w*)(?=[^.!?]*\?)"
        # The same in English word order: "The conseil départemental can be itself an
        # operator, or only associations are allowed?".
        r"|\b(?:a|an|the)\s+(?:[\wÀ-ÿ'’-]+\s+){1,4}?(?:can|could|may)(?=[^.!?]*\?))"
        r"\s+(?:(?:[\wÀ-ÿ'’-]+\s+){0,2}?)"
        r"(?:candidater|répondre|postuler|déposer|se porter (?:[\wÀ-ÿ'’-]+\s+)?candidate?s?"
        r"|soumissionner|apply"
        r"|bid|be (?:itself |themselves )?(?:a |an |the )?(?:lead|applicant|operator|candidate)"
        # A role of the call taken: "une SCIC peut-elle être chef de file ?".
        r"|être\s+(?:elle-même\s+|lui-même\s+)?(?:le\s+|la\s+|l['’]\s*|un\s+|une\s+)?"
        r"(?:chef(?:fe)?\s+de\s+file|porteu(?:r|se)|opérat(?:eur|rice)|candidate?|mandataire)"
        # Carrying a project is applying: "une commune peut-elle porter un projet O2R ?",
        # "… porter elle-même un projet ?".
        r"|porter\s+(?:(?:elle|lui|eux|elles)-m[êe]mes?\s+)?(?:un|le|ce|notre|son)\s+projet|(?:lead|run|carry)\s+(?:an?|the|this)"
        r"\s+(?:O2R\s+)?project"
        # Applying with others: "un CCAS peut-il faire partie du groupement ?", "can a
        # town hall join the consortium?".
        r"|(?:faire partie|être membre|etre membre)\s+(?:du|d['’]un|de notre|de ce)\s+"
        r"(?:groupement|consortium|partenariat)"
        r"|(?:rejoindre|intégrer)\s+(?:un|le|notre|ce)\s+(?:groupement|consortium|partenariat)"
        r"|(?:join|be (?:part|a member) of)\s+(?:a|the|our|this)\s+(?:consortium|group|bid"
        r"|partnership)"
        # Or as a partner: "le département peut-il être partenaire d'un projet ?", "un
        # bailleur social peut-il participer au projet ?", "can a sports club be a partner?".
        r"|être\s+(?:un\s+|une\s+|le\s+|la\s+)?partenaires?|participer\s+(?:à|au|aux)"
        r"|s['’]associer\s+(?:à|au|avec)|be\s+(?:a\s+|the\s+)?partners?|take\s+part\s+in)\b"
        # "only associations can apply, or also…?", "seules les associations peuvent
        # candidater ?".
        r"|\b(?:only|seule?s?(?:\s+les)?)\s+(?:[\wÀ-ÿ-]+\s+){1,2}?(?:can|could|may|peu\w*"
        r"|pourr\w*|pouv\w*)\s+(?:candidater|postuler|répondre|apply|bid)\b"
        r"|\bonly\s+(?:[\w-]+\s+){1,2}?(?:are|is)\s+(?:allowed|eligible|accepted|admitted|entitled)\b"
        # Who the call is open to: "l'appel est-il réservé aux associations ?", "open to
        # public bodies?", "faut-il être une association pour candidater ?".
        r"|\b(?:réservée?s?|ouverte?s?|open|restricted|limited|reserved)\s+(?:aux|à|to)\s+"
        r"(?:(?:les|seules?|only)\s+)?(?:[\wÀ-ÿ-]+\s+){0,2}?(?:associations?|structures?"
        r"|organismes?|entreprises?|collectivités?|communes?|établissements?|bodies|body"
        r"|organi[sz]ations?|non-?profits?|charities|companies|councils?)\b"
        # The same said as "only for": "c'est que pour les assos ?", "is it only for
        # charities?".
        r"|\b(?:c['’]est|est-ce|is it|it's|it is|is this)\s+(?:(?:que|seulement|uniquement|juste"
        r"|only|just)\s+)?(?:pour|for)\s+(?:les\s+)?(?:[\wÀ-ÿ-]+\s+){0,2}?(?:associations?|assos?"
        r"|structures?"
        r"|organismes?|entreprises?|collectivités?|communes?|bodies|organi[sz]ations?|non-?profits?"
        r"|charities|companies)\b"
        r"|\b(?:faut-il|doit-on|devons-nous|must we|do we (?:have|need) to)\s+(?:obligatoirement\s+"
        r"|forcément\s+|necessarily\s+)?(?:être|be)\s+(?:une?|a|an)\s+[\wÀ-ÿ-]+(?:\s+[\wÀ-ÿ-]+)?"
        r"\s+(?:pour|to)\s+(?:candidater|répondre|postuler|déposer|apply)\b"
        # Or whether a legal form is required, whatever follows: "faut forcément être une
        # asso ?", "do we have to be a charity?".
        r"|\b(?:faut(?:-il)?|doit-on|devons-nous|on doit|must we|do we (?:have|need) to)\s+"
        r"(?:obligatoirement\s+|forcément\s+|necessarily\s+)?(?:être|be)\s+(?:une?|a|an)\s+"
        r"(?:associations?|assos?|entreprises?|structures?|organismes?|collectivités?|communes?"
        r"|organi[sz]ations?|non-?profits?|charit(?:y|ies)|compan(?:y|ies)|ngos?)\b"
        # Whether a kind of body is shut out: "Un établissement public comme le nôtre n'est-il
        # donc pas exclu ?", "are public bodies excluded?".
        r"|\b(?:établissements?|organismes?|structures?|collectivités?|communes?|entreprises?"
        r"|sociétés?|ccas|bodies|body|organi[sz]ations?|companies|charities)\b[^?.!]{0,60}?"
        r"\b(?:exclue?s?|écartée?s?|excluded|ruled\s+out)\b",
        re.I,
    ),
    "list": lenient(
        r"\bquel(?:le)?s\s+(?:sont\s+les\s+)?(?:[\wÀ-ÿ]+\s+)?(?:éléments|critères|conditions|missions|pièces|"
        r"étapes|actions|principes|obligations|engagements|mentions)\b"
        # "c'est quoi les critères ?", "c koi les étapes", "les critères c quoi ?".
        r"|\b(?:c['’]?\s*est|c)\s+(?:quoi|koi)\s+(?:les|ses|leurs)\s+(?:[\wÀ-ÿ]+\s+)?"
        r"(?:critères|criteres|conditions|missions|pièces|étapes|etapes|obligations|engagements)\b"
        r"|\bles\s+(?:critères|criteres|étapes|etapes|pièces|obligations|engagements)\b"
        r"[^?.!]{0,20}\b(?:c['’]?\s*est|c)\s+(?:quoi|koi)\b"
        # "que comporte", "ce que contiendra concrètement la convention", "ce que doit comporter"
        r"|\b(?:que|ce qu[e'’]|qu['’]est-ce qu[e'’])\s*(?:[\wÀ-ÿ]+\s+){0,2}?"
        r"(?:contien|contiendr|conten|comport|inclu)\w*"
        # What goes in it: "et on doit mettre quoi dedans ?", "on y met quoi ?".
        # Not of the budget, whose answer is one sentence ("le budget prévisionnel, on met
        # quoi dedans ?": every cost).
        r"|^(?![^?]*\b(?:budg|budj|pr[ée]vision|chiffr))[^?]*?(?:"
        r"\b(?:mettre|met|mettons|mettez)\s+(?:quoi|koi)\s+(?:dedans|dans|d'?\s*dans)\b"
        r"|\by\s+(?:mettre|met|mettons|mettez)\s+(?:quoi|koi)\b"
        r"|\b(?:qu['’]est-ce\s+qu['’]on|que\s+doit-on|que\s+faut-il)\s+(?:doit\s+)?y\s+mettre\b)"
        r"|\bsur quels? critères"
        # How bids are judged asks for the criteria: "comment les dossiers sont-ils évalués ?".
        r"|\b(?:comment|sur quoi|how|on what basis)\b[^.?!]{0,20}?\b(?:dossiers?|candidatures?"
        r"|projets?|bids?|applications?|proposals?)\b[^.?!]{0,15}?\b(?:évalué|jugé|noté"
        r"|sélectionné|départagé|assessed|judged|evaluated|scored|selected)e?s?\b"
        r"(?![^.?!]{0,30}\b(?:une fois|en cours|pendant|après|once|after|during)\b)"
        r"|\b(?:which|what)\s+(?:(?:are|were|will be)\s+)?(?:the\s+)?(?:[\w-]+\s+)?"
        r"(?:criteria|conditions|missions|documents|steps|actions|principles|obligations"
        r"|commitments)\b"
        # "could you set out the criteria against which…", "list the steps".
        r"|\b(?:set out|list|outline|describe|detail)\s+(?:all\s+)?the\s+(?:[\w-]+\s+)?"
        r"(?:criteria|conditions|missions|documents|steps|obligations)\b"
        # "Pourriez-vous me faire une liste des critères ?", "lister les étapes", "a list of
        # the criteria".
        r"|\b(?:(?:une|la)\s+liste|lister|énumérer|(?:a|the)\s+list\s+of)\s+(?:des|les|the\s+)?\s*"
        r"(?:[\wÀ-ÿ-]+\s+)?(?:critères|conditions|missions|pièces|étapes|obligations"
        r"|engagements|criteria|documents|steps)\b"
        # The whole list asked after the noun: "selection criteria - full list pls", "les
        # critères, liste complète ?", "les étapes en entier".
        r"|\b(?:critères|criteres|criteria|conditions|missions|étapes|etapes|steps|pièces"
        r"|documents|obligations|engagements)\b[^.?!]{0,25}?\b(?:(?:full|complete|whole|entire)"
        r"\s+list|liste\s+(?:complète|complete|entière|entiere|exhaustive)|en\s+entier|in\s+full)\b"
        # What something must hold: "elle doit contenir quoi ?", "what must it include?",
        # or what a text requires: "le référentiel, il demande quoi ?".
        r"|\b(?:contenir|comporter|contient|comporte|inclure|demandent|demande"
        r"|exigent|exige|imposent|impose)\s+quoi\b"
        r"|\bwhat (?:should|must|does|do|will)\b(?:\s+[\w'’]+){0,6}?\s+"
        r"(?:contain|include|require|expect|spell\s+out|set\s+out|specify)\b",
        re.I,
    ),
    # Where the people supported should end up: "et après le parcours, elle devient quoi ?",
    # "on les oriente vers quoi à la sortie ?", "what happens to them at the end?".
    "outcome": lenient(
        r"\b(?:devien(?:t|nent|dra|dront)|deviendr\w*)[ -](?:quoi|koi)\b|\bque deviennent\b"
        # The people as object: "le dossier, on l'envoie où ?" asks where to apply.
        r"|\bles\s+(?:envoi|envoy|orient|dirig|amen)\w*\b[^?.]{0,20}?\b(?:où|vers quoi)\s*\?"
        r"|\bvers quoi\b[^?.]{0,30}\b(?:envoy|orient|dirig|amen|aller|vont|sortir|partir|débouch"
        r"|abouti)\w*"
        # "une fois l'accompagnement terminé, …", "once the support ends".
        r"|\bune fois (?:le |la |l['’]|leur |son )?(?:parcours|accompagnement|remobilisation"
        r"|programme)\s+(?:terminée?|finie?|achevée?|bouclée?)\b"
        # Where the people go next: "leur proposer d'entrer ensuite dans notre chantier".
        r"|\b(?:entr|intégr|rejoi|orient|bascul)\w*\s+ensuite\s+(?:dans|en|vers|à|au|aux)\b"
        # Or the pathway named before: "Et une fois qu'il est terminé, elle doit aller où ?".
        r"|\bune fois qu['’](?:il|elle)\s+(?:est|sera)\s+(?:terminée?|finie?|achevée?|bouclée?)\b"
        r"|\bonce (?:the |their )?(?:pathway|programm?e?|support)\s+(?:ends|is over|is finished)\b"
        r"|\b(?:après|à la fin|au bout|à l['’]issue|à la sortie|en sortie|en fin)\s+"
        r"(?:du\s+|de\s+la\s+|de\s+l['’]\s*|de\s+)"
        r"(?:leur |son |notre )?(?:parcours|accompagnement|remobilisation|programme)\b"
        r"|\baprès\s+(?:le|leur|son|l['’])\s*(?:parcours|accompagnement|programme)\b"
        # The pathway by its length: "à la fin des 12 mois", "after the twelve months".
        r"|\b(?:après|à la fin|au bout|à l['’]issue|at the end of|after)\s+(?:des|de ces|ces|les"
        r"|the|those)\s+(?:12|douze|twelve)\s+(?:mois|months)\b"
        r"|\bsorties? (?:positives?|dynamiques?)\b"
        r"|\bwhat happens\b[^?.]{0,30}\b(?:after|end|afterwards|next)\b"
        r"|\b(?:after|at the end of) (?:the|their|our) (?:pathway|programm?e?|support|course)\b"
        r"|\bwhere do (?:they|participants|people) go\b"
        # "where are they meant to end up?", "once they've been through the programme".
        r"|\b(?:they|people|participants|someone|he|she)\b[^?.]{0,25}?\bend(?:s|ing)?\s+up\b"
        r"|\bonce\s+(?:they|people|participants|someone|he|she)\s*(?:['’]ve|['’]s|have|has)\s+"
        r"(?:been\s+through|completed|finished)\b"
        # The end aimed at: "le but final c koi ?", "au final le but c quoi ?", "l'objectif
        # final pour eux", "what outcome does the State ultimately expect?".
        r"|\b(?:but|objectif|finalité|goal|aim)s?\s+(?:final|finale|ultime|end)\b"
        r"|\b(?:end|final|ultimate)\s+(?:goal|aim|objective|outcome)s?\b"
        r"|\bau\s+final\b[^?.]{0,20}\b(?:but|objectif|finalité)\b"
        r"|\b(?:but|objectif)s?\s+pour\s+(?:eux|elles|les\s+(?:gens|personnes|jeunes"
        r"|bénéficiaires|participants))\b"
        r"|\bwhat\s+outcomes?\b|\bultimately\s+expect"
        # "Where is the support pathway supposed to lead the person in the end?".
        r"|(?:^|[?.!]\s*)where\b[^?.]{0,50}\b(?:lead|take|bring)\s+(?:the\s+)?(?:person|people"
        r"|participants|them|him|her)\b(?!\s+on\b)",
        re.I,
    ),
    # Whether someone of a kind is of the call's public: "une personne sans domicile peut-elle
    # entrer dans le parcours ?", "les jeunes sans diplôme sont-ils concernés ?", "un gars de
    # 55 ans au chômage, on peut le prendre ?", "can we support refugees?".
    "public": lenient(
        r"\b(?:peu(?:t|vent)|pourr\w+)(?:-(?:t-)?(?:il|elle|ils|elles|on))?\s+(?:être|etre)\s+"
        r"(?:accompagn|suivi|pris en charge|aidé|repéré|remobilis)\w*"
        # Asked, not a condition: "si elle entre dans un parcours, sera-t-elle couverte ?".
        r"|\b(?:peu(?:t|vent)|pourr\w+)(?:-(?:t-)?(?:il|elle|ils|elles|on))?\s+"
        r"(?:entrer|rentrer|intégrer)\s+(?:dans\s+|ds\s+)?(?:le|un|ce|notre|votre)\s+"
        r"(?:parcours|dispositif|programme)\b"
        r"|\bbénéficier\s+(?:de\s+l['’]accompagnement|du\s+parcours|du\s+dispositif)\b"
        r"|\b(?:fait|font|faire)(?:-(?:il|elle|ils|elles))?\s+partie\s+du\s+public\b"
        r"|\b(?:sont|est)-(?:ils|elles|il|elle)\s+(?:concerné|visé|ciblé|accepté|admis)"
        # People included, not a cost: "la formation est-elle incluse ?" asks of the budget.
        r"|\bsont-(?:ils|elles)\s+inclus"
        r"|\b(?:on|nous)\s+(?:peut|pourra|pourrait|pouvons)\s+(?:le|la|les|l['’])\s*"
        r"(?:prendre|accompagner|suivre|aider)\b"
        r"|\b(?:peut-on|pouvons-nous)\s+(?:le|la|les|l['’])\s*(?:prendre|accompagner|suivre"
        r"|aider)\b"
        r"|\bcan (?:we|the project|our project) (?:support|accompany|help|take on|include"
        r"|target|work with)\s+(?:them|people|persons|someone|anyone|young|those|individuals"
        r"|adults|women|men|refugees|migrants|homeless)\b"
        # Whether the offer serves someone pointed to: "l'o2r ça peut l'aider ?", "ces
        # jeunes-là que l'O2R doit aller chercher en priorité", "le dispositif vise
        # d'autres profils ?", "qui peut en bénéficier ?", "are these the people it is
        # meant for?".
        r"|\b(?:peu(?:t|vent)|pourr\w+|doi(?:t|vent))\s+(?:le|la|les|l['’])\s*(?:aider|prendre"
        r"|accompagner|suivre|accueillir|viser|cibler|concerner|toucher|repérer)\b"
        r"|\bqu['’e]\s*(?:l['’]\s*o2r|l['’]offre|le dispositif|le projet|l['’]opérateur|on|nous)"
        r"\s+(?:doit|doivent|peut|peuvent|devrait|devraient)\s+(?:aller\s+)?(?:chercher|cibler"
        r"|viser|repérer|toucher|accompagner)\b"
        r"|\b(?:vise|visent|cible|ciblent|concerne|concernent)\s+(?:qu['’]?e?\s*)?(?:d['’]autres"
        r"|quels?|quelles?|ces|les|des|plutôt)\s+(?:profils?|publics?|personnes|jeunes|gens)\b"
        r"|\bqui\s+(?:peut|peuvent|pourra|pourront|pourrait)\s+en\s+bénéficier\b"
        r"|\bwho\s+(?:can|could|may|will)\s+benefit\b"
        # Whom the offer is for: "c pour qui en fait vot truc ?", "who is it for?".
        r"|\b(?:c['’ ]est|c|it['’]?s|is\s+it|is\s+this)\s+(?:pour|for)\s+(?:qui|whom?)\b"
        r"|\bwho\s+is\s+(?:it|this|the\s+\w+)\s+for\b"
        # "C'est fait pour des jeunes comme lui ?", "c'est pensé pour ce genre de public ?".
        r"|\b(?:c['’ ]est|c|est-ce)\s+(?:fait|pensé|conçu|destiné)e?s?\s+pour\s+(?:des|les|qui|ces"
        r"|ce\s+genre|ce\s+type|eux|lui|elles?)\b"
        r"|\b(?:people|persons|folks|individuals|ones|them|those|these)\b[^?.]{0,40}\b(?:meant"
        r"|intended|designed|aimed)\s+(?:for|at)\b"
        # A person let into the offer: "she can enter in the program?", "could he join the
        # scheme?", "est-ce qu'elle peut entrer dans notre projet ?".
        r"|\b(?:he|she|they|him|her|them)\s+(?:can|could|may|might)\s+(?:enter|join|get\s+into"
        r"|be\s+(?:admitted|accepted|included|taken))\b"
        r"|\b(?:can|could|may|might)\s+(?:he|she|they)\s+(?:enter|join|get\s+into"
        r"|be\s+(?:admitted|accepted|included|taken))\b"
        r"|\b(?:elle|il|elles|ils)\s+(?:peu(?:t|vent)|pourr\w+)\s+(?:entrer|rentrer|intégrer)\s+"
        r"(?:dans\s+|ds\s+)?(?:le|un|ce|notre|votre|l['’])\s*(?:projet|action|offre|o2r)\b"
        # Within the public as the call names it: "would he fall within the target
        # population?", "are they who this call is for?", "does she count as one of the
        # invisibles?".
        r"|\b(?:he|she|they|someone|somebody|(?:this|that|the)\s+(?:person|man|woman|lady|guy))"
        r"\s+(?:would\s+|could\s+|might\s+|does\s+|do\s+)?fall(?:s)?\s+(?:within|under|into)\b"
        r"|\b(?:would|could|might|does|do)\s+(?:he|she|they|someone|somebody)\s+fall\s+"
        r"(?:within|under|into)\b"
        r"|\bwho\s+(?:this|the|it)\s*(?:\w+\s+)?is\s+(?:meant\s+|intended\s+)?for\b"
        r"|\b(?:count|qualify|qualifies)\s+as\s+(?:one\s+of\s+)?(?:the\s+)?(?:invisible|target"
        r"|a\s+beneficiar)\w*"
        r"|\b(?:considérée?s?|comptée?s?)\s+(?:comme|parmi)\s+(?:une?\s+|des\s+|les\s+)?"
        r"(?:personnes?\s+|publics?\s+)?«?\s*invisibles?\b"
        r"|\bfai(?:t|saient|sait|re|ont)\s+partie\s+des\s+«?\s*invisibles?\b",
        re.I,
    ),
    # How or when the money is paid: "versée en une seule fois ou par tranches ?", "y a une
    # avance au début ?", "how is the grant paid out?"; not how long a remuneration lasts.
    "payment": lenient(
        # Not "en avance" (ahead of time) nor "tranches d'âge".
        r"\b(?:par|en|plusieurs|des|deux|trois|premi[eè]re|seconde|deuxi[eè]me|derni[eè]re"
        r"|first|second|last|final)\s+tranches?\b(?!\s+d['’]\s*[âa]ge)"
        # The State's money paid or paid back: "le versement de la subvention", "devrons-nous
        # rembourser une partie de la contribution de l'État ?" (not training costs
        # "remboursées", which the texts settle).
        r"|\bversements?\s+(?:de\s+la|de\s+l['’]|du|des|de\s+notre)\s*(?:subventions?|aides?"
        r"|contributions?|financements?|fonds|crédits?)\b"
        r"|\b(?:rembours\w*|repay\w*|pay\s+back)\s+(?:[\wÀ-ÿ'’]+\s+){0,4}?(?:de\s+la\s+|de\s+l['’]"
        r"|du\s+|des\s+|la\s+|l['’]|les\s+|the\s+|a\s+|une\s+)?(?:subventions?|aides?"
        r"|contributions?|financements?|avances?|grants?|funding|money|sommes?\s+versées?)\b"
        r"|\b(?:une|l['’]|d['’]|des|premi[eè]re?s?)\s*(?:avances?|acomptes?)\b|\binstal+ments?\b"
        r"|\b(?:upfront|advance payments?)\b"
        r"|\b(?:vers(?:e|ent|era|eront|é|ée|és|ées|ement|ements)|pay[ée]e?s?|paiements?|paid|payments?"
        r"|disburs\w*)\b[^?.]{0,40}?\b(?:comment|quand|à quel moment|en une (?:seule )?fois"
        r"|au (?:démarrage|début|debut)|(?:à|dès) la (?:signature|fin|notification)"
        r"|dès le (?:démarrage|début|debut|départ)|how|when)\b"
        # Asked first: "which decree lays down how participants get paid?" asks for a text.
        r"|(?:^|[.?!:;]\s*)(?:(?:et|mais|and|so)\s+)?"
        # How an amount is set is no payment: "comment sera déterminé le montant versé ?".
        r"(?:comment|quand|à quel moment|how(?! (?:much|long|many))|when)\b"
        r"(?:(?!montant|amount|détermin|determin|calcul|fixé|fixed|set\b)[^?.]){0,40}?"
        r"\b(?:vers(?:e|ent|era|eront|é|ée|és|ées)|pay[ée]e?s?|paid|disbursed)\b",
        re.I,
    ),
    "training": _TrainingPaidAsked(),
    # How long something has been running: "depuis quand ?", "since when?".
    "since": re.compile(r"\bdepuis\s+quand\b|\bsince\s+when\b", re.I),
}
# A text cited by its number or date: "L. 5316-1", "décret n° 2024-584", "loi du 18 décembre".
TEXT_CITED = re.compile(r"\b[LRD]\.\s?\d{4}-\d+|\bn°\s?\d{4}-\d+|\bloi du \d|\barticle \d")
KIND_GIVEN = {
    # "au cours des cinq derniers mois", "les trois premières années".
    "duration": re.compile(
        rf"\b{_NUMBER}\s+(?:(?:derni|premi|prochain|suivant)[\wèé]*\s+)?(?:mois|ans?|années)\b",
        re.I,
    ),
    "amount": re.compile(r"\d[\d\s.,]*\s?(?:€|euros?|k€|M€)", re.I),
    "date": re.compile(
        rf"\b\d{{1,2}}(?:er)?\s+{_MONTHS}\s+\d{{4}}\b|\b{_MONTHS}\s+\d{{4}}\b", re.I
    ),
    # What the texts say of training's cost: "Les dépenses de formation ne sont pas éligibles."
    "training": re.compile(r"\b(?:dépenses|frais|coûts?) de formation\b", re.I),
    # "financés depuis 2019" answers "since when?".
    "since": re.compile(r"\b(?:depuis|dès|since)\s+(?:19|20)\d{2}\b", re.I),
    "count": re.compile(rf"\b{_NUMBER}\s+[a-zà-ÿ]", re.I),
    "rate": re.compile(r"\d\s?%|\bpour ?cent\b", re.I),
    "contact": re.compile(
        r"[\w.+-]+@[\w-]+\.\w+|\b0\d(?:[\s.]?\d{2}){4}\b|\bhttps?://"
        r"|\b\d+,? (?:rue|avenue|bd|boulevard)\b",
        re.I,
    ),
    # Who answers: an authority or body that decides, signs or receives ("le préfet de
    # région", "la DREETS"); the organisme itself is who asks.
    "who": re.compile(
        r"\b(?:préfets?|DREETS|ministres?|France Travail|direction régionale|comités?|jury)\b",
        re.I,
    ),
    # Every organisation at once: "tout organisme public ou privé intéressé".
    "applicant": re.compile(r"\borganismes? publics? ou (?:un organisme )?privés?", re.I),
    # A text cited, or where an obligation comes from in words ("Cette obligation découle
    # du cadre européen des SIEG"): both answer "on what legal basis?".
    "reference": re.compile(rf"{TEXT_CITED.pattern}|\b(?:découl|résult)(?:e|ent)\s+d[eu]s?\b"),
    "list": re.compile(r"\n\s*(?:[-*•▪◦–]|\d{1,2}[.)])\s"),
    # Who the call's public is: "s'adresse aux publics dits « invisibles »", "Le public
    # prioritaire est celui…", the law's "deux publics", the glossary's entry.
    "public": re.compile(
        r"\bs['’]adresse aux publics\b|\ble public prioritaire est\b|\bauprès de deux publics\b"
        r"|\bpublics « invisibles »\W{0,4}:",
        re.I,
    ),
    # The end the call sets for the people: "Le but est que la personne entre dans…", "La
    # finalité du parcours…"; not the glossary's "droit commun", which names one of them.
    "outcome": re.compile(
        r"\b(?:le but est|la finalité|l['’]objectif est|ramener ces publics)\b",
        re.I,
    ),
    # When or in how many parts a sum is paid: "versée en deux tranches", "une avance".
    "payment": re.compile(
        r"\b(?:tranches?|acomptes?|avances? (?:de|sur)|échéanciers?|soldes?)\b"
        r"|\bvers(?:é|ée|és|ées)\s+(?:en|chaque|annuellement|mensuellement|à la signature)\b",
        re.I,
    ),
}
# A text's own name is no fact about it: "le décret n° 2024-584 du 24 juin 2024" dates
# nothing, and "n° 2024-584" counts nothing.
_LEGAL_NAME = re.compile(
    rf"\b(?:loi|décret|arrêté|ordonnance|circulaire|journal officiel)\b[^.;:]{{0,40}}?"
    rf"\bdu\s+\d{{1,2}}(?:er)?\s+{_MONTHS}\s+\d{{4}}",
    re.I,
)


# The day a text was published or took effect: "il est entré en vigueur le 26 juin 2024".
_TEXT_EVENT = re.compile(
    rf"\b(?:entrée?s?\s+en\s+vigueur|publiée?s?|promulguée?s?)\b[^.;:]{{0,40}}?"
    rf"\b(?:le|du)\s+\d{{1,2}}(?:er)?\s+{_MONTHS}\s+\d{{4}}",
    re.I,
)


# A short span in guillemets names something (« 100 % inclusion »); its figures state nothing.
_QUOTED_NAME = re.compile(r"«[^»]{1,40}»")


# A question opening on a wh-word, not one with a relative "who" in it.
_OPENS_ON_WH = re.compile(
    r"^\W*(?:(?:et|mais|alors|and|so)\W+)?(?:quel\w*|qui|que|quoi|comment|combien|où|ou"
    r"|what|which|who|how)\b",
    re.I,
)


# Registration with the employment service: "inscrit à France Travail", "sur la liste".
_REGISTERED = re.compile(
    # The state, not the verb: "faut-il d'abord qu'elle s'inscrive ?" asks about an
    # unregistered person.
    r"\binscrite?s?\b|\binscriptions?\b|\bregistered\b|\bsur la liste\b"
    # As a learner writes it: "she is register in France Travail", "registrated".
    r"|\b(?:is|are|was|were)\s+register\b|\bregist(?:rated|red)\b"
    r"|\bdemandeurs? d['’]emploi\b|\bjob ?seekers?\b",
    re.I,
)
# Registration denied: "inscrit nulle part", "pas inscrite", "aren't signed up anywhere".
_UNREGISTERED = re.compile(
    r"\b(?:non|pas|jamais|ni|not|never|aren'?t|isn'?t|nowhere)[ -]+(?:encore\s+|yet\s+)?"
    r"(?:inscri\w*|registered|signed up)|\binscri\w*\s+(?:nul(?:le|l)?\s*part|null?e?\s+part"
    r"|(?:à|a|auprès d['’]|dans)\s+aucun\w*)|\bunregistered\b|\bregistered\s+nowhere\b",
    re.I,
)


def _names_registered(text: str) -> bool:
    """Whether ``text`` speaks of registered people, not of people registered nowhere."""
    denied = [m.span() for m in _UNREGISTERED.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in denied) for m in _REGISTERED.finditer(text))


# Whose duration a text speaks of: a person's pathway or the project's (its convention).
_WHOSE = pattern_table(
    r"""
person: \bpersonnes?\b|\bjeunes?\b|\bbénéficiaires?\b|\bparcours\b|\bparticipants?\b
    |\baccompagnés?\b|\bindividu|\bchacun\b|\bperson\b|\bparticipant
    # Following someone: "suivre un gamin qu'on a raccroché", "support someone".
    |\b(?:suivre|accompagner|garder|follow|support|keep)\s+(?:un|une|quelqu'un|chaque|someone
    |somebody|each|me|him|her)\b
# Or someone named by a pronoun: "ils le suivraient combien de temps ?", "ils me suivraient".
    |\b(?:le|la|l'|me|m')\s*(?:suiv|accompagn)\w*
# Or followed, said in the passive: "je peux être suivi combien de temps ?", "how long can I
# be supported?".
    |\b(?:être|suis|est|sont|sera|serai|serait|seront|soit|sois)\s+(?:suivie?s?|accompagnée?s?)\b
    |\bbe(?:ing)?\s+(?:followed|supported|accompanied)\b
project: \bprojets?\b|\bconventions?\b|\bconventionn\w*|\bCPOM\b|\bfinancement|\bsubvention
    |\bexpérimentation|\bdispositif|\bprogramme|\bagreement|\bproject
""",
    re.I,
    accents_optional=True,
)


def whose(text: str) -> frozenset[str]:
    """ "person", "project", both or neither: whose duration ``text`` speaks of."""
    return frozenset(name for name, pattern in _WHOSE.items() if pattern.search(text))


def duration_holder(focus: str, *, in_asking_clause: bool = False) -> frozenset[str]:
    """Whose duration ``focus`` asks, leaving out a question asked after it ("Elle dure
    combien de temps, et qu'est-ce qu'elle doit prévoir pour le suivi ?" names no holder:
    "le suivi" is what the second question asks about). What comes before may name it:
    "with whom do applicants sign their agreement, and for what term?"; not with
    ``in_asking_clause``, which reads the clause asking the length alone ("des personnes
    repérées…, et combien de temps avons-nous le droit de les conserver ?")."""
    clauses = _CLAUSE.split(focus)
    asking = [i for i, c in enumerate(clauses) if KIND_ASKED["duration"].search(c)]
    if not asking:
        return whose(focus)  # "Et pour le projet ?" names the holder of the length asked before
    if in_asking_clause:
        return whose(duration_clause(focus))
    return whose(
        " ".join(c for i, c in enumerate(clauses) if i <= asking[-1] or not _is_interrogative(c))
    )


def duration_clause(focus: str) -> str:
    """The clauses of ``focus`` that ask a length, joined ("" when none does)."""
    return " ".join(c for c in _CLAUSE.split(focus) if KIND_ASKED["duration"].search(c))


# A follow-up this short names only what it is asked of.
_HOLDER_ONLY_WORDS = 3


def swaps_holder(focus: str, context: str) -> bool:
    """Whether a short follow-up asks the question before of another holder: "Et pour le
    projet ?" after "Quelle est la durée maximale d'accompagnement d'une personne ?" asks
    the project's duration."""
    named = whose(focus)
    return (
        len(named) == 1
        and bool(whose(context) - named)
        and len(content_words(focus)) <= _HOLDER_ONLY_WORDS
    )


# The kinds of legal text a question can ask about, by the words that name them.
_TEXT_KINDS = {
    # Not the 1901 law that associations are formed under ("une association loi 1901").
    # Only a law is promulgated: "elle a été promulguée quand ?".
    "loi": re.compile(r"\b(?:loi|law|act)\b(?!\s+(?:de\s+)?1901)|\bpromulgu\w*|\benacted\b", re.I),
    "décret": re.compile(r"\b(?:décret|decree)\b", re.I),
    "arrêté": re.compile(r"\barrêté\b", re.I),
}


# One text pointed at without its kind: "et il date de quand, ce texte ?" after a
# question naming what it fixes. Any text's name may then hold the date asked.
_THAT_TEXT = re.compile(r"\b(?:ce|cet|this|that)\s+(?:texte|text)\b", re.I)


def texts_named(text: str) -> frozenset[str]:
    """The kinds of legal text ``text`` speaks of: "quand la loi a-t-elle été votée ?"
    is about a law, whose name's date then answers it."""
    if _THAT_TEXT.search(text):
        return frozenset(_TEXT_KINDS)
    return frozenset(kind for kind, pattern in _TEXT_KINDS.items() if pattern.search(text))


def gives_kind(
    kind: str, text: str, *, strict: bool = False, about: frozenset[str] = frozenset()
) -> bool:
    """Whether ``text`` states the kind of fact asked for (a duration, an amount…).

    ``strict``: not counting the dates in texts' names, which answer only a question
    about that text ("de quand date la loi ?"): those of the kinds in ``about`` count.
    """
    if strict and kind == "date":
        text = _LEGAL_NAME.sub(lambda m: m[0] if _named_kind(m) in about else " ", text)
        if not about:
            # When a text was published or took effect answers only about that text.
            text = _TEXT_EVENT.sub(" ", text)
    if kind == "rate":
        text = _QUOTED_NAME.sub(" ", text)  # « 100 % inclusion » names a programme
    return bool(KIND_GIVEN[kind].search(text))


def dates_beyond_names(text: str, about: frozenset[str] = frozenset()) -> bool:
    """Whether ``text`` gives a date other than the one in a text's name ("l'arrêté du 26
    juin 2024, pris par…" dates no event), unless that text is of a kind in ``about``."""
    kept = _LEGAL_NAME.sub(lambda m: m[0] if _named_kind(m) in about else " ", text)
    return bool(KIND_GIVEN["date"].search(kept))


def dates_text(text: str, about: frozenset[str]) -> bool:
    """Whether ``text`` names a text of a kind in ``about`` with its date ("la loi … du
    18 décembre 2023"): that date answers when such a text was passed."""
    return any(_named_kind(m) in about for m in _LEGAL_NAME.finditer(text))


def _named_kind(match: re.Match[str]) -> str:
    return match[0].split()[0].lower()


# A list given in one sentence: "Les trois missions sont le repérage…, leur
# remobilisation, et leur accompagnement".
_ENUMERATED = re.compile(
    r"\b(?P<head>[\wÀ-ÿ]{3,})\s+(?:sont|are)\s+(?:les?\s+|la\s+|l['’])?[^.;:\n,]{3,80},\s+"
    r"[^.;:\n]{3,80}?,?\s+(?:et|and)\s"
    # Or after a colon: "compte cinq départements : la Loire-Atlantique (44), …, et la Vendée".
    r"|\b(?P<counted>[\wÀ-ÿ]{3,})\s*:\s+[^.;:\n,]{3,80},\s+[^.;:\n]{3,80}?,?\s+(?:et|and)\s",
    re.I,
)


# Examples given in brackets after the noun they are examples of: "qui cumulent des
# difficultés (santé, logement, mobilité, accès aux droits…)".
_EXAMPLES = re.compile(r"\b(?P<head>[\wÀ-ÿ]{3,})\s*\((?:[^(),]{2,40},\s*){2,}[^()]{2,40}\)")
# "Quelles difficultés… ?", "quelles sont les trois missions ?", "c'est quoi les missions
# ?", "what are the 3 missions?", "which tasks… ?": the things asked for, several of one kind.
_HOW_MANY = r"(?:(?:deux|trois|quatre|cinq|two|three|four|five|\d{1,2})\s+)?"
# An adverb may come between: "quelles sont précisément les missions ?", "what exactly are
# the missions?".
_ADVERB = r"(?:\s+[\wÀ-ÿ]{3,}(?:ly|ment))?"
_PLURAL_ASKED = re.compile(
    rf"\b(?:quel(?:le)?s(?:\s+sont{_ADVERB}\s+(?:les|leurs|ses))?|(?:c['’]?\s*est|c)\s+(?:quoi|koi)\s+les"
    rf"|(?:what|which){_ADVERB}(?:\s+(?:are|r|were){_ADVERB}\s+(?:the|their|its))?)\s+"
    rf"{_HOW_MANY}(?P<head>[\wÀ-ÿ]{{4,}}[sx])\b",
    re.I,
)


def enumerates(text: str, asked: set[str]) -> bool:
    """Whether ``text`` lists, in a sentence, the things a question names (its stems
    ``asked``): the missions enumerated answer "quelles missions ?", not another list;
    the difficulties exemplified answer "quelles difficultés ?"."""
    found = [*_ENUMERATED.finditer(text), *_EXAMPLES.finditer(text)]
    heads = (m["head"] or m.groupdict().get("counted") for m in found)
    return any(stem(head) in asked for head in heads)


def plural_asked(question: str) -> set[str]:
    """The stems of the things a "quel(le)s X" question asks for several of."""
    return {stem(m["head"]) for m in _PLURAL_ASKED.finditer(question)}


# The words for money as a mass, not a thing counted.
_MONEY_NOUN = re.compile(MONEY_SLANG, re.I)


# Nouns that frame a question ("quels éléments", "quelle date", "quel rôle", "quel texte")
# rather than name its subject: their absence from the texts says nothing.
FRAME_NOUNS = frozenset(
    tokens(
        "élément éléments date jour moment chose choses type types sorte genre façon manière "
        "rôle rôles fonction fonctions texte textes "
        # "quelle serait notre place dans le réseau ?" asks our role in it.
        "place angle "
        # "quel niveau d'expertise ?" asks about expertise.
        "niveau niveaux degré "
        # "quelles seront nos obligations de suivi ?" asks about the suivi.
        "obligation obligations exigence exigences modalité modalités "
        # "à quelle autorité adresser la demande ?" asks who, whatever the texts call them:
        # "à quelle préfecture ?" is answered by the prefect the texts name.
        "autorité autorités instance instances interlocuteur interlocuteurs administration "
        "préfecture préfectures "
        # "quel statut juridique faut-il ?" asks which kind of organisation may apply.
        "statut statuts "
        # "quel est le bon chiffre ?" asks for the figure the texts give.
        "chiffre chiffres "
        # "quelle est la procédure d'avenant ?" asks about the avenant.
        "procédure procédures démarche démarches "
        # "quel rapport avec l'appel O2R ?" asks how two things are tied.
        "rapport lien liens relation"
    )
)
# The words that ask for each kind of fact, or name the call every question is about:
# what is left of a question without them is its topic (``Question.topic``).
_ASKING_WORDS = {
    "duration": "combien temps durée dure durer long longtemps mois ans année jours",
    "amount": "montant montants combien coût coûte euros euro budget somme prix minimum "
    "maximum plancher plafond total exactement much cost amount money ami o2r",
    "date": "quand date dates délai calendrier limite jour mois année ami o2r appel when",
    "count": "combien nombre",
    "rate": "taux minimum maximum",
}
ASKING_WORDS = {kind: frozenset(tokens(words)) for kind, words in _ASKING_WORDS.items()}
# "ou juste un minimum ?", "c'est seulement une condition ?": how much is asked, not
# about what ("seulement" is no "seul", alone).
RESTRICTIVE_WORDS = ("seulement", "juste", "uniquement", "simplement", "only", "just", "merely")
_RESTRICTIVE = frozenset(tokens(" ".join(RESTRICTIVE_WORDS)))
# Kinds of answer that a sentence without one cannot give: "combien ?" wants a number.
FACT_KINDS = ("amount", "duration", "count", "date", "rate")
# Kinds few sentences give, read wherever they stand when asked: the facts, and who may
# apply ("tout organisme public ou privé", worded unlike "une commune peut-elle…").
SOUGHT_KINDS = (*FACT_KINDS, "applicant", "outcome", "public")
# Kinds whose absence from every candidate sentence means the texts do not say.
MUST_BE_GIVEN = ("contact", "count", "rate", "date", "payment")


@dataclass(frozen=True)
class Question:
    """One message, read as a question."""

    text: str  # the whole message, cleaned
    focus: str  # its question sentences, or the message when none stands out
    kinds: tuple[str, ...]
    yes_no: bool
    definition: bool
    how: bool
    english: bool
    count_noun: str | None  # "combien de X": X
    subject: str | None  # "quel est le X", "quelles X", "combien de X": X
    asks_eligibility: bool
    first_person: bool = False  # "pouvons-nous…", "notre projet…": about the candidate
    # Whether it asks in so many words: a question mark, an asking opener, a wh-word
    # ("la convension dure combien de temp"), not only a kind ("18 mois maximum").
    asks: bool = True
    wh: bool = False  # a wh-word asks for something other than yes or no
    who: bool = False  # "qui fixe… ?": asks who, which a text or an authority answers
    # The earlier question a follow-up continues ("et pour la durée ?" after "quel est le
    # budget minimum du projet ?"): it says whose duration, amount… is asked.
    context: str = ""
    # "ça peut coincer ?", "est-ce bloquant ?": a failure answers yes.
    asks_problem: bool = False
    # "… perçoivent-ils une rémunération, et sont-ils couverts ?": two things asked at once.
    asks_several: bool = False
    # "Pouvez-vous me résumer les conditions ?", "a short checklist": the call's rules.
    asks_summary: bool = False

    def topic(self, *kinds: str) -> frozenset[str]:
        """The stems of what the question is about, without the words asking for ``kinds``.

        A date or an amount answers only about its topic: "quand les lauréats
        seront-ils informés ?" is about "lauréats informés", not "quand".
        """
        framing = FRAME_NOUNS.union(
            _RESTRICTIVE, *(ASKING_WORDS[k] for k in kinds if k in ASKING_WORDS)
        )
        # Where it happens is no topic: "the deadline … in Pays de la Loire" is not
        # answered by the sentence listing the region's départements.
        places = {t for place in find_places(self.focus) for t in tokens(place.name)}
        # "a été" is a verb's auxiliary, not the summer: "elle a été promulguée quand ?".
        auxiliary = {"ete"} if _AUXILIARY_ETE.search(self.focus) else set()
        return frozenset(tokens(self.focus)) - framing - places - auxiliary

    @property
    def plain_answer_allowed(self) -> bool:
        """A yes/no lead only for a yes/no question that is not a definition or a 'how'."""
        return self.yes_no and not self.definition and not self.how


_AUXILIARY_ETE = re.compile(
    r"\b(?:a|ont|avait|avaient|aura|auront|aurait|auraient|ai|avons|avez)(?:-t-\w+)?\s+"
    r"(?:\w+\s+)?été\b",
    re.I,
)


# A forwarded or quoted e-mail's header lines ask nothing: "De : …", "Objet : RE: O2R",
# "-----Message d'origine-----", "Le lun. 2 déc. 2026, Karim a écrit :".
_MAIL_HEADER = re.compile(
    r"^[ \t]*(?:>[ \t]*)*(?:(?:de|from|envoye|sent|a|to|cc|cci|bcc|objet|subject|date)[ \t]*:"
    r"|-{2,}[^-\n]*(?:message|transf|forward|origin)[^-\n]*-{2,}"
    r"|(?:le|on)\b.{0,100}\b(?:a ecrit|wrote)[ \t]*:[ \t]*$)",
    re.I | re.M,
)


# "Ma directrice m'a demandé de vous faire suivre l'échange ci-dessous. Sa question est
# tout en bas.": the sender says which question is theirs.
_ASKED_AT_THE_END = re.compile(
    r"\b(?:sa|ma|notre|leur|la|les|nos|leurs)\s+questions?\s+(?:est|sont|se trouvent?|figurent?)"
    r"\s+(?:tout\s+)?(?:en bas|à la fin|plus bas|ci-dessous)\b"
    r"|\b(?:the|my|our|her|his|their)\s+questions?\s+(?:is|are)\s+(?:at the (?:very\s+)?"
    r"(?:bottom|end)|below)\b",
    re.I,
)


# A later question stressed as the one that matters: "… ? et surtout, les formations on
# peut les mettre dedans ?", "… and above all, is training included?".
_STRESSED = re.compile(
    r"^\W*(?:(?:et|mais|and|but)\s*,?\s*)?(?:surtout|avant tout|above all|especially"
    r"|most importantly|more importantly)\b",
    re.I,
)


def stressed_question(parts: list[str]) -> int | None:
    """The index of the one later question a message stresses, if it does."""
    stressed = [i for i, p in enumerate(parts) if i and _STRESSED.match(p)]
    return stressed[0] if len(stressed) == 1 else None


def asked_at_the_end(message: str) -> bool:
    """Whether a message says its question is the last one, under what it forwards."""
    return bool(_ASKED_AT_THE_END.search(message))


def without_mail_headers(text: str) -> str:
    """``text`` without the header lines of the messages it forwards or quotes."""
    return "\n".join(ln for ln in text.splitlines() if not _MAIL_HEADER.match(fold(ln)))


# A closing formula, and the short line without punctuation that signs under it.
_SIGNING_OFF = re.compile(rf"^(?:{CLOSINGS}|{THANKS})\b")
_SIGNATURE = re.compile(r"^[^.?!:]{1,40}$")
# The marks quoting a replied-to message: its text is read as typed.
_QUOTE_MARKS = re.compile(r"^(?:>\s*)+")
_POINTS_BELOW = re.compile(
    r"\b(?:ci-dessous|ci-après|en dessous|plus bas|suivante?s?|below|underneath|following)\b",
    re.I,
)


def focus_of(message: str) -> str:
    """The question sentences of a message, without greetings and signatures."""
    kept: list[str] = []
    quoted: list[bool] = []
    # Kept lines a blank line or a header line closes: "Léa Martin, ADSEA 49" above a
    # quoted message is no part of its first sentence.
    closed: set[int] = set()
    signed = False
    for raw in message.splitlines():
        line = _QUOTE_MARKS.sub("", raw.strip())
        folded = fold(line)
        if not line or _MAIL_HEADER.match(folded):
            if kept:
                closed.add(len(kept) - 1)
            continue
        if _FORMULA.match(folded):
            signed = bool(_SIGNING_OFF.match(folded))
            continue
        # A name under a closing formula signs a message, a forwarded one's too.
        if not (signed and _SIGNATURE.match(line)):
            kept.append(line)
            quoted.append(line != raw.strip())
        signed = False
    # A last short line without punctuation is a signature ("Marie", "Jean Dupont").
    if len(kept) > 1 and len(kept[-1].split()) <= 4 and not re.search(r"[.?!:]", kept[-1]):
        kept, quoted = kept[:-1], quoted[:-1]
    # A reply's quoted lines ("> On en parle jeudi ?") were asked of its writer: what the
    # message asks is in its own lines, when they ask anything.
    if any(quoted) and not all(quoted):
        own = [(i, ln) for i, (ln, q) in enumerate(zip(kept, quoted, strict=True)) if not q]
        own_closed = {j for j, (i, _) in enumerate(own) if i in closed}
        asked = _question_sentences(_sentences_of(_body([ln for _, ln in own], own_closed)))
        # Not a request pointing to them: "Pouvez-vous répondre à la question ci-dessous ?",
        # nor one judging what they say: "Est-ce que Karim a raison sur les deux points ?",
        # "Pourriez-vous nous éclairer ?" under a colleague's message pasted in.
        if asked and not any(_POINTS_BELOW.search(a) or _ON_WHAT_WAS_SAID.search(a) for a in asked):
            return without_greeting(" ".join(asked))
    body = _punctuated(_body(kept, closed) or message)
    sentences = _sentences_of(body)
    asked = _question_sentences(sentences)
    focus = " ".join(asked) if asked else " ".join(sentences) or body
    # "Salut Sophie, est-ce qu'on peut… ?": the greeting opening the question asks nothing.
    return without_greeting(focus)


def _body(lines: list[str], closed: set[int]) -> str:
    """``lines`` joined into one text, a line break after each closed paragraph."""
    return "".join(ln + ("\n" if i in closed else " ") for i, ln in enumerate(lines)).strip()


def _sentences_of(body: str) -> list[str]:
    sentences = [s.strip() for s in _SENTENCE.findall(body) if s.strip()]
    return [s for s in sentences if not _FORMULA.match(fold(s))]


# A dictated message with no punctuation: each "est-ce que" opens a question.
_DICTATED_QUESTION = re.compile(r"\s+(?=est[- ]ce\s+(?:qu['’]|que\b))", re.I)
_DICTATED_START = re.compile(r"est[- ]ce\s+(?:qu['’]|que\b)", re.I)
DICTATED_WORDS = 25
# Its sign-off with a name or wishes, glued to the last question: "… ou pas merci bonne
# journée Claire" (a bare "merci" stays: it ends the question it thanks for).
_DICTATED_SIGN_OFF = lenient(
    rf"\s+(?:{CLOSINGS}|{THANKS}|bonne (?:journee|soiree|fin de journee)|a bientot)\b"
    r"(?:\s+[\wÀ-ÿ'’-]+){1,5}\s*$",
    re.I,
)


_JOINING_END = re.compile(r"\s+(?:et(?:\s+aussi)?|mais|and(?:\s+also)?)$", re.I)


def _punctuated(body: str) -> str:
    """``body`` cut into questions where it was dictated without punctuation ("… on ne
    sait pas trop ce qu'il faut proposer est-ce qu'il faut un accompagnement complet…
    ou est-ce qu'on peut…"): a question before each "est-ce que" not joined by "ou"."""
    if re.search(r"[.?!;:]", body) or len(body.split()) < DICTATED_WORDS:
        return body
    parts = _DICTATED_QUESTION.split(_DICTATED_SIGN_OFF.sub("", body))
    out = [parts[0]]
    for part in parts[1:]:
        if re.search(r"\b(?:ou|or)\s*$", out[-1]):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    # A part asking indirectly asks too ("on se demandait si on peut recevoir les gens au
    # bureau et aussi"), without the "et aussi" that joined the next question on.
    return (
        " ".join(
            f"{_JOINING_END.sub('', p.rstrip())}"
            f"{'?' if i or _DICTATED_START.match(p) or asks(p) else '.'}"
            for i, p in enumerate(out)
        )
        if len(out) > 1
        else body
    )


# A statement asked by its tone alone: "on a le droit de candidater ?", "we can apply?".
# Not one setting two things against each other ("… nous aussi ou on reste à côté ?"),
# nor one asking who does it ("c'est l'AMI qui fixe ça ?"), which a quote naming the one
# who does does not settle by yes or no.
_BY_TONE = re.compile(
    r"^\W*(?:(?:et|mais|donc|alors|bon|ben|du coup|sinon|ok|so|and|but)\b\W*)*"
    r"(?!c['’]est\b[^?]*\bqu[ie]\b)"
    r"(?:on|je|j['’]|nous|vous|ils?|elles?|ça|ca|cela|c['’]est|c|we|i|it|they|you)\b"
    r"(?![^?]*\b(?:ou|or)\b)",
    re.I,
)


def asking_sentences(text: str) -> list[str]:
    """The sentences of ``text`` ending on a question mark."""
    return [q.strip() for q in _SENTENCE.findall(text) if q.strip().endswith("?")]


def asking_part(text: str) -> str:
    """The sentences of ``text`` ending on a question mark, else all of it."""
    return " ".join(asking_sentences(text)) or text


def points_back(sentence: str) -> bool:
    """Whether ``sentence`` opens on what the one before said: "Is that within the area?"."""
    return bool(_LEANS_BACK.match(sentence) or _POINTS_BACK.match(sentence))


def asks_something(text: str) -> bool:
    """Whether any sentence of ``text`` asks, or opens on a wh-word ("quel budget minimum")."""
    sentences = [q.strip() for q in _SENTENCE.findall(text) if q.strip()] or [text]
    return any(asks(q) or _WH_START.match(q) for q in sentences)


# A question about places and nothing else: "La Manche est-elle couverte par l'AMI ?",
# "L'Orne fait-elle partie de la zone ?". Besides the places and the words naming the
# call or its area, so many words may say what is asked of them ("couverte").
PLACE_QUESTION_WORDS = 1
# "Et la Manche ?", "and for Orne?": a follow-up of so many words says only the place.
BARE_FOLLOW_UP_WORDS = 4
_AREA_WORDS = frozenset(
    fold(w)
    for w in "ami o2r appel call aap projet projets project action actions zone région region "
    "territoire périmètre perimeter area département department pays loire partie part".split()
)
# A body named by its place: "le département de Loire-Atlantique", "la ville d'Angers".
_BODY_OF_A_PLACE = re.compile(
    r"\b(?:(?:conseil\s+)?(?:département|departement)|conseil\s+(?:départemental|régional)"
    r"|ville|mairie|commune|région|region|métropole|agglomération|communauté\s+de\s+communes"
    r"|county|city|town|council)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]|of\s+)",
    re.I,
)
# A part a body may take in a project: partner, lead, applicant.
_BODY_ROLE = re.compile(
    r"\b(?:partenaires?|partners?|chef(?:fe)?\s+de\s+file|porteu(?:r|se)|porter|candidat\w*"
    r"|opérat(?:eur|rice)|participer|s['’]associer|financer|co-?financ\w*|lead|apply|join)\b",
    re.I,
)
_WH_WORD = re.compile(
    r"\b(?:combien|quel(?:le)?s?|quand|comment|pourquoi|qui|quoi|koi|how|what|which|when|who"
    r"|why)\b",
    re.I,
)
# What a bare follow-up ("Et la Manche ?") continues, for it to ask about the area too.
_ABOUT_THE_AREA = re.compile(
    r"\b(?:d[ée]partements?|r[ée]gions?|zones?|territoires?|p[ée]rim[èe]tre|couvr\w*|couvert\w*"
    r"|cover\w*|areas?|where|o[ùu])\b",
    re.I,
)


def places_asked(focus: str, previous: str | None = None) -> list[Place]:
    """The places a question asks about and nothing else, whether they are covered (not
    the region itself); none for another question. A bare follow-up ("Et la Manche ?")
    asks about places only after a question about places or the area (``previous``)."""
    text = focus.strip()
    if not text.endswith("?") or _WH_WORD.search(text):
        return []
    found = find_places(text)
    places = [p for p in found if p.department or not p.in_region]
    if not places:
        return []
    named = {fold(w) for p in found for w in content_words(p.name)}
    other = [
        w
        for w in content_words(text)
        if fold(w) not in named and fold(w) not in _AREA_WORDS and (len(w) > 3 or w.isdigit())
    ]
    if len(other) > PLACE_QUESTION_WORDS:
        return []
    if _BODY_OF_A_PLACE.search(text) and _BODY_ROLE.search(text):
        # "Le département de Loire-Atlantique peut-il être partenaire ?" asks about the
        # body, not whether its place is covered.
        return []
    bare = len(_WORDS.findall(text)) <= BARE_FOLLOW_UP_WORDS
    if bare and not (previous and (find_places(previous) or _ABOUT_THE_AREA.search(previous))):
        return []
    return places


def asks(sentence: str) -> bool:
    """Whether a sentence asks something, directly or not ("nous nous demandons si…")."""
    return bool(_ASKS.search(sentence) or _INDIRECT.search(sentence))


# A question whose subject stands for what the sentence before said: "Est-ce que ça vaut
# aussi pour les ateliers ?", "Does this apply to volunteers?", "Ce type de montage
# partenarial est-il valorisé ?".
_LEANS_BACK = re.compile(
    r"^(?:(?:et|mais|and|but)\s+)?(?:(?:est-ce qu[e'’]\s*)?(?:ça|ca|cela|ceci)\b"
    # "Est-ce suffisant pour ce projet ?": "ce" is what was said, judged by an adjective;
    # not "est-ce que…", "est-ce un cadre…", nor "est-ce possible de…", whose subject
    # follows.
    r"|est-ce\s+(?:bien\s+|vraiment\s+)?(?:[a-zà-ÿ]+(?:ant|ante|ants|ible|able|é|ée|és|ées|if|ive)"
    r"|correct|exact|juste|vrai|bon|ok)\b(?!\s+(?:de|d['’]|que|qu['’]))"
    # What the sender believed of what was just said: "Je pensais que c'était suffisant :
    # est-ce correct ?", "I thought that was enough, is it?".
    r"|(?:je|j['’]|on|nous)\s*(?:pensais|pensait|pensions|croyais|croyait|croyions|supposais"
    r"|imaginais|avais compris|avait compris|avions compris)\s+qu"
    r"|i\s+(?:thought|assumed|believed|understood)\s+(?:that\s+)?(?:this|that|it)\b"
    r"|(?:does|do|is|would|will|can|could) (?:this|that)\b"
    # A subject pronoun in the words of a non-native asker: "Our client is a new
    # association… It can apply, or the experience is obligatory?".
    r"|(?:it|they)\s+(?:can|could|may|must|should|will|would|is|are|has|have|does|do)\b"
    # "What does that mean for our team?", "What means this exactly?".
    r"|what\s+(?:does\s+)?(?:this|that|it)\s+means?\b|what\s+means\s+(?:this|that|it)\b"
    r"|(?:ce|cet|cette|ces)\s+(?:types?|genres?|sortes?|formes?|modes?)\s+d[e'’]"
    # Which of two views just stated holds: "Notre présidente soutient que… Qui a raison ?".
    r"|qui\s+a\s+raison\b|who(?:'s|\s+is)\s+right\b)",
    re.I,
)
# Or a thing the sentence before named: "Public principal : … ; à titre subsidiaire, des
# demandeurs d'emploi inscrits… Ce public secondaire est-il admis ?".
_DEMONSTRATIVE = re.compile(r"^(?:(?:et|mais)\s+)?(?:ce|cet|cette|ces)\s+([\wÀ-ÿ-]{3,})", re.I)


# A figure noted under a label ("Budget : 180 000 € sur 3 ans."), and a question asking
# whether something is allowed.
_FIGURE_NOTE = re.compile(r"^\s*[\wÀ-ÿ'’ ]{2,30}\s*:[^.?!]*\d")
_PERMISSION = re.compile(
    r"\b(?:autorisée?s?|permise?s?|possibles?|acceptée?s?|admise?s?|tolérée?s?|allowed"
    r"|permitted|accepted)\b",
    re.I,
)


# The people or things a statement spoke of, as the object of the verb asked about: "…
# des jeunes inscrits il y a un an. Peut-on les accompagner dans le cadre de l'O2R ?".
# So is "y" before an infinitive, unless a phrase set off before it names what it stands
# for: "Faut-il au contraire y mettre la totalité des coûts ?" after "… de n'y faire figurer
# que la part demandée à l'État", not "Pour le budget, que faut-il y faire figurer ?".
_OBJECT_PRONOUN = re.compile(
    r"\b(?:les|leur)\s+[a-zà-ÿ]{3,}(?:er|ir|re)\b|^[^,]*\by\s+[a-zà-ÿ]{3,}(?:er|ir|re)\b"
    # "… besoin d'un numéro SIRET. Comment en obtenir un ?": one of the thing named before.
    r"|\ben\s+[a-zà-ÿ]{3,}(?:er|ir|re)\s+(?:un|une)\b"
    # "… hasn't had any contact for four months. Could we take him on?"
    r"|\b(?:him|her)\b|(?<!\bof )\bthem\b",
    re.I,
)
# A statement whose subject is itself a pronoun stands for the one before it.
_PRONOUN_START = re.compile(r"^\W*(?:ils|elles)\b", re.I)
# So does a question's: "… ne sont inscrits nulle part. Peuvent-elles entrer dans le
# parcours ?", "The persons we help are coming out from prison. It is possible they are
# the public of this call?".
_SUBJECT_PRONOUN = re.compile(
    r"^\W*(?:(?:et|mais|and|but|so)\s+)?(?:(?:[\w'’]+\s+){0,3}they\b|(?:ils|elles)\b"
    r"|[a-zà-ÿ]+-(?:t-)?(?:ils|elles)\b)",
    re.I,
)


# "c pour les gens comme moi ?", "is it for people like us?": the people just described.
_LIKE_US = re.compile(r"\b(?:comme (?:moi|nous|eux)|like (?:me|us|them))\b", re.I)
# A pronoun standing for what was just told, as the thing acted on: "Is it ok that our
# support treat this also?", "on peut traiter ça aussi ?".
_THAT_TOO = re.compile(
    r"\b(?:treat|handle|address|tackle|cover|include|deal with|work on)\s+(?:this|that|these"
    r"|those)\b|\b(?:this|that) (?:too|also|as well)\b|\b(?:ça|ca|cela) aussi\b"
    r"|\b(?:traiter|gérer|prendre en charge|inclure|couvrir)\s+(?:ça|ca|cela)\b",
    re.I,
)
_DESPITE = re.compile(
    r"\b(?:still|anyway|even so|nevertheless|quand même|malgré (?:tout|ça|cela)|tout de même)\b",
    re.I,
)


# Whether someone is right, and what they claim: "A-t-il raison ?", "Notre président dit
# que…", "my board thinks that…".
_WHO_IS_RIGHT = re.compile(
    r"\b(?:qui\s+a\s+raison|a-t-(?:il|elle)\s+raison|ont-(?:ils|elles)\s+raison"
    r"|est-ce\s+qu(?:e\s+|['’])\w+\s+a\s+raison"
    r"|(?:is|are)\s+(?:he|she|they)\s+right|who(?:'s|\s+is)\s+right)\b",
    re.I,
)
# A question on what was said, pasted or quoted: "Est-ce que Karim a raison ?", "Pourriez-vous
# nous éclairer ?", "is she right?".
_ON_WHAT_WAS_SAID = re.compile(
    rf"{_WHO_IS_RIGHT.pattern}|\b(?:a|ont)\s+(?:bien\s+)?(?:raison|tort)\b"
    r"|\b(?:is|are)\s+\w+\s+right\b|\béclairer\b|\bshed (?:some )?light\b",
    re.I,
)
# What someone else says, thinks or was heard saying: one list for every reading of a claim
# told (a question doubting it, a follow-up about it, the facts a message states).
CLAIM_VERBS = (
    r"dit|disent|affirme|affirment|assure|assurent|prétend|prétendent|soutient|soutiennent"
    r"|says|say|claims?|insists?"
)
OPINION_VERBS = r"pense|pensent|croit|croient|estime|estiment|thinks?"
HEARD_VERBS = r"entendu|lu|said|told|heard|read"
_CLAIMS = re.compile(rf"\b(?:{CLAIM_VERBS}|{OPINION_VERBS})\b", re.I)


# What was said, pointed to: "Ces deux affirmations sont-elles exactes ?", "Cette
# information est-elle à jour ?", "Are these statements correct?".
_WHAT_WAS_SAID = re.compile(
    r"^(?:(?:et|mais|and|but)\s+)?(?:(?:are|is)\s+)?(?:ce|cet|cette|ces|these|those|this|that)"
    r"\s+(?:(?:deux|trois|two|three)\s+)?(?:affirmations?|informations?|propos|phrases?"
    r"|assertions?|chiffres?|statements?|claims?|figures?)\b",
    re.I,
)
# The right version of what was said, asked for: "pouvez-vous me donner les bonnes
# références ?", "what is the correct figure?".
_RIGHT_VERSION = re.compile(
    r"\b(?:bon(?:ne)?s?|vraie?s?|exacte?s?|correcte?s?)\s+(?:références?|chiffres?|articles?"
    r"|textes?|informations?|réponses?|montants?|durées?|dates?|règles?)\b"
    r"|\b(?:right|correct|exact|actual)\s+(?:references?|figures?|articles?|texts?|information"
    r"|answer|amounts?|dates?|rules?)\b",
    re.I,
)
# What tells a statement that quotes or reports a claim.
_QUOTED_OR_CLAIMED = re.compile(
    rf"[«“\"]|\b(?:écrit|écrivent|wrote|writes|written)\b|{_CLAIMS.pattern}", re.I
)


# How far back a demonstrative's noun may have been named: "Ces jeunes…" two or three
# statements after "Plusieurs jeunes de mon portefeuille…".
DEMONSTRATIVE_REACH = 3


def _named_further_back(sentence: str, sentences: list[str], i: int) -> int:
    """How many sentences back a statement names the thing a demonstrative opening
    ``sentence`` points to, past the one just before it (0 when none does)."""
    if _WHAT_WAS_SAID.match(sentence) or _RIGHT_VERSION.search(sentence):
        # "Elle écrit que « … ». Je préfère vérifier. Ces deux affirmations sont-elles
        # exactes ?", "… pouvez-vous me donner les bonnes références ?": back to the first
        # of the claims told in a row ("J'y ai écrit que… Un juriste me dit que c'est faux.").
        claimed = 0
        for back in range(1, min(i, DEMONSTRATIVE_REACH) + 1):
            if asks(sentences[i - back]):
                break
            if _QUOTED_OR_CLAIMED.search(sentences[i - back]):
                claimed = back
            elif claimed:
                break
        return claimed if claimed > 1 else 0
    named = _DEMONSTRATIVE.match(sentence)
    if not named or i < 2 or stem(named[1].lower()) in tokens(sentences[i - 1]):
        return 0
    for back in range(2, min(i, DEMONSTRATIVE_REACH) + 1):
        earlier = sentences[i - back]
        if asks(earlier):
            return 0
        if stem(named[1].lower()) in tokens(earlier):
            return back
    return 0


# A rule the sender believed or was told, the premise a bare question doubts: "on pensait
# qu'il fallait au moins 200 000 € par an. […] Est-ce peine perdue ?", "As I understand it,
# …".
_BELIEVED = re.compile(
    r"\b(?:pensais|pensait|pensions|pensaient|croyais|croyait|croyions|croyaient"
    r"|imaginais|imaginait|avais compris|avait compris|avions compris|thought|believed"
    rf"|assumed|understood|{CLAIM_VERBS}|{HEARD_VERBS})\s+(?:\w+\s+){{0,2}}?(?:que|qu['’]|that)\b"
    r"|\b(?:il paraît|paraît-il|apparemment|si j['’]ai bien compris|as i understand it"
    r"|my understanding is|apparently)\b",
    re.I,
)


# Confirming what a statement before said: "confirm that figure", "vérifier ce montant".
_CONFIRM_POINTED = re.compile(
    r"\b(?:confirm|verify|check|double-check|confirmer|vérifier|valider)\w*\s+(?:moi\s+)?"
    r"(?:ce|cet|cette|ces|this|that|these|those)\s+(?:chiffres?|montants?|affirmations?"
    r"|informations?|points?|figures?|amounts?|claims?|statements?|information)\b",
    re.I,
)


def _believed_back(sentences: list[str], i: int) -> int:
    """How many sentences back, past the one just before, a statement tells a rule the
    sender believed or was told (0 when none does, or a question comes between)."""
    for back in range(1, min(i, DEMONSTRATIVE_REACH) + 1):
        if asks(sentences[i - back]):
            return 0
        if _BELIEVED.search(sentences[i - back]):
            return back if back > 1 else 0
    return 0


# The plan just described, judged: "Notre projet resterait-il conforme à ce qu'attend
# l'AMI ?", "Would our project still be eligible?".
_PLAN_JUDGED = lenient(
    r"^\W*(?:(?:et|mais|alors|donc|and|but|so)\s+)?(?:notre|ce|cette|le|our|the|this)\s+"
    r"(?:projet|plan|idée|organisation|montage|fonctionnement|action|project|approach)\s+"
    r"(?:reste|resterait|restera|serait|sera|est|demeure|demeurerait)-(?:t-)?il\s+"
    r"(?:(?:toujours|encore|bien|alors)\s+)?(?:conforme|acceptable|recevable|valable|compatible"
    r"|éligible|ok|en règle|dans les clous)\b"
    r"|^\W*(?:(?:and|but|so)\s+)?(?:would|will|is)\s+(?:our|the|this)\s+(?:project|plan"
    r"|approach)\s+(?:still\s+)?(?:be\s+)?(?:compliant|eligible|ok|okay|acceptable|valid)\b",
    re.I,
)


# A phrase of the texts quoted back, in guillemets or quotation marks; the words quoted are
# its one group that matched.
QUOTED_PHRASE = re.compile(r"«\s*([^»]{3,120}?)\s*»|“([^”]{3,120})”|\"([^\"]{3,120})\"")
# What the question says of it: a neuter pronoun or a noun for a phrase or a rule ("Qu'est-ce
# que cela implique ?", "Est-ce une condition… ?", "comment respecter ce principe ?").
_POINTS_AT_PHRASE = re.compile(
    r"\b(?:cela|ça|ceci|est-ce\s+(?:une?|la|le)|(?:ce|cet|cette|ces)\s+(?:principes?|points?"
    r"|critères?|termes?|mots?|passages?|notions?|exigences?|conditions?|obligations?|formules?"
    r"|phrases?|expressions?|mentions?|règles?)|(?:this|that|it)\s+(?:mean|means|imply|implies"
    r"|require|requires|apply|applies)|(?:does|is)\s+(?:this|that|it))\b",
    re.I,
)


def _leans_back(sentence: str, before: str) -> bool:
    """Whether ``sentence``'s subject, or its verb's object, stands for what ``before``
    said."""
    named = _DEMONSTRATIVE.match(sentence)
    return bool(
        _LEANS_BACK.match(sentence)
        # "Qui, dans ce cas, coordonne l'ensemble ?": the case the statement before made.
        or IN_THAT_CASE.search(sentence)
        # "We can still apply or no?", "peut-on quand même candidater ?": despite it.
        or _DESPITE.search(sentence)
        or _LIKE_US.search(sentence)
        or (_THAT_TOO.search(sentence) and not asks(before))
        or (named and stem(named[1].lower()) in tokens(before))
        or (
            (_WHAT_WAS_SAID.match(sentence) or _RIGHT_VERSION.search(sentence)) and not asks(before)
        )
        # "Could you confirm that figure before I build the model?": what was just said.
        or (_CONFIRM_POINTED.search(sentence) and not asks(before))
        or (_PLAN_JUDGED.match(sentence) and not asks(before))
        # "Le cahier des charges parle d'une « comptabilité analytique obligatoire ».
        # Qu'est-ce que cela implique ?": the phrase quoted is what the question asks about.
        or (
            QUOTED_PHRASE.search(before)
            and not QUOTED_PHRASE.search(sentence)
            and _POINTS_AT_PHRASE.search(sentence)
            and not asks(before)
        )
        or (
            (_OBJECT_PRONOUN.search(sentence) or _SUBJECT_PRONOUN.match(sentence))
            and not asks(before)
        )
    )


# Someone else asking the sender: "les personnes nous demandent si…", "on me demande
# si…", "people keep asking us whether…" (not "je me demande si…").
_REPORTED = re.compile(
    r"(?<!\bje )(?<!\bnous )\b(?:nous|me|m['’])\s*(?:demandent|demande|interrogent|interroge"
    r"|posent (?:souvent )?la question|pose (?:souvent )?la question)\b"
    r"|\b(?:asks?|asked|asking)\s+(?:us|me)\b"
    # In the past: "un partenaire m'a demandé ce matin à qui…"; or passed on: "mon boss m'a
    # transféré ça : « … ? »", "she forwarded me this".
    r"|\b(?:m['’]|nous\s+)(?:a|ont|avait|avaient)\s+(?:demandé|interrogée?s?|posé|transféré"
    r"|transmis|fait suivre)\b"
    r"|\b(?:forwarded|passed on)\b",
    re.I,
)


# The questions announced with their number: "Deux questions donc :", "two questions:".
_COUNTED = re.compile(
    r"\b(?:deux|trois|quatre|quelques|plusieurs|2|3|4|two|three|four|several)\s+(?:questions?"
    r"|points?)\b[^:?]{0,60}:",
    re.I,
)


# What announces the questions asks nothing itself: "Deux questions : …", "Ma question :",
# "A quick question: …", "Deux points nous échappent : …".
_ANNOUNCED = re.compile(
    r"^(?:[\wÀ-ÿ'’-]+\s+){0,3}?(?:questions?|points?|interrogations?)"
    r"(?:\s+[\wÀ-ÿ'’-]+){0,3}?\s*:\s*"
    # ... or at the end of a statement: "Nous avons relu l'appel et une question revient sans
    # cesse en réunion : …", "one question keeps coming up: …".
    r"|^[^:?]*\b(?:une|la|cette|deux|plusieurs|ma|notre|a|one|the|our|my)\s+(?:questions?"
    r"|interrogations?)\s+(?:revien\w*|se pos\w*|rest\w*|demeur\w*|subsist\w*|keeps?\s+coming"
    r"|comes?\s+up|remains?)[^:?]{0,40}:\s*"
    # ... or counted in a statement: "Le maire me pose deux questions avant d'engager du
    # temps de travail : …".
    rf"|^[^:?]*{_COUNTED.pattern}\s*",
    re.I,
)


# A question put after a statement and a colon, asking on its own: "Notre assureur nous pose
# une question à laquelle je ne sais pas répondre : les personnes accompagnées ont-elles une
# protection sociale… ?", "… on nous a parlé de l'AMI : qui instruit les dossiers ?".
_STATED_THEN = re.compile(r"^(?P<head>[^:?]*\S)\s*:\s+(?P<tail>[^:]+\?)\s*$")
# Or it opens on a noun subject, or an impersonal verb, not on a pronoun for the head.
_OWN_SUBJECT = re.compile(
    r"^(?:(?:le|la|les|l['’]|un|une|des|ce|cet|cette|ces|notre|nos|leur|leurs|the|our|their)"
    r"\s*(?:[\wÀ-ÿ'’-]+\s+){1,5}[\wÀ-ÿ]+-(?:t-)?(?:ils?|elles?)\b"
    r"|(?:faut|suffit|existe|convient|y\s+a)-(?:t-)?il\b)",
    re.I,
)
# A demonstrative anywhere in the question points back at the head.
_DETERMINED_BEFORE = re.compile(r"\b(?:ce|cet|cette|ces|tels?|telles?|these|those|such)\b", re.I)
# A statement is more than a label ("Concernant le budget : est-il plafonné ?").
STATEMENT_WORDS = 5


def _after_statement(sentence: str) -> str:
    """The question a statement introduces with a colon, when it names its own topic."""
    split = _STATED_THEN.match(sentence)
    if not split:
        return sentence
    head, tail = split["head"], split["tail"]
    own = _ASKS_ON_ITS_OWN.match(tail) or _OWN_SUBJECT.match(tail)
    if (
        own
        # A question before the colon is what the rest details ("Comment cela se passe-t-il
        # quand… : qui coordonne… ?", "… se demande à quoi correspond… : est-ce… ?").
        and not (asks(head) or _ASKS_ON_ITS_OWN.match(head) or _INVERTED.search(head))
        and indirect_start(head) is None
        and len(head.split()) >= STATEMENT_WORDS
        and len(content_words(tail)) > CONTENTLESS_WORDS
        and not _leans_back(tail, head)
        and not _POINTER.search(tail)
        # "… des ateliers de cuisine : ces dépenses sont-elles éligibles ?" needs the head.
        and not _POINTED.search(tail)
        and not _DETERMINED_BEFORE.search(tail)
        # "Le parcours durera 18 mois par jeune : le projet est-il conforme ?" asks about the
        # figures stated before the colon.
        and not re.search(r"\d", head)
        # "Nous travaillons avec les familles : pouvons-nous… ?": our own plan, just stated.
        and not _CUES["first_person"].search(tail)
    ):
        return tail
    return sentence


# A question naming what it asks about only by pointing at the statement before: "The
# documents mention a CPOM. What does that stand for?", "On parle d'O2R. Que veut dire
# ce sigle ?", "ils ont des galères de logement… on peut bosser là-dessus ?".
_POINTER = re.compile(
    r"\b(?:that|this|it|ça|ca|cela|ce (?:sigle|terme|mot)|cet acronyme"
    r"|cette (?:abréviation|expression|notion)|l[àa][- ]dessus|dessus)\b",
    re.I,
)
# "Je n'ai pas compris ce principe. Pouvez-vous m'expliquer ce qu'il implique ?", "qu'est-ce
# qui est attendu sur ce point ?": a noun that only stands for what the statement before
# said (a shell noun), or a pronoun, not an impersonal "qu'il faut".
_POINTED = re.compile(
    # Counted too: "Pouvez-vous éclairer ces deux points ?", "exact sur les deux points ?".
    r"\b(?:(?:ce|cet|cette|ces)\s+(?:(?:deux|trois|quatre|quelques|2|3|4)\s+)?"
    r"|les\s+(?:deux|trois|quatre|2|3|4)\s+)"
    r"(principes?|points?|sujets?|aspects?|notions?|questions?"
    r"|problèmes?|idées?|règles?|exigences?|conditions?|obligations?|éléments?|démarches?"
    r"|approches?|mesures?|dispositions?|distinctions?|différences?"
    # Words named before: "Mon directeur parle de « SIEG » et de « CPOM ». Que signifient
    # ces deux sigles ?".
    r"|sigles?|acronymes?|termes?|mots?|expressions?|abréviations?"
    # What a statement before claimed: "Pouvez-vous confirmer ce chiffre ?", "cette
    # échéance vaut-elle pour nous ?".
    r"|chiffres?|montants?|affirmations?|échéances?|délais?|informations?"
    # A spending described before: "… leur offrir une formation cariste. Peut-on mettre ce
    # coût dans le budget ?".
    r"|coûts?|dépenses?|frais"
    # A role taken on before: "Nous serions prêts à assumer le rôle de chef de file. Où ce
    # rôle est-il formalisé ?".
    r"|rôles?|fonctions?)\b"
    r"|\b(?:this|that|these|those)\s+(?:(?:two|three|four|few|2|3|4)\s+)?"
    r"(principles?|points?|issues?|aspects?|notions?"
    r"|requirements?|rules?|conditions?|obligations?|approach|distinction"
    r"|acronyms?|abbreviations?|terms?|words?|expressions?|figures?|amounts?|claims?"
    r"|costs?|expenses?|spending|roles?)\b"
    r"|\bqu['’](?:il|elle)s?\b(?!\s+(?:faut|fallait|y\b|est\b|soit\b))"
    # Any noun pointed at with "là": "ces structures-là", "ce truc la ?".
    r"|\b(?:ce|cet|cette|ces)\s+([\wÀ-ÿ]{3,})(?:-l[àa]\b|\s+l[àa](?=\s*(?:[?!.,]|$)))",
    re.I,
)
# How many other content words a sentence pointing that way may hold and still lean back.
POINTED_WORDS = 4
# The request around a pointer names no topic: "Pourriez-vous me confirmer que…".
_ASKING_VERBS = frozenset(
    "pourriez pouvez pourrais pourrions confirmer confirmez préciser précisez indiquer "
    "indiquez dire dites could confirm".split()
)
_POINTER_WORDS = frozenset(
    "that this it who what which sigle terme mot acronyme abréviation expression notion "
    "dessus".split()
)


# Not the writer's own group ("l'une d'entre nous"), nor one of them reporting a question
# ("L'un d'eux me demande si…").
_ONE_OF_THEM = re.compile(
    r"\b(?:d['’]\s*entre\s+(?:elles|eux)|(?:l['’]\s*une?|chacune?|aucune?)\s+d['’]\s*"
    r"(?:elles|eux)|(?:one|each|any|none|either|neither)\s+of\s+(?:them|those))\b"
    r"(?!\s+(?:me|nous|m['’]|vous)\s*(?:demande|a\s+demandé|pose|écrit|dit)"
    r"|\s+(?:asks?|asked|wonders|wrote|says)\b)",
    re.I,
)


# Asking what to reply to a question reported before ("Les jeunes nous demandent s'ils
# seront payés. Que pouvons-nous leur répondre ?") asks that question.
_WHAT_TO_REPLY = re.compile(
    r"\b(?:leur|lui)\s+(?:répond\w*|dire|dis|dit|disons|dites|expliqu\w*|conseill\w*"
    r"|indiqu\w*)\b"
    r"|\b(?:tell|answer|reply to|say to)\s+(?:them|him|her)\b",
    re.I,
)


# Numbered questions in one sentence: "Pourriez-vous nous préciser : 1) à qui adresser la
# demande, 2) si un CCAS peut candidater, 3) pour combien de temps… ?".
_NUMBERED = re.compile(r"(?:^|(?<=[\s:,;]))\(?(?:\d{1,2}|[a-e])\)\s+", re.I)
_ITEM_END = re.compile(r"[\s,;]*(?:(?:et|and)\s*)?[?.]?\s*$", re.I)
_OPENS_ASKING = re.compile(rf"{_ASKING}\b", re.I)


def _split_numbered(sentence: str) -> list[str]:
    """A sentence numbering its questions, as one question each, with the request that
    opens the list ("Pourriez-vous nous préciser : 1) à qui…, 2) si…")."""
    marks = list(_NUMBERED.finditer(sentence))
    if len(marks) == 1:
        # One of a list asked sentence by sentence: "… : 1) quelle est la date limite ?".
        return [sentence[: marks[0].start()] + sentence[marks[0].end() :]]
    if not marks:
        return [sentence]
    request = sentence[: marks[0].start()].rstrip(" :")
    asking = bool(_FIRST_REQUEST.search(request) or _INDIRECT.search(request))
    bounds = [m.end() for m in marks]
    ends = [m.start() for m in marks[1:]] + [len(sentence)]
    parts = []
    for start, end in zip(bounds, ends, strict=True):
        item = _ITEM_END.sub("", sentence[start:end])
        if not (_ASKS_ON_ITS_OWN.match(item) or _OPENS_ASKING.match(item)):
            return [sentence]  # "1) le budget, 2) la durée ?": topics of one question
        parts.append(f"{request} {item} ?" if asking else f"{item} ?")
    return parts


# A line opening on a dash, a bullet or a number: an item of a list.
_LIST_ITEM = re.compile(r"^\s*(?:[-–•*]|\(?\d{1,2}[.)])\s+")


# "Et notre budget est-il suffisant ?" names what it asks about, however short.
OWN_TOPIC = re.compile(r"\b(?:notre|nos|mon|ma|mes|our|my)\s+[\wÀ-ÿ]{3,}", re.I)


# Asking someone to pass the message on asks nothing of the texts: "Nadia, peux-tu
# transmettre à la DREETS ?", "could you forward this to the right person?"; not "pouvez-
# vous me transmettre la liste des pièces ?", which asks for something.
_PASS_ON = re.compile(
    r"\b(?:peux-tu|pourrais-tu|tu\s+peux|tu\s+pourrais|pouvez-vous|pourriez-vous|merci\s+de"
    r"|can\s+you|could\s+you|please)\s+(?:(?:lui|leur)\s+)?(?:transmettre|faire\s+suivre"
    r"|transférer|relayer|forward|pass\s+(?:this|it)\s+on)\b"
    r"(?:\s+(?:(?:ce|cet|cette|le|la|l[’']|ma|mon|notre|this|my|our|the)\s*)?(?:message|mail"
    r"|e-mail|courriel|demande|question|échange|ceci|ça|this|it|email|request))?"
    r"(?:\s+(?:à|au|aux|to)\b[^?.!]*)?\s*\?*\s*$",
    re.I,
)


# A sentence opening on a supposition, the case a question after it is asked in.
_SUPPOSED_FIRST = lenient(
    r"^\W*(?:(?:and|but|ok|et|mais|alors)\W+)?(?:suppose|supposing|assuming|imagine|let['’]?s say"
    r"|say we|in case|imaginons|supposons|admettons|mettons|disons que|au cas où)\b",
    re.I,
)


# A sentence giving the other choice of the question before: "… ? or is there…".
_OR_ELSE = re.compile(r"^\W*(?:or|ou(?:\s+bien)?)\b", re.I)


def _question_sentences(sentences: list[str]) -> list[str]:
    """The sentences that ask something; one too bare to stand alone keeps the one before."""
    asked: list[str] = []
    starts: list[int] = []  # where the questions read from each sentence start
    # "… nous ne savons pas si une ville entre dans cette catégorie. Deux questions donc :
    # …": the questions counted are those that follow; one before them only led to them.
    counted = [i for i, s in enumerate(sentences) if _COUNTED.search(s)]
    sentences = [_ANNOUNCED.sub("", s) for s in sentences]
    # A request to pass the message on is left out when something else is asked.
    passing_on = [bool(_PASS_ON.search(s)) for s in sentences]
    asks_more = any(asks(s) and not on for s, on in zip(sentences, passing_on, strict=True))
    for i, sentence in enumerate(sentences):
        starts.append(len(asked))
        if i and asked and asked[-1].endswith(sentences[i - 1]) and _OR_ELSE.match(sentence):
            # "standalone rulebook? or is there some national spec behind it": the other
            # half of the question before.
            asked[-1] = f"{asked[-1]} {sentence}"
            continue
        if not asks(sentence) or (passing_on[i] and asks_more) or (counted and i < counted[-1]):
            continue
        if (
            i
            and asked
            and asked[-1].endswith(sentences[i - 1])
            and _POINTS_COUNTED.search(sentence)
        ):
            # "… s'ils toucheraient quelque chose, et… leur couverture sociale. Pouvez-vous
            # éclairer ces deux points ?": the question read before is what it asks.
            asked[-1] = f"{asked[-1]} {sentence}"
            continue
        # Figures name no topic: "genre 5, 10 ?" leans on the question before it. Nor do
        # English function words, which French word lists keep ("Could you confirm?").
        words = [
            w
            for w in content_words(sentence)
            if not w.isdigit() and w.lower() not in _EN_WORDS | _STRESS_WORDS
        ]
        bare = (
            not _CUES["wh"].search(sentence)
            and len(words) <= CONTENTLESS_WORDS
            and not OWN_TOPIC.search(sentence)
            # An item of a list of questions is one of its own: "- ce budget est-il
            # suffisant ?".
            and not _LIST_ITEM.match(sentence)
        )
        # Only after a statement: after a question it is a second question of its own.
        pointing = (
            i
            and not asks(sentences[i - 1])
            and _POINTER.search(sentence)
            and sum(w.lower() not in _POINTER_WORDS for w in words) <= CONTENTLESS_WORDS
        )
        pointed = _POINTED.search(sentence)
        pointing = pointing or (
            i
            and not asks(sentences[i - 1])
            and pointed
            and len([w for w in words if w.lower() not in _ASKING_VERBS]) - any(pointed.groups())
            <= POINTED_WORDS
        )
        # The question reported a sentence or two before ("Plusieurs me demandent s'ils
        # toucheront de l'argent. L'un d'eux a un petit boulot. Que puis-je leur dire ?").
        reported = next(
            (
                i - back
                for back in range(1, min(i, DEMONSTRATIVE_REACH) + 1)
                if _REPORTED.search(sentences[i - back])
            ),
            None,
        )
        replying = bool(_WHAT_TO_REPLY.search(sentence)) and reported is not None
        if replying and asks(sentences[reported]):
            # The question reported was read already: it is the one to answer, and asks.
            read = asked[starts[reported] : starts[reported + 1]]
            asked[starts[reported] :] = [f"{q.rstrip(' .')} ?" for q in read]
            continue
        far = _named_further_back(sentence, sentences, i)
        checking = bool(_CHECK_WISH.search(sentence))
        # "Suppose we get picked. What's the next formal step?": the case the question is
        # asked in, said first.
        supposed = i and not asks(sentences[i - 1]) and _SUPPOSED_FIRST.match(sentences[i - 1])
        # "Les trois structures interviendront… Faut-il qu'une seule d'entre elles porte le
        # projet ?": one of those the statement before named.
        partitive = i and not asks(sentences[i - 1]) and _ONE_OF_THEM.search(sentence)
        # "We are service of a municipality, not association. Is possible for us to become
        # operator?": whether a body of the kind just stated may apply.
        own_kind = (
            i
            and not asks(sentences[i - 1])
            and _OWN_BODY_KIND.search(sentences[i - 1])
            and _CAN_WE_APPLY.search(sentence)
        )
        if i and (
            bare
            or pointing
            or replying
            or far
            or checking
            or supposed
            or partitive
            or own_kind
            or (
                _leans_back(sentence, sentences[i - 1])
                # Items of one list of questions are each a question of their own ("– un CCAS
                # peut-il candidater ? – plusieurs adhérents peuvent-ils déposer un projet commun,
                # et dans ce cas comment s'organise-t-on ?").
                and not (_LIST_ITEM.match(sentence) and _LIST_ITEM.match(sentences[i - 1]))
            )
        ):
            before = sentences[i - 1]
            if bare and (believed := _believed_back(sentences, i)):
                before = sentences[i - believed]
            elif far:
                # "Plusieurs jeunes … ont lâché leur CEJ … Une association prépare une
                # candidature. Ces jeunes pourraient-ils … ?": the sentences from the one
                # naming them.
                before = " ".join(sentences[i - far : i])
            elif bare and i > 1 and _FIGURE_NOTE.match(before) and _PERMISSION.search(sentence):
                # "… nous aimerions aussi accueillir des inscrits… Budget : 180 000 €.
                # Est-ce autorisé ?": what is allowed is the plan, not the figure noted.
                before = sentences[i - 2]
            elif (
                i > 1
                and not asks(sentences[i - 2])
                and (
                    (pointing and _POINTED.search(before))
                    or (
                        _OBJECT_PRONOUN.search(sentence)
                        and (_PRONOUN_START.match(before) or _OBJECT_PRONOUN.search(before))
                    )
                )
            ):
                # What the statement before points to in turn: "… il a été question de
                # « différenciation de l'offre socle ». Je n'ai pas compris ce principe."
                before = f"{sentences[i - 2]} {before}"
            elif (
                i > 1
                and not asks(sentences[i - 2])
                and _WHO_IS_RIGHT.search(sentence)
                # "… a-t-il raison sur les deux points ?": the two sentences said.
                and (_CLAIMS.search(before) or _BOTH_POINTS.search(sentence))
            ):
                # A claim judged on the case told before it: "Nous avons rencontré un homme
                # inscrit à France Travail… Notre président dit qu'on doit le renvoyer vers
                # France Travail. A-t-il raison ?"
                before = f"{sentences[i - 2]} {before}"
            # A statement's question after a colon was read alone: this one goes with it.
            before = _after_statement(before)
            if asked and asked[-1] == before:
                asked[-1] = f"{before} {sentence}"
            else:
                asked.append(f"{before} {sentence}")
            continue
        if asked and asked[-1] == sentences[i - 1] and _offers_answers(asked[-1], sentence):
            asked[-1] = f"{asked[-1]} {sentence}"
            continue
        asked.extend(
            _after_statement(part)
            for spoken in _split_spoken(sentence)
            for numbered in _split_numbered(spoken)
            for bulleted in _split_bulleted(numbered)
            for request in _split_requests(bulleted)
            for s in _split_indirect(request)
            for part in _split_listed(s)
        )
    # A question others put to the sender ("des personnes nous demandent si…") introduces
    # the topic: when the sender then asks their own, that one is the question, unless it
    # says it asks something more ("Par ailleurs, … est-ce exact ?").
    # Not when the next is reported too: "un partenaire m'a demandé à qui…, et s'il…" asks
    # two things of its own.
    while (
        len(asked) > 1
        and _REPORTED.search(asked[0])
        and not asked[0].rstrip().endswith("?")
        and not _FURTHERMORE.match(asked[1])
        and not _REPORTED.search(asked[1])
    ):
        asked = asked[1:]
    return asked


# A sentence saying it asks about something else: the one before is a question too.
_FURTHERMORE = re.compile(
    r"^\W*(?:par ailleurs|de plus|en outre|autre (?:question|point|chose)|d['’]autre part"
    r"|also|besides|moreover|furthermore|in addition|another (?:question|point))\b",
    re.I,
)


# A second indirect question coordinated with the first: "… demande ce que doit contenir
# le budget et s'il faut une comptabilité séparée", "… si nous pouvons candidater, et ce
# qu'on attendrait de nous".
_AND_INDIRECT = re.compile(rf",?\s+et\s+(?={_ASKING}\b)", re.I)


# The wh-word (and its preposition) that ends an indirect question's opening.
_ASKED_WORD = re.compile(rf"\s+(?:{_ASKING}|qui|who)$", re.I)


# The second question's subject stands for something of the first: "… si la contribution
# est soumise à la TVA, et comment elle doit être traitée" stays one question.
_REFERS_BACK = re.compile(r"(?:\w+\s+)?(?:elles?|ils)\b|s['’]ils\b", re.I)


# Questions run together as spoken: "… ou s'il faut aller vers les gens et aussi est ce que
# les temps de remobilisation sont obligatoires".
_SPOKEN_NEXT = re.compile(
    r"\s+(?:et\s+(?:aussi|également)|autre question|deuxième question)\s*,?\s+"
    r"(?=est[- ]ce\s+qu|(?:comment|combien|pourquoi|quand|qui|quel\w*)\b)"
    # "… et enfin qui signe ?", "and finally who signs?"; not "et puis quand on les a
    # trouvés…", a time in the same question.
    r"|\s+(?:et\s+(?:puis|enfin|ensuite)|and\s+(?:also|then|finally))\s*,?\s+"
    r"(?=est[- ]ce\s+qu|(?:comment|combien|pourquoi|qui|quel\w*|how|what|who|which|why)\b)"
    # A question of its own, not "… and then what?".
    r"(?=(?:[^\s?]+\s+){2}[^\s?])",
    re.I,
)


def _split_spoken(sentence: str) -> list[str]:
    """A sentence running two questions together as spoken, as one each, marked as asked
    (the message's questions are told apart by their marks)."""
    parts = [p.strip() for p in _SPOKEN_NEXT.split(sentence) if p.strip()]
    if len(parts) < 2:
        return [sentence]
    return [p if p[-1] in ".?!" else f"{p} ?" for p in parts]


def _split_indirect(sentence: str) -> list[str]:
    """An indirect question asking two things, as two questions each with its verb."""
    start = indirect_start(sentence)
    if start is None or sentence.rstrip().endswith("?"):
        return [sentence]
    verb = _INDIRECT.match(sentence, start)
    split = _AND_INDIRECT.search(sentence, verb.end() if verb else start)
    if not verb or not split:
        return [sentence]
    back = _REFERS_BACK.match(sentence, split.end())
    # "s'ils seront payés et s'ils auront une couverture": the same subject twice, not
    # a pronoun for the first question's thing.
    first_subject = re.match(r"\s*(\w+)", sentence[verb.end() :])
    if back and not (
        first_subject and first_subject[1].lower() in re.split(r"['’]", back[0].lower())
    ):
        return [sentence]
    intro = sentence[:start] + _ASKED_WORD.sub("", verb.group())
    return [f"{sentence[: split.start()]}.", f"{intro} {sentence[split.end() :]}"]


# Two requests, each with its verb: "Pourriez-vous me confirmer que le projet est
# recevable, et me dire si des partenariats sont attendus ?".
_REQUEST = (
    r"(?:(?:me|nous)\s+|m['’])?(?:dire|préciser|indiquer|expliquer|confirmer|rappeler"
    r"|détailler|clarifier)\b"
)
_FIRST_REQUEST = re.compile(_REQUEST, re.I)
_SECOND_REQUEST = re.compile(rf",?\s+et\s+(?={_REQUEST}\s+{_ASKING}\b)", re.I)


# One request for two things: "Pourriez-vous nous indiquer à quelle autorité l'adresser,
# et s'il est possible de la transmettre en ligne ?".
_ASKED_REQUEST = re.compile(rf"{_REQUEST}(?=\s+{_ASKING}\b)", re.I)


def _split_requests(sentence: str) -> list[str]:
    """A sentence making two requests, or one request for two things, as one question
    each, the second with the opening of the first ("Pourriez-vous me dire si… ?")."""
    second = _SECOND_REQUEST.search(sentence)
    first = _FIRST_REQUEST.search(sentence, 0, second.start()) if second else None
    if first:
        # "…, et me dire qui…" has its own verb and takes the first's opening only.
        opening = sentence[: first.start()]
    else:
        request = _ASKED_REQUEST.search(sentence)
        second = _AND_INDIRECT.search(sentence, request.end()) if request else None
        if not second or _REFERS_BACK.match(sentence, second.end()):
            return [sentence]
        # "…, et s'il est possible…" takes the whole request ("Pourriez-vous nous indiquer").
        opening = f"{sentence[: request.end()]} "
    end = "?" if sentence.rstrip().endswith("?") else "."
    return [f"{sentence[: second.start()]} {end}", f"{opening}{sentence[second.end() :]}"]


# A direct question that lists several, each asking on its own: "à qui l'adresser, peut-on
# l'envoyer par voie électronique, et qui fixe le calendrier ?". "X, ou Y ?" offers a choice.
_LISTED = re.compile(r",\s+(?:(?:et|and)\s+)?")
_ASKS_ON_ITS_OWN = re.compile(
    r"^(?:qui|que|quel\w*|quand|combien|comment|pourquoi|où|est[- ]ce"
    r"|(?:à|a|de|sur|dans|pour|par) (?:qui|quoi|quel\w*)"
    r"|[\wÀ-ÿ]+-(?:t-)?(?:on|nous|vous|je)\b"
    r"|what|which|who|when|how|where|why"
    r"|(?:can|could|do|does|is|are|should|will|must) (?:we|i|you|there|the|our|a|an)\b)",
    re.I,
)
# A verb asked about, acting on the number: "l'enveloppe peut-elle limiter le nombre…".
_ACTS_ON_COUNT = re.compile(
    r"\b[\wÀ-ÿ]+-(?:t-)?(?:il|elle|ils|elles)\s+(?:[\wÀ-ÿ]+\s+)?[a-zà-ÿ]+(?:er|ir|re)\s+le\s*$",
    re.I,
)
# A bound put on the number: "une limite sur le nombre de projets ?", "any budgetary
# constraint on how many applications…?" asks whether there is one, not for a count.
_BOUND_ON = re.compile(
    r"\b(?:limites?|limitations?|plafonds?|contraintes?|restrictions?|quotas?|limits?|caps?"
    r"|constraints?)\s+(?:\w+\s+)?(?:on|to|over|sur|au|du|de|à)\s+(?:le\s+|the\s+)?$",
    re.I,
)
# A verb whose subject came before it: "le nombre de projets dépend-il…".
_SUBJECT_INVERTED = re.compile(r"\b[\wÀ-ÿ]+-(?:t-)?(?:il|elle|ils|elles)\b", re.I)
# A first question may put its subject before the verb: "à qui la demande doit-elle…".
_INVERTED = re.compile(r"\b[\wÀ-ÿ]+-(?:t-)?(?:il|elle|on|ils|elles|nous|vous|je)\b", re.I)
# Or asks where spoken French puts the question word: "le projet doit durer combien de
# temps", "c'est qui le chef de file".
_ASKS_IN_PLACE = re.compile(
    r"\b(?:combien|quand|quoi|koi)\b|\bc['’]?\s*(?:est|e)\s+(?:qui|ki|quoi|koi|où|ou|quand)\b",
    re.I,
)
# Each listed question names a topic of its own, not only a pronoun for the first's.
_LISTED_WORDS = 3
# Two coordinated questions stay one, answered clause by clause (asked_clauses), unless a
# colon announces them.
_LISTED_AT_LEAST = 3
# "…, and which agreement applies to them?" needs the first question's subject.
_POINTS_BACK_EN = re.compile(r"\b(?:it|its|they|them|their|this|that|these|those)\b", re.I)


# Questions compiled as bullets in one sentence: "je vous compile leurs questions : • le
# CCAS demande si… ; • l'association Horizons voudrait savoir si…".
_BULLET = re.compile(r"(?:^|(?<=\s))[•▪◦*]\s+")


def _split_bulleted(sentence: str) -> list[str]:
    """A sentence listing questions as bullets, as one question each, when each asks."""
    marks = list(_BULLET.finditer(sentence))
    if len(marks) < 2:
        return [sentence]
    ends = [m.start() for m in marks[1:]] + [len(sentence)]
    items = [
        sentence[m.end() : end].strip().rstrip(";,").strip()
        for m, end in zip(marks, ends, strict=True)
    ]
    if not all(asks(item) for item in items):
        return [sentence]
    return [item if item.endswith(("?", ".")) else f"{item}." for item in items]


def _split_listed(sentence: str) -> list[str]:
    """A direct question listing several, as one question each."""
    if not sentence.rstrip().endswith("?"):
        return [sentence]
    parts = [p.strip() for p in _LISTED.split(sentence.rstrip().rstrip("?"))]
    # A lead-in announcing the list ("comprendre comment se passe le dépôt : qui…") is
    # not one of its questions.
    lead, colon, first = parts[0].rpartition(":")
    if colon and lead:
        parts[0] = first.strip()

    def asks_alone(part: str) -> bool:
        return bool(_ASKS_ON_ITS_OWN.match(part) or _ASKS_IN_PLACE.search(part))

    first_asks = asks_alone(parts[0]) or _INVERTED.search(parts[0])
    if (
        len(parts) < (2 if colon and lead else _LISTED_AT_LEAST)
        or not first_asks
        or not all(asks_alone(p) for p in parts[1:])
        or any(_POINTS_BACK_EN.search(p) for p in parts[1:])
        or any(len(content_words(p)) < _LISTED_WORDS for p in parts)
    ):
        return [sentence]
    return [f"{p} ?" for p in parts]


# A clause with a subject of its own: "on peut le dépasser ?", "is it paid?".
_HAS_SUBJECT = re.compile(
    r"\b(?:je|tu|il|elle|on|nous|vous|ils|elles|c'est|ce sont|ça|cela|y a"
    r"|i|you|he|she|it|we|they|there)\b|\bj'",
    re.I,
)


# "Et la durée du parcours ?" asks the same of something else.
_PARALLEL = re.compile(r"(?:et|and|mais|but|quid|what about|how about)\b", re.I)


def _is_wh(sentence: str) -> bool:
    # The "que" of "est-ce que" asks yes or no, not "what".
    kept = _RELATIVE.sub(" ", _THAT_CLAUSE.sub(" ", _EST_CE_QUE.sub(" ", sentence)))
    return bool(_CUES["wh"].search(_CLOSED_RELATIVE.sub(" ", kept)))


# "when"/"quand" opening a clause ("… when projects are chosen", "… quand on dépose");
# "when is…", "quand est-ce…" ask.
_WHEN_CLAUSE = re.compile(
    r"\bwhen\s+(?!(?:is|are|do|does|did|will|can|could|should|must|would|was|were|has|have"
    r"|exactly)\b)(?=\w)"
    r"|\bquand\s+(?=(?:on|le|la|les|l['’]|un|une|des|nous|vous|ils?|elles?|nos|vos|leurs"
    r"|ces?|ce)\b)",
    re.I,
)
# What may stand before a "when" that asks: nothing in its sentence but a conjunction
# ("and when…"), or a verb or preposition that asks about the time ("tell me when…",
# "depuis quand…").
_WHEN_ASKED_AFTER = re.compile(
    r"(?:^|[.?!:;,\n]\s*)(?:(?:and|so|but|et|mais|alors|donc|ok|du coup)\s+)?$"
    r"|\b(?:tell|know|knows|say|ask|wonder|sure|idea|dire|dites|savoir|sait|sais|savez"
    r"|indiquer|indiquez|préciser|précisez|confirmer|confirmez|demander|demande"
    r"|c['’]est|est|sont|is|are|was|depuis|partir de|jusqu['’]à|until|since)"
    r"(?:\s+(?:me|us|moi|nous|vous|you))?\s*$",
    re.I,
)


# The rest of a sentence after a clause a "when" opens: "When a few organisations are
# selected together, who coordinates them?".
_CLAUSE_THEN = re.compile(r"[^,;:?.!]{3,100},\s*(?P<rest>[^?]+\?)")


def without_subordinate_when(sentence: str) -> str:
    """``sentence`` without the "when"/"quand" that only opens a subordinate clause:
    "Is anchoring taken into account when projects are chosen?" asks no date, nor does
    "When a few organisations are selected together, who coordinates them?", whose
    question comes after its comma."""
    kept: list[str] = []
    at = 0
    for m in _WHEN_CLAUSE.finditer(sentence):
        then = _CLAUSE_THEN.match(sentence, m.end())
        asks_after = then and (
            _CUES["wh"].search(then["rest"]) or _CUES["yes_no"].search(then["rest"])
        )
        if asks_after or not _WHEN_ASKED_AFTER.search(sentence[: m.start()]):
            kept += [sentence[at : m.start()], " "]
            at = m.end()
    return "".join(kept) + sentence[at:]


# A condition opening a clause states an assumption, not what is asked: "si nous sommes
# retenus, ferons-nous partie du réseau ?" asks about the network, not eligibility.
_OPENING_CONDITION = re.compile(
    r"(?:^|(?<=[:;.?!]))\s*(?:(?:et|mais|and|but)\s+)?(?:si\s|s['’]ils?\s|if\s|once\s)"
    r"[^,:;.?!]{1,80},",
    re.I,
)


# Being chosen supposed: "si nous étions retenus, nous interviendrions à Nantes" (the
# plan, should it be chosen), "ce que nous devrons rendre si nous sommes retenus"; not
# whether it is, asked: "pour savoir si notre projet est retenu".
_IF_CHOSEN = lenient(
    r"(?<!savoir )(?<!voir )(?<!know )(?<!demander )(?<!demandons )(?<!wonder )(?<!ask )"
    r"(?<!tell us )(?<!tell me )"
    r"\b(?:si|if|once|une fois)\b[^,;:.?!]{0,30}?\b(?:était|étions|étaient|serait|sommes|sont"
    r"|est|were|was|got|get|are|is)[ ]+"
    r"(?:retenue?s?|sélectionnée?s?|lauréate?s?|choisie?s?|financée?s?|conventionnée?s?"
    r"|acceptée?s?|selected|chosen|funded|accepted)\b",
    re.I,
)


def without_condition(sentence: str) -> str:
    """``sentence`` without the conditions that open its clauses, and without supposing
    it is chosen, unless that is all it says ("si notre projet est retenu ?", once "pour
    savoir" is left out, asks it)."""
    kept = _OPENING_CONDITION.sub(" ", sentence)
    unsupposed = _IF_CHOSEN.sub(" ", kept)
    return unsupposed if re.search(r"\w{3,}", unsupposed) else kept


def _offers_answers(question: str, sentence: str) -> bool:
    """Whether ``sentence`` only offers answers to the wh-question before it: "c'est qui
    au juste ? Des gens sans domicile, sans papiers ?", "what do they fund? Staff, rent?"."""
    return (
        _is_wh(question)
        and not _PARALLEL.match(sentence)
        and not _is_wh(sentence)
        and not _CUES["yes_no"].search(sentence)
        # "Un an et demi, ça passe ?" offers an answer and asks whether it is one.
        and (not _HAS_SUBJECT.search(sentence) or bool(_CUES["assess"].search(sentence)))
    )


# A short message naming a language asks for the last answer in it ("and in English?",
# "English please", "Sorry, I don't read French well, could you answer in English?"),
# unless it asks something new: about a text written in that language ("Can we submit
# the application in English?") or a fact of its own ("tell me in English what the
# minimum budget is"). Read by its shape, not by a list of known requests.
_LANGUAGE = re.compile(
    r"\b(?P<into>(?:in|into|to|en) )?(?P<language>english|anglais|french|français|francais)\b",
    re.I,
)
_ABOUT_A_TEXT = re.compile(
    r"\b(?:write|writing|written|submit\w*|fill\w*|publish\w*|accept\w*|application|form"
    r"|documents?|rédig\w*|redig\w*|dépos\w*|depos\w*|rempli\w*|écri\w*|ecri\w*|publi\w*"
    r"|dossier|candidature|formulaire)\b",
    re.I,
)
# What a request for the answer names or asks done to it ("your answer", "translate",
# "say that", "me le dire"); "Les ateliers peuvent-ils se faire en anglais ?" and "is it
# open to associations?" ask neither.
_POINTS_AT_ANSWER = re.compile(
    r"^(?:and|et|now|same|pareil|maintenant)\b|\b(?:same|again|answer\w*|reply|translat\w*"
    r"|repeat|explain|prefer\w*|réponse|répond\w*|repond\w*|tradui\w*|répéter|repeter|redire"
    r"|reformuler|expliquer|préf[éè]r\w*|pref[eè]r\w*)\b"
    r"|\b(?:say|have|get|give|put|send|tell)\s+(?:me\s+|us\s+)?(?:that|this|it)\b"
    r"|\b(?:me|nous|te|vous) (?:le|la|l['’])|\b(?:le|la) (?:dire|redire|donner|mettre)\b",
    re.I,
)
_REQUEST_WORDS = 30
# "English please", "anglais svp": a message this short asks nothing else.
_BARE_REQUEST_WORDS = 4


def language_switch(message: str) -> str | None:
    """ "en" or "fr" when ``message`` only asks to answer again in that language."""
    text = message.strip()
    mentions = list(_LANGUAGE.finditer(text))
    words = len(text.split())
    if not mentions or words > _REQUEST_WORDS or _ABOUT_A_TEXT.search(text):
        return None
    if words > _BARE_REQUEST_WORDS and not _POINTS_AT_ANSWER.search(text):
        return None
    if analyse(text).kinds:
        return None
    # "I don't read French, in English please": the language asked for follows "in".
    asked = [m for m in mentions if m["into"]] or mentions
    return "en" if asked[-1]["language"].lower() in ("english", "anglais") else "fr"


# A follow-up asking only where the last answer is written: "C'est écrit où ?", "Quel texte
# dit ça ?", "Which article says so?". Every quote names its text and article already.
_ASKS_SOURCE = re.compile(
    r"^\W*(?:(?:et|mais|ok|d['’]accord|merci|and|but|thanks)\W+)*"
    r"(?:(?:c['’]est|c|ça|ca|cela|ceci|tout ça)\s+(?:est\s+)?(?:écrit|ecrit|marqué|marque|précisé"
    r"|prévu|indiqué|dit)\s+(?:où|ou|dans quel\w*\s+\w+)"
    r"|où\s+(?:est-ce\s+(?:que\s+c['’]est\s+)?|c['’]est\s+|ça\s+|cela\s+)?(?:est\s+)?(?:écrit|ecrit"
    r"|marqué|précisé|indiqué|prévu)"
    r"|(?:dans\s+)?(?:quel|quels|quelle)\s+(?:texte|article|document|décret|arrêté|loi)s?"
    r"(?:\s+(?:le|l['’]|les))?\s*(?:dit|disent|prévoit|précise|indique|impose|fixe)\w*"
    r"(?:\s+(?:ça|ca|cela|ceci|ce point))?"
    r"|(?:ça|ca|cela)\s+vient\s+d[e'’]\s*(?:quel\w*|où)(?:\s+(?:texte|article))?"
    r"|dans\s+quel\w*\s+(?:texte|article|document|décret|arrêté|loi)s?"
    r"|where\s+(?:is|was)\s+(?:that|this|it)\s+(?:written|stated|set out|laid down|said)"
    r"|which\s+(?:text|article|document|law|decree|provision)\s+(?:says|states|sets|requires)"
    r"(?:\s+(?:that|this|so|it))?"
    r"|(?:what|which)\s+is\s+the\s+(?:source|legal basis)(?:\s+for\s+(?:that|this|it))?"
    # "Could you point me to the relevant provisions?"
    r"|(?:(?:could|can|would)\s+you\s+)?(?:please\s+)?point\s+(?:me|us)\s+to\s+the\s+"
    r"(?:relevant\s+)?(?:provisions?|texts?|articles?|sources?|references?)"
    # Or the word alone: "source ?", "réf ?", "ta source ?".
    r"|(?:(?:la|ta|votre|vos|tes|les|your|the)\s+)?(?:sources?|réf|ref|références?|references?))"
    r"(?:\s+(?:exactement|précisément|exactly|please|svp|stp))?\W*$",
    re.I,
)


def asks_source(question: str) -> bool:
    """Whether ``question`` only asks where the answer before it is written."""
    return bool(_ASKS_SOURCE.match(question.strip()))


# A proper name of several words ("Pays de la Loire", "La Roche-sur-Yon") is in no language.
_COMPOUND_NAME = re.compile(
    r"\b[A-ZÀ-Ý][\wÀ-ÿ'’-]*(?:\s+(?:de|du|des|la|le|et|sur|en)\s+(?:la\s+|l['’])?[A-ZÀ-Ý][\wÀ-ÿ'’-]*)+"
)


def _language_words(text: str) -> tuple[int, int]:
    """How many English and how many French function words ``text`` has."""
    words = [w.lower() for w in _WORDS.findall(_COMPOUND_NAME.sub(" ", text))]
    # After a number or "par", "an" is the French year: "1 an c bon ?", "par an ?".
    en = sum(
        w in _EN_MARKERS
        and not (w == "an" and i > 0 and (words[i - 1].isdigit() or words[i - 1] == "par"))
        for i, w in enumerate(words)
    )
    return en, sum(w in _FR_WORDS for w in words)


def is_english(text: str) -> bool:
    en, fr = _language_words(text)
    return (en >= 2 and en > fr) or (en >= 1 and fr == 0)


def in_english(part: str, message: str) -> bool:
    """Whether one question of a message is English: a part with no function word of
    either language ("submission: online ok?") is in the message's language."""
    return is_english(part) or (_language_words(part) == (0, 0) and is_english(message))


_PREPOSITION = re.compile(
    r"^(?:avec|à|a|auprès de|aupres de|par|chez|pour|de|depuis|jusqu['’]à|with|to|by|from|for"
    r"|since|until)\s+",
    re.I,
)


def _after_aside(sentence: str) -> str:
    aside = _ASIDE.match(sentence)
    if (
        aside
        and not _CUES["wh"].search(aside.group())
        # "Le partenaire, qui devait être chef de file, vient de se retirer": a relative
        # clause closed by a comma, no question opening.
        and not _RELATIVE_CLAUSE.match(sentence, aside.end())
    ):
        return sentence[aside.end() :]
    # "Nous avons cherché qui arrête le calendrier de l'appel : qui le fixe ?", "Ma
    # question : qui signe la convention ?": the question opens after the colon.
    before, _, after = sentence.rpartition(":")
    after = after.strip()
    # "Notre projet vient d'être retenu : avec qui signons-nous la convention ?" too.
    if before and after and _CUES["wh"].match(_PREPOSITION.sub("", after, count=1)):
        return after
    return sentence


# "Quick one, deadline's Friday - is keeping accounts compulsory?": a remark set off by a
# dash before the question names nothing it asks for.
_DASHED_REMARK = re.compile(r"^[^?\-–—]{1,60}?\s[-–—]\s+")


def _after_dashed_remark(sentence: str) -> str:
    remark = _DASHED_REMARK.match(sentence)
    # "When does the State pay — is there an advance?" asks before the dash too.
    if remark and not (_CUES["wh"].search(remark[0]) or _CUES["yes_no"].match(remark[0])):
        rest = sentence[remark.end() :]
        if _CUES["yes_no"].match(rest) or _CUES["wh"].match(rest):
            return rest
    return sentence


# An age, not a length: "les seniors de plus de 60 ans", "people over 50", "âgés de 16 ans".
_AGE = re.compile(
    r"\b(?:personnes?|gens|jeunes|seniors?|femmes|hommes|adultes|publics?|people|persons"
    r"|adults|women|men)\s+(?:âgée?s\s+|aged\s+)?(?:de\s+)?(?:plus|moins|over|under|more than"
    r"|less than)\s+(?:de\s+)?\d{2}\s*(?:ans|years?)\b"
    r"|\bâgée?s?\s+de\s+(?:plus\s+de\s+|moins\s+de\s+)?\d{2}\s*ans\b|\baged\s+\d{2}\b"
    # The people named by their age alone: "et pour les plus de 50 ans ?", "les moins de 26 ans".
    r"|\b(?:les|des|aux)\s+(?:plus|moins)\s+de\s+\d{2}\s*ans\b",
    re.I,
)


# "Pour revenir au montant de tout à l'heure : …", "Going back to the duration, …": the
# topic taken up again, not the kind of answer the question after it asks for.
_TAKEN_UP_AGAIN = re.compile(
    r"^\W*(?:(?:et|alors|bon|ok|so)\W+)?(?:pour\s+(?:en\s+)?revenir|revenons|je\s+reviens"
    r"|going\s+back|coming\s+back|back|returning)\s+(?:à|a|au|aux|sur|to)\b[^?:;,]{0,60}[:;,–-]\s*"
    r"(?=\S[^?]*\?)",
    re.I,
)


# The writer's body said to be of a kind whose right to apply is in doubt, a company, a
# public body or an employer of the IAE, or to be no association: "nous sommes une SCOP",
# "on est une siae", "notre structure est une société", "not a non-profit".
_OWN_BODY_KIND = lenient(
    r"\b(?:we\s+are|we['’]re|our\s+(?:structure|organi[sz]ation|company|entity)\s+is"
    r"|nous\s+sommes|on\s+est|on\s+é|notre\s+(?:structure|organisme|entreprise)\s+est)\s+"
    r"(?:(?:a|an|une?|not\s+a|pas\s+une?)\s+)?(?:[\wÀ-ÿ'’-]+\s+){0,3}?"
    r"(?:company|business|firm|for-profit|société|entreprise|sas|sasu|sarl|scop|scic|eurl"
    r"|boîte|coopérative|cooperative|siae|aci|etti|geiq|ccas|cias|commune|mairie|collectivité"
    r"|epci|intercommunalité|council|municipality|public\s+body"
    # A club or a foundation is a body of its own kind too: "on est un club de foot".
    r"|club|fondation|foundation|bailleur|landlord)\b"
    r"|\b(?:not\s+a\s+non-?profit|pas\s+une\s+association)\b",
    re.I,
)
_ANY_BODY_LIKE_OURS = re.compile(
    r"\b(?:structure|organisme|organisation|organi[sz]ation|entité|entity|établissement(?:\s+public)?)"
    r"s?\s+(?:comme|like)\s+"
    r"(?:la\s+nôtre|le\s+nôtre|ours|the\s+one\s+we\s+run)\b",
    re.I,
)
# Whether the writer may apply: "pouvons-nous candidater ?", "we can apply also or not?",
# "on peut porter un projet o2r ?".
_CAN_WE_APPLY = lenient(
    r"\b(?:pouvons-nous|peut-on|on\s+peut|can\s+we|we\s+can|may\s+we|are\s+we\s+allowed\s+to"
    r"|avons-nous\s+le\s+droit\s+de|a-t-on\s+le\s+droit\s+de|on\s+a\s+le\s+droit\s+de)\s+"
    # The infinitive as often misspelt: "on a le droit de candidaté ?".
    r"(?:[\wÀ-ÿ'’-]+\s+){0,2}?(?:candidat(?:er|é|ez)|répondre|postul(?:er|é|ez)|déposer|apply|bid"
    r"|porter\s+(?:un|le|ce)\s+projet)\b"
    # "Is possible for us to become operator?", "on peut devenir opérateur ?".
    r"|\b(?:possible|allowed|able|eligible)\s+(?:for\s+us\s+)?to\s+(?:become|be)\s+"
    r"(?:an?\s+|the\s+)?(?:o2r\s+)?(?:operator|lead|applicant)\b"
    r"|\b(?:devenir|être)\s+(?:un\s+)?(?:opérateur|porteur)\b",
    re.I,
)


_COSTS_TAKEN_ON = re.compile(
    r"\b(?:frais|dépenses?|coûts?|salaires?|heures|loyers?|achats?|charges)\b[^?.!]{0,60}?"
    r"\bpris(?:es?)?\s+en\s+charge\b"
    r"|\bpris(?:es?)?\s+en\s+charge\s+(?:dans|sur|par)\s+(?:le|notre|un|ce)\s+(?:budget|projet)\b",
    re.I,
)
_DESCRIBING = re.compile(r"\b(?:describ\w*|décri\w*|decri\w*)\b", re.I)
_HOW_MUCH_TIME = re.compile(
    r"\bhow\s+much\s+(?:of\s+)?(?:months?|years?|weeks?|days?|time)\b", re.I
)
_LASTS_UNTIL = re.compile(r"\bdur\w*\s+jusqu['’ ]?\s*(?:à|a)\s+(?:quand|qd)\b", re.I)


def analyse(message: str, focus: str | None = None) -> Question:
    """Read ``message`` as a question; ``focus``: the one question of it to answer."""
    focus = focus or focus_of(message)
    first = focus.strip()
    # "Notre présidente voudrait savoir à qui il faut envoyer la demande" asks as "à qui…".
    start = _after_aside(without_reporting(first))
    asked_text = without_subordinate_when(_after_dashed_remark(first))
    rest = _TAKEN_UP_AGAIN.sub("", asked_text)
    if not _WH_WORD.search(rest):
        # Unless what follows asks its measure ("…, elle est de combien ?").
        asked_text = rest
    kinds = tuple(kind for kind, pattern in KIND_ASKED.items() if pattern.search(asked_text))
    count = KIND_ASKED["count"].search(first)
    if count and (
        (
            count.group(3)
            and (
                _SUBJECT_INVERTED.search(first, count.end())
                or _AUXILIARY_BEFORE.search(first, 0, count.start())
                or _ACTS_ON_COUNT.search(first, 0, count.start())
            )
        )
        or _BOUND_ON.search(first, 0, count.start())
    ):
        # "le nombre de projets retenus dépend-il d'une enveloppe ?", "is the number of
        # funded projects limited?", "l'enveloppe peut-elle limiter le nombre de projets
        # retenus ?" ask yes or no about the number, not for it.
        kinds = tuple(k for k in kinds if k != "count")
        count = None
    count_noun = next((g for g in count.groups() if g), None) if count else None
    if count_noun and _CUES["time_unit"].match(count_noun):
        # "Combien de mois" asks for a duration, not a count.
        kinds = tuple(k for k in kinds if k != "count") + ("duration",) * ("duration" not in kinds)
        count_noun = None
    elif count_noun and _MONEY_NOUN.fullmatch(count_noun):
        # "Combien d'argent", "combien de thune" asks for an amount, not a count. Not
        # "combien de budgets" (measured with `o2r eval`: a case lost).
        kinds = tuple(k for k in kinds if k != "count") + ("amount",) * ("amount" not in kinds)
        count_noun = None
    if "amount" in kinds and _HOW_MUCH_TIME.search(first):
        # "How much month maximum one person can stay?", "how much time…": a length.
        kinds = tuple(k for k in kinds if k != "amount") + ("duration",) * ("duration" not in kinds)
    if (
        "amount" in kinds
        and ({"duration", "count"} & set(kinds))
        and not _CUES["money"].search(first)
    ):
        # "Au maximum" qualifies the duration or the count asked for, not an amount.
        kinds = tuple(k for k in kinds if k != "amount")
    if (
        "duration" in kinds
        and "date" in kinds
        and not KIND_ASKED["date"].search(re.sub(r"\bd[ée]lais?\b", " ", first, flags=re.I))
    ):
        # "Le délai, c'est combien ?" asks how long, not until when.
        kinds = tuple(k for k in kinds if k != "date")
    if "duration" in kinds and "date" in kinds and _LASTS_UNTIL.search(first):
        # "ça dure jusqu'à quand ?" asks how long it lasts: its end is its length.
        kinds = tuple(k for k in kinds if k != "date")
    if "duration" in kinds and _TIME_FROM_EVENT.search(first):
        # "Combien de temps après le dépôt aurons-nous une réponse ?" asks when, counted
        # from an event: a date, which only a sentence about that event gives.
        kinds = tuple(k for k in kinds if k != "duration") + ("date",) * ("date" not in kinds)
    if (
        "duration" in kinds
        and _AGE.search(asked_text)
        and not KIND_ASKED["duration"].search(_AGE.sub(" ", asked_text))
    ):
        # "les seniors de plus de 60 ans c possible ?" asks who may be supported, by age.
        kinds = tuple(k for k in kinds if k != "duration") + ("public",) * ("public" not in kinds)
    if "public" in kinds and (
        _COSTS_TAKEN_ON.search(first) or "outcome" in kinds or _DESCRIBING.search(first)
    ):
        # "Est-ce que ces frais peuvent être pris en charge dans le budget ?" asks of costs,
        # not of people taken on; "… un emploi à la fin de l'accompagnement, ou une autre
        # issue est-elle acceptée ?" of where the pathway leads; "does the agreement have to
        # describe the people the project is aimed at?" of what a text holds.
        kinds = tuple(k for k in kinds if k != "public")
    if "public" in kinds and set(kinds) & {*FACT_KINDS, "payment"}:
        # "Combien de temps une personne peut-elle être accompagnée ?" asks a length.
        kinds = tuple(k for k in kinds if k != "public")
    asks_who = bool(
        _WHO.match(start)
        or _WHO_CLEFT.match(start)
        # Not a second question joined on: "elle dure combien de temps, et on la signe
        # avec qui ?" asks how long too.
        or (_WHO_IN_SITU.search(first) and not _JOINED.search(first))
        or _WHO_AFTER_CLAUSE.search(first)
    )
    if asks_who:
        # "Qui fixe la date limite ?" asks who, not when.
        kinds = tuple(k for k in kinds if k not in FACT_KINDS)
        # "Qui sont les invisibles ?" asks what people are, not which body acts; "who is
        # the target group?", who the public is.
        kinds += ("who",) * (not _WHO_ARE.match(start))
    if "date" in kinds and not _is_wh(asked_text) and _WHO_SETS.search(first):
        kinds = tuple(k for k in kinds if k != "date") + ("who",) * ("who" not in kinds)
    if "applicant" in kinds:
        # "Qui peut candidater ?" asks which organisations, not which authority; "un
        # opérateur peut-il candidater seul ?" asks how to apply.
        drop = "applicant" if _HOW_TO_APPLY.search(first) else "who"
        kinds = tuple(k for k in kinds if k != drop)
    # Asked of a kind of body, in the third person, whatever the writer's facts; not of "une
    # structure comme la nôtre", which is the writer's own case.
    bodies_asked = "applicant" in kinds and not _ANY_BODY_LIKE_OURS.search(first)
    if not bodies_asked and _OWN_BODY_KIND.search(first) and _CAN_WE_APPLY.search(first):
        # "Our structure is a company (SAS), not a non-profit. We can apply also or not?":
        # whether a body of that kind may apply, asked of the writer's own.
        kinds += ("applicant",)
    applicant = "applicant" in kinds
    subject = (
        _CUES["subject"].search(first)
        or _EXISTS.search(first)
        or _SITS_IN.search(first)
        or _TOPIC_ONLY.match(first)
    )
    wh = _is_wh(asked_text)
    if _OPENS_ON_WH.match(first) or _names_registered(first):
        # "Quelles personnes peuvent être accompagnées ?" asks who, not whether one is; and
        # whether someone registered can be is the subsidiary public's question.
        kinds = tuple(k for k in kinds if k != "public")
    if _CUES["first_person"].search(first) and not asks_something(first):
        # A message about the candidate that asks nothing asks for no kind of fact:
        # "aucun contact avec leur conseiller" asks for no contact, "qui n'ont eu…" is
        # relative. Words alone ("montant minimum du projet") are a query, not a statement.
        kinds, wh = (), False
    # A bare "Est-ce possible ?" keeps the sentence before it: read the asking one.
    asking = asking_sentences(first)
    yes_no = (
        first.endswith("?")
        and not wh
        and any(_CUES["yes_no"].search(q) or _BY_TONE.match(q) for q in asking)
    )
    return Question(
        text=message,
        focus=focus,
        kinds=kinds,
        yes_no=yes_no,
        definition=bool(_CUES["definition"].search(first)),
        how=bool(_CUES["how"].search(first)),
        english=in_english(first, message),
        count_noun=count_noun,
        subject=subject.group(1).lower() if subject else count_noun,
        asks_eligibility=bool(
            # In what asks, not in a statement kept as its context ("Mon chef hésite à
            # répondre à l'AMI… Est-ce que le travail de rue peut faire partie du projet ?").
            # Nor in a count asked: "combien de projets seront retenus ?" asks a number.
            # Nor a share: "quel pourcentage l'État prendra-t-il en charge ?", nor a figure
            # asked for ("le budget minimum c'est combien pour déposer ?").
            not {"count", "rate"} & set(kinds)
            and not (wh and {"amount", "duration", "date"} & set(kinds))
            and _CUES["eligibility"].search(without_condition(asking_part(first)))
            # About the candidate, or what it stated: "si ces éléments respectent les règles".
            and (
                _CUES["first_person"].search(first)
                or _POINTS_BACK.match(first)
                or _POINTED.search(first)
                or _THIS_PROJECT.search(asking_part(first))
            )
            and not _HOW_TO_APPLY.search(first)
            # "… une société comme la nôtre peut-elle aussi candidater ?" asks which bodies
            # may apply, whatever the writer's facts.
            and not bodies_asked
        )
        or _asks_assessment(first)
        # "et si on ouvre aussi une antenne à Rennes ?" asks whether the plan would pass; not
        # "si notre action s'arrête à 18 mois, devrons-nous rembourser… ?", which asks a
        # thing of its own.
        or (
            _weighed_plan(first) is not None
            and not set(kinds) - {"amount", "duration", "public", "applicant"}
        ),
        first_person=bool(_CUES["first_person"].search(first)),
        asks=yes_no or wh or asks(first),
        wh=wh,
        who=asks_who and not applicant,
        asks_problem=bool(asking and _CUES["problem"].search(asking[-1])),
        asks_several=len(asked_clauses(first)) > 1,
        asks_summary=bool(
            _SUMMARY.search(asking_part(first)) and _CONDITIONS.search(asking_part(first))
        ),
    )


# A request for the call's conditions as a whole: "pouvez-vous me résumer les conditions
# principales ?", "une check-list de ce qu'il faut", "a short checklist of what we need".
_SUMMARY = re.compile(
    r"\b(?:résum\w*|resum\w*|synthèse|synthese|récapitul\w*|recapitul\w*|check-?list\w*"
    r"|summar\w*|overview|(?:main|key)\s+(?:conditions|requirements|rules|criteria)"
    r"|(?:conditions|critères|criteres|exigences|règles|regles)\s+(?:principales|essentielles)"
    r"|(?:principales|grandes)\s+(?:conditions|règles|regles|exigences))\b",
    re.I,
)


# What such a summary is of: the call's conditions, not one text's topic ("résumez ce que
# dit le décret sur la convention").
_CONDITIONS = re.compile(
    r"\b(?:conditions?|critères|criteres|règles|regles|exigences|obligations|requirements?"
    r"|criteria|rules|éligibilité|eligibilite|eligibility|ce qu['’]il faut|must contain"
    r"|(?:we|you) need|l['’]ami|l['’]appel|the call)\b",
    re.I,
)


# A second question coordinated with the first: "…, et sont-ils couverts", "and are they".
_AND_ASKS = re.compile(
    r",?\s+(?:et|and)\s+(?:[\wÀ-ÿ]+-(?:ils?|elles?|on|nous|vous|t-ils?|t-elles?|t-on)\b"
    r"|(?:are|is|can|do|does|will|would) (?:they|we|it|there)\b"
    # A second request: "préciser le rôle…, et nous dire si…", "and tell us whether".
    r"|(?:nous |me |us )?(?:dire|indiquer|préciser|expliquer|confirmer|tell|explain"
    r"|confirm)\b"
    # A second question with a subject of its own, split before it: "… and is training
    # included?"; in French after a comma only ("…, et la formation est-elle incluse ?"),
    # since "les salariés et les bénévoles sont-ils couverts ?" asks once of both.
    r"|(?=(?:is|are|can|does|do|will|must|should|has|have)\s+(?:the\s+|our\s+|a\s+|an\s+)?"
    r"(?!it\b|they\b|we\b|there\b)[a-z]+(?:\s+[a-z]+){0,2}?\s+(?:included|eligible|allowed|"
    r"required|covered|funded|paid|possible|needed|counted|accepted)\b))"
    r"|,\s+et\s+(?=(?:le|la|les|l['’]|notre|nos|votre|vos|leur|leurs)\s*[\wÀ-ÿ'’-]+"
    r"(?:\s+[\wÀ-ÿ'’-]+){0,3}?\s+[\wÀ-ÿ]+-(?:t-)?"
    r"(?:ils?|elles?)\b)"
    # "À qui l'adresser, et est-ce qu'on peut le déposer en ligne ?".
    r"|,?\s+et\s+(?=est[- ]ce\s+qu)"
    # A second wh-question: "de quel décret s'agit-il, et depuis quand est-il applicable ?",
    # "who signs it, and for how long?".
    # "… must be addressed, and whether it may be submitted electronically?".
    r"|,\s+and\s+(?=whether\b)"
    # "is there a floor on total project cost, and do training costs count towards it?".
    r"|,\s+and\s+(?=(?:is|are|can|could|does|do|did|will|would|must|should|has|have)\s)"
    r"|,\s+(?:et|and)\s+(?=(?:(?:depuis|pour|à partir de|jusqu['’]à|avec|par|auprès de|since"
    r"|for|until|with|by|to)\s+)?(?:quand|combien|comment|où|qui|quel\w*|pourquoi|when|how"
    r"|who|whom|what|which|where|why)\b)",
    re.I,
)


def asked_clauses(focus: str) -> list[str]:
    """The things a question asks, one per clause: its question sentences, each split
    where a second question is coordinated with the first. A question pointing back to
    several points ("… s'ils toucheraient quelque chose, et l'autre question est celle de
    leur couverture sociale. Pouvez-vous éclairer ces deux points ?") asks the statement's
    parts."""
    sentences = [s.strip() for s in _SENTENCE.findall(focus) if s.strip()]
    clauses: list[str] = []
    for i, sentence in enumerate(sentences):
        if not sentence.endswith("?"):
            continue
        if i and not sentences[i - 1].endswith("?") and _POINTS_COUNTED.search(sentence):
            clauses += _STATED_PARTS.split(sentences[i - 1])
        else:
            clauses += _AND_ASKS.split(sentence)
    return [c.strip() for c in clauses if c.strip()]


# Several points pointed back to: "ces deux points", "these two questions".
_BOTH_POINTS = re.compile(
    r"\b(?:(?:les|ces)\s+deux\s+(?:points?|affirmations?|sujets?|questions?)|both\s+points)\b",
    re.I,
)
_POINTS_COUNTED = re.compile(
    r"\b(?:ces|these|those)\s+(?:deux|trois|quatre|2|3|4|two|three|four)\s+[\wÀ-ÿ]+", re.I
)
# Where a statement's points part: ", et l'autre…", "; ", ", and…".
_STATED_PARTS = re.compile(r",?\s+(?:et|and)\s+(?=(?:l['’]|la\s|le\s|les\s|the\s|leur\s))|;\s+")


# Several files where one could do: "trois projets séparés", "separate applications".
FILES_APART = (
    r"\b(?:deux|trois|quatre|plusieurs|des|two|three|several)\s+(?:projets|dossiers|candidatures"
    r"|projects|applications|bids)\s+(?:séparés|separes|distincts|différents|differents"
    r"|séparément|separately|apart)\b|\bseparate\s+(?:projects|applications|bids|files)\b"
)


# Applying alone or with others asks how to apply, not whether the project qualifies:
# "peut-on répondre seuls ou faut-il s'associer ?", "can we apply together?".
_HOW_TO_APPLY = re.compile(
    r"\b(?:candidater|postuler|répondre|repondre|déposer|deposer|apply|applying)\b"
    r"(?:\s+[\wÀ-ÿ'’-]+){0,2}?\s+(?:seule?s?|ensemble|à plusieurs|a plusieurs|en groupement"
    r"|en consortium|avec (?:d['’]autres|une autre|un autre|plusieurs|deux|trois)|alone"
    r"|together|jointly|with (?:other|another|two|three|several)"
    # With a partner named: "répondre avec l'association de quartier", "apply with our
    # partner"; not with a budget or a project.
    r"|(?:avec|with)\s+(?:l['’]|la\s|le\s|les\s|une?\s|des\s|notre\s|nos\s|leurs?\s|the\s"
    r"|an?\s|our\s)\s*(?!budgets?|projets?|projects?|montants?|amounts?|co[uû]ts?|costs?"
    r"|dossiers?|files?|financements?)[\wÀ-ÿ]{3,})\b"
    # Filing it some way or somewhere: "si on peut la déposer en ligne ou s'il faut passer
    # en préfecture", "can we submit it online?".
    r"|\b(?:candidater|postuler|déposer|deposer|envoyer|transmettre|apply|submit|send)\b"
    r"(?:\s+[\wÀ-ÿ'’-]+){0,3}?\s+(?:en ligne|par voie|par (?:e-?)?mail|par courriel|par courrier"
    r"|par la poste|sur (?:une|la) plateforme|en préfecture|à la préfecture|au préfet|online"
    r"|by (?:e-?)?mail|by post|electronically|on (?:a|the) platform)\b"
    # One file for all or one each: "déposer ce projet commun ou trois projets séparés ?",
    # "a joint bid or separate applications?".
    rf"|{FILES_APART}",
    re.I,
)


# An English question opening on its verb, whose subject is the number: "is the number…",
# "…, or is the number of agreements limited?".
_AUXILIARY_BEFORE = re.compile(
    r"(?:^\W*|\b(?:or|and|but)\s+)(?:is|are|was|will|would|does|do|did|can|could|has|have"
    r"|should|must)\s+the\s+(?:\w+\s+)?$",
    re.I,
)


# "Le fait d'être pile au seuil pose-t-il problème ?": the situation just described.
_THE_FACT = re.compile(r"^(?:et |mais |alors |donc )?le fait (?:de |d['’]|que |qu['’])", re.I)


# "Pouvez-vous me confirmer que notre projet rentre dans les clous ?": what follows is to
# be assessed, however long.
_CONFIRM_THAT = re.compile(
    r"\b(?:confirm\w*|vérifi\w*|check)\s+(?:(?:nous|me|moi|us)\s+)?(?:que|qu['’]|si|s['’]|that"
    r"|whether|if)\s*",
    re.I,
)


# "Voyez-vous un point bloquant ?", "do you see any issue?": the reader's judgement asked
# on what was described (not "y a-t-il un point bloquant dans la loi ?").
_READER_SEES = re.compile(r"\b(?:voyez-vous|vois-tu|do you see|can you see)\b[^?.!]{0,30}", re.I)


# The project just described, named by a demonstrative as what is judged: "Ce projet vous
# paraît-il recevable ?", "… si ce montage est recevable", not "Un CCAS peut-il déposer ce
# dossier ?", which asks who may apply.
_THIS_PROJECT = re.compile(
    r"(?:^\W*|\b(?:que|qu['’]|si|s['’]|whether|if|that)\s+)"
    r"(?:ce|cet|cette|ces|this)\s+(?:projets?|dossiers?|parcours|budgets?|montages?|candidatures?"
    r"|project|plan|proposal|bid)\b",
    re.I,
)


def _asks_assessment(focus: str) -> bool:
    """ "Est-ce suffisant ?", "ça passe ?", "c'est bloquant ?": whether the stated facts
    qualify, or whether what was just described is a problem."""
    sentences = _SENTENCE.findall(focus) or [focus]
    confirm = _CONFIRM_THAT.search(sentences[-1])
    if confirm and _CUES["assess"].search(sentences[-1], confirm.end()):
        return True
    sees = _READER_SEES.search(sentences[-1])
    if sees and _CUES["problem"].search(sees[0]):
        return True
    if _BARE_ELIGIBLE.match(sentences[-1]):
        return True
    last = _CLAUSE.split(sentences[-1])[-1].strip()
    if len(_WORDS.findall(_MEASURED_AGAINST.sub("", last))) > ASSESS_MAX_WORDS:
        return False
    if _GENERIC_SUBJECT.match(last):
        # "… ou un envoi en ligne suffit-il ?": a thing of any candidate's, named, is what
        # is weighed, not the facts stated.
        return False
    # "Notre siège breton est-il un obstacle ?": a part of the candidate's own project.
    points_back = bool(
        _POINTS_BACK.match(last) or _THE_FACT.match(last) or _OWN_OPENING.match(last)
    )
    return bool(_CUES["assess"].search(last) or (points_back and _CUES["problem"].search(last)))


# A clause opening on an indefinite noun, its subject: "ou un envoi en ligne suffit-il ?",
# "or would a paper copy do?" (not "un budget de 140 000 €, ça passe ?", which then
# points back).
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?:ou|et|mais)\s+)?(?:un|une)\s+[\wÀ-ÿ'’-]+(?:\s+[\wÀ-ÿ'’-]+){0,3}"
    r"\s+(?:suffit|suffira|suffirait|passe|passerait|convient)\b"
    r"|^(?:(?:or|and)\s+)?(?:is|would|will)\s+(?:a|an)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3}"
    r"\s+(?:be\s+)?(?:enough|do|fine|ok|okay|sufficient)\b",
    re.I,
)


# "éligible ?", "alors, on est éligibles ?", "eligible now?": the word alone asks whether
# what was stated qualifies (not "les frais km, éligibles ?", which names what it asks of).
_BARE_ELIGIBLE = re.compile(
    r"^\W*(?:(?:et|mais|donc|alors|du coup|bon|ok|so|and)\W+)*"
    r"(?:(?:c'est|c|ça|ca|on est|on serait|nous sommes|is it|is that|are we|we're|we are)\s+)?"
    r"(?:(?:bien|donc|alors|toujours|still|then)\s+)?(?:éligibles?|eligibles?)"
    r"\s*(?:(?:alors|donc|du coup|then|now)\s*)?\?*\s*$",
    re.I,
)


# "du coup, notre budget tient la route ?", "et nos parcours, ça va ?": a short question
# opening on the candidate's own project or one of its parts.
_OWN_OPENING = re.compile(
    r"^\W*(?:(?:et|mais|donc|alors|du coup|bon|ok|so|and)\W+)*(?:notre|nos|our)\s+[\wÀ-ÿ'’-]+",
    re.I,
)
OWN_MAX_WORDS = 8


# Whether what was just said tells against the bid: "ça peut jouer contre nous ?", "c'est
# un problème ?", "will that count against us?".
_TELLS_AGAINST = re.compile(
    r"\b(?:jou\w*\s+contre|pos\w*\s+(?:un\s+)?probl[eè]mes?|(?:un|le)\s+probl[eè]me"
    r"|pénalis\w*|desservi\w*|(?:est|serait|c['’]est)\s+grave"
    r"|count\w*\s+against|hold\w*\s+(?:it\s+)?against|(?:a|an)\s+(?:problem|issue)"
    r"|penali[sz]\w*|hurt\w*)",
    re.I,
)


def about_own_project(question: Question) -> bool:
    """Whether a short question asks how the candidate's own project fares ("notre budget
    tient la route ?", or of what was just said "ça peut jouer contre nous ?"): once its
    facts are known, the checker's verdict answers it."""
    focus = question.focus.strip()
    return (
        focus.endswith("?")
        and not question.wh
        and not question.kinds
        and bool(_OWN_OPENING.match(focus) or (points_back(focus) and _TELLS_AGAINST.search(focus)))
        and len(_WORDS.findall(focus)) <= OWN_MAX_WORDS
    )


# "Qu'est-ce qui nous manque encore ?", "ce qu'il manque à notre dossier", "what else is
# missing?": every fact the checker still lacks is asked for, not a count of them.
_MISSING_ASKED = re.compile(
    r"\b(?:(?:qu|s)['’]il|ce\s+qui|qu['’]est-ce\s+qui)\s+(?:nous\s+|vous\s+|me\s+|leur\s+)?"
    r"manque(?:rait)?\b|\bmanque(?:-t|rait)-il\b"
    r"|\bwhat(?:['’]s|\s+is|\s+else\s+is)?\s+(?:still\s+)?missing\b"
    # "Avons-nous oublié quelque chose ?", "did we miss anything?"
    r"|\b(?:oubli[ée]e?s?|omis)\s+(?:quelque\s+chose|qqch|quoi\s+que\s+ce\s+soit|un\s+[ée]l[ée]ment)\b"
    r"|\b(?:forg[eo]t\w*|miss(?:ed)?|overlook(?:ed)?|left\s+out)\s+(?:anything|something)\b",
    re.I,
)


def asks_what_is_missing(question: Question, whole: bool = False) -> bool:
    """Whether the question (``whole``: its message) asks what the candidate's file or
    facts still lack."""
    return bool(_MISSING_ASKED.search(question.text if whole else question.focus))


# Words that only link a turn to the one before: "Du coup c'est quoi le souci ?".
_DISCOURSE_WORDS = frozenset("then so now well coup alors donc bon ben finalement".split())


def asks_what_fails(question: Question) -> bool:
    """Whether a short wh-question asks what is wrong ("Qu'est-ce qui coince ?", "Où est
    le problème ?") without naming what of: of the candidate's project, which the
    checker's verdict answers once its facts are known."""
    topic = [
        w
        for w in content_words(question.focus)
        if not _CUES["problem"].search(w) and w.lower() not in _DISCOURSE_WORDS
    ]
    return question.wh and question.asks_problem and not question.kinds and not topic


# A supposition: "et si on passait à 140 000 € ?", "si on montait à 155 000 €, ça
# passerait ?" (si + imperfect), "what if we cut the budget to 135k?".
_SUPPOSE = r"(?:imaginons|supposons|admettons)"
_HYPOTHETICAL = re.compile(
    # "Imaginons que…" supposes; "nous imaginons un projet…" describes the plan.
    rf"\b(?:et si|et s['’](?=ils?\b)|what if|hypoth\w*|(?<!nous ){_SUPPOSE}|par hypoth\w*)\b"
    # "même si la salle était glaciale" concedes, it supposes nothing; "se demande si l'AMI
    # pourrait le financer" asks, indirectly.
    r"|(?<!même )(?<!meme )(?<!demande )(?<!demandons )(?<!demandent )(?<!demander )"
    r"(?<!savoir )(?<!sais )(?<!savons )(?<!dire )(?<!confirmer )(?<!vérifier )(?<!préciser )"
    r"\bsi\b[^,;:.?!]{0,30}?\b\w{2,}(?:ait|aient|ions)\b"
    r"|\bif we (?:cut|raised|reduced|increased|lowered|went|moved|switched|were)\b",
    re.I,
)
# A plan of one's own, weighed in the present: "ok et si on ouvre aussi une antenne à
# Niort, ça passe ?", "et si chaque personne est suivie 15 mois ?" (not "si on passait
# à…", "si le projet durait…", "hypothétiquement, si…").
_CONSIDERED = lenient(
    rf"^\W*(?:(?:{ACKNOWLEDGEMENTS}|alors|et|mais)\b[\s,]*)*(?:si\s+|s['’](?=ils?\s))"
    # "et si, sur ces 170 000 €, 25 k€ servent à payer des formations ?": the part of a
    # whole named before the plan.
    r"(?P<plan>(?:(?:sur|dans|de|parmi)\s+(?:ces|ce|cette|les|le|la|nos|notre)\s+[^,;:?!]{1,30}"
    r",\s*)?"
    # "on fait" is the present tense (one letter before "ait"); "on passait" the imperfect.
    # "s'il passe à 160 000 €": the pronoun takes up the cost or the length said before.
    r"(?:(?:on|nous|ils?)\s+(?![\wÀ-ÿ'’]{2,}(?:ait|aient|ions)\b)"
    # "et si chaque personne est suivie 15 mois ?": a plan whose subject is named, or is an
    # amount ("et si 25 k€ vont aux formations ?").
    r"|(?:chaque|les|le|la|l['’]|nos|notre|ces|ce|cette|[0-9][0-9  .,]*\s*(?:k€|m€|€|k|keur"
    r"|euros?))\s*[\wÀ-ÿ'’-]+\s+"
    r"(?![\wÀ-ÿ'’]*(?:ait|aient)\b))[^,;:?!]+)",
    re.I,
)


def _weighed_plan(text: str) -> str | None:
    """The plan of "et si on ouvre aussi une antenne à Rennes ?", stated as a fact, when it
    names a place, an amount or a length ("et si on est plusieurs ?" asks how)."""
    plan = _CONSIDERED.match(text)
    # Being chosen is no plan to weigh: "Et si nous sommes retenus pour trois ans,
    # pourra-t-on continuer ensuite ?" asks what follows.
    if (
        plan
        and not _IF_CHOSEN.search(text)
        and (
            find_places(plan["plan"])
            or any(KIND_GIVEN[kind].search(plan["plan"]) for kind in ("amount", "duration"))
        )
    ):
        return f"{plan['plan'].strip()}."
    return None


# What opens a supposition: "et si", "imaginons qu'", "supposons que", "par hypothèse, si".
_SUPPOSING = lenient(
    rf"^\W*(?:(?:ok|alors|et|mais|donc|{GREETINGS}|hey|salut)\b[\s,]*)*"
    # Not a bare "si": "si on met les formations dans le budget, ça compte ?" asks in
    # general terms.
    rf"(?:et\s+s(?:i\b|['’](?=ils?\b))|what\s+if|{_SUPPOSE}(?:\s+qu['’]|\s+que\b)?"
    r"|(?:par\s+)?hypoth\w*\s*,?\s*(?:si\b)?)\s*",
    re.I,
)


# A bare "si" or "if" supposes when its verb is in the past: "si on passait à 140 000 €,
# ça passerait ?", "if we reduced each pathway to 10 months, would that work?"; not "si on
# met les formations dans le budget, ça compte ?", which asks in general.
_IF_PAST = lenient(
    rf"^\W*(?:(?:ok|alors|et|mais|donc|and|so|but|{GREETINGS}|hey|salut)\b[\s,]*)*"
    r"(?:si\s+|if\s+|s['’](?=ils?\b))"
    r"(?=[^,;:?!]*?(?:\b[\wÀ-ÿ]{2,}(?:ait|aient)\b|\bnous\s+[\wÀ-ÿ]{2,}ions\b"
    r"|\b(?:we|our\s+\w+|the\s+\w+|each\s+\w+)\s+(?:were|was|had|[a-z]{3,}ed|ran|cut|spent"
    r"|kept|paid|went)\b))",
    re.I,
)


def suppositions(message: str) -> list[str]:
    """The plans a message supposes rather than states ("et si on passait à 140 000 € ?",
    "imaginons qu'on ait 149 000 € sur trois ans, c'est refusé ?"), each as the clause it
    supposes, stated: "on passait à 140 000 €.", "on ait 149 000 € sur trois ans."."""
    found = []
    for match in _SENTENCE.finditer(message):
        sentence = match.group().strip()
        past_if = _IF_PAST.match(sentence)
        if not (past_if or _HYPOTHETICAL.search(sentence)) or _IF_CHOSEN.search(sentence):
            continue
        if _weighed_plan(sentence):
            continue  # a plan weighed in the present is stated already
        opener = _SUPPOSING.match(sentence) or past_if
        if not opener:
            continue
        # The supposed plan, not what is asked of it: "…, dont 15 000 € de formation : ça
        # passe ?" keeps the training and drops "ça passe ?".
        first, *rest = _CLAUSE.split(sentence[opener.end() :])
        kept = [first.strip()]  # "et si le parcours durait 14 mois ?" asks of itself
        for clause in rest:
            if _is_interrogative(clause):
                break
            kept.append(clause.strip())
        plan = ", ".join(c for c in kept if c).rstrip("?!. ")
        if plan:
            found.append(f"{plan}.")
    return found


def stating_sentence(question: str, message: str) -> str | None:
    """The sentence of ``message`` stating a figure that ``question`` restates: "la durée
    de 18 mois est-elle acceptable ?" is about "des parcours de 18 mois par personne"."""
    figures = [
        " ".join(m.group().split())
        for kind in ("duration", "amount")
        for m in KIND_GIVEN[kind].finditer(question)
    ]
    for match in _SENTENCE.finditer(message) if figures else ():
        sentence = match.group().strip()
        flat = " ".join(sentence.split())
        if not sentence.endswith("?") and any(f in flat for f in figures):
            return sentence
    return None


# "ça" or "c'est" taking up what precedes it, judged: "45k/an sur 3 ans ça suffit ?",
# "un parcours de 14 mois c jouable ?".
_RESUMED = lenient(
    r"\s(?:ça|cela|c['’]est|c)\s+(?:[\wÀ-ÿ'’]+\s+){0,2}?(?:suffi\w*|passe\w*|va\b|tient"
    r"|jouable|assez|bon|ok|conformes?|acceptables?)\b",
    re.I,
)


def statements_of(message: str) -> str:
    """The message without the questions it asks in general terms, or suppositions.

    "Notre budget est de 120 000 €" and "notre projet à Laval est-il éligible ?"
    state the candidate's facts; "la convention peut-elle être prolongée après les
    3 ans ?" or "c'est quoi les invisibles ?" only name a topic, and "et si on
    passait à 140 000 € ?" supposes a change: the checker must not read either as
    the candidate's project.
    """
    kept: list[str] = []
    previous_end = 0
    for match in _SENTENCE.finditer(message):
        sentence = match.group()
        # A line break between sentences stays: the fact reader tells lines apart.
        if kept and "\n" in message[previous_end : match.start()]:
            kept.append("\n")
        previous_end = match.end()
        if _HYPOTHETICAL.search(sentence) and not _IF_CHOSEN.search(sentence):
            if plan := _weighed_plan(sentence):
                kept.append(plan)
            continue
        clauses = _CLAUSE.split(sentence)
        # After a comma, in a sentence that does not end on a question mark, "qui sera
        # chef de file" is a relative clause, not a question.
        relative = not sentence.rstrip().endswith("?")
        asking = next(
            (
                i
                for i, c in enumerate(clauses)
                if _is_interrogative(c, relative_wh=relative and i > 0)
            ),
            None,
        )
        if asking is None or _CUES["first_person"].search(sentence):
            kept.append(sentence)
        else:
            # "210 000 € sur trois ans en Vendée, est-ce suffisant ?": what comes
            # before the question is stated; so is what "ça" takes up in "45k/an sur 3 ans
            # ça suffit ?".
            kept.extend(clauses[:asking])
            if resumed := _RESUMED.search(clauses[asking]):
                kept.append(clauses[asking][: resumed.start()])
    out = ""
    for piece in kept:
        if piece == "\n":
            out = out.rstrip(" ") + "\n"
        elif piece.strip():
            out += ("" if not out or out.endswith("\n") else " ") + piece.strip()
    return re.sub(r"\n{2,}", "\n", out).strip()


def asks_at(message: str, position: int) -> bool:
    """Whether the clause of ``message`` holding ``position`` is the one that asks."""
    for sentence in _SENTENCE.finditer(message):
        if not sentence.start() <= position < sentence.end():
            continue
        # The same clauses as ``statements_of`` reads: cut at commas, semicolons, colons.
        start, end = sentence.start(), sentence.end()
        for cut in _CLAUSE.finditer(message, sentence.start(), sentence.end()):
            if position < cut.start():
                end = cut.start()
                break
            start = cut.end()
        # "Our structure (SIAE) wants to know if…": who wonders is not what is asked.
        wish = _INDIRECT.search(message, start, end)
        if wish and position < wish.start():
            return False
        # "Il paraît que la certification Qualiopi est obligatoire, vous confirmez ?": the
        # claim is what a bare confirmation after it asks about.
        if _CONFIRMATION_TAIL.match(message, end, sentence.end()):
            return True
        return _is_interrogative(message[start:end])
    return False


# A bare request to confirm what the clause before said.
_CONFIRMATION_TAIL = re.compile(
    r"\W*(?:vous\s+(?:me\s+|nous\s+)?confirmez|confirmez-vous|c['’]est\s+(?:bien\s+)?(?:ça|ca"
    r"|vrai|exact|juste|correct)|c\s+vrai|non|n['’]est-ce\s+pas|right|true|correct"
    r"|is\s+(?:that|this|it)\s+(?:right|true|correct|so)|isn['’]t\s+it|am\s+i\s+right)\W*\?\s*$",
    re.I,
)


def _is_interrogative(clause: str, *, relative_wh: bool = False) -> bool:
    """``relative_wh``: a clause opening on "qui", "où"… is relative, not a question."""
    clause = clause.strip()
    return bool(
        _ASKS.search(clause)
        or _INDIRECT.search(clause)
        or _CUES["yes_no"].search(clause)
        or (not relative_wh and _WH_START.match(clause))
    )


def questions_of(message: str) -> list[str]:
    """Each question of a message, in order; empty when none asks anything."""
    # focus_of joins the asking sentences, each ending on its punctuation: split them back.
    # A question read twice, with the statement before it and before the next question
    # that leans on it ("… Est-ce exact ? Et est-ce que cela nous oblige… ?"), is one.
    sentences = [s.strip() for s in _SENTENCE.findall(focus_of(message)) if s.strip()]
    sentences = [s for i, s in enumerate(sentences) if not i or s != sentences[i - 1]]
    # So is one split out of a sentence the message also asks whole ("Ma responsable se
    # demande si A, et si B. Qu'en pensez-vous ?"): each once, where first asked, and the
    # whole sentence not again.
    parts: list[str] = []
    for q in (q for s in _question_sentences(sentences) for q in _joined_questions(s)):
        if q not in parts and not any(_asks_again_whole(p, q) for p in parts):
            parts.append(q)
    return parts


def _asks_again_whole(part: str, sentence: str) -> bool:
    """Whether ``sentence`` asks ``part`` again, then more of it ("…, et si B")."""
    head = part.rstrip(" .?!")
    return sentence.startswith(head) and bool(
        re.match(r"\s*,\s*(?:et|and)\s+(?:si|s['’]|if|whether)\b", sentence[len(head) :])
    )


# "À quel préfet devons-nous écrire, et l'activité à Bressuire peut-elle être financée ?":
# a second question joined on, with its own inverted subject, is a question of its own.
# Not one opening on a wh-word ("…, et qui va l'examiner ?"), which shares the first one's
# topic and is answered with it.
# One lazy part before the comma and none able to span it: linear on any sentence.
# The second may open on a condition of its own ("…, et si nous montons le projet avec
# une autre structure, faut-il qu'une des deux prenne la tête ?").
_SECOND_QUESTION = re.compile(
    r"^(?P<first>[^?]+?)[ ]*,[ ]*(?:et|mais|and|but)[ ]+"
    r"(?P<second>(?:(?:si|s['’]|if|when|quand|lorsque?)\b[^,;?]+,[ ]*)?[^,;?]+\?)\s*$",
    re.I,
)
# Fewer words than this make no question of their own ("…, et comment ?").
SECOND_QUESTION_WORDS = 3


# Questions listed in one sentence, each opening on a wh-word or an inverted verb: "what's
# the minimum budget, can we apply with a partner, and how long is the agreement?".
# Alternatives ("…, or is the award subject to…?") are one question; a relative clause
# ("…, who remain registered…") continues the one before.
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*(?:(?:et|and)\s+)?", re.I)
_LAST_JOINED = re.compile(r"[,;]\s*(?:et|and)\s+[^,;]+$", re.I)
_RELATIVE_START = re.compile(
    r"^(?:(?:who|which|whom|whose)\b(?!\s+(?:do|does|did|can|could|should|will|would|must)\s+"
    r"(?:we|you|they|i|he|she|it|the)\b)|(?:qui|que|qu['’]|dont|où)\b)",
    re.I,
)
_INVERTED_START = re.compile(
    r"^(?:can|could|may|must|should|do|does|did|is|are|will|would|has|have"
    r"|y a-t-il|est-ce|[a-zà-ÿ]+-(?:t-)?(?:il|elle|ils|elles|on|nous|vous))\b",
    re.I,
)
LISTED_QUESTIONS = 3


def _listed_questions(sentence: str) -> list[str] | None:
    """The questions a sentence lists, three or more, each asking on its own; else None."""
    text = sentence.strip().rstrip(" ?")
    parts = _LIST_SEPARATOR.split(text)
    if (
        len(parts) < LISTED_QUESTIONS
        or not _LAST_JOINED.search(text)
        or any(_RELATIVE_START.match(p) for p in parts[1:])
        or not all(
            len(_WORDS.findall(p)) >= SECOND_QUESTION_WORDS
            and (_WH_START.match(p) or _INVERTED_START.match(p))
            for p in parts
        )
    ):
        return None
    mark = "?" if is_english(sentence) else " ?"
    return [f"{p[:1].upper()}{p[1:]}{mark}" for p in parts]


def _joined_questions(sentence: str) -> list[str]:
    """``sentence``, or its two questions when a second one is joined on after a comma; or
    the three or more it lists."""
    listed = _listed_questions(sentence)
    if listed:
        return listed
    joined = _SECOND_QUESTION.match(sentence)
    if not joined or not re.search(r"\w", joined["first"]):
        return [sentence]
    first, second = joined["first"], joined["second"]
    first_asks = _WH_START.match(_after_aside(first)) or _CUES["yes_no"].search(first)
    second_asks = _CUES["yes_no"].search(second) and not _WH_START.match(
        _PREPOSITION.sub("", second, count=1)
    )
    if not (first_asks and second_asks) or len(_WORDS.findall(second)) < SECOND_QUESTION_WORDS:
        return [sentence]
    mark = "?" if is_english(first) else " ?"  # French sets its question mark apart
    return [f"{first.rstrip()}{mark}", second[:1].upper() + second[1:]]
