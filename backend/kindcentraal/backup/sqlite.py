"""SQLite: SQLite's online backup API, a consistent copy while the API keeps writing."""

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from kindcentraal.backup.manifest import Contents, contents
from kindcentraal.backup.target import BackupRefused

FILE_NAME = "database.sqlite3"


def copy(source: Path, target: Path) -> None:
    """Copy `source` into `target` in one step of the backup API.

    One step (all pages at once) reads from one WAL snapshot and blocks no writer; a copy in
    several steps would start over whenever another connection writes, and under steady writes
    might never finish.
    """
    with (
        closing(sqlite3.connect(source, timeout=60)) as src,
        closing(sqlite3.connect(target, timeout=60)) as dst,
    ):
        src.backup(dst)
        # The backup file is one self-contained file (the source's WAL mode is in the header).
        dst.execute("PRAGMA journal_mode=DELETE")


def read_contents(path: Path) -> Contents:
    engine = create_engine(f"sqlite:///{path}", poolclass=NullPool)
    try:
        with engine.connect() as connection, connection.begin():
            return contents(connection)
    finally:
        engine.dispose()


def backup(source: Path, folder: Path) -> tuple[Path, Contents]:
    if not source.is_file():
        raise BackupRefused("there is no SQLite database at the configured path")
    target = folder / FILE_NAME
    copy(source, target)
    return target, read_contents(target)


def holds_tables(path: Path) -> bool:
    if not path.exists() or path.stat().st_size == 0:
        return False
    with closing(sqlite3.connect(path, timeout=60)) as conn:
        count = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchone()[0]
    return int(count) > 0


def restore(file: Path, target: Path, *, replace: bool) -> Contents:
    if holds_tables(target) and not replace:
        raise BackupRefused(
            "the target database already holds tables; restore into a new, empty database, "
            "or pass --replace to overwrite it (stop the API and worker first)"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(f"file:{file}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target, timeout=60)) as dst,
    ):
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    return read_contents(target)
