"""The real `kindcentraal worker`, SIGKILLed in the middle of delivering ten times over while
changes keep coming, loses no event: every change reaches the receiver at least once, under
its stable id."""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta

from alembic import command
from sqlalchemy import select

from kindcentraal.changes.models import ChangeRecord
from kindcentraal.cli import alembic_config
from kindcentraal.common.scopes import ApiScope
from kindcentraal.db import Database
from kindcentraal.integration.models import ApiClient
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.user.models import User
from kindcentraal.webhooks import service as webhook_service
from kindcentraal.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookSubscription
from tests.backend.factories import make_centre, make_child, make_organisation, make_tenant
from tests.backend.webhooks.conftest import Receiver, live_settings

KILLS = 10
SECRET = "k" * 48


def _worker(database_url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KC_ENV": "test",
        "KC_DATABASE_URL": database_url,
        "KC_SECRET_KEY": SECRET,
        "KC_OUTBOX_LEASE_SECONDS": "1",
        "KC_WORKER_INTERVAL_SECONDS": "0.2",
        "KC_WEBHOOKS_ALLOW_PRIVATE_NETWORKS": "true",
    }
    env.pop("KC_SMTP_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "kindcentraal.cli", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _until(check: Callable[[], bool], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        await asyncio.sleep(0.02)
    return False


async def test_a_worker_killed_mid_delivery_ten_times_loses_no_event(
    empty_database: str,
) -> None:
    settings = live_settings(empty_database, secret_key=SECRET)
    await asyncio.to_thread(command.upgrade, alembic_config(empty_database), "head")
    database = Database(settings.async_database_url)
    receiver = Receiver(delay=0.15)
    await receiver.start()
    try:
        async with database.sessionmaker() as session, session.begin():
            tenant = await make_tenant(session)
            centre = await make_centre(session, tenant)
            childcare = await make_organisation(session, tenant, centres=[centre])
            child = await make_child(session, centre)
            service_user = User(
                tenant_id=tenant.id,
                email=f"client-{uuid.uuid4().hex[:8]}@clients.invalid",
                display_name="Opvang (koppeling)",
                password_hash="-",
                service_account=True,
            )
            session.add(service_user)
            await session.flush()
            client = ApiClient(
                tenant_id=tenant.id,
                organisation_id=childcare.id,
                service_user_id=service_user.id,
                name="Planning",
                scopes=[s.value for s in ApiScope],
            )
            session.add(client)
            await session.flush()
            session.add(
                WebhookSubscription(
                    tenant_id=tenant.id,
                    client_id=client.id,
                    url=receiver.url,
                    event_types=["placement.changed"],
                    secret_encrypted=webhook_service.encrypt_secret(
                        settings, webhook_service.new_secret()
                    ),
                )
            )
        # After the subscription: a subscription hears of changes made after it was made.
        async with database.sessionmaker() as session, session.begin():
            placement = Placement(
                tenant_id=tenant.id,
                child_id=child.id,
                organisation_id=childcare.id,
                kind=PlacementKind.DAYCARE,
                start_date=date.today() - timedelta(days=3),
                days=["monday"],
            )
            session.add(placement)

        async def change(count: int) -> None:
            for _ in range(count):
                async with database.sessionmaker() as session, session.begin():
                    row = await session.get(Placement, placement.id)
                    assert row is not None
                    row.days = ["saturday"] if row.days != ["saturday"] else ["sunday"]

        await change(20)
        kills = 0
        for _ in range(KILLS):
            worker = _worker(empty_database)
            try:
                seen = len(receiver.requests)
                # Mid-delivery: the receiver holds a request it has not answered yet.
                assert await _until(lambda s=seen: len(receiver.requests) > s, 60), "no delivery"
                await change(5)  # changes keep coming while the worker runs and dies
                worker.send_signal(signal.SIGKILL)
                await asyncio.to_thread(worker.wait, 10)
                kills += 1
            finally:
                if worker.poll() is None:
                    worker.kill()
                    await asyncio.to_thread(worker.wait, 10)
        assert kills == KILLS

        async with database.sessionmaker() as session:
            expected = {
                f"msg_{seq}"
                for seq in await session.scalars(
                    select(ChangeRecord.seq).where(ChangeRecord.resource == "placement")
                )
            }
        assert len(expected) == 1 + 20 + 5 * KILLS

        final = _worker(empty_database)
        try:

            async def all_delivered() -> bool:
                async with database.sessionmaker() as session:
                    statuses = list(await session.scalars(select(WebhookDelivery.status)))
                return len(statuses) == len(expected) and all(
                    s == DeliveryStatus.DELIVERED for s in statuses
                )

            deadline = time.monotonic() + 120
            while not await all_delivered():
                if time.monotonic() >= deadline:
                    async with database.sessionmaker() as session:
                        rows = (
                            await session.execute(
                                select(
                                    WebhookDelivery.change_seq,
                                    WebhookDelivery.status,
                                    WebhookDelivery.attempts,
                                    WebhookDelivery.last_error,
                                    WebhookDelivery.next_attempt_at,
                                    WebhookDelivery.locked_until,
                                ).where(WebhookDelivery.status != DeliveryStatus.DELIVERED)
                            )
                        ).all()
                    raise AssertionError(f"not everything was delivered: {rows[:10]}")
                await asyncio.sleep(0.2)
        finally:
            final.terminate()
            await asyncio.to_thread(final.wait, 10)

        arrived = set(receiver.ids())
        assert arrived == expected, sorted(expected - arrived)[:10]
        # At least once: the kills made some arrive twice, always under the same id.
        assert len(receiver.ids()) >= len(expected)
    finally:
        await receiver.stop()
        await database.dispose()
