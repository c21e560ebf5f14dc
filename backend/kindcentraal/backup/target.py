"""Which database a URL names, and the PostgreSQL client programs that back it up."""

import glob
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import URL, make_url


class BackupRefused(Exception):
    """A backup or restore that cannot start or did not finish; the message says why and never
    holds personal data or a password."""


@dataclass(frozen=True)
class Database:
    kind: str  # "sqlite" or "postgresql"
    url: URL

    @property
    def sqlite_path(self) -> Path:
        database = self.url.database
        if self.kind != "sqlite" or not database or database == ":memory:":
            raise BackupRefused("an in-memory SQLite database cannot be backed up or restored")
        return Path(database)

    @property
    def async_url(self) -> URL:
        return self.url.set(drivername="postgresql+asyncpg")

    def libpq(self) -> tuple[str, dict[str, str]]:
        """A libpq connection string for pg_dump and pg_restore, and their environment: the
        password goes through PGPASSWORD, never onto a command line others can list."""
        url = self.url
        parts: dict[str, str] = {}
        for key, value in (
            ("host", url.host),
            ("port", url.port),
            ("user", url.username),
            ("dbname", url.database),
        ):
            if value:
                parts[key] = str(value)
        for key, option in url.query.items():
            parts[key] = option if isinstance(option, str) else option[-1]
        conninfo = " ".join(f"{key}={_quoted(value)}" for key, value in parts.items())
        env = dict(os.environ)
        if url.password:
            env["PGPASSWORD"] = str(url.password)
        return conninfo, env


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace("'", "\\'")
    return f"'{escaped}'"


def database_of(url: str) -> Database:
    try:
        parsed = make_url(url)
    except Exception:
        raise BackupRefused("the database URL cannot be read") from None
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return Database("postgresql", parsed)
    if backend == "sqlite":
        return Database("sqlite", parsed)
    raise BackupRefused(f"backups cover SQLite and PostgreSQL, not {backend}")


def _version(path: str) -> tuple[int, ...]:
    match = re.search(r"/postgresql/([\d.]+)/bin", path)
    return tuple(int(p) for p in match.group(1).split(".")) if match else ()


def pg_program(name: str, bindir: Path | None = None) -> str:
    """pg_dump or pg_restore: from `bindir`, else the newest Debian-style install
    (/usr/lib/postgresql/<version>/bin), else the PATH. A newer client reads older servers."""
    if bindir is not None:
        candidate = bindir / name
        if not candidate.is_file():
            raise BackupRefused(f"{name} not found in {bindir}")
        return str(candidate)
    installed = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=_version, reverse=True)
    if installed:
        return installed[0]
    found = shutil.which(name)
    if found is None:
        raise BackupRefused(f"{name} not found: install the PostgreSQL client or set KC_PG_BINDIR")
    return found
