"""Optional generated answers (off by default), guarded by the extractive answer.

The model sees only the retrieved passages and must cite them by number.
Whatever it writes is checked: citations must point to a passage, and every
amount and duration must appear in a cited passage or in the checker's rules.
Any failure, error or timeout falls back to the extractive answer.
"""

from __future__ import annotations

import concurrent.futures
import logging
import re
import threading
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources

from .config import Settings
from .errors import ConfigError, LLMError
from .numbers import find_amounts, find_months
from .rules import load_rules
from .text import fold

log = logging.getLogger(__name__)

FALLBACK_NOTICE = (
    "La réponse rédigée par le modèle de langue n'a pas pu être vérifiée ou n'est pas "
    "disponible : voici la réponse extraite directement des textes."
)
_CITATION = re.compile(r"\s*\[(\d{1,2})\]")
# One pool for all sessions, so a hung server cannot hold the caller past its timeout.
# Created on the first generated answer, not at import: no state unless an LLM is used.
_pool: concurrent.futures.ThreadPoolExecutor | None = None
_pool_lock = threading.Lock()


@dataclass(frozen=True)
class Generated:
    text: str
    cited: list[int]  # passage numbers, 1-based, in order of first citation


def prompt_template() -> str:
    return (resources.files("o2r_assistant") / "data" / "llm_prompt.txt").read_text("utf-8")


def make_chat_model(settings: Settings):
    """The chat model named by ``O2R_LLM`` ("ollama:<model>" or "openai:<model>")."""
    provider, _, model = (settings.llm or "").partition(":")
    if not model:
        raise ConfigError(
            f"O2R_LLM must look like 'ollama:<model>' or 'openai:<model>', not {settings.llm!r}",
            "O2R_LLM doit être de la forme 'ollama:<modèle>' ou 'openai:<modèle>'",
        )
    try:
        if provider == "ollama":
            from langchain_ollama import ChatOllama

            kwargs = {"base_url": settings.llm_base_url} if settings.llm_base_url else {}
            return ChatOllama(model=model, temperature=0, **kwargs)
        if provider == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(
                model=model,
                base_url=settings.llm_base_url,
                api_key=settings.llm_api_key or "not-needed",
                timeout=settings.llm_timeout_s,
                max_retries=0,
                temperature=0,
            )
    except ImportError as err:
        raise ConfigError(
            f"the {provider} client is not installed; run `pip install 'o2r-assistant[llm]'`",
            "le client du modèle de langue manque : lancez `pip install 'o2r-assistant[llm]'`",
        ) from err
    raise ConfigError(
        f"unknown LLM provider {provider!r}: use 'ollama' or 'openai'",
        f"fournisseur de modèle inconnu {provider!r} : utilisez 'ollama' ou 'openai'",
    )


def _llm_pool() -> concurrent.futures.ThreadPoolExecutor:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = concurrent.futures.ThreadPoolExecutor(
                max_workers=4, thread_name_prefix="o2r-llm"
            )
        return _pool


def generate(chat_model, question: str, passages: list[str], timeout_s: float) -> Generated:
    """Ask the model, within ``timeout_s``; raise LLMError on any failure."""
    numbered = "\n\n".join(f"[{i}] {p}" for i, p in enumerate(passages, start=1))
    prompt = prompt_template().format(passages=numbered, question=question)
    future = _llm_pool().submit(chat_model.invoke, prompt)
    try:
        message = future.result(timeout=timeout_s)
    except concurrent.futures.TimeoutError as err:
        future.cancel()
        raise LLMError(f"LLM timed out after {timeout_s}s", "le modèle n'a pas répondu") from err
    except Exception as err:  # client libraries raise their own network and HTTP errors
        raise LLMError(f"LLM call failed: {type(err).__name__}: {err}", "modèle en erreur") from err
    text = str(getattr(message, "content", message)).strip()
    if not text or "JE NE SAIS PAS" in text.upper():
        raise LLMError("LLM declined to answer", "le modèle n'a pas trouvé de réponse")
    return _keep_valid_citations(text, len(passages))


def _keep_valid_citations(text: str, count: int) -> Generated:
    """Remove markers that point to no passage; at least one valid citation must remain."""
    cited: list[int] = []

    def keep(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if 1 <= n <= count:
            if n not in cited:
                cited.append(n)
            return match.group(0)
        return ""

    # A removed marker takes its leading space with it; the rest of the text is untouched.
    cleaned = _CITATION.sub(keep, text).strip()
    if not cited:
        raise LLMError("LLM answer cites no passage", "la réponse générée ne cite aucun passage")
    return Generated(cleaned, cited)


def _amounts(text: str) -> set[Decimal]:
    return {amount.value for amount in find_amounts(fold(text))}


def _durations(text: str) -> set[int]:
    """Durations in months ("12 mois", "trois ans" → 12, 36)."""
    return set(find_months(fold(text)))


def _rule_values() -> tuple[set[Decimal], set[int]]:
    amounts, months = set(), set()
    for rule in load_rules():
        for param in rule.parameters.values():
            if param.unit == "EUR":
                amounts.add(Decimal(param.value))
            elif param.unit == "months":
                months.add(int(param.value))
    return amounts, months


def check_numbers(generated: Generated, cited_passages: list[str]) -> None:
    """Every amount and duration the model states must come from a source."""
    rule_amounts, rule_months = _rule_values()
    source = "\n".join(cited_passages)
    allowed_amounts = _amounts(source) | rule_amounts
    allowed_months = _durations(source) | rule_months
    bad = [f"{a} €" for a in _amounts(generated.text) - allowed_amounts]
    bad += [f"{m} mois" for m in _durations(generated.text) - allowed_months]
    if bad:
        raise LLMError(
            f"LLM states figures found in no cited passage or rule: {', '.join(bad)}",
            "la réponse générée contient des chiffres absents des sources",
        )
