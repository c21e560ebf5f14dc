"""The care coordinators (intern begeleiders) of a centre, designated by its administrators."""

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.centre import service as centre_service
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.organisation.models import Membership, OrganisationCentre
from kindcentraal.support.models import CareCoordinator
from kindcentraal.support.schemas import CareCoordinatorCreate, CareCoordinatorRead
from kindcentraal.user.models import User


async def list_coordinators(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID
) -> list[CareCoordinatorRead]:
    centre = await centre_service.get_centre(session, principal, centre_id=centre_id)
    rows = await session.execute(
        select(CareCoordinator.user_id, User.display_name)
        .join(User, User.id == CareCoordinator.user_id)
        .where(
            CareCoordinator.centre_id == centre.id, CareCoordinator.tenant_id == principal.tenant_id
        )
        .order_by(User.display_name, User.id)
    )
    return [
        CareCoordinatorRead(user_id=user_id, display_name=name, centre_id=centre.id)
        for user_id, name in rows.all()
    ]


async def add_coordinator(
    session: AsyncSession,
    principal: Principal,
    *,
    centre_id: uuid.UUID,
    data: CareCoordinatorCreate,
) -> CareCoordinatorRead:
    centre = await centre_service.get_centre(session, principal, centre_id=centre_id)
    if not principal.administers_centre(centre.id):
        raise Forbidden("Only an administrator of this centre designates its care coordinators.")
    # A professional of an organisation taking part in the centre, with an active account.
    row = (
        await session.execute(
            select(User.display_name)
            .join(Membership, Membership.user_id == User.id)
            .join(
                OrganisationCentre, OrganisationCentre.organisation_id == Membership.organisation_id
            )
            .where(
                User.id == data.user_id,
                User.tenant_id == principal.tenant_id,
                User.is_active,
                OrganisationCentre.centre_id == centre.id,
            )
            .limit(1)
        )
    ).first()
    if row is None:
        raise InvalidInput.field(
            "userId", "not_a_professional", "Not an active professional of this centre's partners."
        )
    exists = await session.scalar(
        select(CareCoordinator.id).where(
            CareCoordinator.centre_id == centre.id,
            CareCoordinator.user_id == data.user_id,
            CareCoordinator.tenant_id == principal.tenant_id,
        )
    )
    if exists is not None:
        raise Conflict("Already a care coordinator of this centre.")
    session.add(
        CareCoordinator(tenant_id=principal.tenant_id, centre_id=centre.id, user_id=data.user_id)
    )
    await session.flush()
    return CareCoordinatorRead(user_id=data.user_id, display_name=row[0], centre_id=centre.id)


async def remove_coordinator(
    session: AsyncSession, principal: Principal, *, centre_id: uuid.UUID, user_id: uuid.UUID
) -> None:
    centre = await centre_service.get_centre(session, principal, centre_id=centre_id)
    if not principal.administers_centre(centre.id):
        raise Forbidden("Only an administrator of this centre designates its care coordinators.")
    coordinator = await session.scalar(
        select(CareCoordinator).where(
            CareCoordinator.centre_id == centre.id,
            CareCoordinator.user_id == user_id,
            CareCoordinator.tenant_id == principal.tenant_id,
        )
    )
    if coordinator is None:
        raise NotFound("care coordinator")
    await session.delete(coordinator)
    await session.flush()
