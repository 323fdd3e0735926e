"""The optional LLM through the real OpenAI client (langchain-openai's ChatOpenAI) against faulty
servers on 127.0.0.1: every fault ends in the extractive answer, with the notice, in time."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from threading import Thread

import pytest
from chromaserver import free_port

from o2r_assistant.answer import Answer
from o2r_assistant.assistant import Assistant
from o2r_assistant.config import Settings
from o2r_assistant.llm import FALLBACK_NOTICE

from .support import assert_well_formed, observe, record

FORMATION = "Les dépenses de formation sont-elles éligibles ?"
TIMEOUT_S = 1.0
# Beyond the timeout: the extractive answer itself, on a loaded 2-core machine.
MARGIN_S = 2.0
GOOD_ANSWER = "Non : les dépenses de formation ne sont pas éligibles [1]."


class FakeOpenAIServer(ThreadingHTTPServer):
    """An OpenAI-compatible chat endpoint whose behaviour each test chooses."""

    daemon_threads = True
    behaviour = "ok"
    requests = 0


class Handler(BaseHTTPRequestHandler):
    server: FakeOpenAIServer

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.server.requests += 1
        behaviour = self.server.behaviour
        if behaviour == "slow":
            time.sleep(TIMEOUT_S * 3)
        if behaviour == "error":
            body, status = b'{"error": {"message": "overloaded"}}', 500
        elif behaviour == "garbage":
            body, status = b"<html>502 Bad Gateway</html>", 200
        else:
            body, status = json.dumps(completion(GOOD_ANSWER)).encode(), 200
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first: that is the point of the slow case

    def log_message(self, *args: object) -> None:
        pass


def completion(text: str) -> dict:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": 0,
        "model": "test",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }


@pytest.fixture
def llm_server() -> Iterator[FakeOpenAIServer]:
    server = FakeOpenAIServer(("127.0.0.1", 0), Handler)
    thread = Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# A sound server is waited for this long: on a loaded machine even a local reply can
# take more than the fault tests' short timeout.
SOUND_TIMEOUT_S = 30.0


def llm_assistant(
    monkeypatch: pytest.MonkeyPatch, port: int, timeout_s: float = TIMEOUT_S
) -> Assistant:
    monkeypatch.setenv("O2R_LLM", "openai:test")
    monkeypatch.setenv("O2R_LLM_BASE_URL", f"http://127.0.0.1:{port}/v1")
    monkeypatch.setenv("O2R_LLM_TIMEOUT_S", str(timeout_s))
    assistant = Assistant(Settings())
    assert type(assistant.chat_model).__name__ == "ChatOpenAI"
    return assistant


def timed_ask(assistant: Assistant, fault: str) -> tuple[Answer, float]:
    started = time.perf_counter()
    answer = assistant.ask(FORMATION)
    elapsed = time.perf_counter() - started
    observe(f"LLM fault: {fault}", elapsed)
    record("faults injected", f"LLM {fault}")
    return answer, elapsed


def assert_extractive_fallback(assistant: Assistant, answer: Answer, elapsed: float) -> None:
    assert answer.mode == "extractive" and FALLBACK_NOTICE in answer.notices
    assert "ne sont pas éligibles" in answer.text
    assert_well_formed(assistant, answer)
    assert elapsed < TIMEOUT_S + MARGIN_S


def test_a_working_server_is_used(served_index: Path, monkeypatch, llm_server) -> None:
    """The premise of the fault tests: with a sound server, the model's answer is served."""
    assistant = llm_assistant(monkeypatch, llm_server.server_address[1], SOUND_TIMEOUT_S)
    answer = assistant.ask(FORMATION)
    assert answer.mode == "llm" and "ne sont pas éligibles [1]" in answer.text
    assert llm_server.requests == 1


def test_the_models_french_punctuation_is_kept(served_index: Path, monkeypatch, llm_server) -> None:
    answer = llm_assistant(monkeypatch, llm_server.server_address[1], SOUND_TIMEOUT_S).ask(
        FORMATION
    )
    assert answer.text == GOOD_ANSWER


def test_unreachable_server(served_index: Path, monkeypatch) -> None:
    assistant = llm_assistant(monkeypatch, free_port())
    answer, elapsed = timed_ask(assistant, "server unreachable")
    assert_extractive_fallback(assistant, answer, elapsed)


@pytest.mark.parametrize(
    ("behaviour", "fault"),
    [
        ("slow", f"server slower than the {TIMEOUT_S:g} s timeout"),
        ("error", "server error 500"),
        ("garbage", "server answers HTML"),
    ],
)
def test_faulty_server(
    served_index: Path, monkeypatch, llm_server, behaviour: str, fault: str
) -> None:
    llm_server.behaviour = behaviour
    assistant = llm_assistant(monkeypatch, llm_server.server_address[1])
    answer, elapsed = timed_ask(assistant, fault)
    assert llm_server.requests == 1
    assert_extractive_fallback(assistant, answer, elapsed)
