"""Registering an API client and getting its token, over HTTP, as a childcare provider's
system does."""

from dataclasses import dataclass
from typing import Any

import httpx
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.common.scopes import ApiScope
from kindcentraal.organisation.models import Organisation, Role
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World, make_user, token_for

ALL_SCOPES = [scope.value for scope in ApiScope]


@dataclass
class Registered:
    client_id: str
    client_secret: str
    body: dict[str, Any]
    admin_headers: dict[str, str]


async def org_admin_headers(
    session: AsyncSession, world: World, organisation: Organisation
) -> dict[str, str]:
    admin = await make_user(session, world.tenant, roles=[(organisation, Role.ORG_ADMIN)])
    return {"Authorization": f"Bearer {await token_for(session, admin, secret=TEST_SECRET)}"}


async def register(
    client: httpx.AsyncClient,
    session: AsyncSession,
    world: World,
    *,
    organisation: Organisation | None = None,
    scopes: list[str] | None = None,
    name: str = "Planning",
) -> Registered:
    organisation = organisation or world.childcare
    headers = await org_admin_headers(session, world, organisation)
    response = await client.post(
        f"/organisations/{organisation.id}/api-clients",
        json={"name": name, "scopes": scopes if scopes is not None else ALL_SCOPES},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Registered(body["clientId"], body["clientSecret"], body, headers)


async def client_token(
    client: httpx.AsyncClient, registered: Registered, scope: str = ""
) -> dict[str, str]:
    response = await client.post(
        "/auth/token",
        data={
            "grant_type": "client_credentials",
            "client_id": registered.client_id,
            "client_secret": registered.client_secret,
            "scope": scope,
        },
    )
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['access_token']}"}
