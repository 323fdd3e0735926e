"""Staff sign-in through a real OpenID Connect provider on 127.0.0.1, in headless Chromium.

The provider is ``oidc-provider-mock`` (a Flask app issuing signed ID tokens),
served from this process; the app is the real Streamlit server, configured by
a ``secrets.toml`` written for the test (``STREAMLIT_SECRETS_FILES``).
"""

from __future__ import annotations

import contextlib
import re
import secrets
import threading
import time
from pathlib import Path

import pytest
from browser_support import WAIT_MS, chromium, go, serve

from o2r_assistant.audit import AuditLog
from o2r_assistant.config import Settings
from o2r_assistant.identity import PROVIDER_DOWN_FR
from o2r_assistant.provenance import read_origin
from o2r_assistant.rendering import unlinked

pytestmark = [pytest.mark.browser, pytest.mark.slow]

STAFF = ("camille", "camille.martin@dreets.gouv.fr", "Camille Martin")
OUTSIDER = ("intrus", "quelquun@exemple.org", "Quelqu'un Dehors")
DOCUMENT = "note-locale-oidc.md"


@contextlib.contextmanager
def _provider():
    """The identity provider on a free port of 127.0.0.1; yields its discovery URL and a stop."""
    oidc_provider_mock = pytest.importorskip("oidc_provider_mock")
    import werkzeug.serving

    users = [
        oidc_provider_mock.User(sub=sub, claims={"email": email, "name": name})
        for sub, email, name in (STAFF, OUTSIDER)
    ]
    app = oidc_provider_mock.app(user_claims=users)
    server = werkzeug.serving.make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    stopped = threading.Event()

    def stop() -> None:
        if not stopped.is_set():
            stopped.set()
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)

    try:
        yield f"http://127.0.0.1:{server.server_port}/.well-known/openid-configuration", stop
    finally:
        stop()


@contextlib.contextmanager
def _oidc_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, session_hours: float = 8.0):
    """The provider and the app signing staff in with it; yields (app URL, provider stop)."""
    with _provider() as (metadata, stop_provider):
        secrets_file = tmp_path / "secrets.toml"
        secrets_file.write_text(
            "[auth]\n"
            'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "o2r-assistant-test"\n'
            f'client_secret = "{secrets.token_hex(16)}"\n'
            f'server_metadata_url = "{metadata}"\n'
        )
        monkeypatch.setenv("STREAMLIT_SECRETS_FILES", str(secrets_file))
        monkeypatch.setenv("AUTHLIB_INSECURE_TRANSPORT", "1")  # plain HTTP on localhost only
        monkeypatch.setenv("O2R_AUTH_MODE", "oidc")
        monkeypatch.setenv("O2R_STAFF_DOMAINS", "dreets.gouv.fr")
        monkeypatch.setenv("O2R_STAFF_SESSION_HOURS", str(session_hours))
        with serve(tmp_path) as url:
            yield url, stop_provider


def _page(browser, url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="fr-FR")
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    page.goto(url, wait_until="domcontentloaded")
    page.get_by_placeholder("Posez votre question").wait_for(state="visible")
    return page


def _sign_in(page, who: tuple[str, str, str]) -> None:
    """Sign-in button, the provider's page (pick the user), back through the callback."""
    page.get_by_role("button", name="Connexion du personnel").click()
    page.wait_for_url(re.compile(r"/oauth2/authorize"))
    page.get_by_role("button", name=who[0], exact=True).click()
    page.get_by_text(f"Connecté : {who[2]}").wait_for(state="visible")


def _sign_out(page) -> None:
    page.get_by_role("button", name="Se déconnecter").click()
    # The provider's end-session page, then back to the app, signed out.
    page.get_by_role("button", name="End session").click()
    page.get_by_role("button", name="Connexion du personnel").wait_for(state="visible")


def test_staff_sign_in_upload_and_journal(
    served_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's 'done when': sign in, upload, see the action with the identity, sign out."""
    with _oidc_app(tmp_path, monkeypatch) as (url, _), chromium() as browser:
        page = _page(browser, url)
        assert page.get_by_role("radio", name=re.compile(r"Corpus$")).count() == 0

        _sign_in(page, STAFF)
        go(page, "Corpus")
        page.get_by_text("Ajouter un document").wait_for(state="visible")
        page.locator("input[type=file]").first.set_input_files(
            {
                "name": DOCUMENT,
                "mimeType": "text/markdown",
                "buffer": "# Note locale\n\nUne note ajoutée pour le test.\n".encode(),
            }
        )
        page.get_by_role("button", name="Ajouter au corpus").click()
        page.get_by_text(f"Document ajouté : {DOCUMENT}").wait_for(state="visible")

        go(page, "Journal")
        row = page.get_by_role("row").filter(has_text="Document ajouté")
        row.first.wait_for(state="visible")
        text = row.first.inner_text()
        assert unlinked(STAFF[1]) in text and DOCUMENT in text
        page.screenshot(path=str(tmp_path / "journal.png"), full_page=True)

        _sign_out(page)
        assert page.get_by_role("radio", name=re.compile(r"Journal$")).count() == 0

    (entry,) = AuditLog(Settings().feedback_db).entries()
    assert (entry.actor, entry.action, entry.target) == (STAFF[1], "document_added", DOCUMENT)
    # Its citations will say who added it: the signed-in address.
    origin = read_origin(Settings().corpus_dir / DOCUMENT)
    assert origin is not None and origin.added_by == STAFF[1]


def test_outsider_expired_session_and_provider_down(
    served_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session_s = 20
    with (
        _oidc_app(tmp_path, monkeypatch, session_hours=session_s / 3600) as (url, stop_provider),
        chromium() as browser,
    ):
        page = _page(browser, url)

        # Signed in, but not on the allow-list: the chat only.
        _sign_in(page, OUTSIDER)
        page.get_by_text("Ce compte n'est pas habilité").wait_for(state="visible")
        assert page.get_by_role("radio", name=re.compile(r"Corpus$")).count() == 0
        assert page.get_by_role("radio", name=re.compile(r"Rédaction$")).count() == 0
        _sign_out(page)

        # Staff, until the session is older than O2R_STAFF_SESSION_HOURS.
        _sign_in(page, STAFF)
        signed_in_at = time.monotonic()
        page.get_by_role("radio", name=re.compile(r"Journal$")).wait_for(state="attached")
        go(page, "Journal")
        page.get_by_text("Aucune action enregistrée.").wait_for(state="visible")
        assert time.monotonic() - signed_in_at < session_s, "too slow: the session ran out"
        time.sleep(max(0.0, signed_in_at + session_s + 1 - time.monotonic()))
        page.reload(wait_until="domcontentloaded")
        page.get_by_text("Votre session a expiré : reconnectez-vous.").wait_for(state="visible")
        assert page.get_by_role("radio", name=re.compile(r"Journal$")).count() == 0

        # The provider goes down: a French message, and the chat still answers.
        stop_provider()
        page.get_by_role("button", name="Connexion du personnel").click()
        page.get_by_text(PROVIDER_DOWN_FR).wait_for(state="visible")
        assert page.url.startswith(url)
        box = page.get_by_placeholder("Posez votre question")
        box.fill("Les dépenses de formation sont-elles éligibles ?")
        box.press("Enter")
        answer = page.get_by_test_id("stChatMessage").filter(has_text="ne sont pas éligibles")
        answer.first.wait_for(state="visible")

    log = (tmp_path / "streamlit.log").read_text()
    assert "staff sign-in unavailable: identity provider unreachable" in log
