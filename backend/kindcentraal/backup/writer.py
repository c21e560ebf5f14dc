"""A steady writer for the restore drill and the crash test: a demo guardian reports absences
and, every few writes, sends a message to the child's contact person (with its access-log
event), each through the service layer in its own unit of work, as the API does; the access
log is sealed as it goes. Every write whose commit returned is appended to an acknowledgement
file as `<table> <id>`.

    python -m kindcentraal.backup.writer write --database-url URL --rate 50 --acks FILE
    python -m kindcentraal.backup.writer check --database-url URL --acks FILE [--first N]

`write` runs until SIGTERM/SIGINT (or --seconds), then prints one JSON line of counts; `check`
prints how many acknowledged writes the database lacks, and fails if any.
"""

import argparse
import asyncio
import json
import logging
import signal
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from kindcentraal.attendance import service as attendance_service
from kindcentraal.attendance.schemas import AbsenceCreate
from kindcentraal.audit import service as audit
from kindcentraal.audit.writer import seal_all
from kindcentraal.auth.principal import Principal
from kindcentraal.db import Database, unit_of_work
from kindcentraal.messages import service as message_service
from kindcentraal.messages.schemas import MessageCreate, ThreadCreate
from kindcentraal.rooms.recurrence import local_today

SEAL_EVERY_SECONDS = 0.5
RETRY_AFTER_SECONDS = 0.1


@dataclass(frozen=True)
class Family:
    principal: Principal
    child_id: uuid.UUID


async def families(database: Database, count: int) -> list[Family]:
    """Guardians with parental authority of children with a contact person: they may write."""
    from kindcentraal.child.models import Child, Guardian

    async with database.sessionmaker() as session:
        rows = (
            await session.execute(
                select(Guardian.tenant_id, Guardian.user_id, Guardian.child_id)
                .join(Child, Child.id == Guardian.child_id)
                .where(
                    Guardian.has_parental_authority.is_(True), Child.contact_person_id.is_not(None)
                )
                .order_by(Guardian.id)
                .limit(count)
            )
        ).all()
    if not rows:
        raise SystemExit("no guardian with parental authority: seed the demo first")
    return [
        Family(Principal(user_id=user, tenant_id=tenant, session_id=uuid.uuid4()), child)
        for tenant, user, child in rows
    ]


async def open_thread(database: Database, family: Family) -> uuid.UUID:
    data = ThreadCreate.model_validate({"subject": "Hersteloefening", "text": "Begin."})
    async with database.sessionmaker() as session, unit_of_work(session):
        thread = await message_service.open_thread(
            session, family.principal, child_id=family.child_id, data=data
        )
    return thread.id


async def post_message(database: Database, family: Family, thread_id: uuid.UUID) -> uuid.UUID:
    """One message; returns once its unit of work (with its access-log event) committed."""
    data = MessageCreate.model_validate({"text": "Oefenbericht."})
    async with database.sessionmaker() as session, unit_of_work(session):
        message = await message_service.post_message(
            session, family.principal, thread_id=thread_id, data=data
        )
    return message.id


async def record_absence(database: Database, family: Family) -> uuid.UUID:
    """The lean write of the crash test: an absence row and its access-log event in one unit of
    work, through the app's models and audit service but without the permission lookups, so a
    few processes reach hundreds of writes a second (every write then seals into the log)."""
    from kindcentraal.attendance.models import Absence, AbsenceReason

    today = local_today()
    async with database.sessionmaker() as session, unit_of_work(session):
        absence = Absence(
            tenant_id=family.principal.tenant_id,
            child_id=family.child_id,
            from_date=today,
            to_date=today,
            reason=AbsenceReason.ILL,
            reported_by_id=family.principal.user_id,
        )
        session.add(absence)
        await audit.record(
            session,
            audit.actor_of(family.principal),
            resource="absence",
            action="create",
            child_ids=[family.child_id],
            basis="guardian",
        )
        await session.flush()
        absence_id = absence.id
    return absence_id


async def report_absence(database: Database, family: Family) -> uuid.UUID:
    """One absence report; returns once its unit of work has committed."""
    today = local_today()
    data = AbsenceCreate.model_validate({"from": today, "to": today, "reason": "ill"})
    async with database.sessionmaker() as session, unit_of_work(session):
        absence = await attendance_service.report_absence(
            session, family.principal, child_id=family.child_id, data=data
        )
    return absence.id


@dataclass
class Counts:
    acknowledged: int = 0
    failed: int = 0
    sealed: int = 0
    seal_failures: int = 0


async def _write(
    database: Database,
    family: Family,
    thread_id: uuid.UUID,
    rate: float,
    message_every: int,
    direct: bool,
    acks: TextIO,
    counts: Counts,
    stop: asyncio.Event,
) -> None:
    interval = 1 / rate
    due = time.monotonic()
    turn = 0
    while not stop.is_set():
        turn += 1
        message = message_every > 0 and turn % message_every == 0
        try:
            if message:
                table, written = "message", await post_message(database, family, thread_id)
            elif direct:
                table, written = "absence", await record_absence(database, family)
            else:
                table, written = "absence", await report_absence(database, family)
        except Exception:  # the database went away: not acknowledged, try the next one
            counts.failed += 1
            await asyncio.sleep(RETRY_AFTER_SECONDS)
            continue
        acks.write(f"{table} {written}\n")
        acks.flush()
        counts.acknowledged += 1
        due = max(due + interval, time.monotonic() - 1)
        await asyncio.sleep(max(0.0, due - time.monotonic()))


async def _seal(database: Database, counts: Counts, stop: asyncio.Event) -> None:
    while not stop.is_set():
        try:
            counts.sealed += await seal_all(database.sessionmaker)
        except Exception:
            counts.seal_failures += 1
        await asyncio.sleep(SEAL_EVERY_SECONDS)


async def run(
    database_url: str,
    *,
    rate: float,
    message_every: int,
    direct: bool = False,
    acks: Path,
    client: int,
    seconds: float | None,
) -> Counts:
    database = Database(database_url)
    counts = Counts()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    if seconds is not None:
        loop.call_later(seconds, stop.set)
    try:
        family = (await families(database, client + 1))[-1]
        thread_id = await open_thread(database, family)
        with acks.open("a") as stream:
            await asyncio.gather(
                _write(
                    database, family, thread_id, rate, message_every, direct, stream, counts, stop
                ),
                _seal(database, counts, stop),
            )
    finally:
        await database.dispose()
    return counts


def acknowledged(acks: Path, *, first: int | None = None) -> list[tuple[str, str]]:
    """The acknowledged writes (the first `first`, or all), as (table, id)."""
    lines = acks.read_text().split()
    return list(zip(lines[::2], lines[1::2], strict=True))[:first]


async def missing(database_url: str, pairs: list[tuple[str, str]]) -> int:
    """How many of the acknowledged writes the database does not hold."""
    from kindcentraal.attendance.models import Absence
    from kindcentraal.messages.models import Message

    wanted: dict[str, set[uuid.UUID]] = {"absence": set(), "message": set()}
    for table, written in pairs:
        wanted[table].add(uuid.UUID(written))
    database = Database(database_url)
    lost = 0
    try:
        async with database.sessionmaker() as session:
            for model, ids in ((Absence, wanted["absence"]), (Message, wanted["message"])):
                found: set[uuid.UUID] = set()
                batch = sorted(ids)
                for start in range(0, len(batch), 500):
                    chunk = batch[start : start + 500]
                    found.update(
                        (await session.scalars(select(model.id).where(model.id.in_(chunk)))).all()
                    )
                lost += len(ids - found)
    finally:
        await database.dispose()
    return lost


def _async_url(url: str) -> str:
    from kindcentraal.config import Settings

    return Settings(_env_file=None, database_url=url).async_database_url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    write = commands.add_parser("write", help="Write until stopped.")
    write.add_argument("--database-url", required=True)
    write.add_argument("--rate", type=float, default=50.0, help="Writes per second.")
    write.add_argument(
        "--message-every", type=int, default=5, help="Every Nth write is a message (0: none)."
    )
    write.add_argument(
        "--direct",
        action="store_true",
        help="Absences as a row and its access-log event in a unit of work, without the "
        "service's permission lookups (the crash test's lean write).",
    )
    write.add_argument("--acks", type=Path, required=True, help="Acknowledged ids go here.")
    write.add_argument("--client", type=int, default=0, help="Which demo family writes.")
    write.add_argument("--seconds", type=float, default=None)
    write.add_argument("--after", type=Path, default=None, help="Wait for this file first.")
    check = commands.add_parser("check", help="Are the acknowledged writes in the database?")
    check.add_argument("--database-url", required=True)
    check.add_argument("--acks", type=Path, required=True)
    check.add_argument("--first", type=int, default=None, help="Only the first N writes.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    url = _async_url(args.database_url)
    if args.command == "check":
        pairs = acknowledged(args.acks, first=args.first)
        lost = asyncio.run(missing(url, pairs))
        print(json.dumps({"acknowledged": len(pairs), "lost": lost}), flush=True)
        raise SystemExit(1 if lost else 0)
    # Started early (its imports overlap the seeding), it touches the database only once the
    # demo is in.
    while args.after is not None and not args.after.exists():
        time.sleep(0.05)
    counts = asyncio.run(
        run(
            url,
            rate=args.rate,
            message_every=args.message_every,
            direct=args.direct,
            acks=args.acks,
            client=args.client,
            seconds=args.seconds,
        )
    )
    print(json.dumps(counts.__dict__), flush=True)


if __name__ == "__main__":
    main()
