"""Answers with citations: the deterministic extractive answerer and the assistant facade.

The default answerer quotes the corpus: it picks the sentences of the
retrieved passages that best answer the question and cites each one. The same
input always gives the same output. It abstains when the corpus does not
support an answer.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any

import numpy as np

from .checker import CheckReport, Dossier, evaluate, merge_dossiers
from .config import Settings
from .corpus import Chunk
from .embeddings import Embedder, get_embedder
from .errors import InputError, LLMError
from .facts import extract_facts, find_places
from .index import VectorIndex, ensure_index
from .llm import FALLBACK_NOTICE, check_numbers, generate, make_chat_model
from .retrieval import (
    DOMAIN_STEMS,
    HybridRetriever,
    RetrievalResult,
    Retrieved,
    phrase_meanings,
)
from .safety import blocked_reason, is_instruction
from .text import content_words, normalize_match, tokens

log = logging.getLogger(__name__)

MAX_QUOTES = 3
# Sentences scored below this share of the best one are not quoted.
RELATIVE_CUTOFF = 0.85
MMR_LAMBDA = 0.7

ABSTENTION_TEXT = (
    "Je ne trouve pas de réponse à cette question dans les textes dont je dispose : "
    "l'AMI O2R Pays de la Loire, la loi pour le plein emploi (article 7), le décret "
    "n° 2024-584 et l'arrêté du 26 juin 2024. Je réponds aux questions sur cet appel : "
    "structures éligibles, public visé, budget, durées, territoire, critères de sélection "
    "et conventionnement. Pour toute autre question, ou pour une position officielle, "
    "adressez-vous à la DREETS Pays de la Loire, seule compétente pour instruire les "
    "candidatures."
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


# ---------------------------------------------------------------- input


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_question(text: str, max_chars: int) -> tuple[str, list[str]]:
    """Remove control characters and cut overlong input; the notices say what changed."""
    notices = []
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text or ""))
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise InputError("empty question", "La question est vide : écrivez votre question.")
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] or text[:max_chars]
        notices.append(
            f"Votre message était trop long : seuls les {max_chars} premiers caractères "
            "ont été pris en compte."
        )
    return text, notices


_FOLLOW_UP = re.compile(r"^(?:et|mais|sinon|pareil|idem|quid|même question)\b", re.I)
# "Pour la durée ?" continues; "Pour quelle durée la convention est-elle signée ?" does not.
_SHORT_FOLLOW_UP = re.compile(r"^(?:pour|si|concernant|côté|au sujet|aussi)\b", re.I)


def resolve_followup(question: str, history: list[str] | None) -> str:
    """Complete an elliptic follow-up ("et pour la durée ?") with the previous question."""
    if not history:
        return question
    previous = history[-1]
    words = len(re.findall(r"\w+", question))
    # "Et pour la durée ?", or a bare topic like "La durée ?", continues the last question.
    if (
        _FOLLOW_UP.match(question.strip())
        or (_SHORT_FOLLOW_UP.match(question.strip()) and words <= 6)
        or words <= 2
    ):
        return f"{question} ({previous})"
    return question


# ---------------------------------------------------------------- scope


# An acronym or a proper noun the corpus never mentions ("RSA", "CDD", "Python")
# names a subject the documents do not cover.
_SALIENT = re.compile(r"(?<![\w'’])(?:[A-Z]{2,}[a-z]?|(?<=\s)[A-Z][a-zà-ÿ]{2,})(?![\w'’])")


@dataclass
class ScopeSignals:
    """Evidence that the corpus can answer a question.

    No single signal separates in-scope from out-of-scope questions (the dense
    top score overlaps between the two), so several are combined: domain
    vocabulary in the question, terms the corpus has never seen, the dense
    similarity of the best sentence (without query expansion), and whether the
    lexical and dense retrievers agree on a top passage.
    """

    domain_terms: int
    unknown_names: tuple[str, ...]
    agreement: bool
    blocked: str | None
    # Costs an embedding when the question named a place: computed only if consulted.
    _dense: Callable[[], float] = field(repr=False)

    @cached_property
    def dense_best(self) -> float:
        return self._dense()

    def supported(self) -> bool:
        if self.blocked:
            return False
        if self.unknown_names:
            return self.domain_terms >= 1 and self.agreement and self.dense_best >= 0.85
        if self.domain_terms == 0:
            # Nothing ties the question to the call: only a very close passage will do.
            return self.agreement and self.dense_best >= 0.88
        return self.agreement or self.dense_best >= 0.84


def scope_signals(
    question: str, result: RetrievalResult, retriever: HybridRetriever
) -> ScopeSignals:
    place_words = {w for p in find_places(question) for w in content_words(p.name)}
    unknown = tuple(
        name
        for name in _SALIENT.findall(question)
        if not set(content_words(name)) <= (retriever.known_words | place_words)
    )
    # An unknown name's words are no evidence of scope, even if they look like ours.
    own = set(tokens(question)) - {t for name in unknown for t in tokens(name)}
    domain = len(own & DOMAIN_STEMS)
    top_dense = {h.chunk.chunk_id for h in result.hits if h.dense_rank and h.dense_rank <= 3}
    top_lex = {h.chunk.chunk_id for h in result.hits if h.lexical_rank and h.lexical_rank <= 3}
    return ScopeSignals(
        domain_terms=domain,
        unknown_names=unknown,
        agreement=bool(top_dense & top_lex),
        blocked=blocked_reason(question),
        _dense=lambda: retriever.raw_dense_best(result),
    )


# ---------------------------------------------------------------- sentences


@dataclass(frozen=True)
class _Candidate:
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


def _candidates(question: str, result: RetrievalResult, index: VectorIndex) -> list[_Candidate]:
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
            out.append(_Candidate(hit, a, b, score, matrix[row]))
    return out


def select_sentences(candidates: list[_Candidate], limit: int = MAX_QUOTES) -> list[_Candidate]:
    """Greedy maximal marginal relevance over candidate sentences."""
    if not candidates:
        return []
    pool = sorted(candidates, key=lambda c: (-c.score, c.hit.rank, c.start))
    best = pool[0].score
    chosen = [pool.pop(0)]
    while pool and len(chosen) < limit:

        def mmr(c: _Candidate) -> float:
            redundancy = max(float(c.vector @ s.vector) for s in chosen)
            return MMR_LAMBDA * c.score - (1 - MMR_LAMBDA) * redundancy

        nxt = max(pool, key=lambda c: (mmr(c), -c.hit.rank, -c.start))
        pool.remove(nxt)
        if nxt.score < RELATIVE_CUTOFF * best or any(nxt.text == c.text for c in chosen):
            continue
        chosen.append(nxt)
    return chosen


def _plain_yes_no(question: str, first: _Candidate) -> str | None:
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
    question: str, chosen: list[_Candidate], findings: CheckReport | None
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


# ---------------------------------------------------------------- facade


class Assistant:
    """Answers questions over the served index; one instance serves many sessions."""

    def __init__(self, settings: Settings | None = None, embedder: Embedder | None = None) -> None:
        self.settings = settings or Settings()
        self.embedder = embedder or get_embedder(self.settings.embedder)
        self.index = ensure_index(self.settings, self.embedder)
        self.retriever = HybridRetriever(
            index=self.index, k=self.settings.top_k, mode=self.settings.retrieval_mode
        )
        self.index.sentences()  # load once, not on the first question
        self.chat_model = None
        if self.settings.llm:
            self.chat_model = make_chat_model(self.settings)

    def ask(
        self,
        question: str,
        history: list[str] | None = None,
        dossier: Dossier | None = None,
        k: int | None = None,
    ) -> Answer:
        started = time.perf_counter()
        text, notices = clean_question(question, self.settings.max_question_chars)
        resolved = resolve_followup(text, history)
        t0 = time.perf_counter()
        result = self.retriever.retrieve(resolved, k=k)
        t1 = time.perf_counter()
        facts = extract_facts(text)
        findings = None
        if not facts.is_empty():
            findings = evaluate(merge_dossiers(dossier, facts) if dossier else facts)
        t2 = time.perf_counter()
        signals = scope_signals(resolved, result, self.retriever)
        chosen: list[_Candidate] = []
        # A stated budget or duration is always in scope; a town alone is not.
        checkable = findings is not None and (
            signals.domain_terms > 0 or not facts.model_copy(update={"places": None}).is_empty()
        )
        candidates: list[_Candidate] = []
        if not signals.blocked and (checkable or signals.supported()):
            candidates = _candidates(text, result, self.index)
            chosen = select_sentences(candidates)
        mode = "extractive"
        if chosen:
            body, citations = compose(text, chosen, findings)
            abstained = False
            # The checker's verdict leads fact-stating messages; a model never rewrites it.
            if self.chat_model is not None and findings is None:
                generated = self._generate(text, result.hits, candidates)
                if generated is None:
                    notices.append(FALLBACK_NOTICE)
                else:
                    body, citations = generated
                    mode = "llm"
        else:
            body, citations, abstained = ABSTENTION_TEXT, [], True
        t3 = time.perf_counter()
        answer = Answer(
            question=text,
            resolved_question=resolved,
            text=body,
            citations=citations,
            abstained=abstained,
            findings=findings,
            retrieved=result.hits,
            notices=notices,
            mode=mode,
            timings={
                "retrieval_ms": (t1 - t0) * 1000,
                "checker_ms": (t2 - t1) * 1000,
                "answer_ms": (t3 - t2) * 1000,
                "total_ms": (t3 - started) * 1000,
            },
        )
        if self.settings.log_questions:
            log.info("question=%r abstained=%s answer=%r", text, abstained, body)
        return answer

    def _generate(
        self, question: str, hits: list[Retrieved], candidates: list[_Candidate]
    ) -> tuple[str, list[Citation]] | None:
        """A model-written answer that passed every guard, or None to keep the extractive one."""
        passages = [h.chunk.text for h in hits]
        try:
            generated = generate(self.chat_model, question, passages, self.settings.llm_timeout_s)
            cited = [passages[n - 1] for n in generated.cited]
            if any(is_instruction(p) for p in cited):
                raise LLMError(
                    "LLM answer cites a passage that gives orders to the assistant",
                    "la réponse générée s'appuie sur un passage contenant des consignes",
                )
            check_numbers(generated, cited)
        except LLMError as err:
            log.warning("falling back to the extractive answer: %s", err)
            return None
        citations = []
        for n in generated.cited:
            chunk = hits[n - 1].chunk
            own = [c for c in candidates if c.hit.chunk.chunk_id == chunk.chunk_id]
            best = max(own, key=lambda c: c.score) if own else None
            citations.append(Citation.of(n, chunk, best.text if best else chunk.text))
        return generated.text, citations
