"""Helpers shared by the reliability tests: tree digests, time bounds, hostile files, figures."""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from fpdf import FPDF
from hypothesis import strategies as st
from pdfs import text_pdf

from o2r_assistant.answer import Answer
from o2r_assistant.assistant import Assistant
from o2r_assistant.config import Settings
from o2r_assistant.corpus import load_document
from o2r_assistant.errors import DocumentError
from o2r_assistant.pdf import _read_pdf
from o2r_assistant.scope import ABSTENTION_LEAD_EN, ABSTENTION_TEXT

# Figures measured during the run, printed at the end of the session (see conftest.py).
FIGURES: dict[str, Counter[str]] = defaultdict(Counter)
SLOWEST: dict[str, float] = {}
NOTES: dict[str, str] = {}


def record(section: str, key: str, amount: int = 1) -> None:
    FIGURES[section][key] += amount


def observe(name: str, seconds: float) -> None:
    """Keep the longest duration seen under ``name``."""
    SLOWEST[name] = max(seconds, SLOWEST.get(name, 0.0))


def clean_settings(**overrides: Any) -> Settings:
    """Settings from explicit values only, whatever O2R_* variables the caller's shell has."""
    with pytest.MonkeyPatch.context() as patch:
        for name in list(os.environ):
            if name.startswith("O2R_"):
                patch.delenv(name)
        return Settings(**overrides)


def tree_digest(root: Path) -> dict[str, str]:
    """Relative path -> content hash (or link target) of every entry under ``root``."""
    digest: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.is_symlink():
            digest[key] = f"link:{os.readlink(path)}"
        elif path.is_file():
            digest[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            digest[key] = "dir"
    return digest


def within(seconds: float, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run ``fn`` and return its result, or fail if it has not finished in ``seconds``.

    A hang then fails the test instead of the whole run; the stuck daemon thread
    is abandoned.
    """
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn(*args, **kwargs)
        except BaseException as err:  # re-raised in the caller's thread
            outcome["error"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        pytest.fail(f"{getattr(fn, '__name__', fn)} did not finish within {seconds:g} s")
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


# ---------------------------------------------------------------- answers

# A line break is kept (an e-mail's lines tell its parts apart); no other control char.
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def assert_well_formed(assistant: Assistant, answer: Answer) -> None:
    """A complete answer whose every citation resolves, or the plain abstention."""
    max_chars = assistant.settings.max_question_chars
    assert not CONTROL.search(answer.question) and 0 < len(answer.question) <= max_chars
    json.dumps(answer.to_dict())  # what `o2r ask --json` prints
    if answer.abstained:
        assert answer.citations == []
        assert answer.text in (ABSTENTION_TEXT, f"{ABSTENTION_LEAD_EN}\n\n{ABSTENTION_TEXT}")
        return
    assert answer.text.strip() and answer.citations
    chunks = {chunk.chunk_id: chunk for chunk in assistant.index.chunks()}
    for citation in answer.citations:
        assert chunks[citation.chunk_id].text == citation.passage
        assert citation.quote.strip() and citation.quote in citation.passage
        assert f"[{citation.n}]" in answer.text


# ---------------------------------------------------------------- PDFs


def hand_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF written by hand: objects numbered from 1 (1 is the catalog), exact xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def flate_stream(data: bytes, entries: bytes = b"") -> bytes:
    packed = zlib.compress(data, 9)
    head = b"<< /Length %d /Filter /FlateDecode %s >>\nstream\n" % (len(packed), entries)
    return head + packed + b"\nendstream"


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
TEXT_PAGE = (
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
    b"/Resources << /Font << /F 4 0 R >> /XObject << /X 6 0 R >> >> /Contents 5 0 R >>"
)


def many_pages_pdf(count: int) -> bytes:
    """One text page listed ``count`` times in /Kids: a few KB claiming many pages."""
    kids = b"3 0 R " * count
    return hand_pdf(
        [
            CATALOG,
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count),
            TEXT_PAGE,
            FONT,
            flate_stream(b"BT /F 12 Tf 10 10 Td (Page) Tj ET"),
            flate_stream(b"", b"/Type /XObject /Subtype /Form /BBox [0 0 1 1]"),
        ]
    )


def page_tree_bomb_pdf(depth: int = 6, fanout: int = 10) -> bytes:
    """A page tree whose every node lists one child ``fanout`` times: fanout**depth leaves."""
    objects = [CATALOG]
    for level in range(depth):
        child = b"%d 0 R " % (level + 3)
        objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (child * fanout, fanout))
    objects.append(b"<< /Type /Page /MediaBox [0 0 200 200] >>")
    return hand_pdf(objects)


def nested_info_pdf(depth: int = 5000) -> bytes:
    """A document title nested ``depth`` arrays deep: the parser recurses past Python's limit."""
    title = b"[" * depth + b"]" * depth
    return hand_pdf(
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>",
            b"<< /Title %s >>" % title,
        ],
        trailer=b"/Info 4 0 R ",
    )


def form_bomb_pdf(draws: int = 5000, form_operators: int = 100_000) -> bytes:
    """One page drawing, ``draws`` times, a form of ``form_operators`` operators: about 4 KB.

    pypdf parses the form again at every draw, so extraction would run for hours.
    """
    form = b"BT /F 12 Tf 10 10 Td (Forme) Tj ET\n" + b"0 0 m " * form_operators
    return hand_pdf(
        [
            CATALOG,
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            TEXT_PAGE,
            FONT,
            flate_stream(b"/X Do\n" * draws),
            flate_stream(
                form,
                b"/Type /XObject /Subtype /Form /BBox [0 0 200 200] "
                b"/Resources << /Font << /F 4 0 R >> >>",
            ),
        ]
    )


# ---------------------------------------------------------------- fuzzing
# Shared by test_fuzz.py (short, in CI) and fuzz/run_fuzz.py (long, by hand).

_YAML_BITS = st.sampled_from(
    ["title: ", "date: ", "kind: ", "2024-13-01", "2024-06-26", "[", "]", "{", "}", ": ", ",",
     "&a ", "*a", "!!binary ", "!!python/name:os.system", "1" * 60, "\n", "\n  ", "- ", "'",
     '"', "é", "\t", "~", "? ", "| ", "> ", "#", "%YAML 1.1", "---", "...", "\x00", "\ufeff"]
)  # fmt: skip


def front_matter_files() -> st.SearchStrategy[bytes]:
    """Markdown files whose YAML header is made of YAML's awkward pieces."""
    header = st.lists(_YAML_BITS, max_size=40).map("".join)
    body = st.text(max_size=300)
    return st.builds(
        lambda h, b: f"---\n{h}\n---\n\n{b}".encode(errors="surrogatepass"), header, body
    )


def _mutate(base: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    data = bytearray(base)
    for position, value in edits:
        data[position % len(data)] = value
    return bytes(data[:cut] if cut is not None else data)


def mutated_pdfs() -> st.SearchStrategy[bytes]:
    """A real one-page PDF, compressed or not, with a few bytes changed and maybe truncated."""
    pdf = FPDF()
    pdf.set_compression(False)
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    pdf.multi_cell(0, 6, "Les structures candidates justifient d'un ancrage territorial.")
    bases = [bytes(pdf.output()), text_pdf(["Le coût total ne pourra pas être inférieur."])]
    edits = st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8)
    cut = st.none() | st.integers(0, max(map(len, bases)))
    return st.builds(_mutate, st.sampled_from(bases), edits, cut)


def loads_or_refuses(path: Path) -> None:
    """The corpus loader's contract: a Document with text, or a DocumentError, nothing else."""
    try:
        doc = load_document(path)
    except DocumentError as err:
        assert err.message_fr.startswith(f"{path.name} : ")
        return
    assert doc.text[doc.body_start :].strip()
    for _, start, end in doc.pages:
        assert 0 <= start < end <= len(doc.text)


def reads_pdf_or_refuses(path: Path) -> None:
    """The same contract for the PDF reader itself, in this process.

    Through load_document the reader runs in a child process whose crash is reported as
    an unreadable PDF, which would hide it from the fuzzer.
    """
    try:
        pdf = _read_pdf(path)
    except DocumentError:
        return
    assert pdf.text.strip()
    spans = pdf.pages + [(0, start, end) for _, start, end in pdf.headings]
    assert all(0 <= start < end <= len(pdf.text) for _, start, end in spans)
