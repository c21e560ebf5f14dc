"""The caller's own account: two-factor status and enrolment, password change."""

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.auth import service as auth_service
from kindcentraal.auth import two_factor
from kindcentraal.auth.passwords import hash_password, verify_password
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.schemas import TwoFactorStatus
from kindcentraal.errors import Forbidden, InvalidInput
from kindcentraal.user import repository as user_repository


async def _own_user(session: AsyncSession, principal: Principal) -> two_factor.Account:
    user = await user_repository.get_account(
        session, tenant_id=principal.tenant_id, user_id=principal.user_id
    )
    assert user is not None  # the principal was loaded from this very row
    return user


async def two_factor_status(
    session: AsyncSession, principal: Principal, *, recovery_codes_left: int | None = None
) -> TwoFactorStatus:
    """Whether two-factor login is on, and whether it is mandatory for the caller; the codes
    left are counted unless the caller read them already."""
    if recovery_codes_left is None:
        recovery_codes_left = await two_factor.recovery_codes_left(
            session, tenant_id=principal.tenant_id, user_id=principal.user_id
        )
    return TwoFactorStatus(
        enabled=principal.two_factor_enabled,
        enrolment_required=principal.two_factor_enrolment_required,
        mandatory=principal.two_factor_mandatory,
        recovery_codes_left=recovery_codes_left,
    )


async def start_enrolment(
    session: AsyncSession, principal: Principal, *, secret_key: str
) -> two_factor.Enrolment:
    """A new TOTP secret, pending until a first code confirms it."""
    enrolment = two_factor.start_enrolment(
        await _own_user(session, principal), secret_key=secret_key
    )
    await session.flush()
    return enrolment


async def confirm_enrolment(
    session: AsyncSession, principal: Principal, *, code: str, secret_key: str
) -> list[str]:
    """Turn two-factor on; answers the one-time recovery codes."""
    user = await _own_user(session, principal)
    codes = await two_factor.confirm_enrolment(session, user, code=code, secret_key=secret_key)
    if codes is None:
        raise InvalidInput.field("code", "invalid_code", "The code does not match; try again.")
    await audit.record_write(session, principal, resource="two-factor", action="create")
    return codes


async def deactivate_two_factor(
    session: AsyncSession, principal: Principal, *, password: str
) -> None:
    """Turn two-factor off, never where an administrator made it mandatory for the role."""
    if principal.two_factor_mandatory:
        raise Forbidden("Two-factor login is mandatory for your role.")
    user = await _own_user(session, principal)
    if not await verify_password(user.password_hash, password):
        raise InvalidInput.field("password", "wrong_password", "The password is incorrect.")
    await two_factor.disable(session, user)
    await audit.record_write(session, principal, resource="two-factor", action="delete")


async def change_password(
    session: AsyncSession, principal: Principal, *, current: str, new: str
) -> None:
    """Every session of the account ends: a stolen token dies with the old password."""
    user = await _own_user(session, principal)
    if not await verify_password(user.password_hash, current):
        raise InvalidInput.field(
            "currentPassword", "wrong_password", "The current password is incorrect."
        )
    user.password_hash = hash_password(new)
    await auth_service.revoke_user_sessions(
        session, tenant_id=user.tenant_id, user_id=user.id, reason="password_change"
    )
    await audit.record_write(session, principal, resource="password", action="update")
