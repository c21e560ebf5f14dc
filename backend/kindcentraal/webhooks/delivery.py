"""Delivering webhooks (Standard Webhooks): claim, send, record, retry.

The worker claims due deliveries by setting a lease (`locked_until`) and commits; it sends
them, many at a time, and records the outcomes in batches. A worker killed at any point leaves
its claimed deliveries leased: after the lease they are due again and go out with the same
`webhook-id`. So an event can arrive twice (killed between the receiver's 2xx and our commit),
never not at all; receivers deduplicate by the id.
"""

import asyncio
import contextlib
import json
import logging
import random
import ssl
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import Table, and_, bindparam, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from standardwebhooks import Webhook

from kindcentraal.config import Settings
from kindcentraal.integration.models import ApiClient
from kindcentraal.webhooks import alerts
from kindcentraal.webhooks import service as webhook_service
from kindcentraal.webhooks.addresses import Resolver, Target, UnsafeUrl
from kindcentraal.webhooks.fanout import Listener, Mark, fan_out, has_changes_after
from kindcentraal.webhooks.models import (
    DeliveryStatus,
    DisabledReason,
    WebhookDelivery,
    WebhookSubscription,
)

logger = logging.getLogger("kindcentraal.webhooks")

CONCURRENCY = 32
POOLS = 16
# When nothing is moving, look for new changes this often: commit to receipt stays well
# under a second.
IDLE_POLL = 0.05
FLUSH_EVERY = 0.05
# Retries come due on their own: looking for them twice a second is soon enough.
CLAIM_EVERY = 0.5
FLUSH_SIZE = 200
CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 5.0
# The whole attempt, however slowly a receiver trickles its answer.
ATTEMPT_TIMEOUT = 10.0
MAX_RESPONSE_BYTES = 64 * 1024
BACKOFF_BASE = 5.0
BACKOFF_CAP = 3600.0
DISABLE_AFTER = timedelta(hours=24)
USER_AGENT = "KindCentraal-Webhooks/1"
_DELIVERY: Table = WebhookDelivery.__table__  # type: ignore[assignment]


def backoff(attempts: int) -> float:
    """Seconds until the next try: exponential with full jitter (5 s, 10 s, ... up to 1 h)."""
    ceiling = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** max(0, attempts - 1))
    return random.uniform(0, ceiling)  # noqa: S311 - spreading retries, not a secret


@dataclass(frozen=True)
class Claimed:
    id: uuid.UUID
    tenant_id: uuid.UUID
    subscription_id: uuid.UUID
    change_seq: int
    event_type: str
    resource_id: uuid.UUID
    child_id: uuid.UUID | None
    organisation_id: uuid.UUID | None
    change: str
    occurred_at: datetime
    attempts: int
    give_up_at: datetime
    lease: datetime
    url: str
    secret_encrypted: str
    previous_secret_encrypted: str | None
    previous_secret_until: datetime | None
    client_revoked: bool
    # When this worker took it (monotonic clock).
    taken: float = field(default_factory=time.monotonic)


@dataclass(frozen=True)
class Outcome:
    claimed: Claimed
    at: datetime
    delivered: bool = False
    status_code: int | None = None
    error: str | None = None
    # Final without retrying: 410 Gone, or a client that was revoked.
    final: bool = False

    @property
    def gone(self) -> bool:
        return self.status_code == 410


def payload(claimed: Claimed) -> bytes:
    """The thin payload: what changed, ids and time; never names or care data. The same bytes
    on every attempt."""
    body = {
        "type": claimed.event_type,
        "timestamp": claimed.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "data": {
            "id": str(claimed.resource_id),
            "childId": str(claimed.child_id) if claimed.child_id else None,
            "organisationId": str(claimed.organisation_id) if claimed.organisation_id else None,
            "change": claimed.change,
        },
    }
    return json.dumps(body, separators=(",", ":")).encode()


def signature(secrets: list[str], msg_id: str, at: datetime, body: bytes) -> str:
    """`webhook-signature`: one `v1,<base64>` per secret in force, space separated."""
    text = body.decode()
    return " ".join(Webhook(secret).sign(msg_id, at, text) for secret in secrets)


async def claim(
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: Settings,
    *,
    limit: int,
    skip: set[uuid.UUID],
) -> list[Claimed]:
    """Lease up to `limit` due deliveries of enabled subscriptions (not those in `skip`)."""
    now = datetime.now(UTC)
    lease = now + timedelta(seconds=settings.outbox_lease_seconds)
    async with sessionmaker() as session, session.begin():
        statement = (
            select(
                WebhookDelivery.id,
                WebhookDelivery.tenant_id,
                WebhookDelivery.subscription_id,
                WebhookDelivery.change_seq,
                WebhookDelivery.event_type,
                WebhookDelivery.resource_id,
                WebhookDelivery.child_id,
                WebhookDelivery.organisation_id,
                WebhookDelivery.change,
                WebhookDelivery.occurred_at,
                WebhookDelivery.attempts,
                WebhookDelivery.give_up_at,
                WebhookSubscription.url,
                WebhookSubscription.secret_encrypted,
                WebhookSubscription.previous_secret_encrypted,
                WebhookSubscription.previous_secret_until,
                ApiClient.revoked_at,
            )
            .join(
                WebhookSubscription,
                WebhookSubscription.id == WebhookDelivery.subscription_id,
            )
            .join(
                ApiClient,
                and_(
                    ApiClient.id == WebhookSubscription.client_id,
                    ApiClient.tenant_id == WebhookSubscription.tenant_id,
                ),
            )
            .where(
                WebhookDelivery.status == DeliveryStatus.PENDING,
                WebhookDelivery.next_attempt_at <= now,
                or_(WebhookDelivery.locked_until.is_(None), WebhookDelivery.locked_until < now),
                WebhookSubscription.disabled_at.is_(None),
            )
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
            .limit(limit)
        )
        if skip:
            statement = statement.where(WebhookDelivery.subscription_id.not_in(sorted(skip)))
        if not settings.is_sqlite:
            # Workers side by side take different deliveries instead of waiting on each other.
            statement = statement.with_for_update(of=_DELIVERY, skip_locked=True)
        rows = (await session.execute(statement)).all()
        if not rows:
            return []
        ids = [row.id for row in rows]
        for start in range(0, len(ids), 500):
            await session.execute(
                update(WebhookDelivery)
                .where(WebhookDelivery.id.in_(ids[start : start + 500]))
                .values(locked_until=lease, attempts=WebhookDelivery.attempts + 1)
                .execution_options(synchronize_session=False)
            )
    return [
        Claimed(
            id=row.id,
            tenant_id=row.tenant_id,
            subscription_id=row.subscription_id,
            change_seq=row.change_seq,
            event_type=row.event_type,
            resource_id=row.resource_id,
            child_id=row.child_id,
            organisation_id=row.organisation_id,
            change=row.change,
            occurred_at=row.occurred_at,
            attempts=row.attempts + 1,
            give_up_at=row.give_up_at,
            lease=lease,
            url=row.url,
            secret_encrypted=row.secret_encrypted,
            previous_secret_encrypted=row.previous_secret_encrypted,
            previous_secret_until=row.previous_secret_until,
            client_revoked=row.revoked_at is not None,
        )
        for row in rows
    ]


class Sender:
    """Sends one delivery to the address its URL resolves to (checked, pinned)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.resolver = Resolver(allow_private=settings.webhooks_allow_private_networks)
        self._clients: dict[tuple[str, str, str, int], list[httpx.AsyncClient]] = {}
        self._turn = 0
        self._plain: dict[str, str | None] = {}
        # One TLS context (the system's trust store) for every pool: loading it is slow.
        self._tls = ssl.create_default_context()

    def _client(self, target: Target) -> httpx.AsyncClient:
        # Connection pools per receiver name and address: a TLS connection made for one name
        # is never reused for a request to another name behind the same address. Several
        # small pools, not one large one: httpcore walks every connection of a pool on each
        # request, which cost more CPU than the request itself at 32 connections.
        key = (target.scheme, target.host, str(target.address), target.port)
        pools = self._clients.get(key)
        if pools is None:
            if len(self._clients) > 1000:
                self._clients.clear()  # the old ones close when collected
            pools = [self._new_client(self._tls) for _ in range(POOLS)]
            self._clients[key] = pools
        self._turn += 1
        return pools[self._turn % POOLS]

    @staticmethod
    def _new_client(tls: ssl.SSLContext) -> httpx.AsyncClient:
        per_pool = max(1, CONCURRENCY // POOLS)
        return httpx.AsyncClient(
            verify=tls,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT, pool=ATTEMPT_TIMEOUT),
            follow_redirects=False,
            # Never through a proxy from the environment: the address must be the one that
            # was checked.
            trust_env=False,
            limits=httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool),
        )

    def _decrypt(self, encrypted: str) -> str | None:
        # Decrypted once per secret, not per event (a worker sends hundreds a second).
        if encrypted not in self._plain:
            if len(self._plain) > 10_000:
                self._plain.clear()
            self._plain[encrypted] = webhook_service.decrypt_secret(self.settings, encrypted)
        return self._plain[encrypted]

    def _secrets(self, claimed: Claimed, now: datetime) -> list[str]:
        secrets = [self._decrypt(claimed.secret_encrypted)]
        if (
            claimed.previous_secret_encrypted is not None
            and claimed.previous_secret_until is not None
            and claimed.previous_secret_until > now
        ):
            secrets.append(self._decrypt(claimed.previous_secret_encrypted))
        return [secret for secret in secrets if secret is not None]

    async def send(self, claimed: Claimed) -> Outcome:
        if claimed.client_revoked:
            return Outcome(claimed, datetime.now(UTC), error="client revoked", final=True)
        try:
            target = await self.resolver.target(
                claimed.url, https_only=self.settings.env == "production"
            )
        except UnsafeUrl as exc:
            return Outcome(claimed, datetime.now(UTC), error=f"address refused: {exc.code}")
        now = datetime.now(UTC)
        secrets = self._secrets(claimed, now)
        if not secrets:
            # KC_SECRET_KEY changed: nothing can sign; the subscription needs a new secret.
            return Outcome(claimed, now, error="secret unreadable; rotate the secret")
        body = payload(claimed)
        msg_id = webhook_service.event_id(claimed.change_seq)
        headers = {
            "Host": target.host_header,
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "webhook-id": msg_id,
            "webhook-timestamp": str(int(now.timestamp())),
            "webhook-signature": signature(secrets, msg_id, now, body),
        }
        client = self._client(target)
        extensions: dict[str, Any] = {}
        if target.scheme == "https":
            extensions["sni_hostname"] = target.host
        request = client.build_request(
            "POST", target.pinned_url(), content=body, headers=headers, extensions=extensions
        )
        try:
            async with asyncio.timeout(ATTEMPT_TIMEOUT):
                response = await client.send(request, stream=True)
                try:
                    received = 0
                    async for chunk in response.aiter_raw():
                        received += len(chunk)
                        if received > MAX_RESPONSE_BYTES:
                            break
                finally:
                    await response.aclose()
        except (TimeoutError, httpx.TimeoutException):
            return Outcome(claimed, datetime.now(UTC), error="timeout")
        except httpx.ConnectError:
            return Outcome(claimed, datetime.now(UTC), error="connection failed")
        except httpx.HTTPError as exc:
            return Outcome(claimed, datetime.now(UTC), error=type(exc).__name__)
        code = response.status_code
        at = datetime.now(UTC)
        if 200 <= code < 300:
            return Outcome(claimed, at, delivered=True, status_code=code)
        if code == 410:
            return Outcome(claimed, at, status_code=code, error="gone", final=True)
        if 300 <= code < 400:
            return Outcome(claimed, at, status_code=code, error=f"redirect {code} not followed")
        return Outcome(claimed, at, status_code=code, error=f"status {code}")

    async def close(self) -> None:
        for pools in self._clients.values():
            for client in pools:
                await client.aclose()
        self._clients.clear()


async def record(
    sessionmaker: async_sessionmaker[AsyncSession], outcomes: list[Outcome]
) -> list[uuid.UUID]:
    """Write a batch of outcomes in one transaction; answers the subscriptions it disabled.

    Only a delivery still under the lease it was sent with is updated: one whose lease ran out
    and that another worker took over is that worker's to record."""
    if not outcomes:
        return []
    now = datetime.now(UTC)
    # Delivered ones by lease and status: a few statements for a batch of hundreds (a
    # statement per row cost more than the sending). delivered_at is the batch's time, at
    # most FLUSH_EVERY after the receiver's answer.
    delivered: dict[tuple[datetime, int | None], list[uuid.UUID]] = {}
    retry, failed = [], []
    for outcome in outcomes:
        claimed = outcome.claimed
        key = {"b_id": claimed.id, "b_lease": claimed.lease}
        if outcome.delivered:
            delivered.setdefault((claimed.lease, outcome.status_code), []).append(claimed.id)
        elif outcome.final or outcome.at >= claimed.give_up_at:
            failed.append({**key, "b_code": outcome.status_code, "b_error": outcome.error})
        else:
            next_at = outcome.at + timedelta(seconds=backoff(claimed.attempts))
            retry.append(
                {**key, "b_code": outcome.status_code, "b_error": outcome.error, "b_next": next_at}
            )
    mine = and_(
        _DELIVERY.c.id == bindparam("b_id"), _DELIVERY.c.locked_until == bindparam("b_lease")
    )
    async with sessionmaker() as session, session.begin():
        for (lease, code), ids in delivered.items():
            for start in range(0, len(ids), 500):
                await session.execute(
                    update(_DELIVERY)
                    .where(
                        _DELIVERY.c.id.in_(ids[start : start + 500]),
                        _DELIVERY.c.locked_until == lease,
                    )
                    .values(
                        status=DeliveryStatus.DELIVERED.value,
                        delivered_at=now,
                        last_status_code=code,
                        last_error=None,
                        locked_until=None,
                        updated_at=now,
                    )
                )
        if retry:
            await session.execute(
                update(_DELIVERY)
                .where(mine)
                .values(
                    next_attempt_at=bindparam("b_next"),
                    last_status_code=bindparam("b_code"),
                    last_error=bindparam("b_error"),
                    locked_until=None,
                    updated_at=now,
                ),
                retry,
            )
        if failed:
            await session.execute(
                update(_DELIVERY)
                .where(mine)
                .values(
                    status=DeliveryStatus.FAILED.value,
                    last_status_code=bindparam("b_code"),
                    last_error=bindparam("b_error"),
                    locked_until=None,
                    updated_at=now,
                ),
                failed,
            )
        return await _subscription_health(session, outcomes, now)


async def _subscription_health(
    session: AsyncSession, outcomes: list[Outcome], now: datetime
) -> list[uuid.UUID]:
    """A delivered event clears a subscription's failing clock, a failed one starts it; 410 or
    24 hours of failures switch it off and tell the client's organisation admins."""
    last: dict[uuid.UUID, Outcome] = {}
    first_failure: dict[uuid.UUID, datetime] = {}
    for outcome in sorted(outcomes, key=lambda o: o.at):
        sub_id = outcome.claimed.subscription_id
        last[sub_id] = outcome
        if outcome.delivered:
            first_failure.pop(sub_id, None)
        elif not outcome.claimed.client_revoked:
            first_failure.setdefault(sub_id, outcome.at)
    healthy = sorted(s for s, o in last.items() if o.delivered)
    if healthy:
        await session.execute(
            update(WebhookSubscription)
            .where(
                WebhookSubscription.id.in_(healthy), WebhookSubscription.failing_since.is_not(None)
            )
            .values(failing_since=None)
            .execution_options(synchronize_session=False)
        )
    for sub_id, since in sorted(first_failure.items()):
        await session.execute(
            update(WebhookSubscription)
            .where(WebhookSubscription.id == sub_id, WebhookSubscription.failing_since.is_(None))
            .values(failing_since=since)
            .execution_options(synchronize_session=False)
        )
    gone = {o.claimed.subscription_id for o in outcomes if o.gone}
    candidates = sorted(gone | set(first_failure))
    if not candidates:
        return []
    subscriptions = (
        await session.scalars(
            select(WebhookSubscription).where(
                WebhookSubscription.id.in_(candidates),
                WebhookSubscription.disabled_at.is_(None),
            )
        )
    ).all()
    disabled = []
    for subscription in subscriptions:
        if subscription.id in gone:
            reason = DisabledReason.GONE
        elif subscription.failing_since is not None and (
            now - subscription.failing_since >= DISABLE_AFTER
        ):
            reason = DisabledReason.FAILING
        else:
            continue
        await webhook_service.disable_subscription(session, subscription, reason=reason, now=now)
        await alerts.tell_admins(session, subscription, reason=reason)
        disabled.append(subscription.id)
        logger.warning("webhook subscription %s disabled: %s", subscription.id, reason.value)
    return disabled


def _fanned(row: dict[str, Any], listener: Listener) -> Claimed:
    """A delivery the fan-out wrote already leased, as a claim would have returned it."""
    return Claimed(
        id=row["id"],
        tenant_id=row["tenant_id"],
        subscription_id=row["subscription_id"],
        change_seq=row["change_seq"],
        event_type=row["event_type"],
        resource_id=row["resource_id"],
        child_id=row["child_id"],
        organisation_id=row["organisation_id"],
        change=row["change"],
        occurred_at=row["occurred_at"],
        attempts=row["attempts"],
        give_up_at=row["give_up_at"],
        lease=row["locked_until"],
        url=listener.url,
        secret_encrypted=listener.secret_encrypted,
        previous_secret_encrypted=listener.previous_secret_encrypted,
        previous_secret_until=listener.previous_secret_until,
        client_revoked=False,
    )


class WebhookWorker:
    """The webhook loop of `kindcentraal worker`.

    CONCURRENCY senders take claimed deliveries from a queue and send them; the loop itself
    only talks to the database: it fans the change log out, claims more before the queue runs
    dry, and records outcomes in batches. A slow commit never stops the sending."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        settings: Settings,
        *,
        reader: async_sessionmaker[AsyncSession] | None = None,
        concurrency: int = CONCURRENCY,
        once: bool = False,
    ) -> None:
        self.sessionmaker = sessionmaker
        self.once = once
        self.settings = settings
        self.concurrency = concurrency
        self.sender = Sender(settings)
        self._queue: asyncio.Queue[Claimed] = asyncio.Queue()
        self._sending = 0
        self._outcomes: list[Outcome] = []
        self._wake = asyncio.Event()
        self._stop = asyncio.Event()
        self._flushed_at = time.monotonic()
        self._fanned_at = 0.0
        self._claimed_at = 0.0
        self._claim_soon = True
        self._claim_every = 0.0 if once else CLAIM_EVERY
        self._mark: Mark | None = None
        self.reader = reader or sessionmaker
        # Subscriptions whose last attempt failed rest in memory for a while, so a receiver
        # that is down or slow does not take every slot from the others.
        self._resting: dict[uuid.UUID, float] = {}
        self._failures: dict[uuid.UUID, int] = {}
        # Subscriptions switched off (410, 24 hours of failures), with when: what was taken
        # for them before that is not sent (their deliveries are failed already).
        self._switched_off: dict[uuid.UUID, float] = {}
        self.delivered = 0

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()

    @property
    def _pending(self) -> int:
        return self._queue.qsize() + self._sending

    async def run(self) -> None:
        """Until stopped; with `once`, until nothing is due and nothing is in flight."""
        once = self.once
        senders = [asyncio.create_task(self._sender()) for _ in range(self.concurrency)]
        try:
            while not self._stop.is_set():
                try:
                    busy = await self.step()
                except Exception as exc:  # one bad round must not end the loop
                    logger.error("webhook round failed: %s", type(exc).__name__)
                    busy = False
                    await asyncio.sleep(1.0)
                if once and not busy and self._pending == 0:
                    await self._flush(force=True)
                    if not self._outcomes:
                        return
                if not busy:
                    self._wake.clear()
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), IDLE_POLL)
        finally:
            for task in senders:
                task.cancel()
            await asyncio.gather(*senders, return_exceptions=True)
            with contextlib.suppress(Exception):
                await self._flush(force=True)
            await self.sender.close()

    async def step(self) -> bool:
        """One turn of the loop: fan out, claim, record; whether it found work."""
        busy = False
        now = time.monotonic()
        room = 4 * self.concurrency - self._pending
        # Fan out while the log has more; otherwise every IDLE_POLL at most, and only after a
        # read found something new: an idle worker takes no write lock.
        if now - self._fanned_at >= IDLE_POLL:
            busy = await self._fan_out(room)
            self._fanned_at = 0.0 if busy else now
        # Retries, replays and deliveries whose lease ran out: claimed at least every
        # CLAIM_EVERY (every turn while there are more, or in `once` mode).
        room = 4 * self.concurrency - self._pending
        claim_due = self._claim_soon or now - self._claimed_at >= self._claim_every
        if claim_due and self._pending < 2 * self.concurrency:
            for sub_id, until in list(self._resting.items()):
                if until <= now:
                    del self._resting[sub_id]
            claimed = await claim(
                self.sessionmaker, self.settings, limit=room, skip=set(self._resting)
            )
            self._claimed_at = now
            self._claim_soon = len(claimed) == room
            for item in claimed:
                self._queue.put_nowait(item)
            busy = busy or bool(claimed)
        await self._flush()
        if not busy and self._pending:
            # Sends are under way: wait for outcomes rather than poll the database.
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), FLUSH_EVERY)
            return True
        return busy

    async def _fan_out(self, room: int) -> bool:
        if self._mark is not None:
            async with self.reader() as session:
                if not await has_changes_after(session, self._mark):
                    return False
        lease = datetime.now(UTC) + timedelta(seconds=self.settings.outbox_lease_seconds)
        async with self.sessionmaker() as session, session.begin():
            result = await fan_out(session, claim=max(0, room), lease_until=lease)
        self._mark = result.mark
        for row, listener in result.claimed:
            self._queue.put_nowait(_fanned(row, listener))
        if result.unclaimed:
            self._claim_soon = True
        return result.read > 0

    async def _sender(self) -> None:
        while True:
            claimed = await self._queue.get()
            off = self._switched_off.get(claimed.subscription_id)
            if off is not None and claimed.taken <= off:
                continue
            self._sending += 1
            try:
                outcome = await self.sender.send(claimed)
            except Exception as exc:  # a bug in one send must not take the worker down
                logger.error("webhook send failed: %s", type(exc).__name__)
                outcome = Outcome(claimed, datetime.now(UTC), error="internal error")
            finally:
                self._sending -= 1
            self._note(outcome)

    def _note(self, outcome: Outcome) -> None:
        sub_id = outcome.claimed.subscription_id
        if outcome.gone:
            self._switched_off[sub_id] = time.monotonic()
        if outcome.delivered:
            self.delivered += 1
            self._failures.pop(sub_id, None)
        else:
            count = self._failures.get(sub_id, 0) + 1
            self._failures[sub_id] = count
            self._resting[sub_id] = time.monotonic() + min(60.0, 0.5 * 2 ** min(count, 7))
        self._outcomes.append(outcome)
        if len(self._outcomes) >= FLUSH_SIZE or self._queue.qsize() < self.concurrency:
            self._wake.set()

    async def _flush(self, *, force: bool = False) -> None:
        due = time.monotonic() - self._flushed_at >= FLUSH_EVERY
        if not self._outcomes or not (force or due or len(self._outcomes) >= FLUSH_SIZE):
            return
        batch, self._outcomes = self._outcomes, []
        self._flushed_at = time.monotonic()
        try:
            switched_off = await record(self.sessionmaker, batch)
        except Exception:
            # Not written: kept for the next flush (their leases still hold them).
            self._outcomes = batch + self._outcomes
            raise
        now = time.monotonic()
        for sub_id in switched_off:
            self._switched_off[sub_id] = now


async def deliver_all(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    """Fan out and deliver until nothing is due (for tests and `worker --once`); the number
    delivered."""
    worker = WebhookWorker(sessionmaker, settings, once=True)
    await worker.run()
    return worker.delivered
