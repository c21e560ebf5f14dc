"""Waiting time as data: working days from request to intake and to start, against the norm."""

import functools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import BindParameter, ColumnElement, and_, bindparam, or_

from kindcentraal.consent.models import TrajectoryType
from kindcentraal.support.models import SupportTrajectory, TrajectoryStatus

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

# Working days from request; a tenant may set its own per type (trajectory_norm).
DEFAULT_NORMS: dict[TrajectoryType, tuple[int, int]] = {
    TrajectoryType.LOGOPEDIE: (10, 20),
    TrajectoryType.OPVOEDONDERSTEUNING: (10, 20),
    TrajectoryType.JEUGDHULP: (15, 30),
    TrajectoryType.PASSEND_ONDERWIJS: (15, 30),
    TrajectoryType.FYSIOTHERAPIE: (10, 20),
    TrajectoryType.ERGOTHERAPIE: (10, 20),
    TrajectoryType.GGZ_JEUGD: (20, 40),
    TrajectoryType.SCHOOLMAATSCHAPPELIJK_WERK: (5, 10),
    TrajectoryType.OTHER: (15, 30),
}

OPEN = (
    TrajectoryStatus.REQUESTED,
    TrajectoryStatus.INTAKE,
    TrajectoryStatus.ACTIVE,
    TrajectoryStatus.EVALUATION,
)
WAITING_FOR_START = (TrajectoryStatus.REQUESTED, TrajectoryStatus.INTAKE)


def local_day(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def working_days(start: date, end: date) -> int:
    """Monday to Friday after `start` up to and including `end` (0 when end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    weekday = start.weekday()
    for offset in range(1, rest + 1):
        if (weekday + offset) % 7 < 5:
            count += 1
    return count


@functools.lru_cache(maxsize=256)
def last_overdue_request_day(today: date, norm_days: int) -> date:
    """The latest request day that is past a norm of `norm_days` working days on `today`:
    a request of that day or earlier has working_days(request, today) > norm_days. Cached:
    every board request asks it for each type's two norms, of the same day."""
    day = today
    while working_days(day, today) <= norm_days:
        day -= timedelta(days=1)
    return day


def days_between(requested: datetime | None, reached: datetime | None) -> int | None:
    if requested is None or reached is None:
        return None
    return working_days(local_day(requested), local_day(reached))


def waiting(
    trajectory: SupportTrajectory, norm: tuple[int, int], today: date
) -> tuple[int | None, int | None, bool]:
    """(days to intake, days to start, overdue). Days run to today while still waiting; a
    cancelled request that never reached a step has no figure for it."""
    requested = local_day(trajectory.requested_at)
    open_ = trajectory.status in OPEN

    def measure(reached: datetime | None) -> int | None:
        if reached is not None:
            return working_days(requested, local_day(reached))
        return working_days(requested, today) if open_ else None

    to_intake = measure(trajectory.intake_at)
    to_start = measure(trajectory.started_at)
    overdue = False
    if open_ and trajectory.intake_at is None and to_intake is not None:
        overdue = to_intake > norm[0]
    if open_ and trajectory.started_at is None and to_start is not None:
        overdue = overdue or to_start > norm[1]
    return to_intake, to_start, overdue


@functools.cache
def overdue_condition() -> ColumnElement[bool]:
    """The same rule in SQL, per type: requested before the day the norm ran out. Built once;
    the cut-off moments are parameters (`overdue_cutoffs`)."""
    arms = []
    for kind in TrajectoryType:
        arms.append(
            and_(
                SupportTrajectory.type == kind,
                or_(
                    and_(
                        SupportTrajectory.intake_at.is_(None),
                        SupportTrajectory.status == TrajectoryStatus.REQUESTED,
                        SupportTrajectory.requested_at < _cutoff("intake", kind),
                    ),
                    and_(
                        SupportTrajectory.started_at.is_(None),
                        SupportTrajectory.status.in_(WAITING_FOR_START),
                        SupportTrajectory.requested_at < _cutoff("start", kind),
                    ),
                ),
            )
        )
    return or_(*arms)


def _cutoff(step: str, kind: TrajectoryType) -> BindParameter[datetime]:
    return bindparam(f"od_{step}_{kind.value}", type_=SupportTrajectory.requested_at.type)


def overdue_cutoffs(
    norms: dict[TrajectoryType, tuple[int, int]], today: date
) -> dict[str, datetime]:
    """The parameters of `overdue_condition`: per type, the first moment of the day after the
    last request day that is past its norm."""
    cutoffs = {}
    for kind in TrajectoryType:
        intake_days, start_days = norms[kind]
        for step, days in (("intake", intake_days), ("start", start_days)):
            day = last_overdue_request_day(today, days) + timedelta(days=1)
            cutoffs[f"od_{step}_{kind.value}"] = _start_of(day)
    return cutoffs


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=AMSTERDAM)
