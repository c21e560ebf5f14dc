"""/organisations and /memberships: partner organisations, their centres, and roles."""

import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.placement.models import Placement
from tests.backend.assertions import assert_problem
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import (
    World,
    make_centre,
    make_organisation,
    make_placement,
    make_user,
    token_for,
)

ORG_KEYS = {"id", "name", "type", "centreIds", "createdAt", "updatedAt"}
MEMBERSHIP_KEYS = {"id", "userId", "organisationId", "role", "createdAt", "updatedAt"}


async def walk(
    client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any
) -> tuple[list[dict[str, Any]], int]:
    """Every item of a list, page by page; returns the items and the number of pages."""
    items: list[dict[str, Any]] = []
    cursor = None
    pages = 0
    while True:
        query = dict(params)
        if cursor:
            query["cursor"] = cursor
        response = await client.get(path, params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        assert len(body["items"]) <= int(params.get("limit", 25))
        items += body["items"]
        pages += 1
        cursor = body["nextCursor"]
        if cursor is None:
            return items, pages
        assert pages < 50, "the cursor never ends"


async def org_row(session: AsyncSession, organisation_id: Any) -> tuple[str, str] | None:
    row = (
        await session.execute(
            select(Organisation.name, Organisation.type).where(Organisation.id == organisation_id)
        )
    ).one_or_none()
    return None if row is None else (row[0], OrganisationType(row[1]).value)


async def centre_links(session: AsyncSession, organisation_id: Any) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(OrganisationCentre.centre_id).where(
            OrganisationCentre.organisation_id == organisation_id
        )
    )
    return set(rows.all())


async def count_orgs(session: AsyncSession, name: str) -> int:
    return await session.scalar(
        select(func.count()).select_from(Organisation).where(Organisation.name == name)
    )


async def membership_role(session: AsyncSession, membership_id: Any) -> str | None:
    role = await session.scalar(select(Membership.role).where(Membership.id == membership_id))
    return None if role is None else Role(role).value


async def membership_of(session: AsyncSession, user: Any, organisation: Any) -> uuid.UUID:
    membership_id = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user.id, Membership.organisation_id == organisation.id
        )
    )
    assert membership_id is not None
    return membership_id


async def count_memberships(session: AsyncSession, **where: Any) -> int:
    statement = select(func.count()).select_from(Membership)
    for column, value in where.items():
        statement = statement.where(getattr(Membership, column) == value)
    return await session.scalar(statement)


# ==========================================================================================
# organisations
# ==========================================================================================


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/organisations"),
        ("POST", "/organisations"),
        ("GET", "/organisations/{id}"),
        ("PATCH", "/organisations/{id}"),
        ("DELETE", "/organisations/{id}"),
    ],
)
async def test_organisations_anonymous_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    body = {"name": "Anoniem", "type": "school"} if method in {"POST", "PATCH"} else None
    response = await client.request(method, path.format(id=world.school.id), json=body)
    assert_problem(response, 401)
    assert await org_row(session, world.school.id) == (world.school.name, "school")
    assert await count_orgs(session, "Anoniem") == 0


async def administered_centre(session: AsyncSession, world: World) -> ChildCentre:
    """A new centre the school takes part in, so the world's centre admin administers it."""
    centre = await make_centre(session, world.tenant)
    session.add(
        OrganisationCentre(
            tenant_id=world.tenant.id, organisation_id=world.school.id, centre_id=centre.id
        )
    )
    await session.flush()
    return centre


async def test_list_organisations_of_own_tenant(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/organisations", headers=world.headers("parent"))
    assert response.status_code == 200
    body = response.json()
    assert body["nextCursor"] is None
    by_id = {o["id"]: o for o in body["items"]}
    expected = {world.school, world.childcare, world.care, world.municipality}
    assert set(by_id) == {str(o.id) for o in expected}
    assert [o["name"] for o in body["items"]] == sorted(o.name for o in expected)
    school = by_id[str(world.school.id)]
    assert set(school) == ORG_KEYS
    assert school["type"] == "school"
    assert school["centreIds"] == [str(world.centre.id)]
    assert by_id[str(world.municipality.id)]["centreIds"] == []


async def test_list_organisations_filters(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    second_centre = await make_centre(session, world.tenant, name="IKC Twee")
    library = await make_organisation(
        session,
        world.tenant,
        type=OrganisationType.LIBRARY,
        centres=[second_centre],
        name="Bibliotheek Centrum",
    )
    headers = world.headers("teacher")

    response = await client.get("/organisations", params={"type": "school"}, headers=headers)
    assert [o["id"] for o in response.json()["items"]] == [str(world.school.id)]

    response = await client.get(
        "/organisations", params={"centreId": str(second_centre.id)}, headers=headers
    )
    assert [o["id"] for o in response.json()["items"]] == [str(library.id)]

    response = await client.get(
        "/organisations", params={"centreId": str(world.centre.id)}, headers=headers
    )
    assert {o["id"] for o in response.json()["items"]} == {
        str(world.school.id),
        str(world.childcare.id),
        str(world.care.id),
    }

    response = await client.get("/organisations", params={"q": "BIBLIO"}, headers=headers)
    assert [o["id"] for o in response.json()["items"]] == [str(library.id)]

    # another tenant's centre matches nothing here
    response = await client.get(
        "/organisations", params={"centreId": str(world.other_centre.id)}, headers=headers
    )
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    ("params", "location"),
    [
        ({"type": "bakery"}, "type"),
        ({"centreId": "nope"}, "centreId"),
        ({"cursor": "WyJ4Il0"}, "cursor"),
        ({"limit": "0"}, "limit"),
    ],
)
async def test_list_organisations_bad_query_400(
    client: httpx.AsyncClient, world: World, params: dict[str, str], location: str
) -> None:
    response = await client.get("/organisations", params=params, headers=world.headers("teacher"))
    assert_problem(response, 400, location=location, where="query")


async def test_organisations_pagination(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    extra = [
        await make_organisation(
            session, world.tenant, type=OrganisationType.SPORT, name=f"Sport {i}"
        )
        for i in range(4)
    ]
    await make_organisation(session, world.other_tenant, name="Sport 1b")
    items, pages = await walk(client, "/organisations", world.headers("teacher"), limit=3)
    ids = [o["id"] for o in items]
    assert pages == 3
    assert len(ids) == len(set(ids)) == 8
    assert set(ids) == {
        str(o.id) for o in [world.school, world.childcare, world.care, world.municipality, *extra]
    }
    names = [o["name"] for o in items]
    assert names == sorted(names)


async def test_read_organisation(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        f"/organisations/{world.childcare.id}", headers=world.headers("teacher")
    )
    assert response.status_code == 200
    body = response.json()
    assert set(body) == ORG_KEYS
    assert body["id"] == str(world.childcare.id)
    assert body["name"] == world.childcare.name
    assert body["type"] == "childcare"
    assert body["centreIds"] == [str(world.centre.id)]


async def test_read_invisible_organisation_404(client: httpx.AsyncClient, world: World) -> None:
    for path in (f"/organisations/{world.other_school.id}", f"/organisations/{uuid.uuid4()}"):
        assert_problem(await client.get(path, headers=world.headers("centre_admin")), 404)
    response = await client.get(
        f"/organisations/{world.school.id}", headers=world.headers("other_admin")
    )
    assert_problem(response, 404)
    response = await client.get("/organisations/123", headers=world.headers("teacher"))
    assert_problem(response, 400, location="organisationId", where="path")


async def test_centre_admin_creates_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    second = await administered_centre(session, world)
    foreign_centre = await make_centre(session, world.tenant)
    refused = await client.post(
        "/organisations",
        json={"name": "Elders", "type": "library", "centreIds": [str(foreign_centre.id)]},
        headers=world.headers("centre_admin"),
    )
    assert refused.status_code == 403  # a centre the admin does not administer
    response = await client.post(
        "/organisations",
        json={
            "name": "Bibliotheek Noord",
            "type": "library",
            "centreIds": [str(second.id), str(world.centre.id), str(second.id)],
        },
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == ORG_KEYS
    assert body["name"] == "Bibliotheek Noord"
    assert body["type"] == "library"
    # the duplicate id is linked once; ids come back in a stable order
    assert body["centreIds"] == sorted([str(second.id), str(world.centre.id)])
    created = uuid.UUID(body["id"])
    assert await centre_links(session, created) == {second.id, world.centre.id}
    read = await client.get(f"/organisations/{created}", headers=world.headers("parent"))
    assert read.json() == body


async def test_create_organisation_without_centres(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/organisations",
        json={"name": "GGD Regio", "type": "youth_health"},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201
    assert response.json()["centreIds"] == []
    assert response.json()["type"] == "youth_health"


async def test_only_centre_admins_create_organisations(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for who in ("school_admin", "teacher", "pm", "logopedist", "analyst", "parent"):
        response = await client.post(
            "/organisations",
            json={"name": "Verboden Org", "type": "sport"},
            headers=world.headers(who),
        )
        assert_problem(response, 403)
    assert await count_orgs(session, "Verboden Org") == 0


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"name": "Fout", "type": "bakery"}, "#/type", "enum"),
        ({"name": 7, "type": "sport"}, "#/name", "string_type"),
        ({"name": "Fout"}, "#/type", "missing"),
        ({"name": "Fout", "type": "sport", "centreIds": "abc"}, "#/centreIds", "list_type"),
        ({"name": "Fout", "type": "sport", "centreIds": ["abc"]}, "#/centreIds/0", "uuid_parsing"),
        ({"name": "Fout", "type": "sport", "website": "x"}, "#/website", "extra_forbidden"),
        ({"name": "Fout", "type": "sport", "centre_ids": []}, "#/centre_ids", "extra_forbidden"),
    ],
)
async def test_create_organisation_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    response = await client.post("/organisations", json=body, headers=world.headers("centre_admin"))
    assert_problem(response, 400, location=location, code=code)
    assert await count_orgs(session, "Fout") == 0


async def test_create_with_unknown_centre_is_field_error(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for foreign in (world.other_centre.id, uuid.uuid4()):
        response = await client.post(
            "/organisations",
            json={
                "name": "Fout",
                "type": "sport",
                "centreIds": [str(world.centre.id), str(foreign)],
            },
            headers=world.headers("centre_admin"),
        )
        assert_problem(response, 400, location="#/centreIds/1", code="unknown_reference")
    assert await count_orgs(session, "Fout") == 0


async def test_create_duplicate_organisation_name_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/organisations",
        json={"name": world.school.name, "type": "sport"},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 409)
    assert await count_orgs(session, world.school.name) == 1
    # uniqueness is per municipality
    response = await client.post(
        "/organisations",
        json={"name": world.other_school.name, "type": "school"},
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201


async def test_org_admin_renames_own_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": "Basisschool De Linde"},
        headers=world.headers("school_admin"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["name"] == "Basisschool De Linde"
    assert body["type"] == "school"
    assert body["centreIds"] == [str(world.centre.id)]
    assert await org_row(session, world.school.id) == ("Basisschool De Linde", "school")


async def test_centre_admin_changes_centres(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    second = await administered_centre(session, world)
    third = await administered_centre(session, world)
    headers = world.headers("centre_admin")
    response = await client.patch(
        f"/organisations/{world.childcare.id}",
        json={"centreIds": [str(second.id), str(third.id)]},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    assert response.json()["centreIds"] == sorted([str(second.id), str(third.id)])
    assert response.json()["name"] == world.childcare.name
    assert await centre_links(session, world.childcare.id) == {second.id, third.id}

    response = await client.patch(
        f"/organisations/{world.childcare.id}",
        json={"centreIds": [str(third.id), str(world.centre.id)]},
        headers=headers,
    )
    assert response.json()["centreIds"] == sorted([str(third.id), str(world.centre.id)])
    assert await centre_links(session, world.childcare.id) == {third.id, world.centre.id}

    response = await client.patch(
        f"/organisations/{world.childcare.id}", json={"centreIds": []}, headers=headers
    )
    assert response.json()["centreIds"] == []
    assert await centre_links(session, world.childcare.id) == set()


async def test_org_admin_may_not_change_centres(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    second = await make_centre(session, world.tenant)
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": "Zou Niet Moeten", "centreIds": [str(second.id)]},
        headers=world.headers("school_admin"),
    )
    assert_problem(response, 403)
    assert await centre_links(session, world.school.id) == {world.centre.id}
    assert await org_row(session, world.school.id) == (world.school.name, "school")


@pytest.mark.parametrize(
    ("who", "organisation"),
    [
        ("teacher", "school"),
        ("pm", "school"),
        ("school_admin", "childcare"),
        ("logopedist", "care"),
        ("parent", "school"),
    ],
)
async def test_update_organisation_forbidden_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str, organisation: str
) -> None:
    target = getattr(world, organisation)
    response = await client.patch(
        f"/organisations/{target.id}", json={"name": "Gekaapt"}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert await org_row(session, target.id) == (target.name, target.type.value)


async def test_update_other_tenants_organisation_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/organisations/{world.other_school.id}",
        json={"name": "Gekaapt"},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 404)
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": "Gekaapt"},
        headers=world.headers("other_admin"),
    )
    assert_problem(response, 404)
    assert await org_row(session, world.other_school.id) == (world.other_school.name, "school")
    assert await org_row(session, world.school.id) == (world.school.name, "school")


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"name": None}, "#/name", "value_error"),
        ({"type": None}, "#/type", "value_error"),
        ({"centreIds": None}, "#/centreIds", "value_error"),
        ({"type": "bakery"}, "#/type", "enum"),
        ({"name": ""}, "#/name", "string_too_short"),
        ({"name": "Nieuw", "createdAt": "2020-01-01T00:00:00Z"}, "#/createdAt", "extra_forbidden"),
    ],
)
async def test_update_organisation_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    response = await client.patch(
        f"/organisations/{world.school.id}", json=body, headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await org_row(session, world.school.id) == (world.school.name, "school")
    assert await centre_links(session, world.school.id) == {world.centre.id}


async def test_update_with_unknown_centre_changes_nothing(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": "Nieuw", "centreIds": [str(world.other_centre.id)]},
        headers=world.headers("centre_admin"),
    )
    assert_problem(response, 400, location="#/centreIds/0", code="unknown_reference")
    assert await centre_links(session, world.school.id) == {world.centre.id}
    assert await org_row(session, world.school.id) == (world.school.name, "school")


async def test_rename_to_taken_organisation_name_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": world.childcare.name},
        headers=world.headers("school_admin"),
    )
    assert_problem(response, 409)
    assert await org_row(session, world.school.id) == (world.school.name, "school")
    # its own name is no conflict
    response = await client.patch(
        f"/organisations/{world.school.id}",
        json={"name": world.school.name},
        headers=world.headers("school_admin"),
    )
    assert response.status_code == 200


async def test_org_admin_may_not_reclassify_own_organisation(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    care_admin = await make_user(session, world.tenant, roles=[(world.care, Role.ORG_ADMIN)])
    headers = {
        "Authorization": f"Bearer {await token_for(session, care_admin, secret=TEST_SECRET)}"
    }
    await make_placement(session, world.pupil, world.care)
    refused = await client.get(f"/children/{world.pupil.id}/bsn", headers=headers)
    assert_problem(refused, 403)
    response = await client.patch(
        f"/organisations/{world.care.id}", json={"type": "youth_health"}, headers=headers
    )
    assert_problem(response, 403)
    assert await org_row(session, world.care.id) == (world.care.name, "care_provider")


async def test_centre_admin_deletes_organisation_with_memberships_and_placements(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/organisations/{world.childcare.id}", headers=world.headers("centre_admin")
    )
    assert response.status_code == 204
    assert await org_row(session, world.childcare.id) is None
    assert await count_memberships(session, organisation_id=world.childcare.id) == 0
    assert (
        await session.scalar(
            select(func.count())
            .select_from(Placement)
            .where(Placement.organisation_id == world.childcare.id)
        )
        == 0
    )
    assert await centre_links(session, world.childcare.id) == set()
    read = await client.get(
        f"/organisations/{world.childcare.id}", headers=world.headers("centre_admin")
    )
    assert_problem(read, 404)
    # the pm's access through the organisation is gone with it
    children = await client.get("/children", headers=world.headers("pm"))
    assert [c["givenName"] for c in children.json()["items"]] == ["Tess"]  # still contact person
    placements = await client.get(
        "/placements", params={"childId": str(world.toddler.id)}, headers=world.headers("pm")
    )
    assert placements.json()["items"] == []


async def test_deleting_the_school_takes_its_groups(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/organisations/{world.school.id}", headers=world.headers("centre_admin")
    )
    assert response.status_code == 204
    assert await session.scalar(select(func.count()).where(Group.id == world.group.id)) == 0
    # the pupil keeps its record, without a group
    assert await session.scalar(select(func.count()).where(Child.id == world.pupil.id)) == 1
    assert await session.scalar(select(Child.group_id).where(Child.id == world.pupil.id)) is None


@pytest.mark.parametrize("who", ["school_admin", "teacher", "analyst"])
async def test_delete_organisation_non_centre_admin_403(
    client: httpx.AsyncClient, world: World, session: AsyncSession, who: str
) -> None:
    response = await client.delete(f"/organisations/{world.school.id}", headers=world.headers(who))
    assert_problem(response, 403)
    assert await org_row(session, world.school.id) == (world.school.name, "school")
    assert await count_memberships(session, organisation_id=world.school.id) == 3


async def test_delete_other_tenants_organisation_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.delete(
        f"/organisations/{world.other_school.id}", headers=world.headers("centre_admin")
    )
    assert_problem(response, 404)
    assert await org_row(session, world.other_school.id) is not None


# ==========================================================================================
# memberships
# ==========================================================================================


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/memberships"),
        ("POST", "/memberships"),
        ("GET", "/memberships/{id}"),
        ("PATCH", "/memberships/{id}"),
        ("DELETE", "/memberships/{id}"),
    ],
)
async def test_memberships_anonymous_401(
    client: httpx.AsyncClient, world: World, session: AsyncSession, method: str, path: str
) -> None:
    membership_id = await membership_of(session, world.teacher, world.school)
    body = None
    if method == "POST":
        body = {
            "userId": str(world.parent.id),
            "organisationId": str(world.school.id),
            "role": "staff",
        }
    elif method == "PATCH":
        body = {"role": "org_admin"}
    response = await client.request(method, path.format(id=membership_id), json=body)
    assert_problem(response, 401)
    assert await membership_role(session, membership_id) == "staff"
    assert await count_memberships(session, user_id=world.parent.id) == 0


async def test_centre_admin_lists_memberships_of_their_centres_organisations(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/memberships", headers=world.headers("centre_admin"))
    assert response.status_code == 200
    items = response.json()["items"]
    assert all(set(m) == MEMBERSHIP_KEYS for m in items)
    pairs = {(m["userId"], m["organisationId"], m["role"]) for m in items}
    assert pairs == {
        (str(world.centre_admin.id), str(world.school.id), "centre_admin"),
        (str(world.school_admin.id), str(world.school.id), "org_admin"),
        (str(world.teacher.id), str(world.school.id), "staff"),
        (str(world.pm.id), str(world.childcare.id), "staff"),
        (str(world.logopedist.id), str(world.care.id), "care_professional"),
    }  # the municipality's own organisation takes part in no centre of theirs


async def test_org_admin_lists_own_organisations_memberships(
    client: httpx.AsyncClient, world: World
) -> None:
    response = await client.get("/memberships", headers=world.headers("school_admin"))
    assert response.status_code == 200
    assert {m["userId"] for m in response.json()["items"]} == {
        str(world.centre_admin.id),
        str(world.school_admin.id),
        str(world.teacher.id),
    }


@pytest.mark.parametrize("who", ["teacher", "pm", "analyst"])
async def test_members_see_only_their_own_membership(
    client: httpx.AsyncClient, world: World, who: str
) -> None:
    response = await client.get("/memberships", headers=world.headers(who))
    assert response.status_code == 200
    items = response.json()["items"]
    assert [m["userId"] for m in items] == [str(getattr(world, who).id)]


async def test_user_without_membership_sees_none(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/memberships", headers=world.headers("parent"))
    assert response.status_code == 200
    assert response.json() == {"items": [], "nextCursor": None}


async def test_list_memberships_filters(client: httpx.AsyncClient, world: World) -> None:
    headers = world.headers("centre_admin")
    response = await client.get(
        "/memberships", params={"organisationId": str(world.school.id)}, headers=headers
    )
    assert {m["userId"] for m in response.json()["items"]} == {
        str(world.centre_admin.id),
        str(world.school_admin.id),
        str(world.teacher.id),
    }
    response = await client.get(
        "/memberships", params={"userId": str(world.pm.id)}, headers=headers
    )
    assert [(m["organisationId"], m["role"]) for m in response.json()["items"]] == [
        (str(world.childcare.id), "staff")
    ]
    response = await client.get(
        "/memberships", params={"organisationId": str(world.other_school.id)}, headers=headers
    )
    assert response.json()["items"] == []
    response = await client.get("/memberships", params={"userId": "not-a-uuid"}, headers=headers)
    assert_problem(response, 400, location="userId", where="query")


async def test_memberships_invalid_cursor_400(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        "/memberships", params={"cursor": "%%%"}, headers=world.headers("centre_admin")
    )
    assert_problem(response, 400, location="cursor", code="invalid_cursor", where="query")


async def test_memberships_first_page_has_a_cursor(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        "/memberships", params={"limit": 4}, headers=world.headers("centre_admin")
    )
    assert response.status_code == 200
    assert len(response.json()["items"]) == 4
    assert response.json()["nextCursor"]


async def test_memberships_pagination(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    for organisation in (world.childcare, world.care, world.municipality):
        await make_user(session, world.tenant, roles=[(organisation, Role.STAFF)])
    await make_user(session, world.other_tenant, roles=[(world.other_school, Role.STAFF)])
    items, pages = await walk(client, "/memberships", world.headers("centre_admin"), limit=3)
    ids = [m["id"] for m in items]
    assert pages == 3
    assert len(ids) == len(set(ids)) == 7
    in_centre = (world.school.id, world.childcare.id, world.care.id)
    expected = set(
        (
            await session.scalars(
                select(Membership.id).where(
                    Membership.tenant_id == world.tenant.id,
                    Membership.organisation_id.in_(in_centre),
                )
            )
        ).all()
    )
    assert {uuid.UUID(i) for i in ids} == expected


async def test_read_membership(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    membership_id = await membership_of(session, world.teacher, world.school)
    for who in ("teacher", "school_admin", "centre_admin"):
        response = await client.get(f"/memberships/{membership_id}", headers=world.headers(who))
        assert response.status_code == 200, who
        body = response.json()
        assert set(body) == MEMBERSHIP_KEYS
        assert body == {
            **body,
            "id": str(membership_id),
            "userId": str(world.teacher.id),
            "organisationId": str(world.school.id),
            "role": "staff",
        }


async def test_read_invisible_membership_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    admins = await membership_of(session, world.school_admin, world.school)
    pms = await membership_of(session, world.pm, world.childcare)
    others = await membership_of(session, world.other_teacher, world.other_school)
    cases = [
        ("teacher", admins),  # a colleague's membership
        ("school_admin", pms),  # a membership of another organisation
        ("parent", admins),
        ("centre_admin", others),  # another tenant
        ("other_admin", admins),
        ("centre_admin", uuid.uuid4()),
    ]
    for who, membership_id in cases:
        response = await client.get(f"/memberships/{membership_id}", headers=world.headers(who))
        assert_problem(response, 404)


async def test_org_admin_grants_a_role(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    before = await client.get("/children", headers=world.headers("outsider_parent"))
    assert before.json()["items"] == []
    response = await client.post(
        "/memberships",
        json={
            "userId": str(world.outsider_parent.id),
            "organisationId": str(world.school.id),
            "role": "staff",
        },
        headers=world.headers("school_admin"),
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert set(body) == MEMBERSHIP_KEYS
    assert body["userId"] == str(world.outsider_parent.id)
    assert body["organisationId"] == str(world.school.id)
    assert body["role"] == "staff"
    assert await membership_role(session, uuid.UUID(body["id"])) == "staff"
    # the role takes effect: the new staff member sees the school's pupil
    after = await client.get("/children", headers=world.headers("outsider_parent"))
    assert [c["givenName"] for c in after.json()["items"]] == ["Pim"]


async def test_centre_admin_grants_centre_admin(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/memberships",
        json={
            "userId": str(world.analyst.id),
            "organisationId": str(world.childcare.id),
            "role": "centre_admin",
        },
        headers=world.headers("centre_admin"),
    )
    assert response.status_code == 201
    assert response.json()["role"] == "centre_admin"
    assert await count_memberships(session, user_id=world.analyst.id) == 2


@pytest.mark.parametrize(
    ("who", "organisation", "role"),
    [
        ("teacher", "school", "staff"),  # not an administrator at all
        ("pm", "childcare", "staff"),
        ("parent", "school", "staff"),
        ("school_admin", "childcare", "staff"),  # administers another organisation
        ("school_admin", "school", "centre_admin"),  # only centre admins grant centre_admin
    ],
)
async def test_grant_forbidden_403(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    organisation: str,
    role: str,
) -> None:
    response = await client.post(
        "/memberships",
        json={
            "userId": str(world.outsider_parent.id),
            "organisationId": str(getattr(world, organisation).id),
            "role": role,
        },
        headers=world.headers(who),
    )
    assert_problem(response, 403)
    assert await count_memberships(session, user_id=world.outsider_parent.id) == 0


async def test_grant_unknown_references_400(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    headers = world.headers("centre_admin")
    cases = [
        (
            {"userId": str(world.other_teacher.id), "organisationId": str(world.school.id)},
            "#/userId",
        ),
        ({"userId": str(uuid.uuid4()), "organisationId": str(world.school.id)}, "#/userId"),
        (
            {"userId": str(world.outsider_parent.id), "organisationId": str(world.other_school.id)},
            "#/organisationId",
        ),
    ]
    for body, location in cases:
        response = await client.post(
            "/memberships", json={**body, "role": "staff"}, headers=headers
        )
        assert_problem(response, 400, location=location, code="unknown_reference")
    assert await count_memberships(session, user_id=world.other_teacher.id) == 1
    assert await count_memberships(session, user_id=world.outsider_parent.id) == 0


@pytest.mark.parametrize(
    ("change", "location", "code"),
    [
        ({"role": "boss"}, "#/role", "enum"),
        ({"role": None}, "#/role", "enum"),
        ({"userId": 12}, "#/userId", "uuid_type"),
        ({"organisationId": "school"}, "#/organisationId", "uuid_parsing"),
        ({"tenantId": str(uuid.uuid4())}, "#/tenantId", "extra_forbidden"),
    ],
)
async def test_grant_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    change: dict[str, Any],
    location: str,
    code: str,
) -> None:
    body = {
        "userId": str(world.outsider_parent.id),
        "organisationId": str(world.school.id),
        "role": "staff",
        **change,
    }
    response = await client.post("/memberships", json=body, headers=world.headers("centre_admin"))
    assert_problem(response, 400, location=location, code=code)
    assert await count_memberships(session, user_id=world.outsider_parent.id) == 0


async def test_duplicate_membership_409(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    response = await client.post(
        "/memberships",
        json={
            "userId": str(world.teacher.id),
            "organisationId": str(world.school.id),
            "role": "org_admin",
        },
        headers=world.headers("school_admin"),
    )
    assert_problem(response, 409)
    assert await count_memberships(session, user_id=world.teacher.id) == 1
    membership_id = await membership_of(session, world.teacher, world.school)
    assert await membership_role(session, membership_id) == "staff"


async def test_org_admin_changes_a_role(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    membership_id = await membership_of(session, world.teacher, world.school)
    response = await client.patch(
        f"/memberships/{membership_id}",
        json={"role": "org_admin"},
        headers=world.headers("school_admin"),
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["id"] == str(membership_id)
    assert body["role"] == "org_admin"
    assert body["userId"] == str(world.teacher.id)
    assert await membership_role(session, membership_id) == "org_admin"
    # a role change ends the member's sessions; after logging in again they administer
    stale = await client.get("/memberships", headers=world.headers("teacher"))
    assert stale.status_code == 401
    fresh = await token_for(session, world.teacher, secret=TEST_SECRET)
    listed = await client.get("/memberships", headers={"Authorization": f"Bearer {fresh}"})
    assert len(listed.json()["items"]) == 3


@pytest.mark.parametrize(
    ("who", "member", "organisation", "role"),
    [
        ("teacher", "teacher", "school", "org_admin"),  # promoting oneself
        ("school_admin", "teacher", "school", "centre_admin"),  # granting centre_admin
        ("school_admin", "centre_admin", "school", "staff"),  # demoting a centre admin
    ],
)
async def test_change_role_forbidden_403(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    member: str,
    organisation: str,
    role: str,
) -> None:
    membership_id = await membership_of(
        session, getattr(world, member), getattr(world, organisation)
    )
    before = await membership_role(session, membership_id)
    response = await client.patch(
        f"/memberships/{membership_id}", json={"role": role}, headers=world.headers(who)
    )
    assert_problem(response, 403)
    assert await membership_role(session, membership_id) == before


async def test_change_invisible_membership_404(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    pms = await membership_of(session, world.pm, world.childcare)
    others = await membership_of(session, world.other_teacher, world.other_school)
    for who, membership_id in (("school_admin", pms), ("centre_admin", others)):
        response = await client.patch(
            f"/memberships/{membership_id}", json={"role": "org_admin"}, headers=world.headers(who)
        )
        assert_problem(response, 404)
    assert await membership_role(session, pms) == "staff"
    assert await membership_role(session, others) == "staff"


@pytest.mark.parametrize(
    ("body", "location", "code"),
    [
        ({"role": None}, "#/role", "value_error"),
        ({"role": "chief"}, "#/role", "enum"),
        ({"role": "staff", "userId": str(uuid.uuid4())}, "#/userId", "extra_forbidden"),
    ],
)
async def test_change_role_bad_body_400(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    body: dict[str, Any],
    location: str,
    code: str,
) -> None:
    membership_id = await membership_of(session, world.teacher, world.school)
    response = await client.patch(
        f"/memberships/{membership_id}", json=body, headers=world.headers("school_admin")
    )
    assert_problem(response, 400, location=location, code=code)
    assert await membership_role(session, membership_id) == "staff"


async def test_org_admin_ends_a_membership(
    client: httpx.AsyncClient, world: World, session: AsyncSession
) -> None:
    membership_id = await membership_of(session, world.teacher, world.school)
    before = await client.get("/children", headers=world.headers("teacher"))
    assert [c["givenName"] for c in before.json()["items"]] == ["Pim"]
    response = await client.delete(
        f"/memberships/{membership_id}", headers=world.headers("school_admin")
    )
    assert response.status_code == 204
    assert await membership_role(session, membership_id) is None
    # the former teacher's session ends at once, and a new login sees no child
    stale = await client.get("/children", headers=world.headers("teacher"))
    assert stale.status_code == 401
    fresh = await token_for(session, world.teacher, secret=TEST_SECRET)
    after = await client.get("/children", headers={"Authorization": f"Bearer {fresh}"})
    assert after.json()["items"] == []
    read = await client.get(f"/memberships/{membership_id}", headers=world.headers("school_admin"))
    assert_problem(read, 404)


@pytest.mark.parametrize(
    ("who", "member", "organisation", "status"),
    [
        ("teacher", "teacher", "school", 403),
        ("school_admin", "centre_admin", "school", 403),
        ("school_admin", "pm", "childcare", 404),
        ("pm", "teacher", "school", 404),
        ("other_admin", "teacher", "school", 404),
        ("centre_admin", "other_teacher", "other_school", 404),
    ],
)
async def test_end_membership_refused(
    client: httpx.AsyncClient,
    world: World,
    session: AsyncSession,
    who: str,
    member: str,
    organisation: str,
    status: int,
) -> None:
    membership_id = await membership_of(
        session, getattr(world, member), getattr(world, organisation)
    )
    before = await membership_role(session, membership_id)
    response = await client.delete(f"/memberships/{membership_id}", headers=world.headers(who))
    assert_problem(response, status)
    assert await membership_role(session, membership_id) == before
