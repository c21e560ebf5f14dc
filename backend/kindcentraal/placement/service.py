"""Placements: a child's enrolment at an organisation (school, daycare, preschool, BSO)."""

import uuid
from datetime import date

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.common.bulk import BulkErrors
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.common.preconditions import require_match
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.errors import Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement
from kindcentraal.placement.schemas import PlacementCreate, PlacementUpdate, PlacementUpsert


def _readable(principal: Principal) -> Select[Placement]:
    """Placements of the children the caller may see."""
    return select(Placement).where(
        Placement.tenant_id == principal.tenant_id,
        Placement.child_id.in_(select(Child.id).where(child_policy.readable_children(principal))),
    )


async def list_placements(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    active_on: date | None,
    page: PageParams,
) -> tuple[list[Placement], str | None]:
    statement = _readable(principal)
    if child_id is not None:
        statement = statement.where(Placement.child_id == child_id)
    if organisation_id is not None:
        statement = statement.where(Placement.organisation_id == organisation_id)
    if active_on is not None:
        statement = statement.where(
            Placement.start_date <= active_on,
            or_(Placement.end_date.is_(None), Placement.end_date >= active_on),
        )
    placements, cursor = await paginate(
        session, statement, sort=SortKey(Placement.start_date), id_column=Placement.id, params=page
    )
    if placements:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource="placements",
            action="list",
            child_ids=[p.child_id for p in placements],
            basis="relation filter",
        )
    return placements, cursor


async def get_placement(
    session: AsyncSession, principal: Principal, *, placement_id: uuid.UUID
) -> Placement:
    placement = await session.scalar(_readable(principal).where(Placement.id == placement_id))
    if placement is None:
        raise NotFound("placement")
    return placement


async def read_placement(
    session: AsyncSession, principal: Principal, *, placement_id: uuid.UUID
) -> Placement:
    placement = await get_placement(session, principal, placement_id=placement_id)
    await _log(session, principal, placement, "read")
    return placement


async def _log(
    session: AsyncSession, principal: Principal, placement: Placement, action: str
) -> None:
    await audit.record(
        session,
        audit.actor_of(principal),
        resource="placements",
        action=action,
        child_ids=[placement.child_id],
        basis="relation filter",
    )


def _ensure_can_place(principal: Principal, child: Child, organisation_id: uuid.UUID) -> None:
    """Centre admins place anywhere; an organisation's staff and admins place at their own."""
    if principal.administers_centre(child.centre_id):
        return
    if organisation_id in principal.organisation_ids(PLACEMENT_ACCESS_ROLES):
        return
    raise Forbidden("You may only place children at your own organisation.")


async def _check_group(
    session: AsyncSession,
    principal: Principal,
    group_id: uuid.UUID | None,
    organisation_id: uuid.UUID,
    centre_id: uuid.UUID,
) -> None:
    if group_id is None:
        return
    group = await get_in_tenant(session, Group, tenant_id=principal.tenant_id, id=group_id)
    if group is None or group.organisation_id != organisation_id or group.centre_id != centre_id:
        raise InvalidInput.field(
            "groupId", "unknown_reference", "No such group of this organisation in the centre."
        )


async def _ensure_external_id_free(
    session: AsyncSession,
    principal: Principal,
    organisation_id: uuid.UUID,
    external_id: str | None,
    placement_id: uuid.UUID | None = None,
) -> None:
    if external_id is None:
        return
    taken = await session.scalar(
        select(Placement.id).where(
            Placement.tenant_id == principal.tenant_id,
            Placement.organisation_id == organisation_id,
            Placement.external_id == external_id,
        )
    )
    if taken is not None and taken != placement_id:
        raise Conflict("Another placement of this organisation has this externalId.")


async def create_placement(
    session: AsyncSession, principal: Principal, *, data: PlacementCreate, log: bool = True
) -> Placement:
    try:
        child = await child_service.get_child(session, principal, child_id=data.child_id)
    except NotFound:
        raise InvalidInput.field("childId", "unknown_reference", "No such child.") from None
    if (
        await get_in_tenant(
            session, Organisation, tenant_id=principal.tenant_id, id=data.organisation_id
        )
        is None
    ):
        raise InvalidInput.field("organisationId", "unknown_reference", "No such organisation.")
    _ensure_can_place(principal, child, data.organisation_id)
    await _check_group(session, principal, data.group_id, data.organisation_id, child.centre_id)
    await _ensure_external_id_free(session, principal, data.organisation_id, data.external_id)
    placement = Placement(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        organisation_id=data.organisation_id,
        kind=data.kind,
        start_date=data.start_date,
        end_date=data.end_date,
        days=[day.value for day in data.days],
        group_id=data.group_id,
        from_time=data.from_time,
        until_time=data.until_time,
        external_id=data.external_id,
    )
    session.add(placement)
    await session.flush()
    if log:
        await _log(session, principal, placement, "create")
    return placement


async def update_placement(
    session: AsyncSession,
    principal: Principal,
    *,
    placement_id: uuid.UUID,
    data: PlacementUpdate,
    if_match: str | None = None,
    log: bool = True,
) -> Placement:
    placement = await get_placement(session, principal, placement_id=placement_id)
    require_match(if_match, placement.id, placement.updated_at)
    # Visibility came with the placement; only the child's centre is needed here.
    child = await get_in_tenant(
        session, Child, tenant_id=principal.tenant_id, id=placement.child_id
    )
    assert child is not None  # the placement's foreign key holds it
    _ensure_can_place(principal, child, placement.organisation_id)
    start = data.start_date or placement.start_date
    end = data.end_date if "end_date" in data.model_fields_set else placement.end_date
    if end is not None and end < start:
        raise InvalidInput.field("endDate", "end_before_start", "endDate lies before startDate.")
    if data.group_id is not None:
        await _check_group(
            session, principal, data.group_id, placement.organisation_id, child.centre_id
        )
    if data.external_id is not None:
        await _ensure_external_id_free(
            session, principal, placement.organisation_id, data.external_id, placement.id
        )
    apply_changes(placement, data, skip={"days"})
    if data.days is not None:
        placement.days = [day.value for day in data.days]
    if placement.from_time and placement.until_time and placement.until_time <= placement.from_time:
        raise InvalidInput.field("untilTime", "untilBeforeFrom", "untilTime is not after fromTime.")
    await session.flush()
    if log:
        await _log(session, principal, placement, "update")
    return placement


async def delete_placement(
    session: AsyncSession,
    principal: Principal,
    *,
    placement_id: uuid.UUID,
    if_match: str | None = None,
) -> None:
    placement = await get_placement(session, principal, placement_id=placement_id)
    require_match(if_match, placement.id, placement.updated_at)
    # Visibility came with the placement; only the child's centre is needed here.
    child = await get_in_tenant(
        session, Child, tenant_id=principal.tenant_id, id=placement.child_id
    )
    assert child is not None  # the placement's foreign key holds it
    _ensure_can_place(principal, child, placement.organisation_id)
    await _log(session, principal, placement, "delete")
    await session.delete(placement)
    await session.flush()


DUPLICATE_KEY = "This externalId appears twice in the bulk."


async def bulk_upsert(
    session: AsyncSession, principal: Principal, *, items: list[PlacementUpsert]
) -> tuple[list[Placement], int]:
    """Create or change up to 500 placements as one unit: every item is checked, and one
    wrong item fails the whole request with the errors of every wrong item (its index and
    field), so nothing is half-written. One access-log event names all the children."""
    errors = BulkErrors()
    placements: list[Placement] = []
    created = 0
    seen_keys: set[tuple[uuid.UUID, str]] = set()
    for index, item in enumerate(items):
        if item.external_id is not None:
            key = (item.organisation_id, item.external_id)
            if key in seen_keys:
                errors.add(index, InvalidInput.field("externalId", "duplicate", DUPLICATE_KEY), "")
                continue
            seen_keys.add(key)
        try:
            existing = await _existing(session, principal, item)
            if existing is None:
                placement = await create_placement(session, principal, data=item, log=False)
                created += 1
            else:
                changes = PlacementUpdate.model_validate(
                    item.model_dump(
                        by_alias=True,
                        exclude={"id", "child_id", "organisation_id", "kind"},
                        exclude_unset=False,
                    )
                )
                if (existing.child_id, existing.organisation_id, existing.kind) != (
                    item.child_id,
                    item.organisation_id,
                    item.kind,
                ):
                    raise InvalidInput.field(
                        "childId",
                        "immutable",
                        "A placement's child, organisation and kind do not change.",
                    )
                placement = await update_placement(
                    session, principal, placement_id=existing.id, data=changes, log=False
                )
            placements.append(placement)
        except InvalidInput as exc:
            errors.add(index, exc, "")
        except Conflict as exc:
            errors.add(index, exc, "externalId")
        except NotFound as exc:
            errors.add(index, exc, "id")
        except Forbidden as exc:
            errors.add(index, exc, "organisationId")
    errors.raise_any()
    await audit.record(
        session,
        audit.actor_of(principal),
        resource="placements",
        action="bulk",
        child_ids=[p.child_id for p in placements],
        basis="relation filter",
    )
    return placements, created


async def _existing(
    session: AsyncSession, principal: Principal, item: PlacementUpsert
) -> Placement | None:
    if item.id is not None:
        return await get_placement(session, principal, placement_id=item.id)
    if item.external_id is None:
        return None
    found = await session.scalar(
        _readable(principal).where(
            Placement.organisation_id == item.organisation_id,
            Placement.external_id == item.external_id,
        )
    )
    return found
