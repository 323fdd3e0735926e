"""No automatic link in shown text, and drafts downloaded as Markdown keep only source links."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from o2r_assistant.rendering import WORD_JOINER, highlighted, md_text, plain_markdown

# GFM's literal autolinks as remark finds them in text once escapes are resolved
# (mdast-util-gfm-autolink-literal): URLs, www. addresses and e-mail addresses.
GFM_URL = re.compile(r"(?i)(?:https?://|www(?=\.))[-.\w]+")
GFM_EMAIL = re.compile(r"[-.A-Za-z0-9_+]+@[-A-Za-z0-9_]+(?:\.[-A-Za-z0-9_]+)+")
ADDRESSES = [
    "http://exemple.fr/page",
    "HTTPS://exemple.fr",
    "www.exemple.fr",
    "jean.dupont@exemple.fr",
    "mailto:jean@exemple.fr",
    "xmpp:jean@exemple.fr",
]


def resolved(markdown: str) -> str:
    """The text the autolinker reads: backslash escapes resolved."""
    return re.sub(r"\\(.)", r"\1", markdown)


def autolinks(markdown: str) -> list[str]:
    text = resolved(markdown)
    return GFM_URL.findall(text) + GFM_EMAIL.findall(text)


@pytest.mark.parametrize("address", ADDRESSES)
def test_addresses_in_questions_passages_and_titles_are_not_linked(address: str) -> None:
    """The issue: escaping removed explicit links, but addresses were still clickable."""
    text = f"Voir {address}, ou ({address})."
    assert autolinks(md_text(text)) == []
    assert autolinks(highlighted(text, [address])) == []
    # Shown as typed: the word joiner is invisible.
    assert resolved(md_text(text)).replace(WORD_JOINER, "").replace("  \n", "\n") == text


@given(st.text())
def test_no_text_gives_an_automatic_link(text: str) -> None:
    assert autolinks(md_text(text)) == []


SOURCE = "https://www.legifrance.gouv.fr/eli/decret/2024/6/24/2024-584/jo/texte"
DRAFT = f"""Bonjour,

Voir ![logo](http://pub.test/logo.png) <img src=x onerror=alert(1)> et [ici](javascript:alert(1)).
Le chef de file [1]. Écrire à jean@exemple.fr ou www.exemple.fr.
[x]: javascript:alert(1)
<a href="http://pub.test">lien</a> [[y]](http://pub.test) [source]({SOURCE})

Sources :
[1] Décret n° 2024-584. {SOURCE}
"""


def test_a_draft_keeps_only_the_links_of_its_sources() -> None:
    """The issue: the .md download kept images, <img> and a javascript: link."""
    out = plain_markdown(DRAFT, [SOURCE, "javascript:alert(1)"])
    assert "![" not in out and "](http://pub.test" not in out and "(javascript:" not in out
    assert not re.search(r"(?<!\\)<", out)  # no HTML
    assert not re.search(r"(?<!\\)\[(?!1\])", out.replace(f"[source]({SOURCE})", ""))
    assert f"[source]({SOURCE})" in out and f"[1] Décret n° 2024-584. {SOURCE}\n" in out
    assert "logo" in out and "ici" in out and "Le chef de file [1]." in out
    others = out.replace(SOURCE, "")
    assert autolinks(others) == []


def test_a_draft_without_sources_has_no_link() -> None:
    out = plain_markdown(f"Voir [source]({SOURCE}) et {SOURCE}\x01.")
    assert autolinks(out) == [] and "](" not in out and "\x01" not in out
