"""Deliveries as a receiver sees them: Standard Webhooks headers and signatures (checked with
the standard's reference library), a thin payload, stable ids, retries, 410 and 24 hours of
failure switching a subscription off and telling the organisation's admins."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from standardwebhooks import Webhook, WebhookVerificationError

from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.outbox.models import OutboxMail
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.webhooks.delivery import READ_TIMEOUT
from kindcentraal.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from tests.backend.webhooks.conftest import Live, Receiver


async def _deliveries(live: Live, subscription_id: str) -> list[WebhookDelivery]:
    sub_id = uuid.UUID(subscription_id)
    async with live.database.sessionmaker() as session:
        rows = await session.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.subscription_id == sub_id)
            .order_by(WebhookDelivery.change_seq)
        )
        return list(rows)


async def _due_now(live: Live, subscription_id: str) -> None:
    """Move the clock: every pending delivery is due."""
    async with live.database.sessionmaker() as session, session.begin():
        await session.execute(
            update(WebhookDelivery)
            .where(
                WebhookDelivery.subscription_id == uuid.UUID(subscription_id),
                WebhookDelivery.status == DeliveryStatus.PENDING,
            )
            .values(next_attempt_at=datetime.now(UTC) - timedelta(seconds=1))
        )


async def test_a_change_arrives_signed_thin_and_verifiable(live: Live, receiver: Receiver) -> None:
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url)
    secret = subscription["secret"]
    assert secret.startswith("whsec_")
    placement_id = await live.placement()

    assert await live.deliver() == 1
    [request] = receiver.requests
    # The reference library verifies the signature, the id and the timestamp.
    event = Webhook(secret).verify(request.body, request.headers)
    assert event == {
        "type": "placement.changed",
        "timestamp": event["timestamp"],
        "data": {
            "id": str(placement_id),
            "childId": str(live.world.toddler.id),
            "organisationId": str(live.world.childcare.id),
            "change": "created",
        },
    }
    assert request.headers["webhook-id"].startswith("msg_")
    assert request.headers["content-type"] == "application/json"
    # Ids and the kind of change, never a name.
    assert live.world.toddler.given_name not in request.body.decode()
    # A wrong secret or a changed body does not verify.
    other = subscription["secret"][:-4] + ("AAA=" if not secret.endswith("AAA=") else "BBB=")
    for wrong, body in (
        (other, request.body),
        (secret, request.body.replace(b"created", b"deleted")),
    ):
        try:
            Webhook(wrong).verify(body, request.headers)
        except WebhookVerificationError:
            continue
        raise AssertionError("verified what it should not")

    [delivery] = await _deliveries(live, subscription["id"])
    assert delivery.status == DeliveryStatus.DELIVERED
    assert delivery.attempts == 1
    listed = await live.client.get(
        f"/webhook-subscriptions/{subscription['id']}/deliveries", headers=machine.headers
    )
    assert listed.status_code == 200, listed.text
    [item] = listed.json()["items"]
    assert item["eventId"] == request.headers["webhook-id"]
    assert item["status"] == "delivered"
    assert item["lastStatusCode"] == 204
    assert item["nextAttemptAt"] is None


async def test_only_subscribed_types_of_the_own_organisation_arrive(
    live: Live, receiver: Receiver
) -> None:
    machine = await live.register()
    await live.subscribe(machine, receiver.url, ["booking.changed"])
    await live.placement()
    assert await live.deliver() == 0
    # Another organisation's client hears nothing of the childcare's placement either.
    await live.subscribe(machine, receiver.url, ["placement.changed"])
    async with live.database.sessionmaker() as session, session.begin():
        session.add(
            Placement(
                tenant_id=live.world.tenant.id,
                child_id=live.world.pupil.id,
                organisation_id=live.world.school.id,
                kind=PlacementKind.SCHOOL,
                start_date=datetime.now(UTC).date(),
                days=["monday"],
            )
        )
    assert await live.deliver() == 0
    assert receiver.requests == []


async def test_a_rotated_secret_and_the_old_one_both_sign_for_a_day(
    live: Live, receiver: Receiver
) -> None:
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url)
    rotated = await live.client.post(
        f"/webhook-subscriptions/{subscription['id']}/secret-rotation", headers=machine.headers
    )
    assert rotated.status_code == 200, rotated.text
    new = rotated.json()["secret"]
    assert new != subscription["secret"]
    await live.placement()
    assert await live.deliver() == 1
    [request] = receiver.requests
    assert len(request.headers["webhook-signature"].split(" ")) == 2
    Webhook(new).verify(request.body, request.headers)
    Webhook(subscription["secret"]).verify(request.body, request.headers)


async def test_a_receiver_down_for_a_while_gets_every_event_and_dedupes_to_exactly_once(
    live: Live,
) -> None:
    flaky = Receiver()
    await flaky.start()
    machine = await live.register()
    subscription = await live.subscribe(machine, flaky.url)
    placement_id = await live.placement()
    await live.change(placement_id, 4)
    # The first attempts: the receiver answers 503 to every other one, then goes away.
    answers = iter([(503, {}), (200, {})] * 10)
    flaky.answer = lambda _r: next(answers)
    assert await live.deliver() >= 1
    port = flaky.port
    await flaky.stop()
    await _due_now(live, subscription["id"])
    assert await live.deliver() == 0
    pending = [d for d in await _deliveries(live, subscription["id"]) if d.status == "pending"]
    assert pending and all(d.last_error == "connection failed" for d in pending)
    assert all(d.next_attempt_at > datetime.now(UTC) for d in pending)

    # Back on the same port; the retries come due.
    back = Receiver(port=port)
    await back.start()
    try:
        await _due_now(live, subscription["id"])
        await live.deliver()
        deliveries = await _deliveries(live, subscription["id"])
        assert [d.status for d in deliveries] == ["delivered"] * 5
        # A replay sends one again with the same id: at least once, deduplicated by id.
        replay = await live.client.post(
            f"/webhook-deliveries/{deliveries[0].id}/replay", headers=machine.headers
        )
        assert replay.status_code == 202, replay.text
        await live.deliver()
    finally:
        await back.stop()
    accepted = [
        r for r in flaky.requests + back.requests if 200 <= r.status < 300 and r.path == "/hook"
    ]
    ids = [r.headers["webhook-id"] for r in accepted]
    # Every event arrived at least once; the replay made one arrive twice...
    assert set(ids) == {f"msg_{d.change_seq}" for d in deliveries}
    assert len(ids) == len(deliveries) + 1
    # ...with the same id and body: deduplicating by webhook-id leaves each exactly once.
    by_id: dict[str, bytes] = {}
    for request in accepted:
        assert by_id.setdefault(request.headers["webhook-id"], request.body) == request.body
    assert len(by_id) == len(deliveries)


async def test_410_switches_the_subscription_off_and_tells_the_admins(
    live: Live, receiver: Receiver
) -> None:
    receiver.answer = lambda _r: (410, {})
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url)
    placement_id = await live.placement()
    await live.change(placement_id, 2)
    await live.deliver()
    # One 410 is enough: the rest are not sent.
    assert len(receiver.requests) <= 3
    read = await live.client.get(
        f"/webhook-subscriptions/{subscription['id']}", headers=machine.headers
    )
    assert read.json()["enabled"] is False
    assert read.json()["disabledReason"] == "gone"
    statuses = [d.status for d in await _deliveries(live, subscription["id"])]
    assert set(statuses) == {"failed"}
    await _told(live, machine.client_id)

    # Switched on again, it hears of what happens from then on.
    enabled = await live.client.patch(
        f"/webhook-subscriptions/{subscription['id']}",
        json={"enabled": True},
        headers=machine.headers,
    )
    assert enabled.json()["enabled"] is True
    receiver.answer = lambda _r: (200, {})
    before = len(receiver.requests)
    await live.change(placement_id)
    assert await live.deliver() == 1
    assert len(receiver.requests) == before + 1


async def _told(live: Live, client_id: str) -> None:
    async with live.database.sessionmaker() as session:
        notes = (
            await session.scalars(
                select(Notification).where(Notification.kind == NotificationKind.WEBHOOK_DISABLED)
            )
        ).all()
        mails = (
            await session.scalars(
                select(OutboxMail).where(OutboxMail.template == "webhook_disabled")
            )
        ).all()
    admins = {n.user_id for n in notes}
    assert admins, "no admin was told"
    assert {m.user_id for m in mails} >= admins
    assert all("Planning" in m.subject for m in mails)


async def test_24_hours_of_failure_switch_it_off_and_tell_the_admins(
    live: Live, receiver: Receiver
) -> None:
    receiver.answer = lambda _r: (500, {})
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url)
    await live.placement()
    await live.deliver()
    [delivery] = await _deliveries(live, subscription["id"])
    assert delivery.status == "pending" and delivery.last_status_code == 500
    assert delivery.last_error == "status 500"

    # 23 hours on: still retried.
    async with live.database.sessionmaker() as session, session.begin():
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == uuid.UUID(subscription["id"]))
            .values(failing_since=datetime.now(UTC) - timedelta(hours=23))
        )
    await _due_now(live, subscription["id"])
    await live.deliver()
    [delivery] = await _deliveries(live, subscription["id"])
    assert delivery.status == "pending" and delivery.attempts == 2

    # 24 hours and a minute: the delivery fails, the subscription is off, admins are told.
    async with live.database.sessionmaker() as session, session.begin():
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == uuid.UUID(subscription["id"]))
            .values(failing_since=datetime.now(UTC) - timedelta(hours=24, minutes=1))
        )
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery.id)
            .values(give_up_at=datetime.now(UTC))
        )
    await _due_now(live, subscription["id"])
    await live.deliver()
    [delivery] = await _deliveries(live, subscription["id"])
    assert delivery.status == "failed"
    read = await live.client.get(
        f"/webhook-subscriptions/{subscription['id']}", headers=machine.headers
    )
    assert read.json()["disabledReason"] == "failing"
    await _told(live, machine.client_id)


async def test_a_slow_receiver_times_out_and_is_retried(live: Live, receiver: Receiver) -> None:
    receiver.delay = READ_TIMEOUT + 1
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url)
    await live.placement()
    await live.deliver()
    [delivery] = await _deliveries(live, subscription["id"])
    assert delivery.status == "pending" and delivery.last_error == "timeout"
    assert delivery.next_attempt_at > datetime.now(UTC) - timedelta(seconds=1)


async def test_a_childs_consent_reaches_the_organisations_placing_the_child(
    live: Live, receiver: Receiver
) -> None:
    """A consent belongs to the child, not to an organisation: the clients of every
    organisation with a current placement of the child hear of it, and only those."""
    machine = await live.register()
    subscription = await live.subscribe(machine, receiver.url, ["consent.changed"])
    async with live.database.sessionmaker() as session, session.begin():
        for child in (live.world.toddler, live.world.pupil):  # childcare's, the school's
            session.add(
                Consent(
                    tenant_id=live.world.tenant.id,
                    child_id=child.id,
                    organisation_id=live.world.care.id,
                    purpose=ConsentPurpose.PHOTOS,
                    given_by_id=live.world.parent.id,
                    given_at=datetime.now(UTC),
                )
            )
    assert await live.deliver() == 1
    [request] = receiver.requests
    event = Webhook(subscription["secret"]).verify(request.body, request.headers)
    assert event["type"] == "consent.changed"
    assert event["data"]["childId"] == str(live.world.toddler.id)
    assert event["data"]["organisationId"] is None
    assert event["data"]["change"] == "created"
