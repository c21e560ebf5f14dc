"""After-school activities in the demo centre, 2026-2027: twelve of them by four partners.

The library (Bibliotheek Huizen), the sport club (Sportvereniging Huizen), a music school
(Muziekschool Gooi, added here with its account muziek@regenboog.demo when the demo has no
culture organisation) and the welfare organisation (Welzijn Huizen) each offer activities of
the categories sport, culture, media, welfare, study support and nature. Each meets weekly
after school, from September to the end of June and never in the holidays or on study days,
as confirmed room bookings (with the activity's id) in the gym, the crafts room and the
library, at hours the rooms demo leaves free; each booking has its activity session.

Enrolment opened on 15 June 2026; the places went first come, first served. Four activities
are full with two to four children waiting in the order they asked; in one of them a child
cancelled in September and the first on the waiting list moved up. Past sessions (before
today) have their attendance: mostly present, some excused or absent.

The demo parent's younger child goes to the music school's rhythm class on Monday and the
older child to the sport club's football clinic on Friday; on those days the child goes to
after-school care (BSO) after the activity, so their day is school, activity, BSO.

Deterministic: every choice comes from the demo's random generator; the attendance, whose
number of rows depends on today, has a generator of its own.
"""

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import select
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
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.rooms.models import Booking, BookingSeries, BookingStatus, Building, Room
from kindcentraal.rooms.recurrence import AMSTERDAM, local_today, occurrences
from kindcentraal.seed.rooms_demo import HOLIDAYS, YEAR_START
from kindcentraal.user.models import User

MUSIC_SCHOOL = "Muziekschool Gooi"
MUSIC_EMAIL = "muziek@regenboog.demo"
FIRST_WEEK = date(2026, 9, 7)  # activities start in the third week of the school year
LAST_DAY = date(2027, 6, 25)
ENROLMENT_OPENS = date(2026, 6, 15)
LAST_REQUEST = date(2026, 9, 11)
GYM, CRAFTS, LIBRARY = "Speelzaal", "Techniek- en handvaardigheidslokaal", "Bibliotheek"
DAYS = {"MO": "monday", "TU": "tuesday", "WE": "wednesday", "TH": "thursday", "FR": "friday"}
MARKS = (
    [SessionAttendanceStatus.PRESENT] * 87
    + [SessionAttendanceStatus.EXCUSED] * 9
    + [SessionAttendanceStatus.ABSENT] * 4
)


# The after-school care group: its children come to it by their BSO placement.
BSO_GROUP = "BSO De Regenboog"


@dataclass
class ActivitiesCast:
    """What the demo seed already made, that activities build on."""

    tenant_id: uuid.UUID
    centre: ChildCentre
    childcare: Organisation
    library: Organisation
    welfare: Organisation
    sport: Organisation
    librarian: User
    coach: User
    welzijn: User
    password_hash: str
    demo_parent: User
    demo_children: list[Child]  # the younger first
    children: list[Child]
    groups: dict[str, Group]
    guardians: list[Guardian]
    placements: list[Placement]


@dataclass(frozen=True)
class _Plan:
    provider: str  # sport, music, library, welfare
    title: str
    description: str
    category: ActivityCategory
    ages: tuple[int, int]
    capacity: int
    room: str
    day: str  # MO ... FR
    start: time
    end: time
    cost_cents: int | None = None
    waiting: int = 0  # full, with this many waiting; 0: places left
    fill: float = 0.7  # the share of places taken when not full
    cancelled: bool = False  # a child cancelled and the first waiting moved up


PLANS = [
    _Plan(
        "sport",
        "Voetbalclinic",
        "Passen, trappen en partijtjes met de trainers van de club.",
        ActivityCategory.SPORT,
        (7, 10),
        16,
        GYM,
        "FR",
        time(15, 0),
        time(16, 0),
        waiting=3,
    ),
    _Plan(
        "sport",
        "Freerunning",
        "Springen, klimmen en landen: veilig over obstakels in de speelzaal.",
        ActivityCategory.SPORT,
        (9, 12),
        12,
        GYM,
        "FR",
        time(16, 15),
        time(17, 15),
        cost_cents=2500,
        waiting=2,
    ),
    _Plan(
        "music",
        "Ritme en slagwerk",
        "Trommelen, klappen en samen een ritme vasthouden.",
        ActivityCategory.CULTURE,
        (5, 8),
        8,
        CRAFTS,
        "MO",
        time(15, 0),
        time(16, 0),
        waiting=2,
    ),
    _Plan(
        "music",
        "Kinderkoor De Regenboog",
        "Zingen in een koor; in december en juni een optreden voor de ouders.",
        ActivityCategory.CULTURE,
        (6, 12),
        20,
        CRAFTS,
        "WE",
        time(16, 15),
        time(17, 15),
        fill=0.6,
    ),
    _Plan(
        "music",
        "Ukelele voor beginners",
        "Je eerste akkoorden en liedjes; een ukelele krijg je te leen.",
        ActivityCategory.CULTURE,
        (8, 12),
        10,
        CRAFTS,
        "TH",
        time(15, 0),
        time(16, 0),
        cost_cents=4500,
        fill=0.8,
    ),
    _Plan(
        "library",
        "Vlog- en nieuwsclub",
        "Zelf een nieuwsbericht of vlog maken, en leren wat echt en nep is online.",
        ActivityCategory.MEDIA,
        (9, 12),
        12,
        LIBRARY,
        "TU",
        time(15, 0),
        time(16, 0),
        fill=0.75,
    ),
    _Plan(
        "library",
        "Programmeren met robots",
        "Kleine robots programmeren met blokjescode.",
        ActivityCategory.MEDIA,
        (8, 12),
        10,
        CRAFTS,
        "TU",
        time(15, 0),
        time(16, 0),
        waiting=4,
        cancelled=True,
    ),
    _Plan(
        "library",
        "Huiswerkclub",
        "Rustig je huiswerk maken, met hulp van vrijwilligers van de bibliotheek.",
        ActivityCategory.STUDY_SUPPORT,
        (9, 12),
        15,
        LIBRARY,
        "MO",
        time(15, 0),
        time(16, 0),
        fill=0.6,
    ),
    _Plan(
        "library",
        "Leesclub Boekenwurmen",
        "Samen lezen en praten over boeken, voor beginnende lezers.",
        ActivityCategory.STUDY_SUPPORT,
        (6, 8),
        12,
        LIBRARY,
        "TH",
        time(15, 0),
        time(16, 0),
    ),
    _Plan(
        "welfare",
        "Sterk in je schoenen",
        "Weerbaarheid: voor jezelf opkomen, nee zeggen en vrienden maken.",
        ActivityCategory.WELFARE,
        (8, 11),
        10,
        LIBRARY,
        "FR",
        time(15, 0),
        time(16, 0),
        fill=0.7,
    ),
    _Plan(
        "welfare",
        "Samen spelen",
        "Spelletjes en samenwerken in een kleine groep, met een jongerenwerker.",
        ActivityCategory.WELFARE,
        (5, 7),
        10,
        LIBRARY,
        "WE",
        time(15, 15),
        time(16, 15),
        fill=0.8,
    ),
    _Plan(
        "welfare",
        "Natuurclub De Egel",
        "Naar buiten: de schooltuin, het bos bij de school en beestjes zoeken.",
        ActivityCategory.NATURE,
        (6, 10),
        14,
        CRAFTS,
        "FR",
        time(15, 0),
        time(16, 0),
        fill=0.7,
    ),
]
# The demo parent's children: the younger in the rhythm class, the older at football.
DEMO_CHOICES = ("Ritme en slagwerk", "Voetbalclinic")


def _age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def _clock(moment: time) -> str:
    return moment.strftime("%H:%M")


async def _music_school(session: AsyncSession, cast: ActivitiesCast) -> tuple[Organisation, User]:
    """The demo's culture organisation (made when there is none) and its staff account."""
    music = await session.scalar(
        select(Organisation)
        .where(
            Organisation.tenant_id == cast.tenant_id,
            Organisation.type == OrganisationType.CULTURE,
        )
        .order_by(Organisation.name)
        .limit(1)
    )
    if music is None:
        music = Organisation(
            tenant_id=cast.tenant_id, name=MUSIC_SCHOOL, type=OrganisationType.CULTURE
        )
        music.centre_links = [
            OrganisationCentre(tenant_id=cast.tenant_id, centre_id=cast.centre.id)
        ]
        session.add(music)
        await session.flush()
    teacher = User(
        tenant_id=cast.tenant_id,
        email=MUSIC_EMAIL,
        display_name="Mila Muziek",
        password_hash=cast.password_hash,
    )
    session.add(teacher)
    await session.flush()
    session.add(
        Membership(
            tenant_id=cast.tenant_id,
            user_id=teacher.id,
            organisation_id=music.id,
            role=Role.STAFF,
        )
    )
    return music, teacher


def _in_holiday(day: date) -> bool:
    return any(start <= day <= end for _, _, start, end in HOLIDAYS)


class _Builder:
    def __init__(self, rng: random.Random, cast: ActivitiesCast, today: date) -> None:
        self.rng = rng
        # How many sessions lie in the past depends on today: their attendance has a generator
        # of its own, so every other choice is the same any day.
        self.marks = random.Random(rng.getrandbits(64))
        self.cast = cast
        self.today = today
        self.busy: dict[uuid.UUID, set[str]] = defaultdict(set)  # a child's activity days
        school_groups = {g.id for g in cast.groups.values() if g.kind == GroupKind.SCHOOL_CLASS}
        demo_ids = {c.id for c in cast.demo_children}
        self.pupils = [
            c for c in cast.children if c.group_id in school_groups and c.id not in demo_ids
        ]
        self.parent_of: dict[uuid.UUID, uuid.UUID] = {}
        for g in cast.guardians:
            if g.has_parental_authority:
                self.parent_of.setdefault(g.child_id, g.user_id)
        self.activities: list[Activity] = []
        self.series: list[BookingSeries] = []
        self.bookings: list[Booking] = []
        self.sessions: dict[uuid.UUID, list[ActivitySession]] = {}
        self.enrolments: dict[uuid.UUID, list[Enrolment]] = {}
        self.attendance: list[SessionAttendance] = []

    def activity(self, plan: _Plan, provider: Organisation, staff: User, room: Room) -> Activity:
        cast = self.cast
        made = Activity(
            id=uuid.uuid4(),
            tenant_id=cast.tenant_id,
            centre_id=cast.centre.id,
            organisation_id=provider.id,
            title=plan.title,
            description=plan.description,
            category=plan.category,
            min_age=plan.ages[0],
            max_age=plan.ages[1],
            group_ids=[],
            capacity=plan.capacity,
            cost_cents=plan.cost_cents,
            enrolment_opens=ENROLMENT_OPENS,
            enrolment_closes=None,
            created_by_id=staff.id,
        )
        self.activities.append(made)
        self._sessions(plan, made, provider, staff, room)
        return made

    def _sessions(
        self, plan: _Plan, activity: Activity, provider: Organisation, staff: User, room: Room
    ) -> None:
        rule = f"FREQ=WEEKLY;BYDAY={plan.day}"
        series = BookingSeries(
            id=uuid.uuid4(),
            tenant_id=self.cast.tenant_id,
            room_id=room.id,
            recurrence=rule,
            skip_holidays=True,
        )
        self.series.append(series)
        planned = occurrences(
            datetime.combine(FIRST_WEEK, plan.start, tzinfo=AMSTERDAM),
            datetime.combine(FIRST_WEEK, plan.end, tzinfo=AMSTERDAM),
            f"{rule};UNTIL={LAST_DAY.strftime('%Y%m%d')}",
        )
        rows = []
        for begin, finish in planned:
            if _in_holiday(begin.astimezone(AMSTERDAM).date()):
                continue
            booking = Booking(
                id=uuid.uuid4(),
                tenant_id=self.cast.tenant_id,
                room_id=room.id,
                organisation_id=provider.id,
                booked_by_id=staff.id,
                purpose=plan.title,
                starts_at=begin,
                ends_at=finish,
                status=BookingStatus.CONFIRMED,
                attendees=plan.capacity,
                series_id=series.id,
                activity_id=activity.id,
            )
            self.bookings.append(booking)
            rows.append(
                ActivitySession(
                    id=uuid.uuid4(),
                    tenant_id=self.cast.tenant_id,
                    activity_id=activity.id,
                    booking_id=booking.id,
                    room_id=room.id,
                    starts_at=begin,
                    ends_at=finish,
                )
            )
        self.sessions[activity.id] = rows

    def _moment(self) -> datetime:
        """A moment in the enrolment period, in the evening or at the weekend mostly."""
        days = (LAST_REQUEST - ENROLMENT_OPENS).days
        day = ENROLMENT_OPENS + timedelta(days=self.rng.randrange(days))
        clock = time(self.rng.randint(7, 22), self.rng.randrange(60), self.rng.randrange(60))
        return datetime.combine(day, clock, tzinfo=AMSTERDAM).astimezone(UTC)

    def enrol(self, plan: _Plan, activity: Activity, own: Child | None) -> None:
        """The requests, first come first served: the first `capacity` have a place."""
        weekday = DAYS[plan.day]
        low, high = plan.ages
        candidates = [
            c
            for c in self.pupils
            if low <= _age_on(c.date_of_birth, YEAR_START) <= high
            and weekday not in self.busy[c.id]
        ]
        if plan.waiting:
            wanted = plan.capacity + plan.waiting + int(plan.cancelled)
        else:
            wanted = max(1, round(plan.capacity * plan.fill))
        wanted -= own is not None
        chosen = self.rng.sample(candidates, wanted)
        moments = sorted(self._moment() for _ in chosen)
        requests: list[tuple[datetime, Child, uuid.UUID]] = []
        if own is not None:
            # The demo parent asked on the first evening.
            first = datetime.combine(ENROLMENT_OPENS, time(19, 42), tzinfo=AMSTERDAM)
            requests.append((first.astimezone(UTC), own, self.cast.demo_parent.id))
        for moment, child in zip(moments, chosen, strict=True):
            requests.append((moment, child, self.parent_of.get(child.id, self.cast.demo_parent.id)))
        requests.sort(key=lambda r: r[0])
        rows = []
        for n, (moment, child, parent) in enumerate(requests):
            has_place = n < plan.capacity
            rows.append(
                Enrolment(
                    id=uuid.uuid4(),
                    tenant_id=self.cast.tenant_id,
                    activity_id=activity.id,
                    child_id=child.id,
                    status=EnrolmentStatus.ENROLLED if has_place else EnrolmentStatus.WAITLISTED,
                    requested_at=moment,
                    enrolled_at=moment if has_place else None,
                    enrolled_by_id=parent,
                )
            )
            self.busy[child.id].add(weekday)
        if plan.cancelled:
            # A place freed in September: the first on the waiting list moved up into it.
            own_ids = {c.id for c in self.cast.demo_children}
            leaving = self.rng.choice(
                [
                    e
                    for e in rows
                    if e.status == EnrolmentStatus.ENROLLED and e.child_id not in own_ids
                ]
            )
            when = datetime.combine(date(2026, 9, 21), time(20, 5), tzinfo=AMSTERDAM).astimezone(
                UTC
            )
            leaving.status = EnrolmentStatus.CANCELLED
            leaving.cancelled_at = when
            first_waiting = next(e for e in rows if e.status == EnrolmentStatus.WAITLISTED)
            first_waiting.status = EnrolmentStatus.ENROLLED
            first_waiting.enrolled_at = when
        self.enrolments[activity.id] = rows

    def mark(self, activity: Activity, staff: User) -> None:
        """Attendance of the sessions before today: of the children enrolled at the time."""
        for meeting in self.sessions[activity.id]:
            if meeting.starts_at.astimezone(AMSTERDAM).date() >= self.today:
                break
            for e in self.enrolments[activity.id]:
                if e.enrolled_at is None or e.enrolled_at > meeting.starts_at:
                    continue
                if e.cancelled_at is not None and e.cancelled_at <= meeting.starts_at:
                    continue
                self.attendance.append(
                    SessionAttendance(
                        tenant_id=self.cast.tenant_id,
                        session_id=meeting.id,
                        child_id=e.child_id,
                        status=self.marks.choice(MARKS),
                        recorded_by_id=staff.id,
                    )
                )


def _after_school_care(
    session: AsyncSession, cast: ActivitiesCast, child: Child, plan: _Plan
) -> None:
    """The child goes to BSO on the activity's weekday, after the activity: that weekday gets
    a placement of its own from the activity's end (another BSO placement of the child keeps
    its other days)."""
    weekday = DAYS[plan.day]
    for placement in cast.placements:
        if placement.child_id != child.id or placement.kind != PlacementKind.OUT_OF_SCHOOL_CARE:
            continue
        days = list(placement.days) or ["monday", "tuesday", "wednesday", "thursday", "friday"]
        if weekday not in days:
            continue
        if days == [weekday]:
            placement.from_time = _clock(plan.end)
            return
        placement.days = [d for d in days if d != weekday]
    made = Placement(
        tenant_id=cast.tenant_id,
        child_id=child.id,
        organisation_id=cast.childcare.id,
        kind=PlacementKind.OUT_OF_SCHOOL_CARE,
        group_id=cast.groups[BSO_GROUP].id,
        start_date=YEAR_START,
        end_date=None,
        days=[weekday],
        from_time=_clock(plan.end),
        until_time=None,
    )
    cast.placements.append(made)
    session.add(made)


async def seed_activities(
    session: AsyncSession, rng: random.Random, cast: ActivitiesCast, *, today: date | None = None
) -> dict[str, int]:
    """Write the centre's activities into `session` (flushed, not committed)."""
    music, teacher = await _music_school(session, cast)
    providers = {
        "sport": (cast.sport, cast.coach),
        "music": (music, teacher),
        "library": (cast.library, cast.librarian),
        "welfare": (cast.welfare, cast.welzijn),
    }
    rooms = {
        room.name: room
        for room in await session.scalars(
            select(Room)
            .join(Building, Building.id == Room.building_id)
            .where(Building.centre_id == cast.centre.id, Room.tenant_id == cast.tenant_id)
        )
    }
    builder = _Builder(rng, cast, today or local_today())
    own = dict(zip(DEMO_CHOICES, cast.demo_children, strict=True))
    for plan in PLANS:
        provider, staff = providers[plan.provider]
        made = builder.activity(plan, provider, staff, rooms[plan.room])
        child = own.get(plan.title)
        if child is not None:
            low, high = plan.ages
            assert low <= _age_on(child.date_of_birth, YEAR_START) <= high, plan.title
            _after_school_care(session, cast, child, plan)
        builder.enrol(plan, made, child)
        builder.mark(made, staff)
    # No relationships between these models: written parents first.
    for level in (
        builder.activities,
        builder.series,
        builder.bookings,
        [s for rows in builder.sessions.values() for s in rows],
        [e for rows in builder.enrolments.values() for e in rows],
        builder.attendance,
    ):
        session.add_all(level)
        await session.flush()
    enrolments = [e for rows in builder.enrolments.values() for e in rows]
    return {
        "activities": len(builder.activities),
        "activity_sessions": len(builder.bookings),
        "enrolments": sum(e.status == EnrolmentStatus.ENROLLED for e in enrolments),
        "waitlisted": sum(e.status == EnrolmentStatus.WAITLISTED for e in enrolments),
    }
