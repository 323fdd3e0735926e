"""Who is signed in, and whether they are staff.

Two modes (``O2R_AUTH_MODE``):

- ``password`` (the default, for a small install): a session that gave the
  shared admin password is staff, as the identity :data:`SHARED_PASSWORD`;
- ``oidc``: staff sign in with any OpenID Connect provider (ProConnect,
  Keycloak…) through Streamlit's native sign-in (``st.login``, configured by
  the ``[auth]`` section of Streamlit's secrets). The provider says who the
  person is; the allow-list (``O2R_STAFF_EMAILS``, ``O2R_STAFF_DOMAINS``) says
  whether they are staff. Anyone else signed in gets the chat only. A sign-in
  is honoured for ``O2R_STAFF_SESSION_HOURS`` after the provider issued it
  (Streamlit's own cookie lasts 30 days).

This module holds the decisions; ``o2r_assistant.ui.staff`` reads Streamlit.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from .config import Settings
from .errors import IdentityProviderError

log = logging.getLogger(__name__)

# The identity of whoever gave the shared password: the journal cannot tell them apart.
SHARED_PASSWORD = "mot de passe partagé"

PROVIDER_DOWN_FR = (
    "Le service de connexion ne répond pas pour le moment : la connexion du personnel est "
    "impossible. Réessayez dans quelques minutes. Le chat reste disponible."
)
NOT_CONFIGURED_FR = (
    "La connexion du personnel n'est pas configurée : renseignez la section [auth] des "
    "secrets de Streamlit (voir le README)."
)


@dataclass(frozen=True)
class Identity:
    """A signed-in person: ``actor`` is what the journal records (an e-mail address)."""

    actor: str
    name: str | None = None

    @property
    def label(self) -> str:
        """« Camille Martin (camille.martin@dreets.gouv.fr) », or the actor alone."""
        return f"{self.name} ({self.actor})" if self.name else self.actor


def editor_label(identity: Identity | None, typed: str, limit: int) -> str:
    """Who made an edit, for a history: the name typed on the form and the signed-in
    identity, « Camille Martin (camille.martin@dreets.gouv.fr) » or « Camille (mot de
    passe partagé) ». The typed name is cut, not the identity, to fit ``limit``."""
    typed = " ".join(typed.split())
    if identity is None:
        return typed[:limit]
    actor = identity.actor
    room = limit - len(actor) - len(" ()")
    if not typed or typed.casefold() == actor.casefold() or room <= 0:
        return actor[:limit]
    return f"{typed[:room]} ({actor})"


def _items(text: str) -> frozenset[str]:
    return frozenset(item.strip().lower() for item in text.split(",") if item.strip())


@dataclass(frozen=True)
class AllowList:
    """Who is staff: listed e-mail addresses, and every address of listed domains."""

    emails: frozenset[str] = frozenset()
    domains: frozenset[str] = frozenset()

    @classmethod
    def from_settings(cls, settings: Settings) -> AllowList:
        domains = frozenset(d.lstrip("@") for d in _items(settings.staff_domains))
        return cls(_items(settings.staff_emails), domains)

    def allows(self, email: str) -> bool:
        """Exact matches only, in any case: ``dreets.gouv.fr`` does not admit its subdomains."""
        address = email.strip().lower()
        local, at, domain = address.rpartition("@")
        if not at or not local or not domain:
            return False
        return address in self.emails or domain in self.domains


Status = Literal["anonymous", "expired", "outsider", "staff"]


@dataclass(frozen=True)
class SignIn:
    """Where a session stands: nobody signed in, a sign-in too old, not staff, or staff."""

    status: Status
    identity: Identity | None = None


def _name(claims: Mapping[str, object]) -> str | None:
    name = claims.get("name")
    if isinstance(name, str) and name.strip():
        return name.strip()
    # ProConnect gives ``given_name`` and ``usual_name``; others ``family_name``.
    parts = [claims.get(key) for key in ("given_name", "usual_name", "family_name")]
    joined = " ".join(dict.fromkeys(p.strip() for p in parts if isinstance(p, str) and p.strip()))
    return joined or None


def oidc_sign_in(
    claims: Mapping[str, object], allow: AllowList, max_age_s: float, now: float
) -> SignIn:
    """Read the claims Streamlit keeps for a session (``st.user``) at time ``now`` (epoch s).

    Staff needs an e-mail address on the allow-list, not marked unverified, and a
    sign-in issued (``iat``) less than ``max_age_s`` ago.
    """
    if claims.get("is_logged_in") is not True:
        return SignIn("anonymous")
    email = claims.get("email")
    identity = Identity(
        email.strip().lower() if isinstance(email, str) and email.strip() else "",
        _name(claims),
    )
    if not identity.actor:
        identity = Identity(str(claims.get("sub") or "?"), identity.name)
    issued = claims.get("iat")
    if not isinstance(issued, int | float) or isinstance(issued, bool) or now - issued > max_age_s:
        return SignIn("expired", identity)
    if claims.get("email_verified") is False or not allow.allows(identity.actor):
        return SignIn("outsider", identity)
    return SignIn("staff", identity)


def metadata_url(auth: Mapping[str, object] | None) -> str:
    """The provider's discovery URL from the ``[auth]`` secrets; IdentityProviderError if absent."""
    url = (auth or {}).get("server_metadata_url")
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        raise IdentityProviderError(
            "OpenID Connect sign-in needs [auth] server_metadata_url in Streamlit's secrets",
            NOT_CONFIGURED_FR,
        )
    return url


def check_provider(url: str, timeout_s: float) -> None:
    """Raise IdentityProviderError unless ``url`` serves an OpenID Connect discovery document.

    Called before sending a browser to the provider, so that a provider that is
    down gets a French message in the app rather than an error page.
    """
    try:
        with urllib.request.urlopen(url, timeout=timeout_s) as response:
            document = json.loads(response.read(1_000_000))
    except (OSError, ValueError) as err:  # URLError and timeouts are OSErrors
        raise IdentityProviderError(
            f"identity provider unreachable at {url}: {type(err).__name__}: {err}",
            PROVIDER_DOWN_FR,
        ) from err
    if not isinstance(document, dict) or "authorization_endpoint" not in document:
        raise IdentityProviderError(
            f"{url} is not an OpenID Connect discovery document", PROVIDER_DOWN_FR
        )
