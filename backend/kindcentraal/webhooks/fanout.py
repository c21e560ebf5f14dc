"""From the change log to deliveries: the transactional outbox read in order.

Every change is written to `change_record` in the transaction that makes it. The worker reads
the log past its watermark, writes one delivery per concerned subscription, and moves the
watermark, all in one transaction: a crash before the commit redoes the batch, a crash after
it finds the deliveries written. The unique (subscription, change) pair makes a redo harmless.

The order the log is read in must be one no later commit can slip behind. SQLite has one writer
at a time, so `seq` is commit order. On PostgreSQL a sequence number is taken at insert and
becomes visible at commit: a transaction that flushes twice can take seq 5 and 11 around
another's seq 9 and commit first. Reading settled rows (`changes.service.settled`: of
transactions older than every running one) in (transaction id, seq) order is safe: every row
still to come belongs to a transaction at least as new as the oldest running one, so it sorts
after everything read.
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, Table, and_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.changes.models import ChangeRecord
from kindcentraal.changes.service import EVENT_TYPES, SCOPES_FOR_RESOURCE, ChangedResource, settled
from kindcentraal.child.policy import current_placement
from kindcentraal.integration.models import ApiClient
from kindcentraal.placement.models import Placement
from kindcentraal.rooms.recurrence import local_today
from kindcentraal.webhooks.models import (
    DeliveryStatus,
    WebhookDelivery,
    WebhookSubscription,
    WebhookWatermark,
)
from kindcentraal.webhooks.service import RETRY_WINDOW

WATERMARK = "webhooks"
BATCH = 1000
_DELIVERY: Table = WebhookDelivery.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Listener:
    """An enabled subscription of a client not revoked, with what sending to it takes."""

    subscription_id: uuid.UUID
    tenant_id: uuid.UUID
    organisation_id: uuid.UUID
    event_types: frozenset[str]
    scopes: frozenset[str]
    created_at: datetime
    url: str
    secret_encrypted: str
    previous_secret_encrypted: str | None
    previous_secret_until: datetime | None

    def hears(self, record: Any, event_type: str) -> bool:
        resource = ChangedResource(record.resource)
        return (
            event_type in self.event_types
            and not SCOPES_FOR_RESOURCE[resource].isdisjoint(self.scopes)
            # A subscription hears of changes made after it was made.
            and record.occurred_at >= self.created_at
        )


async def _watermark(session: AsyncSession, postgres: bool) -> WebhookWatermark:
    """The watermark row, locked: one fan-out at a time, whatever the number of workers."""
    statement = select(WebhookWatermark).where(WebhookWatermark.name == WATERMARK)
    if postgres:
        statement = statement.with_for_update()
    mark = await session.scalar(statement)
    if mark is not None:
        return mark
    dialect_insert = postgresql.insert if postgres else sqlite.insert
    await session.execute(
        dialect_insert(WebhookWatermark)
        .values(name=WATERMARK, tx_id=0, seq=0, updated_at=datetime.now(UTC))
        .on_conflict_do_nothing()
    )
    mark = await session.scalar(statement)
    assert mark is not None
    return mark


async def _listeners(session: AsyncSession) -> dict[uuid.UUID, list[Listener]]:
    """Enabled subscriptions of clients not revoked, per organisation."""
    rows = await session.execute(
        select(
            WebhookSubscription.id,
            WebhookSubscription.tenant_id,
            ApiClient.organisation_id,
            WebhookSubscription.event_types,
            ApiClient.scopes,
            WebhookSubscription.created_at,
            WebhookSubscription.url,
            WebhookSubscription.secret_encrypted,
            WebhookSubscription.previous_secret_encrypted,
            WebhookSubscription.previous_secret_until,
        )
        .join(
            ApiClient,
            and_(
                ApiClient.id == WebhookSubscription.client_id,
                ApiClient.tenant_id == WebhookSubscription.tenant_id,
            ),
        )
        .where(WebhookSubscription.disabled_at.is_(None), ApiClient.revoked_at.is_(None))
    )
    by_organisation: dict[uuid.UUID, list[Listener]] = defaultdict(list)
    for row in rows:
        by_organisation[row.organisation_id].append(
            Listener(
                subscription_id=row.id,
                tenant_id=row.tenant_id,
                organisation_id=row.organisation_id,
                event_types=frozenset(row.event_types),
                scopes=frozenset(row.scopes),
                created_at=row.created_at,
                url=row.url,
                secret_encrypted=row.secret_encrypted,
                previous_secret_encrypted=row.previous_secret_encrypted,
                previous_secret_until=row.previous_secret_until,
            )
        )
    return by_organisation


async def _placing_organisations(
    session: AsyncSession, records: list[Any]
) -> dict[tuple[uuid.UUID, uuid.UUID], set[uuid.UUID]]:
    """(tenant, child) -> the organisations placing the child now."""
    children = {(r.tenant_id, r.child_id) for r in records if r.child_id is not None}
    if not children:
        return {}
    found: dict[tuple[uuid.UUID, uuid.UUID], set[uuid.UUID]] = defaultdict(set)
    pairs = sorted(children, key=lambda pair: (str(pair[0]), str(pair[1])))
    for start in range(0, len(pairs), 500):
        chunk = pairs[start : start + 500]
        rows = await session.execute(
            select(Placement.tenant_id, Placement.child_id, Placement.organisation_id).where(
                Placement.child_id.in_([child for _tenant, child in chunk]),
                current_placement(local_today()),
            )
        )
        for tenant_id, child_id, organisation_id in rows:
            if (tenant_id, child_id) in children:
                found[(tenant_id, child_id)].add(organisation_id)
    return found


Mark = tuple[int, int]
_COLUMNS = (
    ChangeRecord.seq,
    ChangeRecord.tx_id,
    ChangeRecord.tenant_id,
    ChangeRecord.organisation_id,
    ChangeRecord.child_id,
    ChangeRecord.resource,
    ChangeRecord.resource_id,
    ChangeRecord.change,
    ChangeRecord.occurred_at,
)


def _past(dialect_name: str, mark: Mark, *columns: Any) -> Select[Any]:
    """Settled change records past the watermark, in the order no later commit slips into."""
    statement = select(*columns).where(settled(dialect_name))
    if dialect_name == "postgresql":
        return statement.where(
            tuple_(ChangeRecord.tx_id, ChangeRecord.seq) > tuple_(mark[0], mark[1])
        ).order_by(ChangeRecord.tx_id, ChangeRecord.seq)
    return statement.where(ChangeRecord.seq > mark[1]).order_by(ChangeRecord.seq)


async def has_changes_after(session: AsyncSession, mark: Mark) -> bool:
    """Whether the log has settled changes past `mark`: a read, no lock, so an idle worker
    polling often never stands in a writer's way."""
    dialect_name = session.get_bind().dialect.name
    found = await session.scalar(_past(dialect_name, mark, ChangeRecord.seq).limit(1))
    return found is not None


@dataclass
class FanOut:
    read: int
    # The watermark after this batch.
    mark: Mark
    # Deliveries written already claimed (leased) for the caller, with their subscription.
    claimed: list[tuple[dict[str, Any], Listener]]
    # Deliveries written and left for a later claim.
    unclaimed: int


async def fan_out(
    session: AsyncSession,
    *,
    limit: int = BATCH,
    claim: int = 0,
    lease_until: datetime | None = None,
) -> FanOut:
    """Turn up to `limit` changes past the watermark into deliveries and move the watermark,
    in the caller's transaction. Up to `claim` of the new deliveries are written leased to the
    caller until `lease_until` (no second transaction to claim what was just written)."""
    dialect_name = session.get_bind().dialect.name
    postgres = dialect_name == "postgresql"
    watermark = await _watermark(session, postgres)
    mark: Mark = (watermark.tx_id, watermark.seq)
    records = list((await session.execute(_past(dialect_name, mark, *_COLUMNS).limit(limit))).all())
    if not records:
        return FanOut(0, mark, [], 0)

    claimed: list[tuple[dict[str, Any], Listener]] = []
    unclaimed = 0
    listeners = await _listeners(session)
    if listeners:
        rows = await _deliveries(session, records, listeners)
        for index, (row, listener) in enumerate(rows):
            if index < claim and lease_until is not None:
                row["locked_until"] = lease_until
                row["attempts"] = 1
                claimed.append((row, listener))
            else:
                unclaimed += 1
        values = [row for row, _listener in rows]
        if values:
            dialect_insert = postgresql.insert if postgres else sqlite.insert
            # Only a second fan-out of the same batch could collide, and the watermark's lock
            # keeps fan-outs one at a time: the conflict clause is a belt to those braces.
            for start in range(0, len(values), 500):
                await session.execute(
                    dialect_insert(_DELIVERY).on_conflict_do_nothing(
                        index_elements=["subscription_id", "change_seq"]
                    ),
                    values[start : start + 500],
                )
    last = records[-1]
    mark = (last.tx_id or 0, last.seq)
    await session.execute(
        update(WebhookWatermark)
        .where(WebhookWatermark.name == WATERMARK)
        .values(tx_id=mark[0], seq=mark[1], updated_at=datetime.now(UTC))
    )
    return FanOut(len(records), mark, claimed, unclaimed)


async def _deliveries(
    session: AsyncSession, records: list[Any], listeners: dict[uuid.UUID, list[Listener]]
) -> list[tuple[dict[str, Any], Listener]]:
    orphan = [r for r in records if r.organisation_id is None and r.resource in _EVENT_RESOURCES]
    placing = await _placing_organisations(session, orphan) if orphan else {}
    now = datetime.now(UTC)
    rows: list[tuple[dict[str, Any], Listener]] = []
    for record in records:
        event_type = EVENT_TYPES.get(ChangedResource(record.resource))
        if event_type is None:
            continue  # a child's own changes: the changes feed only
        if record.organisation_id is not None:
            organisations = {record.organisation_id}
        else:
            organisations = placing.get((record.tenant_id, record.child_id), set())
        for organisation_id in sorted(organisations, key=str):
            for listener in listeners.get(organisation_id, ()):
                if listener.tenant_id != record.tenant_id or not listener.hears(record, event_type):
                    continue
                rows.append(
                    (
                        {
                            "id": uuid.uuid4(),
                            "tenant_id": record.tenant_id,
                            "subscription_id": listener.subscription_id,
                            "change_seq": record.seq,
                            "event_type": event_type,
                            "resource_id": record.resource_id,
                            "child_id": record.child_id,
                            "organisation_id": record.organisation_id,
                            "change": record.change,
                            "occurred_at": record.occurred_at,
                            "status": DeliveryStatus.PENDING.value,
                            "attempts": 0,
                            "next_attempt_at": now,
                            "give_up_at": now + RETRY_WINDOW,
                            "locked_until": None,
                            "created_at": now,
                            "updated_at": now,
                        },
                        listener,
                    )
                )
    return rows


_EVENT_RESOURCES = frozenset(resource.value for resource in EVENT_TYPES)
