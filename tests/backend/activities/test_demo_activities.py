"""The demo's after-school activities are what the demo promises: twelve activities of four
partners, places never past capacity, full ones with a first-come waiting list, attendance
for the past sessions, sessions that never double-book a room, and the demo parent's children
with a day of school, their activity and after-school care."""

import uuid
from collections import Counter
from datetime import datetime, time
from itertools import pairwise

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.activities.models import (
    Activity,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
    SessionAttendanceStatus,
)
from kindcentraal.organisation.models import Organisation
from kindcentraal.rooms.models import Booking, BookingStatus
from kindcentraal.rooms.recurrence import AMSTERDAM, local_today
from kindcentraal.seed.demo import DEMO_PASSWORD, seed

KINDS = ("school", "activity", "out_of_school_care")


async def _login(client: httpx.AsyncClient, email: str) -> dict[str, str]:
    login = await client.post("/auth/token", data={"username": email, "password": DEMO_PASSWORD})
    assert login.status_code == 200, email
    return {"Authorization": f"Bearer {login.json()['access_token']}"}


async def test_demo_activities_capacity_waiting_lists_attendance_and_rooms(
    session: AsyncSession,
) -> None:
    counts = await seed(session)
    activities = list(await session.scalars(select(Activity)))
    assert len(activities) == counts["activities"] == 12
    assert {a.category.value for a in activities} >= {
        "sport",
        "culture",
        "media",
        "welfare",
        "study_support",
        "nature",
    }
    assert all(a.min_age is not None and a.max_age is not None for a in activities)
    providers = set(
        await session.scalars(
            select(Organisation.name).where(
                Organisation.id.in_({a.organisation_id for a in activities})
            )
        )
    )
    assert providers == {
        "Bibliotheek Huizen",
        "Sportvereniging Huizen",
        "Muziekschool Gooi",
        "Welzijn Huizen",
    }

    full = 0
    for a in activities:
        rows = list(
            await session.scalars(
                select(Enrolment)
                .where(Enrolment.activity_id == a.id)
                .order_by(Enrolment.requested_at, Enrolment.id)
            )
        )
        enrolled = [e for e in rows if e.status == EnrolmentStatus.ENROLLED]
        waiting = [e for e in rows if e.status == EnrolmentStatus.WAITLISTED]
        assert 0 < len(enrolled) <= a.capacity, a.title
        if waiting:
            # Nobody waits while a place is free, and whoever waits asked after everyone
            # who has a place: first come, first served.
            assert len(enrolled) == a.capacity, a.title
            assert 2 <= len(waiting) <= 4, a.title
            assert max(e.requested_at for e in enrolled) < min(e.requested_at for e in waiting)
            full += 1
        sessions = list(
            await session.scalars(
                select(ActivitySession).where(ActivitySession.activity_id == a.id)
            )
        )
        assert 30 <= len(sessions) <= 40, a.title
        # Weekly, after school, on one weekday.
        local = [s.starts_at.astimezone(AMSTERDAM) for s in sessions]
        assert len({m.weekday() for m in local}) == 1 and local[0].weekday() < 5
        assert all(time(15, 0) <= m.time() <= time(16, 15) for m in local), a.title
    assert full >= 2

    # Every session is a confirmed booking of the activity's organisation, with its id.
    unlinked = await session.scalar(
        select(func.count())
        .select_from(ActivitySession)
        .join(Booking, Booking.id == ActivitySession.booking_id, isouter=True)
        .join(Activity, Activity.id == ActivitySession.activity_id)
        .where(
            (Booking.id.is_(None))
            | (Booking.activity_id != ActivitySession.activity_id)
            | (Booking.organisation_id != Activity.organisation_id)
            | (Booking.status != BookingStatus.CONFIRMED)
            | (Booking.starts_at != ActivitySession.starts_at)
            | (Booking.room_id != ActivitySession.room_id)
        )
    )
    assert unlinked == 0
    # No session booking overlaps another confirmed booking of its room.
    other = aliased(Booking)
    overlap = await session.scalar(
        select(Booking.id)
        .join(other, (other.room_id == Booking.room_id) & (other.id != Booking.id))
        .where(
            Booking.activity_id.is_not(None),
            Booking.status == BookingStatus.CONFIRMED,
            other.status == BookingStatus.CONFIRMED,
            Booking.starts_at < other.ends_at,
            Booking.ends_at > other.starts_at,
        )
        .limit(1)
    )
    assert overlap is None

    # Attendance only for sessions before today, of children enrolled then; mostly present.
    today = datetime.combine(local_today(), time(0), tzinfo=AMSTERDAM)
    marks = (
        await session.execute(
            select(SessionAttendance.status, ActivitySession.starts_at).join(
                ActivitySession, ActivitySession.id == SessionAttendance.session_id
            )
        )
    ).all()
    past = await session.scalar(
        select(func.count()).select_from(ActivitySession).where(ActivitySession.starts_at < today)
    )
    assert all(starts < today for _, starts in marks)
    if past:
        statuses = Counter(status for status, _ in marks)
        assert statuses[SessionAttendanceStatus.PRESENT] > 0.75 * len(marks)


async def test_the_demo_parents_children_have_school_their_activity_and_bso(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    await seed(session, history=False)
    parent = await _login(client, "ouder@regenboog.demo")
    children = (await client.get("/children", headers=parent)).json()["items"]
    assert len(children) == 2
    catalogue = await client.get("/activities", headers=parent)
    assert catalogue.status_code == 200 and len(catalogue.json()) == 12
    midnight = datetime.combine(local_today(), time(0), tzinfo=AMSTERDAM)
    for child in children:
        child_id = uuid.UUID(child["id"])
        (enrolment,) = await session.scalars(
            select(Enrolment).where(
                Enrolment.child_id == child_id, Enrolment.status != EnrolmentStatus.CANCELLED
            )
        )
        assert enrolment.status == EnrolmentStatus.ENROLLED
        meetings = select(ActivitySession.starts_at).where(
            ActivitySession.activity_id == enrolment.activity_id
        )
        # The next day the activity meets (the last one, once the school year is over).
        starts = await session.scalar(
            meetings.where(ActivitySession.starts_at >= midnight).order_by(
                ActivitySession.starts_at
            )
        ) or await session.scalar(meetings.order_by(ActivitySession.starts_at.desc()))
        assert starts is not None
        day = starts.astimezone(AMSTERDAM).date()
        response = await client.get(
            f"/children/{child_id}/day", headers=parent, params={"date": day.isoformat()}
        )
        assert response.status_code == 200, response.text
        entries = [e for e in response.json()["entries"] if e["kind"] in KINDS]
        assert [e["kind"] for e in entries] == list(KINDS), entries
        moments = [(e["startsAt"], e["endsAt"]) for e in entries]
        assert moments == sorted(moments)
        # The activity after school, BSO after the activity.
        for before, after in pairwise(entries):
            assert datetime.fromisoformat(before["endsAt"]) <= datetime.fromisoformat(
                after["startsAt"]
            ), (before, after)
        activity = entries[1]
        assert activity["activityId"] == str(enrolment.activity_id)
        assert activity["where"]["name"]


async def test_the_music_school_account(client: httpx.AsyncClient, session: AsyncSession) -> None:
    await seed(session, history=False)
    music = await _login(client, "muziek@regenboog.demo")
    me = (await client.get("/me", headers=music)).json()
    assert me["roles"] == ["staff"]
    own = [
        a
        for a in (await client.get("/activities", headers=music)).json()
        if a["organisationName"] == "Muziekschool Gooi"
    ]
    assert len(own) == 3
    enrolled = await client.get(f"/activities/{own[0]['id']}/enrolments", headers=music)
    assert enrolled.status_code == 200 and enrolled.json()
