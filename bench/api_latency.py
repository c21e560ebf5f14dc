"""Latency and throughput of the main reads, against a real uvicorn on the demo data.

Usage: .venv/bin/python bench/api_latency.py [--requests 400] [--concurrency 8]
       [--database-url postgresql://...]   (default: a fresh SQLite file)

Every read writes an access-log event (hash-chained, in the same transaction), so these
figures include that cost. Prints one line per scenario: requests, concurrency, req/s, p50, p95.
"""

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
PASSWORD = "Regenboog-demo-2026"  # noqa: S105 - the public demo password


async def _timed(client: httpx.AsyncClient, url: str, headers: dict[str, str]) -> float:
    started = time.perf_counter()
    response = await client.get(url, headers=headers)
    response.raise_for_status()
    return time.perf_counter() - started


async def _scenario(
    client: httpx.AsyncClient,
    name: str,
    url: str,
    headers: dict[str, str],
    total: int,
    workers: int,
) -> None:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for i in range(total):
        queue.put_nowait(i)
    timings: list[float] = []

    async def worker() -> None:
        while not queue.empty():
            queue.get_nowait()
            timings.append(await _timed(client, url, headers))

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(workers)))
    elapsed = time.perf_counter() - started
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{name:<34} {total:>5} req  c={workers:<3} {total / elapsed:>7.0f} req/s  "
        f"p50 {statistics.median(timings) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"
    )


async def _run(base: str, total: int, workers: int) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        def login(email: str) -> dict[str, str]:
            return {"username": email, "password": PASSWORD}

        token = (await client.post("/auth/token", data=login("leerkracht@regenboog.demo"))).json()
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        page = (await client.get("/children", headers=headers)).json()
        child_id = page["items"][0]["id"]
        await _scenario(
            client, "GET /children (teacher, 25/page)", "/children", headers, total, workers
        )
        await _scenario(
            client, "GET /children?q=de (search)", "/children?q=de", headers, total, workers
        )
        await _scenario(
            client, "GET /children/{id}", f"/children/{child_id}", headers, total, workers
        )
        await _scenario(client, "GET / (no database)", "/", {}, total, workers)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--database-url")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "KC_DATABASE_URL": args.database_url or f"sqlite:///{folder}/bench.db",
            "KC_SECRET_KEY": "bench-" + "b" * 48,
        }
        subprocess.run(
            [BIN / "kindcentraal", "db", "upgrade"], env=env, check=True, capture_output=True
        )
        subprocess.run(
            [BIN / "kindcentraal", "seed", "demo"], env=env, check=True, capture_output=True
        )
        server = subprocess.Popen(
            [
                BIN / "uvicorn",
                "kindcentraal.main:app",
                "--port",
                str(args.port),
                "--log-level",
                "warning",
                "--no-access-log",
            ],
            env=env,
            cwd=ROOT,
        )
        base = f"http://127.0.0.1:{args.port}/api/v1"
        try:
            for _ in range(100):
                try:
                    httpx.get(base + "/")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            db = "PostgreSQL" if "postgres" in env["KC_DATABASE_URL"] else "SQLite"
            print(f"KindCentraal API, one uvicorn worker, {db}, demo data (205 children)")
            asyncio.run(_run(base, args.requests, args.concurrency))
        finally:
            server.terminate()
            server.wait()
    sys.exit(0)


if __name__ == "__main__":
    main()
