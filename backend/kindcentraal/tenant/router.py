from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import Field

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import ApiModel, ReadModel
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare
from kindcentraal.tenant import service as tenant_service

router = APIRouter(prefix="/security-settings", tags=["security-settings"])

READ = declare(
    "security-settings.read",
    resource="security-settings",
    action="read",
    roles={Role.CENTRE_ADMIN},
    rows="the caller's municipality",
)
UPDATE = declare(
    "security-settings.update",
    resource="security-settings",
    action="update",
    roles={Role.CENTRE_ADMIN},
    rows="the caller's municipality",
)


class SecuritySettings(ReadModel):
    mandatory_two_factor_roles: list[Role]
    parent_session_days: int = Field(
        description="How many days a parent stays signed in on their own device (default 30)."
    )


class SecuritySettingsUpdate(ApiModel):
    mandatory_two_factor_roles: list[Role]
    parent_session_days: int | None = Field(
        default=None,
        ge=1,
        le=90,
        description="Days a parent stays signed in on their own device, 1-90; applies to new "
        "logins. Left out: unchanged.",
    )


@router.get("", response_model=SecuritySettings, responses=problems(401, 403))
async def read_security_settings(
    principal: Annotated[Principal, Depends(guard(READ))], session: SessionDep
) -> SecuritySettings:
    """Which roles must use a second factor; how long parents stay signed in."""
    roles = await tenant_service.mandatory_two_factor_roles(session, principal)
    days = await tenant_service.parent_session_days(session, tenant_id=principal.tenant_id)
    return SecuritySettings(mandatory_two_factor_roles=roles, parent_session_days=days)


@router.put("", response_model=SecuritySettings, responses=problems(400, 401, 403))
async def update_security_settings(
    body: SecuritySettingsUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE))],
    session: SessionDep,
) -> SecuritySettings:
    """Make two-factor enrolment mandatory per role (members must enrol before anything else);
    set how many days parents stay signed in on their own device."""
    if body.parent_session_days is not None:
        await tenant_service.set_parent_session_days(
            session, principal, days=body.parent_session_days
        )
    roles = await tenant_service.set_mandatory_two_factor_roles(
        session, principal, roles=body.mandatory_two_factor_roles
    )
    days = await tenant_service.parent_session_days(session, tenant_id=principal.tenant_id)
    return SecuritySettings(mandatory_two_factor_roles=roles, parent_session_days=days)
