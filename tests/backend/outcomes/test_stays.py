"""A child's stay follows its placements through every ORM write, in the same transaction."""

from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.placement.models import PlacementKind
from kindcentraal.placement.stays import NO_END
from tests.backend.factories import World, make_child, make_placement


async def _stay(session: AsyncSession, child: Child) -> tuple[date | None, ...]:
    row = (
        await session.execute(
            select(Child.stay_from, Child.stay_until, Child.school_from, Child.school_until).where(
                Child.id == child.id
            )
        )
    ).one()
    return tuple(row)


async def test_the_stay_follows_added_changed_and_deleted_placements(
    session: AsyncSession, world: World
) -> None:
    child = await make_child(session, world.centre)
    assert await _stay(session, child) == (None, None, None, None)
    daycare = await make_placement(
        session,
        child,
        world.childcare,
        kind=PlacementKind.DAYCARE,
        start_date=date(2022, 3, 1),
        end_date=date(2024, 7, 31),
    )
    assert await _stay(session, child) == (date(2022, 3, 1), date(2024, 7, 31), None, None)
    school = await make_placement(session, child, world.school, start_date=date(2024, 8, 19))
    assert await _stay(session, child) == (date(2022, 3, 1), NO_END, date(2024, 8, 19), NO_END)
    school.end_date = date(2026, 7, 10)
    await session.flush()
    assert await _stay(session, child) == (
        date(2022, 3, 1),
        date(2026, 7, 10),
        date(2024, 8, 19),
        date(2026, 7, 10),
    )
    await session.delete(daycare)
    await session.flush()
    assert (await _stay(session, child))[0] == date(2024, 8, 19)
