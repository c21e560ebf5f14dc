"""Participation in the centre's activities: who takes part, by category and age band.

Counts of 1 to 9 children are suppressed (null, `suppressed: true`), and so is every rate
worked out from them: a small group can point at a child.
"""

import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import (
    Activity,
    ActivityCategory,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
    SessionAttendanceStatus,
)
from kindcentraal.activities.schemas import (
    ActivityParticipation,
    CategoryParticipation,
    Count,
    ParticipationReport,
)
from kindcentraal.activities.service import age_on
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.child.models import Child
from kindcentraal.errors import InvalidInput, NotFound
from kindcentraal.rooms import policy as rooms_policy
from kindcentraal.rooms.recurrence import local_days

SMALLEST_SHOWN = 10
AGE_BANDS = (("0-3", 0, 3), ("4-6", 4, 6), ("7-9", 7, 9), ("10-13", 10, 13))
MAX_DAYS = 400


def count(value: int) -> Count:
    if 0 < value < SMALLEST_SHOWN:
        return Count(value=None, suppressed=True)
    return Count(value=value, suppressed=False)


def _band(age: int) -> str:
    for name, low, high in AGE_BANDS:
        if low <= age <= high:
            return name
    return AGE_BANDS[-1][0] if age > AGE_BANDS[-1][2] else AGE_BANDS[0][0]


def _bands(children: set[uuid.UUID], ages: dict[uuid.UUID, int]) -> dict[str, Count]:
    totals = dict.fromkeys((name for name, _, _ in AGE_BANDS), 0)
    for child_id in children:
        totals[_band(ages[child_id])] += 1
    return {name: count(value) for name, value in totals.items()}


def _rate(present: int, marked: int, children: int) -> float | None:
    if not marked or children < SMALLEST_SHOWN:
        return None
    return round(present / marked, 3)


async def _ensure_may_read(
    session: AsyncSession, principal: Principal, centre_id: uuid.UUID
) -> None:
    if centre_id not in await rooms_policy.visible_centre_ids(session, principal):
        raise NotFound("centre")
    await rooms_policy.ensure_reads_centre_figures(session, principal, centre_id)


async def participation(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID, start: date, end: date
) -> ParticipationReport:
    if end < start or (end - start).days > MAX_DAYS:
        raise InvalidInput.field(
            "to",
            "invalidPeriod",
            f"`to` is on or after `from`, at most {MAX_DAYS} days on.",
            "query",
        )
    await _ensure_may_read(session, principal, centre_id)
    await audit.record_statistics_read(session, principal, resource="participation-report")
    tenant = principal.tenant_id
    first, after = local_days(start, end)

    in_period = (
        select(ActivitySession.activity_id)
        .where(
            ActivitySession.tenant_id == tenant,
            ActivitySession.starts_at < after,
            ActivitySession.ends_at > first,
        )
        .distinct()
    )
    activities = list(
        await session.scalars(
            select(Activity)
            .where(
                Activity.tenant_id == tenant,
                Activity.centre_id == centre_id,
                Activity.id.in_(in_period),
            )
            .order_by(Activity.title, Activity.id)
        )
    )
    ids = [a.id for a in activities]
    enrolled: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    waiting: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    ages: dict[uuid.UUID, int] = {}
    if ids:
        for activity_id, child_id, status, born in (
            await session.execute(
                select(
                    Enrolment.activity_id, Enrolment.child_id, Enrolment.status, Child.date_of_birth
                )
                .join(Child, Child.id == Enrolment.child_id)
                .where(
                    Enrolment.activity_id.in_(ids),
                    Enrolment.status != EnrolmentStatus.CANCELLED,
                )
            )
        ).all():
            ages[child_id] = age_on(born, start)
            (enrolled if status == EnrolmentStatus.ENROLLED else waiting)[activity_id].add(child_id)
    marks: dict[uuid.UUID, list[int]] = defaultdict(lambda: [0, 0])
    if ids:
        for activity_id, mark, number in (
            await session.execute(
                select(ActivitySession.activity_id, SessionAttendance.status, func.count())
                .join(ActivitySession, ActivitySession.id == SessionAttendance.session_id)
                .where(
                    ActivitySession.activity_id.in_(ids),
                    ActivitySession.starts_at < after,
                    ActivitySession.ends_at > first,
                )
                .group_by(ActivitySession.activity_id, SessionAttendance.status)
            )
        ).all():
            marks[activity_id][1] += number
            if mark == SessionAttendanceStatus.PRESENT:
                marks[activity_id][0] += number

    rows = []
    per_category: dict[ActivityCategory, set[uuid.UUID]] = defaultdict(set)
    for activity in activities:
        children = enrolled[activity.id]
        per_category[activity.category] |= children
        present, marked = marks[activity.id]
        rows.append(
            ActivityParticipation(
                activity_id=activity.id,
                title=activity.title,
                category=activity.category,
                participants=count(len(children)),
                by_age_band=_bands(children, ages),
                waitlisted=count(len(waiting[activity.id])),
                attendance_rate=_rate(present, marked, len(children)),
            )
        )
    taking_part = set().union(*enrolled.values()) if enrolled else set()
    centre_children = (
        await session.scalar(
            select(func.count()).where(Child.tenant_id == tenant, Child.centre_id == centre_id)
        )
    ) or 0
    present = sum(m[0] for m in marks.values())
    marked = sum(m[1] for m in marks.values())
    return ParticipationReport(
        centre_id=centre_id,
        from_=start,
        to=end,
        children=centre_children,
        participants=count(len(taking_part)),
        share_participating=(
            round(len(taking_part) / centre_children, 3)
            if centre_children and len(taking_part) >= SMALLEST_SHOWN
            else None
        ),
        attendance_rate=_rate(present, marked, len(taking_part)),
        waitlisted=count(len(set().union(*waiting.values()) if waiting else set())),
        activities=rows,
        categories=[
            CategoryParticipation(
                category=category,
                participants=count(len(children)),
                by_age_band=_bands(children, ages),
            )
            for category, children in sorted(per_category.items())
        ],
    )
