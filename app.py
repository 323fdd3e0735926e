"""Streamlit web app: cited answers for candidates, drafting and administration for staff.

The entry point only: page settings, navigation and the sidebar. The pages are in
``o2r_assistant.ui``; answering, checking, drafting, feedback and corpus changes in the
rest of the ``o2r_assistant`` package.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from o2r_assistant.config import Settings
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.chat import page_ask
from o2r_assistant.ui.common import get_assistant, state
from o2r_assistant.ui.corpus_page import corpus_version, page_corpus
from o2r_assistant.ui.draft_page import page_draft
from o2r_assistant.ui.eval_page import page_eval
from o2r_assistant.ui.journal_page import PAGE_JOURNAL, page_journal
from o2r_assistant.ui.staff import account_panel, staff_identity
from o2r_assistant.ui.validated_page import PAGE_VALIDATED, page_validated

PAGE_ASK = "Poser une question"
PAGE_DRAFT = "Rédaction"
PAGE_EVAL = "Évaluation"
PAGE_CORPUS = "Corpus"
PAGES = (PAGE_ASK, PAGE_DRAFT, PAGE_VALIDATED, PAGE_EVAL, PAGE_CORPUS, PAGE_JOURNAL)
PAGE_ICONS = {
    PAGE_ASK: ":material/forum:",
    PAGE_DRAFT: ":material/edit_note:",
    PAGE_VALIDATED: ":material/verified:",
    PAGE_EVAL: ":material/monitoring:",
    PAGE_CORPUS: ":material/folder_open:",
    PAGE_JOURNAL: ":material/history:",
}

NOTICE = (
    "Les réponses de cet assistant sont indicatives. Seule la DREETS Pays de la Loire "
    "décide de l'éligibilité et de la sélection des projets."
)


def visible_pages(settings: Settings) -> tuple[str, ...]:
    """Every page in password mode (each staff page asks for the password); with OpenID
    Connect, the staff pages only for a signed-in identity on the allow-list."""
    if settings.auth_mode == "password" or staff_identity(settings) is not None:
        return PAGES
    return (PAGE_ASK,)


def sidebar(settings: Settings) -> tuple[str, Any]:
    """Navigation, notice and account; returns the page and a slot for the corpus version."""
    pages = visible_pages(settings)
    if st.session_state.get("page") not in pages:
        st.session_state.page = PAGE_ASK  # signed out, or no longer staff
    with st.sidebar:
        st.markdown("### :material/explore: Assistant O2R")
        st.caption("AMI « Offre de repérage et de remobilisation » — Pays de la Loire")
        page = st.radio(
            "Navigation",
            pages,
            key="page",
            format_func=lambda p: f"{PAGE_ICONS[p]} {p}",
        )
        st.info(NOTICE, icon=":material/gavel:")
        version = st.container()
        account_panel(settings)
    return page, version


def main() -> None:
    st.set_page_config(
        page_title="Assistant O2R Pays de la Loire",
        # An emoji is drawn by the browser; a Material icon favicon would be fetched
        # from fonts.gstatic.com, a third-party request from the visitor's browser.
        page_icon="🧭",
        layout="wide",
    )
    settings = Settings()
    state()
    page, version = sidebar(settings)
    flash = st.session_state.pop("flash", None)
    if flash:
        st.success(md_text(flash), icon=":material/check_circle:")
    if page == PAGE_ASK:
        page_ask(settings)
    elif page == PAGE_DRAFT:
        page_draft(settings)
    elif page == PAGE_VALIDATED:
        page_validated(settings)
    elif page == PAGE_EVAL:
        page_eval(settings)
    elif page == PAGE_JOURNAL:
        page_journal(settings)
    else:
        page_corpus(settings)
    # Last, so that on a fresh server the page is usable while the index loads.
    with version:
        assistant = get_assistant(settings)
        if assistant is not None:
            corpus_version(settings, assistant)


main()
