"""Outcome-reports benchmark: every report of the municipality's dashboards on the 100k dataset.

Usage
-----
    make bench-outcomes                                   # PostgreSQL, the defaults
    .venv/bin/python bench/outcomes.py --db postgresql --samples 10
    .venv/bin/python bench/outcomes.py --db sqlite --children 20000 --trajectories 4000
    .venv/bin/python bench/outcomes.py --db postgresql --json var/outcomes.json

    --db sqlite,postgresql   databases (default postgresql; a throwaway cluster)
    --children N             `kindcentraal seed load --children N` (default 100000)
    --trajectories N         `kindcentraal seed trajectories --count N` (default 20000, with the
                             signals they came from: about 30,000)
    --samples N              sequential requests per report (default 10)
    --database-url URL       measure an already loaded database (migrated, `seed load` and
                             `seed trajectories` done) instead of loading a throwaway one
    --json PATH              also write every figure as JSON

What is measured
----------------
A fresh database, migrated and loaded with the hot-path issue's dataset (`seed load`: the demo
centre with its two school years of history and its comparison centre, 39 more centres,
--children children with placements, care teams, consents and two years of access log) plus
--trajectories support trajectories and their signals in the largest centre. One uvicorn
worker serves the API (KC_ENV=development). Each report below is asked --samples times in a
row over real HTTP; median, p95 and the slowest are the figures, against the target of at
most 1 second. The report of the whole municipality by school year is also served by a bare
FastAPI app with the same bytes (bench/bare_app.py), sequentially: the ratio real/bare is
reported beside it, as the other benchmarks do.

    municipality, school years   analyst, every centre, three school years
    municipality, terms          analyst, every centre, by term
    municipality, months         analyst, every centre, by month (29 periods)
    one centre, logopedie        analyst, the largest centre, trajectoryType=logopedie
    centre management            beheer@regenboog.demo (with caseload), IKC De Regenboog
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hot_path import (
    API,
    ROOT,
    BenchError,
    DatasetUnavailable,
    Fleet,
    Server,
    bench_database,
    clean_env,
    kindcentraal,
    login,
)

ANALYST = "gemeente@regenboog.demo"
CENTRE_ADMIN = "beheer@regenboog.demo"
TARGET_MS = 1000.0


@dataclass
class Timing:
    name: str
    url: str
    samples: int
    median_ms: float
    p95_ms: float
    max_ms: float
    bytes: int
    statuses: dict[str, int]
    bare_median_ms: float | None = None

    @property
    def within_target(self) -> bool:
        return self.max_ms <= TARGET_MS and set(self.statuses) == {"200"}


@dataclass
class Result:
    database: str
    loaded: list[str]
    timings: list[Timing] = field(default_factory=list)


def sample(
    client: httpx.Client, url: str, headers: dict[str, str], count: int
) -> tuple[list[float], list[int], bytes]:
    durations, statuses = [], []
    body = b""
    for _ in range(count):
        started = time.perf_counter()
        response = client.get(url, headers=headers)
        durations.append(time.perf_counter() - started)
        statuses.append(response.status_code)
        body = response.content
    return durations, statuses, body


def timing(name: str, url: str, durations: list[float], statuses: list[int], body: bytes) -> Timing:
    ordered = sorted(durations)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    counted: dict[str, int] = {}
    for status in statuses:
        counted[str(status)] = counted.get(str(status), 0) + 1
    return Timing(
        name=name,
        url=url,
        samples=len(ordered),
        median_ms=statistics.median(ordered) * 1000,
        p95_ms=p95 * 1000,
        max_ms=ordered[-1] * 1000,
        bytes=len(body),
        statuses=counted,
    )


def measure(args: argparse.Namespace, database: str, folder: Path) -> Result:
    work = folder / database
    work.mkdir()
    if args.database_url:
        return serve_and_measure(args, database, work, args.database_url, ["(loaded before)"])
    with bench_database(database, "outcomes", work) as url:
        env = clean_env(url)
        loaded = []
        for command in (
            ("db", "upgrade"),
            ("seed", "load", "--children", str(args.children)),
            ("seed", "trajectories", "--count", str(args.trajectories)),
        ):
            started = time.perf_counter()
            done = kindcentraal(*command, env=env, cwd=work)
            if done.returncode != 0:
                if command[1] == "load":
                    raise DatasetUnavailable(done.stderr[-500:])
                raise BenchError(f"kindcentraal {' '.join(command)} failed:\n{done.stderr[-2000:]}")
            last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
            loaded.append(f"{' '.join(command)} ({time.perf_counter() - started:.0f} s): {last}")
            print(f"  {loaded[-1]}", flush=True)
        return serve_and_measure(args, database, work, url, loaded)


def serve_and_measure(
    args: argparse.Namespace, database: str, work: Path, url: str, loaded: list[str]
) -> Result:
    """One uvicorn worker on the database; every report sampled; then the bare app."""
    env = clean_env(url)
    result = Result(database, loaded)
    bare_dir = work / "bare"
    bare_dir.mkdir()
    real = Server(
        "kindcentraal.main:app",
        workers=1,
        env=env,
        cwd=work,
        log=work / "api.log",
        probe=f"{API}/",
    )
    with Fleet() as fleet:
        fleet.start(real)
        with httpx.Client(base_url=real.base, timeout=300) as client:
            analyst = login(client, ANALYST)
            admin = login(client, CENTRE_ADMIN)
            first = client.get(f"{API}/reports/outcomes", headers=analyst)
            if first.status_code != 200:
                raise BenchError(f"the report answered {first.status_code}: {first.text[:500]}")
            centres = first.json()["centres"]
            regenboog = next(c for c in centres if c["name"] == "IKC De Regenboog")
            largest = max(
                first.json()["indicators"][-1]["byCentre"],
                key=lambda row: row["values"]["children"]["value"] or 0,
            )
            reports = [
                ("municipality, school years", f"{API}/reports/outcomes", analyst),
                ("municipality, terms", f"{API}/reports/outcomes?interval=term", analyst),
                ("municipality, months", f"{API}/reports/outcomes?interval=month", analyst),
                (
                    "one centre, logopedie",
                    f"{API}/reports/outcomes?centreId={largest['centreId']}"
                    "&trajectoryType=logopedie",
                    analyst,
                ),
                (
                    "centre management",
                    f"{API}/reports/outcomes?centreId={regenboog['centreId']}&interval=term",
                    admin,
                ),
            ]
            for name, path, headers in reports:
                durations, statuses, body = sample(client, path, headers, args.samples)
                result.timings.append(timing(name, path, durations, statuses, body))
                print(f"  {name}: median {result.timings[-1].median_ms:.0f} ms", flush=True)
            captured = client.get(reports[0][1], headers=analyst)
            (bare_dir / "outcomes.body").write_bytes(captured.content)
            (bare_dir / "outcomes.type").write_text(captured.headers["content-type"])
        bare = Server(
            "bare_app:app",
            workers=1,
            env={**env, "KC_BENCH_BARE_DIR": str(bare_dir)},
            cwd=work,
            log=work / "bare.log",
            probe="/outcomes",
            app_dir=ROOT / "bench",
        )
        fleet.start(bare)
        with httpx.Client(base_url=bare.base, timeout=60) as client:
            durations, _, _ = sample(client, "/outcomes", {}, args.samples)
            result.timings[0].bare_median_ms = statistics.median(durations) * 1000
    return result


def show(result: Result) -> None:
    print(f"\n{result.database}:")
    for line in result.loaded:
        print(f"  {line}")
    print("| report | samples | bytes | median | p95 | slowest | within 1 s | bare median |")
    print("|---|---|---|---|---|---|---|---|")
    for t in result.timings:
        bare = (
            f"{t.bare_median_ms:.1f} ms (ratio {t.bare_median_ms / t.median_ms:.3f})"
            if t.bare_median_ms
            else ""
        )
        print(
            f"| {t.name} | {t.samples} | {t.bytes:,} | {t.median_ms:.0f} ms | {t.p95_ms:.0f} ms "
            f"| {t.max_ms:.0f} ms | {'yes' if t.within_target else 'NO'} {t.statuses} | {bare} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--db", default="postgresql")
    parser.add_argument("--children", type=int, default=100_000)
    parser.add_argument("--trajectories", type=int, default=20_000)
    parser.add_argument("--samples", type=int, default=10)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    results = []
    with TemporaryDirectory(prefix="kc-outcomes-bench-") as folder:
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
        payload = [
            {
                **asdict(r),
                "timings": [{**asdict(t), "withinTarget": t.within_target} for t in r.timings],
            }
            for r in results
        ]
        args.json.write_text(json.dumps(payload, indent=2, default=str))
    return 0 if all(t.within_target for r in results for t in r.timings) else 1


if __name__ == "__main__":
    raise SystemExit(main())
