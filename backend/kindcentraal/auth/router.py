from typing import Annotated

from fastapi import APIRouter, Depends, Form, Response
from fastapi.responses import JSONResponse

from kindcentraal.auth import account
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.dependencies import SessionDep, SettingsDep, guard, public
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.schemas import (
    EnrolmentConfirmation,
    EnrolmentStarted,
    LogoutRequest,
    PasswordChange,
    RecoveryCodes,
    RefreshRequest,
    TokenResponse,
    TwoFactorDeactivation,
    TwoFactorStatus,
)
from kindcentraal.common.responses import problems
from kindcentraal.errors import problem
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["auth"])

TOKEN = declare(
    "auth.token", resource="session", action="create", public=True, rows="anyone with an account"
)
REFRESH = declare(
    "auth.refresh",
    resource="session",
    action="update",
    public=True,
    rows="holders of a valid refresh token",
)
LOGOUT = declare(
    "auth.logout",
    resource="session",
    action="delete",
    rows="the caller's own session",
    during_enrolment=True,
)
TWO_FACTOR_STATUS = declare(
    "me.two-factor.read",
    resource="me",
    action="read",
    rows="the caller's own account",
    during_enrolment=True,
)
TWO_FACTOR = declare(
    "me.two-factor",
    resource="me",
    action="update",
    rows="the caller's own account",
    during_enrolment=True,
)
SelfRead = Annotated[Principal, Depends(guard(TWO_FACTOR_STATUS))]
SelfUpdate = Annotated[Principal, Depends(guard(TWO_FACTOR))]


def _rejected(detail: str, code: str = "unauthorized") -> JSONResponse:
    return problem(401, code=code, detail=detail, headers={"WWW-Authenticate": "Bearer"})


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
    summary="Log in with email and password (and a second factor when enrolled)",
    dependencies=[Depends(public(TOKEN))],
)
async def create_token(
    username: Annotated[str, Form(max_length=320, description="The email address.")],
    password: Annotated[str, Form(max_length=200)],
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    grant_type: Annotated[str | None, Form(pattern="^password$")] = None,
    scope: Annotated[str, Form(max_length=200)] = "",
    totp: Annotated[
        str | None,
        Form(max_length=32, description="Authenticator code or a recovery code, when enrolled."),
    ] = None,
) -> TokenResponse | JSONResponse:
    """OAuth2 password login; 10 failures within 15 minutes lock the account (429)."""
    outcome = await auth_service.login(
        session, settings, email=username, password=password, totp=totp
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
    if isinstance(outcome, auth_service.SecondFactorRequired):
        return _rejected("Enter the code from your authenticator app.", "two_factor_required")
    if isinstance(outcome, auth_service.SecondFactorRejected):
        return _rejected("The two-factor code is incorrect or already used.", "two_factor_invalid")
    response.headers["Cache-Control"] = "no-store"
    return _tokens(outcome)


@router.post(
    "/auth/refresh",
    response_model=TokenResponse,
    responses=problems(400, 401),
    summary="Exchange a refresh token for new tokens",
    dependencies=[Depends(public(REFRESH))],
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
    principal: Annotated[Principal, Depends(guard(LOGOUT))],
    session: SessionDep,
    body: LogoutRequest | None = None,
) -> Response:
    """Ends the login session: its access and refresh tokens stop working at once."""
    await auth_service.revoke_session(
        session,
        tenant_id=principal.tenant_id,
        session_id=principal.session_id,
        reason="logout",
    )
    return Response(status_code=204)


@router.get("/me/two-factor", response_model=TwoFactorStatus, responses=problems(401))
async def read_two_factor(principal: SelfRead, session: SessionDep) -> TwoFactorStatus:
    """Whether two-factor login is on, and whether it is mandatory for the caller."""
    return await account.two_factor_status(session, principal)


@router.post(
    "/me/two-factor/enrolment",
    status_code=201,
    response_model=EnrolmentStarted,
    responses=problems(401, 409),
)
async def start_two_factor_enrolment(
    principal: SelfUpdate, session: SessionDep, settings: SettingsDep, response: Response
) -> EnrolmentStarted:
    """A new TOTP secret to scan as a QR code; two-factor is on once a code confirms it."""
    enrolment = await account.start_enrolment(
        session, principal, secret_key=settings.resolved_secret_key()
    )
    response.headers["Cache-Control"] = "no-store"
    return EnrolmentStarted(secret=enrolment.secret, otpauth_uri=enrolment.otpauth_uri)


@router.post(
    "/me/two-factor/enrolment/confirmation",
    response_model=RecoveryCodes,
    responses=problems(400, 401),
)
async def confirm_two_factor_enrolment(
    body: EnrolmentConfirmation, principal: SelfUpdate, session: SessionDep, settings: SettingsDep
) -> RecoveryCodes:
    """Confirm with a first code; answers ten one-time recovery codes (shown only now)."""
    codes = await account.confirm_enrolment(
        session, principal, code=body.code, secret_key=settings.resolved_secret_key()
    )
    return RecoveryCodes(recovery_codes=codes)


@router.post("/me/two-factor/deactivation", status_code=204, responses=problems(400, 401, 403))
async def deactivate_two_factor(
    body: TwoFactorDeactivation, principal: SelfUpdate, session: SessionDep
) -> Response:
    """Turn two-factor login off (not where an administrator made it mandatory)."""
    await account.deactivate_two_factor(session, principal, password=body.password)
    return Response(status_code=204)


@router.post("/me/password", status_code=204, responses=problems(400, 401))
async def change_password(
    body: PasswordChange, principal: SelfUpdate, session: SessionDep
) -> Response:
    """Change the password; every session of the account ends, so log in again."""
    await account.change_password(
        session, principal, current=body.current_password, new=body.new_password
    )
    return Response(status_code=204)
