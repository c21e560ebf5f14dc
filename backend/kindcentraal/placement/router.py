import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.preconditions import ETAG_HEADER, IfMatch, etag_of
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import IsoDate, Page
from kindcentraal.common.scopes import ApiScope
from kindcentraal.organisation.models import Role
from kindcentraal.placement import service as placement_service
from kindcentraal.placement.schemas import (
    PlacementBulk,
    PlacementBulkResult,
    PlacementCreate,
    PlacementRead,
    PlacementUpdate,
)
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/placements", tags=["placements"])
PlacementId = Annotated[uuid.UUID, Path(alias="placementId")]

LIST_PLACEMENTS = declare(
    "placements.list",
    client_scope=ApiScope.PLACEMENTS_READ,
    resource="placement",
    action="list",
    rows="placements of children the caller relates to",
)
CREATE_PLACEMENT = declare(
    "placements.create",
    client_scope=ApiScope.PLACEMENTS_WRITE,
    resource="placement",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL}),
    rows="centre admins anywhere in their centre; staff and admins at their own organisation",
)
READ_PLACEMENT = declare(
    "placements.read",
    client_scope=ApiScope.PLACEMENTS_READ,
    resource="placement",
    action="read",
    rows="placements of children the caller relates to",
)
UPDATE_PLACEMENT = declare(
    "placements.update",
    client_scope=ApiScope.PLACEMENTS_WRITE,
    resource="placement",
    action="update",
    rows="centre admins anywhere in their centre; staff and admins at their own organisation",
)
BULK_PLACEMENTS = declare(
    "placements.bulk",
    client_scope=ApiScope.PLACEMENTS_WRITE,
    resource="placement",
    action="bulk",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL}),
    rows="as create and update, for every item; one wrong item fails them all",
)
DELETE_PLACEMENT = declare(
    "placements.delete",
    client_scope=ApiScope.PLACEMENTS_WRITE,
    resource="placement",
    action="delete",
    rows="centre admins anywhere in their centre; staff and admins at their own organisation",
)


@router.get("", response_model=Page[PlacementRead], responses=problems(400, 401))
async def list_placements(
    principal: Annotated[Principal, Depends(guard(LIST_PLACEMENTS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    child_id: Annotated[uuid.UUID | None, Query(alias="childId")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    active_on: Annotated[
        IsoDate | None, Query(alias="activeOn", description="Placements running on this date.")
    ] = None,
) -> Page[PlacementRead]:
    """Placements of the children the caller may see."""
    items, cursor = await placement_service.list_placements(
        session,
        principal,
        child_id=child_id,
        organisation_id=organisation_id,
        active_on=active_on,
        page=page,
    )
    return Page[PlacementRead](
        items=[PlacementRead.model_validate(p) for p in items], next_cursor=cursor
    )


@router.post("", status_code=201, response_model=PlacementRead, responses=problems(400, 401, 403))
async def create_placement(
    body: PlacementCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_PLACEMENT))],
    session: SessionDep,
) -> PlacementRead:
    """Place a visible child at an organisation: centre admins anywhere, staff at their own."""
    placement = await placement_service.create_placement(session, principal, data=body)
    return PlacementRead.model_validate(placement)


@router.post(
    "/bulk",
    response_model=PlacementBulkResult,
    responses=problems(400, 401, 403),
)
async def bulk_placements(
    body: PlacementBulk,
    principal: Annotated[Principal, Depends(guard(BULK_PLACEMENTS))],
    session: SessionDep,
) -> PlacementBulkResult:
    """Create or change up to 500 placements at once (an item with `id`, or with an
    `externalId` the organisation used before, changes that placement). All or nothing: a
    400 lists every wrong item by index and field, and nothing is stored."""
    placements, created = await placement_service.bulk_upsert(session, principal, items=body.items)
    return PlacementBulkResult(
        created=created,
        updated=len(placements) - created,
        items=[PlacementRead.model_validate(p) for p in placements],
    )


@router.get(
    "/{placementId}",
    response_model=PlacementRead,
    responses=problems(400, 401, 404) | ETAG_HEADER,
)
async def read_placement(
    placement_id: PlacementId,
    principal: Annotated[Principal, Depends(guard(READ_PLACEMENT))],
    session: SessionDep,
    response: Response,
) -> PlacementRead:
    """One placement of a child the caller may see; its `ETag` goes with `If-Match`."""
    placement = await placement_service.read_placement(
        session, principal, placement_id=placement_id
    )
    response.headers["ETag"] = etag_of(placement.id, placement.updated_at)
    return PlacementRead.model_validate(placement)


@router.patch(
    "/{placementId}",
    response_model=PlacementRead,
    responses=problems(400, 401, 403, 404, 412) | ETAG_HEADER,
)
async def update_placement(
    placement_id: PlacementId,
    body: PlacementUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_PLACEMENT))],
    session: SessionDep,
    response: Response,
    if_match: IfMatch = None,
) -> PlacementRead:
    """Change dates or days; the end date never lies before the start. With `If-Match`, only
    while the placement is as last read (else 412)."""
    placement = await placement_service.update_placement(
        session, principal, placement_id=placement_id, data=body, if_match=if_match
    )
    response.headers["ETag"] = etag_of(placement.id, placement.updated_at)
    return PlacementRead.model_validate(placement)


@router.delete("/{placementId}", status_code=204, responses=problems(400, 401, 403, 404, 412))
async def delete_placement(
    placement_id: PlacementId,
    principal: Annotated[Principal, Depends(guard(DELETE_PLACEMENT))],
    session: SessionDep,
    if_match: IfMatch = None,
) -> Response:
    """Remove a placement entered by mistake; to end one, set its end date."""
    await placement_service.delete_placement(
        session, principal, placement_id=placement_id, if_match=if_match
    )
    return Response(status_code=204)
