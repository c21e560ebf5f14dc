"""A worker killed in the middle of delivering loses no mail and sends none twice: the real
`kindcentraal worker` process against a database of its own and a real SMTP server."""

import asyncio
import os
import signal
import subprocess
import sys
import uuid
from datetime import UTC, datetime

from alembic import command
from sqlalchemy import select

from kindcentraal.cli import alembic_config
from kindcentraal.db import make_engine
from kindcentraal.outbox.delivery import message_id
from kindcentraal.outbox.models import MailStatus, OutboxMail
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User
from tests.backend.smtp import smtp_server

MAILS = 6


def _worker(database_url: str, smtp_url: str) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "KC_ENV": "test",
        "KC_DATABASE_URL": database_url,
        "KC_SMTP_URL": smtp_url,
        "KC_SECRET_KEY": "x" * 40,
        "KC_OUTBOX_LEASE_SECONDS": "2",
        "KC_WORKER_INTERVAL_SECONDS": "0.2",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "kindcentraal.cli", "worker"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


async def _statuses(database_url: str) -> dict[uuid.UUID, MailStatus]:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as conn:
            rows = await conn.execute(select(OutboxMail.id, OutboxMail.status))
            return dict(rows.tuples().all())
    finally:
        await engine.dispose()


async def test_a_killed_worker_loses_no_mail_and_sends_none_twice(empty_database: str) -> None:
    await asyncio.to_thread(command.upgrade, alembic_config(empty_database), "head")
    engine = make_engine(empty_database)
    ids = [uuid.uuid4() for _ in range(MAILS)]
    async with engine.begin() as conn:
        tenant_id, user_id = uuid.uuid4(), uuid.uuid4()
        now = datetime.now(UTC)
        await conn.execute(
            Tenant.__table__.insert(),
            [
                {
                    "id": tenant_id,
                    "name": "Huizen",
                    "slug": f"h{tenant_id.hex[:8]}",
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        await conn.execute(
            User.__table__.insert(),
            [
                {
                    "id": user_id,
                    "tenant_id": tenant_id,
                    "email": "ouder@example.nl",
                    "display_name": "Ouder",
                    "password_hash": "-",
                    "is_active": True,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        await conn.execute(
            OutboxMail.__table__.insert(),
            [
                {
                    "id": mail_id,
                    "tenant_id": tenant_id,
                    "user_id": user_id,
                    "to_address": "ouder@example.nl",
                    "template": "test",
                    "subject": f"Melding {n}",
                    "body": "Open KindCentraal.",
                    "status": "pending",
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                    "updated_at": now,
                }
                for n, mail_id in enumerate(ids)
            ],
        )
    await engine.dispose()

    with smtp_server() as (inbox, smtp_url):
        # The third mail is held at the server; the worker is killed while it waits.
        inbox.slow_data = (3, 1.5)
        worker = _worker(empty_database, smtp_url)
        try:
            assert await asyncio.to_thread(inbox.data_began.wait, 60), "no delivery began"
            worker.send_signal(signal.SIGKILL)
            await asyncio.to_thread(worker.wait, 10)
        finally:
            if worker.poll() is None:
                worker.kill()
        at_kill = await _statuses(empty_database)
        assert sum(s == MailStatus.SENT for s in at_kill.values()) == 2
        await asyncio.sleep(1.6)  # the server finishes with the dead client's mail
        assert len(inbox.messages) == 2

        restarted = _worker(empty_database, smtp_url)
        try:
            for _ in range(150):
                statuses = await _statuses(empty_database)
                if all(s == MailStatus.SENT for s in statuses.values()):
                    break
                await asyncio.sleep(0.2)
        finally:
            restarted.terminate()
            await asyncio.to_thread(restarted.wait, 10)

        assert statuses == dict.fromkeys(ids, MailStatus.SENT)
        received = sorted(m["Message-ID"] for m in inbox.messages)
        assert received == sorted(message_id(mail_id) for mail_id in ids)
