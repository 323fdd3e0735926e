"""What every page shares: session state, error display and the one cached assistant.

Cached resources live here, in an imported module, so they are defined once per
process rather than on every rerun of ``app.py``.
"""

from __future__ import annotations

import logging
import time
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import streamlit as st

from o2r_assistant.checker import Dossier
from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.feedback import new_session_id
from o2r_assistant.ratelimit import QuestionLimiter
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
# The type of each kind of file the pages offer for download, by suffix.
_MIME = {
    ".md": "text/markdown",
    ".yaml": "application/x-yaml",
    ".csv": "text/csv",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def show_error(err: O2RError) -> None:
    st.error(md_text(err.message_fr), icon=":material/error:")


def download(place: Any, label: str, data: str | bytes, file_name: str, **options: Any) -> None:
    """A download button in ``place`` (``st`` or a column), typed by the file name's suffix."""
    options.setdefault("icon", ":material/download:")
    mime = _MIME[PurePath(file_name).suffix]
    place.download_button(label, data, file_name=file_name, mime=mime, **options)


# The loading notice is Streamlit's cache spinner, shown only while the assistant is
# loaded: a spinner around every call would start a timer thread on every page run.
@st.cache_resource(show_spinner="Préparation de l'index du corpus…", show_time=True, max_entries=2)
def load_assistant(settings_json: str) -> Assistant:
    """One assistant per process and configuration, shared by every session.

    It serves the index at hand at once; only a missing one is built first. A stale
    one is rebuilt in the background and served on the next question once ready.
    """
    from o2r_assistant.assistant import Assistant
    from o2r_assistant.build import serve_index
    from o2r_assistant.embeddings import get_embedder
    from o2r_assistant.validated import ValidatedStore

    settings = Settings.model_validate_json(settings_json)
    started = time.perf_counter()
    embedder = get_embedder(settings.embedder)
    index, job = serve_index(settings, embedder)
    # Staff-validated answers live in the feedback database; the chat serves them first.
    assistant = Assistant(
        settings, embedder, index=index, validated=ValidatedStore(settings.database)
    )
    log.info(
        "assistant ready in %.2fs%s",
        time.perf_counter() - started,
        "; a newer index is being built" if job is not None else "",
    )
    return assistant


@st.cache_resource(show_spinner=False)
def question_limiter(burst: int, per_minute: float) -> QuestionLimiter:
    """Questions per browser session, counted by the process across pages and reruns."""
    return QuestionLimiter(burst, per_minute)


def assistant_key(settings: Settings) -> str:
    """The cache key of the shared assistant (the server warms it at start-up)."""
    return settings.model_dump_json(exclude={"admin_password"})


def get_assistant(settings: Settings) -> Assistant | None:
    """The shared assistant, or None after showing why it cannot be loaded."""
    try:
        return load_assistant(assistant_key(settings))
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
    s.setdefault("session_id", new_session_id())  # the key to erase this session's feedback
    return s
