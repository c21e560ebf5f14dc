import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from kindcentraal.auth.dependencies import AdminPrincipal, CurrentPrincipal, SessionDep
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.user import service as user_service
from kindcentraal.user.schemas import UserCreate, UserRead

router = APIRouter(prefix="/users", tags=["users"])
UserId = Annotated[uuid.UUID, Path(alias="userId")]


@router.get("", response_model=Page[UserRead], responses=problems(400, 401))
async def list_users(
    principal: CurrentPrincipal,
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[str | None, Query(max_length=100, description="Part of name or email.")] = None,
) -> Page[UserRead]:
    """Administrators see the municipality's accounts; others only their own."""
    items, cursor = await user_service.list_users(session, principal, q=q, page=page)
    return Page[UserRead](items=[UserRead.model_validate(u) for u in items], next_cursor=cursor)


@router.post("", status_code=201, response_model=UserRead, responses=problems(400, 401, 403, 409))
async def create_user(body: UserCreate, principal: AdminPrincipal, session: SessionDep) -> UserRead:
    """Administrators create an account; roles follow through memberships."""
    user = await user_service.create_user(session, principal, data=body)
    return UserRead.model_validate(user)


@router.get("/{userId}", response_model=UserRead, responses=problems(400, 401, 404))
async def read_user(user_id: UserId, principal: CurrentPrincipal, session: SessionDep) -> UserRead:
    """One account the caller may see."""
    user = await user_service.get_user(session, principal, user_id=user_id)
    return UserRead.model_validate(user)
