"""The authorization matrix for machine clients: every operation of the OpenAPI document x
the childcare organisation's API clients x own / other / foreign object.

Expected statuses follow the documented rules (docs/integration.md), not the code:
- a client acts as its organisation's staff towards children: it sees those placed there
  (child B), so on an operation it may call it gets what the childcare staff member gets;
- it may call only the operations that name a scope it holds (CLIENT_OPERATIONS); any other
  operation, and every operation for people only, answers 403 before any object is looked at;
- the changes feed is for clients only, whatever their scopes.
"""

import time

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from tests.backend.conftest import TEST_SECRET, RunningJobs
from tests.backend.matrix_world import CLIENT_PRINCIPALS, build_matrix_world
from tests.backend.test_authorization_matrix import (
    PUBLIC,
    TABLE,
    UUID_RE,
    VISIBLE_CHILDREN,
    Call,
    Ctx,
    operations,
)

# The scope each operation open to clients needs (docs/integration.md, "Scopes").
CLIENT_OPERATIONS: dict[str, str] = {
    "GET /children": "children:read",
    "GET /children/{childId}": "children:read",
    "GET /placements": "placements:read",
    "GET /placements/{placementId}": "placements:read",
    "POST /placements": "placements:write",
    "POST /placements/bulk": "placements:write",
    "PATCH /placements/{placementId}": "placements:write",
    "DELETE /placements/{placementId}": "placements:write",
    "PUT /children/{childId}/daily-attendance/{date}": "attendance:write",
    "POST /daily-attendance/bulk": "attendance:write",
    "GET /buildings": "bookings:read",
    "GET /buildings/{buildingId}": "bookings:read",
    "GET /rooms": "bookings:read",
    "GET /rooms/{roomId}": "bookings:read",
    "GET /child-centres/{centreId}/holidays": "bookings:read",
    "GET /bookings": "bookings:read",
    "GET /bookings/{bookingId}": "bookings:read",
    "POST /bookings": "bookings:write",
    "PATCH /bookings/{bookingId}": "bookings:write",
    "POST /bookings/{bookingId}/transitions": "bookings:write",
    "GET /activities": "activities:read",
    "GET /activities/{activityId}": "activities:read",
    "GET /activities/{activityId}/sessions": "activities:read",
    "GET /activities/{activityId}/enrolments": "activities:read",
    "GET /webhook-subscriptions": "webhooks:manage",
    "POST /webhook-subscriptions": "webhooks:manage",
    "GET /webhook-subscriptions/{subscriptionId}": "webhooks:manage",
    "PATCH /webhook-subscriptions/{subscriptionId}": "webhooks:manage",
    "DELETE /webhook-subscriptions/{subscriptionId}": "webhooks:manage",
    "POST /webhook-subscriptions/{subscriptionId}/secret-rotation": "webhooks:manage",
    "GET /webhook-subscriptions/{subscriptionId}/deliveries": "webhooks:manage",
    "POST /webhook-deliveries/{deliveryId}/replay": "webhooks:manage",
}
# A client manages its own webhooks as its organisation's admin manages the organisation's
# clients' (docs/webhooks.md): the own subscription is the full client's.
AS_ADMIN = {key for key, scope in CLIENT_OPERATIONS.items() if scope == "webhooks:manage"}
CLIENTS_ONLY = {"GET /changes": 200}
# The childcare staff member is the client's model; where the client's answer differs, the
# rule that makes it differ is written here.
AS_STAFF = "childcare_staff"
CLIENT_VISIBLE = VISIBLE_CHILDREN[AS_STAFF]


def expected(key: str, principal: str, obj: str) -> int:
    if key in CLIENTS_ONLY:
        return CLIENTS_ONLY[key]
    scope = CLIENT_OPERATIONS.get(key)
    if scope is None or scope not in CLIENT_PRINCIPALS[principal]:
        return 403
    return TABLE[key].expect[obj]["childcare_admin" if key in AS_ADMIN else AS_STAFF]


async def test_client_matrix(
    app: FastAPI,
    client: httpx.AsyncClient,
    session: AsyncSession,
    connection: AsyncConnection,
) -> None:
    started = time.monotonic()
    jobs: RunningJobs = app.state.api.state.test_jobs
    world = await build_matrix_world(session, secret=TEST_SECRET)
    await session.flush()
    keys = [k for k in operations((await client.get("/openapi.json")).json()) if k not in PUBLIC]
    assert set(CLIENT_OPERATIONS) <= set(keys), "client operations the document lacks"
    child_ids = {key: rows.id for key, rows in world.children.items()}
    invisible = {str(child_ids[k]) for k in child_ids if k not in CLIENT_VISIBLE}
    foreign = {str(i) for i in world.foreign_ids}
    problems: list[str] = []
    cells = 0
    missing = [key for key in keys if key not in TABLE]
    if missing:
        problems.append(f"  operations without a row in TABLE: {missing}")
    for key in keys:
        if key not in TABLE:
            continue
        method, template = key.split(" ", 1)
        row = TABLE[key]
        for principal in CLIENT_PRINCIPALS:
            for obj in row.objects:
                cells += 1
                # Objects resolve as for the childcare staff member the client stands in for.
                ctx = Ctx(world, AS_STAFF, obj, client)
                savepoint = await connection.begin_nested()
                try:
                    call = row.build(ctx)
                    if not isinstance(call, Call):
                        call = await call
                    url = template.format(**{k: str(v) for k, v in call.path.items()})
                    response = await client.request(
                        method,
                        url,
                        headers=world.headers(principal),
                        json=call.json,
                        data=call.form,
                        files=call.files,
                        params=call.query,
                    )
                    await jobs.idle()
                finally:
                    await savepoint.rollback()
                want = expected(key, principal, obj)
                if response.status_code != want:
                    problems.append(
                        f"  {key} | {principal} | {obj} | {want} | {response.status_code}  "
                        f"{response.text[:140]}"
                    )
                if 200 <= response.status_code < 300 and response.content:
                    leaked = set(UUID_RE.findall(response.text)) & (foreign | invisible)
                    if leaked:
                        problems.append(f"  LEAK {key} as {principal} ({obj}): {sorted(leaked)}")
    summary = (
        f"client matrix: {len(keys)} operations x {len(CLIENT_PRINCIPALS)} clients; "
        f"{cells} cells; {time.monotonic() - started:.1f}s"
    )
    print("\n" + summary)
    assert not problems, summary + "\n" + "\n".join(problems)
