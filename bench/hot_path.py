"""Hot-path benchmark: the reads of a school day, each next to a bare FastAPI endpoint.

Usage
-----
    make bench                                  # the full run: every option at its default
    make bench BENCH_ARGS="--quick"             # or pass options through BENCH_ARGS
    .venv/bin/python bench/hot_path.py --quick --db sqlite --dataset demo    # smoke, < 1 min
    .venv/bin/python bench/hot_path.py --db postgresql --dataset 100k --endpoints list,search \\
        --connections 16 --workers 2 --duration 30 --json var/bench.json

    --db sqlite,postgresql       databases (default both; PostgreSQL is a throwaway cluster)
    --dataset demo,100k,support  demo: `kindcentraal seed demo` (205 children);
                                 100k: `kindcentraal seed load --children 100000` (skipped with
                                 a message when that command fails or does not exist yet);
                                 support: the demo plus `kindcentraal seed trajectories
                                 --count 2000` (the trajectory board of a 2,000-trajectory centre)
    --endpoints ...              list,deep-page,search,child,me,access-log,board,plan,day,
                                 catalogue,parent-home,parent-child,visits,threads,unread,
                                 announcements,changes,floor-auth,floor-event,
                                 floor-list-event
                                 (default all; board and plan where the dataset has trajectories)
    --connections 1,16           wrk connections (default 1,16)
    --workers 1,2                uvicorn worker processes (default 1,2)
    --duration SECONDS           each measurement (default 10)
    --warmup SECONDS             before each endpoint, once per server, at the highest
                                 connection count; not counted (default 2)
    --quick                      a smoke run: 1 s runs, no warm-up, one dataset (demo unless
                                 --dataset), 16 connections only (unless --connections); it
                                 proves the bench and the API work, its figures are not ones
                                 to compare (a p99 of a few dozen requests)
    --json PATH                  also write every figure, the URLs and the audit check as JSON
    --threads N                  wrk threads (default 1, capped at the connection count)
    --deep-pages N               how many nextCursor hops the deep page is (default 4)

Needs wrk (`apt-get install -y wrk`) and, for PostgreSQL, its server binaries
(`apt-get install postgresql`; as root the cluster runs as the postgres user). The full run
takes about 10 minutes per database x dataset (about 40 in all, plus loading the 100k data).

What is measured
----------------
For every database x dataset, a fresh database (a SQLite file, or a throwaway PostgreSQL 15
cluster from tests/backend/pg.py, which runs with fsync=off) is migrated and seeded. Then for
every worker count the real API is started (`uvicorn kindcentraal.main:app --workers N
--log-level warning --no-access-log`, KC_ENV=development, a random KC_SECRET_KEY), and these
URLs are found through the API itself:

    list        GET /api/v1/children                      teacher leerkracht@regenboog.demo,
                                                          the default page of 25
    deep-page   GET /api/v1/children?cursor=...           teacher, the URL reached by following
                                                          nextCursor --deep-pages times
    search      GET /api/v1/children?q=<fragment>         teacher, a fragment of the family
                                                          name of a child on the first page
    child       GET /api/v1/children/{childId}?expand=guardians,placements,contactPerson,
                careTeam,consents                         parent ouder@regenboog.demo, their
                                                          first child (without expand, and said
                                                          so, if the API answers 400)
    me          GET /api/v1/me                            teacher
    day         GET /api/v1/groups/{groupId}/day          teacher, "Vandaag" of Groep 5 (today)
    catalogue   GET /api/v1/activities                    parent, the activities catalogue
    access-log  GET /api/v1/children/{childId}/access-log parent, the same child
    parent-home GET /api/v1/me/home                       parent, the parent app's home
    parent-child GET /api/v1/children/{childId}?expand=contactPerson,careTeam,dailyTeam,plan,
                trajectories,enrolments,day               parent, "Mijn kind" (the first child)
    visits      GET /api/v1/children/{childId}/access-log/visits  parent, grouped per visit
    threads     GET /api/v1/threads                       parent, the message threads (one opened
                with the first child's contact person when the parent has none)
    unread      GET /api/v1/threads/unread-count          parent, the header's unread messages
    announcements GET /api/v1/announcements               parent, the announcements feed (one
                sent to the whole centre by beheer@regenboog.demo when the feed is empty)
    changes     GET /api/v1/changes?limit=100             the childcare organisation's API client
                (registered by opvang.beheer@regenboog.demo; client credentials), the first page
                of its changes feed; the client's rate limit is lifted for the run
    floor-auth, floor-event, floor-list-event
                GET /api/v1/bench-floor/...               teacher; served by bench/floor_app.py
                (the real API plus three routes that only authenticate the caller, then also
                record one access-log event, then the event a list page records, and answer
                the list page's bytes): the floor under every audited read, next to the bare
                endpoint like any other

Each URL's response body and Content-Type are captured once per database (from the first
server) and served from bench/bare_app.py (a minimal FastAPI app: no database, no auth, no
middleware) by a second uvicorn with the same worker count. For each endpoint and connection
count, wrk (`--latency`, the user's bearer token in the Authorization header, sent to both)
measures the real URL and, right after it, the bare one.

Reading the table
-----------------
req/s, p50, p99 come from wrk; p50/p99 are in milliseconds. non-2xx counts the real API's
error answers (wrk's "Non-2xx or 3xx responses"); any non-zero value, or socket errors, is a
finding, not noise. bare req/s and bare p99 are the bare app serving the same bytes. cpu busy
is how much of all the machine's cores was busy during the real run (from /proc/stat: wrk, the
API and the database together); at 100% a second worker has no core left to use.

    ratio = real req/s / bare req/s

1.00 would mean the endpoint costs nothing beyond uvicorn + FastAPI sending that response;
0.25 means each request does three times the framework's own work on top (token check,
principal, relation filter, queries, the access-log event and its commit, serialisation,
middleware); 1/ratio is how many bare requests fit in the time of one real one. The ratio
is far steadier than the absolute figures on a shared machine, because both sides of it are
measured a few seconds apart under the same load. wrk and both servers share the machine's
cores, so at 16 connections the ceiling is the CPU, not the network.

Audit check
-----------
Every read of a child's file answers only once its access-log event is committed. Per
database, the rows of `audit_event` are counted before the first and after the last server,
and compared with the 2xx responses wrk counted on the logged endpoints (all but `me`, which
reads no child; warm-ups included). Events added must be >= those 2xx; they are usually a
little more: the requests that finding the URLs and capturing the bodies made, and up to one
per connection still in flight when wrk stopped (served and logged, not counted by wrk).
Then `kindcentraal audit verify` checks the log's hashes and seals; its output is printed.

Exit status: 0 when everything ran and the audit checks passed, 1 when an audit check or
`audit verify` failed or a run broke, 2 when wrk is missing, 130 when interrupted. Every server,
PostgreSQL cluster and temporary folder is removed on exit, Ctrl-C and errors included.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
API = "/api/v1"
PASSWORD = "Regenboog-demo-2026"  # noqa: S105 - the public demo password
TEACHER = "leerkracht@regenboog.demo"
CENTRE_ADMIN = "beheer@regenboog.demo"
PARENT = "ouder@regenboog.demo"
COORDINATOR = "ib@regenboog.demo"  # intern begeleider: the centre's care coordinator
CHILDCARE_ADMIN = "opvang.beheer@regenboog.demo"
# A registered API client logs in as "client:<clientId>:<clientSecret>" (client credentials).
CLIENT_PREFIX = "client:"
BOARD_TRAJECTORIES = 2000
EXPAND = "guardians,placements,contactPerson,careTeam,consents"
# The parent app's "Mijn kind" screen, in its one request.
PARENT_CHILD_EXPAND = "contactPerson,careTeam,dailyTeam,plan,trajectories,enrolments,day"
LARGE_CHILDREN = 100_000

DATABASES = ("sqlite", "postgresql")
DATASETS = ("demo", "100k", "support")
ENDPOINTS = (
    "list",
    "deep-page",
    "search",
    "child",
    "me",
    "access-log",
    "board",
    "plan",
    "day",
    "catalogue",
    "parent-home",
    "parent-child",
    "visits",
    "threads",
    "unread",
    "announcements",
    "changes",
    "floor-auth",
    "floor-event",
    "floor-list-event",
)
# Read no child's file, so write no access-log event.
NOT_LOGGED = frozenset({"me", "catalogue", "unread", "announcements", "floor-auth"})
# Served by bench/floor_app.py: the real API plus routes doing only what an audited read must.
FLOOR = {
    "floor-auth": ("/bench-floor/auth", "the policy guard only: token, caller; no event"),
    "floor-event": ("/bench-floor/event", "the guard and one access-log event naming no child"),
    "floor-list-event": (
        "/bench-floor/list-event",
        "the guard and a list page's event (its 25 children)",
    ),
}
FLOOR_PAGE = "floor-page.json"  # the page the floor routes answer, beside the bare bodies


class BenchError(RuntimeError):
    """A run that cannot go on (server did not start, API answered an error, ...)."""


class DatasetUnavailable(RuntimeError):
    """The dataset could not be loaded: skip it with this message."""


# --- wrk ----------------------------------------------------------------------------------


@dataclass
class WrkResult:
    requests: int
    non_2xx: int
    socket_errors: int
    rps: float
    p50_ms: float | None
    p99_ms: float | None
    cpu_busy: float | None = None  # share of all cores' time busy during the run (Linux)

    @property
    def ok(self) -> int:
        return self.requests - self.non_2xx


_UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0, "h": 3_600_000.0}
_PERCENTILE = re.compile(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s|m|h)\s*$", re.MULTILINE)
_REQUESTS = re.compile(r"^\s*(\d+) requests in ", re.MULTILINE)
_RPS = re.compile(r"^Requests/sec:\s+([\d.]+)", re.MULTILINE)
_NON_2XX = re.compile(r"Non-2xx or 3xx responses:\s+(\d+)")
_SOCKET = re.compile(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")


def parse_wrk(output: str) -> WrkResult:
    requests = _REQUESTS.search(output)
    rps = _RPS.search(output)
    if requests is None or rps is None:
        raise BenchError(f"could not read wrk's output:\n{output}")
    latency = {m[1]: float(m[2]) * _UNIT_MS[m[3]] for m in _PERCENTILE.finditer(output)}
    non_2xx = _NON_2XX.search(output)
    socket_errors = _SOCKET.search(output)
    count = int(requests[1])
    return WrkResult(
        requests=count,
        non_2xx=int(non_2xx[1]) if non_2xx else 0,
        socket_errors=sum(int(n) for n in socket_errors.groups()) if socket_errors else 0,
        rps=float(rps[1]),
        p50_ms=latency.get("50") if count else None,
        p99_ms=latency.get("99") if count else None,
    )


def run_wrk(
    url: str, headers: dict[str, str], *, connections: int, seconds: int, threads: int
) -> WrkResult:
    command = [
        "wrk",
        f"--threads={max(1, min(threads, connections))}",
        f"--connections={connections}",
        f"--duration={seconds}s",
        "--timeout=30s",
        "--latency",
    ]
    for name, value in headers.items():
        command += ["--header", f"{name}: {value}"]
    before = cpu_times()
    done = subprocess.run([*command, url], capture_output=True, text=True, check=False)
    after = cpu_times()
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    return replace(parse_wrk(done.stdout), cpu_busy=busy_share(before, after))


def cpu_times() -> tuple[int, int] | None:
    """(busy, total) jiffies of all cores from /proc/stat; None where there is none."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(n) for n in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return sum(fields[:8]) - idle, sum(fields[:8])


def busy_share(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    """How busy the machine's cores were between two readings: 1.0 is every core, all the time
    (wrk, the server and the database together). A second worker only helps below that."""
    if before is None or after is None or after[1] <= before[1]:
        return None
    return (after[0] - before[0]) / (after[1] - before[1])


# --- processes ----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def clean_env(database_url: str) -> dict[str, str]:
    """The caller's environment without their KC_ settings, plus the bench database's."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KC_")}
    env.update(
        KC_DATABASE_URL=database_url,
        KC_SECRET_KEY=secrets.token_urlsafe(48),
        KC_ENV="development",
    )
    return env


def _tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class Server:
    """One uvicorn (supervisor and workers) in its own process group."""

    def __init__(
        self,
        app: str,
        *,
        workers: int,
        env: dict[str, str],
        cwd: Path,
        log: Path,
        probe: str,
        app_dir: Path | None = None,
    ) -> None:
        self.app, self.workers, self.env, self.cwd = app, workers, env, cwd
        self.log, self.probe, self.app_dir = log, probe, app_dir
        self.base = ""
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        port = free_port()
        command = [str(BIN / "uvicorn"), self.app]
        if self.app_dir is not None:
            command += ["--app-dir", str(self.app_dir)]
        command += ["--workers", str(self.workers), "--host", "127.0.0.1", "--port", str(port)]
        command += ["--log-level", "warning", "--no-access-log"]
        self.base = f"http://127.0.0.1:{port}"
        with self.log.open("ab") as log_file:
            self.process = subprocess.Popen(
                command,
                env=self.env,
                cwd=self.cwd,
                stdout=log_file,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its workers share the group: one signal stops all
            )

    def wait_ready(self) -> None:
        assert self.process is not None
        deadline = time.monotonic() + 60
        while True:
            if self.process.poll() is not None:
                raise BenchError(
                    f"{self.app} exited with {self.process.returncode}:\n{_tail(self.log)}"
                )
            try:
                httpx.get(self.base + self.probe, timeout=5)
                return
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    message = f"{self.app} did not answer in 60 s:\n{_tail(self.log)}"
                    raise BenchError(message) from None
                time.sleep(0.1)

    def alive(self) -> bool:
        if self.process is None:
            return False
        self.process.poll()  # reap the supervisor, or it counts as alive
        try:
            os.killpg(self.process.pid, 0)
        except ProcessLookupError:
            return False
        return True

    def signal(self, sig: signal.Signals) -> None:
        if self.process is not None and self.alive():
            with suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)


class Fleet:
    """The servers of one round; on exit all get SIGTERM together, SIGKILL after 15 s."""

    def __init__(self) -> None:
        self.servers: list[Server] = []

    def __enter__(self) -> Fleet:
        return self

    def start(self, *servers: Server) -> None:
        """Start the servers side by side and wait until each answers."""
        for server in servers:
            self.servers.append(server)
            server.start()
        for server in servers:
            server.wait_ready()

    def __exit__(self, *exc: object) -> None:
        for server in self.servers:
            server.signal(signal.SIGTERM)
        deadline = time.monotonic() + 15
        while any(s.alive() for s in self.servers) and time.monotonic() < deadline:
            time.sleep(0.05)
        for server in self.servers:
            server.signal(signal.SIGKILL)
            if server.process is not None:
                server.process.wait()


def kindcentraal(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "kindcentraal"), *args],
        env=env,
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )


@contextmanager
def bench_database(database: str, dataset: str, folder: Path) -> Iterator[str]:
    """Yield the URL of an empty database of the given kind; remove it afterwards."""
    if database == "sqlite":
        yield f"sqlite:///{folder / f'bench-{dataset}.db'}"
        return
    sys.path.insert(0, str(ROOT))
    from tests.backend.pg import find_bindir, throwaway_cluster

    if find_bindir() is None:
        raise DatasetUnavailable("PostgreSQL is not installed (apt-get install postgresql)")
    with throwaway_cluster() as url:
        yield url


def load_dataset(dataset: str, env: dict[str, str], cwd: Path) -> str:
    """Migrate and seed; return the seed command's summary line."""
    upgrade = kindcentraal("db", "upgrade", env=env, cwd=cwd)
    if upgrade.returncode != 0:
        raise BenchError(f"`kindcentraal db upgrade` failed:\n{upgrade.stderr[-3000:]}")
    if dataset in ("demo", "support"):
        args = ["seed", "demo"]
    else:
        args = ["seed", "load", "--children", str(LARGE_CHILDREN)]
    seeded = kindcentraal(*args, env=env, cwd=cwd)
    if seeded.returncode != 0:
        # Typer draws its errors in a box: keep the last line that says something.
        said = [
            line.strip(" \u2500\u2502\u256d\u256e\u256f\u2570")
            for line in (seeded.stderr + seeded.stdout).splitlines()
        ]
        last = next((line for line in reversed(said) if line), "(no output)")
        message = f"`kindcentraal {' '.join(args)}` failed (exit {seeded.returncode}): {last}"
        if dataset == "demo":
            raise BenchError(message)
        raise DatasetUnavailable(message)
    summary = seeded.stdout.strip().splitlines()[-1] if seeded.stdout.strip() else ""
    if dataset == "support":
        count = str(BOARD_TRAJECTORIES)
        more = kindcentraal("seed", "trajectories", "--count", count, env=env, cwd=cwd)
        if more.returncode != 0:
            raise BenchError(f"`kindcentraal seed trajectories` failed:\n{more.stderr[-3000:]}")
        summary += " " + more.stdout.strip()
    return summary


def count_events(database_url: str) -> int:
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///")
        with closing(sqlite3.connect(path)) as conn:
            return int(conn.execute("SELECT count(*) FROM audit_event").fetchone()[0])

    async def count() -> int:
        import asyncpg

        conn = await asyncpg.connect(database_url)
        try:
            return int(await conn.fetchval("SELECT count(*) FROM audit_event"))
        finally:
            await conn.close()

    return asyncio.run(count())


# --- the endpoints -------------------------------------------------------------------------


@dataclass
class Target:
    key: str
    user: str
    path: str  # under /api/v1
    label: str
    note: str | None = None
    floor: bool = False  # served by the floor app, not the API


def login(client: httpx.Client, email: str) -> dict[str, str]:
    if email.startswith(CLIENT_PREFIX):
        client_id, secret = email.removeprefix(CLIENT_PREFIX).split(":", 1)
        form = {"grant_type": "client_credentials", "client_id": client_id}
        response = client.post(f"{API}/auth/token", data=form | {"client_secret": secret})
        if response.status_code != 200:
            raise BenchError(f"the client token answered {response.status_code}")
        return {"Authorization": f"Bearer {response.json()['access_token']}"}
    response = client.post(f"{API}/auth/token", data={"username": email, "password": PASSWORD})
    if response.status_code != 200:
        raise BenchError(f"login of {email} answered {response.status_code}: {response.text}")
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


class Tokens:
    """A bearer token per demo user, valid on every server of one database; renewed before
    it could expire during the next endpoint's runs."""

    def __init__(self, max_age: float) -> None:
        self.max_age = max_age
        self._tokens: dict[str, tuple[float, dict[str, str]]] = {}

    def get(self, client: httpx.Client, user: str) -> dict[str, str]:
        cached = self._tokens.get(user)
        if cached is None or time.monotonic() - cached[0] > self.max_age:
            cached = (time.monotonic(), login(client, user))
            self._tokens[user] = cached
        return cached[1]


def endpoint_seconds(args: argparse.Namespace) -> int:
    """How long one endpoint's runs on one server take, with some slack."""
    return int(2 * args.warmup + 2 * args.duration * len(args.connections) + 30)


def token_minutes(args: argparse.Namespace) -> int:
    """KC_ACCESS_TOKEN_MINUTES: the default 15 unless one endpoint's runs take longer."""
    return max(15, -(-endpoint_seconds(args) // 60) + 2)


def token_max_age(args: argparse.Namespace) -> float:
    return token_minutes(args) * 60 - endpoint_seconds(args) - 30


def _get(client: httpx.Client, path: str, headers: dict[str, str]) -> httpx.Response:
    response = client.get(API + path, headers=headers)
    if not response.is_success:
        raise BenchError(f"GET {API}{path} answered {response.status_code}: {response.text}")
    return response


def changes_target(client: httpx.Client, tokens: Tokens) -> Target:
    """The childcare organisation's planning system, registered as an API client, reads the
    first page of its changes feed (100 changes of its placements and children)."""
    admin = tokens.get(client, CHILDCARE_ADMIN)
    me = _get(client, "/me", admin).json()
    organisation = next(m["organisationId"] for m in me["memberships"] if m["role"] == "org_admin")
    registered = client.post(
        f"{API}/organisations/{organisation}/api-clients",
        json={"name": "Benchmark", "scopes": ["children:read", "placements:read"]},
        headers=admin,
    )
    if registered.status_code != 201:
        raise BenchError(f"registering an API client answered {registered.status_code}")
    body = registered.json()
    user = f"{CLIENT_PREFIX}{body['clientId']}:{body['clientSecret']}"
    page = _get(client, "/changes?limit=100", tokens.get(client, user)).json()
    return Target(
        "changes",
        user,
        "/changes?limit=100",
        "GET /changes?limit=100 (a childcare system's changes feed)",
        None if len(page["items"]) == 100 else f"only {len(page['items'])} changes on the page",
    )


def discover(
    client: httpx.Client, tokens: Tokens, wanted: list[str], deep_pages: int
) -> dict[str, Target]:
    """Find each endpoint's URL through the API, as a client would."""
    targets: dict[str, Target] = {}
    teacher = tokens.get(client, TEACHER)
    first = _get(client, "/children", teacher).json()
    if not first["items"]:
        raise BenchError(f"{TEACHER} sees no child")
    targets["list"] = Target("list", TEACHER, "/children", "GET /children (teacher, 25/page)")

    path, page, hops = "/children", first, 0
    while hops < deep_pages and page.get("nextCursor"):
        path = f"/children?cursor={quote(page['nextCursor'], safe='')}"
        page = _get(client, path, teacher).json()
        hops += 1
    targets["deep-page"] = Target(
        "deep-page",
        TEACHER,
        path,
        f"GET /children?cursor=... (teacher, page {hops + 1})",
        None if hops == deep_pages else f"only {hops + 1} pages: measured page {hops + 1}",
    )

    family = str(first["items"][0]["familyName"])
    word = max(family.lower().split(), key=len)
    fragment = word[:4]
    if not _get(client, f"/children?q={quote(fragment)}", teacher).json()["items"]:
        raise BenchError(f"searching {fragment!r} found nobody")
    targets["search"] = Target(
        "search", TEACHER, f"/children?q={quote(fragment)}", f"GET /children?q={fragment}"
    )
    targets["me"] = Target("me", TEACHER, "/me", "GET /me (teacher)")
    if "day" in wanted:
        groups = _get(client, "/groups?limit=100", teacher).json()["items"]
        own = next(g for g in groups if g["name"] == "Groep 5")
        targets["day"] = Target(
            "day",
            TEACHER,
            f"/groups/{own['id']}/day",
            "GET /groups/{groupId}/day (teacher, Vandaag: today's day of each child)",
        )
    if "catalogue" in wanted:
        targets["catalogue"] = Target(
            "catalogue",
            PARENT,
            "/activities",
            "GET /activities (parent, the catalogue)",
        )

    if "parent-home" in wanted:
        targets["parent-home"] = Target(
            "parent-home",
            PARENT,
            "/me/home",
            "GET /me/home (parent, the parent app's home: two children's days and actions)",
        )
    if {"parent-child", "visits"} & set(wanted):
        parent = tokens.get(client, PARENT)
        first = _get(client, "/me/home", parent).json()["children"][0]["id"]
        targets["parent-child"] = Target(
            "parent-child",
            PARENT,
            f"/children/{first}?expand={PARENT_CHILD_EXPAND}",
            f"GET /children/{{childId}}?expand={PARENT_CHILD_EXPAND} (parent, Mijn kind)",
        )
        targets["visits"] = Target(
            "visits",
            PARENT,
            f"/children/{first}/access-log/visits",
            "GET /children/{childId}/access-log/visits (parent, who looked at the file)",
        )
    if {"threads", "unread"} & set(wanted):
        parent = tokens.get(client, PARENT)
        if not _get(client, "/threads", parent).json()["items"]:
            first = _get(client, "/me/home", parent).json()["children"][0]["id"]
            opened = client.post(
                f"{API}/children/{first}/threads",
                json={"subject": "Benchmark", "text": "Een vraag over de gymles."},
                headers=parent,
            )
            if not opened.is_success:
                raise BenchError(f"opening a thread answered {opened.status_code}")
        targets["threads"] = Target(
            "threads", PARENT, "/threads", "GET /threads (parent, the message threads)"
        )
        targets["unread"] = Target(
            "unread",
            PARENT,
            "/threads/unread-count",
            "GET /threads/unread-count (parent, the header's unread messages)",
        )
    if "announcements" in wanted:
        parent = tokens.get(client, PARENT)
        if not _get(client, "/announcements", parent).json()["items"]:
            admin = tokens.get(client, CENTRE_ADMIN)
            centre = _get(client, "/child-centres", admin).json()["items"][0]["id"]
            sent = client.post(
                f"{API}/announcements",
                json={
                    "centreId": centre,
                    "title": "Studiedag",
                    "text": "Vrijdag is er geen school; de BSO is open.",
                },
                headers=admin,
            )
            if not sent.is_success:
                raise BenchError(f"sending an announcement answered {sent.status_code}")
        targets["announcements"] = Target(
            "announcements",
            PARENT,
            "/announcements",
            "GET /announcements (parent, the announcements feed)",
        )
    if "changes" in wanted:
        targets["changes"] = changes_target(client, tokens)
    for key, (path, label) in FLOOR.items():
        if key in wanted:
            # Each answers the teacher's list page (the `list` endpoint's bytes).
            targets[key] = Target(key, TEACHER, path, f"GET {path} ({label})", floor=True)
    if {"child", "access-log"} & set(wanted):
        parent = tokens.get(client, PARENT)
        own = _get(client, "/children", parent).json()["items"]
        if not own:
            raise BenchError(f"{PARENT} sees no child")
        child_id = own[0]["id"]
        plain = f"/children/{child_id}"
        expanded = f"{plain}?expand={EXPAND}"
        response = client.get(API + expanded, headers=parent)
        label = f"GET /children/{{childId}}?expand={EXPAND} (parent)"
        note = None
        if response.status_code == 400:
            expanded, label = plain, "GET /children/{childId} (parent)"
            note = "?expand= answered 400: measured WITHOUT expand"
        elif not response.is_success:
            raise BenchError(f"GET {API}{expanded} answered {response.status_code}")
        elif set(response.json()) == set(_get(client, plain, parent).json()):
            note = "?expand= accepted but the response has no expanded fields (not built yet?)"
        targets["child"] = Target("child", PARENT, expanded, label, note)
        targets["access-log"] = Target(
            "access-log",
            PARENT,
            f"/children/{child_id}/access-log",
            "GET /children/{childId}/access-log (parent)",
        )
    if {"board", "plan"} & set(wanted):
        coordinator = tokens.get(client, COORDINATOR)
        centres = _get(client, "/child-centres", coordinator).json()["items"]
        centre = next(c for c in centres if c["name"] == "IKC De Regenboog")
        board = f"/support-trajectories?centreId={centre['id']}&limit=50"
        if not _get(client, board, coordinator).json()["items"]:
            print(f"  board and plan skipped: {COORDINATOR} sees no trajectory on this dataset")
            return {key: targets[key] for key in wanted if key in targets}
        targets["board"] = Target(
            "board",
            COORDINATOR,
            board,
            "GET /support-trajectories?centreId= (care coordinator, 50)",
        )
        parent = tokens.get(client, PARENT)
        own = _get(client, "/children", parent).json()["items"]
        plans = [f"/children/{c['id']}/plan" for c in own]
        richest = max(plans, key=lambda p: len(_get(client, p, parent).json()["goals"]))
        targets["plan"] = Target("plan", PARENT, richest, "GET /children/{childId}/plan (parent)")
    return {key: targets[key] for key in wanted}


def capture(
    client: httpx.Client, tokens: Tokens, targets: dict[str, Target], folder: Path
) -> dict[str, int]:
    """Write each real response body and Content-Type for the bare app; return the sizes."""
    folder.mkdir(parents=True, exist_ok=True)
    sizes = {}
    floor_page: httpx.Response | None = None
    for key, target in targets.items():
        if not target.floor:
            response = _get(client, target.path, tokens.get(client, target.user))
        else:  # every floor route answers the teacher's list page: read it once
            if floor_page is None:
                floor_page = _get(client, "/children", tokens.get(client, TEACHER))
                (folder / FLOOR_PAGE).write_bytes(floor_page.content)
            response = floor_page
        (folder / f"{key}.body").write_bytes(response.content)
        (folder / f"{key}.type").write_text(response.headers["content-type"])
        sizes[key] = len(response.content)
    return sizes


# --- the run -------------------------------------------------------------------------------


@dataclass
class Row:
    database: str
    dataset: str
    endpoint: str
    workers: int
    connections: int
    real: WrkResult
    bare: WrkResult
    url: str
    bytes: int

    @property
    def ratio(self) -> float | None:
        return self.real.rps / self.bare.rps if self.bare.rps else None


@dataclass
class AuditCheck:
    database: str
    dataset: str
    events_before: int | None = None
    events_after: int | None = None
    logged_2xx: int = 0
    unlogged_2xx: int = 0
    verify_output: str = ""
    verify_ok: bool = False
    error: str | None = None

    @property
    def added(self) -> int | None:
        if self.events_before is None or self.events_after is None:
            return None
        return self.events_after - self.events_before

    @property
    def ok(self) -> bool:
        added = self.added
        return self.error is None and added is not None and added >= self.logged_2xx


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    audits: list[AuditCheck] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    urls: dict[str, dict[str, str]] = field(default_factory=dict)


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


HEADER = (
    f"{'database':<10} {'dataset':<7} {'endpoint':<16} {'workers':>7} {'conns':>5} "
    f"{'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'non-2xx':>7} "
    f"{'bare req/s':>10} {'bare p99':>8} {'real/bare':>9} {'cpu busy':>8}"
)


def format_row(row: Row) -> str:
    ratio = "-" if row.ratio is None else f"{row.ratio:.3f}"
    busy = "-" if row.real.cpu_busy is None else f"{row.real.cpu_busy:.0%}"
    errors = row.real.non_2xx + row.real.socket_errors
    return (
        f"{row.database:<10} {row.dataset:<7} {row.endpoint:<16} {row.workers:>7} "
        f"{row.connections:>5} {row.real.rps:>8.1f} {_ms(row.real.p50_ms):>8} "
        f"{_ms(row.real.p99_ms):>8} {errors:>7} {row.bare.rps:>10.1f} "
        f"{_ms(row.bare.p99_ms):>8} {ratio:>9} {busy:>8}"
    )


def bench_servers(
    args: argparse.Namespace,
    database: str,
    dataset: str,
    env: dict[str, str],
    work: Path,
    report: Report,
    audit: AuditCheck,
) -> None:
    """Every worker count x endpoint x connection count on one seeded database."""
    tokens = Tokens(max_age=token_max_age(args))
    bare_dir = work / "bare"
    targets: dict[str, Target] = {}
    sizes: dict[str, int] = {}
    for workers in args.workers:
        tag = f"w{workers}"
        real = Server(
            "kindcentraal.main:app",
            workers=workers,
            env=env,
            cwd=work,
            log=work / f"{tag}-api.log",
            probe=f"{API}/",
        )
        bare = Server(
            "bare_app:app",
            workers=workers,
            env={**env, "KC_BENCH_BARE_DIR": str(bare_dir)},
            cwd=work,
            log=work / f"{tag}-bare.log",
            probe=f"/{args.endpoints[0]}",
            app_dir=ROOT / "bench",
        )
        floor = Server(
            "floor_app:app",
            workers=workers,
            env={**env, "KC_BENCH_FLOOR_PAGE": str(bare_dir / FLOOR_PAGE)},
            cwd=work,
            log=work / f"{tag}-floor.log",
            probe=f"{API}/",
            app_dir=ROOT / "bench",
        )
        with Fleet() as fleet:
            if targets:  # captured on the first round: all start side by side
                fleet.start(real, *_beside_the_api(targets, bare, floor))
            else:
                fleet.start(real)
            with httpx.Client(base_url=real.base, timeout=60) as client:
                if not targets:
                    targets = discover(client, tokens, args.endpoints, args.deep_pages)
                    sizes = capture(client, tokens, targets, bare_dir)
                    print_targets(f"{database}/{dataset}", targets, sizes, report)
                    fleet.start(*_beside_the_api(targets, bare, floor))
                for key, target in targets.items():
                    template = Row(
                        database,
                        dataset,
                        key,
                        workers,
                        0,
                        NO_RESULT,
                        NO_RESULT,
                        API + target.path,
                        sizes[key],
                    )
                    bench_endpoint(
                        args,
                        template,
                        tokens.get(client, target.user),
                        (floor if target.floor else real).base + API + target.path,
                        f"{bare.base}/{key}",
                        audit,
                        report,
                    )


def _beside_the_api(targets: dict[str, Target], bare: Server, floor: Server) -> list[Server]:
    """The servers the round needs beside the API: the bare app, and the floor app if measured."""
    return [bare, floor] if any(t.floor for t in targets.values()) else [bare]


def print_targets(
    key: str, targets: dict[str, Target], sizes: dict[str, int], report: Report
) -> None:
    report.urls[key] = {k: API + t.path for k, t in targets.items()}
    print(f"\n  endpoints on {key}:")
    for k, t in targets.items():
        print(f"    {k:<16} {t.label}  [{sizes[k]} bytes]")
        if t.note:
            print(f"    {'':<16} NOTE: {t.note}")
            report.notes.append(f"{key} {k}: {t.note}")
    print(f"\n  {HEADER}")


NO_RESULT = WrkResult(0, 0, 0, 0.0, None, None)


def bench_endpoint(
    args: argparse.Namespace,
    template: Row,
    headers: dict[str, str],
    real_url: str,
    bare_url: str,
    audit: AuditCheck,
    report: Report,
) -> None:
    """Warm up, then per connection count the real URL and right after it the bare one."""

    def measure(url: str, connections: int, seconds: int) -> WrkResult:
        result = run_wrk(
            url, headers, connections=connections, seconds=seconds, threads=args.threads
        )
        if url == real_url:
            if template.endpoint in NOT_LOGGED:
                audit.unlogged_2xx += result.ok
            else:
                audit.logged_2xx += result.ok
        return result

    if args.warmup > 0:
        measure(real_url, max(args.connections), args.warmup)
        measure(bare_url, max(args.connections), args.warmup)
    for connections in args.connections:
        real = measure(real_url, connections, args.duration)
        bare = measure(bare_url, connections, args.duration)
        row = replace(template, connections=connections, real=real, bare=bare)
        report.rows.append(row)
        print(f"  {format_row(row)}", flush=True)


def bench_database_dataset(
    args: argparse.Namespace, database: str, dataset: str, folder: Path, report: Report
) -> None:
    print(f"\n== {database}, {dataset} dataset")
    work = folder / f"{database}-{dataset}"
    work.mkdir()
    try:
        with bench_database(database, dataset, work) as url:
            env = clean_env(url)
            # The API client's rate limit would cut the run short: the feed itself is measured.
            env["KC_API_CLIENT_RATE_LIMIT"] = "1000000/second"
            if token_minutes(args) != 15:  # only for very long --duration
                env["KC_ACCESS_TOKEN_MINUTES"] = str(token_minutes(args))
            started = time.monotonic()
            summary = load_dataset(dataset, env, work)
            print(f"  seeded in {time.monotonic() - started:.1f} s: {summary}")
            audit = AuditCheck(database, dataset)
            report.audits.append(audit)
            audit.events_before = _count(audit, url)
            error: BenchError | None = None
            try:
                bench_servers(args, database, dataset, env, work, report, audit)
            except BenchError as exc:
                error = exc  # check the access log all the same: a broken chain matters most
            audit.events_after = _count(audit, url)
            verify = kindcentraal("audit", "verify", env=env, cwd=work)
            audit.verify_output = (verify.stdout + verify.stderr).strip()
            audit.verify_ok = verify.returncode == 0
            print_audit(audit)
            if error is not None:
                raise error
    except DatasetUnavailable as exc:
        message = f"{database}/{dataset} skipped: {exc}"
        print(f"  SKIPPED: {exc}")
        report.skipped.append(message)


def _count(audit: AuditCheck, database_url: str) -> int | None:
    try:
        return count_events(database_url)
    except Exception as exc:  # a missing table or a dead database: report, do not crash
        audit.error = f"counting audit_event failed: {exc}"
        return None


def print_audit(audit: AuditCheck) -> None:
    if audit.error:
        verdict = f"FAIL: {audit.error}"
    elif audit.ok:
        verdict = "OK, events >= 2xx"
    else:
        verdict = "FAIL: fewer events than 2xx responses"
    print(
        f"\n  audit {audit.database}/{audit.dataset}: audit_event rows {audit.events_before} -> "
        f"{audit.events_after} (added {audit.added}); wrk counted {audit.logged_2xx} 2xx on "
        f"the logged endpoints (and {audit.unlogged_2xx} on those that read no child's file and "
        f"are not logged): {verdict}"
    )
    output = audit.verify_output.replace("\n", "\n    ")
    print(f"  kindcentraal audit verify ({'ok' if audit.verify_ok else 'FAILED'}):\n    {output}")


def print_summary(report: Report) -> None:
    print(
        "\n== Results (p50/p99 in ms; ratio = real req/s / bare req/s; cpu busy: all cores, "
        "during the real run)\n"
    )
    if report.rows:
        print(HEADER)
        for row in report.rows:
            print(format_row(row))
    else:
        print("nothing was measured")
    errors = sum(r.real.non_2xx for r in report.rows)
    socket_errors = sum(r.real.socket_errors + r.bare.socket_errors for r in report.rows)
    print(
        f"\nnon-2xx responses (real API, measured runs): {errors}; "
        f"socket errors (both): {socket_errors}"
    )
    for note in report.notes:
        print(f"NOTE: {note}")
    for skipped in report.skipped:
        print(f"SKIPPED: {skipped}")
    for audit in report.audits:
        print_audit(audit)


def write_json(path: Path, args: argparse.Namespace, report: Report) -> None:
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    document: dict[str, Any] = {
        "meta": {
            "at": datetime.now(UTC).isoformat(timespec="seconds"),
            "commit": commit,
            "host": platform.node(),
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "options": {
                k: v for k, v in vars(args).items() if k not in {"json", "signal_received"}
            },
        },
        "results": [
            {
                "database": r.database,
                "dataset": r.dataset,
                "endpoint": r.endpoint,
                "url": r.url,
                "bytes": r.bytes,
                "workers": r.workers,
                "connections": r.connections,
                "real": asdict(r.real),
                "bare": asdict(r.bare),
                "ratio": r.ratio,
            }
            for r in report.rows
        ],
        "audit": [
            {**asdict(a), "events_added": a.added, "ok": a.ok and a.verify_ok}
            for a in report.audits
        ],
        "urls": report.urls,
        "notes": report.notes,
        "skipped": report.skipped,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2) + "\n")
    print(f"\nwrote {path}")


def _list(choices: tuple[str, ...]) -> Any:
    def parse(text: str) -> list[str]:
        values = [v.strip() for v in text.split(",") if v.strip()]
        unknown = [v for v in values if v not in choices]
        if unknown or not values:
            raise argparse.ArgumentTypeError(f"choose from {','.join(choices)}")
        return list(dict.fromkeys(values))

    return parse


def _numbers(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError("a comma-separated list of numbers") from None
    if not values or min(values) < 1:
        raise argparse.ArgumentTypeError("numbers of at least 1")
    return list(dict.fromkeys(values))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=_list(DATABASES), default=list(DATABASES))
    parser.add_argument("--dataset", type=_list(DATASETS), default=None)
    parser.add_argument("--endpoints", type=_list(ENDPOINTS), default=list(ENDPOINTS))
    parser.add_argument("--connections", type=_numbers, default=None, help="default 1,16")
    parser.add_argument("--workers", type=_numbers, default=[1, 2])
    parser.add_argument("--duration", type=int, default=None, help="seconds (default 10)")
    parser.add_argument("--warmup", type=int, default=None, help="seconds (default 2)")
    parser.add_argument(
        "--quick", action="store_true", help="1 s runs, no warm-up, one dataset, 16 connections"
    )
    parser.add_argument("--json", type=Path, default=None, metavar="PATH")
    parser.add_argument("--threads", type=int, default=1, help="wrk threads (default 1)")
    parser.add_argument("--deep-pages", type=int, default=4)
    args = parser.parse_args(argv)
    if args.quick:
        args.connections = args.connections or [16]
        args.duration = 1 if args.duration is None else args.duration
        args.warmup = 0 if args.warmup is None else args.warmup
        if args.dataset is None:
            args.dataset = ["demo"]
        elif len(args.dataset) > 1:
            print(f"--quick: one dataset, {args.dataset[0]}")
            args.dataset = args.dataset[:1]
    args.duration = 10 if args.duration is None else args.duration
    args.warmup = 2 if args.warmup is None else args.warmup
    args.dataset = args.dataset or list(DATASETS)
    args.connections = args.connections or [1, 16]
    if args.duration < 1 or args.warmup < 0:
        parser.error("--duration must be at least 1 and --warmup at least 0 (whole seconds)")
    return args


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk not found: apt-get install -y wrk", file=sys.stderr)
        return 2
    if not (BIN / "uvicorn").exists():
        print(f"{BIN / 'uvicorn'} not found: run `make install` first", file=sys.stderr)
        return 2
    # Ctrl-C even when started with SIGINT ignored (a background job of a script).
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    print(
        f"KindCentraal hot-path bench: db {','.join(args.db)}; dataset "
        f"{','.join(args.dataset)}; workers {args.workers}; connections {args.connections}; "
        f"{args.duration} s per run, {args.warmup} s warm-up; {os.cpu_count()} CPUs "
        f"shared by wrk, the API and the bare app"
    )
    report = Report()
    failed = False
    try:
        with tempfile.TemporaryDirectory(prefix="kc-bench-") as name:
            folder = Path(name)
            for database in args.db:
                for dataset in args.dataset:
                    try:
                        bench_database_dataset(args, database, dataset, folder, report)
                    except BenchError as exc:
                        failed = True
                        print(f"\n  FAILED {database}/{dataset}: {exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("\ninterrupted: servers and temporary files removed", file=sys.stderr)
        return 130
    print_summary(report)
    if args.json:
        write_json(args.json, args, report)
    audit_failed = any(not (a.ok and a.verify_ok) for a in report.audits)
    if audit_failed:
        print("\nFAIL: an access-log check failed (see the audit lines above)", file=sys.stderr)
    return 1 if failed or audit_failed else 0


if __name__ == "__main__":
    sys.exit(main())
