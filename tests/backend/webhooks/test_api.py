"""The subscription routes: who may call them, which rows each caller reaches, bad bodies, the
secret shown once and kept encrypted, switching off and on, replays, the access log."""

import uuid

from sqlalchemy import func, select

from kindcentraal.audit.models import AuditEvent
from kindcentraal.changes.service import EVENT_TYPES
from kindcentraal.webhooks import service as webhook_service
from kindcentraal.webhooks.models import WebhookDelivery, WebhookSubscription
from kindcentraal.webhooks.schemas import EventType
from tests.backend.webhooks.conftest import Live, Receiver

PUBLIC = "http://93.184.216.34/hook"


def test_the_event_types_are_the_change_logs() -> None:
    assert {e.value for e in EventType} == set(EVENT_TYPES.values())


async def test_who_may_call(live: Live) -> None:
    anonymous = await live.client.get("/webhook-subscriptions")
    assert anonymous.status_code == 401
    # Staff of the organisation are no admins.
    staff = await live.client.get("/webhook-subscriptions", headers=live.headers("pm"))
    assert staff.status_code == 403
    # A client without webhooks:manage.
    reader = await live.register(["children:read", "placements:read"])
    scoped = await live.client.get("/webhook-subscriptions", headers=reader.headers)
    assert scoped.status_code == 403
    assert scoped.json()["type"].endswith("/insufficient-scope")
    # A parent.
    parent = await live.client.get("/webhook-subscriptions", headers=live.headers("parent"))
    assert parent.status_code == 403


async def test_each_caller_reaches_only_its_own_or_its_clients_subscriptions(
    live: Live,
) -> None:
    one, two = await live.register(), await live.register()
    first = await live.subscribe(one, PUBLIC)
    second = await live.subscribe(two, PUBLIC, ["booking.changed"])
    path = f"/webhook-subscriptions/{first['id']}"

    mine = await live.client.get("/webhook-subscriptions", headers=one.headers)
    assert {s["id"] for s in mine.json()["items"]} == {first["id"]}
    assert (await live.client.get(path, headers=two.headers)).status_code == 404
    assert (await live.client.delete(path, headers=two.headers)).status_code == 404

    # The childcare organisation's admin sees both, and filters by client.
    listed = await live.client.get(
        "/webhook-subscriptions", params={"limit": 100}, headers=live.org_admin
    )
    assert {first["id"], second["id"]} <= {s["id"] for s in listed.json()["items"]}
    filtered = await live.client.get(
        "/webhook-subscriptions", params={"clientId": two.client_id}, headers=live.org_admin
    )
    assert [s["id"] for s in filtered.json()["items"]] == [second["id"]]
    assert (await live.client.get(path, headers=live.org_admin)).status_code == 200
    # The centre admin administers the organisations of the centre: the childcare's too.
    assert (await live.client.get(path, headers=live.headers("centre_admin"))).status_code == 200
    # The school's admin and another municipality's admin do not.
    for who in ("school_admin", "other_admin"):
        assert (await live.client.get(path, headers=live.headers(who))).status_code == 404
        listed = await live.client.get("/webhook-subscriptions", headers=live.headers(who))
        assert first["id"] not in listed.text
        deliveries = await live.client.get(f"{path}/deliveries", headers=live.headers(who))
        assert deliveries.status_code == 404


async def test_an_admin_subscribes_a_client_of_their_organisation(live: Live) -> None:
    machine = await live.register()
    body = {"url": PUBLIC, "eventTypes": ["placement.changed"]}
    missing = await live.client.post("/webhook-subscriptions", json=body, headers=live.org_admin)
    assert missing.status_code == 400
    assert missing.json()["errors"][0]["location"] == "#/clientId"
    made = await live.client.post(
        "/webhook-subscriptions",
        json={**body, "clientId": machine.client_id},
        headers=live.org_admin,
    )
    assert made.status_code == 201, made.text
    assert made.json()["clientId"] == machine.client_id
    # Not for a client the caller does not administer, nor a made-up one.
    for who, client_id in (
        ("school_admin", machine.client_id),
        ("other_admin", machine.client_id),
        ("centre_admin", str(uuid.uuid4())),
    ):
        refused = await live.client.post(
            "/webhook-subscriptions",
            json={**body, "clientId": client_id},
            headers=live.headers(who),
        )
        assert refused.status_code == 400, (who, refused.text)
        assert refused.json()["errors"][0]["location"] == "#/clientId"
    # A client names only itself.
    other = await live.register()
    refused = await live.client.post(
        "/webhook-subscriptions",
        json={**body, "clientId": other.client_id},
        headers=machine.headers,
    )
    assert refused.status_code == 400


async def test_bad_bodies_are_400_with_the_field(live: Live) -> None:
    machine = await live.register(["placements:read", "webhooks:manage"])
    cases = [
        ({"url": PUBLIC, "eventTypes": []}, "#/eventTypes"),
        ({"url": PUBLIC, "eventTypes": ["placement.created"]}, "#/eventTypes/0"),
        ({"url": PUBLIC, "eventTypes": ["placement.changed", "placement.changed"]}, "#/eventTypes"),
        # The client cannot see bookings: a subscription to them would stay silent.
        ({"url": PUBLIC, "eventTypes": ["booking.changed"]}, "#/eventTypes/0"),
        ({"url": "not a url", "eventTypes": ["placement.changed"]}, "#/url"),
        ({"eventTypes": ["placement.changed"]}, "#/url"),
        ({"url": PUBLIC, "eventTypes": ["placement.changed"], "secret": "x"}, "#/secret"),
    ]
    for body, location in cases:
        response = await live.client.post(
            "/webhook-subscriptions", json=body, headers=machine.headers
        )
        assert response.status_code == 400, (body, response.text)
        assert location in [e["location"] for e in response.json()["errors"]], response.text


async def test_the_secret_is_shown_once_and_kept_encrypted(live: Live) -> None:
    machine = await live.register()
    made = await live.subscribe(machine, PUBLIC)
    secret = made["secret"]
    assert secret.startswith("whsec_") and len(secret) >= len("whsec_") + 32
    read = await live.client.get(f"/webhook-subscriptions/{made['id']}", headers=machine.headers)
    assert "secret" not in read.json()
    listed = await live.client.get("/webhook-subscriptions", headers=machine.headers)
    assert secret not in listed.text
    async with live.database.sessionmaker() as session:
        stored = await session.scalar(
            select(WebhookSubscription.secret_encrypted).where(
                WebhookSubscription.id == uuid.UUID(made["id"])
            )
        )
    assert stored is not None and secret not in stored
    assert webhook_service.decrypt_secret(live.settings, stored) == secret


async def test_patch_switches_off_and_on_and_changes_types(live: Live) -> None:
    machine = await live.register()
    made = await live.subscribe(machine, PUBLIC)
    path = f"/webhook-subscriptions/{made['id']}"
    off = await live.client.patch(path, json={"enabled": False}, headers=machine.headers)
    assert off.status_code == 200, off.text
    assert off.json()["enabled"] is False and off.json()["disabledReason"] == "manual"
    on = await live.client.patch(
        path,
        json={"enabled": True, "eventTypes": ["booking.changed", "consent.changed"]},
        headers=machine.headers,
    )
    assert on.json()["enabled"] is True and on.json()["disabledReason"] is None
    assert on.json()["eventTypes"] == ["booking.changed", "consent.changed"]
    null = await live.client.patch(path, json={"url": None}, headers=machine.headers)
    assert null.status_code == 400
    gone = await live.client.delete(path, headers=machine.headers)
    assert gone.status_code == 204
    assert (await live.client.get(path, headers=machine.headers)).status_code == 404


async def test_deliveries_page_and_replay(live: Live, receiver: Receiver) -> None:
    machine = await live.register()
    made = await live.subscribe(machine, receiver.url)
    placement_id = await live.placement()
    await live.change(placement_id, 2)
    assert await live.deliver() == 3
    path = f"/webhook-subscriptions/{made['id']}/deliveries"
    first = await live.client.get(path, params={"limit": 2}, headers=machine.headers)
    assert first.status_code == 200
    page = first.json()
    assert len(page["items"]) == 2 and page["nextCursor"]
    rest = await live.client.get(
        path, params={"limit": 2, "cursor": page["nextCursor"]}, headers=machine.headers
    )
    items = page["items"] + rest.json()["items"]
    assert rest.json()["nextCursor"] is None
    # Newest change first; every item names its event, never content.
    seqs = [int(i["eventId"].removeprefix("msg_")) for i in items]
    assert seqs == sorted(seqs, reverse=True) and len(seqs) == 3
    failed_only = await live.client.get(path, params={"status": "failed"}, headers=machine.headers)
    assert failed_only.json()["items"] == []

    replayed = await live.client.post(
        f"/webhook-deliveries/{items[-1]['id']}/replay", headers=live.org_admin
    )
    assert replayed.status_code == 202, replayed.text
    assert replayed.json()["status"] == "pending"
    assert (
        await live.client.post(
            f"/webhook-deliveries/{items[-1]['id']}/replay", headers=live.headers("school_admin")
        )
    ).status_code == 404
    assert await live.deliver() == 1
    assert receiver.ids().count(items[-1]["eventId"]) == 2

    # A switched-off subscription replays nothing.
    await live.client.patch(
        f"/webhook-subscriptions/{made['id']}", json={"enabled": False}, headers=machine.headers
    )
    refused = await live.client.post(
        f"/webhook-deliveries/{items[0]['id']}/replay", headers=machine.headers
    )
    assert refused.status_code == 409


async def test_writes_are_in_the_access_log(live: Live) -> None:
    """Each write once as the write, and each call of the client once as its call."""

    async def count(calls: bool = False) -> int:
        basis = AuditEvent.basis.like("api client:%")
        async with live.database.sessionmaker() as session:
            return int(
                await session.scalar(
                    select(func.count())
                    .select_from(AuditEvent)
                    .where(
                        AuditEvent.resource.like("webhook-%"),
                        basis if calls else AuditEvent.basis.is_(None),
                    )
                )
                or 0
            )

    before, calls_before = await count(), await count(calls=True)
    machine = await live.register()
    made = await live.subscribe(machine, PUBLIC)
    await live.client.post(
        f"/webhook-subscriptions/{made['id']}/secret-rotation", headers=machine.headers
    )
    await live.client.delete(f"/webhook-subscriptions/{made['id']}", headers=machine.headers)
    assert await count() - before == 3
    assert await count(calls=True) - calls_before == 3
    async with live.database.sessionmaker() as session:
        left = await session.scalar(
            select(func.count())
            .select_from(WebhookDelivery)
            .where(WebhookDelivery.subscription_id == uuid.UUID(made["id"]))
        )
    assert left == 0
