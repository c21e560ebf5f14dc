"""The child page in one request: the child and the parts of its file the caller asked for
(`?expand=`), each part behind its own policy, audited as one event that names the parts."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from sqlalchemy import Uuid, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities import service as activities_service
from kindcentraal.activities.schemas import EnrolmentRead
from kindcentraal.attendance import service as attendance_service
from kindcentraal.attendance.day import day_of
from kindcentraal.attendance.schemas import AbsenceRead, ChildDay
from kindcentraal.auth.principal import Principal
from kindcentraal.careteam import service as careteam_service
from kindcentraal.careteam.schemas import CareTeamMemberRead
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.daily_team import daily_team_of
from kindcentraal.child.models import Guardian
from kindcentraal.child.policy import ChildRelations
from kindcentraal.child.schemas import (
    ChildEmbedded,
    ChildPlacementRead,
    ContactPersonRead,
    DailyTeamMember,
    GuardianRead,
)
from kindcentraal.consent import service as consent_service
from kindcentraal.consent.schemas import ConsentRead
from kindcentraal.driver_reads import Query, entity_columns, fetch
from kindcentraal.errors import Forbidden, InvalidInput
from kindcentraal.organisation.models import Organisation
from kindcentraal.placement.models import Placement
from kindcentraal.retention import policy as retention_policy
from kindcentraal.retention import service as retention_service
from kindcentraal.retention.schemas import LegalHoldRead
from kindcentraal.rooms.recurrence import local_today as today
from kindcentraal.support import policy as support_policy
from kindcentraal.support import service as support_service
from kindcentraal.support import signals as support_signals
from kindcentraal.support import work as support_work
from kindcentraal.support.schemas import ChildPlan, SignalRead, TrajectoryRead
from kindcentraal.user.models import User

Part = Literal[
    "guardians",
    "placements",
    "contactPerson",
    "careTeam",
    "consents",
    "plan",
    "trajectories",
    "signals",
    "day",
    "dailyTeam",
    "enrolments",
    "absences",
    "legalHold",
]
PARTS: tuple[Part, ...] = get_args(Part)
# The policy of each part beyond seeing the child at all (the plan's is its own: see below).
_CARE_DATA: frozenset[Part] = frozenset({"careTeam", "consents"})
# Names in the access log, as the single-part endpoints name their resources.
AUDIT_NAMES: dict[Part, str] = {
    "guardians": "guardians",
    "placements": "placements",
    "contactPerson": "contact-person",
    "careTeam": "care-team",
    "consents": "consents",
    "plan": "plan",
    "trajectories": "trajectory",
    "signals": "signal",
    "day": "day",
    "dailyTeam": "daily-team",
    "enrolments": "enrolment",
    "absences": "absence",
    "legalHold": "legal-hold",
}


_CHILD = bindparam("page_child", type_=Uuid)
_TENANT = bindparam("page_tenant", type_=Uuid)
_GUARDIANS = Query(
    select(*entity_columns(Guardian), User.display_name)
    .join(User, User.id == Guardian.user_id)
    .where(Guardian.child_id == _CHILD, Guardian.tenant_id == _TENANT)
    .order_by(Guardian.created_at, Guardian.id)
)
_PLACEMENTS = Query(
    select(*entity_columns(Placement), Organisation.name.label("organisation_name"))
    .join(Organisation, Organisation.id == Placement.organisation_id)
    .where(Placement.child_id == _CHILD, Placement.tenant_id == _TENANT)
    .order_by(Placement.start_date, Placement.id)
)


@dataclass
class ChildPage:
    child: Any  # a row of child_service._PAGE_CHILD_COLUMNS
    guardians: Sequence[Any] | None = None  # rows of _GUARDIANS, with the guardian's name
    placements: Sequence[Any] | None = None  # rows of _PLACEMENTS, with the organisation's
    contact_person: bool = False
    care_team: list[CareTeamMemberRead] | None = None
    consents: list[ConsentRead] | None = None
    plan: ChildPlan | None = None
    trajectories: list[TrajectoryRead] | None = None
    signals: list[SignalRead] | None = None
    day: ChildDay | None = None
    daily_team: list[DailyTeamMember] | None = None
    enrolments: list[EnrolmentRead] | None = None
    absences: list[AbsenceRead] | None = None
    legal_hold: LegalHoldRead | None = None
    read: list[Part] = field(default_factory=list)


def _allowed(part: Part, relations: ChildRelations) -> bool:
    ensure = {
        "careTeam": child_policy.ensure_can_see_care_data,
        "consents": child_policy.ensure_can_see_care_data,
        # Left out, not an empty list: "no support" and "not shown to you" read differently.
        "trajectories": child_policy.ensure_can_see_care_data,
        "signals": support_policy.ensure_can_see_signals,
        "legalHold": retention_policy.ensure_can_hold,
    }.get(part)
    if ensure is not None:
        try:
            ensure(relations)
        except Forbidden:
            return False
    return True


async def read_child_page(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    expand: frozenset[Part],
    log: bool = True,
) -> ChildPage:
    """The child, plus each asked-for part the caller's relation allows; a part it does not
    allow is left out, never an error, so one page serves every relation. An API client reads
    the child itself only: the parts are people's, and asking for them is a 400."""
    if principal.client is not None and expand:
        raise InvalidInput.field(
            "expand", "notForClients", "API clients read the child without parts.", "query"
        )
    child, relations = await child_service.access_child_row(
        session, principal, child_id=child_id, resource="child", action="read"
    )
    page = ChildPage(child=child)
    keys = {"page_child": child.id, "page_tenant": child.tenant_id}
    for part in PARTS:
        if part not in expand or not _allowed(part, relations):
            continue
        if part == "plan":
            # The plan's policy needs its trajectories: nothing shared means no plan.
            page.plan = await support_work.plan_of(session, principal, child.id, relations)
            if page.plan is None:
                continue
        page.read.append(part)
        if part == "guardians":
            page.guardians = await fetch(session, _GUARDIANS, keys)
        elif part == "placements":
            page.placements = await fetch(session, _PLACEMENTS, keys)
        elif part == "contactPerson":
            page.contact_person = True
        elif part == "careTeam":
            page.care_team = await careteam_service.team_of(session, principal, child_id=child.id)
        elif part == "consents":
            page.consents = await consent_service.consents_of(session, principal, child_id=child.id)
        elif part == "trajectories":
            page.trajectories = await support_service.trajectories_of(session, principal, child.id)
        elif part == "signals":
            page.signals = await support_signals.signals_of(session, principal, child.id, relations)
        elif part == "day":
            page.day = await day_of(session, principal, child, today())
        elif part == "dailyTeam":
            page.daily_team = await daily_team_of(session, child, today())
        elif part == "enrolments":
            page.enrolments = await activities_service.enrolments_of_child(
                session, tenant_id=child.tenant_id, child_id=child.id
            )
        elif part == "absences":
            page.absences = await attendance_service.absences_of(
                session, tenant_id=child.tenant_id, child_id=child.id, start=today()
            )
        elif part == "legalHold":
            page.legal_hold = await retention_service.hold_of(
                session, tenant_id=child.tenant_id, child_id=child.id
            )
    if log:  # the data export logs its own event
        await child_service.log_access(
            session,
            principal,
            relations,
            child.id,
            resource="child",
            action="read",
            parts=["child", *(AUDIT_NAMES[part] for part in page.read)] if expand else None,
        )
    return page


def embedded(page: ChildPage) -> ChildEmbedded:
    """The page's parts as the API answers them under `embedded`."""
    parts: dict[str, object] = {}
    if page.guardians is not None:
        parts["guardians"] = [GuardianRead.model_validate(row) for row in page.guardians]
    if page.placements is not None:
        parts["placements"] = [ChildPlacementRead.model_validate(row) for row in page.placements]
    if page.contact_person:
        child = page.child
        parts["contact_person"] = (
            ContactPersonRead(
                user_id=child.contact_person_id,
                display_name=child.contact_person_name,
                email=child.contact_person_email,
                phone=child.contact_person_phone,
                since=child.contact_person_since,
            )
            if child.contact_person_id is not None and child.contact_person_since is not None
            else None
        )
    if page.care_team is not None:
        parts["care_team"] = page.care_team
    if page.consents is not None:
        parts["consents"] = page.consents
    if page.plan is not None:
        parts["plan"] = page.plan
    if page.trajectories is not None:
        parts["trajectories"] = page.trajectories
    if page.day is not None:
        parts["day"] = page.day
    if page.signals is not None:
        parts["signals"] = page.signals
    if page.daily_team is not None:
        parts["daily_team"] = page.daily_team
    if page.enrolments is not None:
        parts["enrolments"] = page.enrolments
    if page.absences is not None:
        parts["absences"] = page.absences
    if page.legal_hold is not None:
        parts["legal_hold"] = page.legal_hold
    return ChildEmbedded(**parts)
