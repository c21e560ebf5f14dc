"""Property: enrolment keeps its promises under any sequence of enrolments and cancellations.

For an activity of capacity 1 to 4 and a pool of eight children, any sequence of enrolments
(by a guardian or the centre's administrator, re-enrolling after a cancellation included) and
cancellations (of a place or of a place in the queue) keeps, after every step:

- the enrolled never exceed the capacity;
- nobody waits while a place is free;
- the waiting list is first come, first served: the waiting children in the order they asked;
- a place freed goes to the earliest waiting child, whose guardian hears of it;

and each step answers as a reference model of the list says (enrolled, or waiting at position
n; a second request for a child already on the list is refused).

Hypothesis drives the examples (with shrinking), on the real service functions against the
migrated test database (SQLite or PostgreSQL, KC_TEST_DB), with the harness of
`test_consent_properties`: one connection whose outer transaction is rolled back at the end;
every example writes inside a savepoint that is rolled back, and every step runs in a savepoint
of its own, as a request would (a refused step leaves nothing behind).
"""

import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import hypothesis
import pytest
from hypothesis import HealthCheck, event, example, given
from hypothesis import strategies as st
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities import service
from kindcentraal.activities.models import Enrolment, EnrolmentStatus
from kindcentraal.activities.schemas import ActivityCreate, EnrolmentCreate
from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.principal import Principal
from kindcentraal.auth.service import load_principal
from kindcentraal.auth.tokens import AccessClaims
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child
from kindcentraal.config import Settings
from kindcentraal.db import make_engine
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.organisation.models import Organisation, OrganisationType, Role
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User
from tests.backend.factories import (
    make_centre,
    make_child,
    make_guardian,
    make_organisation,
    make_tenant,
    make_user,
)
from tests.backend.test_consent_properties import Harness

EXAMPLES = 40
POOL = 8

# --- Generated cases ------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    action: str  # "enrol" or "cancel"
    child: int  # enrol: index into the pool; cancel: into the children on the list (cyclic)
    by_guardian: bool  # the guardian asks (else the centre's administrator)


steps = st.builds(
    Step,
    action=st.sampled_from(("enrol", "enrol", "cancel")),
    child=st.integers(0, POOL - 1),
    by_guardian=st.booleans(),
)


# --- The harness: the consent property's, with a pool of children --------------------------


@dataclass
class Pool:
    tenant: Tenant
    centre: ChildCentre
    club: Organisation
    admin: User
    guardian: User
    children: list[Child]
    logins: dict[uuid.UUID, uuid.UUID]  # user id -> auth session id


class EnrolmentHarness(Harness):
    pool: Pool

    async def open(self) -> None:
        self.engine = make_engine(self.url)
        self.connection = await self.engine.connect()
        await self.connection.begin()
        self.base_session = AsyncSession(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        self.pool = await build_pool(self.base_session)

    async def principal(self, session: AsyncSession, user: User) -> Principal:
        principal = await load_principal(
            session,
            claims=AccessClaims(
                user_id=user.id,
                tenant_id=user.tenant_id,
                session_id=self.pool.logins[user.id],
                expires_at=datetime.now(UTC) + timedelta(hours=1),
            ),
        )
        assert principal is not None
        return principal


async def build_pool(session: AsyncSession) -> Pool:
    tenant = await make_tenant(session)
    centre = await make_centre(session, tenant)
    school = await make_organisation(
        session, tenant, type=OrganisationType.SCHOOL, centres=[centre]
    )
    club = await make_organisation(session, tenant, type=OrganisationType.SPORT, centres=[centre])
    admin = await make_user(session, tenant, roles=[(school, Role.CENTRE_ADMIN)])
    guardian = await make_user(session, tenant, name="Ouder")
    children = [await make_child(session, centre) for _ in range(POOL)]
    for child in children:
        await make_guardian(session, child, guardian)
    logins = {}
    for user in (admin, guardian):
        login = AuthSession(tenant_id=tenant.id, user_id=user.id)
        session.add(login)
        await session.flush()
        logins[user.id] = login.id
    return Pool(tenant, centre, club, admin, guardian, children, logins)


@pytest.fixture
def harness(migrated: str, settings: Settings) -> Iterator[EnrolmentHarness]:
    harness = EnrolmentHarness(migrated, settings)
    try:
        harness.run(harness.open())
        yield harness
        harness.run(harness.close())
    finally:
        harness.loop.close()


# --- The reference model ----------------------------------------------------------------------


@dataclass
class Model:
    capacity: int
    enrolled: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)  # in the order they asked

    def enrol(self, child: int) -> tuple[str, int | None]:
        if len(self.enrolled) < self.capacity:
            self.enrolled.append(child)
            return "enrolled", None
        self.waiting.append(child)
        return "waitlisted", len(self.waiting)

    def cancel(self, child: int) -> list[int]:
        """Who moves up."""
        if child in self.waiting:
            self.waiting.remove(child)
            return []
        self.enrolled.remove(child)
        moved = self.waiting[: self.capacity - len(self.enrolled)]
        del self.waiting[: len(moved)]
        self.enrolled += moved
        return moved


# --- The property -----------------------------------------------------------------------------


async def _lists(
    session: AsyncSession, principal: Principal, activity_id: uuid.UUID, ids: dict[uuid.UUID, int]
) -> tuple[set[int], list[int]]:
    """The enrolled children and the waiting list in its order, as the service lists them."""
    listed = await service.list_enrolments(session, principal, activity_id=activity_id, status=None)
    enrolled = {ids[e.child_id] for e in listed if e.status == EnrolmentStatus.ENROLLED}
    waiting = sorted(
        (e for e in listed if e.status == EnrolmentStatus.WAITLISTED),
        key=lambda e: e.position or 0,
    )
    assert [e.position for e in waiting] == list(range(1, len(waiting) + 1))
    return enrolled, [ids[e.child_id] for e in waiting]


def test_enrolment_keeps_capacity_and_a_first_come_waiting_list(
    harness: EnrolmentHarness, record_property: Callable[[str, object], None]
) -> None:
    pool = harness.pool
    ids = {child.id: n for n, child in enumerate(pool.children)}
    counts: Counter[str] = Counter()

    async def check(capacity: int, plan: list[Step]) -> None:
        session = harness.example_session()
        try:
            admin = await harness.principal(session, pool.admin)
            guardian = await harness.principal(session, pool.guardian)
            activity = await service.create_activity(
                session,
                admin,
                data=ActivityCreate.model_validate(
                    {
                        "centreId": str(pool.centre.id),
                        "organisationId": str(pool.club.id),
                        "title": "Judo",
                        "category": "sport",
                        "capacity": capacity,
                    }
                ),
            )
            model = Model(capacity)
            moved_up: Counter[int] = Counter()
            for step in plan:
                actor = guardian if step.by_guardian else admin
                on_list = sorted(model.enrolled + model.waiting)
                target = step.child
                if step.action == "cancel" and on_list:
                    target = on_list[step.child % len(on_list)]
                child = pool.children[target]
                before_enrolled, before_waiting = await _lists(session, admin, activity.id, ids)
                if step.action == "enrol":
                    active = target in model.enrolled or target in model.waiting
                    try:
                        async with session.begin_nested():
                            made = await service.enrol(
                                session,
                                actor,
                                activity_id=activity.id,
                                data=EnrolmentCreate.model_validate({"childId": str(child.id)}),
                            )
                    except service.EnrolmentConflict as refused:
                        assert active, "a child not on the list was refused"
                        assert refused.extensions["reason"] == "alreadyEnrolled"
                        counts["refused: already on the list"] += 1
                    else:
                        assert not active, "a child already on the list was taken twice"
                        status, position = model.enrol(target)
                        assert (made.status.value, made.position) == (status, position)
                        counts[f"enrol: {status}"] += 1
                else:
                    enrolment_id = await session.scalar(
                        select(Enrolment.id).where(
                            Enrolment.activity_id == activity.id,
                            Enrolment.child_id == child.id,
                            Enrolment.status != EnrolmentStatus.CANCELLED,
                        )
                    )
                    if enrolment_id is None:
                        assert not on_list
                        counts["cancel: nothing to cancel"] += 1
                        continue
                    was = "enrolled" if target in model.enrolled else "waitlisted"
                    async with session.begin_nested():
                        cancelled = await service.cancel_enrolment(
                            session, actor, activity_id=activity.id, enrolment_id=enrolment_id
                        )
                    assert cancelled.status == EnrolmentStatus.CANCELLED
                    moved = model.cancel(target)
                    counts[f"cancel: {was}"] += 1
                    if moved:
                        counts["moved up"] += 1
                        if not step.by_guardian:  # nobody is told of their own doing
                            moved_up.update(moved)
                enrolled, waiting = await _lists(session, admin, activity.id, ids)
                # The properties, on the service's own lists ...
                assert len(enrolled) <= capacity, (enrolled, capacity)
                assert not waiting or len(enrolled) == capacity, (enrolled, waiting)
                newly = enrolled - before_enrolled
                if step.action == "enrol":
                    assert newly <= {target}, (newly, target)
                    # A new request joins the end of the queue; a refused one changes nothing.
                    expected = list(before_waiting)
                    if target in waiting and target not in before_waiting:
                        expected.append(target)
                else:
                    # The places freed go to the earliest waiting, in their order.
                    assert newly == set(before_waiting[: len(newly)]), (newly, before_waiting)
                    expected = [c for c in before_waiting if c not in newly and c != target]
                assert waiting == expected, (waiting, expected)
                # ... and against the model: who asked first, waits first.
                assert enrolled == set(model.enrolled), (enrolled, model.enrolled)
                assert waiting == model.waiting, (waiting, model.waiting)
                if waiting:
                    counts["state: full with a waiting list"] += 1
            told = Counter(
                dict(
                    (
                        await session.execute(
                            select(Notification.child_id, func.count())
                            .where(
                                Notification.kind == NotificationKind.WAITLIST_MOVED_UP,
                                Notification.user_id == pool.guardian.id,
                            )
                            .group_by(Notification.child_id)
                        )
                    ).all()
                )
            )
            assert told == Counter({pool.children[c].id: n for c, n in moved_up.items()})
        finally:
            await session.rollback()
            await session.close()
        counts["cases"] += 1

    @hypothesis.settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(capacity=st.integers(1, 4), plan=st.lists(steps, min_size=1, max_size=16))
    # Full, a waiting list of two, a place freed twice and a child back in the queue.
    @example(
        capacity=1,
        plan=[
            Step("enrol", 0, True),
            Step("enrol", 1, False),
            Step("enrol", 2, True),
            Step("enrol", 1, True),
            Step("cancel", 0, False),  # child 0: 1 moves up
            Step("cancel", 1, False),  # child 2 (waiting) leaves the queue
            Step("enrol", 0, True),
            Step("cancel", 1, False),  # child 1: 0 moves up
        ],
    )
    def property_holds(capacity: int, plan: list[Step]) -> None:
        event(f"capacity {capacity}")
        harness.run(check(capacity, plan))

    property_holds()
    states = ", ".join(f"{name}: {n}" for name, n in sorted(counts.items()) if name != "cases")
    print(f"\nenrolment property: {counts['cases']} cases run; steps: {states}")
    record_property("enrolment_cases", counts["cases"])
    assert counts["cases"] >= EXAMPLES
    assert counts["moved up"] and counts["state: full with a waiting list"]
    assert counts["enrol: waitlisted"] and counts["cancel: waitlisted"]
