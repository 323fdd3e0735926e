"""The question page: the chat, answers with their citations, feedback, and the checker panel."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import streamlit as st

from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.feedback import FEEDBACK_NOTICE_FR, PRIVACY_NOTICE_FR, FeedbackStore
from o2r_assistant.rendering import highlighted, md_text, safe_url
from o2r_assistant.report import STATUS_FR, CheckReport
from o2r_assistant.ui.checker_panel import checker_panel
from o2r_assistant.ui.common import (
    ERROR_FR,
    STATUS_MARK,
    get_assistant,
    question_limiter,
    show_error,
    state,
)
from o2r_assistant.validated import ValidatedStore

if TYPE_CHECKING:
    from o2r_assistant.answer import Answer, Citation

log = logging.getLogger(__name__)

EXAMPLES = (
    "Les dépenses de formation sont-elles éligibles ?",
    "Quel est le coût minimum d'un projet ?",
    "Qui sont les publics « invisibles » visés par l'appel ?",
    "Combien de temps peut durer l'accompagnement d'une personne ?",
)
ABSTAIN_ICON = ":material/search_off:"
TURNS_SHOWN = 10  # questions and answers drawn; older ones behind a button
# Pills with French words: st.feedback's thumbs are named "Thumbs up/down" by Streamlit.
RATINGS = {1: ":material/thumb_up: Utile", 0: ":material/thumb_down: Pas utile"}


def render_citations(citations: list[Citation]) -> None:
    grouped: dict[int, list[Citation]] = {}
    for c in citations:
        grouped.setdefault(c.n, []).append(c)
    for n, group in grouped.items():
        first = group[0]
        title = f"[{n}] {first.title}"
        if first.origin:  # not a shipped text: the label says so before the passage opens
            title += f" — {first.origin.label_fr()}"
        with st.expander(md_text(title), icon=":material/format_quote:"):
            where = first.section or ""
            if first.page is not None:
                where = f"{where}, page {first.page}" if where else f"page {first.page}"
            if where:
                st.caption(md_text(f"Section : {where}"))
            if first.reference:
                st.caption(md_text(f"Référence : {first.reference}"))
            st.markdown(highlighted(first.passage, [c.quote for c in group]))
            url = safe_url(first.url)
            if url and first.official:
                st.markdown(f"[:material/open_in_new: Consulter la source officielle]({url})")
            elif first.url:
                st.caption(md_text(f"Adresse non officielle (pas un lien) : {first.url}"))


def render_findings_summary(report: CheckReport) -> None:
    """The checker's reading of one message, kept apart from the quotes."""
    with st.container(border=True):
        st.markdown("##### :material/fact_check: Vérification automatique des faits indiqués")
        st.markdown(md_text(report.summary_fr()))
        # A list, each rule with its status in words (not by colour or icon alone).
        st.markdown(
            "\n".join(
                f"- {STATUS_MARK[r.status]} {STATUS_FR[r.status].capitalize()} : "
                f"**{md_text(r.label)}** : {md_text(r.explanation)}"
                for r in report.results
                if r.status != "missing"
            )
        )
        st.caption("Détail et checklist dans le panneau « Vérifier mon projet ».")


def render_answer(answer: Answer, key: int) -> None:
    for notice in answer.notices:
        st.warning(md_text(notice), icon=":material/info:")
    if answer.validated is not None:
        render_validated(answer)
    elif answer.abstained:
        st.info(md_text(answer.text), icon=ABSTAIN_ICON)
    else:
        st.markdown(md_text(answer.text))
        render_citations(answer.citations)
    if answer.findings is not None and answer.facts_stated:
        render_findings_summary(answer.findings)
    if answer.suggestions:
        render_suggestions(answer, key)


def render_suggestions(answer: Answer, key: int) -> None:
    """Published answers to close questions: each button asks its question, which serves it."""
    if len(answer.suggestions) > 1:
        offer = "des réponses à des questions proches. L'une d'elles est-elle la vôtre ?"
    else:
        offer = "une réponse à une question proche. Est-ce votre question ?"
    st.caption(f":material/verified: La DREETS Pays de la Loire a validé {offer}")
    for i, suggestion in enumerate(answer.suggestions):
        st.button(
            md_text(suggestion.phrasing),
            key=f"suggestion-{key}-{i}",
            icon=":material/help:",
            on_click=_take_offer,
            args=(suggestion.phrasing, suggestion.answer_id),
        )


def _take_offer(phrasing: str, answer_id: str) -> None:
    """Button callback: ask the offered answer's phrasing, and count the offer as taken."""
    s = state()
    s.pending_question = phrasing
    s.pending_offer = answer_id


def render_validated(answer: Answer) -> None:
    """A staff-validated answer: its text, its date, its citations, then the texts' quotes."""
    served = answer.validated
    st.markdown(md_text(served.text))
    st.markdown(f":green[:material/verified: **{md_text(served.line)}**]")
    render_citations([c for c in answer.citations if c.n <= served.own])
    if served.extract:
        st.caption("Ce que disent les textes")
        st.markdown(md_text(served.extract))
        render_citations([c for c in answer.citations if c.n > served.own])


def render_feedback(message: dict, store: FeedbackStore, settings: Settings) -> None:
    key = message["id"]
    st.caption(FEEDBACK_NOTICE_FR.format(days=settings.feedback_retention_days))
    rating = st.pills(
        "Votre avis sur cette réponse",
        list(RATINGS),
        format_func=RATINGS.get,
        key=f"rating-{key}",
        label_visibility="collapsed",
    )
    if rating is None:
        return
    value = "up" if rating == 1 else "down"
    answer: Answer = message["answer"]
    try:
        if message.get("feedback_id") is None:
            message["feedback_id"] = store.add(
                answer.question, answer.text, answer.citations, value, session_id=state().session_id
            )
            message["rating"] = value
        elif message.get("rating") != value:
            store.update(
                message["feedback_id"], value, message.get("comment"), message.get("corrected")
            )
            message["rating"] = value
        if answer.validated is not None:
            ValidatedStore(store.db).rate(message["feedback_id"], answer.validated.answer_id, value)
    except O2RError as err:
        show_error(err)
        return
    if message.get("annotated"):
        st.caption("Merci pour votre avis.")
        return
    with st.form(f"feedback-form-{key}", border=False):
        comment = st.text_input("Un commentaire ? (facultatif)", key=f"comment-{key}")
        corrected = None
        if value == "down":
            corrected = st.text_area(
                "La réponse attendue, si vous la connaissez (facultatif)",
                key=f"corrected-{key}",
                height=80,
            )
        sent = st.form_submit_button("Envoyer mon avis", icon=":material/send:")
    if sent:
        try:
            store.update(message["feedback_id"], value, comment, corrected)
        except O2RError as err:
            show_error(err)
            return
        message.update(annotated=True, comment=comment, corrected=corrected)
        st.rerun()


def ask(settings: Settings, question: str, offer: str | None = None) -> None:
    """Answer ``question`` in the chat; ``offer``: the offered answer it takes, if any."""
    s = state()
    history = [m["content"] for m in s.messages if m["role"] == "user"]
    # The answer to the last message, if it got one: the conversation's topic.
    previous = s.messages[-1].get("answer") if s.messages else None
    s.messages.append({"role": "user", "content": question, "id": _next_id()})
    assistant = get_assistant(settings)
    if assistant is None:
        return
    dossier = s.dossier if not s.dossier.is_empty() else None
    reply: dict[str, Any] = {"role": "assistant", "id": _next_id()}
    try:
        question_limiter(settings.question_burst, settings.questions_per_minute).check(s.session_id)
        answer = assistant.ask(
            question,
            history=history,
            dossier=dossier,
            session_id=s.session_id,
            previous=previous,
        )
        reply["answer"] = answer
        validated = ValidatedStore(settings.database)
        if answer.validated is not None:
            validated.record_served(answer.validated.answer_id)
            if answer.validated.answer_id == offer:
                validated.record_taken(offer)
        if answer.suggestions:
            validated.record_offered([o.answer_id for o in answer.suggestions])
        if answer.facts_stated:
            s.dossier = answer.dossier
            s.dossier_version += 1  # the form is rebuilt pre-filled with the new facts
    except O2RError as err:
        log.info("question refused: %s", err)
        reply["error"] = err.message_fr
    except Exception:
        log.exception("answering failed")
        reply["error"] = ERROR_FR
    s.messages.append(reply)


def _next_id() -> int:
    s = state()
    s.next_id += 1
    return s.next_id


def _shown(s: Any) -> list[dict]:
    """The latest messages, and a button for older ones: each rerun (every question)
    redraws only these, so answering stays as fast at the 50th question as at the 1st."""
    shown = 2 * s.get("shown_turns", TURNS_SHOWN)
    hidden = len(s.messages) - shown
    if hidden > 0:
        more = min(TURNS_SHOWN, (hidden + 1) // 2)
        st.button(
            f"Afficher les {more} échanges précédents",
            key="older-turns",
            icon=":material/history:",
            on_click=s.__setitem__,
            args=("shown_turns", shown // 2 + TURNS_SHOWN),
        )
        return s.messages[hidden:]
    return s.messages


def chat(settings: Settings) -> None:
    s = state()
    store = FeedbackStore(settings.database, settings.feedback_retention_days)
    history = st.container()
    pending = s.pop("pending_question", None)
    offer = s.pop("pending_offer", None)
    prompt = st.chat_input("Posez votre question sur l'AMI O2R…")
    question = prompt if prompt is not None else pending
    if question is not None:
        ask(settings, question, offer if prompt is None else None)
    with history:
        if not s.messages:
            st.markdown(
                "Posez une question sur l'appel : structures éligibles, public visé, budget, "
                "durées, territoire, critères de sélection… Chaque réponse cite les textes."
            )
            st.caption("Exemples :")
            for i, example in enumerate(EXAMPLES):
                st.button(
                    example,
                    key=f"example-{i}",
                    icon=":material/chat_bubble:",
                    on_click=s.__setitem__,
                    args=("pending_question", example),
                )
        for message in _shown(s):
            if message["role"] == "user":
                with st.chat_message("user"):
                    st.markdown(md_text(message["content"]))
                continue
            with st.chat_message("assistant"):
                if "error" in message:
                    st.error(md_text(message["error"]), icon=":material/error:")
                    continue
                render_answer(message["answer"], message["id"])
                render_feedback(message, store, settings)
    privacy_panel(settings, store)


def privacy_panel(settings: Settings, store: FeedbackStore) -> None:
    """What is kept of the ratings, and the erasure of this session's."""
    s = state()
    with st.expander("Vos données personnelles", icon=":material/shield_person:"):
        st.markdown(PRIVACY_NOTICE_FR.format(days=settings.feedback_retention_days))
        st.button(
            "Supprimer mes avis de cette session",
            icon=":material/delete:",
            on_click=delete_session_feedback,
            args=(store,),
        )
        deleted = s.pop("feedback_deleted", None)
        if isinstance(deleted, O2RError):
            show_error(deleted)
        elif deleted is not None:
            st.success(f"{deleted} avis supprimé(s).")


def delete_session_feedback(store: FeedbackStore) -> None:
    """Button callback, run before the page: the thumbs are reset before they are drawn."""
    s = state()
    try:
        s.feedback_deleted = store.delete_session(s.session_id)
    except O2RError as err:
        s.feedback_deleted = err
        return
    for message in s.messages:
        if message.pop("feedback_id", None) is not None:
            for field in ("rating", "annotated", "comment", "corrected"):
                message.pop(field, None)
            s[f"rating-{message['id']}"] = None


def page_ask(settings: Settings) -> None:
    st.title("Assistant de l'AMI O2R Pays de la Loire", anchor=False)
    st.caption(
        "Offre de repérage et de remobilisation — loi n° 2023-1196 du 18 décembre 2023, "
        "article 7 ; décret n° 2024-584 ; arrêté du 26 juin 2024."
    )
    left, right = st.columns([5, 4], gap="large")
    with left:
        chat(settings)
    with right, st.container(border=True):
        checker_panel()
