"""Who may call: the session and principal dependencies, and `require(...)` by role."""

from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import OAuth2PasswordBearer
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth import service as auth_service
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import InvalidToken, decode_access_token
from kindcentraal.config import Settings
from kindcentraal.errors import Forbidden, Unauthorized
from kindcentraal.organisation.models import Role

oauth2_scheme = OAuth2PasswordBearer(tokenUrl="auth/token", auto_error=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One unit of work per request; commits before the response leaves."""
    async for session in request.app.state.database.session():
        yield session


def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]


async def get_principal(
    session: SessionDep,
    settings: SettingsDep,
    token: Annotated[str | None, Depends(oauth2_scheme)],
) -> Principal:
    if not token:
        raise Unauthorized()
    try:
        claims = decode_access_token(token, secret=settings.resolved_secret_key())
    except InvalidToken:
        raise Unauthorized("The access token is invalid or expired.") from None
    principal = await auth_service.load_principal(session, claims=claims)
    if principal is None:
        raise Unauthorized("The access token is no longer valid.")
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require(*roles: Role) -> Callable[..., Coroutine[Any, Any, Principal]]:
    """A dependency admitting callers holding any of `roles` in some organisation."""

    async def dependency(principal: CurrentPrincipal) -> Principal:
        if not principal.has_role(*roles):
            raise Forbidden("Your role does not allow this action.")
        return principal

    return dependency


AdminPrincipal = Annotated[Principal, Depends(require(Role.CENTRE_ADMIN, Role.ORG_ADMIN))]
CentreAdminPrincipal = Annotated[Principal, Depends(require(Role.CENTRE_ADMIN))]
