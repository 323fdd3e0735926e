"""The staff page listing the journal of staff actions (``o2r_assistant.audit``)."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import streamlit as st

from o2r_assistant.audit import AuditLog
from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.common import show_error
from o2r_assistant.ui.staff import staff_page

PAGE_JOURNAL = "Journal"
SHOWN = 500


def _when(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M:%S UTC")


def page_journal(settings: Settings) -> None:
    if not staff_page(
        settings,
        "Journal des actions du personnel",
        "Chaque action du personnel (documents ajoutés, remplacés ou retirés, indexation, "
        "réponses validées publiées ou retirées, avis exportés) est enregistrée avec l'identité "
        f"connectée et l'heure. Les {SHOWN} dernières, de la plus récente à la plus ancienne.",
    ):
        return
    try:
        entries = AuditLog(settings.database).entries(SHOWN)
    except O2RError as err:
        show_error(err)
        return
    if not entries:
        st.caption("Aucune action enregistrée.")
        return
    # A static table (its cells are Markdown, hence md_text): searchable on the page.
    st.table(
        pd.DataFrame(
            [
                {
                    "Date": _when(e.at),
                    "Qui": md_text(e.actor),
                    "Action": e.action_fr,
                    "Objet": md_text(e.target),
                }
                for e in entries
            ]
        ),
        hide_index=True,
    )
