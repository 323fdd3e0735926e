"""The staff drafting page: a cited draft reply to a candidate's e-mail."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import streamlit as st

from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.rendering import md_text, plain_markdown
from o2r_assistant.ui.chat import render_citations
from o2r_assistant.ui.common import (
    download,
    get_assistant,
    question_limiter,
    show_error,
    state,
)
from o2r_assistant.ui.staff import staff_page
from o2r_assistant.ui.validated_page import open_draft, prefill_from_answer
from o2r_assistant.validated import ValidatedStore, date_fr

if TYPE_CHECKING:
    from o2r_assistant.matching import Suggestion


def page_draft(settings: Settings) -> None:
    from o2r_assistant.drafting import draft_reply, draft_to_docx, draft_to_markdown

    s = state()
    if not staff_page(
        settings,
        "Rédaction d'une réponse",
        "Collez l'e-mail d'un candidat : l'assistant prépare un projet de réponse cité, à relire "
        "et à compléter. Rien n'est envoyé : les fichiers téléchargés portent la mention "
        "« Brouillon — non envoyé », à retirer au moment de l'envoi.",
    ):
        return
    email = st.text_area("E-mail du candidat", height=200, key="email")
    if st.button("Préparer un projet de réponse", type="primary", icon=":material/edit_note:"):
        assistant = get_assistant(settings)
        if not email.strip():
            st.error("Collez d'abord le texte de l'e-mail du candidat.")
        elif assistant is not None:
            try:
                limiter = question_limiter(settings.question_burst, settings.questions_per_minute)
                limiter.check(s.session_id)
                s.draft = draft_reply(email, assistant)
                s.draft_version = s.get("draft_version", 0) + 1
            except O2RError as err:
                show_error(err)
    draft = s.get("draft")
    if draft is None:
        return
    text = st.text_area(
        "Projet de réponse (modifiable)",
        value=draft.text,
        height=420,
        key=f"draft-{s.draft_version}",
    )
    edited = replace(draft, text=text)
    md_col, docx_col = st.columns(2)
    links = [c.url for c in draft.citations if c.official]
    markdown = plain_markdown(draft_to_markdown(edited), links)
    download(md_col, "Télécharger (.md)", markdown, "brouillon-reponse-o2r.md", width="stretch")
    docx = draft_to_docx(edited)
    download(docx_col, "Télécharger (.docx)", docx, "brouillon-reponse-o2r.docx", width="stretch")
    st.caption(md_text(f"Question posée à l'assistant : {draft.question}"))
    if draft.citations:
        st.markdown("**Passages cités, pour vérification**")
        render_citations(list(draft.citations))
    offered = {o.answer_id: o for a in draft.answers for o in a.suggestions}
    if offered:
        render_offered(list(offered.values()), ValidatedStore(settings.database))
    # Staff can turn this reply into a validated answer (this page is behind the staff gate too).
    answered = [a.text for a in draft.answers if not a.abstained]
    st.button(
        "Proposer comme réponse validée",
        icon=":material/add_task:",
        on_click=open_draft,
        args=(
            prefill_from_answer(
                draft.question, "\n\n".join(answered), [c.quote for c in draft.citations]
            ),
        ),
    )


def render_offered(offered: list[Suggestion], store: ValidatedStore) -> None:
    """Published answers to questions close to the e-mail's, for staff to reuse or not."""
    st.markdown("**Réponses validées pour des questions proches**, à reprendre si besoin")
    for suggestion in offered:
        try:
            answer = store.get(suggestion.answer_id)
        except O2RError as err:
            show_error(err)
            return
        if answer is None or answer.status != "published":
            continue  # retired since the draft was made
        with st.expander(md_text(f"« {suggestion.phrasing} »"), icon=":material/verified:"):
            st.markdown(md_text(answer.text))
            if answer.validated_on:
                when = date_fr(answer.validated_on)
                st.caption(f"Validée le {when} par {md_text(answer.author)}")
