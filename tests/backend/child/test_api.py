from tests.backend.factories import World


async def test_teacher_sees_children_placed_at_the_school_only(client, world: World) -> None:
    response = await client.get("/children", headers=world.headers("teacher"))
    assert response.status_code == 200
    names = {c["givenName"] for c in response.json()["items"]}
    assert names == {"Pim"}
