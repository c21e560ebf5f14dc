import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import Page
from kindcentraal.policy.registry import declare
from kindcentraal.user import service as user_service
from kindcentraal.user.schemas import MeRead, MeUpdate, UserCreate, UserRead, UserUpdate

# Tags per route, not per router: /me is listed with the other /me operations under "auth",
# so its operationId stays auth:read_me for generated clients.
router = APIRouter()
UserId = Annotated[uuid.UUID, Path(alias="userId")]

LIST_USERS = declare(
    "users.list",
    resource="user",
    action="list",
    rows="administrators: the municipality's accounts; others: their own",
)
CREATE_USER = declare(
    "users.create",
    resource="user",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN}),
    rows="the caller's municipality",
)
UPDATE_USER = declare(
    "users.update",
    resource="user",
    action="update",
    rows="the municipality's accounts",
)
READ_USER = declare(
    "users.read",
    resource="user",
    action="read",
    rows="administrators: the municipality's accounts; others: their own",
)
ME = declare(
    "me.read",
    resource="me",
    action="read",
    rows="the caller's own account",
    during_enrolment=True,
)
UPDATE_ME = declare(
    "me.update",
    resource="me",
    action="update",
    rows="the caller's own account",
    during_enrolment=True,
)


@router.get("/users", tags=["users"], response_model=Page[UserRead], responses=problems(400, 401))
async def list_users(
    principal: Annotated[Principal, Depends(guard(LIST_USERS))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=100, description="Part of name or email.")] = None,
) -> Page[UserRead]:
    """Administrators see the municipality's accounts; others only their own."""
    items, cursor = await user_service.list_users(session, principal, q=q, page=page)
    return Page[UserRead](items=[UserRead.model_validate(u) for u in items], next_cursor=cursor)


@router.post(
    "/users",
    tags=["users"],
    status_code=201,
    response_model=UserRead,
    responses=problems(400, 401, 403, 409),
)
async def create_user(
    body: UserCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_USER))],
    session: SessionDep,
) -> UserRead:
    """Administrators create an account; roles follow through memberships."""
    user = await user_service.create_user(session, principal, data=body)
    return UserRead.model_validate(user)


@router.get(
    "/users/{userId}", tags=["users"], response_model=UserRead, responses=problems(400, 401, 404)
)
async def read_user(
    user_id: UserId, principal: Annotated[Principal, Depends(guard(READ_USER))], session: SessionDep
) -> UserRead:
    """One account the caller may see."""
    user = await user_service.get_user(session, principal, user_id=user_id)
    return UserRead.model_validate(user)


@router.patch(
    "/users/{userId}",
    tags=["users"],
    response_model=UserRead,
    responses=problems(400, 401, 403, 404),
)
async def update_user(
    user_id: UserId,
    body: UserUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_USER))],
    session: SessionDep,
) -> UserRead:
    """Administrators rename or disable an account; a disabled account's tokens stop working."""
    user = await user_service.update_user(session, principal, user_id=user_id, data=body)
    return UserRead.model_validate(user)


@router.get(
    "/me",
    tags=["auth"],
    response_model=MeRead,
    responses=problems(401),
    summary="The current user",
)
async def read_me(
    principal: Annotated[Principal, Depends(guard(ME))], session: SessionDep
) -> MeRead:
    """The logged-in user with memberships, roles and two-factor status."""
    return await user_service.read_me(session, principal)


@router.patch(
    "/me",
    tags=["auth"],
    response_model=MeRead,
    responses=problems(400, 401),
    summary="Update the current user's preferences",
)
async def update_me(
    body: MeUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_ME))],
    session: SessionDep,
) -> MeRead:
    """Remember the app's language for this account, on every device."""
    return await user_service.update_me(session, principal, data=body)
