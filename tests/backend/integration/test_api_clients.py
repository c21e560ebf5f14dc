"""Machine clients: registration by an organisation admin, the client-credentials grant, and
what a client may and may not reach."""

import base64

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession, async_sessionmaker

from kindcentraal.audit.models import AuditEvent
from kindcentraal.integration.models import ApiClientSecret
from kindcentraal.integration.usage import ClientLimits
from kindcentraal.placement.models import PlacementKind
from kindcentraal.user.models import User
from tests.backend.assertions import assert_problem
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import (
    World,
    make_child,
    make_guardian,
    make_placement,
    make_user,
    token_for,
)
from tests.backend.integration.helpers import (
    client_token,
    org_admin_headers,
    register,
)


async def test_registration_answers_the_secret_once_and_stores_only_its_hash(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read"])
    assert registered.client_secret.startswith("kcs_")
    assert registered.body["scopes"] == ["children:read"]
    stored = (await session.scalars(select(ApiClientSecret.secret_hash))).all()
    assert registered.client_secret not in stored
    assert len(stored) == 1 and len(stored[0]) == 64
    read = await client.get(
        f"/organisations/{world.childcare.id}/api-clients/{registered.client_id}",
        headers=registered.admin_headers,
    )
    assert read.status_code == 200, read.text
    assert "clientSecret" not in read.json()
    assert registered.client_secret not in read.text
    assert read.json()["secrets"][0]["hint"] == registered.client_secret[:8]
    # The service account never shows among the tenant's users.
    users = await client.get("/users", params={"limit": 100}, headers=world.headers("centre_admin"))
    assert all("koppeling" not in u["displayName"] for u in users.json()["items"])


async def test_only_the_organisations_admins_register_clients(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    body = {"name": "Planning", "scopes": ["children:read"]}
    path = f"/organisations/{world.childcare.id}/api-clients"
    for who in ("pm", "school_admin", "parent"):
        response = await client.post(path, json=body, headers=world.headers(who))
        assert response.status_code in (403, 404), (who, response.text)
    other = await client.post(
        f"/organisations/{world.other_school.id}/api-clients",
        json=body,
        headers=world.headers("centre_admin"),
    )
    assert_problem(other, 404)
    bad = await client.post(
        path,
        json={"name": "Planning", "scopes": ["children:write"]},
        headers=await org_admin_headers(session, world, world.childcare),
    )
    assert_problem(bad, 400)
    assert bad.json()["errors"][0]["location"].startswith("#/scopes")


async def test_client_credentials_in_the_form_or_as_http_basic(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read", "placements:read"])
    form = await client.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered.client_id,
            "client_secret": registered.client_secret,
            "scope": "children:read",
        },
    )
    assert form.status_code == 200, form.text
    assert form.json()["scope"] == "children:read"
    assert form.json()["organisationId"] == str(world.childcare.id)
    assert form.json()["token_type"] == "bearer"
    assert "refresh_token" not in form.json()
    assert form.headers["cache-control"] == "no-store"
    basic = base64.b64encode(f"{registered.client_id}:{registered.client_secret}".encode()).decode()
    by_basic = await client.post(
        "/auth/token",
        data={"grant_type": "client_credentials"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert by_basic.status_code == 200, by_basic.text
    assert by_basic.json()["scope"] == "children:read placements:read"

    wrong = await client.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered.client_id,
            "client_secret": registered.client_secret + "x",
        },
    )
    assert_problem(wrong, 401)
    assert wrong.json()["error"] == "invalid_client"
    too_much = await client.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered.client_id,
            "client_secret": registered.client_secret,
            "scope": "bookings:write",
        },
    )
    assert_problem(too_much, 400)
    assert too_much.json()["error"] == "invalid_scope"


async def test_a_client_sees_only_its_organisations_children_without_bsn(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    bso_child = await make_child(
        session, world.centre, given_name="Bo", family_name="Bso", bsn="123456782"
    )
    await make_placement(session, bso_child, world.childcare, kind=PlacementKind.OUT_OF_SCHOOL_CARE)
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    listed = await client.get("/children", params={"limit": 100}, headers=headers)
    assert listed.status_code == 200, listed.text
    ids = {c["id"] for c in listed.json()["items"]}
    assert ids == {str(world.toddler.id), str(bso_child.id)}
    assert "123456782" not in listed.text
    assert all(c.get("bsn") is None for c in listed.json()["items"])
    # The school's pupil and another municipality's child: not there at all.
    for child in (world.pupil, world.other_child):
        assert_problem(await client.get(f"/children/{child.id}", headers=headers), 404)
    assert_problem(await client.get(f"/children/{bso_child.id}/bsn", headers=headers), 403)
    parts = await client.get(
        f"/children/{bso_child.id}", params={"expand": "consents"}, headers=headers
    )
    assert_problem(parts, 400)
    one = await client.get(f"/children/{bso_child.id}", headers=headers)
    assert one.status_code == 200 and one.json()["givenName"] == "Bo"


async def test_user_only_routes_and_missing_scopes_are_refused(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    for path in (
        "/me",
        f"/children/{world.toddler.id}/consents",
        "/threads",
        f"/children/{world.toddler.id}/access-log",
        "/notifications",
    ):
        response = await client.get(path, headers=headers)
        assert_problem(response, 403)
        assert response.json()["type"].endswith("not-for-api-clients"), path
    placements = await client.get("/placements", headers=headers)
    assert_problem(placements, 403)
    assert "insufficient_scope" in placements.headers["www-authenticate"]


async def test_parents_see_the_integration_by_its_organisation_in_the_access_log(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    assert (await client.get(f"/children/{world.toddler.id}", headers=headers)).status_code == 200
    name = await session.scalar(
        select(User.display_name).where(User.email == f"{registered.client_id}@api-clients.invalid")
    )
    assert name is not None and name.endswith(" (koppeling)")
    events = await session.scalar(
        select(func.count()).select_from(AuditEvent).where(AuditEvent.actor_role == "api_client")
    )
    assert events and events >= 2  # the token, the read


async def test_revoking_ends_tokens_at_once_and_rotation_overlaps(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    path = f"/organisations/{world.childcare.id}/api-clients/{registered.client_id}"
    rotated = await client.post(
        path + "/secret-rotation", json={"overlapHours": 1}, headers=registered.admin_headers
    )
    assert rotated.status_code == 201, rotated.text
    new_secret = rotated.json()["clientSecret"]
    assert new_secret != registered.client_secret
    # Both secrets work during the overlap.
    await client_token(client, registered)
    registered_new = type(registered)(registered.client_id, new_secret, {}, {})
    await client_token(client, registered_new)
    assert (await client.get("/children", headers=headers)).status_code == 200
    revoked = await client.delete(path, headers=registered.admin_headers)
    assert revoked.status_code == 204
    assert_problem(await client.get("/children", headers=headers), 401)
    again = await client.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered.client_id,
            "client_secret": new_secret,
        },
    )
    assert_problem(again, 401)


async def test_rate_limits_answer_429_and_the_admin_sees_usage_and_errors(
    app: FastAPI,
    client: httpx.AsyncClient,
    session: AsyncSession,
    connection: AsyncConnection,
    world: World,
) -> None:
    api = app.state.api
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    kept = api.state.client_limits
    api.state.client_limits = ClientLimits("3/minute")
    try:
        statuses = [(await client.get("/children", headers=headers)).status_code for _ in range(4)]
        limited = await client.get("/children", headers=headers)
    finally:
        api.state.client_limits = kept
    assert statuses == [200, 200, 200, 429]
    assert_problem(limited, 429)
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    # A wrong scope is an error of the client's too.
    assert (await client.get("/placements", headers=headers)).status_code == 403

    await api.state.client_usage.flush(
        async_sessionmaker(bind=connection, join_transaction_mode="create_savepoint")
    )
    read = await client.get(
        f"/organisations/{world.childcare.id}/api-clients/{registered.client_id}",
        headers=registered.admin_headers,
    )
    assert read.status_code == 200, read.text
    today = read.json()["usage"][0]
    assert (today["calls"], today["errors"]) == (6, 3)
    errors = read.json()["recentErrors"]
    assert [(e["status"], e["route"]) for e in errors[:3]] == [
        (403, "/placements"),
        (429, "/children"),
        (429, "/children"),
    ]


async def test_the_parent_reads_the_organisation_and_koppeling_in_the_access_log(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    guardian = await make_user(session, world.tenant)
    await make_guardian(session, world.toddler, guardian)
    parent = {"Authorization": f"Bearer {await token_for(session, guardian, secret=TEST_SECRET)}"}
    registered = await register(client, session, world, scopes=["children:read"])
    headers = await client_token(client, registered)
    assert (await client.get(f"/children/{world.toddler.id}", headers=headers)).status_code == 200
    log = await client.get(f"/children/{world.toddler.id}/access-log", headers=parent)
    assert log.status_code == 200, log.text
    entry = next(e for e in log.json()["items"] if e["role"] == "api_client")
    assert entry["actorName"] == f"{world.childcare.name} (koppeling)"
    assert entry["organisationName"] == world.childcare.name


async def test_every_call_of_a_client_is_in_the_access_log_refused_ones_too(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    registered = await register(client, session, world, scopes=["bookings:read"])
    headers = await client_token(client, registered)
    events = (
        select(AuditEvent.resource, AuditEvent.action, AuditEvent.result)
        .where(AuditEvent.actor_role == "api_client", AuditEvent.resource != "api-token")
        .order_by(AuditEvent.occurred_at)
    )
    assert (await client.get("/rooms", headers=headers)).status_code == 200
    assert (await client.get("/placements", headers=headers)).status_code == 403
    rows = [tuple(row) for row in (await session.execute(events)).all()]
    assert rows == [("room", "list", "allowed"), ("placement", "list", "denied")]


async def test_the_list_gives_each_client_its_own_secrets(
    client: httpx.AsyncClient, session: AsyncSession, world: World
) -> None:
    first = await register(client, session, world, scopes=["children:read"], name="Planning")
    second = await register(client, session, world, scopes=["bookings:read"], name="Facturen")
    listed = await client.get(
        f"/organisations/{world.childcare.id}/api-clients", headers=first.admin_headers
    )
    assert listed.status_code == 200, listed.text
    hints = {c["clientId"]: [s["hint"] for s in c["secrets"]] for c in listed.json()}
    assert hints[first.client_id] == [first.client_secret[:8]]
    assert hints[second.client_id] == [second.client_secret[:8]]
