from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.responses import JSONResponse
from fastapi.security import OAuth2PasswordRequestForm
from sqlalchemy import select

from kindcentraal.auth import service as auth_service
from kindcentraal.auth.dependencies import CurrentPrincipal, SessionDep, SettingsDep
from kindcentraal.auth.schemas import (
    LogoutRequest,
    MembershipSummary,
    MeRead,
    RefreshRequest,
    TokenResponse,
)
from kindcentraal.child.models import Guardian
from kindcentraal.common.responses import problems
from kindcentraal.errors import problem
from kindcentraal.organisation.models import Membership, Organisation
from kindcentraal.user.models import User

router = APIRouter(tags=["auth"])


def _rejected(detail: str) -> JSONResponse:
    return problem(401, code="unauthorized", detail=detail, headers={"WWW-Authenticate": "Bearer"})


def _tokens(pair: auth_service.TokenPair) -> TokenResponse:
    return TokenResponse(
        access_token=pair.access_token,
        refresh_token=pair.refresh_token,
        expires_in=pair.expires_in,
    )


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    responses=problems(400, 401, 429),
    summary="Log in with email and password",
)
async def create_token(
    form: Annotated[OAuth2PasswordRequestForm, Depends()],
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
) -> TokenResponse | JSONResponse:
    """OAuth2 password login; 10 failures within 15 minutes lock the account (429)."""
    outcome = await auth_service.login(
        session, settings, email=form.username, password=form.password
    )
    if isinstance(outcome, auth_service.LoginLocked):
        return problem(
            429,
            code="too_many_attempts",
            detail="Too many failed logins for this account; try again later.",
            headers={"Retry-After": str(outcome.retry_after_seconds)},
        )
    if isinstance(outcome, auth_service.LoginRejected):
        return _rejected("Email address or password is incorrect.")
    response.headers["Cache-Control"] = "no-store"
    return _tokens(outcome)


@router.post(
    "/auth/refresh",
    response_model=TokenResponse,
    responses=problems(400, 401),
    summary="Exchange a refresh token for new tokens",
)
async def refresh_token(
    body: RefreshRequest, session: SessionDep, settings: SettingsDep, response: Response
) -> TokenResponse | JSONResponse:
    """Refresh tokens rotate; reusing a spent one revokes the whole login session."""
    outcome = await auth_service.refresh(session, settings, refresh_token=body.refresh_token)
    if isinstance(outcome, auth_service.RefreshRejected):
        return _rejected("The refresh token is invalid, expired or already used.")
    response.headers["Cache-Control"] = "no-store"
    return _tokens(outcome)


@router.post("/auth/logout", status_code=204, responses=problems(400, 401), summary="Log out")
async def logout(
    principal: CurrentPrincipal, session: SessionDep, body: LogoutRequest | None = None
) -> Response:
    """Ends the login session: its access and refresh tokens stop working at once."""
    await auth_service.revoke_session(session, session_id=principal.session_id, reason="logout")
    return Response(status_code=204)


@router.get("/me", response_model=MeRead, responses=problems(401), summary="The current user")
async def read_me(principal: CurrentPrincipal, session: SessionDep) -> MeRead:
    """The logged-in user with memberships and roles."""
    user = await session.get_one(User, principal.user_id)
    rows = (
        await session.execute(
            select(Membership, Organisation)
            .join(Organisation, Organisation.id == Membership.organisation_id)
            .where(Membership.user_id == user.id, Membership.tenant_id == principal.tenant_id)
            .order_by(Organisation.name)
        )
    ).all()
    is_guardian = (
        await session.scalar(
            select(Guardian.id)
            .where(Guardian.user_id == user.id, Guardian.tenant_id == principal.tenant_id)
            .limit(1)
        )
    ) is not None
    return MeRead(
        id=user.id,
        tenant_id=user.tenant_id,
        email=user.email,
        display_name=user.display_name,
        roles=sorted(principal.roles),
        memberships=[
            MembershipSummary(
                id=m.id,
                organisation_id=o.id,
                organisation_name=o.name,
                organisation_type=o.type,
                role=m.role,
            )
            for m, o in rows
        ],
        is_guardian=is_guardian,
    )
