"""The staff page of validated answers: write, publish, retire, review, import and export.

A draft opens empty, from an answer of the « Rédaction » page or from an item of
negative feedback (``open_draft``), pre-filled with the question and the quotes.
Every text staff type is shown escaped (``md_text``), like any other text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from o2r_assistant.audit import Action
from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError, ValidatedAnswerError
from o2r_assistant.feedback import FeedbackStore
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.common import download, get_assistant, show_error
from o2r_assistant.ui.staff import record_action, staff_editor, staff_page
from o2r_assistant.validated import (
    STATUS_FR,
    Prefill,
    QuoteFinder,
    Usage,
    ValidatedAnswer,
    ValidatedStore,
    date_fr,
)
from o2r_assistant.validated_io import (
    export_yaml,
    import_answers,
    read_answers_text,
    regression_cases,
)

PAGE_VALIDATED = "Réponses validées"
MAX_IMPORT_BYTES = 2_000_000
FEEDBACK_SHOWN = 20


def open_draft(prefill: Prefill) -> None:
    """A button callback: go to this page with a new draft pre-filled."""
    s = st.session_state
    s.validated_prefill = prefill
    s.validated_editing = None
    s.validated_round = s.get("validated_round", 0) + 1
    s.page = PAGE_VALIDATED


def prefill_from_answer(question: str, text: str, quotes: list[str]) -> Prefill:
    """A draft from an answer: its question, its text without markers, its quotes."""
    plain = re.sub(r"\s*\[\d+\]", "", text).strip()
    return Prefill(question=question, text=plain, citations=list(dict.fromkeys(quotes)))


def _edit(answer: ValidatedAnswer) -> None:
    s = st.session_state
    s.validated_prefill = Prefill(
        question="\n".join(answer.phrasings), text=answer.text, citations=list(answer.citations)
    )
    s.validated_editing = answer.id
    s.validated_round = s.get("validated_round", 0) + 1


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _done(message: str) -> None:
    s = st.session_state
    s.flash = message
    s.validated_prefill = None
    s.validated_editing = None
    s.validated_round = s.get("validated_round", 0) + 1
    st.rerun()


def editor(store: ValidatedStore, finder: QuoteFinder, settings: Settings) -> None:
    s = st.session_state
    prefill: Prefill | None = s.get("validated_prefill")
    editing: str | None = s.get("validated_editing")
    current = store.get(editing) if editing else None
    k = f"validated{s.get('validated_round', 0)}-"
    title = f"Modifier la réponse « {editing} »" if editing else "Nouvelle réponse validée"
    with st.form(f"{k}form"):
        st.markdown(f"**{md_text(title)}**")
        questions = st.text_area(
            "Questions : une formulation par ligne",
            value=prefill.question if prefill else "",
            key=f"{k}questions",
            height=90,
        )
        text = st.text_area(
            "Réponse, en français (affichée telle quelle, sans mise en forme)",
            value=prefill.text if prefill else "",
            key=f"{k}text",
            height=150,
        )
        quotes = st.text_area(
            "Citations : extraits exacts du corpus indexé, un par ligne",
            value="\n".join(prefill.citations) if prefill else "",
            key=f"{k}quotes",
            height=120,
        )
        left, right = st.columns(2)
        author = left.text_input(
            "Votre nom", value=current.author if current else "", key=f"{k}author"
        )
        until = right.date_input(
            "Fin de validité (facultatif)",
            value=current.valid_until if current else None,
            key=f"{k}until",
            format="DD/MM/YYYY",
        )
        save_col, publish_col = st.columns(2)
        save = save_col.form_submit_button("Enregistrer le brouillon", icon=":material/save:")
        publish = publish_col.form_submit_button(
            "Publier", type="primary", icon=":material/verified:"
        )
    if not (save or publish):
        return
    phrasings = _lines(questions)
    answer = ValidatedAnswer(
        id=editing or store.new_id(phrasings[0] if phrasings else ""),
        phrasings=phrasings,
        text=text,
        citations=_lines(quotes),
        author=author,
        status="draft",
        valid_until=until if isinstance(until, date) else None,
    )
    by = staff_editor(settings, author)  # the history says who edited, beside the author
    try:
        store.save(answer, by)
        if publish:
            store.publish(answer.id, by, finder)
    except ValidatedAnswerError as err:
        s.validated_editing = answer.id if store.get(answer.id) else editing
        show_error(err)
        return
    if publish:
        record_action(settings, "answer_published", answer.id)
    _done(
        f"Réponse « {answer.id} » publiée : l'assistant la sert désormais."
        if publish
        else f"Brouillon « {answer.id} » enregistré."
    )


def _usage_line(usage: Usage) -> str:
    # Offered often and rarely taken: its phrasings draw questions it does not answer;
    # offered and taken often: candidates ask it in words worth adding as phrasings.
    return (
        f"Servie {usage.served} fois · avis positifs : {usage.up} · avis négatifs : "
        f"{usage.down} · proposée pour une question proche {usage.offered} fois, "
        f"retenue {usage.taken} fois"
    )


def answer_card(
    store: ValidatedStore,
    answer: ValidatedAnswer,
    usage: Usage,
    finder: QuoteFinder,
    settings: Settings,
) -> None:
    label = STATUS_FR[answer.status] if answer.suspended is None else "suspendue"
    with st.expander(md_text(f"[{label}] {answer.phrasings[0]}"), icon=":material/verified:"):
        if answer.suspended:
            st.warning(
                md_text(f"Suspendue, non servie : {answer.suspended}. Corrigez les citations "
                        "puis publiez-la à nouveau, ou retirez-la."),
                icon=":material/pause_circle:",
            )  # fmt: skip
        st.markdown(md_text(answer.text))
        when = f", validée le {date_fr(answer.validated_on)}" if answer.validated_on else ""
        until = f", valable jusqu'au {date_fr(answer.valid_until)}" if answer.valid_until else ""
        st.caption(md_text(f"« {answer.id} » — par {answer.author}{when}{until}"))
        st.caption(md_text(_usage_line(usage)))
        st.markdown("**Questions**")
        st.markdown(md_text("\n".join(f"• {p}" for p in answer.phrasings)))
        st.markdown("**Citations**")
        st.markdown(md_text("\n".join(f"« {q} »" for q in answer.citations) or "aucune"))
        cols = st.columns(3)
        cols[0].button(
            "Modifier", key=f"edit-{answer.id}", icon=":material/edit:", on_click=_edit,
            args=(answer,),
        )  # fmt: skip
        republish = answer.status != "published" or answer.suspended
        if republish and cols[1].button(
            "Publier", key=f"publish-{answer.id}", icon=":material/verified:"
        ):
            publish = partial(store.publish, answer.id, staff_editor(settings), finder)
            _act(publish, answer, "publiée", settings, "answer_published")
        if answer.status != "retired" and cols[2].button(
            "Retirer", key=f"retire-{answer.id}", icon=":material/archive:"
        ):
            retire = partial(store.retire, answer.id, staff_editor(settings))
            _act(retire, answer, "retirée", settings, "answer_retired")
        history = store.history(answer.id)
        st.markdown("**Historique**")
        st.dataframe(
            pd.DataFrame(
                [
                    {
                        "Date (UTC)": h.at.replace("T", " ")[:19],
                        "Par": h.editor,
                        "Action": h.action,
                        "Statut": STATUS_FR[h.answer.status],
                        "Texte": h.answer.text,
                    }
                    for h in reversed(history)
                ]
            ),
            hide_index=True,
            width="stretch",
        )


def _act(action, answer: ValidatedAnswer, done: str, settings: Settings, journaled: Action) -> None:
    try:
        action()
    except O2RError as err:
        show_error(err)
        return
    record_action(settings, journaled, answer.id)
    _done(f"Réponse « {answer.id} » {done}.")


def listing(store: ValidatedStore, finder: QuoteFinder, settings: Settings) -> None:
    answers = store.all()
    usage = store.usage()
    groups = (
        ("Suspendues : à revoir", [a for a in answers if a.suspended]),
        ("Publiées", [a for a in answers if a.status == "published" and not a.suspended]),
        ("Brouillons", [a for a in answers if a.status == "draft"]),
        ("Retirées", [a for a in answers if a.status == "retired"]),
    )
    for title, group in groups:
        st.subheader(f"{title} ({len(group)})", anchor=False)
        if not group:
            st.caption("Aucune.")
        for answer in group:
            answer_card(store, answer, usage.get(answer.id, Usage()), finder, settings)


def negative_feedback(settings: Settings) -> None:
    st.subheader("Avis négatifs récents", anchor=False)
    try:
        records = FeedbackStore(settings.database).records("down")[-FEEDBACK_SHOWN:]
    except O2RError as err:
        show_error(err)
        return
    if not records:
        st.caption("Aucun avis négatif.")
    for record in reversed(records):
        with st.expander(md_text(f"{record.created_at[:10]} — {record.question}")):
            st.markdown(md_text(record.answer))
            if record.comment:
                st.caption(md_text(f"Commentaire : {record.comment}"))
            if record.corrected_answer:
                st.caption(md_text(f"Réponse attendue : {record.corrected_answer}"))
            quotes = [str(c.get("quote", "")) for c in record.citations if c.get("quote")]
            prefill = prefill_from_answer(record.question, record.corrected_answer or "", quotes)
            st.button(
                "Proposer comme réponse validée",
                key=f"feedback-{record.id}",
                icon=":material/add_task:",
                on_click=open_draft,
                args=(prefill,),
            )


def files(store: ValidatedStore, finder: QuoteFinder) -> None:
    st.subheader("Fichiers", anchor=False)
    answers = store.all()
    left, right = st.columns(2)
    download(left, "Exporter (YAML)", export_yaml(answers), "reponses-validees.yaml")
    download(
        right,
        "Cas de non-régression (jeu de questions)",
        regression_cases(answers),
        "reponses-validees-cas.yaml",
        icon=":material/fact_check:",
    )
    k = f"validated-import{st.session_state.get('validated_round', 0)}-"
    uploaded = st.file_uploader("Importer un fichier YAML exporté", type=["yaml", "yml"], key=k)
    name = st.text_input("Votre nom (pour l'historique)", key=f"{k}name")
    if st.button("Importer", icon=":material/upload_file:", disabled=uploaded is None):
        try:
            if uploaded.size > MAX_IMPORT_BYTES:
                raise ValidatedAnswerError(
                    f"import of {uploaded.size} bytes refused",
                    f"fichier trop volumineux ({MAX_IMPORT_BYTES // 1_000_000} Mo au plus)",
                )
            text = uploaded.getvalue().decode("utf-8", errors="replace")
            imported = read_answers_text(text, uploaded.name)
            changed = import_answers(store, imported, name, finder)
        except O2RError as err:
            show_error(err)
            return
        _done(f"Import : {changed} réponse(s) ajoutée(s) ou modifiée(s) sur {len(imported)}.")


def page_validated(settings: Settings) -> None:
    if not staff_page(
        settings,
        PAGE_VALIDATED,
        "Les réponses publiées sont servies en premier dans le chat quand une question leur "
        "correspond, avec la mention de leur date de validation et leurs citations.",
    ):
        return
    assistant = get_assistant(settings)
    if assistant is None:
        return
    # The generation a build swapped in is served (and its quotes checked) before the
    # listing: a staff member leaving the corpus page as soon as "Index reconstruit"
    # shows may stop that page's run before its own refresh.
    assistant.refresh()
    store = ValidatedStore(settings.database)
    # The assistant checked the quotes of every published answer against its index.
    finder = (
        assistant.validated.finder
        if assistant.validated is not None
        else QuoteFinder(assistant.index.chunks())
    )
    try:
        editor(store, finder, settings)
        listing(store, finder, settings)
    except O2RError as err:
        show_error(err)
    negative_feedback(settings)
    files(store, finder)
