"""Settings: the only place the environment (``YECAI_*``) is read."""

from __future__ import annotations

import secrets
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Runtime configuration, read from ``YECAI_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="YECAI_", extra="ignore")

    env: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("var")
    database_url: str | None = None
    secret_key: str | None = None
    host: str = "127.0.0.1"
    port: int = 8000
    demo: bool = False
    introspection: bool = True
    frontend_dist: Path = REPO_ROOT / "frontend" / "dist"
    seeds_dir: Path = REPO_ROOT / "seeds"

    session_hours: int = Field(default=12, ge=1, le=24 * 30)
    cookie_secure: bool = False
    login_max_failures_per_user: int = 5
    login_max_failures_per_address: int = 20
    login_window_minutes: int = 15

    graphql_max_depth: int = 12
    graphql_max_aliases: int = 30
    graphql_max_tokens: int = 5000
    # Cost points (graphql/limits.py): a 100-row page of vouchers with their lines' accounts, sources and
    # rule versions costs about 3,200; thirty pages of vouchers with their lines in one request (36,000)
    # are refused.
    graphql_max_cost: int = 10000
    graphql_max_repeats: int = 5
    # A request's time budget: past it its execution is cancelled, its transaction rolled back, and it
    # answers REQUEST_TIMEOUT (503).
    request_timeout_seconds: float = Field(default=10.0, gt=0, le=600)
    sql_echo: bool = False
    count_sql: bool = False

    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_default_role: str = "staff"
    oidc_scope: str = "openid profile email"

    # The audit trail (see README, "The audit trail"). The audit key keys the hash chain and signs
    # its checkpoints; it is not the session key and never lives in the database.
    audit_key: str | None = None
    audit_old_keys: str | None = None  # retired keys, comma-separated, still needed to verify old events
    audit_checkpoint_file: Path | None = None
    audit_checkpoint_events: int = Field(default=1000, ge=1)
    audit_checkpoint_minutes: float = Field(default=5, gt=0)
    audit_checkpointer: Literal["serve", "external"] = "serve"

    # Search (README, "Search"): the embedded engine's index directory, <data dir>/search by default.
    search_dir: Path | None = None
    # "serve": `yecai serve` drains the search outbox; "external": `yecai search worker` does, elsewhere.
    search_worker: Literal["serve", "external"] = "serve"
    # Processes that analyse large batches (a rebuild) for the embedded engine; default: one per core
    # (none on one core). 0 analyses in the worker's own process.
    search_analysis_workers: int | None = Field(default=None, ge=0, le=64)
    # Meilisearch instead of the embedded engine, for several machines: its URL, a key that may write
    # the index (its master key or an admin API key) and the index's name.
    meili_url: str | None = None
    meili_key: str | None = None
    meili_index: str = "yecai"

    # Attachments (README, "Attachments"): the largest file accepted, where the files are kept (a directory,
    # <data dir>/attachments by default, or an S3-compatible bucket when YECAI_S3_BUCKET is set), and how much
    # of their text is read for search.
    attachment_max_bytes: int = Field(default=20 * 1024 * 1024, ge=1, le=2**31 - 1)
    attachment_dir: Path | None = None
    attachment_text_chars: int = Field(default=100_000, ge=0)
    attachment_text_seconds: float = Field(default=5.0, gt=0)
    s3_endpoint: str | None = None
    s3_bucket: str | None = None
    s3_key: str | None = None
    s3_secret: str | None = None
    s3_region: str | None = None
    s3_prefix: str = "attachments/"
    # Notifications and live updates (README, "Notifications"). The broker fans notifications out to every
    # worker's subscribers: memory:// on one process; PostgreSQL LISTEN/NOTIFY when the database is
    # PostgreSQL; redis://host:6379/0 when given.
    broker_url: str | None = None
    # E-mail through SMTP: off while no host is given.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_from: str | None = None
    smtp_tls: Literal["none", "starttls", "tls"] = "starttls"
    smtp_timeout_seconds: float = Field(default=10.0, gt=0, le=120)
    # Read notifications are removed this many days after they were read.
    notification_retention_days: int = Field(default=90, ge=1)
    # "serve": `yecai serve` runs the scheduled jobs; "external": `yecai worker` does, elsewhere.
    scheduler: Literal["serve", "external"] = "serve"
    # Certificates (README, "Certificates"): the key whose HMAC makes a verification code tamper-evident (else
    # one generated into the data directory, like the session key), and the portal's public address, which the
    # QR code on a certificate opens (e.g. https://portal.example.com; unset: the address the request came to).
    certificate_key: str | None = None
    public_url: str | None = None

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer and self.oidc_client_id)

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{(self.data_dir / 'yecai.sqlite3').resolve()}"

    @property
    def resolved_search_dir(self) -> Path:
        return self.search_dir or self.data_dir / "search"

    @property
    def resolved_attachment_dir(self) -> Path:
        return self.attachment_dir or self.data_dir / "attachments"

    def attachment_storage(self) -> tuple[object, ...]:
        """Which storage attachments use: ("local", dir) or ("s3", endpoint, bucket, key, secret, region, prefix, temp)."""
        if self.s3_bucket:
            return ("s3", self.s3_endpoint, self.s3_bucket, self.s3_key, self.s3_secret, self.s3_region,
                    self.s3_prefix, self.resolved_attachment_dir / "tmp")
        return ("local", self.resolved_attachment_dir)

    @property
    def resolved_broker_url(self) -> str:
        """The broker's URL: as given, else PostgreSQL's LISTEN/NOTIFY on the database, else in memory."""
        if self.broker_url:
            return self.broker_url
        url = self.resolved_database_url
        scheme, _, rest = url.partition("://")
        if scheme.startswith("postgresql") or scheme.startswith("postgres"):
            return f"postgres://{rest}"
        return "memory://"

    @property
    def email_enabled(self) -> bool:
        return bool(self.smtp_host)

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def audit_keyring_file(self) -> Path:
        """Where the generated audit keys are kept when ``YECAI_AUDIT_KEY`` is not set."""
        return self.data_dir / "audit_keyring"

    @property
    def resolved_audit_checkpoint_file(self) -> Path:
        """The append-only file of signed checkpoints of the audit chain's head."""
        return self.audit_checkpoint_file or self.data_dir / "audit_checkpoints.jsonl"

    def audit_secrets(self) -> tuple[str | None, tuple[str, ...]]:
        """The audit key from the environment (or None: the data directory's), and the retired ones."""
        old = tuple(k.strip() for k in (self.audit_old_keys or "").split(",") if k.strip())
        return (self.audit_key or None), old

    def resolved_secret_key(self) -> str:
        """The signing key: from the environment, else one kept in the data directory."""
        if self.secret_key:
            return self.secret_key
        key_file = self.data_dir / "secret_key"
        if key_file.exists():
            return key_file.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key


    def resolved_certificate_key(self) -> bytes:
        """The certificate key: from the environment, else one kept in the data directory."""
        if self.certificate_key:
            return self.certificate_key.encode()
        key_file = self.data_dir / "certificate_key"
        if not key_file.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            key_file.write_text(secrets.token_urlsafe(48))
            key_file.chmod(0o600)
        return key_file.read_text().strip().encode()


@lru_cache
def get_settings() -> Settings:
    return Settings()
