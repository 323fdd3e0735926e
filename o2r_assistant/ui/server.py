"""The server around the Streamlit script: a French page, and an assistant loaded at start-up.

``serve.py`` hands both to ``st.App`` (Streamlit's supported ASGI entry point):

- ``html_lang`` rewrites the ``<html lang="en">`` of the page Streamlit serves, since
  Streamlit has no option for the page language (RGAA 8.3: the default language is
  declared);
- ``lifespan`` loads the embedding model and opens the index when the server process
  starts, so the first visitor does not wait for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from typing import Any

log = logging.getLogger(__name__)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[
    [Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]
]

# Streamlit's own assets and endpoints: never the HTML page.
PASS_THROUGH = ("/static/", "/_stcore/", "/component/", "/media/", "/app/static/")
# How long start-up waits for the assistant before serving anyway (a first index build
# can take minutes: then the first visitors see the loading notice, as before).
WARM_UP_WAIT_S = 90.0


class HtmlLang:
    """ASGI middleware: the HTML page declares ``lang`` (``<html lang="en">`` → ``"fr"``).

    Only ``text/html`` responses are touched; the request for them is sent on without
    ``Accept-Encoding`` so the page comes back uncompressed (it is a few kilobytes). If
    a Streamlit release changes the markup, the page is served unchanged and the
    accessibility test, which checks ``lang``, fails.
    """

    def __init__(self, app: ASGIApp, lang: str = "fr") -> None:
        self.app = app
        self.old = b'<html lang="en"'
        self.new = f'<html lang="{lang}"'.encode()

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or any(
                path.startswith(prefix) or f"/{prefix.strip('/')}/" in path
                for prefix in PASS_THROUGH
            )
        ):
            await self.app(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers", []))
                if headers.get(b"content-type", b"").startswith(b"text/html"):
                    start = message
                    return
            elif start is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(chunks).replace(self.old, self.new, 1)
                headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
                if body or scope["method"] == "GET":
                    headers.append((b"content-length", str(len(body)).encode()))
                else:  # HEAD: same length, the attribute is as long
                    headers += [(k, v) for k, v in start["headers"] if k == b"content-length"]
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        await self.app(scope, receive, rewrite)


def warm_up() -> None:
    """Do at start-up what the first visitor's first page would otherwise pay for.

    The pages are imported, the shared assistant and the sidebar's corpus listing are
    loaded into Streamlit's caches, and Streamlit's own first-use work is done.
    """
    started = time.perf_counter()
    from o2r_assistant.config import Settings
    from o2r_assistant.ui import (  # noqa: F401 (imported for their cost, as app.py does)
        chat,
        common,
        corpus_page,
        draft_page,
        eval_page,
        journal_page,
        staff,
        validated_page,
    )

    settings = Settings()
    assistant = common.load_assistant(common.assistant_key(settings))
    corpus_page.documents(settings, assistant)
    streamlit_first_use()
    log.info("start-up: assistant loaded in %.2fs", time.perf_counter() - started)


def streamlit_first_use() -> None:
    """Streamlit's once-per-process work, done before the first session's page.

    Its first element checks whether it runs in an interactive shell by walking the
    stack and reading each frame's source (0.3-0.4 s on this machine); the favicon
    emoji imports the emoji list (a regular expression compiled on import, 0.2 s), and
    the first Material icon the icon names. These are private to Streamlit: if a
    release renames them, the first visitor pays again, nothing breaks.
    """
    with contextlib.suppress(ImportError, AttributeError):
        from streamlit import delta_generator, emojis, material_icon_names  # noqa: F401

        delta_generator._maybe_print_use_warning()


@contextlib.asynccontextmanager
async def lifespan(app: Any) -> AsyncIterator[None]:
    """Warm the cached resources before the server takes its first request."""
    task = asyncio.ensure_future(asyncio.to_thread(warm_up))
    try:
        await asyncio.wait_for(asyncio.shield(task), WARM_UP_WAIT_S)
    except TimeoutError:
        log.warning("start-up: assistant still loading after %.0fs; serving", WARM_UP_WAIT_S)
    except Exception:  # the sessions show why (get_assistant), and retry
        log.exception("start-up: assistant could not be loaded")
    yield
