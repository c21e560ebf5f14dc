import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import AdminPrincipal, CurrentPrincipal, SessionDep
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.group import service as group_service
from kindcentraal.group.models import GroupKind
from kindcentraal.group.schemas import GroupCreate, GroupRead, GroupUpdate

router = APIRouter(prefix="/groups", tags=["groups"])
GroupId = Annotated[uuid.UUID, Path(alias="groupId")]


@router.get("", response_model=Page[GroupRead], responses=problems(400, 401))
async def list_groups(
    principal: CurrentPrincipal,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    kind: Annotated[GroupKind | None, Query()] = None,
) -> Page[GroupRead]:
    """School classes and childcare groups, by name."""
    items, cursor = await group_service.list_groups(
        session,
        principal,
        centre_id=centre_id,
        organisation_id=organisation_id,
        kind=kind,
        page=page,
    )
    return Page[GroupRead](items=[GroupRead.model_validate(g) for g in items], next_cursor=cursor)


@router.post("", status_code=201, response_model=GroupRead, responses=problems(400, 401, 403, 409))
async def create_group(
    body: GroupCreate, principal: AdminPrincipal, session: SessionDep
) -> GroupRead:
    """Administrators of the organisation or centre create a group."""
    return GroupRead.model_validate(await group_service.create_group(session, principal, data=body))


@router.get("/{groupId}", response_model=GroupRead, responses=problems(400, 401, 404))
async def read_group(
    group_id: GroupId, principal: CurrentPrincipal, session: SessionDep
) -> GroupRead:
    """One group."""
    return GroupRead.model_validate(
        await group_service.get_group(session, principal, group_id=group_id)
    )


@router.patch("/{groupId}", response_model=GroupRead, responses=problems(400, 401, 403, 404, 409))
async def update_group(
    group_id: GroupId, body: GroupUpdate, principal: CurrentPrincipal, session: SessionDep
) -> GroupRead:
    """Administrators rename a group or change its grade."""
    group = await group_service.update_group(session, principal, group_id=group_id, data=body)
    return GroupRead.model_validate(group)


@router.delete("/{groupId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_group(
    group_id: GroupId, principal: CurrentPrincipal, session: SessionDep
) -> Response:
    """Administrators delete a group; its children keep their record without a group."""
    await group_service.delete_group(session, principal, group_id=group_id)
    return Response(status_code=204)
