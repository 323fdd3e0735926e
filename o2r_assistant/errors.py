"""Every exception the library raises on purpose.

The library raises; only the CLI and the web app turn an exception into a
message. Each error carries an English message (``str(err)``, for logs) and a
French one (``err.message_fr``, for users).
"""

from __future__ import annotations


class O2RError(Exception):
    """Base class of the project's errors."""

    def __init__(self, message: str, message_fr: str | None = None) -> None:
        super().__init__(message)
        self.message_fr = message_fr or message


class ConfigError(O2RError):
    """A setting has a value the program cannot use."""


class DocumentError(O2RError):
    """One corpus document cannot be read (corrupt, encrypted, no text...)."""

    def __init__(self, path: object, message: str, message_fr: str) -> None:
        super().__init__(f"{path}: {message}", f"{path} : {message_fr}")
        self.path = path


class UploadError(O2RError):
    """A file offered for the corpus is refused; nothing was changed."""


class DuplicateDocumentError(UploadError):
    """An upload has the title or reference of a corpus document (``existing``, its file
    name): it could pass for it, so it is added only when staff confirm."""

    def __init__(self, message: str, message_fr: str, existing: str) -> None:
        super().__init__(message, message_fr)
        self.existing = existing


class EmbedderError(O2RError):
    """The embedding model is not installed or cannot be loaded."""


class IndexUnavailableError(O2RError):
    """The vector store cannot be reached or opened."""


class IndexBuildRunningError(IndexUnavailableError):
    """Another writer sharing the database is building the index: this build did not start."""


class RulesError(O2RError):
    """The rules file is invalid."""


class DossierError(O2RError):
    """A dossier file is invalid."""


class EvalFormatError(O2RError):
    """A question-set file does not follow the documented format."""


class LLMError(O2RError):
    """The optional language-model server failed or gave an unusable answer."""


class InputError(O2RError):
    """A user's input cannot be processed (empty question, bad file name...)."""


class RateLimitError(O2RError):
    """A session asks too often, or every answer slot is busy: try again later."""


class ValidatedAnswerError(O2RError):
    """A staff-validated answer, or a file of them, is refused; nothing was changed."""


class IdentityProviderError(O2RError):
    """The OpenID Connect provider cannot be reached or is not configured."""


class DatabaseUnavailableError(O2RError):
    """The database (SQLite file or PostgreSQL server) cannot be reached or used: the
    transaction was rolled back, nothing was written."""


class ValidatedStoreUnavailableError(DatabaseUnavailableError, ValidatedAnswerError):
    """The validated answers' database failed: the change was not made."""
