"""A building with what its calendar shows around the bookings, read in one request."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from kindcentraal.auth.principal import Principal
from kindcentraal.organisation.models import Organisation, OrganisationCentre
from kindcentraal.rooms import service
from kindcentraal.rooms.models import Building, Holiday, Room

Part = Literal["rooms", "holidays", "organisations"]


@dataclass(frozen=True)
class BuildingPage:
    building: Building
    rooms: Sequence[Room] | None = None
    holidays: Sequence[Holiday] | None = None
    organisations: Sequence[Organisation] | None = None


async def read_building_page(
    session: AsyncSession, principal: Principal, *, building_id: uuid.UUID, expand: frozenset[Part]
) -> BuildingPage:
    """The building (404 when the caller's centres do not include it) and the parts asked for.
    Every part is what its own endpoint gives this caller for the building's centre."""
    building = await service.get_building(session, principal, building_id=building_id)
    return BuildingPage(
        building=building,
        rooms=(
            await service.list_rooms(session, principal, building_id=building.id)
            if "rooms" in expand
            else None
        ),
        holidays=(
            await service.centre_holidays(session, principal.tenant_id, building.centre_id)
            if "holidays" in expand
            else None
        ),
        organisations=(
            await _centre_organisations(session, principal.tenant_id, building.centre_id)
            if "organisations" in expand
            else None
        ),
    )


async def _centre_organisations(
    session: AsyncSession, tenant_id: uuid.UUID, centre_id: uuid.UUID
) -> Sequence[Organisation]:
    """The partners of the centre: the owners of its rooms and the ones that book them."""
    rows = await session.scalars(
        select(Organisation)
        .where(
            Organisation.tenant_id == tenant_id,
            Organisation.id.in_(
                select(OrganisationCentre.organisation_id).where(
                    OrganisationCentre.tenant_id == tenant_id,
                    OrganisationCentre.centre_id == centre_id,
                )
            ),
        )
        .options(selectinload(Organisation.centre_links))
        .order_by(Organisation.name, Organisation.id)
    )
    return list(rows)
