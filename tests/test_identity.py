"""Who is staff: the allow-list, the sign-in's age, and the provider check."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from o2r_assistant.config import Settings
from o2r_assistant.errors import IdentityProviderError
from o2r_assistant.identity import (
    NOT_CONFIGURED_FR,
    PROVIDER_DOWN_FR,
    SHARED_PASSWORD,
    AllowList,
    Identity,
    check_provider,
    editor_label,
    metadata_url,
    oidc_sign_in,
)

NOW = 1_800_000_000.0
HOUR = 3600.0
ALLOW = AllowList(frozenset({"chef@exemple.fr"}), frozenset({"dreets.gouv.fr"}))


def claims(email: str = "camille.martin@dreets.gouv.fr", **extra) -> dict:
    return {"is_logged_in": True, "email": email, "iat": NOW - 60, "sub": "c1", **extra}


def test_the_allow_list_reads_the_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("O2R_STAFF_EMAILS", " Chef@Exemple.fr , ,autre@exemple.fr")
    monkeypatch.setenv("O2R_STAFF_DOMAINS", "@DREETS.gouv.fr")
    allow = AllowList.from_settings(Settings())
    assert allow.emails == {"chef@exemple.fr", "autre@exemple.fr"}
    assert allow.domains == {"dreets.gouv.fr"}


@pytest.mark.parametrize(
    ("email", "allowed"),
    [
        ("camille.martin@dreets.gouv.fr", True),
        ("Camille.Martin@DREETS.GOUV.FR ", True),
        ("chef@exemple.fr", True),
        ("autre@exemple.fr", False),  # the domain is not listed, only one address
        ("x@pays-de-la-loire.dreets.gouv.fr", False),  # subdomains are not admitted
        ("x@dreets.gouv.fr.example.com", False),
        ("dreets.gouv.fr", False),
        ("@dreets.gouv.fr", False),
        ("", False),
    ],
)
def test_allow_list(email: str, allowed: bool) -> None:
    assert ALLOW.allows(email) is allowed


def test_staff_identity_with_its_name() -> None:
    sign_in = oidc_sign_in(claims(name="Camille Martin"), ALLOW, 8 * HOUR, NOW)
    assert sign_in.status == "staff"
    assert sign_in.identity == Identity("camille.martin@dreets.gouv.fr", "Camille Martin")
    assert sign_in.identity.label == "Camille Martin (camille.martin@dreets.gouv.fr)"


def test_proconnect_names() -> None:
    sign_in = oidc_sign_in(claims(given_name="Camille", usual_name="Martin"), ALLOW, HOUR, NOW)
    assert sign_in.identity.name == "Camille Martin"


def test_nobody_signed_in() -> None:
    assert oidc_sign_in({}, ALLOW, HOUR, NOW).status == "anonymous"
    assert oidc_sign_in({"is_logged_in": False}, ALLOW, HOUR, NOW).status == "anonymous"


def test_someone_outside_the_allow_list() -> None:
    sign_in = oidc_sign_in(claims("quelquun@exemple.org"), ALLOW, HOUR, NOW)
    assert sign_in.status == "outsider"
    assert sign_in.identity.actor == "quelquun@exemple.org"


def test_an_unverified_address_is_not_staff() -> None:
    assert oidc_sign_in(claims(email_verified=False), ALLOW, HOUR, NOW).status == "outsider"
    assert oidc_sign_in(claims(email_verified=True), ALLOW, HOUR, NOW).status == "staff"


def test_no_address_is_not_staff() -> None:
    sign_in = oidc_sign_in(claims(email=""), ALLOW, HOUR, NOW)
    assert sign_in.status == "outsider" and sign_in.identity.actor == "c1"


def test_a_sign_in_older_than_the_session_has_expired() -> None:
    assert oidc_sign_in(claims(iat=NOW - HOUR + 1), ALLOW, HOUR, NOW).status == "staff"
    assert oidc_sign_in(claims(iat=NOW - HOUR - 1), ALLOW, HOUR, NOW).status == "expired"
    for issued in (None, "hier", True):
        assert oidc_sign_in(claims(iat=issued), ALLOW, HOUR, NOW).status == "expired"


def test_metadata_url_comes_from_the_auth_secrets() -> None:
    url = "https://auth.exemple.fr/.well-known/openid-configuration"
    assert metadata_url({"server_metadata_url": url}) == url
    for auth in (None, {}, {"server_metadata_url": "ftp://x"}):
        with pytest.raises(IdentityProviderError) as err:
            metadata_url(auth)
        assert err.value.message_fr == NOT_CONFIGURED_FR


class _Discovery(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def discovery():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Discovery)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/.well-known/openid-configuration"
    server.shutdown()
    server.server_close()


def test_a_provider_that_answers(discovery: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_Discovery, "body", json.dumps({"authorization_endpoint": "x"}).encode())
    check_provider(discovery, timeout_s=5)


def test_a_provider_that_answers_nonsense(discovery: str, monkeypatch) -> None:
    monkeypatch.setattr(_Discovery, "body", b"<html>maintenance</html>")
    with pytest.raises(IdentityProviderError) as err:
        check_provider(discovery, timeout_s=5)
    assert err.value.message_fr == PROVIDER_DOWN_FR


def test_a_provider_that_is_down() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(IdentityProviderError) as err:
        check_provider(f"http://127.0.0.1:{port}/.well-known/openid-configuration", 2)
    assert "Le chat reste disponible" in err.value.message_fr


def test_the_editor_is_the_typed_name_with_the_signed_in_identity() -> None:
    named = Identity("camille.martin@dreets.gouv.fr", "Camille Martin")
    shared = Identity(SHARED_PASSWORD)
    assert editor_label(named, " Camille  Martin ", 100) == (
        "Camille Martin (camille.martin@dreets.gouv.fr)"
    )
    assert editor_label(shared, "Camille", 100) == "Camille (mot de passe partagé)"
    assert editor_label(named, "", 100) == "camille.martin@dreets.gouv.fr"
    assert editor_label(named, "CAMILLE.MARTIN@dreets.gouv.fr", 100) == named.actor
    assert editor_label(None, "Camille", 100) == "Camille"
    # The typed name is cut, never the identity.
    long = editor_label(named, "x" * 200, 100)
    assert len(long) == 100 and long.endswith(" (camille.martin@dreets.gouv.fr)")
