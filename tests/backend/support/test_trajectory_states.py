"""A Hypothesis state machine over the trajectory status flow, through the real service and
database: random sequences of transitions (legal and illegal, with and without an outcome,
on days that move on) never reach an illegal state, every refusal leaves the trajectory as it
was, and the derived waiting times always agree with the timestamps.

The machine owns an event loop, an engine on the migrated test database (SQLite or PostgreSQL,
KC_TEST_DB) and one connection whose transaction is rolled back afterwards; each example
writes inside a savepoint that is rolled back, so examples never see each other.
"""

import asyncio
import itertools
from collections.abc import Coroutine
from datetime import UTC, date, datetime, timedelta
from typing import Any, TypeVar

import hypothesis
import pytest
from hypothesis import HealthCheck
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.service import load_principal
from kindcentraal.auth.tokens import AccessClaims
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.db import make_engine
from kindcentraal.errors import AppError
from kindcentraal.organisation.models import OrganisationType, Role
from kindcentraal.support import service
from kindcentraal.support.models import (
    ReferralDestination,
    SupportTrajectory,
    TrajectoryOutcome,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.schemas import ReferralCreate, TrajectoryCreate, TransitionCreate
from kindcentraal.support.waiting import DEFAULT_NORMS, OPEN, local_day, waiting, working_days
from tests.backend.factories import (
    make_centre,
    make_child,
    make_guardian,
    make_organisation,
    make_tenant,
    make_user,
)

T = TypeVar("T")
EXAMPLES = 25
# What must have happened for a trajectory to be in a status (its timestamps).
PASSED_INTAKE = {TrajectoryStatus.INTAKE, TrajectoryStatus.ACTIVE, TrajectoryStatus.EVALUATION}


class TrajectoryMachine(RuleBasedStateMachine):
    """The model: the status a correct flow would be in; the system: the service on a DB."""

    url: str = ""

    def __init__(self) -> None:
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.clock = datetime(2026, 9, 7, 9, 0, tzinfo=UTC)  # a Monday
        self.model = TrajectoryStatus.REQUESTED
        self.history = [TrajectoryStatus.REQUESTED]
        self.consented = False

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coro)

    @initialize(consent=st.sampled_from([True, True, False]))
    def open_world(self, consent: bool) -> None:
        self.consented = consent
        self.run(self._open(consent))

    async def _open(self, consent: bool) -> None:
        self.engine: AsyncEngine = make_engine(self.url)
        self.connection: AsyncConnection = await self.engine.connect()
        await self.connection.begin()
        self.session = AsyncSession(
            bind=self.connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        )
        session = self.session
        tenant = await make_tenant(session)
        centre = await make_centre(session, tenant)
        provider = await make_organisation(
            session, tenant, type=OrganisationType.CARE_PROVIDER, centres=[centre]
        )
        welfare = await make_organisation(session, tenant, type=OrganisationType.WELFARE)
        contact = await make_user(session, tenant, roles=[(welfare, Role.STAFF)])
        parent = await make_user(session, tenant)
        child = await make_child(session, centre, contact_person=contact)
        await make_guardian(session, child, parent)
        if consent:
            session.add(
                Consent(
                    tenant_id=tenant.id,
                    child_id=child.id,
                    organisation_id=provider.id,
                    purpose=ConsentPurpose.TRAJECTORY,
                    trajectory_type=TrajectoryType.LOGOPEDIE,
                    given_by_id=parent.id,
                    given_at=self.clock - timedelta(days=1),
                )
            )
        auth = AuthSession(tenant_id=tenant.id, user_id=contact.id)
        session.add(auth)
        await session.flush()
        principal = await load_principal(
            session,
            claims=AccessClaims(
                user_id=contact.id,
                tenant_id=tenant.id,
                session_id=auth.id,
                expires_at=self.clock + timedelta(hours=1),
            ),
        )
        assert principal is not None
        self.principal = principal
        service.now = lambda: self.clock  # the service's clock moves with the machine
        created = await service.create_trajectory(
            session,
            principal,
            data=TrajectoryCreate.model_validate(
                {
                    "childId": child.id,
                    "type": TrajectoryType.LOGOPEDIE,
                    "organisationId": provider.id,
                    "reason": "Spraak",
                }
            ),
        )
        self.trajectory_id = created.id

    async def _load(self) -> SupportTrajectory:
        self.session.expire_all()
        found = await self.session.scalar(
            select(SupportTrajectory).where(SupportTrajectory.id == self.trajectory_id)
        )
        assert found is not None
        return found

    @rule(days=st.integers(min_value=0, max_value=20))
    def time_passes(self, days: int) -> None:
        self.clock += timedelta(days=days, hours=1)

    @rule(data=st.data())
    def advance(self, data: st.DataObject) -> None:
        """A step the flow allows (most steps are): closing with a fitting outcome."""
        allowed = service.FLOW[self.model]
        if not allowed:
            return
        to = data.draw(st.sampled_from(allowed))
        outcome = (
            data.draw(st.sampled_from(list(TrajectoryOutcome)))
            if to == TrajectoryStatus.CLOSED
            else None
        )
        self.transition(to, outcome, outcome == TrajectoryOutcome.REFERRED_OUT)

    @rule(
        to=st.sampled_from(list(TrajectoryStatus)),
        outcome=st.none() | st.sampled_from(list(TrajectoryOutcome)),
        with_referral=st.booleans(),
    )
    def transition(
        self, to: TrajectoryStatus, outcome: TrajectoryOutcome | None, with_referral: bool
    ) -> None:
        referral = (
            ReferralCreate(destination=ReferralDestination.GGZ, reason="Specialistisch")
            if with_referral
            else None
        )
        data = TransitionCreate(to=to, outcome=outcome, referral=referral)
        legal = to in service.FLOW[self.model]
        if to == TrajectoryStatus.CLOSED:
            legal = (
                legal
                and outcome is not None
                and ((outcome == TrajectoryOutcome.REFERRED_OUT) == with_referral)
            )
        elif outcome is not None or with_referral:
            legal = False
        if to == TrajectoryStatus.INTAKE and not self.consented:
            legal = False
        before = self.run(self._snapshot())
        accepted = self.run(self._try(data))
        assert accepted == legal, (self.model, data)
        if accepted:
            self.model = to
            self.history.append(to)
        else:
            assert self.run(self._snapshot()) == before  # a refusal changes nothing

    async def _try(self, data: TransitionCreate) -> bool:
        self.clock += timedelta(minutes=7)  # every step takes its own moment
        savepoint = await self.session.begin_nested()
        try:
            await service.transition(
                self.session, self.principal, trajectory_id=self.trajectory_id, data=data
            )
        except AppError:
            await savepoint.rollback()
            return False
        await savepoint.commit()
        return True

    async def _snapshot(self) -> tuple[Any, ...]:
        t = await self._load()
        return (t.status, t.intake_at, t.started_at, t.closed_at, t.outcome)

    @invariant()
    def consistent(self) -> None:
        if not hasattr(self, "trajectory_id"):
            return
        self.run(self._check())

    async def _check(self) -> None:
        t = await self._load()
        assert t.status == self.model
        transitions = (
            await self.session.scalars(
                select(TrajectoryTransition)
                .where(TrajectoryTransition.trajectory_id == t.id)
                .order_by(TrajectoryTransition.at, TrajectoryTransition.created_at)
            )
        ).all()
        assert [x.to_status for x in transitions] == self.history
        for earlier, later in itertools.pairwise(transitions):
            assert later.from_status == earlier.to_status
            assert later.to_status in service.FLOW[earlier.to_status]
        # Timestamps: set exactly when their step was reached, in order.
        assert (t.intake_at is not None) == (TrajectoryStatus.INTAKE in self.history)
        assert (t.started_at is not None) == (TrajectoryStatus.ACTIVE in self.history)
        assert (t.closed_at is not None) == (t.status not in OPEN)
        # ... and equal to the moment of the transition that reached the step (the first
        # time for `active`, which evaluation can return to).
        first = {}
        for step in transitions:
            first.setdefault(step.to_status, step.at)
        assert t.requested_at == first[TrajectoryStatus.REQUESTED]
        assert t.intake_at == first.get(TrajectoryStatus.INTAKE)
        assert t.started_at == first.get(TrajectoryStatus.ACTIVE)
        if t.closed_at is not None:
            assert t.closed_at == transitions[-1].at
        moments = [m for m in (t.requested_at, t.intake_at, t.started_at, t.closed_at) if m]
        assert moments == sorted(moments)
        assert (t.outcome is not None) == (t.status == TrajectoryStatus.CLOSED)
        assert (t.referral_destination is not None) == (t.outcome == TrajectoryOutcome.REFERRED_OUT)
        # Waiting times agree with the timestamps.
        today = local_day(self.clock)
        to_intake, to_start, overdue = waiting(t, DEFAULT_NORMS[t.type], today)
        requested = local_day(t.requested_at)
        if t.intake_at is not None:
            assert to_intake == working_days(requested, local_day(t.intake_at))
        elif t.status in OPEN:
            assert to_intake == working_days(requested, today)
        else:
            assert to_intake is None
        if t.started_at is not None:
            assert to_start == working_days(requested, local_day(t.started_at))
            assert to_intake is not None and to_start >= to_intake
        if t.status not in OPEN or (t.started_at is not None):
            assert not overdue
        if t.status == TrajectoryStatus.REQUESTED and to_intake is not None:
            assert overdue == (
                to_intake > DEFAULT_NORMS[t.type][0] or to_start > DEFAULT_NORMS[t.type][1]
            )  # type: ignore[operator]

    def teardown(self) -> None:
        if hasattr(self, "connection"):
            self.run(self._close())
        self.loop.close()

    async def _close(self) -> None:
        await self.session.close()
        await self.connection.rollback()
        await self.connection.close()
        await self.engine.dispose()


def test_the_status_flow_never_reaches_an_illegal_state(
    migrated: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(service, "now", service.now)  # restored after the machine moved it
    TrajectoryMachine.url = migrated
    hypothesis.stateful.run_state_machine_as_test(
        TrajectoryMachine,
        settings=hypothesis.settings(
            max_examples=EXAMPLES,
            stateful_step_count=15,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )


def test_working_days_count_weekdays_after_the_start() -> None:
    monday = date(2026, 9, 7)
    assert working_days(monday, monday) == 0
    assert working_days(monday, monday + timedelta(days=4)) == 4  # to Friday
    assert working_days(monday, monday + timedelta(days=6)) == 4  # the weekend adds nothing
    assert working_days(monday, monday + timedelta(days=7)) == 5
    assert working_days(monday + timedelta(days=5), monday + timedelta(days=7)) == 1
