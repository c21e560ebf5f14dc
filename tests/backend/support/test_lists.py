"""Lists of support: the board, the signal inbox and notifications page through the cursor,
and each shows only what the caller may see."""

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.support.models import CareCoordinator
from tests.backend.factories import World


async def _pages(client: httpx.AsyncClient, path: str, headers: dict[str, str]) -> list[dict]:
    items: list[dict] = []
    params: dict[str, str | int] = {"limit": 1}
    while True:
        response = await client.get(path, params=params, headers=headers)
        assert response.status_code == 200, response.text
        items += response.json()["items"]
        cursor = response.json()["nextCursor"]
        if cursor is None:
            return items
        params = {"limit": 1, "cursor": cursor}


async def test_board_inbox_and_notifications_page_through_the_cursor(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    session.add(
        CareCoordinator(
            tenant_id=world.tenant.id, centre_id=world.centre.id, user_id=world.teacher.id
        )
    )
    await session.flush()
    coordinator = world.headers("teacher")
    for child, kind in (
        (world.pupil, "logopedie"),
        (world.toddler, "opvoedondersteuning"),
        (world.pupil, "jeugdhulp"),
    ):
        created = await client.post(
            "/support-trajectories",
            json={
                "childId": str(child.id),
                "type": kind,
                "organisationId": str(world.care.id),
                "reason": "Hulp gevraagd.",
            },
            headers=coordinator,
        )
        assert created.status_code == 201, created.text
        signal = await client.post(
            f"/children/{child.id}/signals",
            json={"category": "health", "description": "Vaak moe."},
            headers=world.headers("pm" if child.id == world.toddler.id else "school_admin"),
        )
        assert signal.status_code == 201, signal.text
    board = await _pages(client, "/support-trajectories", coordinator)
    assert sorted(t["type"] for t in board) == ["jeugdhulp", "logopedie", "opvoedondersteuning"]
    requested = [t["requestedAt"] for t in board]
    assert requested == sorted(requested)  # longest waiting first
    inbox = await _pages(client, "/signals", coordinator)
    assert len(inbox) == 3
    # The parent: both children's notifications about consent needed, paged one by one.
    notes = await _pages(client, "/notifications", world.headers("parent"))
    assert {n["kind"] for n in notes} == {"consent_needed"}
    assert {n["childId"] for n in notes} == {str(world.pupil.id)}
    # The teacher sees the board of the centre; the analyst nothing; another tenant nothing.
    for who in ("analyst", "other_admin", "outsider_parent"):
        assert await _pages(client, "/support-trajectories", world.headers(who)) == []
        assert await _pages(client, "/signals", world.headers(who)) == []
    overdue = await client.get(
        "/support-trajectories", params={"overdue": "true"}, headers=coordinator
    )
    assert overdue.json()["items"] == []  # requested today: within every norm


async def test_a_centre_admin_sets_a_norm_and_resets_it_to_the_default(
    client: httpx.AsyncClient, world: World
) -> None:
    admin = world.headers("centre_admin")

    async def logopedie() -> dict:
        norms = (await client.get("/trajectory-norms", headers=admin)).json()
        return next(norm for norm in norms if norm["type"] == "logopedie")

    default = await logopedie()
    assert default["isDefault"] is True
    changed = await client.put(
        "/trajectory-norms/logopedie",
        json={"intakeWithinDays": 3, "startWithinDays": 7},
        headers=admin,
    )
    assert changed.status_code == 200
    assert await logopedie() == {
        **default,
        "intakeWithinDays": 3,
        "startWithinDays": 7,
        "isDefault": False,
    }
    refused = await client.delete("/trajectory-norms/logopedie", headers=world.headers("teacher"))
    assert refused.status_code == 403
    reset = await client.delete("/trajectory-norms/logopedie", headers=admin)
    assert reset.status_code == 200
    assert reset.json() == default
    assert await logopedie() == default
    unknown = await client.delete("/trajectory-norms/astrology", headers=admin)
    assert unknown.status_code == 400
