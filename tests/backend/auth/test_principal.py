"""The caller of a request is loaded in one query, and revocation holds on the next request."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.auth import service as auth_service
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import AccessClaims, decode_access_token
from kindcentraal.common.roles import Role
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World


@contextmanager
def counted_statements(session: AsyncSession) -> Iterator[list[str]]:
    """Every SQL statement sent on the test session's connection while the block runs."""
    statements: list[str] = []
    bind = session.bind
    assert isinstance(bind, AsyncConnection)  # the test session runs on one connection
    connection = bind.sync_connection
    assert connection is not None

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(connection, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(connection, "before_cursor_execute", count)


def _claims(world: World, who: str) -> AccessClaims:
    return decode_access_token(world.tokens[who], secret=TEST_SECRET)


async def _load(session: AsyncSession, claims: AccessClaims) -> tuple[Principal | None, int]:
    await session.flush()
    with counted_statements(session) as statements:
        principal = await auth_service.load_principal(session, claims=claims)
    return principal, len(statements)


async def test_principal_is_loaded_in_one_query(session: AsyncSession, world: World) -> None:
    for who in ("centre_admin", "school_admin", "teacher", "logopedist", "parent", "other_admin"):
        principal, queries = await _load(session, _claims(world, who))
        assert principal is not None, who
        assert queries == 1, (who, queries)


async def test_centre_admin_relations_come_with_it(session: AsyncSession, world: World) -> None:
    principal, _ = await _load(session, _claims(world, "centre_admin"))
    assert principal is not None
    assert principal.roles == {Role.CENTRE_ADMIN}
    assert principal.organisation_ids() == {world.school.id}
    assert principal.admin_centre_ids == {world.centre.id}
    # every organisation taking part in the centre, and not the municipality (no centre)
    assert principal.centre_admin_organisation_ids == {
        world.school.id,
        world.childcare.id,
        world.care.id,
    }
    assert principal.two_factor_enabled is False
    assert principal.two_factor_enrolment_required is False

    teacher, _ = await _load(session, _claims(world, "teacher"))
    assert teacher is not None
    assert teacher.admin_centre_ids == frozenset()
    assert teacher.centre_admin_organisation_ids == frozenset()
    parent, _ = await _load(session, _claims(world, "parent"))
    assert parent is not None
    assert parent.memberships == ()


async def test_mandatory_two_factor_comes_from_the_tenant(
    session: AsyncSession, world: World
) -> None:
    world.tenant.mandatory_two_factor_roles = [Role.STAFF.value]
    teacher, queries = await _load(session, _claims(world, "teacher"))
    assert queries == 1
    assert teacher is not None
    assert teacher.two_factor_mandatory and teacher.two_factor_enrolment_required
    admin, _ = await _load(session, _claims(world, "school_admin"))
    assert admin is not None and not admin.two_factor_mandatory


async def test_revoked_session_or_disabled_account_is_no_principal(
    session: AsyncSession, world: World
) -> None:
    claims = _claims(world, "teacher")
    world.teacher.is_active = False
    principal, queries = await _load(session, claims)
    assert (principal, queries) == (None, 1)
    world.teacher.is_active = True
    assert (await _load(session, claims))[0] is not None
    await auth_service.revoke_session(
        session, tenant_id=claims.tenant_id, session_id=claims.session_id, reason="logout"
    )
    assert (await _load(session, claims))[0] is None


async def test_claims_of_another_tenant_find_nothing(session: AsyncSession, world: World) -> None:
    claims = _claims(world, "teacher")
    forged = AccessClaims(
        user_id=claims.user_id,
        tenant_id=world.other_tenant.id,
        session_id=claims.session_id,
        expires_at=claims.expires_at,
    )
    assert (await _load(session, forged))[0] is None
