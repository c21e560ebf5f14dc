"""Backup and restore on the test run's database kind: the restore drill (seed the demo, back up
while a writer writes, restore, compare), and what `kindcentraal restore` refuses or reports."""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from kindcentraal.backup import service as backup_service
from kindcentraal.backup.drill import DrillResult, run_drill
from kindcentraal.backup.target import BackupRefused
from kindcentraal.config import Settings

ROOT = Path(__file__).resolve().parents[3]


def fresh_database(settings: Settings, folder: Path, name: str) -> str:
    """The URL of a new, empty database of the run's kind."""
    if settings.is_sqlite:
        return f"sqlite+aiosqlite:///{folder / name}.db"
    database = f"{name}_{uuid.uuid4().hex[:8]}"

    async def create() -> None:
        engine = create_async_engine(
            settings.async_database_url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
        )
        async with engine.connect() as connection:
            await connection.execute(text(f'CREATE DATABASE "{database}"'))
        await engine.dispose()

    asyncio.run(create())
    return f"{settings.async_database_url.rsplit('/', 1)[0]}/{database}"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("backup")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@dataclass(frozen=True)
class Drill:
    result: DrillResult
    restored_url: str


@pytest.fixture(scope="module")
def drill(settings: Settings, work: Path) -> Drill:
    source = fresh_database(settings, work, "source")
    restored = fresh_database(settings, work, "restored")
    result = run_drill(source, restored, work, history=False, progress=lambda _: None)
    print(result.text())
    return Drill(result, restored)


def _restore(folder: Path, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kindcentraal.cli", "restore", str(folder), "--database-url", url],
        cwd=ROOT,
        env={**os.environ, "KC_SECRET_KEY": "backup-test-" + "k" * 40},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_drill_restores_what_was_backed_up_while_writes_went_on(drill: Drill) -> None:
    result = drill.result
    assert result.writes_during > 0, "the writer wrote nothing while the backup ran"
    assert result.checksums_match, result.restore.problems
    assert result.lost == 0
    assert result.log_verifies, result.verification.broken
    tables = result.backup.contents.tables
    assert tables["child"].rows >= 205  # the demo centre's children
    assert tables["absence"].rows + tables["message"].rows >= result.writes_before
    # The backup caught the access log mid-stream: its seal heads came back with it.
    assert result.backup.contents.seal_heads
    assert result.restore.contents.seal_heads == result.backup.contents.seal_heads
    assert result.verification.checked >= tables["audit_event"].rows > 0


def test_restore_refuses_a_database_that_already_holds_tables(drill: Drill, work: Path) -> None:
    with pytest.raises(BackupRefused, match=r"already holds tables.*--replace"):
        backup_service.restore(work / "backup", drill.restored_url)


def test_restore_reports_a_table_that_does_not_match_the_manifest(
    drill: Drill, work: Path, settings: Settings
) -> None:
    altered = work / "altered"
    shutil.copytree(work / "backup", altered)
    manifest = json.loads((altered / "manifest.json").read_text())
    manifest["tables"]["message"]["sha256"] = "0" * 64
    manifest["tables"]["absence"]["rows"] += 1
    (altered / "manifest.json").write_text(json.dumps(manifest))
    result = _restore(altered, fresh_database(settings, work, "altered"))
    assert result.returncode == 2, result.stderr
    assert "DOES NOT match" in result.stdout
    assert "table message:" in result.stderr and "checksum differs" in result.stderr
    assert "table absence:" in result.stderr and "the manifest says" in result.stderr


def test_a_damaged_backup_file_is_refused_before_anything_is_restored(
    drill: Drill, work: Path, settings: Settings
) -> None:
    damaged = work / "damaged"
    shutil.copytree(work / "backup", damaged)
    file = damaged / json.loads((damaged / "manifest.json").read_text())["file"]["name"]
    data = bytearray(file.read_bytes())
    data[len(data) // 2] ^= 0xFF
    file.write_bytes(bytes(data))
    target = fresh_database(settings, work, "damaged")
    with pytest.raises(BackupRefused, match="does not match its checksum"):
        backup_service.restore(damaged, target)
    with pytest.raises(BackupRefused, match="restores into"):
        other = "postgresql://nowhere/kc" if settings.is_sqlite else f"sqlite:///{work}/x.db"
        backup_service.restore(work / "backup", other)
