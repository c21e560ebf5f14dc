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
    statement = select(AuditEventChild).where(
        AuditEventChild.tenant_id == principal.tenant_id,
        AuditEventChild.child_id == child.id,
    )
    links, cursor = await paginate(
        session,
        statement,
        sort=SortKey(AuditEventChild.occurred_at, descending=True),
        id_column=AuditEventChild.event_id,
        params=page,
    )
    by_id = {
        event.id: event
        for event in (
            await session.scalars(
                select(AuditEvent).where(
                    AuditEvent.tenant_id == principal.tenant_id,
                    AuditEvent.id.in_([link.event_id for link in links]),
                )
            )
        ).all()
    }
    events = [by_id[link.event_id] for link in links if link.event_id in by_id]
    user_ids = {e.actor_user_id for e in events if e.actor_user_id}
    org_ids = {e.actor_organisation_id for e in events if e.actor_organisation_id}
    names = (
        dict(
            (
                await session.execute(
                    select(User.id, User.display_name).where(
                        User.tenant_id == principal.tenant_id, User.id.in_(user_ids)
                    )
                )
            ).all()
        )
        if user_ids
        else {}
    )
    organisations = (
        dict(
            (
                await session.execute(
                    select(Organisation.id, Organisation.name).where(
                        Organisation.tenant_id == principal.tenant_id,
                        Organisation.id.in_(org_ids),
                    )
                )
            ).all()
        )
        if org_ids
        else {}
    )
    entries = [
        AccessLogEntry(
            id=event.id,
            occurred_at=event.occurred_at,
            actor_name=names.get(event.actor_user_id, SYSTEM_ACTOR)
            if event.actor_user_id
            else SYSTEM_ACTOR,
            organisation_name=organisations.get(event.actor_organisation_id)
            if event.actor_organisation_id
            else None,
            role=event.actor_role,
            resource=event.resource,
            action=event.action,
            parts=event.parts or [],
            result=event.result,
        )
        for event in events
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
