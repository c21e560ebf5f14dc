from typing import Annotated

from fastapi import APIRouter, Depends

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


class SecuritySettingsUpdate(ApiModel):
    mandatory_two_factor_roles: list[Role]


@router.get("", response_model=SecuritySettings, responses=problems(401, 403))
async def read_security_settings(
    principal: Annotated[Principal, Depends(guard(READ))], session: SessionDep
) -> SecuritySettings:
    """Which roles must use a second factor."""
    roles = await tenant_service.mandatory_two_factor_roles(session, principal)
    return SecuritySettings(mandatory_two_factor_roles=roles)


@router.put("", response_model=SecuritySettings, responses=problems(400, 401, 403))
async def update_security_settings(
    body: SecuritySettingsUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE))],
    session: SessionDep,
) -> SecuritySettings:
    """Make two-factor enrolment mandatory per role; members must enrol before anything else."""
    roles = await tenant_service.set_mandatory_two_factor_roles(
        session, principal, roles=body.mandatory_two_factor_roles
    )
    return SecuritySettings(mandatory_two_factor_roles=roles)
