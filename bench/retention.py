"""Retention-purge benchmark: `kindcentraal retention run` on the hot-path issue's dataset.

Usage
-----
    make bench-retention                                  # PostgreSQL, 100,000 children
    .venv/bin/python bench/retention.py --db sqlite --children 10000 --trajectories 2000
    .venv/bin/python bench/retention.py --database-url postgresql://... (already loaded)

    --db sqlite,postgresql   databases (default postgresql; a throwaway cluster)
    --children N             `kindcentraal seed load --children N` (default 100000)
    --trajectories N         `kindcentraal seed trajectories --count N` (default 20000)
    --events N               `seed load --events N` (default 2000000, the hot-path dataset's)
    --years N                run as if N years had passed (default 25: everything is due)
    --batch N                rows per transaction (default 500)

What is measured
----------------
A fresh database, migrated and loaded with the hot-path dataset (`seed load`: 40 centres,
--children children with placements, care teams, consents, two school years of access log)
plus --trajectories closed or running support trajectories, the access log sealed. Then, as
if --years years had passed (`--as-of`, refused in production), and as if every child had left
(each placement ends a year after it began: bench-side, one UPDATE), so that every category is
past its term; children with a running trajectory keep their record (the care term):

    dry run      kindcentraal retention run --dry-run --as-of DAY    (counts, changes nothing)
    run          kindcentraal retention run --as-of DAY              (the purge itself)
    verify       kindcentraal audit verify                           (the log after the cut)
    second run   kindcentraal retention run --as-of DAY              (finds nothing: 0 rows)

Throughput is rows changed (de-identified or deleted, access-log events dropped) per second
of the run, wall clock of the command (process start and engine setup included).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from datetime import date
from pathlib import Path
from tempfile import TemporaryDirectory

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hot_path import BenchError, DatasetUnavailable, bench_database, clean_env, kindcentraal

TOTAL = re.compile(r"(?:Would erase or de-identify|Erased or de-identified) (\d+) rows")


def timed(label: str, *args: str, env: dict[str, str], cwd: Path) -> tuple[float, str]:
    started = time.perf_counter()
    done = kindcentraal(*args, env=env, cwd=cwd)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise BenchError(f"`kindcentraal {' '.join(args)}` failed:\n{done.stderr[-3000:]}")
    print(f"  {label:<11} {seconds:8.1f} s   kindcentraal {' '.join(args)}", flush=True)
    return seconds, done.stdout


def rows_of(output: str) -> int:
    found = TOTAL.search(output)
    if found is None:
        raise BenchError(f"no total in the output:\n{output[-2000:]}")
    return int(found.group(1))


def summary(output: str) -> str:
    return "\n".join(line for line in output.splitlines() if line.startswith("  "))


def leave_everyone(database_url: str) -> None:
    """As if every child had left: each placement ends a year after it began; the children's
    stays recomputed set-based, as the seed loader does."""
    import asyncio

    from sqlalchemy import func, update

    from kindcentraal.config import Settings
    from kindcentraal.db import Database
    from kindcentraal.placement.models import Placement
    from kindcentraal.placement.stays import stays_updates

    url = Settings(_env_file=None, database_url=database_url).async_database_url  # type: ignore[call-arg]

    async def run() -> None:
        database = Database(url)
        try:
            async with database.sessionmaker() as session, session.begin():
                start = Placement.start_date
                if session.get_bind().dialect.name == "sqlite":
                    end: object = func.date(start, "+1 year")
                else:
                    end = start + func.make_interval(1)
                await session.execute(update(Placement).values(end_date=end))
                for statement in stays_updates():
                    await session.execute(statement)
        finally:
            await database.dispose()

    asyncio.run(run())


def load(args: argparse.Namespace, env: dict[str, str], cwd: Path) -> None:
    for label, command in (
        ("migrate", ["db", "upgrade"]),
        (
            "seed load",
            ["seed", "load", "--children", str(args.children), "--events", str(args.events)],
        ),
        ("trajectories", ["seed", "trajectories", "--count", str(args.trajectories)]),
        ("seal", ["audit", "seal"]),
    ):
        timed(label, *command, env=env, cwd=cwd)
    started = time.perf_counter()
    leave_everyone(env["KC_DATABASE_URL"])
    print(f"  {'leave':<11} {time.perf_counter() - started:8.1f} s   (every placement ended)")


def measure(args: argparse.Namespace, database: str, folder: Path) -> None:
    work = folder / database
    work.mkdir()
    as_of = date.today().replace(year=date.today().year + args.years, day=1).isoformat()
    purge = ["retention", "run", "--as-of", as_of, "--batch", str(args.batch)]
    if args.database_url:
        env = clean_env(args.database_url)
        run(args, env, work, purge)
        return
    with bench_database(database, "retention", work) as url:
        env = clean_env(url)
        load(args, env, work)
        run(args, env, work, purge)


def run(args: argparse.Namespace, env: dict[str, str], cwd: Path, purge: list[str]) -> None:
    dry_seconds, dry = timed("dry run", *purge, "--dry-run", env=env, cwd=cwd)
    seconds, done = timed("run", *purge, env=env, cwd=cwd)
    verify_seconds, verified = timed("verify", "audit", "verify", env=env, cwd=cwd)
    again_seconds, again = timed("second run", *purge, env=env, cwd=cwd)
    rows = rows_of(done)
    print(summary(done))
    print(f"  {verified.splitlines()[0]}")
    print(
        f"  => {rows:,} rows in {seconds:.1f} s: {rows / seconds:,.0f} rows/s "
        f"(dry run counted {rows_of(dry):,} in {dry_seconds:.1f} s; "
        f"second run {rows_of(again)} rows in {again_seconds:.1f} s; "
        f"verify {verify_seconds:.1f} s)",
        flush=True,
    )
    if rows_of(dry) != rows:
        raise BenchError("the dry run counted otherwise than the run did")
    if rows_of(again):
        raise BenchError("the second run found rows: the purge is not idempotent")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--db", default="postgresql")
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--trajectories", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--years", type=int, default=25)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with TemporaryDirectory(prefix="kc-retention-bench-") as folder:
        for database in args.db.split(","):
            print(f"== {database}, {args.children:,} children", flush=True)
            try:
                measure(args, database, Path(folder))
            except DatasetUnavailable as exc:
                print(f"  skipped: {exc}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
