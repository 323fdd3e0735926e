"""The assistant facade: one user message in, one cited answer out.

It runs the whole pipeline once per message: input cleaning, follow-up
resolution, retrieval, fact extraction and the checker, the scope decision,
then the extractive (or, if configured, generated) answer. The answer carries
the conversation's dossier after this message, so callers never extract facts
again.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import threading
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace

from .answer import (
    FRAMING_FACTS,
    FRAMING_FACTS_EN,
    MAX_QUOTES,
    SEE_ALSO,
    SEE_ALSO_EN,
    Answer,
    Candidate,
    Citation,
    compose,
    condition_quotes,
    conditions_text,
    findings_line,
    overlaps,
    quotes_source,
    rule_asked,
    rule_quotes,
    score_candidates,
    select_sentences,
    supposed_changes,
    supposition_line,
)
from .build import ensure_index
from .checker import CheckReport, Dossier, RuleResult, evaluate, merge_dossiers
from .config import Settings
from .embeddings import Embedder, get_embedder
from .errors import IndexUnavailableError, InputError, LLMError
from .facts import changed_cost, changed_length, extract_facts, place_record
from .followup import (
    asks_again,
    asks_which_ones,
    continues,
    in_context,
    question_by_rank,
    resolve_followup,
    returns_to_first,
)
from .footnotes import Footnotes
from .index import GenerationGoneError, VectorIndex, is_current, open_index
from .llm import FALLBACK_NOTICE, check_numbers, generate, make_chat_model
from .matching import ValidatedAnswers
from .missing import fact_requests
from .places import Place, find_places
from .provenance import is_official, official_domains
from .question import (
    FACT_KINDS,
    Question,
    about_own_project,
    analyse,
    asked_at_the_end,
    asking_sentences,
    asks_source,
    asks_what_fails,
    asks_what_is_missing,
    in_english,
    language_switch,
    places_asked,
    questions_of,
    stressed_question,
    suppositions,
    without_greeting,
    without_reporting,
)
from .retrieval import HybridRetriever, Retrieved
from .safety import is_instruction
from .scheduling import shared_slots
from .scope import abstention_text, answers_kind, counts_from_event, scope_signals
from .spelling import spelled_out
from .text import current_names
from .validated import ValidatedStore

log = logging.getLogger(__name__)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


# A tab between two cells, or a wide gap before a number ("Personnel   41 000   42 000").
# One person, not a public: "quelqu'un", "une jeune femme", "ce monsieur", "a young man".
_ONE_PERSON = re.compile(
    r"\b(?:quelqu['’]un|une\s+personne|(?:un|une|ce|cet|cette)\s+(?:jeune|femme|homme|dame"
    r"|monsieur|mère|père|maman|papa|garçon|fille)|someone|somebody|a\s+person"
    r"|(?:a|this)\s+(?:young\s+)?(?:man|woman|person|guy|girl|boy))\b",
    re.I,
)
# Whether someone belongs to the public, asked of a registered person too (whom the
# question's "public" kind leaves to the subsidiary rule): "il en fait partie ?".
_FITS_PUBLIC = re.compile(
    r"\b(?:en\s+)?f(?:ait|ont)\s+partie\b|\b(?:r?entr\w*)\s+(?:ds|dans)\s+(?:le|les)\s+(?:public"
    r"|cases)\b|\bconcernée?s?\b|\b(?:count|qualif(?:y|ies))\s+as\b|\btake\s+(?:him|her|them)\s+on\b",
    re.I,
)
_TABLE_ROW = re.compile(r"\S\t+\S|\S {3,}\**-?\d")
_TABLE_GAP = re.compile(r"\t+| {2,}")


def _cells_apart(line: str) -> str:
    return _TABLE_GAP.sub(" | ", line) if _TABLE_ROW.search(line) else line


def clean_question(text: str, max_chars: int) -> tuple[str, list[str]]:
    """Remove control characters and cut overlong input; the notices say what changed."""
    notices = []
    text = _CONTROL.sub(" ", unicodedata.normalize("NFC", text or "").replace("\r\n", "\n"))
    # Spaces collapse; line breaks stay, since an e-mail's lines tell its greeting,
    # signature and quoted or forwarded parts apart. A line with a tab or a wide gap is a
    # table's row pasted from a spreadsheet: its gaps become cell separators.
    lines = [re.sub(r"\s+", " ", _cells_apart(line)).strip() for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        raise InputError("empty question", "La question est vide : écrivez votre question.")
    if len(text) > max_chars:
        text = text[:max_chars].rsplit(" ", 1)[0] or text[:max_chars]
        notices.append(
            f"Votre message était trop long : seuls les {max_chars} premiers caractères "
            "ont été pris en compte."
        )
    return text, notices


# Questions of one message answered each on its own; the last one takes the rest.
MAX_QUESTIONS = 4
OTHER_QUESTION = "Sur votre question « {question} » : {answer}"
NOT_IN_TEXTS = (
    "les textes dont je dispose ne le disent pas ; la DREETS Pays de la Loire pourra vous répondre."
)
# The same frames for a message written in English; the quotes stay in French.
OTHER_QUESTION_EN = "On your question « {question} »: {answer}"
NOT_IN_TEXTS_EN = "the texts I have do not say; the DREETS Pays de la Loire can tell you."


def _joined(
    answers: list[tuple[str, Answer]], started: float, english: bool = False, judged: bool = False
) -> Answer:
    """One answer to a message asking several things: a short paragraph per question.

    The first question keeps the checker's findings; each question gets its
    deciding quote, or a plain "the texts do not say" (in English for an English
    message), after the questions the texts answer. ``judged``: the first question
    asks whether the facts qualify, which the verdict answers.
    """
    first = answers[0][1]
    if all(a.abstained for _, a in answers):
        return first
    footnotes = Footnotes()
    paragraphs: list[str] = []
    # What the texts answer comes first, the questions they leave open after it: a reply
    # opening on "the texts do not say" buries the answer the next question got.
    order = sorted(range(len(answers)), key=lambda i: answers[i][1].abstained)
    for i in order:
        question, answer = answers[i]
        if answer.abstained:
            body = NOT_IN_TEXTS_EN if english else NOT_IN_TEXTS
        elif i == 0:
            paragraphs += _first_paragraphs(footnotes, question, answer, english, judged)
            continue
        else:
            body = " ".join(footnotes.paragraphs(answer, lead_only=True, english=english))
        frame = OTHER_QUESTION_EN if english else OTHER_QUESTION
        paragraphs.append(frame.format(question=_short(question), answer=body))
    return replace(
        first,
        text="\n\n".join(paragraphs),
        citations=footnotes.citations,
        abstained=False,
        notices=[n for _, a in answers for n in a.notices],
        # Each question's offered answers, once: a validated answer may fit the second one.
        suggestions=list({o.answer_id: o for _, a in answers for o in a.suggestions}.values()),
        timings={**first.timings, "total_ms": (time.perf_counter() - started) * 1000},
    )


def _first_paragraphs(
    footnotes: Footnotes, question: str, answer: Answer, english: bool, judged: bool
) -> list[str]:
    """The first question's paragraphs: its lead, and, when what the checker found failing
    leads, the question's own answer after the rule's quote ("Qui signe la convention ?"
    after the pathway's twelve months), unless the verdict is that answer (``judged``)."""
    fails = answer.findings is not None and bool(answer.findings.to_fix)
    kept = footnotes.paragraphs(answer, findings=True, lead_only=judged or not fails)
    if judged or not fails:
        return kept
    to_fix = [r for r in answer.findings.results if r.status in ("fail", "warn")]
    frame = OTHER_QUESTION_EN if english else OTHER_QUESTION
    label = f"{SEE_ALSO_EN if english else SEE_ALSO} : "
    out: list[str] = []
    for part in kept:
        if part.startswith(label) and not any(quotes_source(part, r) for r in to_fix):
            part = frame.format(question=_short(question), answer=part.removeprefix(label))
        out.append(part)
    return out


def _short(question: str, words: int = 14) -> str:
    """The question as a reply names it: what is asked, without who asks ("Les jeunes nous
    demandent s'ils seront payés ?": « s'ils seront payés ? ») nor the greeting before it,
    cut after ``words``; nor the punctuation left of a sentence cut before it ("P.S. : …")."""
    kept = without_reporting(without_greeting(question)).lstrip(":;,.-–— ").split()
    return " ".join(kept[:words]) + (" …" if len(kept) > words else "")


def _changed_rules(before: Dossier | None, findings: CheckReport | None) -> frozenset[str] | None:
    """The rules whose result a message changed; None when nothing was known before."""
    if findings is None or before is None or before.is_empty():
        return None
    earlier = {r.rule_id: (r.status, r.explanation) for r in evaluate(before).results}
    return frozenset(
        r.rule_id for r in findings.results if earlier.get(r.rule_id) != (r.status, r.explanation)
    )


def _asks_its_own_question(asked: Question) -> bool:
    """Whether a message asks something besides "do we qualify?"."""
    # A bare "montant minimum du projet" asks too, by the kind of answer it names.
    return (asked.asks or bool(asked.kinds)) and not asked.asks_eligibility


# The areas a yes-no question asks about ("… in two départements?"); not a commune, which
# may be a body asking to apply, nor "notre territoire", which the offer is adapted to.
_TERRITORY_ASKED = re.compile(
    r"\b(?:d[ée]partements?|r[ée]gions?|counties|county)\b",
    re.I,
)


def _fixed_rule_asked(asked: Question, findings: CheckReport, idf: Callable[[str], float]) -> bool:
    """Whether ``asked`` is about a rule the stated facts fail or must fix."""
    rule = rule_asked(asked, findings, idf)
    return rule is not None and findings.by_id(rule).status in ("fail", "warn")


def _only_where(findings: CheckReport | None) -> bool:
    """Whether the facts known only place the candidate in the region: "Je dirige une
    mission locale en Mayenne… pouvons-nous candidater alors que… ?" asks about the call,
    which its texts answer; what the checker found follows. So do facts that also say how
    long it has been there ("implantés à Nantes depuis quinze ans… Qu'en pensez-vous ?")."""
    if findings is None:
        return False
    known = [r for r in findings.results if r.status != "missing"]
    return bool(known) and all(
        r.rule_id in ("territoire", "ancrage_territorial") and r.status == "pass" for r in known
    )


def _asks_about_a_rule_to_fix(
    asked: Question, findings: CheckReport, idf: Callable[[str], float]
) -> bool:
    """Whether a question of ours asks about a fact stated earlier that fails a rule or
    needs fixing ("Notre public : des demandeurs d'emploi inscrits…" then "On peut en
    faire le public principal de notre projet ?"): the checker's verdict answers it."""
    return asked.first_person and not asked.wh and _fixed_rule_asked(asked, findings, idf)


class Assistant:
    """Answers questions over the served index; one instance serves many sessions.

    ``build=True`` builds the index first when it is missing or stale; otherwise
    a missing or stale index is an error that names the command to run. ``index``
    is one the caller opened (``serve_index``: possibly stale while a newer
    generation is built, which :meth:`refresh` then picks up).
    """

    def __init__(
        self,
        settings: Settings | None = None,
        embedder: Embedder | None = None,
        *,
        build: bool = False,
        validated: ValidatedStore | None = None,
        index: VectorIndex | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.embedder = embedder or get_embedder(self.settings.embedder)
        if index is None and build:
            index = ensure_index(self.settings, self.embedder)
        elif index is None:
            index = open_index(self.settings, self.embedder)
            if index is None or not is_current(index, self.settings, self.embedder):
                raise IndexUnavailableError(
                    "the index is missing or stale: run `o2r index`",
                    "l'index du corpus est absent ou périmé : lancez `o2r index`",
                )
        self.validated: ValidatedAnswers | None = None
        self._serve(index)
        self._refresh_lock = threading.Lock()
        self.slots = shared_slots(self.settings.answer_slots, self.settings.answer_wait_s)
        self.chat_model = make_chat_model(self.settings) if self.settings.llm else None
        self.official_domains = official_domains(self.settings.official_domains)
        # Staff-validated answers, served first when a question matches one of them.
        if validated is not None:
            self.validated = ValidatedAnswers(validated, self.embedder, self.index)

    def _serve(self, index) -> None:
        with index.reading():
            retriever = HybridRetriever(
                index=index, k=self.settings.top_k, mode=self.settings.retrieval_mode
            )
            index.sentences()  # load once, not on the first question
            if self.validated is not None:
                self.validated.verify(index)  # quotes that left the corpus suspend their answer
        self.serving = (index, retriever)  # swapped as one, read as one

    @property
    def index(self) -> VectorIndex:
        return self.serving[0]

    @property
    def retriever(self) -> HybridRetriever:
        return self.serving[1]

    def refresh(self) -> bool:
        """Serve the index generation a build swapped in since (one readlink or server call)."""
        try:
            if self.index.newest_generation() in (None, self.index.generation):
                return False
            with self._refresh_lock:
                index = open_index(self.settings, self.embedder)
                if index is None or index.generation == self.index.generation:
                    return False
                self._serve(index)
        except IndexUnavailableError as err:  # keep serving the generation at hand
            log.warning("index generation check failed: %s", err)
            return False
        return True

    @contextlib.contextmanager
    def _answering(self):
        """The generation an answer starts and ends on (the newest), which no build deletes
        before the answer is done."""
        with contextlib.ExitStack() as held:
            self.refresh()
            index, retriever = self.serving
            try:
                held.enter_context(index.reading())
            except GenerationGoneError:  # two builds since the check: the newest is kept
                self.refresh()
                index, retriever = self.serving
                held.enter_context(index.reading())
            yield index, retriever

    def ask(
        self,
        question: str,
        history: list[str] | None = None,
        dossier: Dossier | None = None,
        k: int | None = None,
        *,
        read_facts: bool = True,
        session_id: str = "",
        previous: Answer | None = None,
    ) -> Answer:
        """Answer ``question``, the user's latest message.

        ``history`` holds the earlier user messages (oldest first) and ``dossier``
        the facts gathered from them. ``previous`` is the answer to the last of them,
        when the caller kept it; otherwise it is answered again, since the passages it
        quoted are the conversation's topic. ``read_facts=False`` when ``dossier`` already
        holds this message's facts (each question of one e-mail): not read again.
        ``session_id`` is whose turn this is when answers queue (callers without one share).
        """
        started = time.perf_counter()
        text, notices = clean_question(question, self.settings.max_question_chars)
        spell = functools.partial(
            spelled_out,
            clipped=self.retriever.clippings,
            accented=self.retriever.accents,
            misspelt=self.retriever.english_typo,
            known=self.retriever.known_words,
        )
        text = spell(text)
        history = [spell(h) for h in history] if history else history
        # "Et le deuxième point ?": that question of the last message is asked again.
        ranked = question_by_rank(text, history[-1]) if history else None
        text = ranked or text
        language = language_switch(text) if history else None
        parts = questions_of(text) if read_facts and not language else []
        # Past the first few, the remaining questions are answered together, not dropped.
        parts = [*parts[: MAX_QUESTIONS - 1], " ".join(parts[MAX_QUESTIONS - 1 :])][: len(parts)]
        # "Pour revenir au premier sujet, …": the topic is the first answer's passages.
        back = returns_to_first(text, history)
        with self._answering() as serving:  # it ends on the generation it starts on
            if history and (previous is None or back):
                before = history[:1] if back else history
                previous = self._answer(
                    serving, analyse(before[-1]), [], before[:-1], None, False, k, session_id
                )
            topic = frozenset(c.chunk_id for c in previous.citations) if previous else frozenset()
            one = functools.partial(self._answer, serving, k=k, session_id=session_id, topic=topic)
            if language:
                # "And in English?": the last question again, answered in that language.
                asked = replace(analyse(history[-1]), english=language == "en")
                return one(asked, notices, history[:-1], dossier, read_facts)
            if history and (asks_source(text) or asks_which_ones(text)):
                # "C'est écrit où ?": the last question again, whose quotes name their text,
                # with no "Oui." or "Non." before them: the source is what is asked. So
                # with "lesquels ?": what that question counted or named is asked.
                asked = replace(analyse(history[-1]), english=analyse(text).english, yes_no=False)
                return one(asked, notices, history[:-1], dossier, read_facts)
            # "… ? Où est-ce écrit ?": the quotes answering the question before say where.
            sourced = [p for i, p in enumerate(parts) if not (i and asks_source(p))]
            if len(parts) == 2 and len(sourced) == 1:
                return one(analyse(text, sourced[0]), notices, history, dossier, read_facts)
            parts = sourced
            if len(parts) < 2:
                return one(analyse(text), notices, history, dossier, read_facts)
            # Several questions: each answered on its own, the first with the message's facts.
            # The one asking whether the project qualifies is the one those facts answer: it
            # comes first ("comment l'ancrage sera-t-il apprécié ? Et notre budget est-il
            # suffisant ?"), when there are facts to judge: "on est obligés d'aller chercher
            # les gens dehors ? nous on fait de l'accueil au local, ça suffit pas ?" keeps
            # its order.
            analysed = [analyse(text, p) for p in parts]
            asked_before: dict[str, str] | None = None  # each question's own predecessor, if moved
            judged = next((i for i, a in enumerate(analysed) if a.asks_eligibility), None)
            known = dossier is not None and not dossier.is_empty()
            # Read once: the first question's answer judges the same facts.
            facts = extract_facts(text) if judged is not None and not known else None
            if facts is not None and facts.is_empty():
                judged = None
            if judged is not None:
                parts.insert(0, parts.pop(judged))
                analysed.insert(0, analysed.pop(judged))
            elif asked_at_the_end(text):
                # "Sa question est tout en bas": the forwarded thread's last question leads.
                parts.insert(0, parts.pop())
                analysed.insert(0, analysed.pop())
            elif (stressed := stressed_question(parts)) is not None:
                # "c koi le budget mini ? et surtt les formations…": the one that matters most
                # to the sender is answered first.
                # Each is read with the one asked before it, which it may lean on ("dedans");
                # the first one asked with none.
                asked_before = {q: parts[i - 1] for i, q in enumerate(parts) if i}
                read = in_context(parts[stressed], parts[stressed - 1], text)
                analysed.insert(0, replace(analysed.pop(stressed), focus=read.focus))
                parts.insert(0, parts.pop(stressed))
            asked = analysed[0]
            first = one(asked, notices, history, dossier, True, facts=facts)
            # Each later question gets a sentence of its own when one is nearly as good as
            # the quote an earlier one leads with, which the reply shows once.
            answered: list[tuple[str, Answer]] = [(parts[0], first)]
            given = frozenset(c.quote for c in first.citations[:1])
            for i, q in enumerate(parts[1:], 1):
                if first.findings is not None and (
                    (not analysed[i].wh and extract_facts(q).figure_kinds())
                    or asks_what_is_missing(analysed[i])
                    # "Nos dépenses de formation sont-elles acceptées ?" after a verdict that
                    # warns of them: that warning, with its rule's text, answers it.
                    or (
                        bool(first.verdict)
                        and _fixed_rule_asked(analysed[i], first.findings, serving[1].idf)
                    )
                ):
                    # "… et on peut suivre qqun 1 an et demi ?": the checker's verdict on
                    # the message's figures, which the first answer gives, answers it; not
                    # "une histoire de cinq mois…, de quoi s'agit-il ?". It also answers "ce
                    # qu'il manque encore" by the facts it lists as missing.
                    continue
                if asked_before is None:
                    read = in_context(q, parts[i - 1], text)
                elif q in asked_before:
                    read = in_context(q, asked_before[q], text)
                else:
                    read = analyse(text, q)
                other = one(read, [], None, None, False, given=given)
                given |= {c.quote for c in other.citations[:1]}
                answered.append((q, other))
        return _joined(
            answered,
            started,
            asked.english,
            judged=judged is not None,
        )

    def _answer(
        self,
        serving: tuple[VectorIndex, HybridRetriever],
        asked: Question,
        notices: list[str],
        history: list[str] | None,
        dossier: Dossier | None,
        read_facts: bool,
        k: int | None,
        session_id: str,
        topic: frozenset[str] = frozenset(),
        given: frozenset[str] = frozenset(),
        facts: Dossier | None = None,
    ) -> Answer:
        """Answer one question (``asked.focus``) of a cleaned message (``asked.text``);
        ``topic``: the passages the conversation's previous answer quoted; ``given``: the
        quotes the reply gives already, for the message's earlier questions; ``facts``: the
        message's facts when already read."""
        started = time.perf_counter()
        text = asked.text
        index, retriever = serving
        t0 = time.perf_counter()
        if not read_facts:
            facts = Dossier()
        elif facts is None:
            facts = extract_facts(text)
        plans = suppositions(text) if read_facts else []
        if read_facts and dossier is not None and not plans:
            # "et si on ramène à 10 mois ?": the one length the conversation holds, changed
            # (a plan only supposed, "si on passait à…", is weighed below for this answer).
            # So is the cost changed by an amount: "le budget baisse de 40 000 €".
            changed_to = merge_dossiers(changed_length(text, dossier), changed_cost(text, dossier))
            if not changed_to.is_empty():
                facts = merge_dossiers(facts, changed_to)
        stated = not facts.is_empty()
        read = time.perf_counter()
        merged = (merge_dossiers(dossier, facts) if dossier else facts) if stated else dossier
        # The checker judges the whole conversation's facts, not only this message's.
        findings = evaluate(merged) if merged is not None and not merged.is_empty() else None
        # A supposed plan is checked for this answer only: the conversation keeps its facts.
        supposing = None
        places: list[Place] = []  # the places the question asks about, if only those
        turned: list[RuleResult] = []  # the rules the supposed plan turns on
        if read_facts:
            # "et si le budget baisse de 40 000 € ?": the cost the conversation holds, less it.
            supposed = [
                f
                for s in plans
                if not (f := merge_dossiers(extract_facts(s), changed_cost(s, merged))).is_empty()
            ]
            # "La Manche est-elle couverte ?": the places asked about are checked as a plan
            # would be, for this answer only.
            previous = history[-1] if history else None
            places = [] if facts.places else places_asked(asked.focus, previous)
            if places:
                supposed.append(Dossier(places=[place_record(p) for p in places]))
            if supposed:
                plan = functools.reduce(merge_dossiers, supposed, merged or Dossier())
                supposed_report = evaluate(plan)
                supposing = supposition_line(
                    findings, supposed_report, english=asked.english, asked=bool(places)
                )
                turned = supposed_changes(findings, supposed_report)
        checked = time.perf_counter()
        # A message asking something of its own is retrieved for that question; one that
        # only states facts (or asks whether they qualify) is about those facts, unless
        # they only say where the candidate is.
        # So is one asking whether two figures it names pass ("… confirmer que le montant et
        # la durée des parcours respectent le cadre ?"): the texts' rules on each answer.
        figures = set(asked.kinds) & set(FACT_KINDS)
        own_question = (
            _asks_its_own_question(asked)
            or (asked.asks and asked.asks_eligibility and _only_where(findings))
            or (len(figures) > 1 and figures <= facts.figure_kinds())
        )
        followed = resolve_followup(text if stated and not own_question else asked.focus, history)
        if history and followed != asked.focus:
            # "per year?" after an English question is English too.
            asked = replace(
                asked, context=history[-1], english=in_english(asked.focus, history[-1])
            )
            if asks_again(asked.focus) and not (asked.wh or asked.kinds):
                # "Même une mairie ?" asks again what was asked ("Qui peut répondre à
                # l'AMI ?"), of something else.
                before = analyse(history[-1])
                asked = replace(asked, wh=before.wh, who=before.who, kinds=before.kinds)
        resolved = current_names(followed)
        # "Notre conseil se demande si…": retrieved for what is asked, not for who asks.
        query = without_reporting(resolved)
        # Embedding the question is the CPU-bound part: a few at once, the others in fair turns.
        with self.slots.turn(session_id, self.embedder.query_tokens(query)):
            result = retriever.retrieve(query, k=k)
        # "Et la durée ?" after "Quel est le coût minimum ?": only the question's own words
        # are glossed, not the "minimum" of the one it is read with.
        result = replace(result, glossed=retriever.glosses(asked.focus))
        t1 = time.perf_counter()
        changed = _changed_rules(dossier, findings) if stated else None
        t2 = time.perf_counter()
        signals = scope_signals(
            resolved, asked, result, retriever, continues=bool(topic) and continues(text)
        )
        chosen: list[Candidate] = []
        rule_chosen: list[Candidate] = []
        candidates: list[Candidate] = []
        places_only = facts.model_copy(update={"places": None}).is_empty()
        # One person described and asked about ("Et quelqu'un d'inscrit à France Travail qui
        # n'a vu personne depuis six mois, il en fait partie ?"): the public's sentence
        # answers, not a verdict on a project no one stated.
        person_only = (
            facts.public is not None
            and facts.model_copy(update={"places": None, "public": None}).is_empty()
            and bool(_ONE_PERSON.search(asked.focus))
            and ("public" in asked.kinds or bool(_FITS_PUBLIC.search(asked.focus)))
            and not asked.asks_eligibility
        )
        # Whether the places stated are allowed ("… and now want to add Vendée. Is it a
        # problem to act in two départements?"): the territory rule answers.
        territory_asked = (
            asked.yes_no
            and bool(facts.places)
            and places_only
            and any(_TERRITORY_ASKED.search(q) for q in asking_sentences(asked.focus))
        )
        # Stated project facts always get the checker's verdict, whatever else the
        # message says (an injection attempt included); a town alone does not.
        states_project = (
            stated
            and not person_only
            and (
                not places_only
                or (signals.domain_terms > 0 and not own_question)
                # "Peut-on mener des actions dans le Calvados ?": the territory rule answers, not
                # when the place is only where the sender is ("basée à Saint-Herblain… ferons-nous
                # partie du réseau pour l'emploi ?").
                or (asked.yes_no and asked.first_person and bool(find_places(asked.focus)))
                or territory_asked
                # A place of action outside the region is a plain no to a question that is no
                # wh-question, however worded ("Our activity is in Sarthe but also a little in
                # Orne… It is possible to apply…?"), not to "quel est le budget minimum ?".
                or (
                    not asked.wh
                    and bool(facts.places)
                    and findings is not None
                    and findings.by_id("territoire").status == "fail"
                )
            )
        )
        # Facts known from earlier messages answer "du coup, notre budget tient la route ?".
        known = dossier is not None and not dossier.is_empty()
        # "Qu'est-ce qui coince ?", "Avons-nous oublié quelque chose ?": the verdict answers
        # it, whatever it finds.
        what_fails = asks_what_fails(asked) or asks_what_is_missing(asked)
        verdict_leads = findings is not None and (
            states_project
            or asked.asks_eligibility
            or (known and (about_own_project(asked) or what_fails))
            or (known and _asks_about_a_rule_to_fix(asked, findings, retriever.idf))
        )
        own: list[Candidate] = []
        framed = False
        if verdict_leads and own_question and not signals.blocked:
            candidates = score_candidates(asked, result, index, retriever.idf, topic)
            # "Pouvez-vous confirmer que le montant et la durée des parcours respectent le
            # cadre ?" asks about the message's own figures: the texts' rules on them answer,
            # whatever they are of.
            figures = set(asked.kinds) & set(FACT_KINDS)
            # Not a time waited or counted from an event ("Après un parcours de douze mois,
            # combien de temps faut-il attendre… ?"): the message's length does not give it.
            about_figures = (
                bool(figures)
                and figures <= facts.figure_kinds()
                and not counts_from_event(asked.focus)
            )
            if signals.supported() and (
                about_figures or answers_kind(asked, candidates, retriever.knows, result.expanded)
            ):
                # Beside a rule to fix, the message's question gets one quote; else as many
                # as a question alone ("leur rémunération et leur protection sociale").
                own = select_sentences(
                    candidates, asked, limit=1 if findings.to_fix else MAX_QUOTES, given=given
                )
            elif (
                not findings.to_fix and not asked.asks_eligibility and asked.asks and not what_fails
            ):
                # The facts only frame a question the texts do not answer ("nous sommes
                # une association à Angers : faut-il être certifié Qualiopi ?"): that
                # question decides, and what the checker found follows the reply. Facts
                # that only name a kind ("aucun contact avec leur conseiller") ask nothing.
                verdict_leads = False
                framed = states_project
        if verdict_leads:
            if findings.to_fix:
                # What fails or needs fixing leads, quoted from the rule it breaks. That
                # verdict answers a question about the project that is no wh-question
                # ("Pouvons-nous… ?", "dites-moi si nous sommes au-dessus du seuil"), and a
                # statement that only names a kind ("suivi 18 mois maximum") asks nothing;
                # another question gets its own quote after.
                about_us = asked.first_person and not asked.wh
                kept = own if asked.asks and not about_us else []
                rule_chosen = rule_quotes(
                    findings, index, limit=MAX_QUOTES - len(kept), changed=changed
                )
                kept = [c for c in kept if not any(overlaps(c, r) for r in rule_chosen)]
                chosen = rule_chosen + kept
            else:
                # Nothing to fix: the message's own question is answered, else a rule says
                # what was checked. A question about one checked rule ("ce budget atteint-il
                # le seuil ?") gets that rule's text first.
                # So does a question whether the project qualifies that names one ("la
                # longueur de suivi envisagée est-elle acceptable ?").
                about = rule_asked(asked, findings, retriever.idf, named=not own) or (
                    "territoire" if territory_asked else None
                )
                if about:
                    ruled = rule_quotes(findings, index, only=about)
                    own = [*ruled, *(c for c in own if not any(overlaps(c, r) for r in ruled))]
                    own = own[:MAX_QUOTES]
                chosen = own or rule_quotes(findings, index, changed=changed)
                rule_chosen = [] if own else chosen
            if not chosen:  # the grounding passages are not in this corpus
                candidates = candidates or score_candidates(
                    asked, result, index, retriever.idf, topic
                )
                chosen = select_sentences(candidates, asked, given=given)
        elif not signals.blocked and signals.supported():
            # Scored already when the facts only framed a question found unanswerable.
            candidates = candidates or score_candidates(asked, result, index, retriever.idf, topic)
            if answers_kind(asked, candidates, retriever.knows, result.expanded):
                chosen = select_sentences(candidates, asked, given=given)
            if chosen and person_only and findings is not None:
                # The person described is judged by the text of the public rule, whichever
                # case it meets: the priority public's, or the subsidiary one's.
                ruled = rule_quotes(findings, index, only="public_cible")
                chosen = [*ruled, *(c for c in chosen if not any(overlaps(c, r) for r in ruled))]
                chosen = chosen[:MAX_QUOTES]
        if supposing and (chosen or ((places or stated or known) and not signals.blocked)):
            # "Et si on passait à 14 mois ?": the text of the rule the supposition turns on
            # comes first, a failing one before one it meets. The places a question asks
            # about are all it asks: that text alone answers it. A plan changing the
            # conversation's facts is answered by the checker, however it is worded ("What
            # if we cut 20k from the budget?").
            first = min(turned, key=lambda r: r.status != "fail")
            ruled = rule_quotes(supposed_report, index, limit=1, only=first.rule_id)
            chosen = [*ruled, *(c for c in chosen if not any(overlaps(c, r) for r in ruled))]
            chosen = ruled if places else chosen[:MAX_QUOTES]
        mode = "extractive"
        # "Pouvez-vous me résumer les conditions ?", asked with no project stated: the
        # checker's rules, each with the text that sets it.
        listed = (
            condition_quotes(index)
            if asked.asks_summary and not stated and not signals.blocked
            else []
        )
        if listed:
            body, citations = conditions_text(listed, english=asked.english)
            abstained, verdict = False, None
        elif chosen:
            # A message with its own question gets that answer first, then the verdict,
            # unless the facts it states fail a rule or need fixing: that comes first.
            answered_first = (
                verdict_leads
                and own_question
                and chosen[0] not in rule_chosen
                and not findings.to_fix
                and not what_fails
            )
            body, citations, verdict = compose(
                asked,
                chosen,
                findings if verdict_leads else None,
                findings_first=not answered_first,
                wanted=(
                    # "… et ce qu'il manque encore ?" anywhere in the message: all of it.
                    fact_requests(findings, merged, every=asks_what_is_missing(asked, whole=True))
                    if verdict_leads
                    else ()
                ),
                changed=changed,
            )
            abstained = False
            # The checker's verdict leads fact-stating messages; a model never rewrites it.
            if self.chat_model is not None and not verdict_leads:
                generated = self._generate(text, result.hits, candidates)
                if generated is None:
                    notices.append(FALLBACK_NOTICE)
                else:
                    body, citations = generated
                    mode = "llm"
        else:
            body, citations, abstained, verdict = abstention_text(asked.english), [], True, None
            if framed:
                # Stated facts always get the checker's summary, after the reply.
                line = findings_line(
                    findings, english=asked.english, wanted=fact_requests(findings, merged)
                )
                body += f"\n\n{FRAMING_FACTS_EN if asked.english else FRAMING_FACTS}{line}"
        if supposing and not abstained:
            # "Et si on passait à 140 000 € ?" is answered by what that plan would give.
            body = f"{supposing}\n\n{body}"
        t3 = time.perf_counter()
        answer = Answer(
            question=text,
            resolved_question=resolved,
            text=body,
            citations=citations,
            abstained=abstained,
            findings=findings,
            dossier=merged,
            facts_stated=stated,
            retrieved=result.hits,
            notices=notices,
            mode=mode,
            verdict=verdict,
            timings={
                "retrieval_ms": (read - t0 + t1 - checked) * 1000,
                "checker_ms": (checked - read + t2 - t1) * 1000,
                "answer_ms": (t3 - t2) * 1000,
                "total_ms": (t3 - started) * 1000,
            },
        )
        # Not for the checker's verdict, a blocked message, or a follow-up (resolved as usual).
        if self.validated and not verdict_leads and not signals.blocked and resolved == asked.focus:
            # A question the texts cannot speak to gets no published answer as a suggestion.
            answer = self.validated.serve(answer, result, suggest=signals.supported())
        answer.citations = [
            replace(c, official=is_official(c.url, self.official_domains)) for c in answer.citations
        ]
        if self.settings.log_questions:
            log.info("question=%r abstained=%s answer=%r", text, answer.abstained, answer.text)
        return answer

    def _generate(
        self, question: str, hits: list[Retrieved], candidates: list[Candidate]
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
