"""Property: no read of care data without consent in force.

A care professional of organisation X sees a child (GET /children/{id}, its care team and its
consents answer 200) IF AND ONLY IF they are on the child's care team for X today AND a
guardian's `care_team` consent for X and this child is in force today; otherwise the child is
404. Nothing else matters: the child's age, consents for other purposes, for other
organisations or for a sibling, withdrawn or expired consents, ended or future team
memberships, colleagues on the team.

Hypothesis drives the examples (with shrinking). Each test owns an event loop, an engine on the
migrated test database (SQLite or PostgreSQL, KC_TEST_DB) and one connection whose outer
transaction is rolled back at the end; every example writes its rows inside a savepoint that
is rolled back, so examples never see each other. The SQL test evaluates the real policy
(`readable_children`, `relations_with`) on a principal from `load_principal`; the HTTP test
asks a real uvicorn server (its own app, its requests in savepoints of the same connection).
"""

import asyncio
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import httpx
import hypothesis
import pytest
import uvicorn
from hypothesis import HealthCheck, event, given
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.service import load_principal
from kindcentraal.auth.tokens import AccessClaims, issue_access_token
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child
from kindcentraal.child.policy import (
    list_filter,
    list_shape,
    readable_children,
    relations_with,
)
from kindcentraal.config import Settings
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.db import make_engine
from kindcentraal.main import create_app
from kindcentraal.organisation.models import Membership, Organisation, OrganisationType, Role
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User
from tests.backend.conftest import TEST_SECRET, serve_on_connection
from tests.backend.factories import (
    make_centre,
    make_child,
    make_guardian,
    make_organisation,
    make_tenant,
    make_user,
)

T = TypeVar("T")
SQL_EXAMPLES = 1000
HTTP_EXAMPLES = 150
OTHER_PURPOSES = (
    ConsentPurpose.PHOTOS,
    ConsentPurpose.TRAJECTORY,
    ConsentPurpose.INFORMATION_SHARING,
)


# --- Generated cases ------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentRow:
    purpose: ConsentPurpose
    valid_until: int | None  # days from today
    withdrawn: bool
    sibling: bool  # given for the child's sibling, not for the child itself

    def in_force_for_child(self) -> bool:
        return (
            self.purpose == ConsentPurpose.CARE_TEAM
            and not self.sibling
            and not self.withdrawn
            and (self.valid_until is None or self.valid_until >= 0)
        )


@dataclass(frozen=True)
class Team:
    since: int  # days from today
    until: int | None

    @property
    def active(self) -> bool:
        return self.since <= 0 and (self.until is None or self.until >= 0)

    @property
    def label(self) -> str:
        if self.active:
            return "active"
        return "future" if self.since > 0 else "ended"


@dataclass(frozen=True)
class OrgCase:
    member: bool  # the professional (still) works for this organisation
    team: Team | None  # the professional's care-team membership for this organisation
    consents: tuple[ConsentRow, ...]
    colleague_on_team: bool  # a colleague of the organisation is on the team (noise)


@dataclass(frozen=True)
class Case:
    age: int
    days_after_birthday: int
    child_also_consents: bool
    organisations: tuple[OrgCase, ...]

    def expected_visible(self) -> bool:
        return any(
            org.member
            and org.team is not None
            and org.team.active
            and any(c.in_force_for_child() for c in org.consents)
            for org in self.organisations
        )


def _row(
    purpose: ConsentPurpose,
    valid_until: int | None = None,
    *,
    withdrawn: bool = False,
    sibling: bool = False,
) -> ConsentRow:
    return ConsentRow(purpose, valid_until, withdrawn, sibling)


CARE_TEAM = ConsentPurpose.CARE_TEAM
# The consent histories of the brief, one per organisation, shrinking towards "none".
histories = st.one_of(
    st.just(()),  # never given
    st.just((_row(CARE_TEAM),)),  # given, open-ended
    st.just((_row(CARE_TEAM, withdrawn=True),)),  # given, then withdrawn
    st.integers(-400, -1).map(lambda d: (_row(CARE_TEAM, d),)),  # valid_until in the past
    st.integers(0, 400).map(lambda d: (_row(CARE_TEAM, d),)),  # valid_until today or later
    st.sampled_from(OTHER_PURPOSES).map(lambda p: (_row(p),)),  # another purpose
    st.just((_row(CARE_TEAM, withdrawn=True), _row(CARE_TEAM))),  # withdrawn, given again
    st.integers(-400, 400).map(lambda d: (_row(CARE_TEAM, d, withdrawn=True),)),
)
# Anything else that might be on record: any purpose, period, withdrawal, for either child.
extra_rows = st.builds(
    ConsentRow,
    purpose=st.sampled_from((CARE_TEAM, CARE_TEAM, *OTHER_PURPOSES)),
    valid_until=st.one_of(st.none(), st.integers(-400, 400)),
    withdrawn=st.booleans(),
    sibling=st.booleans(),
)
active_teams = st.builds(  # on the team today, boundaries included
    Team, since=st.integers(-400, 0), until=st.one_of(st.none(), st.integers(0, 400))
)
teams = st.one_of(
    st.none(),  # never on the team
    active_teams,
    active_teams,
    st.integers(-400, -1).flatmap(  # ended
        lambda since: st.integers(since, -1).map(lambda until: Team(since, until))
    ),
    st.integers(1, 30).flatmap(  # starts in the future
        lambda since: st.one_of(st.none(), st.integers(since, since + 400)).map(
            lambda until: Team(since, until)
        )
    ),
)


@st.composite
def cases(draw: st.DrawFn) -> Case:
    n = draw(st.integers(2, 3))
    organisations = tuple(
        OrgCase(
            member=True if i == 0 else draw(st.booleans()),
            team=draw(teams),
            consents=draw(histories)
            + tuple(draw(st.lists(extra_rows, max_size=2)))
            # a sibling's care-team consent for this organisation, in force (must not count)
            + ((_row(CARE_TEAM, sibling=True),) if draw(st.booleans()) else ()),
            colleague_on_team=draw(st.booleans()),
        )
        for i in range(n)
    )
    return Case(
        age=draw(st.integers(0, 13)),
        days_after_birthday=draw(st.integers(0, 300)),
        child_also_consents=draw(st.booleans()),
        organisations=organisations,
    )


def labels(case: Case) -> set[str]:
    """The kinds of state one case reaches; counted and printed, so the report shows that every
    kind was exercised (also Hypothesis events, for --hypothesis-show-statistics)."""
    found = {f"age {case.age}"}
    for org in case.organisations:
        found.add("team " + ("none" if org.team is None else org.team.label))
        found.add("member" if org.member else "former member")
        if not [c for c in org.consents if not c.sibling]:
            found.add("consent none")
        for c in org.consents:
            if c.sibling:
                kind = "for a sibling"
            elif c.purpose != CARE_TEAM:
                kind = f"purpose {c.purpose.value}"
            elif c.withdrawn:
                kind = "withdrawn"
            elif c.valid_until is None:
                kind = "given"
            else:
                kind = "valid_until " + ("past" if c.valid_until < 0 else "today or later")
            found.add(f"consent {kind}")
        sibling_only = any(
            c.sibling and c.purpose == CARE_TEAM and not c.withdrawn for c in org.consents
        ) and not any(c.in_force_for_child() for c in org.consents)
        if org.member and org.team and org.team.active and sibling_only:
            found.add("active member, consent only for a sibling")
    for name in sorted(found):
        event(name)
    return found


# --- The harness: own loop, engine, connection, optional server -----------------------------


@dataclass
class Base:
    tenant: Tenant
    centre: ChildCentre
    organisations: list[Organisation]
    guardian: User
    colleague: User
    guardian_token: str


class Harness:
    def __init__(self, url: str, settings: Settings) -> None:
        self.url = url
        self.settings = settings
        self.loop = asyncio.new_event_loop()
        self.engine: AsyncEngine
        self.connection: AsyncConnection
        self.base_session: AsyncSession
        self.base: Base
        self.server: uvicorn.Server | None = None
        self.server_task: asyncio.Task[None] | None = None
        self.http: httpx.AsyncClient | None = None

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    async def open(self) -> None:
        self.engine = make_engine(self.url)
        self.connection = await self.engine.connect()
        await self.connection.begin()
        self.base_session = AsyncSession(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        self.base = await build_base(self.base_session)

    def example_session(self) -> AsyncSession:
        """A session whose transaction is a savepoint: rolling it back undoes the example."""
        return AsyncSession(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )

    async def start_server(self) -> None:
        app = create_app(self.settings)
        serve_on_connection(app.state.api, self.connection)
        config = uvicorn.Config(app, host="127.0.0.1", port=0, lifespan="off", log_level="warning")
        self.server = uvicorn.Server(config)
        self.server_task = asyncio.ensure_future(self.server.serve())
        while not self.server.started:
            await asyncio.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        self.http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}/api/v1", timeout=30)

    async def close(self) -> None:
        if self.http is not None:
            await self.http.aclose()
        if self.server is not None and self.server_task is not None:
            self.server.should_exit = True
            await self.server_task
        await self.base_session.close()
        await self.connection.rollback()
        await self.connection.close()
        await self.engine.dispose()


async def build_base(session: AsyncSession) -> Base:
    tenant = await make_tenant(session)
    centre = await make_centre(session, tenant)
    organisations = [
        await make_organisation(session, tenant, type=kind, centres=[centre])
        for kind in (
            OrganisationType.CARE_PROVIDER,
            OrganisationType.YOUTH_HEALTH,
            OrganisationType.WELFARE,
        )
    ]
    guardian = await make_user(session, tenant, name="Ouder")
    colleague = await make_user(
        session, tenant, name="Collega", roles=[(o, Role.CARE_PROFESSIONAL) for o in organisations]
    )
    return Base(
        tenant=tenant,
        centre=centre,
        organisations=organisations,
        guardian=guardian,
        colleague=colleague,
        guardian_token=await _token(session, guardian),
    )


async def _login(session: AsyncSession, user: User) -> AuthSession:
    auth_session = AuthSession(tenant_id=user.tenant_id, user_id=user.id)
    session.add(auth_session)
    await session.flush()
    return auth_session


async def _token(session: AsyncSession, user: User) -> str:
    auth_session = await _login(session, user)
    return issue_access_token(
        secret=TEST_SECRET,
        user_id=user.id,
        tenant_id=user.tenant_id,
        session_id=auth_session.id,
        lifetime=timedelta(hours=2),
    )


@pytest.fixture
def harness(migrated: str, settings: Settings) -> Iterator[Harness]:
    harness = Harness(migrated, settings)
    try:
        harness.run(harness.open())
        yield harness
        harness.run(harness.close())
    finally:
        harness.loop.close()


# --- Writing one example --------------------------------------------------------------------


def _date_of_birth(case: Case) -> date:
    today = date.today()
    try:
        birthday = today.replace(year=today.year - case.age)
    except ValueError:  # 29 February
        birthday = today.replace(year=today.year - case.age, day=28)
    return birthday - timedelta(days=case.days_after_birthday)


@dataclass
class Example:
    child: Child
    professional: User
    auth_session: AuthSession


def _consent(
    base: Base, child: Child, org: Organisation, row: ConsentRow, now: datetime
) -> Consent:
    return Consent(
        tenant_id=base.tenant.id,
        child_id=child.id,
        organisation_id=org.id,
        purpose=row.purpose,
        trajectory_type=(
            TrajectoryType.LOGOPEDIE if row.purpose == ConsentPurpose.TRAJECTORY else None
        ),
        given_by_id=base.guardian.id,
        child_also_consented=False,
        given_at=now - timedelta(days=500),
        valid_until=None if row.valid_until is None else date.today() + timedelta(row.valid_until),
        withdrawn_at=now - timedelta(minutes=5) if row.withdrawn else None,
        withdrawn_by_id=base.guardian.id if row.withdrawn else None,
    )


async def write_example(
    session: AsyncSession,
    base: Base,
    case: Case,
    *,
    consent: Callable[[Child, Organisation, ConsentRow], Coroutine[Any, Any, None]] | None = None,
) -> Example:
    """The child, a sibling, the professional, team rows and consent history of one case.

    `consent` writes a consent of the child itself another way (through the API); by default
    every consent is a row written directly."""
    today = date.today()
    now = datetime.now(UTC)
    child = await make_child(session, base.centre, date_of_birth=_date_of_birth(case))
    sibling = await make_child(session, base.centre, date_of_birth=_date_of_birth(case))
    await make_guardian(session, child, base.guardian)
    await make_guardian(session, sibling, base.guardian)
    professional = await make_user(session, base.tenant, name="Professional")
    for org, org_case in zip(base.organisations, case.organisations, strict=False):
        if org_case.member:
            session.add(
                Membership(
                    tenant_id=base.tenant.id,
                    user_id=professional.id,
                    organisation_id=org.id,
                    role=Role.CARE_PROFESSIONAL,
                )
            )
        if org_case.team is not None:
            session.add(
                CareTeamMember(
                    tenant_id=base.tenant.id,
                    child_id=child.id,
                    user_id=professional.id,
                    organisation_id=org.id,
                    role="behandelaar",
                    since_date=today + timedelta(org_case.team.since),
                    until_date=(
                        None
                        if org_case.team.until is None
                        else today + timedelta(org_case.team.until)
                    ),
                )
            )
        if org_case.colleague_on_team:
            session.add(
                CareTeamMember(
                    tenant_id=base.tenant.id,
                    child_id=child.id,
                    user_id=base.colleague.id,
                    organisation_id=org.id,
                    role="collega",
                    since_date=today - timedelta(days=10),
                )
            )
        for row in org_case.consents:
            if row.sibling:
                session.add(_consent(base, sibling, org, row, now))
            elif consent is not None:
                await session.flush()
                await consent(child, org, row)
            else:
                session.add(_consent(base, child, org, row, now))
    auth_session = await _login(session, professional)
    await session.flush()
    return Example(child=child, professional=professional, auth_session=auth_session)


# --- The properties -------------------------------------------------------------------------


def _settings(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return hypothesis.settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def test_care_data_needs_team_membership_and_consent_in_force_sql(
    harness: Harness, record_property: Callable[[str, object], None]
) -> None:
    counts: Counter[str] = Counter()

    async def check(case: Case) -> None:
        session = harness.example_session()
        try:
            example = await write_example(session, harness.base, case)
            principal = await load_principal(
                session,
                claims=AccessClaims(
                    user_id=example.professional.id,
                    tenant_id=harness.base.tenant.id,
                    session_id=example.auth_session.id,
                    expires_at=datetime.now(UTC) + timedelta(hours=1),
                ),
            )
            assert principal is not None
            readable = set(
                (await session.scalars(select(Child.id).where(readable_children(principal)))).all()
            )
            shape, parameters = list_shape(principal)
            listable = list_filter(shape)
            listed = set(
                (await session.scalars(select(Child.id).where(listable), parameters)).all()
            )
            relations = await relations_with(session, principal, example.child)
        finally:
            await session.rollback()
            await session.close()
        expected = case.expected_visible()
        counts["cases"] += 1
        counts[f"visible={expected}"] += 1
        assert readable == ({example.child.id} if expected else set()), (expected, readable)
        # Lists use the set form of the same rule: it must admit exactly the same children.
        assert listed == readable, (listed, readable)
        # The same rule decides the care-data checks (care team, consents) for a visible child.
        assert bool(relations.care_team) == expected
        assert relations.is_professional == expected

    @_settings(SQL_EXAMPLES)
    @given(case=cases())
    def property_holds(case: Case) -> None:
        counts.update(labels(case))
        harness.run(check(case))

    property_holds()
    _report(record_property, "sql", counts)
    assert counts["cases"] >= SQL_EXAMPLES
    assert counts["visible=True"] and counts["visible=False"]


def test_care_data_needs_team_membership_and_consent_in_force_http(
    harness: Harness, record_property: Callable[[str, object], None]
) -> None:
    """The same property through real HTTP; consents the API can give (not expired ones, not
    a sibling's) are given and withdrawn through the API by the guardian, so the child's age
    decides whether the child's own consent is required (12 and older)."""
    harness.run(harness.start_server())
    http = harness.http
    assert http is not None
    guardian = {"Authorization": f"Bearer {harness.base.guardian_token}"}
    counts: Counter[str] = Counter()

    async def give(case: Case, child: Child, org: Organisation, row: ConsentRow) -> bool:
        """Give (and maybe withdraw) through the API; False when the API refused it."""
        body: dict[str, Any] = {
            "organisationId": str(org.id),
            "purpose": row.purpose.value,
            "childAlsoConsents": case.child_also_consents,
        }
        if row.purpose == ConsentPurpose.TRAJECTORY:
            body["trajectoryType"] = "jeugdhulp"
        if row.valid_until is not None:
            body["validUntil"] = (date.today() + timedelta(row.valid_until)).isoformat()
        given_ = await http.post(f"/children/{child.id}/consents", json=body, headers=guardian)
        if case.age >= 12 and not case.child_also_consents:
            assert given_.status_code == 400, given_.text
            return False
        assert given_.status_code == 201, given_.text
        if row.withdrawn:
            consent_id = given_.json()["id"]
            withdrawn = await http.post(
                f"/children/{child.id}/consents/{consent_id}/withdrawal", headers=guardian
            )
            assert withdrawn.status_code == 200, withdrawn.text
        return True

    async def check(case: Case) -> None:
        refused: list[ConsentRow] = []

        session = harness.example_session()
        try:

            async def consent(child: Child, org: Organisation, row: ConsentRow) -> None:
                if row.valid_until is not None and row.valid_until < 0:
                    session.add(_consent(harness.base, child, org, row, datetime.now(UTC)))
                    await session.flush()
                elif not await give(case, child, org, row):
                    refused.append(row)

            example = await write_example(session, harness.base, case, consent=consent)
            token = issue_access_token(
                secret=TEST_SECRET,
                user_id=example.professional.id,
                tenant_id=harness.base.tenant.id,
                session_id=example.auth_session.id,
                lifetime=timedelta(minutes=30),
            )
            headers = {"Authorization": f"Bearer {token}"}
            child = example.child.id
            statuses = [
                (await http.get(path, headers=headers)).status_code
                for path in (
                    f"/children/{child}",
                    f"/children/{child}/care-team",
                    f"/children/{child}/consents",
                )
            ]
            listed = (await http.get("/children", headers=headers)).json()["items"]
        finally:
            await session.rollback()
            await session.close()
        effective = Case(
            age=case.age,
            days_after_birthday=case.days_after_birthday,
            child_also_consents=case.child_also_consents,
            organisations=tuple(
                OrgCase(
                    member=o.member,
                    team=o.team,
                    consents=tuple(c for c in o.consents if c not in refused),
                    colleague_on_team=o.colleague_on_team,
                )
                for o in case.organisations
            ),
        )
        expected = effective.expected_visible()
        counts["cases"] += 1
        counts[f"visible={expected}"] += 1
        counts["requests"] += 4
        assert statuses == ([200, 200, 200] if expected else [404, 404, 404]), (expected, statuses)
        assert [item["id"] for item in listed] == ([str(child)] if expected else [])

    @_settings(HTTP_EXAMPLES)
    @given(case=cases())
    def property_holds(case: Case) -> None:
        counts.update(labels(case))
        harness.run(check(case))

    property_holds()
    _report(record_property, "http", counts)
    assert counts["cases"] >= HTTP_EXAMPLES
    assert counts["visible=True"] and counts["visible=False"]


def _report(
    record_property: Callable[[str, object], None], kind: str, counts: Counter[str]
) -> None:
    states = ", ".join(
        f"{name}: {n}"
        for name, n in sorted(counts.items())
        if not name.startswith(("age", "cases", "visible", "requests"))
    )
    print(
        f"\nconsent property ({kind}): {counts['cases']} cases run "
        f"({counts['visible=True']} visible, {counts['visible=False']} not visible); "
        f"states reached: {states}"
    )
    record_property(f"consent_{kind}_cases", counts["cases"])
