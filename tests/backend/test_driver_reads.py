"""Driver reads give the very rows the ORM gives: on the server's pooled connections (committed
demo data) and on the test's own connection (the world, uncommitted), on both databases."""

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from alembic import command
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal import driver_reads
from kindcentraal.auth import service as auth_service
from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.tokens import AccessClaims, decode_access_token
from kindcentraal.careteam import service as careteam_service
from kindcentraal.child import page
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.child.router import list_page_json
from kindcentraal.child.schemas import ChildRead, PersonRef
from kindcentraal.cli import alembic_config
from kindcentraal.common.schemas import Page
from kindcentraal.config import Settings
from kindcentraal.consent import service as consent_service
from kindcentraal.consent.models import Consent
from kindcentraal.db import Database
from kindcentraal.seed.demo import load_demo
from kindcentraal.user.models import User
from tests.backend.conftest import TEST_SECRET
from tests.backend.factories import World

# Every shape of list statement the children list builds: sort either way, search words,
# filters, and a page after a position.
LIST_VARIANTS: list[dict[str, Any]] = [
    {"sort": "familyName"},
    {"sort": "-givenName"},
    {"sort": "dateOfBirth", "words": ["a"]},
    {"sort": "familyName", "words": ["e", "n"]},
    {"sort": "familyName", "after": True},
    {"sort": "-dateOfBirth", "after": True},
]


AFTER: dict[str, Any] = {"familyName": "K", "givenName": "K", "dateOfBirth": date(2021, 1, 1)}


async def _list_both_ways(
    reader: driver_reads.Reader, session: AsyncSession, principal: Principal
) -> list[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """For each variant: (rows through the reader, rows through the ORM session)."""
    compared = []
    for variant in LIST_VARIANTS:
        shape, parameters = child_policy.list_shape(principal)
        words = variant.get("words", [])
        parameters.update({f"word_{i}": word for i, word in enumerate(words)})
        parameters.update(centre_id=None, group_id=None, organisation_id=None, page_size=26)
        sort = variant["sort"]
        after = variant.get("after", False)
        if after:
            parameters.update(after_value=AFTER[sort.lstrip("-")], after_id=uuid.UUID(int=0))
        query = child_service._list_query(shape, sort, len(words), False, False, False, after)
        through_reader = [tuple(row) for row in await reader.all(query, parameters)]
        through_orm = [
            tuple(row) for row in (await session.execute(query.statement, parameters)).all()
        ]
        compared.append((through_reader, through_orm))
    return compared


async def _page_parts_both_ways(
    reader: driver_reads.Reader,
    session: AsyncSession,
    principal: Principal,
    child_ids: list[uuid.UUID],
) -> list[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """The child page's queries for each child: its row, the caller's relations, guardians,
    placements, care team and consents (JSON, enums, dates and aggregates among them)."""
    shape, visible = child_policy.list_shape(principal)
    today = date.today()
    compared = []
    for child_id in child_ids:
        queries: list[tuple[driver_reads.Query, dict[str, Any]]] = [
            (child_service._page_child_query(shape), {**visible, "rc_child_id": child_id}),
            (
                child_policy._relations_query(bool(principal.memberships)),
                {
                    "rel_child": child_id,
                    "rel_tenant": principal.tenant_id,
                    "rel_user": principal.user_id,
                    "rel_today": today,
                },
            ),
            (page._GUARDIANS, {"page_child": child_id, "page_tenant": principal.tenant_id}),
            (page._PLACEMENTS, {"page_child": child_id, "page_tenant": principal.tenant_id}),
            (
                careteam_service._TEAM,
                {"team_child": child_id, "team_tenant": principal.tenant_id, "team_today": today},
            ),
            (
                consent_service._CONSENTS,
                {"consent_child": child_id, "consent_tenant": principal.tenant_id},
            ),
        ]
        for query, parameters in queries:
            through_reader = [tuple(row) for row in await reader.all(query, parameters)]
            through_orm = [
                tuple(row) for row in (await session.execute(query.statement, parameters)).all()
            ]
            compared.append((through_reader, through_orm))
    return compared


async def test_on_the_tests_connection_the_rows_equal_the_orms(
    session: AsyncSession, connection: AsyncConnection, world: World
) -> None:
    await session.flush()
    reader = driver_reads.ConnectionReader(connection)
    seen_rows = 0
    for who, token in world.tokens.items():
        claims = decode_access_token(token, secret=TEST_SECRET)
        through_orm = await auth_service.load_principal(session, claims=claims)
        through_reader = await auth_service.load_principal(reader, claims=claims)
        assert through_reader == through_orm, who
        assert through_reader is not None
        for rows, expected in await _list_both_ways(reader, session, through_reader):
            assert rows == expected, who
            seen_rows += len(rows)
        children = [world.pupil.id, world.toddler.id]
        for rows, expected in await _page_parts_both_ways(
            reader, session, through_reader, children
        ):
            assert rows == expected, who
            seen_rows += len(rows)
    assert seen_rows > 0  # the comparison compared something


@pytest.fixture
async def demo(empty_database: str) -> AsyncIterator[Database]:
    """The demo data, committed, behind the server's own Database (pooled read connections)."""
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key=TEST_SECRET,
        database_url=empty_database,
    )
    await asyncio.to_thread(command.upgrade, alembic_config(settings.async_database_url), "head")
    await load_demo(settings)
    database = Database(settings.async_database_url)
    yield database
    await database.dispose()


async def _demo_claims(database: Database) -> dict[str, AccessClaims]:
    """A live login session for every demo account."""
    claims = {}
    async with database.sessionmaker() as session, session.begin():
        for user in (await session.scalars(select(User))).all():
            login = AuthSession(tenant_id=user.tenant_id, user_id=user.id)
            session.add(login)
            await session.flush()
            claims[user.email] = AccessClaims(
                user_id=user.id,
                tenant_id=user.tenant_id,
                session_id=login.id,
                expires_at=datetime.now(UTC) + timedelta(hours=1),
            )
    return claims


async def test_on_pooled_connections_the_rows_equal_the_orms(demo: Database) -> None:
    claims = await _demo_claims(demo)
    assert len(claims) >= 5
    seen_rows = 0
    async with demo.read_sessionmaker() as session:
        # Every child would be 205 x every account x 6 statements x 2 paths: a sample of
        # children, with those whose file has consents and a care team (JSON, dates, enums).
        some = select(Child.id).order_by(Child.id).limit(12)
        with_care = select(Consent.child_id).distinct().order_by(Consent.child_id).limit(12)
        children = list(
            {*(await session.scalars(some)).all(), *(await session.scalars(with_care)).all()}
        )
        for email, claim in claims.items():
            through_orm = await auth_service.load_principal(session, claims=claim)
            through_reader = await auth_service.load_principal(demo.reader, claims=claim)
            assert through_reader == through_orm, email
            assert through_reader is not None
            for rows, expected in await _list_both_ways(demo.reader, session, through_reader):
                assert rows == expected, email
                seen_rows += len(rows)
            for rows, expected in await _page_parts_both_ways(
                demo.reader, session, through_reader, children
            ):
                assert rows == expected, email
                seen_rows += len(rows)
    assert seen_rows > 100


async def test_a_revoked_login_has_no_caller_on_the_next_read(demo: Database) -> None:
    claims = next(iter((await _demo_claims(demo)).values()))
    assert await auth_service.load_principal(demo.reader, claims=claims) is not None
    async with demo.sessionmaker() as session, session.begin():
        await auth_service.revoke_user_sessions(
            session, tenant_id=claims.tenant_id, user_id=claims.user_id, reason="test"
        )
    assert await auth_service.load_principal(demo.reader, claims=claims) is None


async def test_the_readers_connections_refuse_to_write(demo: Database) -> None:
    if demo.reader.dialect.name == "sqlite":
        statement = "DELETE FROM tenant"  # PRAGMA query_only on every read connection
    else:
        statement = "DELETE FROM tenant"  # default_transaction_read_only on the server
    with pytest.raises(DBAPIError):
        async with demo.read_engine.connect() as connection:
            await connection.execute(text(statement))
    async with demo.read_sessionmaker() as session:
        assert await session.scalar(select(text("count(*)")).select_from(text("tenant"))) == 1


async def test_a_unit_of_work_that_may_write_reads_its_own_changes(
    session: AsyncSession, world: World
) -> None:
    # The world is flushed, not committed: only the session itself can see it.
    assert driver_reads.READER not in session.info
    keys = {"page_child": world.pupil.id, "page_tenant": world.tenant.id}
    guardians = await driver_reads.fetch(session, page._GUARDIANS, keys)
    assert {row.display_name for row in guardians} == {
        world.parent.display_name,
        world.parent_without_authority.display_name,
    }


def test_the_list_pages_json_is_the_models_json() -> None:
    now = datetime(2026, 3, 29, 1, 30, 5, 123456, tzinfo=UTC)
    rows = [
        child_service._list_query(
            (True, True, False, False), "familyName", 0, False, False, False, False
        )
        .prepared(_sqlite_dialect())
        .row._make(values)
        for values in (
            [*_ids(2), None, 'Zoë "Z"', "Bakker", now.date(), True, None, None, now, now],
            [*_ids(3), "Ali", "Öztürk", now.date(), False, *_ids(1), "Juf Anna", now, now],
        )
    ]
    expected = Page[ChildRead](
        items=[
            ChildRead(
                id=row.id,
                centre_id=row.centre_id,
                group_id=row.group_id,
                given_name=row.given_name,
                family_name=row.family_name,
                date_of_birth=row.date_of_birth,
                has_bsn=row.has_bsn,
                contact_person=PersonRef(
                    user_id=row.contact_person_id, display_name=row.contact_person_name
                )
                if row.contact_person_id
                else None,
                created_at=row.created_at,
                updated_at=row.updated_at,
            )
            for row in rows
        ],
        next_cursor="abc",
    )
    assert list_page_json(rows, "abc") == expected.model_dump_json(by_alias=True).encode()


def _ids(count: int) -> list[uuid.UUID]:
    return [uuid.uuid4() for _ in range(count)]


def _sqlite_dialect() -> Any:
    from sqlalchemy.dialects.sqlite import pysqlite

    return pysqlite.dialect()
