"""The extractive answerer: sentence scoring, selection and composition.

It quotes the corpus: it picks the sentences of the retrieved passages that
best answer the question and cites each one. The same input always gives the
same output. Whether to answer at all is decided in ``scope``; the pipeline
that calls this lives in ``assistant``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from .checker import CheckReport, Dossier, RuleResult
from .corpus import TERM_ENTRY, Chunk
from .english import figures_line
from .followup import names_new_topic, with_antecedent
from .index import VectorIndex
from .numbers import find_amounts
from .places import find_places
from .provenance import LocalOrigin
from .question import (
    ASKING_WORDS,
    FACT_KINDS,
    FRAME_NOUNS,
    IN_THAT_CASE,
    RESTRICTIVE_WORDS,
    SOUGHT_KINDS,
    TEXT_CITED,
    Question,
    asked_clauses,
    asking_sentences,
    asks_what_fails,
    asks_what_is_missing,
    dates_beyond_names,
    dates_text,
    duration_holder,
    enumerates,
    gives_kind,
    plural_asked,
    swaps_holder,
    texts_named,
    whose,
    without_condition,
    without_reporting,
)
from .retrieval import (
    RetrievalResult,
    Retrieved,
    phrase_meanings,
    sentence_row_stems,
    term_bound_words,
    without_stray_terms,
)
from .rules import Source, load_rules
from .safety import is_instruction
from .text import (
    AGREEING_DETERMINERS,
    content_words,
    fold,
    normalize_match,
    stem,
    tokens,
    with_equivalents,
    word_forms,
)

if TYPE_CHECKING:
    from .matching import Served, Suggestion

# The lead quote answers; a second one only when it adds a fact close in relevance.
MAX_QUOTES = 2
RELATIVE_CUTOFF = 0.95
# A question asking two things at once ("sont-ils affiliés… ? peuvent-ils être rémunérés ?")
# takes a second quote from a little further down. Measured with `o2r eval`: 0.90 and 0.85
# gain the same readable case, no set loses one.
SEVERAL_CUTOFF = 0.9
# A question word held by more than this share of the candidate sentences ("projet",
# "formation") singles none out: a second quote holding it adds nothing asked. Measured
# with `o2r eval`: citation support up on every set, no case lost (0.0 loses one).
COMMON_SHARE = 0.05
# Beyond this similarity a second quote repeats the first.
REDUNDANCY = 0.9
# Measured on the development sets: a sentence is judged half on itself and half on
# its passage (a bare sentence lacks the context its passage gives), plus the share of
# the question's own words it contains.
SENTENCE_WEIGHT = 0.5
# How many other words of the question make the call's name no evidence of a sentence's
# topic (see ``score_candidates``).
CALL_NAME_DROPPED_FROM = 3
# Weight of the latent-term similarity (latent.py) within a sentence's own. Measured
# with `o2r eval` against none: lead accuracy and citation support up on every
# real-wording set, the seven blind sets +4 cases (0.2 and 0.3: +3, 0.4: +2).
LATENT_WEIGHT = 0.25
OVERLAP_WEIGHT = 0.1
ANSWER_KIND_BONUS = 0.06
UNSOURCED_PENALTY = 0.01
# A line that starts in mid-sentence and is no list item ("les personnes … ou - qui ne sont
# pas inscrites…", a page's torn layout) is quoted only when clearly better: a whole
# sentence elsewhere says the same.
FRAGMENT_PENALTY = 0.05
# How much of an idiom's corpus wording (``retrieval.phrase_meanings``) a sentence must
# say, by weight, to be the kind of answer the idiom asks for. Measured with `o2r eval`
# over every readable, probe and blind set: the idiom bonus alone gained 22 readable cases
# and lost 20 with the phrase table as it stood; with the loose readings narrowed (which
# authority examines, "en ligne de compte", working together with the network…) it gains
# 22 and loses 7, the blind sum unchanged.
MEANING_SHARE = 0.6
# Kinds read from the same words as an idiom of the phrase table (training paid for): the
# idiom's bonus counts for both, once.
IDIOM_KINDS = frozenset({"training"})
# A conversation keeps to its topic: "ok et il a été pris par qui ce texte ?" after a
# question on the national specifications is answered from the passages the previous
# answer quoted, when they are nearly as good. Measured with `o2r eval` over the eight
# blind sets: 0.04 to 0.06 gain two or three cases and heldout-14 one; 0.1 loses one
# on heldout-4 and one on heldout-5.
TOPIC_BONUS = 0.05
# A question about an article named by its number ("et le L. 5316-4 ?", "que dit l'article
# L. 5316-2 du code du travail ?"): the passage under that article's heading states it,
# whatever its words, and leads over those only citing the number.
ARTICLE_BONUS = 0.5
_ARTICLE_NUMBER = re.compile(r"\b([LRD])\.?\s?(\d{4}-\d+)\b(?:\s+du code du travail)?")
# How many other content words a question may hold and still be about the article alone.
ARTICLE_QUESTION_WORDS = 3


def articles_named(text: str) -> frozenset[str]:
    """The code articles ``text`` names by number ("L. 5316-4" as "L5316-4")."""
    return frozenset(f"{m[1]}{m[2]}" for m in _ARTICLE_NUMBER.finditer(text))


# A question asking for a reference or a date that names a kind of legal text ("quelle
# loi a créé ces organismes ?", "de quel décret s'agit-il, et depuis quand est-il
# applicable ?"): the document of that kind, its title's first word, gives them. Measured
# with `o2r eval`: for any question naming a kind, four cases lost where the text is only
# a frame ("the employment network the law refers to", "before the 2023 law").
TEXT_NAMED_BONUS = 0.05


def articles_asked(question: str) -> frozenset[str]:
    """The articles a question asks about as such, naming little else."""
    rest = content_words(_ARTICLE_NUMBER.sub(" ", question))
    return articles_named(question) if len(rest) <= ARTICLE_QUESTION_WORDS else frozenset()


# A sentence naming what a "quel(s) X" question asks about ("quels départements…?").
# Measured with `o2r eval`: 0.015 moved nothing; 0.03 without the rarity floor below
# lost a case ("on dépend de quel AMI ?" opened on any sentence naming an AMI).
SUBJECT_BONUS = 0.03
# A subject rarer than in about a quarter of the passages (BM25 idf).
SUBJECT_MIN_IDF = 1.3
# A glossary entry ("**Droit commun** : …") defines its term; it answers a question
# that names the term, while its definition's broad words match many others.
TERM_ENTRY_PENALTY = 0.05
# A sentence that hands a matter to another text or authority ("un décret fixe les
# conditions dans lesquelles…") names the matter without settling it: it answers only
# a question about who or which text decides.
DELEGATION_PENALTY = 0.08
_DELEGATES = re.compile(
    r"\b(?:fixe|fixent|précise|précisent|définit|définissent|détermine|déterminent|"
    r"encadre|encadrent)\s+(?:[\wÀ-ÿ'’]+\s+){0,3}?(?:les modalités|les conditions|le calendrier|"
    r"la procédure|le cadre|les règles)\b",
    re.I,
)


# A pronoun standing for what a statement said: "ça", "cela", "this", "that".
_STATEMENT_PRONOUN = re.compile(r"\b(?:ça|ca|cela|this|that)\b", re.I)
# A pronoun or possessive standing for something named before.
_POINTS_BACK = re.compile(
    r"\b(?:son|sa|ses|leur|leurs|il|elle|ils|elles|its|their|it|they|he|she)\b", re.I
)
# Where a term was read: "dans l'AMI", "in the decree".
_WHERE_READ = re.compile(
    r"\b(?:dans|in)\s+(?:l['’]|le |la |les |the |this )?(?:ami|appel|décret|decret|loi"
    r"|arrêté|arrete|cahier des charges|texte|call|decree|law|order)\b",
    re.I,
)


# Idioms naming no topic: whether something is allowed or required ("on a le droit de…",
# "des partenariats sont-ils attendus ?", "is a lead required?"), the case just asked.
_NO_TOPIC = re.compile(
    r"\b(?:le|du|the) (?:droit|right) (?:d[e'’]|to)\s*"
    r"|\b(?:est|sont|soit|soient|sera|seront)(?:-(?:t-)?(?:il|elle|ils|elles))?\s+"
    r"(?:attendu|requis|exigé|imposé)e?s?\b"
    r"|\b(?:is|are|be)\s+(?:it\s+|they\s+)?(?:required|expected|mandatory)\b"
    rf"|{IN_THAT_CASE.pattern}"
    # "il compte dans la sélection ?" asks whether it matters: not the criteria's "prise en
    # compte", nor "rendre compte".
    r"|\b(?:il|elle|ils|elles|ça|ca|cela)\s+(?:ne\s+)?compte(?:nt|ra|ront|rait)?\b"
    r"|\bcompte(?:nt)?-(?:t-)?(?:il|elle|ils|elles)\b"
    r"|\bcompte(?:nt|ra|ront)?\s+(?:dans|pour|aussi|vraiment|beaucoup)\b"
    # "c'est seulement une condition": how much, not "seul" (alone).
    rf"|\b(?:{'|'.join(RESTRICTIVE_WORDS)})\b",
    re.I,
)


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", normalize_match(text))


@dataclass(frozen=True)
class Citation:
    """One numbered source of an answer; ``quote`` is an exact slice of ``passage``."""

    n: int
    chunk_id: str
    doc_id: str
    title: str
    section: str
    page: int | None
    quote: str
    passage: str
    url: str | None = None
    reference: str | None = None
    # Whether ``url`` may be shown as a link (``provenance.is_official``; set by the
    # assistant, which knows the settings): other addresses are shown as plain text.
    official: bool = False
    origin: LocalOrigin | None = None

    @classmethod
    def of(cls, n: int, chunk: Chunk, quote: str) -> Citation:
        return cls(
            n=n,
            chunk_id=chunk.chunk_id,
            doc_id=chunk.doc_id,
            title=chunk.title,
            section=chunk.section,
            page=chunk.page,
            quote=quote,
            passage=chunk.text,
            url=chunk.source_url,
            reference=chunk.reference,
            origin=chunk.origin,
        )

    def label(self) -> str:
        where = self.section or ""
        if _alnum(where) == _alnum(self.title):
            where = ""  # a section named like its document adds nothing
        if self.page is not None:
            where = f"{where}, p. {self.page}" if where else f"p. {self.page}"
        return f"{self.title}" + (f" — {where}" if where else "")


def source_lines(citations: list[Citation]) -> list[str]:
    """One line per cited source: its marker, label, local origin, reference and link."""
    lines = []
    for c in {c.n: c for c in citations}.values():
        line = f"[{c.n}] {c.label()}"
        if c.origin:
            line += f" ({c.origin.label_fr()})"
        if c.reference:
            line += f". {c.reference}"
        if c.url:
            line += f". {c.url}" if c.official else f". Adresse non officielle : {c.url}"
        lines.append(line)
    return lines


@dataclass
class Answer:
    """What the assistant returns for one question."""

    question: str
    text: str
    citations: list[Citation]
    abstained: bool
    findings: CheckReport | None = None
    # The conversation's facts after this message (None when none were ever stated).
    dossier: Dossier | None = None
    # Whether this message itself stated project facts.
    facts_stated: bool = False
    retrieved: list[Retrieved] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    mode: str = "extractive"
    resolved_question: str = ""
    # The staff-validated answer served (mode "validated"), else None.
    validated: Served | None = None
    # Published answers to close questions, offered when none is served.
    suggestions: list[Suggestion] = field(default_factory=list)
    # The checker's paragraph when it opens the text (a reply draft gives it apart).
    verdict: str | None = None

    def sources_markdown(self) -> str:
        return "\n".join(source_lines(self.citations))

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "resolved_question": self.resolved_question,
            "text": self.text,
            "abstained": self.abstained,
            "mode": self.mode,
            "notices": self.notices,
            "citations": [asdict(c) for c in self.citations],
            "findings": self.findings.to_dict() if self.findings else None,
            "validated": self.validated.to_dict() if self.validated else None,
            "suggestions": [s.to_dict() for s in self.suggestions],
            "retrieved": [
                {
                    "rank": r.rank,
                    "chunk_id": r.chunk.chunk_id,
                    "doc_id": r.chunk.doc_id,
                    "score": r.score,
                }
                for r in self.retrieved
            ],
            "timings": self.timings,
        }


# ---------------------------------------------------------------- sentences


@dataclass(frozen=True)
class Candidate:
    """A quotable span of a retrieved passage and how well it answers."""

    hit: Retrieved
    start: int  # offsets within the chunk text
    end: int
    score: float
    vector: np.ndarray
    # For one item of a list: the lead-in line that says what the list is.
    lead_in: str | None = None
    # The latent-term share of ``score``: further quotes are judged without it, since it
    # widens the gap between the best sentence and the next (the rest is unchanged).
    latent: float = 0.0

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]

    @property
    def quote(self) -> str:
        """What is shown between quotation marks: a list kept with its lead-in line, as one
        block (Markdown starts a list after a line of text without a blank line)."""
        body = _BLANK_BEFORE_ITEM.sub("\n", self.text.strip())
        return f"{self.lead_in} […] {body}" if self.lead_in else body


_BULLET = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)])\s+")
_BLANK_BEFORE_ITEM = re.compile(r"\n[ \t]*\n(?=[ \t]*[-*•▪◦–][ \t])")
# A sentence opening on an anaphor ("Ce chapitre comprend…") finishes the one before.
_ANAPHOR = re.compile(r"^(?:Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|C'est|Celui-ci|Ceux-ci)\b")
MAX_QUOTE_CHARS = 450
_MARKUP = re.compile(r"\*\*|__")
# In an entry, what the term itself does: "**DREETS** : … ; elle instruit les candidatures".
# It answers a who-question whatever verb that uses ("qui examine les dossiers ?").
_TERM_VERB = re.compile(r"[;,]\s+(?:il|elle|ils|elles)\s+([\wÀ-ÿ]+)", re.I)


def _term_does(entry: str, asked: set[str]) -> bool:
    """Whether a glossary entry's term does what the question asks about in its words
    ("Qui instruit les candidatures ?"), or in the corpus words an English one maps to
    ("Which body examines the applications?")."""
    return any(stem(m.group(1)) in asked for m in _TERM_VERB.finditer(entry))


# The call's own names: nearly every question says them ("un truc O2R, on est payé ?").
_CALL_NAMES = frozenset({"o2r", "ami"})


def _names_term(term: str, own_words: set[str], definition: bool) -> bool:
    """Whether a question names a glossary entry's term; by the call's own names only
    when it asks what they mean ("c'est quoi O2R ?")."""
    named = own_words & word_forms(term)
    return bool(named if definition else named - _CALL_NAMES)


@functools.cache
def _heading_forms(title: str, section: str) -> frozenset[str]:
    """A passage's document and section titles, normalised (asked of every sentence)."""
    names = [title, *section.split(" > ")]
    return frozenset(normalize_match(n).strip(" .:") for n in names if n)


def _is_title(sentence: str, chunk: Chunk) -> bool:
    """A document or section title repeated in the text states nothing."""
    return normalize_match(sentence).strip(" .:") in _heading_forms(chunk.title, chunk.section)


def _line_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _list_after(text: str, end: int) -> int:
    """End offset of the list items that follow a lead-in line ending at ``end``."""
    stop = end
    for line in re.finditer(r"[^\n]+", text[end:]):
        if not _BULLET.match(line.group().lstrip()):
            break
        stop = end + line.end()
    return stop


def _asks_what(question: Question) -> bool:
    """Whether ``question`` asks what something is or holds, not a fact, a who or a how."""
    return question.wh and not (question.kinds or question.who or question.how)


# The next sentence taking up a noun of the one before: "… répond au référentiel
# d'activités. Ce référentiel attend trois choses : …".
_TAKEN_UP = re.compile(r"\s*(?:Ce|Cet|Cette|Ces)\s+([\wÀ-ÿ-]+)")


def _elaborates(first: Candidate, longer: Candidate) -> bool:
    """Whether ``longer`` goes on from ``first`` with a sentence saying what a noun of it
    names, which a question asking what that is wants quoted with it."""
    taken_up = _TAKEN_UP.match(longer.hit.chunk.text, first.end)
    return bool(taken_up) and stem(taken_up[1].lower()) in set(tokens(first.text))


def _with_continuation(text: str, a: int, b: int, following, offset: int) -> int:
    start, end = following.start - offset, following.end - offset
    same_line = "\n" not in text[b:start]
    lead_in = text[start:end].rstrip().endswith(":")
    if same_line and not lead_in and _ANAPHOR.match(text[start:end]) and end - a <= MAX_QUOTE_CHARS:
        return end
    return b


def _lead_in_of(text: str, a: int) -> str | None:
    """The line ending with ':' that introduces the list item starting at ``a``."""
    line_start = _line_start(text, a)
    if not _BULLET.match(text[line_start:a] + text[a : a + 1]) and not _BULLET.match(
        text[line_start:]
    ):
        return None
    pos = line_start
    while pos > 0:
        prev_start = _line_start(text, pos - 1)
        line = text[prev_start : pos - 1].strip()
        if not line:
            pos = prev_start
            continue
        if _BULLET.match(line):
            pos = prev_start
            continue
        if line.endswith(":"):
            *before, lead_in = re.split(r"(?<=[.!?])\s+", _MARKUP.sub("", line))
            return _named_subject(lead_in.strip(), before[-1] if before else "")
        return None
    return None


# A lead-in whose subject is a pronoun ("Elle comporte notamment :") and the subject of
# the sentence before, which it stands for ("La convention est conclue…").
_PRONOUN_SUBJECT = re.compile(r"^(?P<pronoun>Il|Elle|Ils|Elles)\b")
_SUBJECT_OF = {
    pronoun: re.compile(rf"^(?:{determiners})\s+[\wÀ-ÿ-]+", re.I)
    for pronoun, determiners in AGREEING_DETERMINERS.items()
}


# Where the head of a sentence ends: its first aside, clause or sentence end.
_HEAD_END = re.compile(r"\s*[(,;:]|[.!?](?:\s|$)")
HEAD_MAX_CHARS = 160


def _paragraph_head(text: str, a: int) -> str | None:
    """The head of the first sentence of the paragraph holding offset ``a``, when that
    sentence comes before ``a``: "L'article 7 de la loi … ajoute au code du travail un
    chapitre VI"."""
    start = _line_start(text, a)
    first = text[start:a].strip()
    if not first:
        return None
    end = _HEAD_END.search(first)
    head = first[: end.start()] if end else first
    if len(head) > HEAD_MAX_CHARS:
        head = head[:HEAD_MAX_CHARS].rsplit(" ", 1)[0]
    return head or None


def _named_subject(lead_in: str, before: str) -> str:
    """``lead_in`` with a subject pronoun replaced by what it stands for, in brackets as
    in a legal quotation: "[La convention] comporte notamment :"."""
    pronoun = _PRONOUN_SUBJECT.match(lead_in)
    subject = _SUBJECT_OF[pronoun["pronoun"].lower()].match(before) if pronoun else None
    if not subject:
        return lead_in
    return f"[{subject.group()}]{lead_in[pronoun.end() :]}"


# Passages holding one of this many best sentences are read too, even if retrieval
# ranked them low: a long passage mixing topics can hide the one deciding sentence.
SENTENCE_POOL = 20


# Passages holding one of this many best sentences that give the kind of fact asked
# for (an amount, a duration…): "le budget plancher" must reach "pas inférieur à 150 000 €"
# even when the wording shares nothing with it.
KIND_POOL = 3


# Passages holding one of this many sentences sharing the question's rarest words:
# "le logement, la santé tout ça" reaches "(santé, logement, mobilité…)" in a long
# passage whose vector, and the sentence's, speak of other things.
LEXICAL_POOL = 3
# What makes a word rare enough for that, and how many a sentence must share.
LEXICAL_MIN_IDF = 2.3
LEXICAL_MIN_SHARED = 2


def _passages_to_read(
    result: RetrievalResult,
    index: VectorIndex,
    matrix: np.ndarray,
    qvec: np.ndarray,
    kinds: tuple[str, ...] = (),
    topic: frozenset[str] = frozenset(),
    words: dict[str, float] | None = None,
    articles: frozenset[str] = frozenset(),
) -> list[Retrieved]:
    """The retrieved passages and each leg's first, then those the conversation quoted
    (``topic``) or headed by an article the question names, then those holding the
    sentences nearest the question, giving the kind of fact it asks, or sharing its rarest
    ``words`` (stem: weight)."""
    hits = list(result.hits)
    seen = {h.chunk.chunk_id for h in hits}
    by_id = chunks_by_id(index)
    if articles:
        topic = topic | {c.chunk_id for c in by_id.values() if articles_named(c.section) & articles}
    for chunk_id in result.leaders:
        if chunk_id not in seen and chunk_id in by_id:
            seen.add(chunk_id)
            hits.append(Retrieved(chunk=by_id[chunk_id], rank=len(hits) + 1, score=0.0))
    for chunk_id in sorted(topic - seen):
        if chunk_id in by_id:  # an earlier answer may quote a passage since removed
            seen.add(chunk_id)
            hits.append(Retrieved(chunk=by_id[chunk_id], rank=len(hits) + 1, score=0.0))
    if not qvec.size or not len(matrix):
        return hits
    refs, _ = index.sentences()
    order = np.argsort(-(matrix @ qvec))
    rows = list(order[:SENTENCE_POOL])
    wanted = [k for k in kinds if k in SOUGHT_KINDS]
    if wanted:
        gives = np.logical_or.reduce([_sentences_giving(index, k) for k in wanted])
        rows += list(order[gives[order]][:KIND_POOL])
    rare = {t: w for t, w in (words or {}).items() if w >= LEXICAL_MIN_IDF}
    if len(rare) >= LEXICAL_MIN_SHARED:
        # Only sentences holding several of them: one rare word alone is often by chance.
        shared = [
            sum(rare.get(t, 0.0) for t in stems)
            if len(rare.keys() & stems) >= LEXICAL_MIN_SHARED
            else 0.0
            for stems in sentence_row_stems(index)
        ]
        rows += [r for r in np.argsort(shared)[::-1][:LEXICAL_POOL] if shared[r] > 0]
    for row in rows:
        chunk_id = refs[row].chunk_id
        if chunk_id not in seen and chunk_id in by_id:
            seen.add(chunk_id)
            hits.append(Retrieved(chunk=by_id[chunk_id], rank=len(hits) + 1, score=0.0))
    return hits


def chunks_by_id(index: VectorIndex) -> dict[str, Chunk]:
    return index.memo("chunks_by_id", lambda: {c.chunk_id: c for c in index.chunks()})


def _sentences_giving(index: VectorIndex, kind: str) -> np.ndarray:
    """Which of the index's sentences give ``kind`` (one flag per sentence row)."""

    def compute() -> np.ndarray:
        return np.array(
            [bool(text) and gives_kind(kind, text) for text in index.sentence_texts()], dtype=bool
        )

    return index.memo(("gives", kind), compute)


def score_candidates(
    question: Question,
    result: RetrievalResult,
    index: VectorIndex,
    idf: Callable[[str], float],
    topic: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """Scored quotable spans of the retrieved passages.

    A sentence scores by its own similarity to the question and its passage's
    (the passage gives the context a bare sentence lacks), by the share of the
    question's own words it contains, and by whether it gives the kind of
    answer asked for (a duration, an amount, a date…). A list is one candidate
    judged on its lead-in line, and each of its items is another, quoted with
    that lead-in, so one item can answer without the whole list. ``topic``: the
    passages the conversation's previous answer quoted, read and slightly favoured.
    """
    refs, matrix = index.sentences()
    passages = index.chunk_vectors()
    by_chunk: dict[str, list[int]] = {}
    for row, ref in enumerate(refs):
        by_chunk.setdefault(ref.chunk_id, []).append(row)
    qvec = np.asarray(result.query_vector, dtype=np.float32)
    # "On a le droit de prendre…" asks whether it is allowed: "droit" names no topic here
    # (not the "Droit commun" of the glossary), nor "attendus" the criteria's "attendus".
    asked = _NO_TOPIC.sub(" ", without_condition(without_reporting(question.focus)))
    asked = without_stray_terms(asked, term_bound_words(index))
    focus = question.focus
    if question.context and "?" not in question.context:
        if _STATEMENT_PRONOUN.search(asked):
            # "Et ça, ils en tiennent compte… ?" after "Nous voulons repérer des femmes
            # isolées…": the pronoun stands for what was stated, whose words say what is
            # asked about.
            asked = f"{asked} {without_stray_terms(question.context, term_bound_words(index))}"
        elif (completed := with_antecedent(focus, question.context)) not in (None, focus):
            # "Est-ce qu'ils comptent pour le minimum ?" after "on hésite à mettre les frais
            # de formation dans le budget": the one noun phrase its pronoun stands for.
            asked += completed[len(focus) :]
            focus = completed
    meanings = phrase_meanings(focus)
    own_text = " ".join([asked, *meanings])
    # Each idiom's corpus wording, as weighted stems: a sentence that says most of one says
    # what the idiom asks about ("la loi nous demande de faire koi ?" -> the three missions).
    meant = [{t: idf(t) for t in set(tokens(m))} for m in meanings]
    if question.english:
        # An English question shares no words with the French texts: its overlap is
        # read on the corpus words the lexical leg maps it to ("lead" -> "chef de file").
        # Measured with `o2r eval`: the same for French questions loses cases.
        own_text += " " + result.expanded
    else:
        # A French question's words the texts never write ("jsuis payé ?") share nothing
        # with them either: their glosses are read instead, and only theirs.
        own_text += " " + result.glossed
    own_stems = set(tokens(own_text))
    topical = own_stems - _CALL_NAMES
    if not (question.definition or question.context) and len(topical) >= CALL_NAME_DROPPED_FROM:
        # Among words enough to say what is asked, the call's own name says nothing of it
        # ("si je suis suivi par un truc O2R je suis payé ou pas ?"): every question is
        # about the O2R. Alone with a verb it names the topic: "Qui peut répondre à l'AMI ?".
        # A follow-up is read with the question before it, whose topic it keeps.
        own_stems = topical
    # A glossary term is named by the question's words or their glosses, not by an idiom's
    # wording: "inscrite nulle part" reads as the public of the "invisibles", and asks
    # nothing of what that term means.
    own_words = word_forms(
        " ".join([asked, result.expanded if question.english else result.glossed])
    )
    # The term asked about, not the text it was read in ("Dans l'AMI, il est question
    # d'une CPOM : que signifie ce sigle ?" asks about CPOM, not AMI).
    defined_words = word_forms(_WHERE_READ.sub(" ", own_text))
    if question.definition and question.context and _POINTS_BACK.search(question.focus):
        # "son rôle ?" after "il faut désigner un chef de file ?": the term the pronoun
        # stands for is named, and the one defined.
        pointed = word_forms(_WHERE_READ.sub(" ", question.context))
        defined_words |= pointed
        own_words |= pointed
    # Rare words weigh more: "gouvernance" says more about the question than "projet".
    words = {t: idf(t) for t in own_stems}
    own_weight = sum(words.values())
    asks_who_decides = question.who or "reference" in question.kinds
    # "Quels départements… ?" asks about départements: a sentence naming them answers.
    # Not a word most passages use ("quel AMI ?"): it tells no sentence apart. Nor for a
    # figure asked: "quel est le budget minimum ?" is answered by the "coût total" one.
    subject_stems: set[str] = set()
    if question.subject and not set(question.kinds) & set(FACT_KINDS):
        subject_stems = {t for t in tokens(question.subject) if idf(t) >= SUBJECT_MIN_IDF}
        subject_stems -= FRAME_NOUNS
    several = plural_asked(asked)
    asked_whose = duration_holder(question.focus) if "duration" in question.kinds else frozenset()
    latent_sims = result.latent_sims
    out = []
    articles = articles_asked(question.focus)
    named = (
        {fold(kind) for kind in texts_named(question.focus)}
        if {"reference", "date"} & set(question.kinds)
        else set()
    )
    dated_texts = texts_named(question.focus) if "date" in question.kinds else frozenset()
    hits = _passages_to_read(result, index, matrix, qvec, question.kinds, topic, words, articles)
    # Favoured only for what was asked before: when a follow-up names its own topic ("Et
    # côté couverture sociale ?" after a question on pay), not the last answer's sentences
    # sharing none of its words while others share them.
    topic_only: list[int] = []
    any_shares = False
    for hit in hits:
        chunk = hit.chunk
        passage_sim = float(passages[chunk.chunk_id] @ qvec) if chunk.chunk_id in passages else 0.0
        # Whether this passage's document is the kind of text the question names.
        in_named_text = bool(named) and fold(chunk.title).split()[0] in named
        rows = sorted(by_chunk.get(chunk.chunk_id) or [], key=lambda r: refs[r].start)
        # Rows read with the sentence before them: an anaphor ("Cette obligation
        # découle…") is no candidate alone, its vector matches what its pronoun hides.
        absorbed: set[int] = set()
        for i, row in enumerate(rows):
            if row in absorbed:
                continue
            ref = refs[row]
            a, b = ref.start - chunk.start, ref.end - chunk.start
            judged_rows = [row]
            if i + 1 < len(rows):
                end = _with_continuation(chunk.text, a, b, refs[rows[i + 1]], chunk.start)
                if end != b:
                    b = end
                    judged_rows.append(rows[i + 1])
            if chunk.text[_line_start(chunk.text, a) :].startswith("#"):
                continue  # a heading names a topic, it does not state anything
            bullet = _BULLET.match(chunk.text[a:b])
            if bullet:
                a += bullet.end()
            text = chunk.text[a:b]
            if len(text) < 20 or _is_title(text, chunk) or is_instruction(text):
                continue  # titles state nothing; orders to the assistant are never answers
            judged = text
            lead_in = _lead_in_of(chunk.text, a) if bullet else None
            # An anaphor too far from its sentence to be quoted with it ("C'est la base
            # légale de l'O2R") is shown after the head of the one it points to; that head
            # is shown, not judged, unlike a list's lead-in.
            shown_head = lead_in is None and _ANAPHOR.match(text) is not None
            if shown_head:
                lead_in = _paragraph_head(chunk.text, a)
            if text.rstrip().endswith(":"):
                # A lead-in is quoted with the list it introduces, and with the sentence
                # its pronoun stands for ("… trois ans. Elle comporte notamment : …").
                b = _list_after(chunk.text, b)
                if b == ref.end - chunk.start:
                    continue
                previous = refs[rows[i - 1]] if i else None
                if (
                    previous
                    and _ANAPHOR.match(text)
                    and "\n" not in chunk.text[previous.end - chunk.start : a]
                ):
                    a = previous.start - chunk.start
                    judged = chunk.text[a : ref.end - chunk.start]
                    if shown_head:
                        # The sentence the pronoun stands for is quoted: no head before it.
                        lead_in, shown_head = None, False
            s_stems = set(tokens(f"{lead_in} {judged}" if lead_in and not shown_head else judged))
            shared = sum(idf(t) for t in own_stems & s_stems)
            overlap = shared / own_weight if own_weight else 0.0
            says_meant = any(
                sum(w for t, w in m.items() if t in s_stems) >= MEANING_SHARE * sum(m.values())
                for m in meant
                if m
            )
            # A sentence and the anaphor that finishes it are judged together.
            absorbed.update(judged_rows[1:])
            similarity = float(np.mean(matrix[judged_rows] @ qvec)) if qvec.size else 0.0
            latent_share = 0.0
            if latent_sims is not None:
                latent_share = float(np.mean(latent_sims[judged_rows]))
                latent_share *= SENTENCE_WEIGHT * LATENT_WEIGHT
            score = (
                latent_share
                + SENTENCE_WEIGHT * similarity
                + (1 - SENTENCE_WEIGHT) * passage_sim
                + OVERLAP_WEIGHT * overlap
            )
            shown = chunk.text[a:b]
            if subject_stems and subject_stems <= s_stems:
                score += SUBJECT_BONUS
            kind_hits = sum(
                1
                for kind in question.kinds
                if (
                    kind not in IDIOM_KINDS
                    # A text's own date ("l'arrêté du 26 juin 2024") answers only a question
                    # about that text, not "quel est le calendrier ?".
                    and (
                        dates_beyond_names(shown, dated_texts)
                        if kind == "date"
                        else gives_kind(kind, shown)
                    )
                    and (kind != "list" or not several or _lists_asked(shown, several))
                )
                or (kind == "list" and enumerates(shown, own_stems))
            )
            score += ANSWER_KIND_BONUS * kind_hits
            if several and "list" not in question.kinds and enumerates(shown, several):
                score += ANSWER_KIND_BONUS  # the things asked for, listed as examples
            if _DELEGATES.search(text) and not asks_who_decides:
                score -= DELEGATION_PENALTY
            entry = TERM_ENTRY.match(text)
            if (
                entry
                and not _names_term(entry.group(1), own_words, question.definition)
                and not (question.who and _TERM_VERB.search(text))
            ):
                score -= TERM_ENTRY_PENALTY
            elif entry and question.definition and defined_words & word_forms(entry.group(1)):
                # "Ça veut dire quoi « droit commun » ?": the entry defining the term
                # named is the kind of answer asked for.
                score += ANSWER_KIND_BONUS
            elif entry and question.who and _term_does(text, own_stems):
                # The one the entry says does it is who was asked for, over sentences
                # naming others, the one the question names included ("…on behalf of the
                # regional prefect?").
                score += ANSWER_KIND_BONUS
            elif entry and question.yes_no and question.first_person:
                # "… ferons-nous partie du réseau pour l'emploi ?": what the term means
                # does not say whether the candidate will be in it.
                score -= TERM_ENTRY_PENALTY
            if chunk.chunk_id in topic and not (
                len(asked_whose) == 1 and whose(shown) and whose(shown) != asked_whose
            ):
                # Not for the length of someone else's: after the pathway's, "et le projet
                # lui-même, il dure combien ?" asks the project's.
                score += TOPIC_BONUS
                if not shared:
                    topic_only.append(len(out))
            any_shares = any_shares or shared > 0
            if articles and articles_named(chunk.section) & articles:
                score += ARTICLE_BONUS
            if in_named_text:
                score += TEXT_NAMED_BONUS
            if not bullet and text[:1].islower():
                score -= FRAGMENT_PENALTY
            if says_meant:
                score += ANSWER_KIND_BONUS
            if not chunk.source_url:
                # A document with no official source (an explanatory sheet) yields to
                # the texts themselves unless it is clearly better.
                score -= UNSOURCED_PENALTY
            out.append(Candidate(hit, a, b, score, matrix[row], lead_in, latent_share))
    if topic_only and any_shares and names_new_topic(question.focus):
        for i in topic_only:
            out[i] = replace(out[i], score=out[i].score - TOPIC_BONUS)
    return out


def _lists_asked(text: str, asked: set[str]) -> bool:
    """Whether the list in ``text`` is of the things a question names: its lead-in shares
    a word of it ("les critères suivants" for "quels critères ?"), which the three
    activities of the référentiel do not for "under which conditions can jobseekers be
    included?"."""
    lead_in = text[: text.find("\n")] if "\n" in text else text
    return bool(asked & set(tokens(lead_in)))


# How much of a question's own weight one checked rule's words must share for the question
# to be about that rule: "ce budget atteint bien le seuil demandé ?" and "… 150 000 €
# minimum sur 3 ans : le seuil est atteint".
RULE_ASKED_SHARE = 0.3
NAMED_RULE_WORDS = 2


def rule_asked(
    question: Question,
    findings: CheckReport,
    idf: Callable[[str], float],
    *,
    named: bool = False,
) -> str | None:
    """The rule checked on stated facts that a question about them asks about, if one
    clearly is: its label and the checker's explanation share most of the question's
    rare words. The checker's own words are the candidate's, not the texts'.

    ``named``: a question whether the project qualifies, which asks about one rule only
    if its last question names that rule in words of the same meaning as the rule's, two
    at least ("la longueur de suivi envisagée pour chaque jeune est-elle acceptable ?"),
    not "est-ce qu'on coche les cases ?"."""
    asked = asking_sentences(question.focus)[-1:] if named else [question.focus]
    own = set(tokens(" ".join(asked)))
    weight = sum(idf(t) for t in own)
    if not weight or question.wh:
        return None  # "qui signe la convention ?" asks for a thing no rule checks
    shares = []
    for r in findings.results:
        if r.status not in ("pass", "warn", "fail"):
            continue
        words = set(tokens(f"{r.label} {r.explanation}"))
        shared = own & (with_equivalents(words) if named else words)
        if named and len(shared) < NAMED_RULE_WORDS:
            continue
        shares.append((sum(idf(t) for t in shared) / weight, r))
    shares.sort(key=lambda pair: -pair[0])
    if not shares or shares[0][0] < RULE_ASKED_SHARE:
        return None
    if len(shares) > 1 and shares[1][0] >= shares[0][0]:
        return None  # two rules equally named: the question is about neither alone
    return shares[0][1].rule_id


def _source_quote(source: Source, chunks: Sequence[Chunk], rank: int) -> Candidate | None:
    """The passage ``source`` names, as a quotable candidate: the first chunk of its document
    writing it exactly (not only up to typography); None when none does, or when it is a
    document's title, which quotes no rule."""
    for chunk in chunks:
        at = chunk.text.find(source.passage) if chunk.doc_id == source.doc_id else -1
        if at < 0:
            continue
        if _is_title(source.passage, chunk):
            return None
        hit = Retrieved(chunk=chunk, rank=rank, score=1.0)
        return Candidate(hit, at, at + len(source.passage), 1.0, np.zeros(1))
    return None


def rule_quotes(
    findings: CheckReport,
    index: VectorIndex,
    limit: int = MAX_QUOTES,
    changed: frozenset[str] | None = None,
    only: str | None = None,
) -> list[Candidate]:
    """The passages that ground the rules found failing, then warned, else one passing
    (``only``: that rule's).

    For a message that states facts, the deciding text is the rule the facts
    were checked against, wherever it stands in the corpus. When nothing fails
    or needs fixing, one passing rule's source is enough. ``changed``: the rules
    whose result this message changed, quoted first within each status (after
    "nous ramenons le parcours à 11 mois", the pathway rule, not the territory's).
    """
    order = {"fail": 0, "warn": 1, "pass": 2}
    results = sorted(
        (r for r in findings.results if r.status in order and only in (None, r.rule_id)),
        key=lambda r: (
            order[r.status],
            changed is not None and r.rule_id not in changed,
            # A place in the region met is the least telling: nearly every message names
            # one; what the candidate is (its purpose, its experience) says more.
            r.status == "pass" and r.rule_id == "territoire",
        ),
    )
    if results and results[0].status == "pass":
        limit = min(limit, 1)
    chunks = index.chunks()
    out: list[Candidate] = []
    if limit <= 0:
        return out
    for result in results:
        # The source that says what the finding says first: a warning about the subsidiary
        # public quotes the subsidiary rule, not the main one.
        said = set(tokens(result.explanation))
        sources = sorted(result.sources, key=lambda s: -len(said & set(tokens(s.passage))))
        for source in sources:
            cand = _source_quote(source, chunks, len(out) + 1)
            if cand is not None and not any(overlaps(cand, c) for c in out):
                out.append(cand)
            if len(out) >= limit:
                return out
    return out


def condition_quotes(index: VectorIndex) -> list[tuple[str, Candidate]]:
    """The call's conditions as a list: each rule of the checker by its label, with the
    first passage setting it; rules set by one passage share its line."""
    chunks = index.chunks()
    out: list[tuple[str, Candidate]] = []
    for rule in load_rules():
        cand = next(
            (c for s in rule.sources if (c := _source_quote(s, chunks, len(out) + 1))), None
        )
        if cand is None:
            continue
        shared = next((i for i, (_, c) in enumerate(out) if overlaps(cand, c)), None)
        if shared is None:
            out.append((rule.label, cand))
        else:
            label, quoted = out[shared]
            out[shared] = (f"{label} ; {rule.label}", quoted)
    return out


CONDITIONS_INTRO = "Les conditions de l'appel que je vérifie, chacune avec le texte qui la fixe :"
CONDITIONS_INTRO_EN = "The call's conditions I check, each with the French text that sets it:"


def conditions_text(
    listed: list[tuple[str, Candidate]], english: bool = False
) -> tuple[str, list[Citation]]:
    """A list of the call's conditions, one line each, every quote with its marker."""
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    lines = [CONDITIONS_INTRO_EN if english else CONDITIONS_INTRO]
    for label, cand in listed:
        chunk = cand.hit.chunk
        n = numbers.setdefault(chunk.chunk_id, len(numbers) + 1)
        citations.append(Citation.of(n, chunk, cand.text))
        lines.append(f"- {label} : « {cand.quote} » [{n}]")
    return "\n".join(lines), citations


# How far below the best a sentence giving the fact asked for may score and still lead.
FACT_LEAD_MARGIN = 0.95
# How far below a whole list a single sentence or item may score and lead instead.
LIST_LEAD_MARGIN = 0.95
# How close a sentence not quoted yet must come to one an earlier question of the same
# message got, to answer the later question instead of repeating it.
REPEAT_MARGIN = 0.95


# An acronym, which reads the same in English and in French ("CPOM").
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,6}\b")


# What a question was completed with from the message or the conversation, at its end.
_COMPLETED_BY = re.compile(r"\s*\([^()]*\)\s*$")


def select_sentences(
    candidates: list[Candidate],
    question: Question | None = None,
    limit: int = MAX_QUOTES,
    given: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The best candidate, then others only if nearly as good and not a repeat.

    When the question asks for a number (an amount, a duration, a date…), the best
    sentence that gives one leads, if it is nearly as good as the best overall.
    ``given``: the quotes the reply already gives for an earlier question of the same
    message; a nearly as good sentence not among them leads instead of a repeat.
    """
    if not candidates:
        return []
    pool = sorted(candidates, key=lambda c: (-c.score, c.hit.rank, c.start))
    wanted = [k for k in (question.kinds if question else ()) if k in SOUGHT_KINDS]
    if question is not None and question.yes_no and find_amounts(fold(question.focus)):
        # "Does that count toward the 150k minimum?" names the amount; it does not ask it.
        wanted = [k for k in wanted if k != "amount"]
    # A fact stated outright ("entré en vigueur le 26 juin 2024") leads before one
    # only named in a text's title ("le décret … du 24 juin 2024").
    about = texts_named(question.focus) if question and "date" in wanted else frozenset()

    # A date answers only about its event: a text's publication date does not say when
    # applications are due ("quelle est la date limite de dépôt ?").
    dated = question.topic("date") if "date" in wanted and not question.english else frozenset()

    def gives(c: Candidate, strict: bool) -> bool:
        return any(
            gives_kind(k, c.quote, strict=strict, about=about)
            and (
                k != "date"
                or (
                    gives_kind(k, c.quote, strict=True, about=about)
                    and (not dated or bool(dated & set(tokens(c.quote))))
                )
                or dates_text(c.quote, about)
            )
            for k in wanted
        )

    for strict in (True, False):
        if not wanted or gives(pool[0], strict):
            break
        giving = [c for c in pool if gives(c, strict)]
        if giving and giving[0].score >= FACT_LEAD_MARGIN * pool[0].score:
            pool.remove(giving[0])
            pool.insert(0, giving[0])
            break
    if wanted and any(gives_kind(k, pool[0].quote) for k in wanted):
        # The fact asked is stated of the thing asked about: "combien de temps dure la
        # convention ?" is the convention's length, not a person's pathway.
        topic = question.topic(*FACT_KINDS)
        own_focus = _COMPLETED_BY.sub("", question.focus)
        if own_focus != question.focus:
            # The words that completed the question ("… pendant combien de temps ? (Depuis
            # qu'il a arrêté son BTS…)") only stand in when its own words name no topic.
            topic = replace(question, focus=own_focus).topic(*FACT_KINDS) or topic
        near = [
            c
            for c in pool
            if c.score >= FACT_LEAD_MARGIN * pool[0].score
            and any(gives_kind(k, c.quote) for k in wanted)
        ]
        # A duration asked by the organisation of itself ("on est engagés combien de
        # temps ?") is the project's, not one person's pathway, and the reverse.
        asked_whose = (
            duration_holder(question.focus)
            or whose(question.context)
            or (frozenset({"project"}) if question.first_person else frozenset())
        )
        if "duration" in wanted and len(asked_whose) == 1:
            # "Et pour le projet ?" after a person's pathway asks the other holder's length,
            # which the previous answer's words outscore: any quote giving it answers.
            swapped = swaps_holder(question.focus, question.context)
            giving = [c for c in pool if gives_kind("duration", c.quote)] if swapped else near
            same = [c for c in giving if whose(c.quote) == asked_whose]
            near = same or near
            if same and whose(pool[0].quote) != asked_whose:
                pool.remove(same[0])
                pool.insert(0, same[0])
        if question.english:
            # An English question's words meet the French quotes only by chance ("case":
            # "cas"); its acronyms are the texts' own ("CPOM").
            topic = frozenset(tokens(" ".join(_ACRONYM.findall(question.focus))))
        best = max(near, key=lambda c: len(topic & set(tokens(c.quote))))
        if len(topic & set(tokens(best.quote))) > len(topic & set(tokens(pool[0].quote))):
            pool.remove(best)
            pool.insert(0, best)
    if "list" not in (question.kinds if question else ()) and gives_kind("list", pool[0].quote):
        # A whole list leads only when a list is asked for: otherwise the sentence or
        # the one item that answers, if nearly as good ("never open on a generic list").
        single = [c for c in pool if not gives_kind("list", c.quote)]
        if single and single[0].score >= LIST_LEAD_MARGIN * pool[0].score:
            pool.remove(single[0])
            pool.insert(0, single[0])
    tied = pool[:LIST_ITEMS_TIED]
    if (
        len(tied) == LIST_ITEMS_TIED
        and tied[0].lead_in is not None
        and all(
            c.lead_in == tied[0].lead_in and c.hit.chunk.chunk_id == tied[0].hit.chunk.chunk_id
            for c in tied
        )
        and tied[-1].score >= LIST_TIE_MARGIN * tied[0].score
    ):
        # The best candidates are items of one list, none standing out ("et qu'est-ce
        # qu'on doit mettre dedans ?" after the convention): the list answers as a whole.
        whole = [
            c
            for c in pool
            if c.hit.chunk.chunk_id == tied[0].hit.chunk.chunk_id
            and c.lead_in != tied[0].lead_in
            and c.start <= min(t.start for t in tied)
            and c.end >= max(t.end for t in tied)
        ]
        if whole:
            pool.remove(whole[0])
            pool.insert(0, whole[0])
    if question is not None and (question.definition or _asks_what(question)):
        # "c'est quoi le référentiel d'activités ?": the sentence naming it, continued
        # by the list that says what it holds, answers; the naming sentence alone does not.
        first = pool[0]
        longer = [
            c
            for c in pool
            if c.hit.chunk.chunk_id == first.hit.chunk.chunk_id
            and c.start == first.start
            and c.end > first.end
            and (question.definition or _elaborates(first, c))
        ]
        if longer and longer[0].score >= LIST_LEAD_MARGIN * first.score:
            pool.remove(longer[0])
            pool.insert(0, longer[0])
    if given and _quoted_in(pool[0], given):
        # "À quelle autorité adresser la candidature ? Et peut-on la transmettre en
        # ligne ?": the second, read with the first, finds its sentence again first.
        fresh = [c for c in pool if not _quoted_in(c, given)]
        if fresh and fresh[0].score >= REPEAT_MARGIN * pool[0].score:
            pool.remove(fresh[0])
            pool.insert(0, fresh[0])
    chosen = [pool[0]]
    best = max(c.score - c.latent for c in pool)
    cutoff = SEVERAL_CUTOFF if question is not None and question.asks_several else RELATIVE_CUTOFF
    # Counted only if a further quote gets as far as the word test (most answers stop
    # earlier): it reads every candidate's words.
    common = functools.cache(lambda: _common_words(question, pool))
    for cand in pool[1:]:
        if len(chosen) >= limit or cand.score - cand.latent < cutoff * best:
            break
        if any(overlaps(cand, c) for c in chosen):
            continue
        if any(float(cand.vector @ c.vector) > REDUNDANCY for c in chosen) and not _new_reference(
            cand, chosen
        ):
            continue  # says again what is quoted, and adds no legal basis
        if question is not None and not _adds_to(cand, chosen, question, common):
            break  # the next best only neighbours the answer: nothing more is quoted
        chosen.append(cand)
    if question is not None and question.asks_several:
        chosen = _each_clause_answered(chosen, pool, question, limit)
        if len(chosen) > 1:
            chosen = _in_order_asked(chosen, question)
    elif question is not None and len(chosen) > 1:
        chosen = _in_kind_order(chosen, question)
    return chosen


def _in_kind_order(chosen: list[Candidate], question: Question) -> list[Candidate]:
    """The quotes in the order the question names the facts they give ("le montant et la
    durée des parcours": the minimum cost, then the pathway's length), when it asks for
    several kinds and each quote gives a different one."""
    kinds = [k for k in question.kinds if k in FACT_KINDS]
    if len(kinds) < 2:
        return chosen
    stems = tokens(question.focus)
    named: dict[str, int] = {}
    for kind in kinds:
        # The first word asking for this kind and none of the others asked.
        others = set().union(*(ASKING_WORDS.get(k, ()) for k in kinds if k != kind))
        own = ASKING_WORDS.get(kind, frozenset()) - others
        named[kind] = next((i for i, t in enumerate(stems) if t in own), len(stems))
    given = [[k for k in kinds if gives_kind(k, c.quote)] for c in chosen]
    # "150 000 € sur 3 ans" gives a length too: it answers what no other quote gives.
    alone = {g[0] for g in given if len(g) == 1}
    given = [g if len(g) == 1 else [k for k in g if k not in alone] for g in given]
    if any(len(g) != 1 for g in given) or len({g[0] for g in given}) < len(given):
        return chosen
    return [c for _, c in sorted(zip(given, chosen, strict=True), key=lambda p: named[p[0][0]])]


# How many of the best candidates, items of one list scoring within the margin of each
# other, make the list the answer as a whole.
LIST_ITEMS_TIED = 4
LIST_TIE_MARGIN = 0.965
# How far below the best a quote may score and still answer a clause no other quote
# speaks to: the best quote's bonuses come from the clause it answers.
CLAUSE_CUTOFF = 0.85


def _each_clause_answered(
    chosen: list[Candidate], pool: list[Candidate], question: Question, limit: int
) -> list[Candidate]:
    """The chosen quotes, and for each clause none of them speaks to, the best quote
    that does if it is not far below the best ("À qui faut-il adresser notre demande, et
    qui va l'examiner ?": the prefect, then the DREETS that examines)."""
    best = max(c.score - c.latent for c in pool)
    for stems in _clause_stems(question):
        if len(chosen) >= limit or not stems:
            continue
        if any(stems & with_equivalents(set(tokens(c.quote))) for c in chosen):
            continue
        speaking = [
            c
            for c in pool
            if c.score - c.latent >= CLAUSE_CUTOFF * best
            and stems & with_equivalents(set(tokens(c.quote)))
            and not any(overlaps(c, x) for x in chosen)
        ]
        if speaking:
            chosen = [*chosen, speaking[0]]
    return chosen


def _in_order_asked(chosen: list[Candidate], question: Question) -> list[Candidate]:
    """The quotes in the order of the clauses they answer ("perçoivent-ils une
    rémunération, et sont-ils couverts… ?"). The best quote gives up the lead only to one
    speaking more to the first clause: when none does, the words tell no order."""
    shares = [_clause_shares(c, question) for c in chosen]
    order = sorted(range(len(chosen)), key=lambda i: shares[i].index(max(shares[i])))
    if order[0] != 0 and shares[order[0]][0] <= shares[0][0]:
        order.remove(0)
        order.insert(0, 0)
    return [chosen[i] for i in order]


def _quoted_in(cand: Candidate, given: frozenset[str]) -> bool:
    """Whether a quote already given holds the candidate's sentence. A whole list holding
    the one item given ("sur quoi les dossiers sont-ils jugés ?" after the equality
    criterion) says more than it: no repeat."""
    return any(cand.quote in quote for quote in given)


def _clause_shares(cand: Candidate, question: Question) -> list[float]:
    """How much a quote speaks to each of the question's clauses: the share of each
    clause's words it holds. A clause's opening condition ("Si beaucoup de structures
    répondent…, seront-elles toutes financées ?") is not what it asks."""
    held = with_equivalents(set(tokens(cand.quote)))
    clauses = _clause_stems(question)
    return [len(stems & held) / len(stems) if stems else 0.0 for stems in clauses] or [0.0]


def _clause_stems(question: Question) -> list[set[str]]:
    """Each clause's words, without its opening condition and its modal verbs."""
    return [set(tokens(without_condition(c))) - _MODAL_STEMS for c in asked_clauses(question.focus)]


def _common_words(question: Question, pool: list[Candidate]) -> frozenset[str]:
    """The question's stems that many candidate sentences hold: they single none out."""
    held = [set(tokens(c.quote)) for c in pool]
    return frozenset(
        t for t in tokens(question.focus) if sum(t in h for h in held) > COMMON_SHARE * len(held)
    )


def _adds_to(
    cand: Candidate,
    chosen: list[Candidate],
    question: Question,
    common: Callable[[], frozenset[str]],
) -> bool:
    """Whether a further quote gives something asked that the chosen ones lack.

    That is a word of the question that few candidates hold (``common()`` gives the
    others), the kind of answer asked for (a list, an amount…), or the legal
    basis (an article or a text the chosen ones do not cite). An English question is
    judged the same way: it shares only names and cognates with the quotes ("CPOM"),
    so it seldom gets a second quote, unless it asks two things.
    """
    if _new_reference(cand, chosen):
        return True
    if question.english and question.asks_several:
        # An English question that asks two things shares no word with either answer:
        # the next quote close enough in score (the caller's cutoff) answers the other.
        return True
    if any(
        gives_kind(k, cand.quote) and not any(gives_kind(k, c.quote) for c in chosen)
        for k in question.kinds
    ):
        return True
    asked = set(tokens(question.focus)) - common()
    # "éligibles" gives what "financer" asks: the same meaning is not added twice.
    given = with_equivalents({t for c in chosen for t in tokens(c.quote)})
    # "en ligne" is asked and "par voie dématérialisée" gives it, as the chosen ones do.
    held = with_equivalents(set(tokens(cand.quote)))
    if question.asks_several and any(
        2 * len(stems & given) < len(stems) and (stems - given) & held
        for stems in (set(tokens(c)) - _MODAL_STEMS for c in asked_clauses(question.focus))
    ):
        # A clause the chosen quotes hardly speak to ("peuvent-elles être rémunérées ?"):
        # its words count even when many sentences hold them.
        return True
    return bool((asked - given) & held)


def _new_reference(cand: Candidate, chosen: list[Candidate]) -> bool:
    """Whether a quote cites an article or text that the chosen quotes do not."""
    quoted = " ".join(c.text for c in chosen)
    return any(ref.group() not in quoted for ref in TEXT_CITED.finditer(cand.text))


def overlaps(a: Candidate, b: Candidate) -> bool:
    """Whether two quotes share text (one sentence quoted twice)."""
    if a.hit.chunk.chunk_id != b.hit.chunk.chunk_id:
        return normalize_match(a.text) == normalize_match(b.text)
    return a.start < b.end and b.start < a.end


# ---------------------------------------------------------------- plain answers

_NEGATION = re.compile(
    r"\b(?:ne|n')\s*(?:\S+\s+){1,2}?(?:pas|plus|jamais|aucun|aucune|nullement)\b|\bnon\b|\baucun"
    r"|\bin[ée]ligible|\bne\s+(?:peut|peuvent|pourra|pourront)\b|\bnot\b|\bno\b",
    re.I,
)
# Wording that makes a statement conditional: the honest short answer is then neither
# a plain yes nor a plain no. "Selon les règles de l'article…" names how, not whether.
_CONDITION = re.compile(
    r"\bsous conditions?\b|\bselon (?:leurs?|ses|les) (?!(?:règles|modalités|dispositions)\b)"
    r"|\bà titre subsidiaire\b|\bdans (?:deux|trois|certains) cas\b|\blorsqu"
    r"|\bsi (?:elles?|ils?|le|la|les)\b|\ble cas échéant\b"
    r"|\bpeu(?:vent|t) (?:aussi|également)\b|\bles conditions\b|\bconditions dans lesquelles\b",
    re.I,
)
_ALWAYS = re.compile(
    r"\bd'office\b|\bautomatiquement\b|\bsystématiquement\b|\btoujours\b|\bforcément\b"
    r"|\bobligatoirement\b|\bautomatically\b|\balways\b",
    re.I,
)
# Generic verbs that say nothing about the topic of a yes/no question.
_MODAL_STEMS = frozenset(
    tokens("peut peuvent pouvons faut doit doivent devons être avoir est-ce on nous")
)
# A relative or time clause up to the next punctuation: its negation qualifies a noun
# ("les personnes qui ne sont pas inscrites"), it does not deny what the sentence says.
# "Quand même" is no time clause ("elles ne sont quand même pas…").
_SUBORDINATE = re.compile(r"\b(?:qui|dont|lorsqu['’]?\w*|quand(?!\s+même))\b[^,;:.?!]*", re.I)
MIN_TOPIC_COVERAGE = 0.5
PLAIN_COVERAGE = 0.75


# The short answers a yes/no question gets, in English when it was asked in English.
PLAIN_ENGLISH = {
    "Oui": "Yes",
    "Non": "No",
    "Oui, sous conditions": "Yes, under conditions",
    "Pas automatiquement": "Not automatically",
}


def plain_answer(question: Question, chosen: list[Candidate]) -> str | None:
    """ "Oui", "Non" or "Pas automatiquement" when the quotes settle a yes/no question."""
    plain = _plain_answer(question, chosen)
    return PLAIN_ENGLISH[plain] if plain and question.english else plain


def _plain_answer(question: Question, chosen: list[Candidate]) -> str | None:
    if not question.plain_answer_allowed or not chosen:
        return None
    first = chosen[0]
    # "Un projet en Bretagne peut-il être financé ?" is not settled by a sentence that
    # does not name Bretagne (the AMI finances projects "sur ce territoire": yes, but
    # not there).
    named = normalize_match(first.quote)
    if any(normalize_match(p.name) not in named for p in find_places(question.focus)):
        return None
    topic = set(tokens(question.focus)) - _MODAL_STEMS
    quoted = set(tokens(first.quote))
    coverage = len(topic & quoted) / len(topic) if topic else 0.0
    # The lead quote decides; a later quote's conditions count only for "always?".
    always = bool(_ALWAYS.search(question.focus))
    conditional = any(_CONDITION.search(c.text) for c in (chosen if always else chosen[:1]))
    if coverage >= MIN_TOPIC_COVERAGE and conditional:
        return "Pas automatiquement" if always else "Oui, sous conditions"
    if always:
        return None  # "always?" is not settled by a sentence that does not say "always"
    # A plain yes or no only when the quote speaks of everything asked ("ça s'arrête ?"
    # is not settled by a sentence on the convention's length).
    if coverage < PLAIN_COVERAGE:
        return None
    question_negated = bool(_NEGATION.search(main_clauses(question.focus)))
    sentence_negated = bool(_NEGATION.search(main_clauses(first.text)))
    return "Non" if sentence_negated != question_negated else "Oui"


def main_clauses(text: str) -> str:
    """``text`` without its relative and time clauses, whose negations qualify a noun."""
    return _SUBORDINATE.sub(" ", text)


# ---------------------------------------------------------------- composition


# Rules about who the candidate is or where it acts: failing one is a plain "no", while
# the project's design (budget, pathway, public, partners) can be changed.
ABOUT_THE_ORGANISATION = frozenset(
    {"territoire", "objet_social", "experience_insertion", "ancrage_territorial"}
)


# How a quote after the first is introduced.
SEE_ALSO = "Voir aussi"
SEE_ALSO_EN = "See also"
# Before the checker's summary of the facts a message gives besides its question.
FRAMING_FACTS = "Pour les éléments que vous indiquez : "
FRAMING_FACTS_EN = "On the facts you give: "
# How the quote after the checker's verdict is introduced.
TEXTS_SAY = "Ce que disent les textes"
TEXTS_SAY_EN = "What the French texts say"


def findings_line(
    findings: CheckReport,
    *,
    problem: bool = False,
    english: bool = False,
    asked: bool = False,
    wanted: Sequence[str] = (),
    changed: frozenset[str] | None = None,
    quoted: frozenset[str] = frozenset(),
    what: bool = False,
) -> str:
    """What the checker found in the facts stated, in one short paragraph.

    ``problem``: the question asks whether something is a problem ("ça peut coincer ?",
    "est-ce bloquant ?"), which a failure answers with yes, not no. ``english``: an
    English message gets the verdict in one English sentence first; the detail, like the
    rules it quotes, stays in French. ``asked``: the message asks whether its project
    qualifies ("ça passe ?"): when nothing fails or needs fixing, that is a yes for what
    it states (a no to "est-ce bloquant ?"). ``wanted``: the missing facts that the
    stated ones make relevant (``missing.fact_requests``), named rather than counted.
    ``changed``: the rules whose result this message changed in a conversation; those
    now met say why, with their figures ("Parcours de 11 mois par personne, dans la
    limite de 12 mois"), the others are named. ``quoted``: the rules whose source the
    answer quotes; those met say why too, so the line and the quote speak of the same
    figures ("150 000 € ≥ 150 000 € minimum" beside « ne pourra pas être inférieur à »).
    ``what``: the question asks what is wrong ("Qu'est-ce qui coince ?"), which no yes
    or no answers.
    """
    by = {s: [r for r in findings.results if r.status == s] for s in ("fail", "warn", "pass")}
    missing = [r for r in findings.results if r.status == "missing"]
    parts: list[str] = [_english_verdict(by, len(missing), problem, what)] if english else []
    if by["fail"]:
        failed = by["fail"]
        # "Pas en l'état" only when the candidate can fix what fails (a budget).
        fixable = all(r.rule_id not in ABOUT_THE_ORGANISATION for r in failed)
        if what:
            opening = "Ce qui bloque en l'état" if fixable else "Ce qui bloque"
        elif problem:
            opening = "Oui, c'est bloquant en l'état" if fixable else "Oui, c'est bloquant"
        else:
            opening = "Non, pas en l'état" if fixable else "Non"
        parts.append(f"{opening} : " + " ; ".join(r.explanation.rstrip(".") for r in failed) + ".")
    if by["warn"]:
        parts.append(
            "À corriger ou vérifier : "
            + " ; ".join(r.explanation.rstrip(".") for r in by["warn"])
            + "."
        )
    explained = (changed or frozenset()) | quoted
    if len(by["pass"]) == 1:
        # One rule met says why: "lieux d'action en Pays de la Loire : Mayenne (53)", not
        # its bare label.
        explained |= {by["pass"][0].rule_id}
    if by["pass"]:
        opening = "Conforme"
        if asked and not by["fail"] and not by["warn"] and not missing:
            # Every rule checked, every one met: said outright, not left to the list (the
            # English verdict has said it already).
            said = "toutes les conditions vérifiées sont remplies."
            if not english:
                parts.append(
                    f"Rien de bloquant : {said}"
                    if what
                    else f"Non, rien de bloquant : {said}"
                    if problem
                    else f"Oui : {said}"
                )
        elif asked and not by["fail"] and not by["warn"]:
            opening = (
                "Rien de bloquant dans ce que vous indiquez"
                if what
                else "Non, rien de bloquant dans ce que vous indiquez"
                if problem
                else "Oui pour ce que vous indiquez"
            )
        said = [
            r.explanation[:1].lower() + r.explanation[1:].rstrip(".")
            for r in by["pass"]
            if r.rule_id in explained
        ]
        named = ", ".join(r.label.lower() for r in by["pass"] if r.rule_id not in explained)
        parts.append(f"{opening} : " + " ; ".join([*said, *([named] if named else [])]) + ".")
    if missing and not by["fail"]:
        count = "une information" if len(missing) == 1 else f"{len(missing)} informations"
        if not wanted:
            parts.append(f"Il manque encore {count} pour conclure.")
        elif len(wanted) == len(missing):
            parts.append(f"Il manque encore pour conclure : {' ; '.join(wanted)}.")
        else:
            parts.append(f"Il manque encore {count} pour conclure, dont : {' ; '.join(wanted)}.")
    return " ".join(parts)


def supposed_changes(before: CheckReport | None, supposed: CheckReport) -> list[RuleResult]:
    """The rules whose result a supposed plan changes, in the checker's order."""
    was = {r.rule_id: (r.status, r.explanation) for r in before.results} if before else {}
    return [
        r
        for r in supposed.results
        if r.status != "missing" and was.get(r.rule_id) != (r.status, r.explanation)
    ]


def supposition_line(
    before: CheckReport | None, supposed: CheckReport, english: bool = False, asked: bool = False
) -> str | None:
    """What the checker finds of a supposed plan ("et si on passait à 140 000 € ?"): the
    rules whose result the supposition changes, in one line; None when it changes none.
    In English the verdict opens it, the rules' details stay in French. ``asked``: the
    plan is what the question asks about ("La Manche est-elle couverte ?"), answered
    plainly."""
    touched = supposed_changes(before, supposed)
    if not touched:
        return None
    statuses = {r.status for r in touched}
    said = " ; ".join(r.explanation[:1].lower() + r.explanation[1:].rstrip(".") for r in touched)
    if english:
        verdict = "no" if "fail" in statuses else "to be checked" if "warn" in statuses else "yes"
        if asked:
            return f"{verdict.capitalize()} (details in French): {said}."
        return f"In that case, {verdict} (details in French): {said}."
    verdict = "non" if "fail" in statuses else "à vérifier" if "warn" in statuses else "oui"
    if asked:
        return f"{verdict.capitalize()} : {said}."
    return f"Dans cette hypothèse, {verdict} : {said}."


def _english_verdict(by: dict[str, list[Any]], missing: int, problem: bool, what: bool) -> str:
    fail, warn, passed = (len(by[s]) for s in ("fail", "warn", "pass"))
    missing = 0 if fail else missing  # as in French: a failure settles it first
    if fail:
        fixable = all(r.rule_id not in ABOUT_THE_ORGANISATION for r in by["fail"])
        if what:
            opening = "What blocks it" + (" as it stands" if fixable else "")
        elif problem:
            opening = "Yes, it is blocking" + (" as it stands" if fixable else "")
        else:
            opening = "No, not as it stands" if fixable else "No"
    elif warn:
        opening = "Not yet: something must be fixed or checked"
    elif missing:
        opening = "So far it fits, but facts are still missing"
    else:
        opening = "Yes: every rule checked is met"
    counts = [
        f"{n} {what}"
        for n, what in (
            (fail, "rule not met" if fail == 1 else "rules not met"),
            (warn, "point to check" if warn == 1 else "points to check"),
            (passed, "rule met" if passed == 1 else "rules met"),
            (missing, "fact missing" if missing == 1 else "facts missing"),
        )
        if n
    ]
    return f"{opening} ({', '.join(counts)}; details in French below)."


def quotes_source(text: str, result: RuleResult) -> bool:
    """Whether ``text`` quotes one of the rule's sources, or part of one."""
    quote = normalize_match(text)
    wanted = (normalize_match(s.passage) for s in result.sources)
    return any(w and (w in quote or quote in w) for w in wanted)


def _rules_quoted(findings: CheckReport, chosen: list[Candidate]) -> frozenset[str]:
    """For each chosen quote, the first rule one of whose sources it quotes (a sentence
    can ground two rules: the budget's « 150 000€ sur 3 ans » and the project's length)."""
    out = set()
    for cand in chosen:
        first = next((r for r in findings.results if quotes_source(cand.text, r)), None)
        if first is not None:
            out.add(first.rule_id)
    return frozenset(out)


def compose(
    question: Question,
    chosen: list[Candidate],
    findings: CheckReport | None,
    *,
    findings_first: bool = True,
    wanted: Sequence[str] = (),
    changed: frozenset[str] | None = None,
) -> tuple[str, list[Citation], str | None]:
    """A short French answer: the deciding quote first, each quote with its marker.

    The checker's findings lead a message that states facts or asks whether they
    qualify; after a question of its own, they follow its answer. Returns the text,
    its citations and the checker's paragraph that opens it, if any.
    """
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    parts: list[str] = []
    verdict = None
    asked = frozenset(tokens(question.focus))
    quoted = _rules_quoted(findings, chosen) if findings is not None else frozenset()
    if findings is not None and findings_first:
        # "Qu'est-ce qui coince ?", "qu'est-ce qui nous manque ?": no yes or no answers it.
        what = asks_what_fails(question) or asks_what_is_missing(question, whole=True)
        verdict = findings_line(
            findings,
            problem=question.asks_problem,
            what=what,
            english=question.english,
            asked=question.asks_eligibility or what,
            wanted=wanted,
            changed=changed,
            quoted=quoted,
        )
        parts.append(verdict)
    for i, cand in enumerate(chosen):
        chunk: Chunk = cand.hit.chunk
        if chunk.chunk_id not in numbers:
            numbers[chunk.chunk_id] = len(numbers) + 1
        n = numbers[chunk.chunk_id]
        citations.append(Citation.of(n, chunk, cand.text))
        quote = f"« {without_asides(cand.quote, asked)} » [{n}]"
        if i == 0:
            lead = _source_phrase(chunk)
            plain = (
                plain_answer(question, chosen) if findings is None or not findings_first else None
            )
            if plain:
                lead = f"{plain}. {lead}"
            if question.english:
                # What reads without translation leads: the yes or no, then the figures.
                lead = f"From the French text ({_short_title(chunk)})"
                said = [f"{plain}." if plain else None, figures_line(cand.quote)]
                lead = " ".join([*(x for x in said if x), lead])
            if findings is not None and findings_first:
                said = TEXTS_SAY_EN if question.english else TEXTS_SAY
                lead = f"{said} ({_short_title(chunk)})"
            parts.append(f"{lead} : {quote}")
        else:
            parts.append(f"{SEE_ALSO_EN if question.english else SEE_ALSO} : {quote}")
    if findings is not None and not findings_first:
        # After the whole answer to the message's own question.
        line = findings_line(
            findings,
            problem=question.asks_problem,
            english=question.english,
            wanted=wanted,
            changed=changed,
            quoted=quoted,
        )
        parts.append(f"{FRAMING_FACTS_EN if question.english else FRAMING_FACTS}{line}")
    return "\n\n".join(parts), citations, verdict


# A quote longer than this leaves out its asides that share no word with the question:
# the subsidiary public's sentence reaches its second case ("cinq derniers mois") within
# the first lines once the examples of the first case are cut.
ASIDE_TRIM_CHARS = 400
# Shorter brackets name or define ("(CPOM)", "(ses caractéristiques générales)").
MIN_ASIDE_CHARS = 40
_ASIDE = re.compile(r"\s*\(([^()]+)\)")


def without_asides(quote: str, asked: frozenset[str]) -> str:
    """``quote`` with its long bracketed asides on nothing asked cut to "[…]", when long."""
    if len(quote) <= ASIDE_TRIM_CHARS:
        return quote

    def cut(match: re.Match[str]) -> str:
        aside = match.group(1)
        if len(aside) < MIN_ASIDE_CHARS or asked & set(tokens(aside)):
            return match.group(0)
        return " […]"

    return _ASIDE.sub(cut, quote)


# A source named in an answer's lead is at most this many words: "Décret n° 2024-584
# du 24 juin 2024" whole, not cut at its date.
SHORT_TITLE_WORDS = 8
_DANGLING = re.compile(r"(?:\s+(?:de|du|des|la|le|les|et|à|en|pour|sur|[ld]['’]))+$", re.I)


def _short_title(chunk: Chunk) -> str:
    """The document's title up to its dash or colon, cut after a few words if longer."""
    title = re.split(r"\s+[—–]\s+|\s*:\s+", chunk.title, maxsplit=1)[0].strip()
    words = title.split()
    if len(words) <= SHORT_TITLE_WORDS:
        return title
    # Cut where a phrase ends, not on "de" or "l'offre".
    return _DANGLING.sub("", " ".join(words[: SHORT_TITLE_WORDS - 2])) + "…"


def _source_phrase(chunk: Chunk) -> str:
    return f"Selon le texte ({_short_title(chunk)})"
