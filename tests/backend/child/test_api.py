from datetime import date, timedelta

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.child.models import Child
from tests.backend.assertions import assert_problem
from tests.backend.factories import World, make_child, make_placement

VISIBLE = {
    "centre_admin": {"Pim", "Tess", "Fay"},
    "school_admin": {"Pim"},
    "teacher": {"Pim"},
    "pm": {"Tess"},
    "logopedist": set(),
    "analyst": set(),
    "parent": {"Pim"},
    "parent_without_authority": {"Pim"},
    "outsider_parent": set(),
    "other_admin": {"Otto"},
    "other_teacher": {"Otto"},
}


@pytest.mark.parametrize("who", sorted(VISIBLE))
async def test_each_principal_lists_exactly_the_children_they_relate_to(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    response = await client.get("/children", headers=world.headers(who))
    assert response.status_code == 200
    assert {c["givenName"] for c in response.json()["items"]} == VISIBLE[who]


@pytest.mark.parametrize("who", sorted(VISIBLE))
async def test_each_principal_opens_only_visible_children(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    children = {
        "Pim": world.pupil,
        "Tess": world.toddler,
        "Fay": world.former_pupil,
        "Otto": world.other_child,
    }
    for name, child in children.items():
        response = await client.get(f"/children/{child.id}", headers=world.headers(who))
        expected = 200 if name in VISIBLE[who] else 404
        assert response.status_code == expected, (who, name)
        if expected == 404:
            assert response.headers["content-type"] == "application/problem+json"
            assert "Otto" not in response.text and "Pim" not in response.text


async def test_anonymous_gets_401(client: httpx.AsyncClient, world: World) -> None:
    assert (await client.get("/children")).status_code == 401
    assert (await client.get(f"/children/{world.pupil.id}")).status_code == 401


async def test_contact_person_sees_the_child(client: httpx.AsyncClient, world: World) -> None:
    body = (await client.get(f"/children/{world.toddler.id}", headers=world.headers("pm"))).json()
    assert body["contactPerson"]["userId"] == str(world.pm.id)
    assert body["hasBsn"] is False
    assert "bsn" not in body


async def test_search_filter_and_sort(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for given, family, age in (("Anna", "Zwart", 6), ("Bram", "Appel", 9), ("Cas", "Appel", 7)):
        child = await make_child(
            session,
            world.centre,
            group=world.group,
            given_name=given,
            family_name=family,
            date_of_birth=date.today() - timedelta(days=365 * age),
        )
        await make_placement(session, child, world.school)
    headers = world.headers("teacher")
    found = (await client.get("/children", params={"q": "appel"}, headers=headers)).json()
    assert [c["givenName"] for c in found["items"]] == ["Bram", "Cas"] or [
        c["givenName"] for c in found["items"]
    ] == ["Cas", "Bram"]
    both = (await client.get("/children", params={"q": "bram appel"}, headers=headers)).json()
    assert [c["givenName"] for c in both["items"]] == ["Bram"]
    by_age = (await client.get("/children", params={"sort": "dateOfBirth"}, headers=headers)).json()
    dates = [c["dateOfBirth"] for c in by_age["items"]]
    assert dates == sorted(dates)
    desc = (await client.get("/children", params={"sort": "-familyName"}, headers=headers)).json()
    families = [c["familyName"] for c in desc["items"]]
    assert families == sorted(families, reverse=True)
    in_group = (
        await client.get("/children", params={"groupId": str(world.group.id)}, headers=headers)
    ).json()
    assert {c["givenName"] for c in in_group["items"]} == {"Pim", "Anna", "Bram", "Cas"}
    at_childcare = await client.get(
        "/children",
        params={"organisationId": str(world.childcare.id)},
        headers=world.headers("centre_admin"),
    )
    assert {c["givenName"] for c in at_childcare.json()["items"]} == {"Tess"}


async def test_cursor_pagination_walks_every_child_once(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for i in range(7):
        child = await make_child(session, world.centre, family_name="Same", given_name=f"K{i}")
        await make_placement(session, child, world.school)
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": "3", "sort": "familyName"}
        if cursor:
            params["cursor"] = cursor
        page = (
            await client.get("/children", params=params, headers=world.headers("teacher"))
        ).json()
        seen += [c["id"] for c in page["items"]]
        pages += 1
        cursor = page["nextCursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 8
    assert pages == 3
    bad = await client.get("/children", params={"cursor": "!!"}, headers=world.headers("teacher"))
    assert bad.status_code == 400
    assert bad.json()["errors"][0]["location"] == "cursor"


def _new_child(world: World, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {
        "centreId": str(world.centre.id),
        "groupId": str(world.group.id),
        "givenName": "Nova",
        "familyName": "Nieuw",
        "dateOfBirth": str(date.today() - timedelta(days=365 * 5)),
        "bsn": "123456782",
    }
    body.update(overrides)
    return {k: v for k, v in body.items() if v is not None}


async def test_centre_admin_registers_a_child(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/children", json=_new_child(world), headers=world.headers("centre_admin")
    )
    assert response.status_code == 201
    body = response.json()
    assert body["givenName"] == "Nova"
    assert body["hasBsn"] is True
    assert "bsn" not in body
    again = await client.get(f"/children/{body['id']}", headers=world.headers("centre_admin"))
    assert again.json()["familyName"] == "Nieuw"


@pytest.mark.parametrize(
    ("overrides", "location", "code"),
    [
        ({"dateOfBirth": str(date.today() + timedelta(days=1))}, "#/dateOfBirth", "value_error"),
        (
            {"dateOfBirth": str(date.today() - timedelta(days=365 * 15))},
            "#/dateOfBirth",
            "value_error",
        ),
        ({"bsn": "123456789"}, "#/bsn", "value_error"),
        ({"bsn": "12345678"}, "#/bsn", "string_too_short"),
        ({"bsn": "000000000"}, "#/bsn", "value_error"),
        ({"givenName": ""}, "#/givenName", "string_too_short"),
        ({"givenName": 12}, "#/givenName", "string_type"),
        ({"tenantId": "00000000-0000-0000-0000-000000000000"}, "#/tenantId", "extra_forbidden"),
        ({"given_name": "Snake"}, "#/given_name", "extra_forbidden"),
        ({"centreId": "not-a-uuid"}, "#/centreId", "uuid_parsing"),
    ],
)
async def test_bad_child_input_is_400_and_writes_nothing(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    overrides: dict[str, object],
    location: str,
    code: str,
) -> None:
    before = await session.scalar(select(func.count()).select_from(Child))
    response = await client.post(
        "/children", json=_new_child(world, **overrides), headers=world.headers("centre_admin")
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    errors = response.json()["errors"]
    assert {"in": "body", "location": location, "code": code} == {
        k: errors[0][k] for k in ("in", "location", "code")
    }
    assert "123456789" not in response.text  # the refused BSN is not echoed
    assert await session.scalar(select(func.count()).select_from(Child)) == before


async def test_other_tenants_centre_or_group_is_a_400(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.post(
        "/children",
        json=_new_child(world, centreId=str(world.other_centre.id), groupId=None),
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["location"] == "#/centreId"


async def test_teacher_may_not_register_children(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/children", json=_new_child(world), headers=world.headers("teacher")
    )
    assert response.status_code == 403


async def test_update_child(client: httpx.AsyncClient, world: World) -> None:
    url = f"/children/{world.pupil.id}"
    ok = await client.patch(
        url, json={"givenName": "Pieter"}, headers=world.headers("school_admin")
    )
    assert ok.status_code == 200
    assert ok.json()["givenName"] == "Pieter"
    assert ok.json()["familyName"] == "Pupil"
    teacher = await client.patch(url, json={"givenName": "X"}, headers=world.headers("teacher"))
    assert teacher.status_code == 403
    null = await client.patch(url, json={"givenName": None}, headers=world.headers("school_admin"))
    assert null.status_code == 400
    assert null.json()["errors"][0]["location"] == "#/givenName"
    other = await client.patch(
        f"/children/{world.other_child.id}",
        json={"givenName": "X"},
        headers=world.headers("centre_admin"),
    )
    assert other.status_code == 404
    after = await client.get(url, headers=world.headers("teacher"))
    assert after.json()["givenName"] == "Pieter"


async def test_delete_child(client: httpx.AsyncClient, world: World) -> None:
    url = f"/children/{world.pupil.id}"
    assert (await client.delete(url, headers=world.headers("school_admin"))).status_code == 403
    assert (await client.delete(url, headers=world.headers("other_admin"))).status_code == 404
    assert (await client.delete(url, headers=world.headers("centre_admin"))).status_code == 204
    assert (await client.get(url, headers=world.headers("centre_admin"))).status_code == 404


async def test_bsn_only_for_school_administration(client: httpx.AsyncClient, world: World) -> None:
    url = f"/children/{world.pupil.id}/bsn"
    allowed = await client.get(url, headers=world.headers("school_admin"))
    assert allowed.status_code == 200
    assert allowed.json() == {"bsn": "111222333"}
    for who in ("teacher", "parent", "centre_admin"):
        response = await client.get(url, headers=world.headers(who))
        assert response.status_code == 403, who
        assert "111222333" not in response.text
    assert (await client.get(url, headers=world.headers("pm"))).status_code == 404


async def test_guardians(client: httpx.AsyncClient, world: World) -> None:
    url = f"/children/{world.pupil.id}/guardians"
    listed = await client.get(url, headers=world.headers("teacher"))
    assert listed.status_code == 200
    authority = {g["userId"]: g["hasParentalAuthority"] for g in listed.json()}
    assert authority == {str(world.parent.id): True, str(world.parent_without_authority.id): False}

    body = {
        "userId": str(world.outsider_parent.id),
        "relation": "foster_parent",
        "hasParentalAuthority": False,
    }
    assert (await client.post(url, json=body, headers=world.headers("teacher"))).status_code == 403
    created = await client.post(url, json=body, headers=world.headers("school_admin"))
    assert created.status_code == 201
    guardian_id = created.json()["id"]
    assert created.json()["relation"] == "foster_parent"
    duplicate = await client.post(url, json=body, headers=world.headers("school_admin"))
    assert duplicate.status_code == 409
    foreign = {**body, "userId": str(world.other_teacher.id)}
    refused = await client.post(url, json=foreign, headers=world.headers("school_admin"))
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["location"] == "#/userId"
    # the new guardian now sees the child
    patched = await client.patch(
        f"{url}/{guardian_id}",
        json={"hasParentalAuthority": True},
        headers=world.headers("school_admin"),
    )
    assert patched.json()["hasParentalAuthority"] is True
    removed = await client.delete(f"{url}/{guardian_id}", headers=world.headers("school_admin"))
    assert removed.status_code == 204
    assert len((await client.get(url, headers=world.headers("teacher"))).json()) == 2


async def test_contact_person_is_exactly_one_and_a_professional(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    url = f"/children/{world.pupil.id}/contact-person"
    assert (await client.get(url, headers=world.headers("parent"))).status_code == 404
    not_professional = await client.put(
        url, json={"userId": str(world.parent.id)}, headers=world.headers("school_admin")
    )
    assert not_professional.status_code == 400
    assert not_professional.json()["errors"][0]["code"] == "not_a_professional"
    two = await client.put(
        url,
        json={"userIds": [str(world.teacher.id), str(world.pm.id)]},
        headers=world.headers("school_admin"),
    )
    assert two.status_code == 400
    assert (
        await client.put(
            url, json={"userId": str(world.teacher.id)}, headers=world.headers("parent")
        )
    ).status_code == 403
    first = await client.put(
        url, json={"userId": str(world.teacher.id)}, headers=world.headers("school_admin")
    )
    assert first.status_code == 200
    assert first.json()["userId"] == str(world.teacher.id)
    second = await client.put(
        url,
        json={"userId": str(world.pm.id), "handoverNote": "Zie het plan."},
        headers=world.headers("school_admin"),
    )
    assert second.json()["userId"] == str(world.pm.id)
    seen_by_parent = await client.get(url, headers=world.headers("parent"))
    assert seen_by_parent.json()["displayName"] == world.pm.display_name
    # the newly assigned contact person now sees the child; the previous one only via placement
    assert (
        await client.get(f"/children/{world.pupil.id}", headers=world.headers("pm"))
    ).status_code == 200
    assert (
        await client.put(
            url, json={"userId": str(world.teacher.id)}, headers=world.headers("other_admin")
        )
    ).status_code == 404


async def test_no_administrator_appoints_themselves_guardian(
    client: httpx.AsyncClient, world: World
) -> None:
    url = f"/children/{world.pupil.id}/guardians"
    for who, user in (("school_admin", world.school_admin), ("centre_admin", world.centre_admin)):
        response = await client.post(
            url,
            json={"userId": str(user.id), "relation": "guardian", "hasParentalAuthority": True},
            headers=world.headers(who),
        )
        assert response.status_code == 403, who
    listed = await client.get(url, headers=world.headers("teacher"))
    assert len(listed.json()) == 2


async def test_child_page_in_one_request_with_expand(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    plain = await client.get(f"/children/{world.pupil.id}", headers=world.headers("parent"))
    assert plain.status_code == 200
    assert "embedded" not in plain.json()

    everything = "guardians,placements,contactPerson,careTeam,consents"
    page = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": everything},
        headers=world.headers("parent"),
    )
    assert page.status_code == 200
    body = page.json()
    assert body["id"] == str(world.pupil.id)
    embedded = body["embedded"]
    assert set(embedded) == {"guardians", "placements", "contactPerson", "careTeam", "consents"}
    assert {g["userId"] for g in embedded["guardians"]} >= {str(world.parent.id)}
    assert all(p["childId"] == str(world.pupil.id) for p in embedded["placements"])
    # the page shows the organisation's name: no second request for it
    assert {p["organisationName"] for p in embedded["placements"]} == {world.school.name}
    assert embedded["placements"]

    partial = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": "guardians"},
        headers=world.headers("parent"),
    )
    assert set(partial.json()["embedded"]) == {"guardians"}

    events = (
        await session.scalars(
            select(AuditEvent)
            .where(AuditEvent.actor_user_id == world.parent.id)
            .order_by(AuditEvent.occurred_at)
            .execution_options(populate_existing=True)
        )
    ).all()
    assert [e.parts for e in events[-3:]] == [
        None,
        ["child", "guardians", "placements", "contact-person", "care-team", "consents"],
        ["child", "guardians"],
    ]


async def test_guardian_without_authority_gets_no_care_data_in_the_page(
    client: httpx.AsyncClient, world: World
) -> None:
    page = await client.get(
        f"/children/{world.pupil.id}",
        params={"expand": "guardians,careTeam,consents"},
        headers=world.headers("parent_without_authority"),
    )
    assert page.status_code == 200
    assert set(page.json()["embedded"]) == {"guardians"}


@pytest.mark.parametrize("expand", ["bsn", "", "guardians,,secrets", "GUARDIANS"])
async def test_unknown_expand_parts_are_a_400(
    client: httpx.AsyncClient, world: World, expand: str
) -> None:
    response = await client.get(
        f"/children/{world.pupil.id}", params={"expand": expand}, headers=world.headers("parent")
    )
    assert_problem(response, 400, location="expand", code="invalid_expand", where="query")
