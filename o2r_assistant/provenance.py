"""Where a corpus document comes from: official source links, and documents added locally.

An uploaded file can copy a law's title, reference and date; two things keep it
from posing as the law in citations:

- a source link is shown as a link only when it is ``https://`` on an official
  domain (``O2R_OFFICIAL_DOMAINS``); any other address is shown as plain text;
- a document added through the app has a hidden sidecar file beside it
  (``.<file name>.origin.json``: who added it, and when), written at upload. The
  loader reads it, the passages carry it into the index, and every citation of
  the document says « ajouté localement le JJ/MM/AAAA par … ». Shipped documents
  have no sidecar.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from .errors import DocumentError
from .rendering import safe_url

# The State's domains (legifrance.gouv.fr, travail-emploi.gouv.fr… are subdomains of
# gouv.fr), France Travail's, and the site where the AMI Pays de la Loire is published.
DEFAULT_OFFICIAL_DOMAINS = "gouv.fr,francetravail.fr,essor-paysdelaloire.org"
SIDECAR_SUFFIX = ".origin.json"


def official_domains(text: str) -> frozenset[str]:
    """Comma-separated domains, any case; ``*.gouv.fr`` and ``.gouv.fr`` mean ``gouv.fr``."""
    items = (item.strip().lower().removeprefix("*").strip(".") for item in text.split(","))
    return frozenset(item for item in items if item)


def is_official(url: str | None, domains: frozenset[str]) -> bool:
    """Whether ``url`` is an ``https://`` link to one of ``domains`` or a subdomain of one."""
    if safe_url(url) is None:
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a malformed host or port
        return False
    # A user name hides the real host from a reader: https://legifrance.gouv.fr@x.example.
    if parts.scheme != "https" or parts.username is not None or port not in (None, 443):
        return False
    host = (parts.hostname or "").rstrip(".")
    return any(host == domain or host.endswith(f".{domain}") for domain in domains)


@dataclass(frozen=True)
class LocalOrigin:
    """Who added a document through the app, and when (ISO 8601, UTC)."""

    added_by: str
    added_at: str

    def label_fr(self) -> str:
        """« ajouté localement le 05/03/2025 par camille.martin@dreets.gouv.fr »."""
        day = datetime.fromisoformat(self.added_at).astimezone(UTC)
        by = f" par {self.added_by}" if self.added_by else ""
        return f"ajouté localement le {day:%d/%m/%Y}{by}"


def sidecar(document: Path) -> Path:
    """The hidden file beside ``document`` that records its local origin."""
    return document.with_name(f".{document.name}{SIDECAR_SUFFIX}")


def read_origin(document: Path) -> LocalOrigin | None:
    """The document's local origin; None for a shipped document (no sidecar).

    An unreadable sidecar makes the document unreadable too: a document that was
    added locally must never be served as if it were shipped.
    """
    path = sidecar(document)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        origin = LocalOrigin(str(data["added_by"]), str(data["added_at"]))
        origin.label_fr()  # the date must parse
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DocumentError(
            document.name,
            f"unreadable origin file {path.name}: {err}",
            f"le fichier d'origine {path.name} est illisible",
        ) from err
    return origin


def write_origin(document: Path, added_by: str, now: datetime | None = None) -> LocalOrigin:
    """Record that ``document`` is added now by ``added_by``; the file is replaced whole."""
    at = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    origin = LocalOrigin(added_by, at)
    target = sidecar(document)
    handle, tmp_name = tempfile.mkstemp(prefix=".origin-", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"added_by": added_by, "added_at": at}, out, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        Path(tmp_name).chmod(0o644)
        os.replace(tmp_name, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
    return origin


def remove_origin(document: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        sidecar(document).unlink()
