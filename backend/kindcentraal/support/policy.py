"""Who sees and does what in support: signals and trajectories. The one place for these rules;
the child itself is opened through kindcentraal.child.policy first (an unseen child is 404).

Signals: the child's contact person and the centre's care coordinators see every signal about
the child and decide them; an author sees their own. Professionals around the child raise them;
guardians with parental authority ask for support (a signal "from the parents").

A trajectory has three kinds of reader:
- its team: the coordinator, members of its trajectory team, professionals of the providing
  organisation on the child's care team, the child's contact person and the centre's care
  coordinators. They see and do everything;
- guardians with parental authority: the trajectory, its goals and sessions, and the notes
  meant for them;
- the daily team (staff of an organisation placing the child): only goals shared with them,
  while an information_sharing consent for the providing organisation is in force.
Nobody else, centre administrators and municipality analysts included.
"""

import enum
import functools
import uuid
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Date,
    Uuid,
    and_,
    bindparam,
    exists,
    or_,
    select,
)
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.policy import ChildRelations
from kindcentraal.errors import Forbidden
from kindcentraal.support.models import SupportTrajectory


class View(enum.StrEnum):
    TEAM = "team"
    GUARDIAN = "guardian"
    DAILY_TEAM = "daily_team"


@dataclass(frozen=True)
class TrajectoryFacts:
    """What decides the caller's view of one trajectory, found by the service."""

    coordinator: bool
    on_trajectory_team: bool
    information_shared: bool  # information_sharing consent in force for the provider


def decides_signals(relations: ChildRelations) -> bool:
    return relations.is_contact_person or relations.is_care_coordinator


def ensure_can_raise_signal(relations: ChildRelations) -> None:
    if not relations.is_professional:
        raise Forbidden("Professionals around the child raise signals; parents ask for support.")


def ensure_can_ask_support(relations: ChildRelations) -> None:
    if not relations.guardian_with_authority:
        raise Forbidden("A parent or guardian with parental authority asks for support.")


def ensure_can_see_signals(relations: ChildRelations) -> None:
    """Deciders see all, others only their own (filtered by the service); guardians theirs."""
    if not (relations.is_professional or relations.guardian_with_authority):
        raise Forbidden("Signals are not shared with you.")


def ensure_decides_signals(relations: ChildRelations) -> None:
    if not decides_signals(relations):
        raise Forbidden("The contact person or a care coordinator decides on a signal.")


def ensure_can_request_support(relations: ChildRelations) -> None:
    if not decides_signals(relations):
        raise Forbidden("The contact person or a care coordinator requests support.")


def view_of(
    relations: ChildRelations, trajectory: SupportTrajectory, facts: TrajectoryFacts
) -> View | None:
    provider_on_care_team = any(
        org == trajectory.organisation_id for _, org, _ in relations.care_team
    )
    if (
        facts.coordinator
        or facts.on_trajectory_team
        or provider_on_care_team
        or decides_signals(relations)
    ):
        return View.TEAM
    if relations.guardian_with_authority:
        return View.GUARDIAN
    if relations.own_placing_organisation_ids and facts.information_shared:
        return View.DAILY_TEAM
    return None


def base_view(relations: ChildRelations) -> View | None:
    """The view of a child's support before any trajectory: what an empty plan shows."""
    if decides_signals(relations):
        return View.TEAM
    if relations.guardian_with_authority:
        return View.GUARDIAN
    if relations.own_placing_organisation_ids:
        return View.DAILY_TEAM
    return None


def ensure_view(view: View | None, *, at_least: View = View.GUARDIAN) -> View:
    """Refuse a caller without a view, or without the one the action needs."""
    allowed = {
        View.TEAM: {View.TEAM},
        View.GUARDIAN: {View.TEAM, View.GUARDIAN},
        View.DAILY_TEAM: {View.TEAM, View.GUARDIAN, View.DAILY_TEAM},
    }[at_least]
    if view is None or view not in allowed:
        raise Forbidden("This part of the child's support is not shared with you.")
    return view


@functools.cache
def _listable() -> ColumnElement[bool]:
    """The board's filter, built once: the caller's values are bind parameters."""
    user = bindparam("lt_user", type_=Uuid)
    tenant = bindparam("lt_tenant", type_=Uuid)
    today = bindparam("lt_today", type_=Date)
    organisations: BindParameter[list[uuid.UUID]] = bindparam("lt_organisations", expanding=True)
    centres: BindParameter[list[uuid.UUID]] = bindparam("lt_centres", expanding=True)
    team = aliased(CareTeamMember)
    trajectory_team = exists(
        select(team.id).where(
            team.trajectory_id == SupportTrajectory.id,
            team.tenant_id == SupportTrajectory.tenant_id,
            team.user_id == user,
            and_(
                team.since_date <= today, or_(team.until_date.is_(None), team.until_date >= today)
            ),
        )
    )
    provider_on_care_team = exists(
        select(CareTeamMember.id).where(
            CareTeamMember.child_id == SupportTrajectory.child_id,
            CareTeamMember.tenant_id == SupportTrajectory.tenant_id,
            CareTeamMember.user_id == user,
            CareTeamMember.organisation_id == SupportTrajectory.organisation_id,
            CareTeamMember.organisation_id.in_(organisations),
            child_policy.active_team_membership(today),
            child_policy.team_consent_in_force(today),
        )
    )
    guardian = exists(
        select(Guardian.id).where(
            Guardian.child_id == SupportTrajectory.child_id,
            Guardian.tenant_id == SupportTrajectory.tenant_id,
            Guardian.user_id == user,
            Guardian.has_parental_authority,
        )
    )
    deciders = or_(Child.contact_person_id == user, Child.centre_id.in_(centres))
    return and_(
        SupportTrajectory.tenant_id == tenant,
        or_(
            SupportTrajectory.coordinator_id == user,
            trajectory_team,
            provider_on_care_team,
            guardian,
            deciders,
        ),
    )


def listable_filter() -> ColumnElement[bool]:
    """The board's filter (`lt_` parameters: `listable_trajectories`)."""
    return _listable()


def listable_trajectories(principal: Principal) -> tuple[ColumnElement[bool], dict[str, Any]]:
    """The trajectories a caller finds in lists (the board): those they are on the team of,
    and those of their children for guardians with authority. The child must be visible too
    (the child policy's filter, joined by the caller). The filter and its parameters."""
    return _listable(), {
        "lt_user": principal.user_id,
        "lt_tenant": principal.tenant_id,
        "lt_today": date.today(),
        "lt_organisations": sorted(principal.organisation_ids()),
        "lt_centres": sorted(principal.coordinator_centre_ids),
    }


def is_decider_of(principal: Principal, child: Child) -> bool:
    return child.contact_person_id == principal.user_id or principal.coordinates_care_in(
        child.centre_id
    )


def signal_filter_for(principal: Principal, relations: ChildRelations) -> uuid.UUID | None:
    """None: every signal of the child; else only those by this author."""
    return None if decides_signals(relations) else principal.user_id
