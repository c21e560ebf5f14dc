"""The access log of one child, for guardians with authority and the contact person."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit.models import AuditEvent, AuditEventChild
from kindcentraal.audit.schemas import AccessLogEntry
from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.organisation.models import Organisation
from kindcentraal.user.models import User

SYSTEM_ACTOR = "KindCentraal"


async def read_access_log(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, page: PageParams
) -> tuple[list[AccessLogEntry], str | None]:
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="access-log",
        action="list",
        ensure=child_policy.ensure_can_read_access_log,
    )
    # One query: the page from the (tenant, child, time) index, each event by its key, and
    # the names of who acted, joined. The child index leads, so no planner can start from a
    # tenant-wide scan of the events.
    statement = (
        select(
            AuditEvent,
            AuditEventChild.occurred_at,
            AuditEventChild.event_id,
            User.display_name,
            Organisation.name,
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
            AuditEventChild.tenant_id == principal.tenant_id,
            AuditEventChild.child_id == child.id,
        )
    )
    rows, cursor = await paginate(
        session,
        statement,
        sort=SortKey(AuditEventChild.occurred_at, descending=True),
        id_column=AuditEventChild.event_id,
        params=page,
        rows=True,
    )
    entries = [
        AccessLogEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_name=(actor_name or SYSTEM_ACTOR) if event.actor_user_id else SYSTEM_ACTOR,
            organisation_name=organisation_name if event.actor_organisation_id else None,
            role=event.actor_role,
            resource=event.resource,
            action=event.action,
            parts=event.parts or [],
            result=event.result,
        )
        for event, _, _, actor_name, organisation_name in rows
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
