"""The extractive answerer: sentence scoring, selection and composition.

It quotes the corpus: it picks the sentences of the retrieved passages that
best answer the question and cites each one. The same input always gives the
same output. Whether to answer at all is decided in ``scope``; the pipeline
that calls this lives in ``assistant``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from .checker import CheckReport, Dossier
from .corpus import Chunk
from .index import VectorIndex
from .retrieval import RetrievalResult, Retrieved, phrase_meanings
from .safety import is_instruction
from .text import normalize_match, tokens

MAX_QUOTES = 3
# Sentences scored below this share of the best one are not quoted.
RELATIVE_CUTOFF = 0.85
MMR_LAMBDA = 0.7


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
        )

    def label(self) -> str:
        where = self.section or ""
        if _alnum(where) == _alnum(self.title):
            where = ""  # a section named like its document adds nothing
        if self.page is not None:
            where = f"{where}, p. {self.page}" if where else f"p. {self.page}"
        return f"{self.title}" + (f" — {where}" if where else "")


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
    retrieved: list[Retrieved] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    notices: list[str] = field(default_factory=list)
    mode: str = "extractive"
    resolved_question: str = ""

    def sources_markdown(self) -> str:
        lines = []
        for c in {c.n: c for c in self.citations}.values():  # one line per source
            line = f"[{c.n}] {c.label()}"
            if c.reference:
                line += f". {c.reference}"
            if c.url:
                line += f". {c.url}"
            lines.append(line)
        return "\n".join(lines)

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
    hit: Retrieved
    start: int  # offsets within the chunk text
    end: int
    score: float
    vector: np.ndarray

    @property
    def text(self) -> str:
        return self.hit.chunk.text[self.start : self.end]


_BULLET = re.compile(r"^(?:[-*•▪◦–]|\d{1,2}[.)])\s+")
_NEGATION = re.compile(
    r"\b(?:ne|n')\s*\S+\s+(?:pas|plus|jamais|aucun|aucune|nullement)\b|\bnon\b|\baucun|\bin[ée]ligible",
    re.I,
)
_YES_NO = re.compile(
    r"^(?:est-ce qu|peut-on|peuvent-ils|peuvent-elles|faut-il|doit-on|dois-je|puis-je|"
    r"a-t-on|y a-t-il|sommes-nous|suis-je|avons-nous|pouvons-nous|devons-nous)"
    r"|\b\w+-(?:t-)?(?:il|elle|on|ils|elles|nous|je)\b",
    re.I,
)
_WH_WORD = re.compile(
    r"\b(?:qui|que|quoi|quel|quelle|quels|quelles|quand|combien|comment|pourquoi|où|lequel|"
    r"laquelle|lesquels|lesquelles|qu'est-ce)\b",
    re.I,
)
# Generic verbs that say nothing about the topic of a yes/no question.
_MODAL_STEMS = frozenset(tokens("peut peuvent pouvons faut doit doivent devons être avoir"))


_LIST_QUESTION = re.compile(
    r"\bquel(?:le)?s\s+(?:sont\s+les\s+)?(?:éléments|critères|conditions|missions|pièces|"
    r"étapes|actions|principes|obligations|engagements|mentions)\b|\bque (?:comporte|contient)\b",
    re.I,
)
_LIST_ANSWER = re.compile(r"\n\s*(?:[-*•▪◦–]|\d{1,2}[.)])\s")

# What kind of fact a question asks for, and how to recognise a sentence giving it.
_ANSWER_TYPES = (
    (
        re.compile(r"\bcombien de temps|\bdurée|\bdure\b|\bpendant combien|how long", re.I),
        re.compile(
            r"\b(?:\d+|un|deux|trois|six|douze|dix-huit|trente-six)\s+(?:mois|ans?|années)\b"
        ),
    ),
    (
        re.compile(
            r"\bcombien\b|\bmontant|\bminimum|\bmaximum|\bplafond|\bplancher|how much", re.I
        ),
        re.compile(r"\d[\d\s.,]*\s?(?:€|euros?|%)|\b\d+\s+(?:mois|ans)\b"),
    ),
    (
        re.compile(r"\bquand\b|\bdate\b|\bdepuis quand|\bwhen\b", re.I),
        re.compile(
            r"\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|"
            r"septembre|octobre|novembre|décembre)\s+\d{4}\b"
        ),
    ),
    (_LIST_QUESTION, _LIST_ANSWER),
    (
        re.compile(r"\bquels? articles?\b|\bquelle loi\b|\bquel décret\b|\btextes?\b", re.I),
        re.compile(r"\b[LRD]\.\s?\d{4}-\d+|\bn°\s?\d{4}-\d+|\bloi du \d"),
    ),
)
ANSWER_TYPE_BONUS = 0.08


def _is_title(sentence: str, chunk: Chunk) -> bool:
    """A document or section title repeated in the text states nothing."""
    folded = normalize_match(sentence).strip(" .:")
    names = [chunk.title, *chunk.section.split(" > ")]
    return any(folded == normalize_match(n).strip(" .:") for n in names if n)


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


# A sentence opening on an anaphor ("Ce chapitre comprend…") finishes the one before.
_ANAPHOR = re.compile(r"^(?:Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|C'est|Celui-ci|Ceux-ci)\b")
MAX_QUOTE_CHARS = 450


def _with_continuation(text: str, a: int, b: int, following, offset: int) -> int:
    start, end = following.start - offset, following.end - offset
    same_line = "\n" not in text[b:start]
    lead_in = text[start:end].rstrip().endswith(":")
    if same_line and not lead_in and _ANAPHOR.match(text[start:end]) and end - a <= MAX_QUOTE_CHARS:
        return end
    return b


def score_candidates(question: str, result: RetrievalResult, index: VectorIndex) -> list[Candidate]:
    """Scored sentences of the retrieved passages.

    ``question`` is what the user typed: for a follow-up, its own words weigh
    more than the earlier question that retrieval was given as context.
    """
    refs, matrix = index.sentences()
    by_chunk: dict[str, list[int]] = {}
    for row, ref in enumerate(refs):
        by_chunk.setdefault(ref.chunk_id, []).append(row)
    qvec = np.asarray(result.query_vector, dtype=np.float32)
    q_stems = set(tokens(result.expanded)) | set(tokens(question))
    own_stems = set(tokens(" ".join([question, *phrase_meanings(question)])))
    wanted = [shape for asks, shape in _ANSWER_TYPES if asks.search(question)]
    out = []
    for hit in result.hits:
        chunk = hit.chunk
        rows = sorted(by_chunk.get(chunk.chunk_id) or [], key=lambda r: refs[r].start)
        for i, row in enumerate(rows):
            ref = refs[row]
            a, b = ref.start - chunk.start, ref.end - chunk.start
            if i + 1 < len(rows):
                b = _with_continuation(chunk.text, a, b, refs[rows[i + 1]], chunk.start)
            if chunk.text[_line_start(chunk.text, a) :].startswith("#"):
                continue  # a heading names a topic, it does not state anything
            bullet = _BULLET.match(chunk.text[a:b])
            if bullet:
                a += bullet.end()
            text = chunk.text[a:b]
            if len(text) < 20 or _is_title(text, chunk) or is_instruction(text):
                continue  # titles state nothing; orders to the assistant are never answers
            span_rows = [row]
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
                # The quote is judged on everything it shows.
                text = chunk.text[a:b]
                span_rows = [r for r in rows if a <= refs[r].start - chunk.start < b]
            s_stems = set(tokens(text))
            overlap = len(own_stems & s_stems) / len(own_stems) if own_stems else 0.0
            expanded_overlap = len(q_stems & s_stems) / len(q_stems) if q_stems else 0.0
            similarity = max(float(matrix[r] @ qvec) for r in span_rows) if qvec.size else 0.0
            score = similarity + 0.35 * overlap + 0.1 * expanded_overlap + 0.05 / (1 + hit.rank)
            if any(shape.search(chunk.text[a:b]) for shape in wanted):
                score += ANSWER_TYPE_BONUS
            out.append(Candidate(hit, a, b, score, matrix[row]))
    return out


def select_sentences(candidates: list[Candidate], limit: int = MAX_QUOTES) -> list[Candidate]:
    """Greedy maximal marginal relevance over candidate sentences."""
    if not candidates:
        return []
    pool = sorted(candidates, key=lambda c: (-c.score, c.hit.rank, c.start))
    best = pool[0].score
    chosen = [pool.pop(0)]
    while pool and len(chosen) < limit:

        def mmr(c: Candidate) -> float:
            redundancy = max(float(c.vector @ s.vector) for s in chosen)
            return MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy

        nxt = max(pool, key=lambda c: (mmr(c), -c.hit.rank, -c.start))
        pool.remove(nxt)
        if nxt.score < RELATIVE_CUTOFF * best or any(nxt.text == c.text for c in chosen):
            continue
        chosen.append(nxt)
    return chosen


def _plain_yes_no(question: str, first: Candidate) -> str | None:
    """ "Oui" or "Non" when the best sentence answers the question's own terms."""
    q = question.strip()
    if not q.endswith("?") or _WH_WORD.search(q) or not _YES_NO.search(q):
        return None
    topic = set(tokens(q)) - _MODAL_STEMS
    if not topic:
        return None
    covered = len(topic & set(tokens(first.text))) / len(topic)
    if covered < 0.75:
        return None
    question_negated = bool(_NEGATION.search(q))
    sentence_negated = bool(_NEGATION.search(first.text))
    return "Non" if sentence_negated != question_negated else "Oui"


def compose(
    question: str, chosen: list[Candidate], findings: CheckReport | None
) -> tuple[str, list[Citation]]:
    """A short French answer: plain answer first, then the quotes, each with its marker."""
    citations: list[Citation] = []
    numbers: dict[str, int] = {}
    parts: list[str] = []
    for i, cand in enumerate(chosen):
        chunk: Chunk = cand.hit.chunk
        if chunk.chunk_id not in numbers:
            numbers[chunk.chunk_id] = len(numbers) + 1
        n = numbers[chunk.chunk_id]
        citations.append(Citation.of(n, chunk, cand.text))
        quote = f"« {cand.text.strip()} » [{n}]"
        if i == 0:
            lead = None
            if findings is not None and findings.verdict == "ineligible":
                failed = [r for r in findings.results if r.status == "fail"]
                lead = "Non, pas en l'état : " + " ; ".join(r.explanation for r in failed)
                lead = lead.rstrip(".") + ". Ce que disent les textes :"
            elif findings is None:
                plain = _plain_yes_no(question, cand)
                if plain:
                    lead = f"{plain}. {_source_phrase(chunk)} :"
            parts.append(f"{lead or _source_phrase(chunk) + ' :'} {quote}")
        else:
            parts.append(f"{_source_phrase(chunk, again=True)} : {quote}")
    return "\n\n".join(parts), citations


def _source_phrase(chunk: Chunk, again: bool = False) -> str:
    title = re.split(r"\s+[—–]\s+|\s*:\s+", chunk.title, maxsplit=1)[0].strip()
    lead = "Le texte précise aussi" if again else "Selon le texte"
    return f"{lead} ({title})"
