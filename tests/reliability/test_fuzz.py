"""Fuzzing the corpus loaders with Hypothesis (bounded for CI; fuzz/run_fuzz.py runs longer).

The chunker and fact extraction are fuzzed in tests/test_corpus.py and tests/test_facts.py.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from .support import (
    front_matter_files,
    loads_or_refuses,
    mutated_pdfs,
    reads_pdf_or_refuses,
    record,
)


@contextmanager
def written(data: bytes, suffix: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="o2r-fuzz-") as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        yield path


@settings(max_examples=150, deadline=1000)
@given(st.binary(max_size=4096), st.sampled_from([".md", ".txt"]))
def test_random_bytes_as_text_files(data: bytes, suffix: str) -> None:
    with written(data, suffix) as path:
        loads_or_refuses(path)
    record("fuzz examples", "text bytes")


@settings(max_examples=150, deadline=1000)
@given(front_matter_files())
@example(b"---\n1: un\nnote: deux\n---\n\n# Note\n\nTexte.\n")  # found by fuzz/run_fuzz.py
def test_markdown_with_hostile_front_matter(data: bytes) -> None:
    with written(data, ".md") as path:
        loads_or_refuses(path)
    record("fuzz examples", "front matter")


@settings(max_examples=10, deadline=None)  # each load starts the PDF reader process
@given(st.binary(max_size=2048).map(lambda tail: b"%PDF-1.7\n" + tail))
def test_random_bytes_as_pdf_through_the_loader(data: bytes) -> None:
    with written(data, ".pdf") as path:
        loads_or_refuses(path)
    record("fuzz examples", "PDF bytes")


@settings(max_examples=100, deadline=5000)
@given(mutated_pdfs())
def test_mutated_pdfs_in_the_reader(data: bytes) -> None:
    with written(data, ".pdf") as path:
        reads_pdf_or_refuses(path)
    record("fuzz examples", "PDF mutations")
