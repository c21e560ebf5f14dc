"""Who may call: session and principal dependencies, and `guard(policy)` for every route."""

from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from contextlib import AbstractAsyncContextManager
from dataclasses import replace
from typing import Annotated, Any

from fastapi import BackgroundTasks, Depends, Request
from fastapi.openapi.models import OAuthFlowClientCredentials, OAuthFlowPassword, OAuthFlows
from fastapi.security import OAuth2
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import InvalidToken, decode_access_token
from kindcentraal.common.scopes import SCOPE_DESCRIPTIONS
from kindcentraal.config import Settings
from kindcentraal.driver_reads import Reader
from kindcentraal.errors import (
    AppError,
    ClientNotAllowed,
    Forbidden,
    InsufficientScope,
    TooManyRequests,
    TwoFactorEnrolmentRequired,
    Unauthorized,
)
from kindcentraal.integration import principals as client_principals
from kindcentraal.integration.usage import CLIENT_STATE, CallOf
from kindcentraal.policy.registry import Policy


class BearerToken(OAuth2):
    """The bearer token of either grant at auth/token: a person's login (password) or an API
    client's (client credentials, with scopes); the OpenAPI document declares both flows."""

    def __init__(self) -> None:
        scopes = {scope.value: text for scope, text in SCOPE_DESCRIPTIONS.items()}
        super().__init__(
            flows=OAuthFlows(
                password=OAuthFlowPassword(tokenUrl="auth/token", scopes={}),
                clientCredentials=OAuthFlowClientCredentials(tokenUrl="auth/token", scopes=scopes),
            ),
            scheme_name="OAuth2",
            auto_error=False,
        )

    async def __call__(self, request: Request) -> str | None:  # type: ignore[override]
        scheme, param = get_authorization_scheme_param(request.headers.get("Authorization"))
        return param if scheme.lower() == "bearer" and param else None


oauth2_scheme = BearerToken()


SAFE_METHODS = frozenset({"GET", "HEAD"})


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One unit of work per request; commits before the response leaves.

    A GET is read-only: it takes no write lock, and its access-log events join the group
    commit, which is durable before the response leaves.
    """
    state = request.app.state
    if request.method in SAFE_METHODS:
        unit = state.database.session(read_only=True, deferred=state.group_commit)
    else:
        unit = state.database.session()
    async with unit as session:
        yield session


JobSessions = Callable[[], AbstractAsyncContextManager[AsyncSession]]
Job = Callable[[JobSessions], Awaitable[None]]


class Jobs:
    """Work a request leaves to run after its response (a background export). A job gets
    units of work of its own: each step commits, so its progress can be read while it runs."""

    def __init__(self, background: BackgroundTasks, sessions: JobSessions) -> None:
        self.background = background
        self.sessions = sessions

    def start(self, job: Job) -> None:
        # Runs after the response, so after the request's unit of work committed.
        self.background.add_task(job, self.sessions)


async def get_jobs(request: Request, background: BackgroundTasks) -> Jobs:
    return Jobs(background, request.app.state.database.session)


async def get_settings_dep(request: Request) -> Settings:
    # async: FastAPI runs a plain `def` dependency in a worker thread, a hop per request.
    settings: Settings = request.app.state.settings
    return settings


async def get_reader(request: Request) -> Reader:
    reader: Reader = request.app.state.database.reader
    return reader


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


ReaderDep = Annotated[Reader, Depends(get_reader)]
BearerTokenDep = Annotated[str | None, Depends(oauth2_scheme)]


async def caller_of(request: Request, reader: Reader, token: str | None) -> Principal:
    """The principal behind a bearer token, read fresh: a logout, a password or role change,
    or a disabled account counts on the very next request."""
    if not token:
        raise Unauthorized()
    settings: Settings = request.app.state.settings
    try:
        claims = decode_access_token(token, secret=settings.resolved_secret_key())
    except InvalidToken:
        raise Unauthorized("The access token is invalid or expired.") from None
    # Through the driver reader: committed state, one statement, no ORM session needed.
    if claims.client_id is not None:
        principal = await client_principals.load_client_principal(reader, claims=claims)
    else:
        principal = await auth_service.load_principal(reader, claims=claims)
    if principal is None:
        raise Unauthorized("The access token is no longer valid.")
    origin = request.client.host if request.client else None
    return replace(principal, origin_ip=origin)


def guard(policy: Policy) -> Callable[..., Coroutine[Any, Any, Principal]]:
    """The dependency a route declares its policy with: who may call it at all."""

    async def check(request: Request, principal: Principal) -> Principal:
        if principal.client is not None:
            # A machine client: the scopes its token carries decide, not a role; a route that
            # names no scope is for people only. Every call counts in the client's usage.
            setattr(
                request.state,
                CLIENT_STATE,
                CallOf(tenant_id=principal.tenant_id, client_id=principal.client.client_id),
            )
            if policy.client_scope is None and not policy.clients_only:
                raise ClientNotAllowed()
            if policy.client_scope is not None and not principal.client.allows(policy.client_scope):
                raise InsufficientScope(policy.client_scope)
            request.app.state.client_limits.check(principal.client.client_id)
            return principal
        if policy.clients_only:
            raise Forbidden("Only API clients call this route.")
        if principal.two_factor_enrolment_required and not policy.during_enrolment:
            raise TwoFactorEnrolmentRequired()
        if policy.roles is not None and not principal.has_role(*policy.roles):
            raise Forbidden("Your role does not allow this action.")
        return principal

    # The caller is resolved here, not in a sub-dependency of its own: each level of FastAPI's
    # dependency solving costs every request tens of microseconds (bench/floor_app).
    if policy.client_scope is None and not policy.clients_only:

        async def dependency(
            request: Request, reader: ReaderDep, token: BearerTokenDep
        ) -> Principal:
            return await check(request, await caller_of(request, reader, token))

    else:

        async def dependency(  # type: ignore[misc]
            request: Request, reader: ReaderDep, token: BearerTokenDep, session: SessionDep
        ) -> Principal:
            """A route open to API clients: every call of a client is in the access log, a
            refused one too (it survives the request's rollback). A call over the rate limit
            is counted in the client's usage, not written: a flood writes nothing."""
            principal = await caller_of(request, reader, token)
            try:
                checked = await check(request, principal)
            except TooManyRequests:
                raise
            except AppError as exc:
                if principal.client is not None:
                    exc.after_rollback = _client_call(policy, principal, "denied")
                raise
            if principal.client is not None:
                await _client_call(policy, principal, "allowed")(session)
            return checked

    dependency.__policy__ = policy  # type: ignore[attr-defined]
    return dependency


def _client_call(
    policy: Policy, principal: Principal, result: str
) -> Callable[[AsyncSession], Awaitable[None]]:
    async def record(session: AsyncSession) -> None:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource=policy.resource,
            action=policy.action,
            result=result,
            basis=f"api client: {policy.name}",
        )

    return record


def public(policy: Policy) -> Callable[..., Coroutine[Any, Any, None]]:
    """Declares a route open to anonymous callers (login, landing resource)."""
    if not policy.public:
        raise ValueError(f"{policy.name} is not a public policy")

    async def dependency() -> None:
        return None

    dependency.__policy__ = policy  # type: ignore[attr-defined]
    return dependency
