import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.group import service as group_service
from kindcentraal.group.models import GroupKind
from kindcentraal.group.schemas import GroupCreate, GroupRead, GroupUpdate
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/groups", tags=["groups"])
GroupId = Annotated[uuid.UUID, Path(alias="groupId")]

LIST_GROUPS = declare(
    "groups.list",
    resource="group",
    action="list",
    rows="the caller's municipality",
)
CREATE_GROUP = declare(
    "groups.create",
    resource="group",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN}),
    rows="groups of organisations or centres the caller administers",
)
READ_GROUP = declare(
    "groups.read",
    resource="group",
    action="read",
    rows="the caller's municipality",
)
UPDATE_GROUP = declare(
    "groups.update",
    resource="group",
    action="update",
    rows="groups of organisations or centres the caller administers",
)
DELETE_GROUP = declare(
    "groups.delete",
    resource="group",
    action="delete",
    rows="groups of organisations or centres the caller administers",
)


@router.get("", response_model=Page[GroupRead], responses=problems(400, 401))
async def list_groups(
    principal: Annotated[Principal, Depends(guard(LIST_GROUPS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    kind: Annotated[GroupKind | None, Query()] = None,
    mine: Annotated[
        bool,
        Query(
            description="Only the groups whose day you read (`GET /groups/{groupId}/day`): "
            "your organisations' groups and all groups of the centres you administer."
        ),
    ] = False,
) -> Page[GroupRead]:
    """School classes and childcare groups, by name."""
    items, cursor = await group_service.list_groups(
        session,
        principal,
        centre_id=centre_id,
        organisation_id=organisation_id,
        kind=kind,
        mine=mine,
        page=page,
    )
    return Page[GroupRead](items=[GroupRead.model_validate(g) for g in items], next_cursor=cursor)


@router.post("", status_code=201, response_model=GroupRead, responses=problems(400, 401, 403, 409))
async def create_group(
    body: GroupCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_GROUP))],
    session: SessionDep,
) -> GroupRead:
    """Administrators of the organisation or centre create a group."""
    return GroupRead.model_validate(await group_service.create_group(session, principal, data=body))


@router.get("/{groupId}", response_model=GroupRead, responses=problems(400, 401, 404))
async def read_group(
    group_id: GroupId,
    principal: Annotated[Principal, Depends(guard(READ_GROUP))],
    session: SessionDep,
) -> GroupRead:
    """One group."""
    return GroupRead.model_validate(
        await group_service.get_group(session, principal, group_id=group_id)
    )


@router.patch("/{groupId}", response_model=GroupRead, responses=problems(400, 401, 403, 404, 409))
async def update_group(
    group_id: GroupId,
    body: GroupUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_GROUP))],
    session: SessionDep,
) -> GroupRead:
    """Administrators rename a group or change its grade."""
    group = await group_service.update_group(session, principal, group_id=group_id, data=body)
    return GroupRead.model_validate(group)


@router.delete("/{groupId}", status_code=204, responses=problems(400, 401, 403, 404))
async def delete_group(
    group_id: GroupId,
    principal: Annotated[Principal, Depends(guard(DELETE_GROUP))],
    session: SessionDep,
) -> Response:
    """Administrators delete a group; its children keep their record without a group."""
    await group_service.delete_group(session, principal, group_id=group_id)
    return Response(status_code=204)
