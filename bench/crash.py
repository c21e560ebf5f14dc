"""Crash test on PostgreSQL: every acknowledged write survives the database server being killed.

Usage
-----
    make crash-test
    .venv/bin/python bench/crash.py --clients 4 --rate 200 --kills 5 --interval 3

    --clients N         writer processes (default 4)
    --rate N            writes per second of all clients together (default 200)
    --message-every N   every Nth write is a message through the service layer (default 20;
                        the others are absences with their event, a fifth of a message's CPU)
    --kills N           times the server is killed with SIGKILL and restarted (default 5)
    --interval S        seconds of writing between kills (default 3)
    --json PATH         also write the figures as JSON

What happens
------------
A throwaway PostgreSQL cluster (initdb, production-like durability: fsync, full_page_writes and
synchronous_commit on), migrated and seeded with the demo. N writer processes
(`python -m kindcentraal.backup.writer write --direct`) each act as a demo guardian: each write
is one unit of work holding an absence and its access-log event (the app's models and audit
service, without the permission lookups), and every `--message-every`-th write is a message
sent through the messages service (with its event); the writers seal the access log as the
API does. A write counts
as acknowledged once its commit returned; its id is appended to the client's file at once.
Meanwhile the server (the postmaster and every backend) is killed with SIGKILL, `--kills`
times, and restarted with `pg_ctl start` (crash recovery replays the WAL). The writers retry
through every outage. Afterwards: every acknowledged id is looked up (lost = acknowledged but
absent; must be 0) and `kindcentraal audit verify` runs. Exit 1 on any loss or a broken log.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PR_SET_CHILD_SUBREAPER = 36
BIN = ROOT / ".venv" / "bin"


def _bindir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise SystemExit("PostgreSQL is not installed (apt-get install postgresql)")
    return Path(initdb).parent


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Cluster:
    def __init__(self, root: Path) -> None:
        self.bindir = _bindir()
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        root.mkdir(parents=True)
        root.parent.chmod(0o755)  # the postgres user reaches its folder through ours
        if os.geteuid() == 0:
            pg = pwd.getpwnam("postgres")
            os.chown(root, pg.pw_uid, pg.pw_gid)
        root.chmod(0o755)
        subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "--auth=trust",
                    "-E",
                    "UTF8",
                ]
            ),
            check=True,
            stdout=subprocess.DEVNULL,
        )

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/kindcentraal"

    def start(self) -> float:
        """Start (after a crash: recover); answers the seconds until it accepts connections."""
        started = time.perf_counter()
        options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} -c fsync=on "
            "-c synchronous_commit=on -c full_page_writes=on"
        )
        started_server = subprocess.run(
            _as_postgres(
                [
                    str(self.bindir / "pg_ctl"),
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.root / "pg.log"),
                    "-o",
                    options,
                    "-w",
                    "-t",
                    "120",
                    "start",
                ]
            ),
            check=False,
            capture_output=True,
            text=True,
        )
        if started_server.returncode != 0:
            # After a crash pg_ctl warns that the old pid file is still there; only a failed
            # start matters.
            log = (self.root / "pg.log").read_text(errors="replace")[-2000:]
            raise SystemExit(f"PostgreSQL did not start:\n{started_server.stderr}\n{log}")
        return time.perf_counter() - started

    def kill(self) -> int:
        """SIGKILL the postmaster and every process it started, at once; answers how many."""
        postmaster = int((self.data / "postmaster.pid").read_text().split()[0])
        victims = [postmaster, *_children(postmaster)]
        for pid in victims:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        # The killed processes are our children (we are their subreaper): reap them, or the
        # postmaster's zombie would still hold its pid file and the restart would refuse.
        for pid in victims:
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
        deadline = time.monotonic() + 30
        while any(_alive(pid) for pid in victims):
            if time.monotonic() > deadline:
                raise SystemExit("PostgreSQL processes survived SIGKILL")
            time.sleep(0.01)
        return len(victims)

    def stop(self) -> None:
        subprocess.run(
            _as_postgres([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "stop"]),
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def _children(parent: int) -> list[int]:
    found = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            found.append(int(stat.split("/")[2]))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kindcentraal(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(BIN / "kindcentraal"), *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def _lines(path: Path) -> int:
    return path.read_text().count("\n") if path.exists() else 0


def _become_subreaper() -> None:
    """Orphans (the postmaster once pg_ctl exits) are reparented to this process, not to PID 1
    (which in a container may never reap them)."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise SystemExit("prctl(PR_SET_CHILD_SUBREAPER) failed: Linux only")


def crash_test(
    *, clients: int, rate: float, message_every: int, kills: int, interval: float, work: Path
) -> dict[str, object]:
    _become_subreaper()
    cluster = Cluster(work / "pg")
    cluster.start()
    try:
        subprocess.run(
            [
                str(cluster.bindir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(cluster.port),
                "-U",
                "postgres",
                "kindcentraal",
            ],
            check=True,
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("KC_")}
        env.update(
            KC_DATABASE_URL=cluster.url,
            KC_SECRET_KEY="crash-test-" + "k" * 40,
            KC_ENV="development",
        )
        for args in (("db", "upgrade"), ("seed", "demo")):
            done = _kindcentraal(*args, env=env)
            if done.returncode != 0:
                raise SystemExit(f"kindcentraal {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        print(
            f"PostgreSQL at port {cluster.port}, demo seeded; {clients} clients, {rate:g} writes/s"
        )

        acks = [work / f"acks-{n}" for n in range(clients)]
        writers = [
            subprocess.Popen(
                [
                    str(BIN / "python"),
                    "-m",
                    "kindcentraal.backup.writer",
                    "write",
                    f"--database-url={cluster.url}",
                    f"--rate={rate / clients}",
                    f"--client={n}",
                    f"--message-every={message_every}",
                    "--direct",
                    f"--acks={acks[n]}",
                ],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=(work / f"writer-{n}.log").open("w"),
                text=True,
            )
            for n in range(clients)
        ]
        try:
            while any(_lines(path) < 5 for path in acks):
                if any(w.poll() is not None for w in writers):
                    raise SystemExit("a writer stopped; see " + str(work))
                time.sleep(0.05)
            started = time.perf_counter()
            recoveries = []
            for kill in range(1, kills + 1):
                time.sleep(interval)
                before = sum(_lines(path) for path in acks)
                killed = cluster.kill()
                recovery = cluster.start()
                recoveries.append(recovery)
                print(
                    f"kill {kill}: SIGKILL to {killed} PostgreSQL processes after {before} "
                    f"acknowledged writes; back in {recovery:.2f} s"
                )
            time.sleep(interval)
            for writer in writers:
                writer.send_signal(signal.SIGTERM)
            counts = [
                json.loads((w.communicate(timeout=60)[0] or "{}").strip() or "{}") for w in writers
            ]
            seconds = time.perf_counter() - started

        finally:
            for writer in writers:
                if writer.poll() is None:
                    writer.kill()
                    writer.wait()

        all_acks = work / "acks"
        all_acks.write_text("".join(path.read_text() for path in acks))
        check = subprocess.run(
            [
                str(BIN / "python"),
                "-m",
                "kindcentraal.backup.writer",
                "check",
                f"--database-url={cluster.url}",
                f"--acks={all_acks}",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
        checked = json.loads(check.stdout.strip().splitlines()[-1])
        verify = _kindcentraal("audit", "verify", env=env)
        print(verify.stdout.strip() or verify.stderr.strip())
        acknowledged = int(checked["acknowledged"])
        return {
            "clients": clients,
            "target_rate": rate,
            "message_every": message_every,
            "kills": kills,
            "seconds": round(seconds, 1),
            "acknowledged": acknowledged,
            "lost": int(checked["lost"]),
            "achieved_rate": round(acknowledged / seconds, 1),
            # Outages excluded: the time from each restart to the next kill.
            "rate_while_up": round(acknowledged / max(seconds - sum(recoveries), 0.1), 1),
            "failed_attempts": sum(int(c.get("failed", 0)) for c in counts),
            "sealed_events": sum(int(c.get("sealed", 0)) for c in counts),
            "recovery_seconds": [round(r, 2) for r in recoveries],
            "access_log_verifies": verify.returncode == 0,
        }
    finally:
        cluster.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--rate", type=float, default=200.0)
    parser.add_argument("--message-every", type=int, default=20)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--interval", type=float, default=3.0)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kc-crash-") as folder:
        figures = crash_test(
            clients=args.clients,
            rate=args.rate,
            message_every=args.message_every,
            kills=args.kills,
            interval=args.interval,
            work=Path(folder),
        )
    print(
        f"Crash test: {figures['acknowledged']} writes acknowledged "
        f"({figures['achieved_rate']}/s over {figures['seconds']} s with {figures['kills']} "
        f"SIGKILLs, {figures['rate_while_up']}/s while up), "
        f"{figures['lost']} lost; {figures['failed_attempts']} attempts failed during the outages "
        f"(not acknowledged); access log verifies: "
        f"{'yes' if figures['access_log_verifies'] else 'NO'}"
    )
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    ok = figures["lost"] == 0 and figures["access_log_verifies"]
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
