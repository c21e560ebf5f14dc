"""`kindcentraal seed trajectories`: many support trajectories in one centre, with the signals
they came from, for the benchmarks of the trajectory board, the one plan and the outcome
reports (refused in production)."""

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.child.models import Child
from kindcentraal.config import Settings
from kindcentraal.consent.models import TrajectoryType
from kindcentraal.db import Database, refresh_statistics
from kindcentraal.organisation.models import Membership, OrganisationCentre, Role
from kindcentraal.support.models import (
    GoalStatus,
    ReferralDestination,
    Signal,
    SignalCategory,
    SignalDecision,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryLocation,
    TrajectoryOutcome,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.service import FLOW
from kindcentraal.support.waiting import days_between


class TrajectoriesRefused(Exception):
    pass


@dataclass(frozen=True)
class Loaded:
    trajectories: int
    goals: int
    centre_id: uuid.UUID

    def text(self) -> str:
        return (
            f"Loaded {self.trajectories} support trajectories with {self.goals} goals into "
            f"the largest centre."
        )


# A path through the flow for each final status.
_PATHS = {
    TrajectoryStatus.REQUESTED: [TrajectoryStatus.REQUESTED],
    TrajectoryStatus.INTAKE: [TrajectoryStatus.REQUESTED, TrajectoryStatus.INTAKE],
    TrajectoryStatus.ACTIVE: [
        TrajectoryStatus.REQUESTED,
        TrajectoryStatus.INTAKE,
        TrajectoryStatus.ACTIVE,
    ],
    TrajectoryStatus.EVALUATION: [
        TrajectoryStatus.REQUESTED,
        TrajectoryStatus.INTAKE,
        TrajectoryStatus.ACTIVE,
        TrajectoryStatus.EVALUATION,
    ],
    TrajectoryStatus.CLOSED: [
        TrajectoryStatus.REQUESTED,
        TrajectoryStatus.INTAKE,
        TrajectoryStatus.ACTIVE,
        TrajectoryStatus.EVALUATION,
        TrajectoryStatus.CLOSED,
    ],
    TrajectoryStatus.CANCELLED: [TrajectoryStatus.REQUESTED, TrajectoryStatus.CANCELLED],
}
_STATUS_WEIGHTS = {
    TrajectoryStatus.REQUESTED: 10,
    TrajectoryStatus.INTAKE: 8,
    TrajectoryStatus.ACTIVE: 30,
    TrajectoryStatus.EVALUATION: 7,
    TrajectoryStatus.CLOSED: 40,
    TrajectoryStatus.CANCELLED: 5,
}


async def add_trajectories(session: AsyncSession, *, count: int, seed: int = 7) -> Loaded:
    """`count` trajectories over the children of the centre with the most children, provided
    by its partners' professionals, in every status, with goals and their transitions."""
    rng = random.Random(seed)
    centre_id = await session.scalar(
        select(Child.centre_id).group_by(Child.centre_id).order_by(func.count().desc()).limit(1)
    )
    if centre_id is None:
        raise TrajectoriesRefused("no children: load the demo or a dataset first")
    tenant_id, child_ids = None, []
    for child_id, child_tenant in (
        await session.execute(select(Child.id, Child.tenant_id).where(Child.centre_id == centre_id))
    ).all():
        child_ids.append(child_id)
        tenant_id = child_tenant
    providers = (
        await session.execute(
            select(Membership.organisation_id, Membership.user_id)
            .join(
                OrganisationCentre,
                OrganisationCentre.organisation_id == Membership.organisation_id,
            )
            .where(
                OrganisationCentre.centre_id == centre_id,
                Membership.role == Role.CARE_PROFESSIONAL,
            )
        )
    ).all()
    if not providers:
        raise TrajectoriesRefused("the centre has no care professionals")
    now = datetime.now(UTC)
    trajectories: list[dict[str, Any]] = []
    transitions: list[dict[str, Any]] = []
    goals: list[dict[str, Any]] = []
    signals: list[dict[str, Any]] = []
    statuses = list(_STATUS_WEIGHTS)
    weights = list(_STATUS_WEIGHTS.values())
    for _ in range(count):
        organisation_id, coordinator_id = rng.choice(providers)
        final = rng.choices(statuses, weights)[0]
        path = _PATHS[final]
        moment = now - timedelta(days=rng.randint(1, 660), hours=rng.randint(0, 8))
        trajectory_id = uuid.uuid4()
        stamps: dict[TrajectoryStatus, datetime] = {}
        previous = None
        for step in path:
            if previous is not None:
                assert step in FLOW[previous]
                moment = min(now, moment + timedelta(days=rng.randint(1, 25)))
            stamps[step] = moment
            transitions.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "trajectory_id": trajectory_id,
                    "from_status": previous,
                    "to_status": step,
                    "at": moment,
                    "by_user_id": coordinator_id,
                }
            )
            previous = step
        outcome = None
        destination = None
        if final == TrajectoryStatus.CLOSED:
            outcome = rng.choice(
                [
                    TrajectoryOutcome.GOALS_REACHED,
                    TrajectoryOutcome.CONTINUED_IN_CENTRE,
                    TrajectoryOutcome.STOPPED_BY_FAMILY,
                    TrajectoryOutcome.REFERRED_OUT,
                ]
            )
            if outcome == TrajectoryOutcome.REFERRED_OUT:
                destination = rng.choice(list(ReferralDestination))
        child_id = rng.choice(child_ids)
        requested_at = stamps[TrajectoryStatus.REQUESTED]
        # The signal it came from (the outcome reports' funnel), and now and then one that
        # was only watched.
        for linked in (True, False) if rng.random() < 0.5 else (True,):
            signals.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "child_id": child_id,
                    "author_id": coordinator_id,
                    "author_organisation_id": organisation_id,
                    "category": rng.choice(list(SignalCategory)),
                    "description": "Valt op in de groep.",
                    "from_guardians": False,
                    "requested_type": None,
                    "decision": SignalDecision.SUPPORT_REQUESTED
                    if linked
                    else SignalDecision.WATCH,
                    "decision_reason": None,
                    "review_on": None,
                    "decided_by_id": coordinator_id,
                    "decided_at": requested_at,
                    "trajectory_id": trajectory_id if linked else None,
                    "created_at": requested_at - timedelta(days=3),
                    "updated_at": requested_at,
                }
            )
        trajectories.append(
            {
                "id": trajectory_id,
                "tenant_id": tenant_id,
                "child_id": child_id,
                "type": rng.choice(list(TrajectoryType)),
                "organisation_id": organisation_id,
                "coordinator_id": coordinator_id,
                "requested_by_id": coordinator_id,
                "reason": "Extra ondersteuning gevraagd na signaal in de groep.",
                "location": rng.choice(list(TrajectoryLocation)),
                "status": final,
                "requested_at": stamps[TrajectoryStatus.REQUESTED],
                "intake_at": stamps.get(TrajectoryStatus.INTAKE),
                "started_at": stamps.get(TrajectoryStatus.ACTIVE),
                "intake_working_days": days_between(
                    stamps[TrajectoryStatus.REQUESTED], stamps.get(TrajectoryStatus.INTAKE)
                ),
                "start_working_days": days_between(
                    stamps[TrajectoryStatus.REQUESTED], stamps.get(TrajectoryStatus.ACTIVE)
                ),
                "closed_at": stamps.get(final)
                if final in (TrajectoryStatus.CLOSED, TrajectoryStatus.CANCELLED)
                else None,
                "outcome": outcome,
                "referral_destination": destination,
                "referral_reason": None,
                "created_at": stamps[TrajectoryStatus.REQUESTED],
                "updated_at": moment,
            }
        )
        for number in range(rng.randint(1, 3)):
            goals.append(
                {
                    "id": uuid.uuid4(),
                    "tenant_id": tenant_id,
                    "trajectory_id": trajectory_id,
                    "text": f"Doel {number + 1}: kleine stap vooruit, binnen tien weken.",
                    "target_date": (moment + timedelta(days=70)).date(),
                    "status": GoalStatus.OPEN,
                    "shared_with_daily_team": rng.random() < 0.4,
                    "daily_team_advice": None,
                    "created_by_id": coordinator_id,
                    "created_at": moment,
                    "updated_at": moment,
                }
            )
    for model, rows in (
        (SupportTrajectory, trajectories),
        (TrajectoryTransition, transitions),
        (TrajectoryGoal, goals),
        (Signal, signals),
    ):
        table = cast(Table, model.__table__)
        for start in range(0, len(rows), 500):
            await session.execute(insert(table), rows[start : start + 500])
    return Loaded(trajectories=len(trajectories), goals=len(goals), centre_id=centre_id)


async def load_trajectories(settings: Settings, *, count: int) -> Loaded:
    if settings.env == "production":
        raise TrajectoriesRefused("benchmark data is never loaded in production")
    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            loaded = await add_trajectories(session, count=count)
        async with database.sessionmaker() as session, session.begin():
            await refresh_statistics(session)
        return loaded
    finally:
        await database.dispose()
