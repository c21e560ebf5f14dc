"""The access log: append events in the caller's transaction (or its group commit); seal them
into hash-linked batches; verify both.

Appending takes no lock: an event carries the hash of its own content. The sealer gathers
committed events per tenant into a seal whose hash covers the events' hashes in order and the
previous seal's hash, as Certificate Transparency logs do. docs/access-log.md explains why.
"""

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal import driver_writes
from kindcentraal.audit.models import (
    AuditEvent,
    AuditEventChild,
    AuditPending,
    AuditSeal,
    AuditSealEvent,
    AuditSealHead,
)
from kindcentraal.auth.principal import Principal

GENESIS_HASH = "0" * 64
# Requests of a read-only unit of work hand their events to a group commit instead of writing
# them in their own transaction; the unit of work keeps them here until it ends.
DEFERRED_EVENTS = "kindcentraal.audit.deferred"
SEAL_BATCH_LIMIT = 5000
API_CLIENT_ROLE = "api_client"


@dataclass(frozen=True)
class Actor:
    """Who acts: taken from the principal, or the system for CLI jobs."""

    tenant_id: uuid.UUID
    user_id: uuid.UUID | None
    organisation_id: uuid.UUID | None = None
    role: str | None = None
    on_behalf_of: str | None = None
    origin_ip: str | None = None


def actor_of(principal: Principal) -> Actor:
    """The audit actor for actions not tied to one child's relations."""
    if principal.client is not None:
        # A machine client acts for its organisation; its service account names it.
        return Actor(
            tenant_id=principal.tenant_id,
            user_id=principal.user_id,
            organisation_id=principal.client.organisation_id,
            role=API_CLIENT_ROLE,
            origin_ip=principal.origin_ip,
        )
    membership = principal.primary_membership
    return Actor(
        tenant_id=principal.tenant_id,
        user_id=principal.user_id,
        organisation_id=membership.organisation_id if membership else None,
        role=membership.role.value if membership else "guardian",
        origin_ip=principal.origin_ip,
    )


def _text(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


def event_hash(event: Any) -> str:
    """SHA-256 over every field of the event, canonically encoded (row, ORM object or dict)."""

    def get(name: str) -> Any:
        return event[name] if isinstance(event, dict) else getattr(event, name)

    fields = {
        "id": str(get("id")),
        "tenant_id": str(get("tenant_id")),
        "occurred_at": get("occurred_at").astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_user_id": _text(get("actor_user_id")),
        "actor_organisation_id": _text(get("actor_organisation_id")),
        "actor_role": get("actor_role"),
        "on_behalf_of": get("on_behalf_of"),
        "child_ids": sorted(get("child_ids")),
        "resource": get("resource"),
        "action": get("action"),
        "parts": get("parts"),
        "result": get("result"),
        "basis": get("basis"),
        "origin_ip": get("origin_ip"),
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


@dataclass
class EventRows:
    """The rows one or more events add: the event, its child index, its place in the queue."""

    events: list[dict[str, Any]] = field(default_factory=list)
    children: list[dict[str, Any]] = field(default_factory=list)
    pending: list[dict[str, Any]] = field(default_factory=list)

    def extend(self, other: "EventRows") -> None:
        self.events += other.events
        self.children += other.children
        self.pending += other.pending

    def __len__(self) -> int:
        return len(self.events)


def build_event(
    actor: Actor,
    *,
    resource: str,
    action: str,
    child_ids: Sequence[uuid.UUID] = (),
    parts: Sequence[str] | None = None,
    result: str = "allowed",
    basis: str | None = None,
    occurred_at: datetime | None = None,
) -> EventRows:
    """The rows of one event, hashed; nothing is written yet."""
    # Microseconds survive every database; anything finer would break the hash on reload.
    now = occurred_at or datetime.now(UTC)
    # Parsing the ids back from text cost more than the rest of the event (a page of 50).
    by_text = {
        str(child_id): child_id if isinstance(child_id, uuid.UUID) else uuid.UUID(str(child_id))
        for child_id in child_ids
    }
    unique_children = sorted(by_text)
    event: dict[str, Any] = {
        "id": uuid.uuid4(),
        "tenant_id": actor.tenant_id,
        "occurred_at": now,
        "actor_user_id": actor.user_id,
        "actor_organisation_id": actor.organisation_id,
        "actor_role": actor.role,
        "on_behalf_of": actor.on_behalf_of,
        "child_ids": unique_children,
        "resource": resource,
        "action": action,
        "parts": list(parts) if parts is not None else None,
        "result": result,
        "basis": basis,
        "origin_ip": actor.origin_ip,
    }
    event["hash"] = event_hash(event)
    return EventRows(
        events=[event],
        children=[
            {
                "event_id": event["id"],
                "child_id": by_text[child],
                "tenant_id": actor.tenant_id,
                "occurred_at": now,
            }
            for child in unique_children
        ],
        pending=[{"event_id": event["id"], "tenant_id": actor.tenant_id}],
    )


_EVENT = cast(Table, AuditEvent.__table__)
_EVENT_CHILD = cast(Table, AuditEventChild.__table__)
_PENDING = cast(Table, AuditPending.__table__)


def event_tables(rows: EventRows) -> list[tuple[Table, list[dict[str, Any]]]]:
    """The tables the rows go to, each with its rows, in the order the foreign keys need."""
    if not rows.events:
        return []
    tables = [(_EVENT, rows.events)]
    if rows.children:
        tables.append((_EVENT_CHILD, rows.children))
    tables.append((_PENDING, rows.pending))
    return tables


async def write_events(target: AsyncSession | AsyncConnection, rows: EventRows) -> None:
    """Insert the rows in the target's transaction, on the driver (driver_writes)."""
    connection = await target.connection() if isinstance(target, AsyncSession) else target
    for table, parameters in event_tables(rows):
        await driver_writes.insert_rows_async(connection, table, parameters)


def write_events_sync(connection: Connection, rows: EventRows) -> None:
    """The same, on a synchronous connection (the SQLite group commit's own thread)."""
    for table, parameters in event_tables(rows):
        driver_writes.insert_rows(connection, table, parameters)


async def record(
    session: AsyncSession,
    actor: Actor,
    *,
    resource: str,
    action: str,
    child_ids: Sequence[uuid.UUID] = (),
    parts: Sequence[str] | None = None,
    result: str = "allowed",
    basis: str | None = None,
) -> None:
    """Append one event: in the caller's transaction, or, for a read-only unit of work, in the
    group commit the unit of work awaits before the response leaves."""
    rows = build_event(
        actor,
        resource=resource,
        action=action,
        child_ids=child_ids,
        parts=parts,
        result=result,
        basis=basis,
    )
    deferred: EventRows | None = session.info.get(DEFERRED_EVENTS)
    if deferred is not None:
        deferred.extend(rows)
        return
    await write_events(session, rows)


async def record_write(
    session: AsyncSession, principal: Principal, *, resource: str, action: str
) -> None:
    """Log a write that concerns no child (organisations, accounts, settings)."""
    await record(session, actor_of(principal), resource=resource, action=action)


async def record_statistics_read(
    session: AsyncSession,
    principal: Principal,
    *,
    resource: str,
    parts: Sequence[str] | None = None,
) -> None:
    """A report of aggregates read: in the access log as a statistics read, naming no child."""
    await record(
        session,
        actor_of(principal),
        resource=resource,
        action="read",
        parts=parts,
        basis="statistics",
    )


def events_digest(hashes: Sequence[str]) -> str:
    """The hash of a seal's events, in their order."""
    digest = hashlib.sha256()
    for value in hashes:
        digest.update(value.encode())
        digest.update(b"\n")
    return digest.hexdigest()


def seal_hash(seal: AuditSeal) -> str:
    fields = {
        "id": str(seal.id),
        "tenant_id": str(seal.tenant_id),
        "number": seal.number,
        "sealed_at": seal.sealed_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "event_count": seal.event_count,
        "events_hash": seal.events_hash,
        "previous_hash": seal.previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def seal_tenant(
    session: AsyncSession, tenant_id: uuid.UUID, *, limit: int = SEAL_BATCH_LIMIT
) -> int:
    """Seal up to `limit` queued events of one tenant; answers how many were sealed.

    Only sealers lock the seal head, so requests never wait for one another here.
    """
    head = await session.scalar(
        select(AuditSealHead).where(AuditSealHead.tenant_id == tenant_id).with_for_update()
    )
    queued = (
        await session.execute(
            select(AuditEvent.id, AuditEvent.hash)
            .join(AuditPending, AuditPending.event_id == AuditEvent.id)
            .where(AuditPending.tenant_id == tenant_id)
            .order_by(AuditEvent.occurred_at, AuditEvent.id)
            .limit(limit)
        )
    ).all()
    if not queued:
        return 0
    if head is None:
        head = AuditSealHead(tenant_id=tenant_id, number=0, last_hash=GENESIS_HASH)
        session.add(head)
    seal = AuditSeal(
        id=uuid.uuid4(),
        tenant_id=tenant_id,
        number=head.number + 1,
        sealed_at=datetime.now(UTC),
        event_count=len(queued),
        events_hash=events_digest([row.hash for row in queued]),
        previous_hash=head.last_hash,
    )
    seal.hash = seal_hash(seal)
    session.add(seal)
    head.number, head.last_hash = seal.number, seal.hash
    await session.flush()
    await session.execute(
        insert(AuditSealEvent),
        [
            {"event_id": row.id, "seal_id": seal.id, "tenant_id": tenant_id, "ordinal": ordinal}
            for ordinal, row in enumerate(queued)
        ],
    )
    event_ids = [row.id for row in queued]
    for start in range(0, len(event_ids), 500):
        await session.execute(
            delete(AuditPending).where(AuditPending.event_id.in_(event_ids[start : start + 500]))
        )
    return len(queued)


async def tenants_with_queued_events(session: AsyncSession) -> list[uuid.UUID]:
    return list((await session.scalars(select(AuditPending.tenant_id).distinct())).all())


# Verification reads rows, not ORM objects: two million events load several times faster.
_EVENT_COLUMNS = tuple(AuditEvent.__table__.c)


@dataclass(frozen=True)
class BrokenLink:
    tenant_id: uuid.UUID
    seal: int | None
    event_id: uuid.UUID | None
    reason: str


@dataclass(frozen=True)
class Verification:
    checked: int
    sealed: int
    broken: BrokenLink | None
    heads: dict[uuid.UUID, tuple[int, str]]


async def verify_log(session: AsyncSession) -> Verification:
    """Check every seal's link and events, and every not-yet-sealed event's own hash.

    An event neither sealed nor queued for sealing is broken: its queue entry was removed.
    """
    checked = sealed = 0
    heads: dict[uuid.UUID, tuple[int, str]] = {}
    # The retention purge drops a tenant's oldest seals past their term; its newest cut
    # (number and hash of the last seal dropped) is where the remaining chain starts.
    from kindcentraal.retention.models import AuditLogCut

    anchors: dict[uuid.UUID, tuple[int, str]] = {}
    for cut in await session.execute(
        select(AuditLogCut.tenant_id, AuditLogCut.seal_number, AuditLogCut.seal_hash).order_by(
            AuditLogCut.tenant_id, AuditLogCut.seal_number
        )
    ):
        anchors[cut.tenant_id] = (int(cut.seal_number), cut.seal_hash)
    heads.update(anchors)
    seals = (
        await session.scalars(
            select(AuditSeal)
            .order_by(AuditSeal.tenant_id, AuditSeal.number)
            .execution_options(populate_existing=True)
        )
    ).all()
    seal_events = await session.stream(
        select(AuditSealEvent.seal_id, AuditSealEvent.ordinal, *_EVENT_COLUMNS)
        .join(AuditEvent, AuditEvent.id == AuditSealEvent.event_id)
        .join(AuditSeal, AuditSeal.id == AuditSealEvent.seal_id)
        .order_by(AuditSeal.tenant_id, AuditSeal.number, AuditSealEvent.ordinal)
        .execution_options(populate_existing=True, yield_per=2000)
    )
    try:
        members = seal_events.__aiter__()
        carried: Any = None
        for seal in seals:
            number, last_hash = heads.get(seal.tenant_id, (0, GENESIS_HASH))
            broken = None
            if seal.number != number + 1:
                broken = f"seal numbers jump from {number} to {seal.number}"
            elif seal.previous_hash != last_hash:
                broken = "previous_hash does not match the preceding seal"
            elif seal_hash(seal) != seal.hash:
                broken = "the seal's content does not match its hash"
            if broken:
                return Verification(
                    checked, sealed, BrokenLink(seal.tenant_id, seal.number, None, broken), heads
                )
            hashes: list[str] = []
            while True:
                row = carried
                if row is None:
                    row = await anext(members, None)
                carried = None
                if row is None:
                    break
                if row.seal_id != seal.id:
                    carried = row
                    break
                event = row
                if event_hash(event) != event.hash:
                    return Verification(
                        checked,
                        sealed,
                        BrokenLink(
                            seal.tenant_id,
                            seal.number,
                            event.id,
                            "the event's content does not match its hash",
                        ),
                        heads,
                    )
                hashes.append(event.hash)
            if len(hashes) != seal.event_count or events_digest(hashes) != seal.events_hash:
                return Verification(
                    checked,
                    sealed,
                    BrokenLink(
                        seal.tenant_id,
                        seal.number,
                        None,
                        "the seal's events were changed, removed or reordered",
                    ),
                    heads,
                )
            checked += len(hashes)
            sealed += len(hashes)
            heads[seal.tenant_id] = (seal.number, seal.hash)
    finally:
        await seal_events.close()

    unsealed = await session.stream(
        select(*_EVENT_COLUMNS, AuditPending.event_id.label("queued"))
        .outerjoin(AuditSealEvent, AuditSealEvent.event_id == AuditEvent.id)
        .outerjoin(AuditPending, AuditPending.event_id == AuditEvent.id)
        .where(AuditSealEvent.event_id.is_(None))
        .execution_options(populate_existing=True, yield_per=2000)
    )
    try:
        async for event in unsealed:
            queued = event.queued
            reason = None
            if event_hash(event) != event.hash:
                reason = "the event's content does not match its hash"
            elif queued is None:
                reason = "the event is neither sealed nor queued for sealing"
            if reason:
                return Verification(
                    checked, sealed, BrokenLink(event.tenant_id, None, event.id, reason), heads
                )
            checked += 1
    finally:
        await unsealed.close()
    return Verification(checked, sealed, None, heads)
