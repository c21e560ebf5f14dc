"""The restore drill's core (scripts/restore-drill.sh runs it; so does its test): seed the demo
into a fresh database, back it up while a writer writes through the service layer, restore
into another fresh database, compare the checksums, check that every write acknowledged before
the backup began came back, and verify the restored access log.

    python -m kindcentraal.backup.drill --source URL --restored URL --work DIR [--rate 40]
"""

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from alembic import command

from kindcentraal.audit.service import Verification, verify_log
from kindcentraal.backup import service as backup_service
from kindcentraal.backup.writer import acknowledged, missing
from kindcentraal.config import Settings
from kindcentraal.db import Database

DRILL_SECRET = "restore-drill-" + "k" * 40
# About a second of writing: the backup then holds sealed events and events still queued.
WRITES_BEFORE_BACKUP = 40


@dataclass(frozen=True)
class DrillResult:
    database: str
    seconds: float
    seed_seconds: float
    backup_seconds: float
    restore_seconds: float
    writes_before: int
    writes_during: int
    backup: backup_service.BackupDone
    restore: backup_service.RestoreDone
    lost: int
    verification: Verification

    @property
    def checksums_match(self) -> bool:
        return self.restore.matches

    @property
    def log_verifies(self) -> bool:
        return self.verification.broken is None

    @property
    def ok(self) -> bool:
        return self.checksums_match and self.lost == 0 and self.log_verifies

    def text(self) -> str:
        def yes(flag: bool) -> str:
            return "yes" if flag else "NO"

        return (
            f"Restore drill ({self.database}): {self.seconds:.1f} s in all (seeding "
            f"{self.seed_seconds:.1f} s); backup {self.backup_seconds:.1f} s with "
            f"{self.writes_during} writes committed during it, restore and check "
            f"{self.restore_seconds:.1f} s\n"
            f"checksums match: {yes(self.checksums_match)}; acknowledged writes kept: "
            f"{yes(self.lost == 0)} ({self.writes_before} before the backup); access log "
            f"verifies: {yes(self.log_verifies)} ({self.verification.checked} events)"
        )


def _settings(url: str) -> Settings:
    return Settings(
        _env_file=None,
        env="development",
        database_url=url,
        secret_key=DRILL_SECRET,
        audit_seal_interval_seconds=0,
    )


def _lines(path: Path) -> int:
    return path.read_text().count("\n") if path.exists() else 0


async def _verify(url: str) -> Verification:
    database = Database(url)
    try:
        async with database.sessionmaker() as session:
            return await verify_log(session)
    finally:
        await database.dispose()


def run_drill(
    source_url: str,
    restored_url: str,
    work: Path,
    *,
    rate: float = 40.0,
    history: bool = True,
    progress: Callable[[str], None] = print,
) -> DrillResult:
    """Run the drill; `source_url` and `restored_url` name fresh, empty databases.

    Without `history` the demo leaves out the outcome reports' past school years (its
    slowest part; the test's drill needs no more than the tables they also fill).
    """
    from kindcentraal.cli import alembic_config
    from kindcentraal.seed.demo import load_demo

    # Alembic reflects an expression index it cannot represent; harmless, and not the drill's.
    warnings.filterwarnings("ignore", message="Skipped unsupported reflection")
    started = time.perf_counter()
    source = _settings(source_url)
    acks = work / "acks"
    acks.touch()
    seeded = work / "seeded"
    with (work / "writer.log").open("w") as log:
        # Started first: its imports overlap the seeding; it waits for `seeded`.
        writer = subprocess.Popen(  # noqa: S603 - our own module, no shell
            [
                sys.executable,
                "-m",
                "kindcentraal.backup.writer",
                "write",
                f"--database-url={source_url}",
                f"--rate={rate}",
                f"--acks={acks}",
                f"--after={seeded}",
                "--direct",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "KC_SECRET_KEY": DRILL_SECRET},
        )
    try:
        progress("-- fresh database: migrate and seed the demo")
        command.upgrade(alembic_config(source.async_database_url), "head")
        progress("   " + asyncio.run(load_demo(source, history=history)))
        seed_seconds = time.perf_counter() - started
        seeded.touch()
        progress(
            f"-- a writer: {rate:g} writes/s, each with its access-log event (every fifth a "
            "message through the messages service)"
        )
        while _lines(acks) < WRITES_BEFORE_BACKUP:
            if writer.poll() is not None:
                raise RuntimeError("the writer stopped: " + (work / "writer.log").read_text())
            time.sleep(0.02)
        progress("-- back up while the writer writes")
        before = _lines(acks)
        backup_started = time.perf_counter()
        done = backup_service.backup(source_url, work / "backup")
        backup_seconds = time.perf_counter() - backup_started
        during = _lines(acks) - before
        progress(f"   {done.text()}")
    finally:
        writer.send_signal(signal.SIGTERM)
        writer.wait(timeout=60)

    progress("-- restore into a fresh database")
    restore_started = time.perf_counter()
    restored = backup_service.restore(work / "backup", restored_url)
    progress(f"   {restored.text()}")
    for problem in restored.problems:
        progress(f"   {problem}")
    restore_seconds = time.perf_counter() - restore_started
    restored_async = _settings(restored_url).async_database_url
    lost = asyncio.run(missing(restored_async, acknowledged(acks, first=before)))
    verification = asyncio.run(_verify(restored_async))
    return DrillResult(
        database=done.database,
        seconds=time.perf_counter() - started,
        seed_seconds=seed_seconds,
        backup_seconds=backup_seconds,
        restore_seconds=restore_seconds,
        writes_before=before,
        writes_during=during,
        backup=done,
        restore=restored,
        lost=lost,
        verification=verification,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True, help="A fresh, empty database.")
    parser.add_argument("--restored", required=True, help="Another fresh, empty database.")
    parser.add_argument("--work", type=Path, required=True, help="A folder for the backup.")
    parser.add_argument("--rate", type=float, default=40.0, help="Writes per second.")
    args = parser.parse_args()
    result = run_drill(args.source, args.restored, args.work, rate=args.rate)
    print(result.text(), flush=True)
    raise SystemExit(0 if result.ok else 1)


if __name__ == "__main__":
    main()
