"""`kindcentraal backup` and `kindcentraal restore`: a database and its manifest in a folder,
and back, proven by the manifest's checksums. See docs/backup.md."""

import asyncio
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kindcentraal.backup import postgresql, sqlite
from kindcentraal.backup.manifest import (
    FORMAT,
    MANIFEST_FILE,
    Contents,
    differences,
    file_sha256,
    manifest,
    recorded,
)
from kindcentraal.backup.target import BackupRefused, database_of


@dataclass(frozen=True)
class BackupDone:
    folder: Path
    database: str
    contents: Contents
    seconds: float

    def text(self) -> str:
        heads = self.contents.seal_heads
        sealed = ", ".join(f"seal {h.number}" for h in heads.values()) or "nothing sealed yet"
        return (
            f"Backup of the {self.database} database written to {self.folder} in "
            f"{self.seconds:.1f} s: {len(self.contents.tables)} tables, "
            f"{self.contents.rows} rows; access log sealed up to {sealed}."
        )


@dataclass(frozen=True)
class RestoreDone:
    database: str
    contents: Contents
    problems: list[str]
    seconds: float

    @property
    def matches(self) -> bool:
        return not self.problems

    def text(self) -> str:
        outcome = (
            "every table matches the manifest (row counts and checksums), and so do the access "
            "log's sealed heads"
            if self.matches
            else "the restored database DOES NOT match the manifest"
        )
        return (
            f"Restored the {self.database} backup in {self.seconds:.1f} s: "
            f"{len(self.contents.tables)} tables, {self.contents.rows} rows; {outcome}."
        )


def _empty_folder(folder: Path) -> None:
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise BackupRefused(f"{folder} exists and is not an empty folder")
    folder.mkdir(parents=True, exist_ok=True)


def _clear(folder: Path) -> None:
    """A failed backup leaves no half-written files that could pass for a backup."""
    for path in folder.iterdir():
        path.unlink()


def backup(database_url: str, folder: Path, *, pg_bindir: Path | None = None) -> BackupDone:
    """Write a consistent copy of the database and its manifest into a new folder."""
    started = time.perf_counter()
    database = database_of(database_url)
    _empty_folder(folder)
    try:
        if database.kind == "sqlite":
            file, found = sqlite.backup(database.sqlite_path, folder)
        else:
            file, found = asyncio.run(postgresql.backup(database, folder, bindir=pg_bindir))
    except BaseException:
        _clear(folder)
        raise
    digest, size = file_sha256(file)
    document = manifest(
        found, database=database.kind, file_name=file.name, file_sha256=digest, file_bytes=size
    )
    (folder / MANIFEST_FILE).write_text(json.dumps(document, indent=2) + "\n")
    return BackupDone(folder, database.kind, found, time.perf_counter() - started)


def read_manifest(folder: Path) -> dict[str, Any]:
    path = folder / MANIFEST_FILE
    if not path.is_file():
        raise BackupRefused(f"{folder} holds no {MANIFEST_FILE}: not a KindCentraal backup")
    document: dict[str, Any] = json.loads(path.read_text())
    if document.get("format") != FORMAT:
        raise BackupRefused(f"unknown backup format {document.get('format')!r}")
    return document


def restore(
    folder: Path, database_url: str, *, replace: bool = False, pg_bindir: Path | None = None
) -> RestoreDone:
    """Restore a backup into an empty database (or over one, with `replace`), then count and
    checksum every table and compare with the manifest."""
    started = time.perf_counter()
    document = read_manifest(folder)
    database = database_of(database_url)
    if document["database"] != database.kind:
        raise BackupRefused(
            f"this is a {document['database']} backup; it restores into {document['database']}, "
            f"not {database.kind}"
        )
    file = folder / document["file"]["name"]
    if not file.is_file():
        raise BackupRefused(f"{file.name} is missing from {folder}")
    digest, _ = file_sha256(file)
    if digest != document["file"]["sha256"]:
        raise BackupRefused(f"{file.name} does not match its checksum in the manifest: damaged")
    if database.kind == "sqlite":
        found = sqlite.restore(file, database.sqlite_path, replace=replace)
    else:
        found = asyncio.run(postgresql.restore(file, database, replace=replace, bindir=pg_bindir))
    problems = differences(recorded(document), found)
    return RestoreDone(database.kind, found, problems, time.perf_counter() - started)
