"""Settings: one class, prefix KC_, read once."""

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, PrivateAttr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
VAR_DIR = PROJECT_ROOT / "var"
DEFAULT_SQLITE_PATH = VAR_DIR / "kindcentraal.db"
PLACEHOLDER_SECRETS = {"", "change-me", "changeme", "secret", "development"}


class ProductionConfigError(RuntimeError):
    """Production mode refuses settings that are only fit for a laptop."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KC_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    database_url: str = Field(default=f"sqlite:///{DEFAULT_SQLITE_PATH}")
    secret_key: str | None = None
    cors_origins: list[str] = Field(default=["http://127.0.0.1:5173", "http://localhost:5173"])
    public_api_url: str = Field(
        default="/api/v1",
        description="The API's base URL as clients see it; absolute in production.",
    )
    allow_sqlite_in_production: bool = False
    access_token_minutes: int = 15
    staff_session_hours: int = Field(
        default=10,
        ge=1,
        le=24,
        description="How long staff stay signed in: a working day from login, whatever the "
        "activity (parents: the tenant's parent_session_days). docs/sessions.md.",
    )
    login_max_failures: int = 10
    login_failure_window_minutes: int = 15
    rooms_release_interval_seconds: float = Field(
        default=60.0,
        ge=0,
        description="How often the API releases bookings nobody checked in (0: only "
        "`kindcentraal rooms release`).",
    )
    audit_seal_interval_seconds: float = Field(
        default=1.0,
        ge=0,
        description="How often the API seals new access-log events (0: only `audit seal`).",
    )
    app_url: str = Field(
        default="http://127.0.0.1:5173",
        description="The SPA's address as users reach it: the links in e-mails point there.",
    )
    smtp_url: str | None = Field(
        default=None,
        description="Where `kindcentraal worker` delivers e-mail: smtp://user:pass@host:587 "
        "(STARTTLS, required) or smtps://host:465; smtp://localhost:1025?tls=none only on "
        "the loopback (development). Unset: mails stay queued.",
    )
    mail_from: str = Field(default="KindCentraal <noreply@kindcentraal.localhost>")
    outbox_lease_seconds: float = Field(
        default=120.0,
        gt=0,
        description="How long a worker holds a mail it is delivering; a killed worker's mails "
        "are picked up again after this.",
    )
    outbox_max_attempts: int = Field(default=10, ge=1)
    worker_interval_seconds: float = Field(default=2.0, gt=0)
    retention_run_hour: int = Field(
        default=2,
        ge=-1,
        le=23,
        description="The hour (Amsterdam time) the worker runs the nightly retention purge "
        "(-1: only `kindcentraal retention run`).",
    )
    storage_url: str = Field(
        default="file:var/attachments",
        description="Where uploaded files live: `file:<folder>` (relative to the project) or "
        "`s3://bucket/prefix` (an S3-compatible store; credentials from AWS_* variables).",
    )
    s3_endpoint_url: str | None = Field(
        default=None,
        description="The S3-compatible store's endpoint (e.g. https://s3.example.nl); "
        "unset: AWS itself.",
    )
    api_client_rate_limit: str = Field(
        default="1200/minute",
        description="Calls one API client may make, per API process, e.g. 1200/minute or "
        "50/second (a moving window); beyond it: 429 with Retry-After.",
    )
    api_usage_flush_seconds: float = Field(
        default=5.0,
        gt=0,
        description="How often the API writes API clients' call and error counts.",
    )
    webhooks_allow_private_networks: bool = Field(
        default=False,
        description="Let webhook subscriptions reach loopback and private addresses (a receiver "
        "on this machine, in development and tests). Refused in production.",
    )
    _development_key: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _refuse_wildcard_origins(self) -> "Settings":
        # The API answers the SPA's credentialed requests (the refresh cookie): a wildcard
        # would let any site read what a signed-in browser gets.
        if any(origin.strip() == "*" for origin in self.cors_origins):
            raise ValueError("KC_CORS_ORIGINS must name the SPA's origins; '*' is refused")
        return self

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> "Settings":
        if self.env != "production":
            return self
        if self.secret_key is None or self.secret_key.strip().lower() in PLACEHOLDER_SECRETS:
            raise ProductionConfigError("KC_SECRET_KEY must be set in production")
        if len(self.secret_key) < 32:
            raise ProductionConfigError("KC_SECRET_KEY must be at least 32 characters")
        if self.is_sqlite and not self.allow_sqlite_in_production:
            raise ProductionConfigError(
                "production needs PostgreSQL; set KC_ALLOW_SQLITE_IN_PRODUCTION=true to override"
            )
        if self.webhooks_allow_private_networks:
            raise ProductionConfigError(
                "KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS must be false in production (webhooks "
                "must never reach internal addresses)"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def async_database_url(self) -> str:
        """The URL with the async driver chosen for the scheme the operator gave."""
        url = self.database_url
        for prefix, driver in (
            ("sqlite:///", "sqlite+aiosqlite:///"),
            ("postgresql://", "postgresql+asyncpg://"),
            ("postgres://", "postgresql+asyncpg://"),
            ("postgresql+psycopg://", "postgresql+asyncpg://"),
        ):
            if url.startswith(prefix):
                return driver + url[len(prefix) :]
        return url

    def resolved_secret_key(self) -> str:
        """The signing key; in development generated once into var/ and reused.

        Read on every request (token checks), so the file is read once per Settings instance.
        """
        if self.secret_key:
            return self.secret_key
        if self._development_key is None:
            self._development_key = self._load_or_create_development_key()
        return self._development_key

    def _load_or_create_development_key(self) -> str:
        key_file = VAR_DIR / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


@lru_cache
def get_settings() -> Settings:
    return Settings()
