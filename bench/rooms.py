"""Rooms benchmark: a centre's building of 40 rooms with a school year of bookings.

Usage
-----
    make bench-rooms                                      # both databases, the defaults
    .venv/bin/python bench/rooms.py --db sqlite --samples 30 --duration 5
    .venv/bin/python bench/rooms.py --db sqlite,postgresql --json var/rooms.json

    --db sqlite,postgresql   databases (default both; PostgreSQL is a throwaway cluster)
    --rooms N                rooms in the building (default 40: 55,200 bookings)
    --samples N              sequential requests per measured operation (default 40)
    --duration SECONDS       each wrk run of the week calendar (default 10)
    --connections N          wrk connections for the week calendar (default 16)
    --json PATH              also write every figure as JSON

What is measured
----------------
A fresh database per kind (a SQLite file, or a throwaway PostgreSQL 15 cluster), migrated,
with `kindcentraal seed demo` and `kindcentraal seed rooms --rooms 40` (six bookings a weekday
per room for 46 weeks). One uvicorn worker serves the API (KC_ENV=development). Then, as
`pm@regenboog.demo` (after-school care, which books) and `beheer@regenboog.demo` (the centre
administrator, who reads the report):

    create     POST /bookings, a recurring booking of 80 occurrences (every Monday and
               Wednesday, 15 minutes between 20:00 and 22:00, each sample in another room or
               slot) with its conflict check: median and p95 of `--samples` sequential requests
    week       GET /bookings?buildingId=&from=&to= for one school week (1,200 bookings):
               median and p95 of sequential requests, then wrk at `--connections` against the
               API and right after it against a bare FastAPI app serving the same bytes
               (bench/bare_app.py); the ratio real/bare is the figure
    report     GET /reports/room-utilisation for the school year: median and p95
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from tempfile import TemporaryDirectory
from zoneinfo import ZoneInfo

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hot_path import (
    API,
    ROOT,
    BenchError,
    DatasetUnavailable,
    Fleet,
    Server,
    WrkResult,
    bench_database,
    clean_env,
    kindcentraal,
    login,
    run_wrk,
)

WEEK = (date(2027, 1, 11), date(2027, 1, 17))
YEAR = (date(2026, 8, 24), date(2027, 7, 9))
FIRST_MONDAY = date(2027, 8, 30)  # after the seeded year: 80 occurrences into 2028
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SLOTS = [(20, 0), (20, 15), (20, 30), (20, 45), (21, 0), (21, 15), (21, 30), (21, 45)]


@dataclass
class Timing:
    samples: int
    median_ms: float
    p95_ms: float
    statuses: dict[str, int]


@dataclass
class Result:
    database: str
    rooms: int
    bookings_line: str
    create: Timing | None = None
    week: Timing | None = None
    report: Timing | None = None
    week_bytes: int = 0
    week_real: WrkResult | None = None
    week_bare: WrkResult | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def ratio(self) -> float | None:
        if self.week_real is None or self.week_bare is None or not self.week_bare.rps:
            return None
        return self.week_real.rps / self.week_bare.rps


def timing(durations: list[float], statuses: list[int]) -> Timing:
    ordered = sorted(durations)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    counted: dict[str, int] = {}
    for status in statuses:
        counted[str(status)] = counted.get(str(status), 0) + 1
    return Timing(len(ordered), statistics.median(ordered) * 1000, p95 * 1000, counted)


def timed(client: httpx.Client, method: str, url: str, **kwargs: object) -> tuple[float, int]:
    started = time.perf_counter()
    response = client.request(method, url, **kwargs)  # type: ignore[arg-type]
    return time.perf_counter() - started, response.status_code


def measure(args: argparse.Namespace, database: str, folder: Path) -> Result:
    work = folder / database
    work.mkdir()
    with bench_database(database, "rooms", work) as url:
        env = clean_env(url)
        for command in (
            ("db", "upgrade"),
            ("seed", "demo"),
            ("seed", "rooms", "--rooms", str(args.rooms)),
        ):
            done = kindcentraal(*command, env=env, cwd=work)
            if done.returncode != 0:
                raise BenchError(f"kindcentraal {' '.join(command)} failed:\n{done.stderr[-2000:]}")
        result = Result(database, args.rooms, done.stdout.strip())
        print(f"  {result.bookings_line}", flush=True)
        bare_dir = work / "bare"
        bare_dir.mkdir()
        real = Server(
            "kindcentraal.main:app",
            workers=1,
            env={**env, "KC_ROOMS_RELEASE_INTERVAL_SECONDS": "0"},
            cwd=work,
            log=work / "api.log",
            probe=f"{API}/",
        )
        bare = Server(
            "bare_app:app",
            workers=1,
            env={**env, "KC_BENCH_BARE_DIR": str(bare_dir)},
            cwd=work,
            log=work / "bare.log",
            probe="/week",
            app_dir=ROOT / "bench",
        )
        with Fleet() as fleet:
            fleet.start(real)
            with httpx.Client(base_url=real.base, timeout=120) as client:
                booker = login(client, "pm@regenboog.demo")
                admin = login(client, "beheer@regenboog.demo")
                buildings = client.get(f"{API}/buildings", headers=admin).json()
                building = next(b for b in buildings if b["name"].startswith("Benchmarkgebouw"))
                rooms = client.get(
                    f"{API}/rooms", headers=admin, params={"buildingId": building["id"]}
                ).json()

                durations, statuses = [], []
                for sample in range(min(args.samples, len(rooms) * len(SLOTS))):
                    room = rooms[sample % len(rooms)]
                    hour, minute = SLOTS[sample // len(rooms)]
                    begin = datetime.combine(FIRST_MONDAY, dt_time(hour, minute), tzinfo=AMSTERDAM)
                    start, end = begin.isoformat(), (begin + timedelta(minutes=15)).isoformat()
                    body = {
                        "roomId": room["id"],
                        "purpose": "Benchmark",
                        "startsAt": start,
                        "endsAt": end,
                        "recurrence": "FREQ=WEEKLY;BYDAY=MO,WE;COUNT=80",
                    }
                    took, status = timed(
                        client, "POST", f"{API}/bookings", json=body, headers=booker
                    )
                    durations.append(took)
                    statuses.append(status)
                result.create = timing(durations, statuses)

                week_path = (
                    f"{API}/bookings?buildingId={building['id']}&from={WEEK[0]}&to={WEEK[1]}"
                )
                durations, statuses = [], []
                for _ in range(args.samples):
                    took, status = timed(client, "GET", week_path, headers=booker)
                    durations.append(took)
                    statuses.append(status)
                result.week = timing(durations, statuses)
                captured = client.get(week_path, headers=booker)
                result.week_bytes = len(captured.content)
                (bare_dir / "week.body").write_bytes(captured.content)
                (bare_dir / "week.type").write_text(captured.headers["content-type"])

                report_path = (
                    f"{API}/reports/room-utilisation?buildingId={building['id']}"
                    f"&from={YEAR[0]}&to={YEAR[1]}"
                )
                durations, statuses = [], []
                for _ in range(max(5, args.samples // 4)):
                    took, status = timed(client, "GET", report_path, headers=admin)
                    durations.append(took)
                    statuses.append(status)
                result.report = timing(durations, statuses)

            fleet.start(bare)
            warm = max(1, args.duration // 5)
            run_wrk(
                real.base + week_path, booker, connections=args.connections, seconds=warm, threads=1
            )
            result.week_real = run_wrk(
                real.base + week_path,
                booker,
                connections=args.connections,
                seconds=args.duration,
                threads=1,
            )
            run_wrk(f"{bare.base}/week", {}, connections=args.connections, seconds=warm, threads=1)
            result.week_bare = run_wrk(
                f"{bare.base}/week",
                {},
                connections=args.connections,
                seconds=args.duration,
                threads=1,
            )
    return result


def show(result: Result) -> None:
    print(f"\n{result.database}: {result.bookings_line}")
    print("| operation | samples | median | p95 | statuses |")
    print("|---|---|---|---|---|")
    for name, value in (
        ("create (80 occurrences)", result.create),
        ("week calendar", result.week),
        ("utilisation report, a year", result.report),
    ):
        if value is not None:
            print(
                f"| {name} | {value.samples} | {value.median_ms:.1f} ms | {value.p95_ms:.1f} ms "
                f"| {value.statuses} |"
            )
    if result.week_real and result.week_bare:
        print(
            f"week calendar under wrk ({result.week_bytes:,} bytes): real "
            f"{result.week_real.rps:,.0f} req/s (p50 {result.week_real.p50_ms} ms, p99 "
            f"{result.week_real.p99_ms} ms), bare {result.week_bare.rps:,.0f} req/s, ratio "
            f"{result.ratio:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--rooms", type=int, default=40)
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    results = []
    with TemporaryDirectory(prefix="kc-rooms-bench-") as folder:
        for database in args.db.split(","):
            print(f"== {database}", flush=True)
            try:
                result = measure(args, database, Path(folder))
            except DatasetUnavailable as exc:
                print(f"  skipped: {exc}")
                continue
            show(result)
            results.append(result)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = [{**asdict(r), "ratio": r.ratio} for r in results]
        args.json.write_text(json.dumps(payload, indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
