"""The staff gate and account panel, in either mode (``o2r_assistant.identity``).

Password mode: one password, wrong tries limited per process (``o2r_assistant.access``).
OpenID Connect mode: Streamlit's ``st.login``; the allow-list decides who is staff.
Staff actions are recorded in the journal (``o2r_assistant.audit``) with the identity.
"""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Mapping

import streamlit as st

from o2r_assistant.access import LoginLimiter, LoginPolicy, client_key, is_enabled
from o2r_assistant.audit import Action, AuditLog
from o2r_assistant.config import Settings
from o2r_assistant.errors import O2RError
from o2r_assistant.identity import (
    SHARED_PASSWORD,
    AllowList,
    Identity,
    SignIn,
    check_provider,
    editor_label,
    metadata_url,
    oidc_sign_in,
)
from o2r_assistant.rendering import md_text
from o2r_assistant.ui.common import show_error, state
from o2r_assistant.validated import MAX_AUTHOR_CHARS

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


def oidc_state(settings: Settings) -> SignIn:
    """Where this session's OpenID Connect sign-in stands (from ``st.user``)."""
    return oidc_sign_in(
        st.user.to_dict(),
        AllowList.from_settings(settings),
        settings.staff_session_hours * 3600,
        time.time(),
    )


def staff_identity(settings: Settings) -> Identity | None:
    """Who is acting as staff in this session, or None."""
    if settings.auth_mode == "oidc":
        sign_in = oidc_state(settings)
        return sign_in.identity if sign_in.status == "staff" else None
    return Identity(SHARED_PASSWORD) if state().staff else None


def staff_editor(settings: Settings, typed: str = "") -> str:
    """Who makes a change of a validated answer, for its history (the name typed, if any,
    with the signed-in identity); empty outside a staff session."""
    return editor_label(staff_identity(settings), typed, MAX_AUTHOR_CHARS)


def record_action(settings: Settings, action: Action, target: str = "") -> None:
    """Journal a staff action under the session's identity; a failure is shown, not raised."""
    identity = staff_identity(settings)
    if identity is None:  # the pages call this only behind the gate
        log.error("staff action %s on %r outside a staff session", action, target)
        return
    try:
        AuditLog(settings.database).record(identity.actor, action, target)
    except O2RError as err:
        log.error("staff action %s on %r by %s not journaled: %s", action, target,
                  identity.actor, err)  # fmt: skip
        show_error(err)
        return
    log.info("staff action %s on %r by %s", action, target, identity.actor)


def account_panel(settings: Settings) -> None:
    """The sidebar's account block: who is signed in, sign-in and sign-out."""
    if settings.auth_mode == "password":
        if state().staff:
            st.caption(f"Connecté avec le {SHARED_PASSWORD}.")
            if st.button("Se déconnecter", icon=":material/logout:"):
                state().staff = False
                st.rerun()
        return
    sign_in = oidc_state(settings)
    if sign_in.identity is not None and sign_in.status != "expired":
        st.caption(md_text(f"Connecté : {sign_in.identity.label}"))
        if sign_in.status == "outsider":
            st.caption("Ce compte n'est pas habilité : seul le chat est disponible.")
        if st.button("Se déconnecter", icon=":material/logout:"):
            log.info("sign-out of %s", sign_in.identity.actor)
            st.logout()
        return
    if sign_in.status == "expired":
        st.warning("Votre session a expiré : reconnectez-vous.", icon=":material/timer_off:")
    if st.button("Connexion du personnel", icon=":material/login:"):
        try:
            check_provider(metadata_url(_auth_secrets()), settings.oidc_timeout_s)
        except O2RError as err:
            log.warning("staff sign-in unavailable: %s", err)
            show_error(err)
            return
        st.login()


def _auth_secrets() -> Mapping[str, object] | None:
    try:
        return st.secrets.get("auth")
    except FileNotFoundError:  # no secrets file at all
        return None


def staff_page(settings: Settings, title: str, caption: str | None = None) -> bool:
    """Draw a staff page's title, then its caption once the session is let in."""
    st.title(title, anchor=False)
    if not staff_gate(settings):
        return False
    if caption:
        st.caption(caption)
    return True


def staff_gate(settings: Settings) -> bool:
    """True when this session may use the staff pages.

    OpenID Connect mode: a signed-in identity on the allow-list. Password mode:
    the session gave the admin password; wrong passwords are counted per client
    address and for all clients, in one limiter per process (see
    ``o2r_assistant.access``), not in the session.
    """
    if settings.auth_mode == "oidc":
        return _oidc_gate(settings)
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


def _oidc_gate(settings: Settings) -> bool:
    sign_in = oidc_state(settings)
    if sign_in.status == "staff":
        return True
    message = {
        "anonymous": "Connectez-vous avec votre compte professionnel : bouton « Connexion du "
        "personnel » dans le panneau latéral.",
        "expired": "Votre session a expiré : reconnectez-vous avec le bouton « Connexion du "
        "personnel » dans le panneau latéral.",
        "outsider": "Votre compte n'est pas habilité à accéder aux pages du personnel.",
    }[sign_in.status]
    st.warning(message, icon=":material/lock:")
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
