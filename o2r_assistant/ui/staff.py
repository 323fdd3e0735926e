"""The staff gate: one password, wrong tries limited per process (``o2r_assistant.access``)."""

from __future__ import annotations

import logging
import math

import streamlit as st

from o2r_assistant.access import LoginLimiter, LoginPolicy, client_key, is_enabled
from o2r_assistant.config import Settings
from o2r_assistant.ui.common import state

log = logging.getLogger(__name__)


@st.cache_resource(show_spinner=False)
def login_limiter(policy: LoginPolicy) -> LoginLimiter:
    """One limiter per process, shared by every session: reconnecting does not reset it."""
    return LoginLimiter(policy)


def login_policy(settings: Settings) -> LoginPolicy:
    return LoginPolicy(
        max_failures=settings.login_max_failures,
        lock_seconds=settings.login_lock_s,
        max_lock_seconds=settings.login_max_lock_s,
        global_max_failures=settings.login_global_max_failures,
        global_window_seconds=settings.login_global_window_s,
    )


def wait_fr(seconds: float) -> str:
    """A wait in French, rounded up to the second: « 45 s », « 2 min 30 s », « 1 h »."""
    hours, rest = divmod(math.ceil(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)


def staff_gate(settings: Settings) -> bool:
    """True once this session gave the admin password.

    Wrong passwords are counted per client address and for all clients, in one
    limiter per process (see ``o2r_assistant.access``), not in the session.
    """
    s = state()
    if not is_enabled(settings.admin_password):
        st.warning(
            "Cette page est désactivée : aucun mot de passe d'administration n'est configuré. "
            "Définissez la variable d'environnement O2R\\_ADMIN\\_PASSWORD puis relancez "
            "l'application.",
            icon=":material/lock:",
        )
        return False
    if s.staff:
        return True
    limiter = login_limiter(login_policy(settings))
    client = client_key(st.context.ip_address)
    locked = limiter.seconds_left(client) > 0
    with st.form("login"):
        st.markdown(":material/lock: **Accès réservé aux services de la DREETS**")
        password = st.text_input("Mot de passe", type="password", key="password")
        submitted = st.form_submit_button("Se connecter", disabled=locked)
    if submitted:
        # The limiter refuses a locked client unread, whatever the form showed; a page
        # opened before the lock sends a click that Streamlit discards (the button is
        # disabled in this run), so the password does not even reach the limiter.
        outcome = limiter.check(client, password, settings.admin_password)
        if outcome.status == "ok":
            s.staff = True
            log.info("staff login accepted from client %s", client)
            st.rerun()
        if outcome.status == "locked":
            log.warning(
                "staff login refused unread from client %s: %s lock, %.0f s left "
                "(%d failures from this client, %d from all clients in the window)",
                client, outcome.scope, outcome.seconds_left,
                outcome.failures, outcome.global_failures,
            )  # fmt: skip
            st.rerun()
        log.warning(
            "staff login refused from client %s: wrong password "
            "(%d failures from this client, %d from all clients in the window)%s",
            client, outcome.failures, outcome.global_failures,
            f"; {outcome.scope} lock for {outcome.seconds_left:.0f} s"
            if outcome.seconds_left else "",
        )  # fmt: skip
        if outcome.seconds_left:
            st.rerun()
        st.error("Mot de passe incorrect.", icon=":material/error:")
    if limiter.seconds_left(client) > 0:
        lock_countdown(limiter, client)
    return False


@st.fragment(run_every=1.0)
def lock_countdown(limiter: LoginLimiter, client: str) -> None:
    left = limiter.seconds_left(client)
    if left <= 0:
        st.rerun()
    st.error(
        f"Trop de tentatives infructueuses : réessayez dans {wait_fr(left)}.",
        icon=":material/timer:",
    )
