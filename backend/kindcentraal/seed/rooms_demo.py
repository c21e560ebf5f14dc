"""A school year of shared rooms in the demo centre: the school in the daytime, after-school care
from 15:00 and on Wednesday afternoons (in the holidays too), the sport club and the library in
the evening, the speech therapist in the office on two mornings, team meetings, and a few
requests waiting for the owner's approval."""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, time

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.centre.models import ChildCentre
from kindcentraal.organisation.models import Organisation
from kindcentraal.rooms.models import (
    Booking,
    BookingSeries,
    BookingStatus,
    Building,
    Holiday,
    HolidayKind,
    Room,
    RoomType,
)
from kindcentraal.rooms.recurrence import AMSTERDAM, occurrences
from kindcentraal.user.models import User

YEAR_START, YEAR_END = date(2026, 8, 24), date(2027, 7, 9)
# School holidays of regio midden, 2026-2027, and two study days.
HOLIDAYS = [
    ("Herfstvakantie", HolidayKind.SCHOOL_HOLIDAY, date(2026, 10, 17), date(2026, 10, 25)),
    ("Kerstvakantie", HolidayKind.SCHOOL_HOLIDAY, date(2026, 12, 19), date(2027, 1, 3)),
    ("Voorjaarsvakantie", HolidayKind.SCHOOL_HOLIDAY, date(2027, 2, 20), date(2027, 2, 28)),
    ("Meivakantie", HolidayKind.SCHOOL_HOLIDAY, date(2027, 4, 24), date(2027, 5, 2)),
    ("Studiedag", HolidayKind.STUDY_DAY, date(2026, 11, 20), date(2026, 11, 20)),
    ("Studiedag", HolidayKind.STUDY_DAY, date(2027, 3, 15), date(2027, 3, 15)),
]
WEEKDAY_HOURS = {"opens": "07:30", "closes": "22:00"}
SCHOOL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")


@dataclass
class RoomsCast:
    tenant_id: uuid.UUID
    centre: ChildCentre
    school: Organisation
    childcare: Organisation
    care: Organisation
    library: Organisation
    welfare: Organisation
    sport: Organisation
    teacher: User
    pm: User
    logopedist: User
    librarian: User
    welzijn: User
    coach: User


async def seed_rooms(session: AsyncSession, cast: RoomsCast) -> dict[str, int]:
    tenant = cast.tenant_id
    building = Building(
        tenant_id=tenant,
        centre_id=cast.centre.id,
        name="Hoofdgebouw",
        address=cast.centre.address,
        gross_floor_area_m2=1450.0,
    )
    session.add(building)
    await session.flush()
    everyone = ["school", "childcare", "care_provider", "library", "welfare", "sport", "culture"]

    def room(
        name: str,
        kind: RoomType,
        area: float,
        capacity: int,
        owner: Organisation,
        *,
        bookable: list[str] | None = None,
        approval: bool = False,
        saturday: bool = False,
        closes: str = WEEKDAY_HOURS["closes"],
    ) -> Room:
        hours = {day: {"opens": WEEKDAY_HOURS["opens"], "closes": closes} for day in SCHOOL_DAYS}
        if saturday:
            hours["saturday"] = {"opens": "09:00", "closes": "17:00"}
        made = Room(
            tenant_id=tenant,
            building_id=building.id,
            name=name,
            type=kind,
            floor_area_m2=area,
            capacity=capacity,
            owner_organisation_id=owner.id,
            features=[],
            opening_hours=hours,
            bookable_by=everyone if bookable is None else bookable,
            needs_approval=approval,
        )
        session.add(made)
        return made

    gym = room("Speelzaal", RoomType.GYM, 180, 35, cast.school, saturday=True)
    bso = room("BSO-ruimte", RoomType.GROUP_ROOM, 75, 22, cast.childcare)
    office = room(
        "Spreekkamer", RoomType.OFFICE, 14, 4, cast.school, bookable=everyone, approval=True
    )
    team = room("Teamkamer", RoomType.TEAM_ROOM, 45, 20, cast.school, bookable=["school"])
    crafts = room("Techniek- en handvaardigheidslokaal", RoomType.TECHNIQUE, 70, 28, cast.school)
    library = room("Bibliotheek", RoomType.LIBRARY, 60, 30, cast.library)
    classrooms = [
        room(
            f"Lokaal groep {grade}",
            RoomType.CLASSROOM,
            56,
            30,
            cast.school,
            bookable=["childcare"] if grade == 3 else [],
            closes="18:30",
        )
        for grade in (3, 4, 5, 6)
    ]
    session.add_all(
        Holiday(
            tenant_id=tenant, centre_id=cast.centre.id, name=n, kind=k, start_date=s, end_date=e
        )
        for n, k, s, e in HOLIDAYS
    )
    await session.flush()

    holidays = {(s, e) for _, _, s, e in HOLIDAYS}
    made = 0

    async def series(
        target: Room,
        organisation: Organisation,
        booker: User,
        purpose: str,
        rule: str,
        start: time,
        end: time,
        *,
        skip_holidays: bool,
        first: date = YEAR_START,
        status: BookingStatus = BookingStatus.CONFIRMED,
    ) -> None:
        nonlocal made
        until = YEAR_END.strftime("%Y%m%d")
        starts = datetime.combine(first, start, tzinfo=AMSTERDAM)
        ends = datetime.combine(first, end, tzinfo=AMSTERDAM)
        bounded = rule if "COUNT=" in rule else f"{rule};UNTIL={until}"
        planned = occurrences(starts, ends, bounded)
        row = BookingSeries(
            tenant_id=tenant, room_id=target.id, recurrence=rule, skip_holidays=skip_holidays
        )
        session.add(row)
        await session.flush()
        for begin, finish in planned:
            day = begin.astimezone(AMSTERDAM).date()
            if skip_holidays and any(s <= day <= e for s, e in holidays):
                continue
            session.add(
                Booking(
                    tenant_id=tenant,
                    room_id=target.id,
                    organisation_id=organisation.id,
                    booked_by_id=booker.id,
                    purpose=purpose,
                    starts_at=begin,
                    ends_at=finish,
                    status=status,
                    series_id=row.id,
                )
            )
            made += 1

    school_days = "FREQ=WEEKLY;BYDAY=MO,TU,TH,FR"
    await series(
        gym,
        cast.school,
        cast.teacher,
        "Gymles",
        school_days,
        time(8, 45),
        time(12, 0),
        skip_holidays=True,
    )
    await series(
        gym,
        cast.school,
        cast.teacher,
        "Gymles",
        school_days,
        time(13, 0),
        time(14, 30),
        skip_holidays=True,
    )
    await series(
        gym,
        cast.school,
        cast.teacher,
        "Gymles",
        "FREQ=WEEKLY;BYDAY=WE",
        time(8, 45),
        time(12, 0),
        skip_holidays=True,
    )
    await series(
        gym,
        cast.childcare,
        cast.pm,
        "BSO: bewegen",
        "FREQ=WEEKLY;BYDAY=MO,TU,TH",
        time(15, 15),
        time(17, 0),
        skip_holidays=False,
    )
    await series(
        gym,
        cast.childcare,
        cast.pm,
        "BSO: woensdagmiddag",
        "FREQ=WEEKLY;BYDAY=WE",
        time(12, 30),
        time(17, 0),
        skip_holidays=False,
    )
    await series(
        gym,
        cast.sport,
        cast.coach,
        "Judo jeugd",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        time(18, 30),
        time(21, 30),
        skip_holidays=False,
    )
    await series(
        gym,
        cast.sport,
        cast.coach,
        "Turnen",
        "FREQ=WEEKLY;BYDAY=SA",
        time(9, 30),
        time(12, 30),
        skip_holidays=False,
        first=date(2026, 8, 29),
    )
    await series(
        bso,
        cast.childcare,
        cast.pm,
        "BSO",
        "FREQ=WEEKLY;BYDAY=MO,TU,TH,FR",
        time(14, 30),
        time(18, 30),
        skip_holidays=False,
    )
    await series(
        bso,
        cast.childcare,
        cast.pm,
        "BSO",
        "FREQ=WEEKLY;BYDAY=WE",
        time(12, 0),
        time(18, 30),
        skip_holidays=False,
    )
    await series(
        office,
        cast.care,
        cast.logopedist,
        "Logopedie",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        time(8, 30),
        time(12, 0),
        skip_holidays=True,
    )
    await series(
        team,
        cast.school,
        cast.teacher,
        "Teamoverleg",
        "FREQ=WEEKLY;BYDAY=MO",
        time(15, 0),
        time(16, 30),
        skip_holidays=True,
    )
    await series(
        crafts,
        cast.school,
        cast.teacher,
        "Techniekles",
        "FREQ=WEEKLY;BYDAY=TU,TH",
        time(10, 0),
        time(12, 0),
        skip_holidays=True,
    )
    await series(
        crafts,
        cast.childcare,
        cast.pm,
        "BSO: knutselen",
        "FREQ=WEEKLY;BYDAY=WE",
        time(14, 0),
        time(16, 0),
        skip_holidays=False,
    )
    await series(
        library,
        cast.library,
        cast.librarian,
        "Voorleesuur",
        "FREQ=WEEKLY;BYDAY=WE",
        time(14, 0),
        time(15, 0),
        skip_holidays=False,
    )
    await series(
        library,
        cast.library,
        cast.librarian,
        "Bibliotheek open",
        "FREQ=WEEKLY;BYDAY=TU",
        time(19, 0),
        time(21, 0),
        skip_holidays=False,
    )
    for classroom in classrooms:
        await series(
            classroom,
            cast.school,
            cast.teacher,
            "Les",
            school_days,
            time(8, 30),
            time(14, 30),
            skip_holidays=True,
        )
        await series(
            classroom,
            cast.school,
            cast.teacher,
            "Les",
            "FREQ=WEEKLY;BYDAY=WE",
            time(8, 30),
            time(12, 15),
            skip_holidays=True,
        )
    # Double use: after-school care in the groep 3 classroom on three afternoons.
    await series(
        classrooms[0],
        cast.childcare,
        cast.pm,
        "BSO: groep onderbouw",
        "FREQ=WEEKLY;BYDAY=MO,TU,TH",
        time(15, 0),
        time(18, 0),
        skip_holidays=True,
    )
    # Requests waiting for the school's approval: welfare asks for the office in the evening.
    await series(
        office,
        cast.welfare,
        cast.welzijn,
        "Opvoedspreekuur",
        "FREQ=WEEKLY;BYDAY=WE;COUNT=4",
        time(19, 0),
        time(20, 30),
        skip_holidays=False,
        first=date(2027, 1, 13),
        status=BookingStatus.REQUESTED,
    )
    await session.flush()
    return {"rooms": 10, "bookings": made}
