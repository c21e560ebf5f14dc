"""Child centres: any tenant user reads them; centre admins manage them."""

import uuid

from sqlalchemy import exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.centre.schemas import ChildCentreCreate, ChildCentreUpdate
from kindcentraal.child.models import Child
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, NotFound
from kindcentraal.organisation.models import OrganisationCentre, Role


async def list_centres(
    session: AsyncSession, principal: Principal, *, q: str | None, page: PageParams
) -> tuple[list[ChildCentre], str | None]:
    statement = select(ChildCentre).where(ChildCentre.tenant_id == principal.tenant_id)
    if q:
        statement = statement.where(
            func.lower(ChildCentre.name).contains(q.lower(), autoescape=True)
        )
    return await paginate(
        session, statement, sort=SortKey(ChildCentre.name), id_column=ChildCentre.id, params=page
    )


async def get_centre(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID
) -> ChildCentre:
    centre = await get_in_tenant(session, ChildCentre, tenant_id=principal.tenant_id, id=centre_id)
    if centre is None:
        raise NotFound("child centre")
    return centre


async def _ensure_unique_name(
    session: AsyncSession, principal: Principal, name: str, *, except_id: uuid.UUID | None = None
) -> None:
    statement = select(ChildCentre.id).where(
        ChildCentre.tenant_id == principal.tenant_id, ChildCentre.name == name
    )
    if except_id is not None:
        statement = statement.where(ChildCentre.id != except_id)
    if await session.scalar(statement) is not None:
        raise Conflict("A child centre with this name already exists.")


async def create_centre(
    session: AsyncSession, principal: Principal, *, data: ChildCentreCreate
) -> ChildCentre:
    await _ensure_unique_name(session, principal, data.name)
    centre = ChildCentre(tenant_id=principal.tenant_id, name=data.name, address=data.address)
    session.add(centre)
    await session.flush()
    await audit.record_write(session, principal, resource="child-centre", action="create")
    # The creator's own organisations take part, so the creator administers what they made.
    session.add_all(
        OrganisationCentre(
            tenant_id=principal.tenant_id, organisation_id=organisation_id, centre_id=centre.id
        )
        for organisation_id in principal.organisation_ids(frozenset({Role.CENTRE_ADMIN}))
    )
    await session.flush()
    return centre


async def update_centre(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID, data: ChildCentreUpdate
) -> ChildCentre:
    centre = await get_centre(session, principal, centre_id=centre_id)
    if not principal.administers_centre(centre.id):
        raise Forbidden("Only an administrator of this centre may change it.")
    if data.name is not None:
        await _ensure_unique_name(session, principal, data.name, except_id=centre.id)
    apply_changes(centre, data)
    await session.flush()
    await audit.record_write(session, principal, resource="child-centre", action="update")
    return centre


async def delete_centre(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID
) -> None:
    centre = await get_centre(session, principal, centre_id=centre_id)
    if not principal.administers_centre(centre.id):
        raise Forbidden("Only an administrator of this centre may delete it.")
    if await session.scalar(select(exists().where(Child.centre_id == centre.id))):
        raise Conflict("The centre still has children; move or remove them first.")
    await session.delete(centre)
    await session.flush()
    await audit.record_write(session, principal, resource="child-centre", action="delete")
