"""Groups: readable across the municipality; managed by their organisation or centre admins."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance.policy import group_day_filter
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.group.schemas import GroupCreate, GroupUpdate
from kindcentraal.organisation.models import Organisation


async def list_groups(
    session: AsyncSession,
    principal: Principal,
    *,
    centre_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    kind: GroupKind | None,
    page: PageParams,
    mine: bool = False,
) -> tuple[list[Group], str | None]:
    statement = select(Group).where(Group.tenant_id == principal.tenant_id)
    if mine:
        statement = statement.where(group_day_filter(principal))
    if centre_id is not None:
        statement = statement.where(Group.centre_id == centre_id)
    if organisation_id is not None:
        statement = statement.where(Group.organisation_id == organisation_id)
    if kind is not None:
        statement = statement.where(Group.kind == kind)
    return await paginate(
        session, statement, sort=SortKey(Group.name), id_column=Group.id, params=page
    )


async def get_group(session: AsyncSession, principal: Principal, *, group_id: uuid.UUID) -> Group:
    group = await get_in_tenant(session, Group, tenant_id=principal.tenant_id, id=group_id)
    if group is None:
        raise NotFound("group")
    return group


def _ensure_can_manage(principal: Principal, group: Group) -> None:
    if not (
        principal.administers_centre(group.centre_id)
        or principal.administers_organisation(group.organisation_id)
    ):
        raise Forbidden("Only administrators of the group's organisation or centre manage it.")


async def _ensure_unique_name(
    session: AsyncSession,
    principal: Principal,
    *,
    centre_id: uuid.UUID,
    name: str,
    except_id: uuid.UUID | None = None,
) -> None:
    statement = select(Group.id).where(
        Group.tenant_id == principal.tenant_id, Group.centre_id == centre_id, Group.name == name
    )
    if except_id is not None:
        statement = statement.where(Group.id != except_id)
    if await session.scalar(statement) is not None:
        raise Conflict("The centre already has a group with this name.")


async def create_group(session: AsyncSession, principal: Principal, *, data: GroupCreate) -> Group:
    if (
        await get_in_tenant(session, ChildCentre, tenant_id=principal.tenant_id, id=data.centre_id)
        is None
    ):
        raise InvalidInput.field("centreId", "unknown_reference", "No such child centre.")
    if (
        await get_in_tenant(
            session, Organisation, tenant_id=principal.tenant_id, id=data.organisation_id
        )
        is None
    ):
        raise InvalidInput.field("organisationId", "unknown_reference", "No such organisation.")
    group = Group(tenant_id=principal.tenant_id, **data.model_dump(by_alias=False))
    _ensure_can_manage(principal, group)
    await _ensure_unique_name(session, principal, centre_id=data.centre_id, name=data.name)
    session.add(group)
    await session.flush()
    await audit.record_write(session, principal, resource="group", action="create")
    return group


async def update_group(
    session: AsyncSession, principal: Principal, *, group_id: uuid.UUID, data: GroupUpdate
) -> Group:
    group = await get_group(session, principal, group_id=group_id)
    _ensure_can_manage(principal, group)
    if data.grade is not None and group.kind == GroupKind.CHILDCARE_GROUP:
        raise InvalidInput.field("grade", "not_applicable", "A childcare group has no grade.")
    if data.name is not None:
        await _ensure_unique_name(
            session, principal, centre_id=group.centre_id, name=data.name, except_id=group.id
        )
    apply_changes(group, data)
    await session.flush()
    await audit.record_write(session, principal, resource="group", action="update")
    return group


async def delete_group(session: AsyncSession, principal: Principal, *, group_id: uuid.UUID) -> None:
    group = await get_group(session, principal, group_id=group_id)
    _ensure_can_manage(principal, group)
    await session.delete(group)
    await session.flush()
    await audit.record_write(session, principal, resource="group", action="delete")
