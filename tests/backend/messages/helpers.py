from typing import Any

import httpx

from tests.backend.factories import World


async def open_thread(
    client: httpx.AsyncClient, world: World, who: str = "parent", **body: Any
) -> dict[str, Any]:
    response = await client.post(
        f"/children/{world.pupil.id}/threads",
        json={"subject": "Gymles", "text": "Pim mag niet gymmen deze week.", **body},
        headers=world.headers(who),
    )
    assert response.status_code == 201, response.text
    thread: dict[str, Any] = response.json()
    return thread
