"""One child per BSN in a municipality: refused with a 409 that names no one, on create, on
update and when two requests race (the unique index)."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child import identity
from kindcentraal.child.models import Child
from tests.backend.assertions import assert_problem
from tests.backend.conftest import LOG_CAPTURE
from tests.backend.factories import World

PUPIL_BSN = "111222333"


def _names_no_one(response: httpx.Response, world: World) -> None:
    for secret in (PUPIL_BSN, "Pim", "Pupil", str(world.pupil.id)):
        assert secret not in response.text


async def test_a_second_child_with_the_same_bsn_is_refused_naming_no_one(
    client: httpx.AsyncClient, world: World
) -> None:
    before = len(LOG_CAPTURE.lines)
    body = {
        "centreId": str(world.centre.id),
        "givenName": "Pieter",
        "familyName": "Dubbel",
        "dateOfBirth": "2019-03-01",
        "bsn": PUPIL_BSN,
    }
    refused = await client.post("/children", json=body, headers=world.headers("centre_admin"))
    problem = assert_problem(refused, 409)
    assert problem["type"].endswith("/duplicate-bsn")
    _names_no_one(refused, world)
    # Updating another child to the number: the same; keeping one's own number: fine.
    changed = await client.patch(
        f"/children/{world.toddler.id}",
        json={"bsn": PUPIL_BSN},
        headers=world.headers("centre_admin"),
    )
    assert_problem(changed, 409)
    _names_no_one(changed, world)
    same = await client.patch(
        f"/children/{world.pupil.id}",
        json={"bsn": PUPIL_BSN},
        headers=world.headers("centre_admin"),
    )
    assert same.status_code == 200, same.text
    assert not [line for line in LOG_CAPTURE.lines[before:] if PUPIL_BSN in line]
    # Another municipality may have its own child with that number.
    elsewhere = await client.post(
        "/children",
        json={**body, "centreId": str(world.other_centre.id)},
        headers=world.headers("other_admin"),
    )
    assert elsewhere.status_code == 201, elsewhere.text
    # Without a BSN, any number of children.
    for name in ("Een", "Twee"):
        plain = {**body, "givenName": name}
        plain.pop("bsn")
        created = await client.post("/children", json=plain, headers=world.headers("centre_admin"))
        assert created.status_code == 201


async def test_the_index_decides_a_race_as_the_same_conflict(
    session: AsyncSession, world: World
) -> None:
    """Two requests that both passed the check: the database's unique index refuses the
    second row, and it becomes the 409, not a 500."""
    nested = await session.begin_nested()
    session.add(
        Child(
            tenant_id=world.tenant.id,
            centre_id=world.centre.id,
            given_name="Race",
            family_name="Twee",
            date_of_birth=world.pupil.date_of_birth,
            bsn=PUPIL_BSN,
        )
    )
    with pytest.raises(identity.DuplicateBsn):
        await identity.flush_child(session)
    await nested.rollback()
