"""Generated histories for the purge's tests: children that left (or not) at some moment,
with the rows each category holds about them, some under a legal hold."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance.models import DailyAttendance
from kindcentraal.audit import service as audit
from kindcentraal.child.models import Child
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.messages.models import Message, MessageThread
from kindcentraal.placement.models import PlacementKind
from kindcentraal.retention.models import LegalHold
from kindcentraal.support.models import (
    NoteKind,
    NoteVisibility,
    Signal,
    SignalCategory,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
)
from tests.backend.factories import World, make_child, make_guardian, make_placement, make_user

# Months ago, kept well away from every default term (12, 24, 60, 240), so that a day's
# difference in month arithmetic never decides an example.
AGES = (1, 30, 70, 250)


@dataclass(frozen=True)
class ChildSpec:
    kind: str  # "pupil", "childcare" or "unplaced"
    left: int | None  # months ago the last placement ended; None: still placed
    closed: int | None  # months ago its trajectory closed; None: no trajectory
    talked: int  # months ago the last message in its thread
    attended: int  # months ago its attendance day
    held: bool


children = st.builds(
    ChildSpec,
    kind=st.sampled_from(("pupil", "childcare", "unplaced")),
    left=st.one_of(st.none(), st.sampled_from(AGES)),
    closed=st.one_of(st.none(), st.sampled_from(AGES)),
    talked=st.sampled_from(AGES),
    attended=st.sampled_from(AGES),
    held=st.booleans(),
)
histories = st.lists(children, min_size=1, max_size=4)
# How far after the history the purge runs: at once, or years later.
later = st.sampled_from((0, 70))


def ago(months: int) -> datetime:
    return datetime.now(UTC) - relativedelta(months=months)


@dataclass
class Built:
    spec: ChildSpec
    child_id: uuid.UUID
    guardian_id: uuid.UUID
    thread_id: uuid.UUID
    signal_id: uuid.UUID
    trajectory_id: uuid.UUID | None
    attendance_id: uuid.UUID


async def build(session: AsyncSession, world: World, spec: ChildSpec, n: int) -> Built:
    child = await make_child(session, world.centre, given_name="Kim", family_name=f"Kind{n}")
    if spec.kind != "unplaced":
        organisation = world.school if spec.kind == "pupil" else world.childcare
        kind = PlacementKind.SCHOOL if spec.kind == "pupil" else PlacementKind.DAYCARE
        end = ago(spec.left).date() if spec.left is not None else None
        start = (end or date.today()) - timedelta(days=700)
        await make_placement(
            session, child, organisation, kind=kind, start_date=start, end_date=end
        )
    parent = await make_user(session, world.tenant, name=f"Ouder {n}")
    await make_guardian(session, child, parent)
    signal = Signal(
        tenant_id=world.tenant.id,
        child_id=child.id,
        author_id=world.teacher.id,
        category=SignalCategory.LANGUAGE_SPEECH,
        description="Praat weinig in de kring",
        created_at=ago(spec.attended),
    )
    thread = MessageThread(
        tenant_id=world.tenant.id,
        child_id=child.id,
        subject="Vraag over de opvang",
        created_by_id=parent.id,
        last_message_at=ago(spec.talked),
    )
    session.add_all([signal, thread])
    await session.flush()
    asked = ago(spec.talked) - timedelta(hours=5)
    session.add_all(
        [
            Message(
                tenant_id=world.tenant.id,
                thread_id=thread.id,
                author_id=parent.id,
                text="Mag Kim eerder opgehaald worden?",
                created_at=asked,
            ),
            Message(
                tenant_id=world.tenant.id,
                thread_id=thread.id,
                author_id=world.teacher.id,
                text="Ja, dat is goed.",
                created_at=ago(spec.talked),
            ),
            Consent(
                tenant_id=world.tenant.id,
                child_id=child.id,
                organisation_id=world.care.id,
                purpose=ConsentPurpose.CARE_TEAM,
                given_by_id=parent.id,
                given_at=ago(spec.attended),
                note="Mondeling gegeven",
            ),
        ]
    )
    trajectory_id = None
    if spec.closed is not None:
        closed_at = ago(spec.closed)
        trajectory = SupportTrajectory(
            tenant_id=world.tenant.id,
            child_id=child.id,
            type=TrajectoryType.LOGOPEDIE,
            organisation_id=world.care.id,
            requested_by_id=world.teacher.id,
            reason="Spraakontwikkeling blijft achter",
            location=TrajectoryLocation.IN_CENTRE,
            status=TrajectoryStatus.CLOSED,
            requested_at=closed_at - timedelta(days=120),
            intake_at=closed_at - timedelta(days=110),
            started_at=closed_at - timedelta(days=100),
            closed_at=closed_at,
            outcome=TrajectoryOutcome.GOALS_REACHED,
        )
        session.add(trajectory)
        await session.flush()
        session.add(
            TrajectoryNote(
                tenant_id=world.tenant.id,
                trajectory_id=trajectory.id,
                author_id=world.logopedist.id,
                kind=NoteKind.TEAM_MEETING,
                visibility=NoteVisibility.TEAM,
                text="MDO met ouders en leerkracht",
                created_at=closed_at - timedelta(days=50),
            )
        )
        trajectory_id = trajectory.id
    attendance = DailyAttendance(
        tenant_id=world.tenant.id,
        child_id=child.id,
        organisation_id=world.school.id,
        day=ago(spec.attended).date(),
        recorded_by_id=world.teacher.id,
    )
    session.add(attendance)
    if spec.held:
        session.add(
            LegalHold(
                tenant_id=world.tenant.id,
                child_id=child.id,
                reason="Zaak 12",
                set_by_id=world.centre_admin.id,
                set_at=datetime.now(UTC),
            )
        )
    await session.flush()
    await audit.write_events(
        session,
        audit.build_event(
            audit.Actor(tenant_id=world.tenant.id, user_id=world.teacher.id, role="staff"),
            resource="child",
            action="read",
            child_ids=[child.id],
        ),
    )
    await audit.seal_tenant(session, world.tenant.id)
    return Built(spec, child.id, parent.id, thread.id, signal.id, trajectory_id, attendance.id)


# Tables whose rows the tests compare before and after a purge.
SNAPSHOT_TABLES = (
    "child",
    "guardian",
    "user_account",
    "signal",
    "message_thread",
    "message",
    "consent",
    "support_trajectory",
    "trajectory_note",
    "daily_attendance",
    "legal_hold",
    "audit_event",
    "audit_seal",
)


async def snapshot(session: AsyncSession) -> dict[str, dict[Any, tuple[Any, ...]]]:
    """Every row of the compared tables, by primary key."""
    from kindcentraal.db import Base

    found: dict[str, dict[Any, tuple[Any, ...]]] = {}
    for name in SNAPSHOT_TABLES:
        table = Base.metadata.tables[name]
        key = next(iter(table.primary_key.columns))
        rows = (await session.execute(select(table))).all()
        found[name] = {row._mapping[key.name]: tuple(row) for row in rows}
    return found


def rows_of_child(shot: dict[str, dict[Any, tuple[Any, ...]]], built: Built) -> dict[str, Any]:
    """The rows a test follows for one child, as they were in a snapshot."""
    return {
        "child": shot["child"].get(built.child_id),
        "guardian_account": shot["user_account"].get(built.guardian_id),
        "thread": shot["message_thread"].get(built.thread_id),
        "messages": sorted(
            (
                r
                for r in shot["message"].values()
                if r[_column("message", "thread_id")] == built.thread_id
            ),
            key=repr,
        ),
        "signal": shot["signal"].get(built.signal_id),
        "trajectory": shot["support_trajectory"].get(built.trajectory_id),
        "attendance": shot["daily_attendance"].get(built.attendance_id),
    }


def _column(table: str, name: str) -> int:
    from kindcentraal.db import Base

    return list(Base.metadata.tables[table].columns.keys()).index(name)


def value(row: tuple[Any, ...] | None, table: str, name: str) -> Any:
    assert row is not None
    return row[_column(table, name)]


@asynccontextmanager
async def savepoint(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """The purge's transactions, as savepoints of the test's transaction."""
    async with session.begin_nested():
        yield session


async def names(session: AsyncSession, child_id: uuid.UUID) -> tuple[str, str]:
    row = (
        await session.execute(
            select(Child.given_name, Child.family_name).where(Child.id == child_id)
        )
    ).one()
    return row[0], row[1]
