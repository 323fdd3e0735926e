"""Longer fuzzing runs than CI affords: the corpus loaders, the chunker, fact extraction and
question cleaning, each with many Hypothesis examples.

    .venv/bin/python fuzz/run_fuzz.py                       # every target, 2,000 examples each
    .venv/bin/python fuzz/run_fuzz.py --examples 20000 --targets chunker,facts --seed 7
    O2R_FUZZ_EXAMPLES=500 .venv/bin/python fuzz/run_fuzz.py

Exit code 0 when every property held, 1 otherwise (the failing input is printed).
See docs/reliability.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from reliability.support import (  # noqa: E402 - needs the tests folder on the path
    CONTROL,
    front_matter_files,
    loads_or_refuses,
    mutated_pdfs,
    reads_pdf_or_refuses,
)

from o2r_assistant.assistant import clean_question  # noqa: E402
from o2r_assistant.corpus import Document, chunk_document  # noqa: E402
from o2r_assistant.errors import InputError  # noqa: E402
from o2r_assistant.facts import extract_facts  # noqa: E402

MAX_QUESTION_CHARS = 2000


def _on_disk(check: Callable[[Path], None], suffix: str) -> Callable[[bytes], None]:
    def run(data: bytes) -> None:
        with tempfile.TemporaryDirectory(prefix="o2r-fuzz-") as folder:
            path = Path(folder) / f"fuzz{suffix}"
            path.write_bytes(data)
            check(path)

    return run


def _chunks_are_slices(text: str) -> None:
    doc = Document(doc_id="fuzz", path=Path("fuzz.md"), title="fuzz", text=text)
    for chunk in chunk_document(doc):
        assert text[chunk.start : chunk.end] == chunk.text and chunk.text.strip()


def _facts_are_extracted(text: str) -> None:
    extract_facts(text)


def _question_is_cleaned(text: str) -> None:
    try:
        cleaned, notices = clean_question(text, MAX_QUESTION_CHARS)
    except InputError as err:
        assert err.message_fr.startswith("La question est vide")
        return
    assert cleaned and not CONTROL.search(cleaned) and len(cleaned) <= MAX_QUESTION_CHARS
    assert cleaned == cleaned.strip() and len(notices) <= 1


# name -> (strategy, property, share of --examples, deadline in ms or None)
TARGETS: dict[str, tuple[st.SearchStrategy, Callable, float, int | None]] = {
    "text": (st.binary(max_size=65_536), _on_disk(loads_or_refuses, ".md"), 1.0, 2000),
    "front-matter": (front_matter_files(), _on_disk(loads_or_refuses, ".md"), 1.0, 2000),
    # Each load starts the PDF reader process (~0.3 s): fewer examples.
    "pdf-bytes": (
        st.binary(max_size=8192).map(lambda tail: b"%PDF-1.7\n" + tail),
        _on_disk(loads_or_refuses, ".pdf"),
        0.05,
        None,
    ),
    "pdf-mutations": (mutated_pdfs(), _on_disk(reads_pdf_or_refuses, ".pdf"), 1.0, 5000),
    "chunker": (st.text(max_size=20_000), _chunks_are_slices, 1.0, 5000),
    "facts": (st.text(max_size=2000), _facts_are_extracted, 1.0, 2000),
    "questions": (st.text(max_size=4000), _question_is_cleaned, 1.0, 1000),
}


def run_target(name: str, examples: int, random_seed: int | None) -> bool:
    strategy, check, share, deadline = TARGETS[name]
    count = max(1, int(examples * share))
    test = settings(
        max_examples=count,
        deadline=deadline,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )(given(strategy)(check))
    if random_seed is not None:
        test = seed(random_seed)(test)
    started = time.perf_counter()
    try:
        test()
    except Exception:
        print(f"FAIL {name} ({count} examples)\n{traceback.format_exc()}", flush=True)
        return False
    print(f"ok   {name}: {count} examples in {time.perf_counter() - started:.1f} s", flush=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--examples",
        type=int,
        default=int(os.environ.get("O2R_FUZZ_EXAMPLES", "2000")),
        help="examples per target (default 2000, or O2R_FUZZ_EXAMPLES)",
    )
    parser.add_argument(
        "--targets",
        default=",".join(TARGETS),
        help=f"comma-separated, among: {', '.join(TARGETS)}",
    )
    parser.add_argument("--seed", type=int, help="replay a run")
    args = parser.parse_args(argv)
    # Broken files make pypdf complain and the loader warn: expected, and noise here.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    logging.getLogger("o2r_assistant").setLevel(logging.ERROR)
    names = [name.strip() for name in args.targets.split(",") if name.strip()]
    unknown = sorted(set(names) - set(TARGETS))
    if unknown:
        parser.error(f"unknown targets: {', '.join(unknown)}")
    results = [run_target(name, args.examples, args.seed) for name in names]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
