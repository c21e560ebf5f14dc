"""Who sees and books the centre's rooms.

- A centre's buildings, rooms and holidays: every organisation taking part in the centre, its
  centre administrators and the municipality's analysts (no personal data in them).
- Changing them: the centre's administrators.
- Bookings: the centre's organisations. One's own organisation's bookings in full; another's
  only as "busy" with that organisation's name. The room's owner (its administrators) and the
  centre's administrators see every booking of the room in full: they decide on requests.
"""

import uuid
from collections.abc import Callable, Mapping

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.common.roles import Role
from kindcentraal.errors import Forbidden
from kindcentraal.organisation.models import OrganisationCentre
from kindcentraal.rooms.models import Booking, Room

BOOKERS = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL})


async def visible_centre_ids(session: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    if principal.has_role(Role.MUNICIPALITY_ANALYST):
        rows = await session.scalars(
            select(ChildCentre.id).where(ChildCentre.tenant_id == principal.tenant_id)
        )
        return set(rows)
    return set(principal.admin_centre_ids) | await partner_centre_ids(session, principal)


async def partner_centre_ids(session: AsyncSession, principal: Principal) -> set[uuid.UUID]:
    """Centres in which one of the caller's organisations (as a booker) takes part. Asked by
    several steps of one request (the room, then the booking); read once per unit of work."""
    cached = session.info.get(_PARTNER_CENTRES)
    if cached is not None and cached[0] == principal.user_id:
        return set(cached[1])
    organisations = principal.organisation_ids(BOOKERS)
    found: set[uuid.UUID] = set(principal.admin_centre_ids)
    if organisations:
        rows = await session.scalars(
            select(OrganisationCentre.centre_id).where(
                OrganisationCentre.tenant_id == principal.tenant_id,
                OrganisationCentre.organisation_id.in_(organisations),
            )
        )
        found |= set(rows)
    session.info[_PARTNER_CENTRES] = (principal.user_id, frozenset(found))
    return set(found)


_PARTNER_CENTRES = "kindcentraal.rooms.partner_centres"


async def centre_organisation_ids(
    session: AsyncSession, tenant_id: uuid.UUID, centre_id: uuid.UUID
) -> set[uuid.UUID]:
    rows = await session.scalars(
        select(OrganisationCentre.organisation_id).where(
            OrganisationCentre.tenant_id == tenant_id, OrganisationCentre.centre_id == centre_id
        )
    )
    return set(rows)


async def ensure_reads_centre_figures(
    session: AsyncSession, principal: Principal, centre_id: uuid.UUID
) -> None:
    """The centre's figures (room use, participation): its management, the administrators of
    its organisations and the municipality's analysts."""
    if principal.has_role(Role.MUNICIPALITY_ANALYST) or principal.administers_centre(centre_id):
        return
    administered = principal.organisation_ids(frozenset({Role.ORG_ADMIN}))
    if not administered & await centre_organisation_ids(session, principal.tenant_id, centre_id):
        raise Forbidden(
            "The figures are for the centre's management, its organisations' administrators "
            "and the municipality."
        )


def ensure_manages_centre(principal: Principal, centre_id: uuid.UUID) -> None:
    if not principal.administers_centre(centre_id):
        raise Forbidden("Only an administrator of this centre may change its rooms.")


def decides_for_room(principal: Principal, room: Room, centre_id: uuid.UUID) -> bool:
    """The room's owner (its administrators) and the centre's administrators."""
    return principal.administers_centre(centre_id) or principal.administers_organisation(
        room.owner_organisation_id
    )


def sees_in_full(
    principal: Principal, rooms: Mapping[uuid.UUID, tuple[Room, uuid.UUID]]
) -> Callable[[Booking], bool]:
    """Whether the caller sees a booking of these rooms in full (else as busy): their own
    organisations' bookings, and every booking of a room they decide on. Worked out once per
    list, not per booking."""
    own = principal.organisation_ids()
    deciding = {
        room_id
        for room_id, (room, centre_id) in rooms.items()
        if decides_for_room(principal, room, centre_id)
    }
    return lambda booking: booking.organisation_id in own or booking.room_id in deciding


def may_cancel(principal: Principal, booking: Booking, room: Room, centre_id: uuid.UUID) -> bool:
    return (
        booking.booked_by_id == principal.user_id
        or principal.administers_organisation(booking.organisation_id)
        or decides_for_room(principal, room, centre_id)
    )
