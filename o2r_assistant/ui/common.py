"""What every page shares: session state, error display and the one cached assistant.

Cached resources live here, in an imported module, so they are defined once per
process rather than on every rerun of ``app.py``.
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Any

import streamlit as st

from o2r_assistant.checker import Dossier
from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.rendering import md_text

# The answering stack (Chroma, LangChain, the embedder) is imported when first needed,
# so a fresh server paints the page before it has finished loading.
if TYPE_CHECKING:
    from o2r_assistant.assistant import Assistant

log = logging.getLogger(__name__)

# Material icons ship with Streamlit; emoji depend on the visitor's fonts.
STATUS_MARK = {
    "pass": ":green[:material/check_circle:]",
    "fail": ":red[:material/cancel:]",
    "warn": ":orange[:material/warning:]",
    "missing": ":gray[:material/help:]",
}
ERROR_FR = "Une erreur inattendue est survenue. Réessayez ou contactez l'équipe du service."


def show_error(err: O2RError) -> None:
    st.error(md_text(err.message_fr), icon=":material/error:")


@st.cache_resource(show_spinner=False, max_entries=2)
def load_assistant(settings_json: str) -> Assistant:
    """One assistant per process and configuration, shared by every session.

    Building it serves the index, and first builds it if missing or stale.
    """
    from o2r_assistant.assistant import Assistant
    from o2r_assistant.validated import ValidatedStore

    settings = Settings.model_validate_json(settings_json)
    started = time.perf_counter()
    # Staff-validated answers live in the feedback database; the chat serves them first.
    assistant = Assistant(settings, build=True, validated=ValidatedStore(settings.database))
    log.info("assistant ready in %.2fs", time.perf_counter() - started)
    return assistant


def get_assistant(settings: Settings) -> Assistant | None:
    """The shared assistant, or None after showing why it cannot be loaded."""
    key = settings.model_dump_json(exclude={"admin_password"})
    try:
        with st.spinner("Préparation de l'index du corpus…", show_time=True):
            return load_assistant(key)
    except O2RError as err:
        log.warning("assistant unavailable: %s", err)
        show_error(err)
        return None


def state() -> Any:
    """Session state with this app's defaults."""
    s = st.session_state
    s.setdefault("messages", [])
    s.setdefault("next_id", 1)
    s.setdefault("dossier", Dossier())
    s.setdefault("dossier_version", 0)
    s.setdefault("staff", False)
    return s
