"""An announcement with a file: the sender's upload goes along, and only those who see the
announcement read it."""

import httpx

from kindcentraal.storage.local import LocalStorage
from tests.backend.factories import World
from tests.backend.messages.conftest import storage  # noqa: F401 (fixture)

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


async def _upload(client: httpx.AsyncClient, world: World, who: str) -> str:
    response = await client.post(
        "/attachments",
        files={"file": ("schoolreis.pdf", PDF, "application/pdf")},
        headers=world.headers(who),
    )
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


async def _announce(
    client: httpx.AsyncClient, world: World, attachment_ids: list[str]
) -> httpx.Response:
    return await client.post(
        "/announcements",
        json={
            "groupId": str(world.group.id),
            "title": "Schoolreis",
            "text": "Op vrijdag gaan we naar de Efteling.",
            "attachmentIds": attachment_ids,
        },
        headers=world.headers("teacher"),
    )


async def test_the_file_goes_along_and_only_those_who_see_the_announcement_read_it(
    client: httpx.AsyncClient,
    world: World,
    storage: LocalStorage,  # noqa: F811
) -> None:
    file_id = await _upload(client, world, "teacher")
    published = await _announce(client, world, [file_id])
    assert published.status_code == 201, published.text
    [attached] = published.json()["attachments"]
    assert attached["id"] == file_id and attached["contentType"] == "application/pdf"

    feed = (await client.get("/announcements", headers=world.headers("parent"))).json()
    assert feed["items"][0]["attachments"][0]["fileName"] == "schoolreis.pdf"
    url = f"/attachments/{file_id}/content"
    for who in ("parent", "teacher", "centre_admin"):
        response = await client.get(url, headers=world.headers(who))
        assert response.status_code == 200, who
        assert response.content == PDF
    for who in ("outsider_parent", "pm", "other_admin"):
        assert (await client.get(url, headers=world.headers(who))).status_code == 404, who

    # Sent once: the same upload cannot go along a second time.
    again = await _announce(client, world, [file_id])
    assert again.status_code == 400
    assert again.json()["errors"][0]["location"] == "#/attachmentIds/0"


async def test_only_ones_own_upload_goes_along_and_nothing_is_sent_otherwise(
    client: httpx.AsyncClient,
    world: World,
    storage: LocalStorage,  # noqa: F811
) -> None:
    someone_elses = await _upload(client, world, "parent")
    refused = await _announce(client, world, [someone_elses])
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/attachmentIds/0"
    sent = (await client.get("/announcements", headers=world.headers("teacher"))).json()
    assert sent["items"] == []
