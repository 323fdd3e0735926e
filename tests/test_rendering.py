"""User and corpus text reaches st.markdown inert: every markup character is escaped."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from o2r_assistant.rendering import highlighted, md_text, safe_url

PUNCTUATION = r"[!-/:-@\[-`{-~]"


def unescaped(markdown: str) -> str:
    """What is left once every backslash-escaped character is removed."""
    return re.sub(r"\\" + PUNCTUATION, "", markdown)


def plain(markdown: str) -> str:
    """The text Markdown displays (backslash escapes and hard breaks resolved)."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("  \n", "\n")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<script>alert(1)</script>", r"\<script\>alert\(1\)\<\/script\>"),
        ("**x**", r"\*\*x\*\*"),
        ("[a](javascript:alert(1))", r"\[a\]\(javascript\:alert\(1\)\)"),
        ("# x", r"\# x"),
        ("`code` ```", r"\`code\` \`\`\`"),
        (":orange-background[x]", r"\:orange\-background\[x\]"),
        (":material/lock:", r"\:material\/lock\:"),
        ("$x^2$ et $$y$$", r"\$x\^2\$ et \$\$y\$\$"),
        ("a\\b", r"a\\b"),
        ("<b>x</b> &amp;", r"\<b\>x\<\/b\> \&amp\;"),
        ("150 000 €, l'État", r"150 000 €\, l\'État"),
    ],
)
def test_markup_is_escaped(text: str, expected: str) -> None:
    assert md_text(text) == expected
    assert plain(md_text(text)) == text


def test_newlines_become_hard_breaks_without_indentation() -> None:
    # Indented lines would become code blocks; single newlines would be joined.
    assert md_text("un\n    deux\r\ntrois  ") == "un  \ndeux  \ntrois"
    assert md_text("- item\n1. j") == "\\- item  \n1\\. j"


def test_any_object_is_shown_as_text() -> None:
    assert md_text(42) == "42"
    assert md_text(None) == "None"


@given(st.text())
def test_no_markup_character_is_left_unescaped(text: str) -> None:
    assert re.search(PUNCTUATION, unescaped(md_text(text))) is None


def test_several_quotes_are_highlighted_in_passage_order() -> None:
    passage = "Un. Deux (2). Trois. Quatre."
    out = highlighted(passage, ["Trois.", "Deux (2).", "absent", ""])
    assert out == r"Un\. :orange-background[Deux \(2\)\.] :orange-background[Trois\.] Quatre\."


def test_overlapping_quotes_keep_the_first() -> None:
    out = highlighted("abc def ghi", ["abc def", "def ghi"])
    assert out == ":orange-background[abc def] ghi"


def test_highlighting_cannot_be_closed_or_injected_by_the_text() -> None:
    passage = "Voir ] :red[faux] **gras** <b>x</b>\n  suite"
    out = highlighted(passage, ["] :red[faux]", "suite"])
    assert out.split("  \n") == [
        r"Voir :orange-background[\] \:red\[faux\]] \*\*gras\*\* \<b\>x\<\/b\>",
        ":orange-background[suite]",
    ]
    # Only the markup added by highlighted() is live.
    assert re.findall(PUNCTUATION, unescaped(out)) == list(":-[]:-[]")


def test_highlighting_without_quotes_is_md_text() -> None:
    text = "Texte *brut*\n# titre"
    assert highlighted(text, []) == md_text(text)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000048620567",
        "http://exemple.fr/a?b=1&c=d#e",
    ],
)
def test_plain_http_urls_are_kept(url: str) -> None:
    assert safe_url(url) == url


@pytest.mark.parametrize(
    "url",
    [
        None,
        "",
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://exemple.fr/f",
        "//exemple.fr",
        "https://exemple.fr/a)[x](javascript:alert(1)",
        "https://exemple.fr/a b",
        'https://exemple.fr/"onmouseover="x',
        "https://exemple.fr/<script>",
        "https://exemple.fr/`x`",
        "https://exemple.fr/\\x",
        "https://exemple.fr/\n",
        " https://exemple.fr",
    ],
)
def test_unsafe_urls_are_refused(url: str | None) -> None:
    assert safe_url(url) is None
