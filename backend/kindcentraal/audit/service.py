"""The access log: append an event in the caller's transaction; verify the hash chain."""

import hashlib
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditChainHead, AuditEvent, AuditEventChild
from kindcentraal.auth.principal import Principal

GENESIS_HASH = "0" * 64


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
    membership = principal.primary_membership
    return Actor(
        tenant_id=principal.tenant_id,
        user_id=principal.user_id,
        organisation_id=membership.organisation_id if membership else None,
        role=membership.role.value if membership else "guardian",
        origin_ip=principal.origin_ip,
    )


def event_hash(event: AuditEvent) -> str:
    """SHA-256 over the previous hash and every field of the event, canonically encoded."""
    fields = {
        "id": str(event.id),
        "tenant_id": str(event.tenant_id),
        "sequence": event.sequence,
        "occurred_at": event.occurred_at.astimezone(UTC).isoformat(timespec="microseconds"),
        "actor_user_id": str(event.actor_user_id) if event.actor_user_id else None,
        "actor_organisation_id": (
            str(event.actor_organisation_id) if event.actor_organisation_id else None
        ),
        "actor_role": event.actor_role,
        "on_behalf_of": event.on_behalf_of,
        "child_ids": sorted(event.child_ids),
        "resource": event.resource,
        "action": event.action,
        "result": event.result,
        "basis": event.basis,
        "origin_ip": event.origin_ip,
        "previous_hash": event.previous_hash,
    }
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def record(
    session: AsyncSession,
    actor: Actor,
    *,
    resource: str,
    action: str,
    child_ids: Sequence[uuid.UUID] = (),
    result: str = "allowed",
    basis: str | None = None,
) -> AuditEvent:
    """Append one event to the tenant's chain, in the caller's transaction."""
    head = await session.scalar(
        select(AuditChainHead).where(AuditChainHead.tenant_id == actor.tenant_id).with_for_update()
    )
    if head is None:
        head = AuditChainHead(tenant_id=actor.tenant_id, sequence=0, last_hash=GENESIS_HASH)
        session.add(head)
    # Microseconds survive every database; anything finer would break the hash on reload.
    now = datetime.now(UTC)
    unique_children = sorted({str(child_id) for child_id in child_ids})
    event = AuditEvent(
        id=uuid.uuid4(),
        tenant_id=actor.tenant_id,
        sequence=head.sequence + 1,
        occurred_at=now,
        actor_user_id=actor.user_id,
        actor_organisation_id=actor.organisation_id,
        actor_role=actor.role,
        on_behalf_of=actor.on_behalf_of,
        child_ids=unique_children,
        resource=resource,
        action=action,
        result=result,
        basis=basis,
        origin_ip=actor.origin_ip,
        previous_hash=head.last_hash,
    )
    event.hash = event_hash(event)
    head.sequence = event.sequence
    head.last_hash = event.hash
    session.add(event)
    session.add_all(
        AuditEventChild(event_id=event.id, child_id=uuid.UUID(child), tenant_id=actor.tenant_id)
        for child in unique_children
    )
    await session.flush()
    return event


@dataclass(frozen=True)
class BrokenLink:
    tenant_id: uuid.UUID
    sequence: int
    event_id: uuid.UUID
    reason: str


async def verify_chain(session: AsyncSession) -> tuple[int, BrokenLink | None]:
    """Walk every tenant's chain in order; return the count checked and the first broken link."""
    checked = 0
    previous: dict[uuid.UUID, tuple[int, str]] = {}
    result = await session.stream_scalars(
        select(AuditEvent)
        .order_by(AuditEvent.tenant_id, AuditEvent.sequence)
        .execution_options(populate_existing=True, yield_per=1000)
    )
    try:
        async for event in result:
            last_sequence, last_hash = previous.get(event.tenant_id, (0, GENESIS_HASH))
            reason = None
            if event.sequence != last_sequence + 1:
                reason = f"sequence jumps from {last_sequence} to {event.sequence}"
            elif event.previous_hash != last_hash:
                reason = "previous_hash does not match the preceding event"
            elif event_hash(event) != event.hash:
                reason = "the event's content does not match its hash"
            if reason:
                return checked, BrokenLink(event.tenant_id, event.sequence, event.id, reason)
            previous[event.tenant_id] = (event.sequence, event.hash)
            checked += 1
    finally:
        await result.close()
    return checked, None


async def record_write(
    session: AsyncSession, principal: Principal, *, resource: str, action: str
) -> None:
    """Log a write that concerns no child (organisations, accounts, settings)."""
    await record(session, actor_of(principal), resource=resource, action=action)
