"""Merging two records of the same child: everything linked to the duplicate moves to the
survivor in one unit of work, then the duplicate record is deleted.

Which rows move is read from the schema (every foreign key to child.id), so a table added
later moves too. Where the survivor already has the same link (the same guardian, the same
talk round, session, announcement or day), the duplicate's copy is dropped (an active
enrolment in the same activity is cancelled instead). The access log is never rewritten: the
duplicate's past events keep its id, and the merge event names both children.
"""

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, exists, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

import kindcentraal.models  # noqa: F401 - every table, so every foreign key to child.id is seen
from kindcentraal.activities.models import Enrolment, EnrolmentStatus
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.changes.service import ChangedResource, ChangeKind
from kindcentraal.child import identity
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.policy import ChildRelations
from kindcentraal.db import Base
from kindcentraal.erasure.service import ensure_can_handle, legal_hold_filter, record_changes
from kindcentraal.errors import Conflict, InvalidInput, NotFound
from kindcentraal.placement.stays import stays_updates

RESOURCE = "child-merge"
# A unique key a moved row could collide on, besides the child: drop the duplicate's copy.
COLLISION_KEYS: dict[str, tuple[str, ...]] = {
    "guardian": ("user_id",),
    "talk_round_child": ("round_id",),
    "talk_booking": ("round_id",),
    "session_attendance": ("session_id",),
    "announcement_recipient_child": ("recipient_id",),
    "daily_attendance": ("organisation_id", "day"),
}
# Moved rows the changes feed reports (kindcentraal.changes.tracking), by table.
TRACKED = {
    "placement": ChangedResource.PLACEMENT,
    "daily_attendance": ChangedResource.ATTENDANCE,
    "enrolment": ChangedResource.ENROLMENT,
    "consent": ChangedResource.CONSENT,
}


class MergeRefused(Conflict):
    code = "merge_refused"
    title = "These records cannot be merged"


def child_links() -> list[tuple[Table, Any]]:
    """Every (table, column) with a foreign key to child.id, in a stable order."""
    links = []
    for table in Base.metadata.sorted_tables:
        if table.name == "child":
            continue
        for column in table.columns:
            if any(fk.column.table.name == "child" for fk in column.foreign_keys):
                links.append((table, column))
    return links


@dataclass
class MergePart:
    kind: str
    moved: int
    dropped: int = 0


@dataclass
class MergePlan:
    survivor_id: uuid.UUID
    duplicate_id: uuid.UUID
    parts: list[MergePart] = field(default_factory=list)
    merged_at: datetime | None = None


def _scoped(table: Table, column: Any, tenant_id: uuid.UUID, child_id: uuid.UUID) -> list[Any]:
    conditions = [column == child_id]
    if "tenant_id" in table.c:
        conditions.append(table.c.tenant_id == tenant_id)
    return conditions


def _collides(table: Table, column: Any, survivor_id: uuid.UUID) -> Any:
    """The duplicate's row has a twin of the survivor's on the table's other unique key."""
    keys = COLLISION_KEYS.get(table.name)
    if keys is None:
        return None
    twin = table.alias("twin")
    return exists(
        select(twin.c[column.name]).where(
            twin.c[column.name] == survivor_id, *[twin.c[k] == table.c[k] for k in keys]
        )
    )


def _active_enrolment_twin(survivor_id: uuid.UUID) -> Any:
    twin = Enrolment.__table__.alias("twin")
    return and_(
        Enrolment.status != EnrolmentStatus.CANCELLED,
        exists(
            select(twin.c.id).where(
                twin.c.child_id == survivor_id,
                twin.c.activity_id == Enrolment.activity_id,
                twin.c.status != EnrolmentStatus.CANCELLED.value,
            )
        ),
    )


async def _plan(
    session: AsyncSession, tenant_id: uuid.UUID, survivor_id: uuid.UUID, duplicate_id: uuid.UUID
) -> MergePlan:
    """What would move and what would be dropped as a double, per table, in one statement."""
    columns: list[Any] = []
    links = child_links()
    for table, column in links:
        own = _scoped(table, column, tenant_id, duplicate_id)
        columns.append(select(func.count()).select_from(table).where(*own).scalar_subquery())
        collides = _collides(table, column, survivor_id)
        if collides is None and table.name == "enrolment":
            collides = _active_enrolment_twin(survivor_id)
        columns.append(
            select(func.count()).select_from(table).where(*own, collides).scalar_subquery()
            if collides is not None
            else literal(0)
        )
    values = list((await session.execute(select(*columns))).one())
    plan = MergePlan(survivor_id=survivor_id, duplicate_id=duplicate_id)
    for index, (table, column) in enumerate(links):
        total, twins = int(values[2 * index] or 0), int(values[2 * index + 1] or 0)
        if total:
            kind = table.name if column.name == "child_id" else f"{table.name}.{column.name}"
            # An enrolment in the same activity moves too, cancelled: it is not dropped.
            dropped = 0 if table.name == "enrolment" else twins
            plan.parts.append(MergePart(kind=kind, moved=total - dropped, dropped=dropped))
    return plan


async def _pair(
    session: AsyncSession,
    principal: Principal,
    survivor_id: uuid.UUID,
    duplicate_id: uuid.UUID,
    action: str,
) -> tuple[Child, Child, ChildRelations, ChildRelations]:
    """Both children, each visible to the caller as an administrator of its centre; an id the
    caller cannot see is a field error (its denial logged), like every id in a body."""
    if survivor_id == duplicate_id:
        raise InvalidInput.field(
            "duplicateId", "same_child", "The duplicate must be another record than the survivor."
        )
    found = []
    for name, child_id in (("survivorId", survivor_id), ("duplicateId", duplicate_id)):
        try:
            found.append(
                await child_service.access_child(
                    session,
                    principal,
                    child_id=child_id,
                    resource=RESOURCE,
                    action=action,
                    ensure=ensure_can_handle,
                )
            )
        except NotFound as exc:
            invalid = InvalidInput.field(name, "unknown_child", "No child of yours has this id.")
            invalid.after_rollback = exc.after_rollback
            raise invalid from None
    (survivor, survivor_relations), (duplicate, duplicate_relations) = found
    if survivor.bsn is not None and duplicate.bsn is not None and survivor.bsn != duplicate.bsn:
        raise MergeRefused("The two records have different BSNs: they are not the same child.")
    if await session.scalar(select(legal_hold_filter(principal.tenant_id, duplicate.id))):
        raise MergeRefused("The duplicate record is under a legal hold; lift it first.")
    return survivor, duplicate, survivor_relations, duplicate_relations


async def _log(
    session: AsyncSession,
    principal: Principal,
    relations: ChildRelations,
    children: list[uuid.UUID],
    action: str,
    parts: list[str] | None,
) -> None:
    """One event naming both children: it is in the access log of each."""
    await audit.record(
        session,
        child_service.actor(principal, relations),
        resource=RESOURCE,
        action=action,
        child_ids=children,
        parts=parts,
        basis=relations.basis(),
    )


async def preview_merge(
    session: AsyncSession,
    principal: Principal,
    *,
    survivor_id: uuid.UUID,
    duplicate_id: uuid.UUID,
) -> MergePlan:
    """What a merge would move and drop, changing nothing."""
    survivor, duplicate, relations, _ = await _pair(
        session, principal, survivor_id, duplicate_id, "read"
    )
    plan = await _plan(session, principal.tenant_id, survivor.id, duplicate.id)
    await _log(session, principal, relations, [survivor.id, duplicate.id], "read", None)
    return plan


async def merge_children(
    session: AsyncSession,
    principal: Principal,
    *,
    survivor_id: uuid.UUID,
    duplicate_id: uuid.UUID,
) -> MergePlan:
    """Move every row of the duplicate to the survivor, drop its doubles, fill the survivor's
    empty fields from it, delete it; one unit of work, one access-log event for both."""
    survivor, duplicate, relations, _ = await _pair(
        session, principal, survivor_id, duplicate_id, "create"
    )
    tenant_id = principal.tenant_id
    plan = await _plan(session, tenant_id, survivor.id, duplicate.id)
    now = datetime.now(UTC)
    # A guardian on both keeps parental authority if either record gave it.
    await session.execute(
        update(Guardian)
        .where(
            Guardian.tenant_id == tenant_id,
            Guardian.child_id == survivor.id,
            Guardian.user_id.in_(
                select(Guardian.user_id).where(
                    Guardian.tenant_id == tenant_id,
                    Guardian.child_id == duplicate.id,
                    Guardian.has_parental_authority.is_(True),
                )
            ),
        )
        .values(has_parental_authority=True)
        .execution_options(synchronize_session=False)
    )
    await session.execute(
        update(Enrolment)
        .where(
            Enrolment.tenant_id == tenant_id,
            Enrolment.child_id == duplicate.id,
            _active_enrolment_twin(survivor.id),
        )
        .values(status=EnrolmentStatus.CANCELLED, cancelled_at=now)
        .execution_options(synchronize_session=False)
    )
    for table, column in child_links():
        own = _scoped(table, column, tenant_id, duplicate.id)
        collides = _collides(table, column, survivor.id)
        if collides is not None:
            await session.execute(table.delete().where(*own, collides))
        resource = TRACKED.get(table.name)
        if resource is not None and column.name == "child_id":
            await record_changes(
                session,
                table,
                resource=resource,
                change=ChangeKind.UPDATED,
                condition=and_(*own),
                child_id=survivor.id,
            )
        await session.execute(table.update().where(*own).values({column.name: survivor.id}))
    # The survivor's own fields win; the duplicate fills what it lacks.
    bsn = duplicate.bsn
    if survivor.bsn is None and bsn is not None:
        duplicate.bsn = None
        await identity.flush_child(session)
        survivor.bsn = bsn
    if survivor.group_id is None and duplicate.group_id is not None:
        survivor.group_id = duplicate.group_id
    if survivor.contact_person_id is None and duplicate.contact_person_id is not None:
        survivor.contact_person_id = duplicate.contact_person_id
        survivor.contact_person_since = duplicate.contact_person_since
    await session.delete(duplicate)
    await identity.flush_child(session)
    for statement in stays_updates([survivor.id]):
        await session.execute(statement)
    await _log(
        session,
        principal,
        relations,
        [survivor.id, duplicate_id],
        "create",
        [part.kind for part in plan.parts],
    )
    plan.merged_at = now
    return plan
