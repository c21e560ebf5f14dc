"""Threads between a child's guardians and its contact person, over real HTTP."""

import httpx
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from tests.backend.factories import World
from tests.backend.messages.helpers import open_thread


async def _count(session: AsyncSession, model: type) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def test_a_guardian_opens_a_thread_with_the_contact_person(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    world.pupil.contact_person_id = world.teacher.id
    await session.flush()
    thread = await open_thread(client, world)
    assert thread["subject"] == "Gymles"
    assert thread["child"] == {"id": str(world.pupil.id), "givenName": "Pim"}
    assert sorted(p["userId"] for p in thread["participants"]) == sorted(
        [str(world.parent.id), str(world.teacher.id)]
    )
    [message] = thread["messages"]
    assert message["text"] == "Pim mag niet gymmen deze week."
    assert message["authorId"] == str(world.parent.id)
    assert message["withdrawn"] is False
    assert message["readBy"] == []
    assert thread["unreadCount"] == 0
