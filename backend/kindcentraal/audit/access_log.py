"""The access log of one child, for guardians with authority and the contact person."""

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent, AuditEventChild
from kindcentraal.audit.schemas import AccessLogEntry, AccessVisit
from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.pagination import (
    PageParams,
    SortKey,
    cursor_after,
    keyset_page,
    read_page,
)
from kindcentraal.driver_reads import Query
from kindcentraal.organisation.models import Organisation
from kindcentraal.user.models import User

SYSTEM_ACTOR = "KindCentraal"


_SORT = SortKey(AuditEventChild.occurred_at, descending=True)
# One query: the page from the (tenant, child, time) index, each event by its key, and the
# names of who acted, joined. The child index leads, so no planner can start from a
# tenant-wide scan of the events.
_EVENTS = (
    select(
        AuditEventChild.event_id,
        AuditEventChild.occurred_at,
        AuditEvent.id,
        AuditEvent.actor_user_id,
        AuditEvent.actor_organisation_id,
        AuditEvent.actor_role,
        AuditEvent.resource,
        AuditEvent.action,
        AuditEvent.parts,
        AuditEvent.result,
        User.display_name.label("actor_name"),
        Organisation.name.label("organisation_name"),
    )
    .select_from(AuditEventChild)
    .join(AuditEvent, AuditEvent.id == AuditEventChild.event_id)
    .outerjoin(
        User,
        (User.id == AuditEvent.actor_user_id) & (User.tenant_id == AuditEvent.tenant_id),
    )
    .outerjoin(
        Organisation,
        (Organisation.id == AuditEvent.actor_organisation_id)
        & (Organisation.tenant_id == AuditEvent.tenant_id),
    )
    .where(
        AuditEventChild.tenant_id == bindparam("log_tenant", type_=Uuid),
        AuditEventChild.child_id == bindparam("log_child", type_=Uuid),
    )
)
_PAGES = {
    after: Query(keyset_page(_EVENTS, sort=_SORT, id_column=AuditEventChild.event_id, after=after))
    for after in (False, True)
}


def _page_query(after: bool) -> Query:
    return _PAGES[after]


async def access_log_entries(
    session: AsyncSession, *, tenant_id: uuid.UUID, child_id: uuid.UUID, page: PageParams
) -> tuple[list[AccessLogEntry], str | None]:
    """A page of the child's events; the caller checked access and logs its own event."""
    rows, cursor = await read_page(
        session,
        _page_query,
        sort=_SORT,
        id_column=AuditEventChild.event_id,
        params=page,
        parameters={"log_tenant": tenant_id, "log_child": child_id},
    )
    entries = [
        AccessLogEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_name=_actor_name(event),
            organisation_name=event.organisation_name if event.actor_organisation_id else None,
            role=event.actor_role,
            resource=event.resource,
            action=event.action,
            parts=event.parts or [],
            result=event.result,
        )
        for event in rows
    ]
    return entries, cursor


def _actor_name(event: Any) -> str:
    return (event.actor_name or SYSTEM_ACTOR) if event.actor_user_id else SYSTEM_ACTOR


async def _open_log(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID
) -> tuple[Any, ChildRelations]:
    """The child whose log the caller may read: guardians with authority, the contact person."""
    return await child_service.access_child_row(
        session,
        principal,
        child_id=child_id,
        resource="access-log",
        action="list",
        ensure=child_policy.ensure_can_read_access_log,
    )


async def read_access_log(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, page: PageParams
) -> tuple[list[AccessLogEntry], str | None]:
    child, relations = await _open_log(session, principal, child_id)
    entries, cursor = await access_log_entries(
        session, tenant_id=principal.tenant_id, child_id=child.id, page=page
    )
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="access-log",
        action="list",
    )
    return entries, cursor


VISIT_GAP = timedelta(minutes=30)
# How many events one page of visits reads at most: a page ends early rather than run long.
_VISIT_SCAN = 500
_VISIT_BATCH = 200


class _Visit:
    def __init__(self, event: Any) -> None:
        self.key = (event.actor_user_id, event.actor_organisation_id, event.actor_role)
        self.first = self.last = event
        self.events = 0
        self.resources: list[str] = []
        self.actions: list[str] = []
        self.denied = 0
        self.add(event)

    def continues(self, event: Any) -> bool:
        key = (event.actor_user_id, event.actor_organisation_id, event.actor_role)
        return key == self.key and self.last.occurred_at - event.occurred_at <= VISIT_GAP

    def add(self, event: Any) -> None:
        self.last = event  # newest first: the last one added is the visit's earliest
        self.events += 1
        for name in event.parts or [event.resource]:
            if name not in self.resources:
                self.resources.append(name)
        if event.action not in self.actions:
            self.actions.append(event.action)
        if event.result != "allowed":
            self.denied += 1

    def read(self) -> AccessVisit:
        first = self.first
        return AccessVisit(
            started_at=self.last.occurred_at,
            ended_at=first.occurred_at,
            actor_name=_actor_name(first),
            organisation_name=first.organisation_name if first.actor_organisation_id else None,
            role=first.actor_role,
            event_count=self.events,
            resources=self.resources,
            actions=self.actions,
            denied=self.denied,
        )


async def read_access_visits(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, page: PageParams
) -> tuple[list[AccessVisit], str | None]:
    """The access log grouped per visit, newest first. A page holds `limit` whole visits; its
    cursor points after the last event of its last visit."""
    child, relations = await _open_log(session, principal, child_id)
    visits: list[_Visit] = []
    cursor = page.cursor
    scanned = 0
    exhausted = False
    while len(visits) <= page.limit and scanned < _VISIT_SCAN:
        rows, cursor = await read_page(
            session,
            _page_query,
            sort=_SORT,
            id_column=AuditEventChild.event_id,
            params=PageParams(limit=_VISIT_BATCH, cursor=cursor),
            parameters={"log_tenant": principal.tenant_id, "log_child": child.id},
        )
        scanned += len(rows)
        for event in rows:
            if visits and visits[-1].continues(event):
                visits[-1].add(event)
            else:
                visits.append(_Visit(event))
        if cursor is None:
            exhausted = True
            break
    # The newest `limit` visits are whole once an older one has begun, or the log has ended;
    # when the scan stopped first, the visit in progress is left for the next page.
    complete = len(visits) if exhausted else len(visits) - 1
    shown = visits[: max(0, min(page.limit, complete))] or visits[:1]
    next_cursor = None
    if shown and (len(visits) > len(shown) or not exhausted):
        last = shown[-1].last
        next_cursor = cursor_after(last.occurred_at, last.event_id)
    await child_service.log_access(
        session, principal, relations, child.id, resource="access-log", action="list"
    )
    return [visit.read() for visit in shown], next_cursor
