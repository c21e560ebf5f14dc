"""Webhooks benchmark: events delivered per second by one worker, and the delay from a
change's commit to its receipt.

Usage
-----
    make bench-webhooks                                   # both databases, the defaults
    .venv/bin/python bench/webhooks.py --db sqlite --events 5000
    .venv/bin/python bench/webhooks.py --db sqlite,postgresql --json var/webhooks.json

    --db sqlite,postgresql   databases (default both; PostgreSQL is a throwaway cluster)
    --events N               changes committed before the worker starts (default 5000)
    --paced N                changes committed one by one while the worker runs (default 500)
    --rate N                 changes per second of the paced run (default 100)
    --json PATH              also write every figure as JSON

What is measured
----------------
A fresh database per kind (a SQLite file, or a throwaway PostgreSQL 15 cluster), migrated. One
organisation with a registered API client whose subscription points at a local receiver (a
uvicorn process of its own, answering 204 and noting each webhook-id with the time it came).
Changes are placement updates made through the ORM, so the change log's flush hook writes them
as the API does.

    throughput  --events changes, 50 per transaction, committed while no worker runs; then one
                `kindcentraal worker` process: events per second from the first receipt to the
                last (fan-out, claiming, signing, sending, recording)
    delay       with that worker idle, --paced changes, one per transaction, at --rate a second:
                for each, receipt time minus the time its commit returned; p50, p95 and max
Both runs check that every event arrived (duplicates are counted, not expected).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hot_path import ROOT, BenchError, bench_database, clean_env, free_port, kindcentraal

BATCH = 50


# --- The receiver (its own process: `webhooks.py --receiver PORT`) ---------------------------
def serve_receiver(port: int) -> None:
    import uvicorn

    seen: list[tuple[str, float]] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        while True:
            message = await receive()
            if not message.get("more_body"):
                break
        at = time.time()
        if scope["path"] == "/hook":
            headers = dict(scope["headers"])
            seen.append((headers.get(b"webhook-id", b"").decode(), at))
            await send({"type": "http.response.start", "status": 204, "headers": []})
            await send({"type": "http.response.body", "body": b""})
            return
        body = json.dumps(seen if scope["path"] == "/seen" else {"count": len(seen)}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


class Receiver:
    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.log = folder / "receiver.log"
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--receiver", str(self.port)],
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        self.http = httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30)
        deadline = time.monotonic() + 30
        while True:
            try:
                self.http.get("/count")
                return
            except httpx.TransportError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise BenchError("the receiver did not start") from None
                time.sleep(0.1)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def count(self) -> int:
        return int(self.http.get("/count").json()["count"])

    def seen(self) -> list[tuple[str, float]]:
        return [(str(i), float(t)) for i, t in self.http.get("/seen").json()]

    def stop(self) -> None:
        self.http.close()
        self.process.terminate()
        self.process.wait(10)


# --- The data, through the ORM (the flush hook writes the change log) ------------------------
@dataclass
class Setup:
    placement_ids: list[uuid.UUID]


async def prepare(database_url: str, secret_key: str, receiver_url: str, placements: int) -> Setup:
    from tests.backend.factories import make_centre, make_child, make_organisation, make_tenant

    from kindcentraal.common.scopes import ApiScope
    from kindcentraal.config import Settings
    from kindcentraal.db import Database
    from kindcentraal.integration.models import ApiClient
    from kindcentraal.placement.models import Placement, PlacementKind
    from kindcentraal.user.models import User
    from kindcentraal.webhooks import service as webhook_service
    from kindcentraal.webhooks.models import WebhookSubscription

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="development",
        database_url=database_url,
        secret_key=secret_key,
    )
    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            tenant = await make_tenant(session)
            centre = await make_centre(session, tenant)
            childcare = await make_organisation(session, tenant, centres=[centre])
            children = [await make_child(session, centre) for _ in range(placements)]
            user = User(
                tenant_id=tenant.id,
                email=f"bench-{uuid.uuid4().hex[:8]}@clients.invalid",
                display_name="Bench (koppeling)",
                password_hash="-",  # noqa: S106 - a service account never logs in
                service_account=True,
            )
            session.add(user)
            await session.flush()
            client = ApiClient(
                tenant_id=tenant.id,
                organisation_id=childcare.id,
                service_user_id=user.id,
                name="Bench",
                scopes=[s.value for s in ApiScope],
            )
            session.add(client)
            await session.flush()
            session.add(
                WebhookSubscription(
                    tenant_id=tenant.id,
                    client_id=client.id,
                    url=receiver_url,
                    event_types=["placement.changed"],
                    secret_encrypted=webhook_service.encrypt_secret(
                        settings, webhook_service.new_secret()
                    ),
                )
            )
        async with database.sessionmaker() as session, session.begin():
            rows = [
                Placement(
                    tenant_id=tenant.id,
                    child_id=child.id,
                    organisation_id=childcare.id,
                    kind=PlacementKind.DAYCARE,
                    start_date=date.today() - timedelta(days=30),
                    days=["monday"],
                )
                for child in children
            ]
            session.add_all(rows)
        return Setup([row.id for row in rows])
    finally:
        await database.dispose()


async def commit_changes(
    database_url: str, placement_ids: list[uuid.UUID], *, count: int, per_commit: int, rate: float
) -> list[tuple[int, float]]:
    """Commit `count` changes, `per_commit` per transaction, at most `rate` transactions a
    second (0: as fast as possible); the (seq, commit time) of each paced commit."""
    from sqlalchemy import func, select

    from kindcentraal.changes.models import ChangeRecord
    from kindcentraal.db import Database
    from kindcentraal.placement.models import Placement

    database = Database(database_url)
    committed: list[tuple[int, float]] = []
    try:
        done = 0
        turn = 0
        started = time.monotonic()
        while done < count:
            size = min(per_commit, count - done)
            async with database.sessionmaker() as session, session.begin():
                for n in range(size):
                    placement_id = placement_ids[(done + n) % len(placement_ids)]
                    row = await session.get(Placement, placement_id)
                    assert row is not None
                    row.days = ["saturday"] if row.days != ["saturday"] else ["sunday"]
            at = time.time()
            done += size
            turn += 1
            if rate:
                async with database.sessionmaker() as session:
                    seq = await session.scalar(select(func.max(ChangeRecord.seq)))
                committed.append((int(seq or 0), at))
                pause = started + turn / rate - time.monotonic()
                if pause > 0:
                    await asyncio.sleep(pause)
        return committed
    finally:
        await database.dispose()


# --- One database ------------------------------------------------------------------------------
@dataclass
class Result:
    database: str
    events: int
    events_per_second: float | None = None
    throughput_seconds: float | None = None
    paced: int = 0
    rate: float = 0
    delay_p50_ms: float | None = None
    delay_p95_ms: float | None = None
    delay_max_ms: float | None = None
    duplicates: int = 0
    missing: int = 0
    errors: list[str] = field(default_factory=list)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def wait_for(receiver: Receiver, count: int, timeout: float, worker: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + timeout
    while receiver.count() < count:
        if worker.poll() is not None:
            raise BenchError(f"the worker stopped (exit {worker.returncode})")
        if time.monotonic() > deadline:
            raise BenchError(f"only {receiver.count()} of {count} events arrived in {timeout} s")
        time.sleep(0.05)


def bench(args: argparse.Namespace, database: str, folder: Path) -> Result:
    print(f"\n== {database}")
    result = Result(database, args.events, paced=args.paced, rate=args.rate)
    work = folder / database
    work.mkdir()
    with bench_database(database, "webhooks", work) as url:
        env = clean_env(url)
        env["KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS"] = "true"
        upgrade = kindcentraal("db", "upgrade", env=env, cwd=work)
        if upgrade.returncode != 0:
            raise BenchError(f"`kindcentraal db upgrade` failed:\n{upgrade.stderr[-3000:]}")
        receiver = Receiver(work)
        worker: subprocess.Popen[str] | None = None
        try:
            setup = asyncio.run(prepare(url, env["KC_SECRET_KEY"], receiver.url, placements=200))
            async_url = url.replace("sqlite:///", "sqlite+aiosqlite:///").replace(
                "postgresql://", "postgresql+asyncpg://"
            )
            started = time.monotonic()
            asyncio.run(
                commit_changes(
                    async_url, setup.placement_ids, count=args.events, per_commit=BATCH, rate=0
                )
            )
            print(
                f"  {args.events} changes committed in {time.monotonic() - started:.1f} s "
                f"(placement creations: {len(setup.placement_ids)} more events)"
            )
            expected = args.events + len(setup.placement_ids)
            worker = subprocess.Popen(
                [str(ROOT / ".venv" / "bin" / "kindcentraal"), "worker"],
                env=env,
                cwd=work,
                stdout=(work / "worker.log").open("w"),
                stderr=subprocess.STDOUT,
                text=True,
            )
            wait_for(receiver, expected, 600, worker)
            seen = receiver.seen()
            times = sorted(t for _i, t in seen)
            span = times[-1] - times[0]
            result.throughput_seconds = span
            result.events_per_second = (len(times) - 1) / span if span > 0 else None
            print(
                f"  throughput: {len(times)} events in {span:.2f} s = "
                f"{result.events_per_second:.0f} events/s (first to last receipt)"
            )

            before = len(seen)
            committed = asyncio.run(
                commit_changes(
                    async_url, setup.placement_ids, count=args.paced, per_commit=1, rate=args.rate
                )
            )
            wait_for(receiver, before + args.paced, 120, worker)
            seen = receiver.seen()
            first: dict[str, float] = {}
            for event_id, at in seen:
                first.setdefault(event_id, at)
            delays = [
                (first[f"msg_{seq}"] - at) * 1000 for seq, at in committed if f"msg_{seq}" in first
            ]
            result.missing = len(committed) - len(delays)
            result.duplicates = len(seen) - len(first)
            result.delay_p50_ms = statistics.median(delays)
            result.delay_p95_ms = percentile(delays, 0.95)
            result.delay_max_ms = max(delays)
            print(
                f"  delay commit->receipt ({args.paced} changes at {args.rate:.0f}/s): "
                f"p50 {result.delay_p50_ms:.0f} ms, p95 {result.delay_p95_ms:.0f} ms, "
                f"max {result.delay_max_ms:.0f} ms; missing {result.missing}, "
                f"duplicates {result.duplicates}"
            )
        finally:
            if worker is not None:
                worker.terminate()
                try:
                    worker.wait(15)
                except subprocess.TimeoutExpired:
                    worker.kill()
            receiver.stop()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="sqlite,postgresql")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--paced", type=int, default=500)
    parser.add_argument("--rate", type=float, default=100.0)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--receiver", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.receiver:
        serve_receiver(args.receiver)
        return 0
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("KC_ENV", "development")
    results = []
    with TemporaryDirectory(prefix="kc-bench-webhooks-") as folder:
        for database in args.db.split(","):
            try:
                results.append(bench(args, database.strip(), Path(folder)))
            except BenchError as exc:
                print(f"  FAILED: {exc}")
                results.append(Result(database, args.events, errors=[str(exc)]))
    print("\nSummary (targets: >= 500 events/s; p95 commit->receipt <= 1000 ms)")
    for r in results:
        if r.errors:
            print(f"  {r.database:<10}  failed: {r.errors[0]}")
            continue
        print(
            f"  {r.database:<10}  {r.events_per_second or 0:>6.0f} events/s   "
            f"delay p50 {r.delay_p50_ms or 0:>4.0f} ms  p95 {r.delay_p95_ms or 0:>4.0f} ms"
        )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps([asdict(r) for r in results], indent=2) + "\n")
    return 1 if any(r.errors for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
