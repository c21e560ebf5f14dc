"""The access log of one child, for guardians with authority and the contact person."""

import uuid

from sqlalchemy import Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent, AuditEventChild
from kindcentraal.audit.schemas import AccessLogEntry
from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.common.pagination import PageParams, SortKey, keyset_page, read_page
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


async def read_access_log(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, page: PageParams
) -> tuple[list[AccessLogEntry], str | None]:
    child, relations = await child_service.access_child_row(
        session,
        principal,
        child_id=child_id,
        resource="access-log",
        action="list",
        ensure=child_policy.ensure_can_read_access_log,
    )
    rows, cursor = await read_page(
        session,
        _page_query,
        sort=_SORT,
        id_column=AuditEventChild.event_id,
        params=page,
        parameters={"log_tenant": principal.tenant_id, "log_child": child.id},
    )
    entries = [
        AccessLogEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_name=(event.actor_name or SYSTEM_ACTOR) if event.actor_user_id else SYSTEM_ACTOR,
            organisation_name=event.organisation_name if event.actor_organisation_id else None,
            role=event.actor_role,
            resource=event.resource,
            action=event.action,
            parts=event.parts or [],
            result=event.result,
        )
        for event in rows
    ]
    await child_service.log_access(
        session,
        principal,
        relations,
        child.id,
        resource="access-log",
        action="list",
    )
    return entries, cursor
