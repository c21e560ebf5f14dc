import base64
import uuid
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import unquote_plus, urlparse

from fastapi import APIRouter, Cookie, Depends, Form, Path, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth import account
from kindcentraal.auth import service as auth_service
from kindcentraal.auth import sessions as device_sessions
from kindcentraal.auth.dependencies import SessionDep, SettingsDep, guard, public
from kindcentraal.auth.devices import device_label
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.schemas import (
    DeviceRead,
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
from kindcentraal.config import Settings
from kindcentraal.errors import problem
from kindcentraal.integration import service as integration_service
from kindcentraal.integration.usage import ClientLimits
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
SESSIONS_READ = declare(
    "me.sessions.read",
    resource="session",
    action="read",
    rows="the caller's own sessions",
    during_enrolment=True,
)
SESSIONS_END = declare(
    "me.sessions.delete",
    resource="session",
    action="delete",
    rows="the caller's own sessions",
    during_enrolment=True,
)
SelfRead = Annotated[Principal, Depends(guard(TWO_FACTOR_STATUS))]
SelfUpdate = Annotated[Principal, Depends(guard(TWO_FACTOR))]
SessionsRead = Annotated[Principal, Depends(guard(SESSIONS_READ))]
SessionsEnd = Annotated[Principal, Depends(guard(SESSIONS_END))]

# The refresh token's cookie (docs/sessions.md). `__Secure-`: browsers take it only with Secure,
# which they accept from https and from http://127.0.0.1 and localhost. HttpOnly: no script
# reads it. SameSite=Strict: no request another site makes carries it. Path: only the auth
# routes (refresh and logout) receive it, no other API call.
REFRESH_COOKIE = "__Secure-kc_refresh"
RefreshCookie = Annotated[
    str | None,
    Cookie(
        alias=REFRESH_COOKIE,
        max_length=200,
        description="The refresh token the API set at login (browsers; HttpOnly).",
    ),
]


def _cookie_path(settings: Settings) -> str:
    return urlparse(settings.public_api_url).path.rstrip("/") + "/auth"


def _set_refresh_cookie(
    response: Response, settings: Settings, pair: auth_service.TokenPair
) -> None:
    seconds = int((pair.expires_at - datetime.now(UTC)).total_seconds())
    response.set_cookie(
        REFRESH_COOKIE,
        pair.refresh_token,
        max_age=max(0, seconds),
        expires=pair.expires_at,
        path=_cookie_path(settings),
        secure=True,
        httponly=True,
        samesite="strict",
    )


def _clear_refresh_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        REFRESH_COOKIE, path=_cookie_path(settings), secure=True, httponly=True, samesite="strict"
    )


def _from_browser(request: Request) -> bool:
    """Browsers send Origin with every POST, and no script can leave it out or change it."""
    return "origin" in request.headers


def _rejected(detail: str, code: str = "unauthorized") -> JSONResponse:
    return problem(401, code=code, detail=detail, headers={"WWW-Authenticate": "Bearer"})


def _tokens(
    pair: auth_service.TokenPair, request: Request, response: Response, settings: Settings
) -> TokenResponse:
    """A person's tokens: the refresh token in the HttpOnly cookie, and, for a client that is
    no browser (a script, an app of its own), in the body as well. A page's script never gets
    it: a script injected into the SPA cannot carry the session away."""
    _set_refresh_cookie(response, settings, pair)
    return TokenResponse(
        access_token=pair.access_token,
        refresh_token=None if _from_browser(request) else pair.refresh_token,
        expires_in=pair.expires_in,
    )


@router.post(
    "/auth/token",
    response_model=TokenResponse,
    response_model_exclude_none=True,
    responses=problems(400, 401, 429),
    summary="Get an access token: a person's login, or an API client's client credentials",
    dependencies=[Depends(public(TOKEN))],
)
async def create_token(
    session: SessionDep,
    settings: SettingsDep,
    request: Request,
    response: Response,
    grant_type: Annotated[
        str | None,
        Form(
            pattern="^(password|client_credentials)$",
            description="`password` (the default) for people; `client_credentials` for API "
            "clients.",
        ),
    ] = None,
    username: Annotated[str | None, Form(max_length=320, description="The email address.")] = None,
    password: Annotated[str | None, Form(max_length=200)] = None,
    scope: Annotated[
        str,
        Form(
            max_length=400,
            description="API clients: the scopes wanted, space-separated; none: all the "
            "client holds.",
        ),
    ] = "",
    totp: Annotated[
        str | None,
        Form(max_length=32, description="Authenticator code or a recovery code, when enrolled."),
    ] = None,
    client_id: Annotated[str | None, Form(max_length=100)] = None,
    client_secret: Annotated[str | None, Form(max_length=200)] = None,
) -> TokenResponse | JSONResponse:
    """OAuth2 password login (10 failures within 15 minutes lock the account: 429), or the
    client-credentials grant for an organisation's API client (its id and secret in the form
    or as HTTP Basic): a short-lived token bound to the organisation and the scopes."""
    response.headers["Cache-Control"] = "no-store"
    if grant_type == "client_credentials":
        return await _client_token(
            request, session, settings, client_id, client_secret, scope=scope
        )
    if username is None or password is None:
        return problem(
            400,
            code="invalid_input",
            detail="Give username and password.",
            errors=[
                {"in": "body", "location": f"#/{name}", "code": "required", "detail": "Required."}
                for name, value in (("username", username), ("password", password))
                if value is None
            ],
        )
    outcome = await auth_service.login(
        session,
        settings,
        email=username,
        password=password,
        totp=totp,
        device=device_label(request.headers.get("user-agent")),
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
    return _tokens(outcome, request, response, settings)


def _basic_credentials(request: Request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    name, separator, secret = decoded.partition(":")
    if not separator:
        return None
    # RFC 6749 §2.3.1: both are form-urlencoded before they are joined.
    return unquote_plus(name), unquote_plus(secret)


def _invalid_client() -> JSONResponse:
    return problem(
        401,
        code="invalid_client",
        detail="The client id or secret is incorrect, expired or revoked.",
        headers={"WWW-Authenticate": 'Basic realm="kindcentraal"'},
        extensions={"error": "invalid_client"},
    )


async def _client_token(
    request: Request,
    session: AsyncSession,
    settings: Settings,
    client_id: str | None,
    client_secret: str | None,
    *,
    scope: str,
) -> TokenResponse | JSONResponse:
    basic = _basic_credentials(request)
    if basic is not None:
        client_id, client_secret = basic
    if not client_id or not client_secret:
        return _invalid_client()
    limits: ClientLimits = request.app.state.token_limits
    retry_after = limits.blocked(client_id)
    if retry_after:
        return problem(
            429,
            code="too_many_attempts",
            detail="Too many token requests for this client; try again later.",
            headers={"Retry-After": str(retry_after)},
        )
    try:
        token = await integration_service.issue_client_token(
            session, settings, client_id=client_id, client_secret=client_secret, scope=scope
        )
    except integration_service.ClientRejected:
        return _invalid_client()
    except integration_service.ScopeRejected:
        return problem(
            400,
            code="invalid_scope",
            detail="A scope was asked for that this client does not hold.",
            errors=[
                {
                    "in": "body",
                    "location": "#/scope",
                    "code": "invalid_scope",
                    "detail": "Not a scope of this client.",
                }
            ],
            extensions={"error": "invalid_scope"},
        )
    return TokenResponse(
        access_token=token.access_token,
        expires_in=token.expires_in,
        scope=token.scope,
        organisation_id=token.organisation_id,
    )


@router.post(
    "/auth/refresh",
    response_model=TokenResponse,
    response_model_exclude_none=True,
    responses=problems(400, 401),
    summary="Exchange a refresh token for new tokens",
    dependencies=[Depends(public(REFRESH))],
)
async def refresh_token(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    response: Response,
    cookie: RefreshCookie = None,
    body: RefreshRequest | None = None,
) -> TokenResponse | JSONResponse:
    """Refresh tokens rotate; reusing a spent one revokes the whole login session. Browsers
    send the token as the HttpOnly cookie set at login, in a JSON request (`{}`: a form another
    site could post is refused); other clients send it in the body. The session never lasts
    past its absolute end (docs/sessions.md)."""
    response.headers["Cache-Control"] = "no-store"
    in_body = body.refresh_token if body is not None else None
    token = in_body or cookie
    if token is None:
        return _rejected("No refresh token: log in.")
    from_cookie = in_body is None
    if from_cookie and not _is_json(request):
        return problem(
            400,
            code="invalid_input",
            detail="Send the refresh request as JSON.",
            errors=[
                {
                    "in": "header",
                    "location": "Content-Type",
                    "code": "json_required",
                    "detail": "Must be application/json.",
                }
            ],
        )
    outcome = await auth_service.refresh(session, settings, refresh_token=token)
    if isinstance(outcome, auth_service.RefreshRejected):
        rejected = _rejected("The refresh token is invalid, expired or already used.")
        if from_cookie:
            _clear_refresh_cookie(rejected, settings)
        return rejected
    return _tokens(outcome, request, response, settings)


def _is_json(request: Request) -> bool:
    kind = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return kind == "application/json"


@router.post("/auth/logout", status_code=204, responses=problems(400, 401), summary="Log out")
async def logout(
    principal: Annotated[Principal, Depends(guard(LOGOUT))],
    session: SessionDep,
    settings: SettingsDep,
    body: LogoutRequest | None = None,
) -> Response:
    """Ends the login session: its access and refresh tokens stop working at once, and the
    browser forgets the refresh cookie."""
    await auth_service.revoke_session(
        session,
        tenant_id=principal.tenant_id,
        session_id=principal.session_id,
        reason="logout",
    )
    response = Response(status_code=204)
    _clear_refresh_cookie(response, settings)
    return response


@router.get("/me/sessions", response_model=list[DeviceRead], responses=problems(401))
async def list_sessions(
    principal: SessionsRead, session: SessionDep, response: Response
) -> list[DeviceRead]:
    """Your devices: every session signed in with your account that has not ended, last used
    first; `current` marks the one this request comes from."""
    response.headers["Cache-Control"] = "no-store"
    devices = await device_sessions.list_devices(session, principal)
    return [DeviceRead.model_validate(device, from_attributes=True) for device in devices]


@router.delete("/me/sessions/{sessionId}", status_code=204, responses=problems(401, 404))
async def end_session(
    session_id: Annotated[uuid.UUID, Path(alias="sessionId")],
    principal: SessionsEnd,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Sign one of your devices out: its tokens stop working at once. Only your own sessions
    exist here (anyone else's: 404)."""
    await device_sessions.end_device_session(session, principal, session_id=session_id)
    response = Response(status_code=204)
    if session_id == principal.session_id:
        _clear_refresh_cookie(response, settings)
    return response


@router.post("/me/sessions/revocation", status_code=204, responses=problems(401))
async def end_all_sessions(
    principal: SessionsEnd, session: SessionDep, settings: SettingsDep
) -> Response:
    """Sign out everywhere: every session of your account ends, this one too (a lost phone,
    a shared computer). Log in again afterwards."""
    await device_sessions.end_all_sessions(session, principal)
    response = Response(status_code=204)
    _clear_refresh_cookie(response, settings)
    return response


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
