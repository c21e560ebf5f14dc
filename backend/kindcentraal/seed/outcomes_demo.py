"""Demo history for the outcome dashboards (issue 13): two full school years of support and
the current one so far, at IKC De Regenboog and at a comparison school without integrated care.

School years run from 1 August to 31 July; Y0 is the one containing today, Y-1 and Y-2 the two
full ones before it. Every trajectory written here is closed, requested and closed within its
school year, and went the whole flow (requested -> intake -> active -> evaluation [-> active ->
evaluation] -> closed) with a transition row per step and the guardians' trajectory consent
(valid until the close) before the intake.

- IKC De Regenboog (integrated care, the partners in the building): about 70 trajectories in
  Y-2 with long waits (about half within the norm) and a fifth referred out, about 85 in Y-1
  with short waits (four in five within the norm), few referrals and mostly help inside the
  centre, and about 25 in Y0 so far like Y-1. More signals in Y-1 than Y-2, more team meetings
  and more care teams with people of two organisations.
- Basisschool De Kompas (no integrated care): about 180 pupils, 60% with a contact person;
  support from Jeugdzorg Gooi, an outside provider linked to no centre, mostly at its own
  practice, with long waits, over a quarter referred out, no team meetings, care teams of one
  organisation. Its guardians have accounts only where a consent needed one, and no password
  anybody knows.

The history uses none of the demo parent's children and none of the (child, type) pairs the
current support (support_demo) has, so the demo's stories and the board stay as they were.

Deterministic: its own random generator, dates counted in working days relative to today.
"""

import random
import secrets
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.passwords import hash_password
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian, GuardianRelation
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.seed.moments import Moments
from kindcentraal.seed.support_demo import (
    DECISION_REASONS,
    KINDS,
    NORMS,
    PARENT_SIGNALS,
    REASONS,
    SIGNALS,
    WORRIES,
    SupportCast,
    add_working_days,
)
from kindcentraal.support.models import (
    CareCoordinator,
    NoteKind,
    NoteVisibility,
    ReferralDestination,
    Signal,
    SignalCategory,
    SignalDecision,
    SupportTrajectory,
    TrajectoryLocation,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.waiting import AMSTERDAM, working_days
from kindcentraal.user.models import User

OUTCOMES_SEED = 13
KOMPAS_CENTRE = "Basisschool De Kompas"
KOMPAS_SCHOOL = "Basisschool De Kompas"
OUTSIDE_PROVIDER = "Jeugdzorg Gooi"

S = TrajectoryStatus
T = TrajectoryType
Outcome = TrajectoryOutcome
Where = TrajectoryLocation
Destination = ReferralDestination
LOGO, OPVOED, JEUGD, PASSEND, SMW = (
    T.LOGOPEDIE,
    T.OPVOEDONDERSTEUNING,
    T.JEUGDHULP,
    T.PASSEND_ONDERWIJS,
    T.SCHOOLMAATSCHAPPELIJK_WERK,
)


@dataclass
class OutcomesCast(SupportCast):
    """What the demo seed already made, that the history builds on: support's cast, and the
    demo's names and dates for the comparison school."""

    password_hash: str  # the demo password's, for the comparison school's staff
    given_names: Sequence[str]
    family_names: Sequence[str]
    birth_date: Callable[[random.Random, int], date]
    school_year_start: date  # the first school day of the demo's school placements


@dataclass(frozen=True)
class _Year:
    """How support went at one centre in one school year."""

    types: dict[TrajectoryType, int]
    within_norm: float  # share of each type with the intake within its norm
    within: tuple[int, int]  # working days to intake, from the norm, when within it
    late: tuple[int, int]  # and when past it
    start: tuple[int, int]  # working days from intake to start
    in_centre: float
    outcomes: dict[TrajectoryOutcome, float]
    from_signal: float  # share of trajectories that began with a signal
    loose_signals: dict[SignalDecision, int]  # signals that did not become support
    meeting: float  # share with a team meeting (MDO)
    second_organisation: float  # share whose team has someone of a second organisation


REGENBOOG_BEFORE = _Year(
    types={LOGO: 18, OPVOED: 14, JEUGD: 16, PASSEND: 12, SMW: 10},
    within_norm=0.45,
    within=(-4, 0),
    late=(2, 14),
    start=(5, 15),
    in_centre=0.47,  # besides passend onderwijs, always in the school
    outcomes={
        Outcome.REFERRED_OUT: 0.20,
        Outcome.GOALS_REACHED: 0.38,
        Outcome.CONTINUED_IN_CENTRE: 0.24,
        Outcome.STOPPED_BY_FAMILY: 0.12,
        Outcome.OTHER: 0.06,
    },
    from_signal=0.7,
    loose_signals={
        SignalDecision.WATCH: 8,
        SignalDecision.DISCUSSED_WITH_PARENTS: 6,
        SignalDecision.NO_ACTION: 5,
    },
    meeting=0.3,
    second_organisation=0.45,
)
# The second year of integrated care: signalled earlier, helped sooner and inside the centre.
REGENBOOG_AFTER = _Year(
    types={LOGO: 22, OPVOED: 18, JEUGD: 18, PASSEND: 15, SMW: 12},
    within_norm=0.82,
    within=(-8, -1),
    late=(1, 5),
    start=(2, 8),
    in_centre=0.70,
    outcomes={
        Outcome.REFERRED_OUT: 0.07,
        Outcome.GOALS_REACHED: 0.45,
        Outcome.CONTINUED_IN_CENTRE: 0.38,
        Outcome.STOPPED_BY_FAMILY: 0.07,
        Outcome.OTHER: 0.03,
    },
    from_signal=0.85,
    loose_signals={
        SignalDecision.WATCH: 18,
        SignalDecision.DISCUSSED_WITH_PARENTS: 16,
        SignalDecision.NO_ACTION: 9,
    },
    meeting=0.65,
    second_organisation=0.85,
)
REGENBOOG_NOW = replace(
    REGENBOOG_AFTER,
    types={LOGO: 7, OPVOED: 5, JEUGD: 5, PASSEND: 4, SMW: 4},
    loose_signals={
        SignalDecision.WATCH: 6,
        SignalDecision.DISCUSSED_WITH_PARENTS: 5,
        SignalDecision.NO_ACTION: 3,
    },
)
KOMPAS = _Year(
    types={LOGO: 18, OPVOED: 13, JEUGD: 17, PASSEND: 8},
    within_norm=0.15,
    within=(-4, 0),
    late=(4, 18),
    start=(8, 20),
    in_centre=0.0,  # only the school's own help (passend onderwijs) is given in the school
    outcomes={
        Outcome.REFERRED_OUT: 0.28,
        Outcome.GOALS_REACHED: 0.37,
        Outcome.CONTINUED_IN_CENTRE: 0.15,
        Outcome.STOPPED_BY_FAMILY: 0.14,
        Outcome.OTHER: 0.06,
    },
    from_signal=0.6,
    loose_signals={
        SignalDecision.WATCH: 4,
        SignalDecision.DISCUSSED_WITH_PARENTS: 3,
        SignalDecision.NO_ACTION: 3,
    },
    meeting=0.0,
    second_organisation=0.0,
)
KOMPAS_YEARS = (
    KOMPAS,
    replace(KOMPAS, types={LOGO: 17, OPVOED: 14, JEUGD: 16, PASSEND: 7}),
    replace(
        KOMPAS,
        types={LOGO: 6, OPVOED: 5, JEUGD: 6, PASSEND: 3},
        loose_signals={SignalDecision.WATCH: 2, SignalDecision.NO_ACTION: 1},
    ),
)

# The grades (at the time; 0: the centre's baby and toddler groups) each type is for.
GRADES: dict[TrajectoryType, tuple[int, ...]] = {
    LOGO: (0, 1, 2, 3, 4),
    OPVOED: (0, 1, 2, 3),
    JEUGD: (2, 3, 4, 5, 6, 7, 8),
    PASSEND: (3, 4, 5, 6, 7, 8),
    SMW: (3, 4, 5, 6, 7, 8),
}
# Where help outside the centre was given, per type.
ELSEWHERE: dict[TrajectoryType, tuple[TrajectoryLocation, ...]] = {
    LOGO: (Where.AT_PARTNER,),
    OPVOED: (Where.AT_HOME, Where.AT_HOME, Where.ONLINE),
    JEUGD: (Where.AT_HOME, Where.AT_PARTNER),
    PASSEND: (Where.AT_PARTNER,),
    SMW: (Where.AT_HOME, Where.ONLINE),
}
# Which trajectories ended in a referral: youth care most often, speech therapy least.
REFERRAL_WEIGHT = {JEUGD: 3.0, OPVOED: 2.0, PASSEND: 1.5, SMW: 1.5, LOGO: 1.0}
DESTINATIONS: dict[TrajectoryType, tuple[tuple[ReferralDestination, int], ...]] = {
    LOGO: ((Destination.MEDICAL, 3), (Destination.SPECIAL_EDUCATION, 1)),
    OPVOED: ((Destination.SPECIALISED_YOUTH_CARE, 3), (Destination.GGZ, 1)),
    JEUGD: ((Destination.SPECIALISED_YOUTH_CARE, 3), (Destination.GGZ, 2)),
    PASSEND: ((Destination.SPECIAL_EDUCATION, 4), (Destination.GGZ, 1)),
    SMW: ((Destination.SPECIALISED_YOUTH_CARE, 2), (Destination.GGZ, 1)),
}
REFERRALS = {
    Destination.SPECIALISED_YOUTH_CARE: "Zwaardere hulp nodig dan hier geboden kan worden: "
    "via de huisarts verwezen naar specialistische jeugdhulp.",
    Destination.GGZ: "Vermoeden van een angststoornis of ADHD: verwezen naar de jeugd-GGZ "
    "voor onderzoek en behandeling.",
    Destination.SPECIAL_EDUCATION: "Ondanks de extra ondersteuning te weinig ontwikkeling; "
    "toelaatbaarheidsverklaring aangevraagd voor speciaal (basis)onderwijs.",
    Destination.MEDICAL: "Gehoorverlies vermoed: verwezen naar het audiologisch centrum.",
}
CLOSING = {
    Outcome.GOALS_REACHED: "Eindevaluatie: de doelen zijn behaald; de hulp stopt.",
    Outcome.CONTINUED_IN_CENTRE: "Eindevaluatie: de leerkracht zet de aanpak voort in de klas "
    "(basisondersteuning); de extra hulp stopt.",
    Outcome.REFERRED_OUT: "Eindevaluatie: de hulp is niet genoeg; samen met ouders besloten "
    "tot een verwijzing.",
    Outcome.STOPPED_BY_FAMILY: "Eindevaluatie: ouders stoppen de hulp, het gaat thuis beter; "
    "school blijft het volgen.",
    Outcome.OTHER: "Eindevaluatie: het gezin verhuist; de hulp stopt hier.",
}
MEETING_DECISIONS = (
    "De hulp loopt door tot de evaluatie; de klas zet het advies van de hulpverlener in.",
    "Eén aanpak thuis en in de klas afgesproken; de intern begeleider houdt de regie.",
    "Hulp blijft in het kindcentrum; over zes weken samen evalueren.",
)
KOMPAS_GIVEN = ("Anna", "Mark", "Sanne", "Kevin", "Iris", "Hassan", "Eva", "Tom", "Aisha", "Rob")


@dataclass
class _Kid:
    record: Child
    grade: int  # now; 0: the baby and toddler groups
    contact_id: uuid.UUID | None
    guardian_ids: list[uuid.UUID]  # with parental authority
    baby: bool = False
    types: set[TrajectoryType] = field(default_factory=set)  # support it has had, or has

    def grade_in(self, years_ago: int) -> int | None:
        """Its grade in a school year back then; None when it was not in the centre yet
        (the demo's toddlers and babies came this school year)."""
        if self.grade == 0:
            return 0 if years_ago == 0 else None
        grade = self.grade - years_ago
        return grade if grade >= 1 else None


@dataclass
class _Centre:
    """One centre's side of the history: who gives which support, who decides."""

    name: str
    kids: list[_Kid]
    school: Organisation
    coordinator: User  # the intern begeleider
    providers: Callable[[TrajectoryType, int], tuple[Organisation, User]]
    second: Callable[[TrajectoryType, Organisation, int], tuple[Organisation, User, str]]
    signaller: Callable[[_Kid, int], uuid.UUID]  # who saw it: the teacher of the grade then
    integrated: bool


def _school_year(day: date) -> date:
    return date(day.year if day.month >= 8 else day.year - 1, 8, 1)


def _apportion(total: int, shares: dict[TrajectoryOutcome, float]) -> list[TrajectoryOutcome]:
    """`total` outcomes in the given shares, by largest remainder (exact, deterministic)."""
    exact = {outcome: total * share for outcome, share in shares.items()}
    counts = {outcome: int(value) for outcome, value in exact.items()}
    rest = sorted(shares, key=lambda outcome: counts[outcome] - exact[outcome])
    for outcome in rest[: total - sum(counts.values())]:
        counts[outcome] += 1
    return [outcome for outcome, count in counts.items() for _ in range(count)]


class _History(Moments):
    def __init__(
        self,
        rng: random.Random,
        cast: OutcomesCast,
        today: date,
        *,
        taken: set[tuple[Any, Any]],
        names: dict[uuid.UUID, str],
        guardian_of: Callable[[_Kid], uuid.UUID],
    ) -> None:
        self.rng = rng
        self.cast = cast
        self.today = today
        self.rows: list[Any] = []
        self.trajectories: list[SupportTrajectory] = []
        self.signals: list[Signal] = []
        # (child, organisation) -> the care team consent, stretched over its uses
        self.team_consents: dict[tuple[uuid.UUID, uuid.UUID], Consent] = {}
        self.taken = taken  # (child, type) of the current support: never given history
        self.names = names
        self.guardian_of = guardian_of  # the guardian who consents

    # -- rows -----------------------------------------------------------------------------

    def add(self, row: Any, moment: datetime | None = None, updated: datetime | None = None) -> Any:
        row.id = uuid.uuid4()
        row.tenant_id = self.cast.tenant_id
        if moment is not None:
            row.created_at = moment
            row.updated_at = updated or moment
        self.rows.append(row)
        return row

    # -- a school year --------------------------------------------------------------------

    def year(self, centre: _Centre, profile: _Year, years_ago: int, scale: float) -> None:
        """The centre's closed support of one school year, and its loose signals."""
        rng = self.rng
        start = _school_year(self.today).replace(year=_school_year(self.today).year - years_ago)
        # From the first weeks of the school year (the signal a week before the request) until
        # the summer holiday, or until yesterday in the current year.
        opens = start + timedelta(days=24)
        while opens.weekday() >= 5:
            opens += timedelta(days=1)
        first = add_working_days(opens, 6)
        last = date(start.year + 1, 7, 10) if years_ago else self.today - timedelta(days=1)
        while last.weekday() >= 5:
            last -= timedelta(days=1)
        if last <= first:
            return
        plans: list[tuple[TrajectoryType, _Kid, bool]] = []
        for kind, count in profile.types.items():
            kids = []
            for _ in range(round(count * scale)):
                kid = self.pick(centre, kind, years_ago)
                if kid is not None:
                    kid.types.add(kind)
                    kids.append(kid)
            # Exactly the profile's share of each type reached the intake within the norm.
            within = round(len(kids) * profile.within_norm)
            timely = [True] * within + [False] * (len(kids) - within)
            rng.shuffle(timely)
            plans += [(kind, kid, on_time) for kid, on_time in zip(kids, timely, strict=True)]
        rng.shuffle(plans)
        outcomes = _apportion(len(plans), profile.outcomes)
        referred = outcomes.count(Outcome.REFERRED_OUT)
        others = [outcome for outcome in outcomes if outcome != Outcome.REFERRED_OUT]
        rng.shuffle(others)
        chosen: set[int] = set()
        while len(chosen) < referred:
            remaining = [n for n in range(len(plans)) if n not in chosen]
            weights = [REFERRAL_WEIGHT[plans[n][0]] for n in remaining]
            chosen.add(rng.choices(remaining, weights)[0])
        for number, (kind, kid, on_time) in enumerate(plans):
            outcome = Outcome.REFERRED_OUT if number in chosen else others.pop()
            days = self.schedule(profile, kind, on_time, first, last)
            if days is not None:
                self.trajectory(centre, profile, years_ago, kind, kid, outcome, days)
        for decision, count in profile.loose_signals.items():
            for _ in range(round(count * scale)):
                self.loose_signal(centre, years_ago, decision, opens, last)

    def pick(self, centre: _Centre, kind: TrajectoryType, years_ago: int) -> _Kid | None:
        def free(kid: _Kid) -> bool:
            return (
                kind not in kid.types
                and (kid.record.id, kind) not in self.taken
                and not (kid.baby and kind == LOGO)
            )

        pool = [
            kid
            for kid in centre.kids
            if kid.grade_in(years_ago) in GRADES[kind] and free(kid) and not kid.types
        ] or [kid for kid in centre.kids if kid.grade_in(years_ago) in GRADES[kind] and free(kid)]
        return self.rng.choice(pool) if pool else None

    def schedule(
        self, profile: _Year, kind: TrajectoryType, on_time: bool, first: date, last: date
    ) -> list[tuple[TrajectoryStatus, date]] | None:
        """The days of each step, requested first, all between `first` and `last`."""
        rng = self.rng
        norm = NORMS[kind][0]
        if on_time:
            intake = rng.randint(max(1, norm + profile.within[0]), norm + profile.within[1])
        else:
            intake = rng.randint(norm + profile.late[0], norm + profile.late[1])
        active = rng.randint(25, 55)
        again = rng.random() < 0.25
        steps = [(S.INTAKE, intake), (S.ACTIVE, rng.randint(*profile.start))]
        closing = rng.randint(2, 8)
        fixed = intake + steps[1][1] + closing
        window = working_days(first, last)
        if fixed + active + (40 if again else 0) > window:
            again = False
            active = window - fixed
            if active < 10:
                return None
        steps.append((S.EVALUATION, active))
        if again:
            steps += [(S.ACTIVE, rng.randint(2, 5)), (S.EVALUATION, rng.randint(15, 30))]
        steps.append((S.CLOSED, closing))
        total = sum(offset for _, offset in steps)
        day = add_working_days(first, rng.randint(0, max(0, window - total)))
        days = [(S.REQUESTED, day)]
        for status, offset in steps:
            day = add_working_days(day, offset)
            days.append((status, day))
        return days

    def trajectory(
        self,
        centre: _Centre,
        profile: _Year,
        years_ago: int,
        kind: TrajectoryType,
        kid: _Kid,
        outcome: TrajectoryOutcome,
        days: list[tuple[TrajectoryStatus, date]],
    ) -> None:
        rng = self.rng
        grade = kid.grade_in(years_ago) or 0
        organisation, professional = centre.providers(kind, grade)
        requested_day = days[0][1]
        moments = [(status, self.morning(day)) for status, day in days]
        requested_at = moments[0][1]
        decider = rng.choice([centre.signaller(kid, years_ago), centre.coordinator.id])
        if kind == PASSEND or (centre.integrated and rng.random() < profile.in_centre):
            location = Where.IN_CENTRE
        elif centre.integrated:
            location = rng.choice(ELSEWHERE[kind])
        else:
            location = Where.AT_PARTNER if rng.random() < 0.8 else rng.choice(ELSEWHERE[kind])
        closed_at = moments[-1][1]
        trajectory: SupportTrajectory = self.add(
            SupportTrajectory(
                child_id=kid.record.id,
                type=kind,
                organisation_id=organisation.id,
                coordinator_id=professional.id,
                requested_by_id=decider,
                reason=rng.choice(REASONS[kind]).format(name=kid.record.given_name),
                location=location,
                status=S.CLOSED,
                requested_at=requested_at,
                intake_at=moments[1][1],
                started_at=moments[2][1],
                closed_at=closed_at,
                outcome=outcome,
            ),
            requested_at,
            closed_at,
        )
        if outcome == Outcome.REFERRED_OUT:
            options = DESTINATIONS[kind]
            destination = rng.choices([d for d, _ in options], [w for _, w in options])[0]
            trajectory.referral_destination = destination
            trajectory.referral_reason = REFERRALS[destination]
        self.trajectories.append(trajectory)
        previous: TrajectoryStatus | None = None
        for status, moment in moments:
            self.add(
                TrajectoryTransition(
                    trajectory_id=trajectory.id,
                    from_status=previous,
                    to_status=status,
                    at=moment,
                    by_user_id=decider if status == S.REQUESTED else professional.id,
                ),
                moment,
            )
            previous = status

        if rng.random() < profile.from_signal:
            signal = self.signal(
                centre,
                kid,
                years_ago,
                rng.choice(KINDS[kind].categories),
                _before(requested_day, rng.randint(1, 6)),
                requested_type=kind,
            )
            signal.decision = SignalDecision.SUPPORT_REQUESTED
            signal.decided_by_id = decider
            signal.decided_at = signal.updated_at = requested_at
            signal.trajectory_id = trajectory.id

        # The guardians' consent, an evening between the request and the intake, for as long
        # as the support ran.
        intake_day = days[1][1]
        given = self.evening(
            add_working_days(
                requested_day, rng.randint(0, working_days(requested_day, intake_day) - 1)
            )
        )
        guardian = self.guardian_of(kid)
        self.add(
            Consent(
                child_id=kid.record.id,
                organisation_id=organisation.id,
                purpose=ConsentPurpose.TRAJECTORY,
                trajectory_type=kind,
                given_by_id=guardian,
                child_also_consented=False,
                given_at=given,
                valid_until=days[-1][1],
            ),
            given,
        )
        # The care team of this support: the professional giving it, and (in an integrated
        # centre, mostly) someone of a second organisation.
        until = days[-1][1]
        team = [(organisation, professional, KINDS[kind].role)]
        if rng.random() < profile.second_organisation:
            team.append(centre.second(kind, organisation, grade))
        for member_organisation, member, role in team:
            if member_organisation.id != centre.school.id:
                self.team_consent(kid, member_organisation, guardian, given, until)
            self.add(
                CareTeamMember(
                    child_id=kid.record.id,
                    user_id=member.id,
                    organisation_id=member_organisation.id,
                    role=role,
                    trajectory_id=trajectory.id,
                    since_date=_local(given),
                    until_date=until,
                ),
                given,
            )
        if rng.random() < profile.meeting:
            self.meeting(centre, trajectory, kid, team, days[2][1], days[3][1])
        evaluation = [day for status, day in days if status == S.EVALUATION][-1]
        self.add(
            TrajectoryNote(
                trajectory_id=trajectory.id,
                author_id=professional.id,
                kind=NoteKind.EVALUATION,
                visibility=NoteVisibility.TEAM_AND_GUARDIANS,
                text=CLOSING[outcome],
            ),
            self.afternoon(evaluation),
        )

    def meeting(
        self,
        centre: _Centre,
        trajectory: SupportTrajectory,
        kid: _Kid,
        team: list[tuple[Organisation, User, str]],
        started: date,
        evaluated: date,
    ) -> None:
        """A team meeting (MDO) led by the intern begeleider, while the support ran."""
        name = kid.record.given_name
        day = add_working_days(started, min(12, working_days(started, evaluated) // 2))
        participants = [self.names[centre.coordinator.id]]
        participants += [
            f"{self.names[member.id]} ({role})"
            for _, member, role in team
            if member.id != centre.coordinator.id
        ]
        participants.append(f"Ouder van {name}")
        self.add(
            TrajectoryNote(
                trajectory_id=trajectory.id,
                author_id=centre.coordinator.id,
                kind=NoteKind.TEAM_MEETING,
                visibility=NoteVisibility.TEAM,
                text=f"MDO over {name}: voortgang besproken met ouders, school en hulpverlening.",
                participants=participants,
                decisions=self.rng.choice(MEETING_DECISIONS),
            ),
            self.afternoon(day),
        )

    def team_consent(
        self,
        kid: _Kid,
        organisation: Organisation,
        guardian: uuid.UUID,
        given: datetime,
        until: date,
    ) -> None:
        """One care-team consent per child and organisation over the history, from the first
        support on until the last ended."""
        key = (kid.record.id, organisation.id)
        known = self.team_consents.get(key)
        if known is None:
            self.team_consents[key] = self.add(
                Consent(
                    child_id=kid.record.id,
                    organisation_id=organisation.id,
                    purpose=ConsentPurpose.CARE_TEAM,
                    trajectory_type=None,
                    given_by_id=guardian,
                    child_also_consented=False,
                    given_at=given,
                    valid_until=until,
                ),
                given,
            )
            return
        if given < known.given_at:
            known.given_at = known.created_at = given
        if known.valid_until is not None and until > known.valid_until:
            known.valid_until = until

    # -- signals --------------------------------------------------------------------------

    def signal(
        self,
        centre: _Centre,
        kid: _Kid,
        years_ago: int,
        category: SignalCategory,
        day: date,
        *,
        requested_type: TrajectoryType | None = None,
    ) -> Signal:
        rng = self.rng
        name = kid.record.given_name
        from_guardians = centre.integrated and rng.random() < 0.2
        signal: Signal = self.add(
            Signal(
                child_id=kid.record.id,
                author_id=self.guardian_of(kid)
                if from_guardians
                else centre.signaller(kid, years_ago),
                author_organisation_id=None
                if from_guardians
                else (self.cast.childcare.id if kid.grade == 0 else centre.school.id),
                category=category,
                description=(
                    rng.choice(PARENT_SIGNALS).format(name=name, worry=WORRIES[category])
                    if from_guardians
                    else rng.choice(SIGNALS[category]).format(name=name)
                ),
                from_guardians=from_guardians,
                requested_type=requested_type if from_guardians else None,
            ),
            self.afternoon(day),
        )
        self.signals.append(signal)
        return signal

    def loose_signal(
        self, centre: _Centre, years_ago: int, decision: SignalDecision, first: date, last: date
    ) -> None:
        """A signal that was watched, talked over with the parents, or needed nothing."""
        rng = self.rng
        pool = [kid for kid in centre.kids if kid.grade_in(years_ago) is not None]
        kid = rng.choice(pool)
        day = add_working_days(first, rng.randint(0, max(0, working_days(first, last) - 5)))
        signal = self.signal(centre, kid, years_ago, rng.choice(list(SignalCategory)), day)
        decided = add_working_days(day, rng.randint(1, 4))
        signal.decision = decision
        signal.decided_by_id = rng.choice([signal.author_id, centre.coordinator.id])
        if signal.decided_by_id in kid.guardian_ids:
            signal.decided_by_id = centre.coordinator.id
        signal.decided_at = signal.updated_at = self.morning(decided)
        if decision == SignalDecision.NO_ACTION or rng.random() < 0.7:
            signal.decision_reason = DECISION_REASONS[decision]
        if decision == SignalDecision.WATCH:
            signal.review_on = decided + timedelta(weeks=6)


def _local(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


def _before(day: date, count: int) -> date:
    """The working day `count` working days before `day`."""
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


async def seed_outcomes(
    session: AsyncSession, cast: OutcomesCast, *, today: date | None = None
) -> dict[str, int]:
    """Write the history and the comparison school into `session` (flushed, not committed)."""
    rng = random.Random(OUTCOMES_SEED)
    today = today or date.today()
    tenant_id = cast.tenant_id
    taken = {
        (child_id, kind)
        for child_id, kind in await session.execute(
            select(SupportTrajectory.child_id, SupportTrajectory.type).where(
                SupportTrajectory.tenant_id == tenant_id
            )
        )
    }
    names: dict[uuid.UUID, str] = {}
    setup: list[Any] = []  # the comparison school's rows, written before the history

    # -- IKC De Regenboog -----------------------------------------------------------------
    group_of = {group.id: group for group in cast.groups.values()}
    authority: dict[uuid.UUID, list[uuid.UUID]] = {}
    for guardian in cast.guardians:
        if guardian.has_parental_authority:
            authority.setdefault(guardian.child_id, []).append(guardian.user_id)
    demo_ids = {kid.id for kid in cast.demo_children}
    regenboog_kids = []
    for record in cast.children:
        group = group_of.get(record.group_id) if record.group_id else None
        if group is None or record.id in demo_ids or not authority.get(record.id):
            continue
        grade = (group.grade or 0) if group.kind == GroupKind.SCHOOL_CLASS else 0
        regenboog_kids.append(
            _Kid(
                record,
                grade,
                record.contact_person_id,
                list(authority[record.id]),
                baby=group.name.startswith("Baby"),
            )
        )
    for user in (cast.ib, cast.pm, cast.logopedist, cast.jeugdhulp, cast.welzijn):
        names[user.id] = user.display_name

    def regenboog_provider(kind: TrajectoryType, grade: int) -> tuple[Organisation, User]:
        if kind == OPVOED and (grade <= 1 or rng.random() < 0.3):
            return cast.childcare, cast.pm  # the pedagogisch coach of the childcare
        return {
            LOGO: (cast.care, cast.logopedist),
            JEUGD: (cast.care, cast.jeugdhulp),
            OPVOED: (cast.welfare, cast.welzijn),
            SMW: (cast.welfare, cast.welzijn),
            PASSEND: (cast.school, cast.ib),
        }[kind]

    def regenboog_second(
        kind: TrajectoryType, provider: Organisation, grade: int
    ) -> tuple[Organisation, User, str]:
        if kind == PASSEND:
            return rng.choice(
                [
                    (cast.care, cast.jeugdhulp, "jeugdhulpverlener"),
                    (cast.welfare, cast.welzijn, "schoolmaatschappelijk werker"),
                ]
            )
        if kind == OPVOED and provider.id == cast.childcare.id:
            return cast.welfare, cast.welzijn, "gezinscoach"
        if grade == 0:
            return cast.childcare, cast.pm, "pedagogisch medewerker"
        if kind == JEUGD and rng.random() < 0.4:
            return cast.welfare, cast.welzijn, "schoolmaatschappelijk werker"
        return cast.school, cast.ib, "intern begeleider"

    def regenboog_signaller(kid: _Kid, years_ago: int) -> uuid.UUID:
        grade = kid.grade_in(years_ago) or 0
        return cast.teachers[grade].id if grade else cast.pm.id

    regenboog = _Centre(
        "IKC De Regenboog",
        regenboog_kids,
        cast.school,
        cast.ib,
        regenboog_provider,
        regenboog_second,
        regenboog_signaller,
        integrated=True,
    )

    # -- Basisschool De Kompas, without integrated care -----------------------------------
    def add(row: Any) -> Any:
        row.id = uuid.uuid4()
        row.tenant_id = tenant_id
        setup.append(row)
        return row

    centre: ChildCentre = add(ChildCentre(name=KOMPAS_CENTRE, address="Kompasstraat 12, Huizen"))
    school: Organisation = add(Organisation(name=KOMPAS_SCHOOL, type=OrganisationType.SCHOOL))
    school.centre_links = [add(OrganisationCentre(organisation_id=school.id, centre_id=centre.id))]
    # Linked to no centre: the children are sent there.
    provider: Organisation = add(
        Organisation(name=OUTSIDE_PROVIDER, type=OrganisationType.CARE_PROVIDER)
    )
    provider.centre_links = []

    def staff(email: str, name: str, organisation: Organisation, role: Role) -> User:
        user: User = add(User(email=email, display_name=name, password_hash=cast.password_hash))
        add(Membership(user_id=user.id, organisation_id=organisation.id, role=role))
        names[user.id] = name
        return user

    staff("beheer@kompas.demo", "Koen Kompas", school, Role.CENTRE_ADMIN)
    kompas_ib = staff("ib@kompas.demo", "Ilse Bos (intern begeleider)", school, Role.STAFF)
    lower = staff("leerkracht.onderbouw@kompas.demo", "Karin Onderbouw", school, Role.STAFF)
    upper = staff("leerkracht.bovenbouw@kompas.demo", "Bert Bovenbouw", school, Role.STAFF)
    speech = staff("logopedie@jeugdzorggooi.demo", "Lieke Klank", provider, Role.CARE_PROFESSIONAL)
    youth = staff("jeugdhulp@jeugdzorggooi.demo", "Hans Hulp", provider, Role.CARE_PROFESSIONAL)
    add(CareCoordinator(centre_id=centre.id, user_id=kompas_ib.id))
    kompas_groups = {
        grade: add(
            Group(
                centre_id=centre.id,
                organisation_id=school.id,
                name=f"Groep {grade} Kompas",  # group names are listed tenant-wide
                kind=GroupKind.SCHOOL_CLASS,
                grade=grade,
            )
        )
        for grade in range(1, 9)
    }
    kompas_kids = []
    for grade in range(1, 9):
        teacher = lower if grade <= 4 else upper
        for _ in range(22 if grade % 2 else 23):
            contact = teacher if rng.random() < 0.6 else None
            pupil: Child = add(
                Child(
                    centre_id=centre.id,
                    group_id=kompas_groups[grade].id,
                    given_name=rng.choice(cast.given_names),
                    family_name=rng.choice(cast.family_names),
                    date_of_birth=cast.birth_date(rng, grade + 3),
                    contact_person_id=contact.id if contact else None,
                    contact_person_since=datetime.combine(cast.school_year_start, time(8), UTC)
                    if contact
                    else None,
                )
            )
            add(
                Placement(
                    child_id=pupil.id,
                    organisation_id=school.id,
                    kind=PlacementKind.SCHOOL,
                    start_date=cast.school_year_start - timedelta(days=365 * (grade - 1)),
                    end_date=None,
                    days=["monday", "tuesday", "wednesday", "thursday", "friday"],
                )
            )
            kompas_kids.append(_Kid(pupil, grade, pupil.contact_person_id, []))
    kompas_ids = {kid.record.id for kid in kompas_kids}
    # The comparison school's parents have no login: a password nobody knows.
    no_login = hash_password(secrets.token_urlsafe(32))
    parents = 0

    def guardian_of(kid: _Kid) -> uuid.UUID:
        nonlocal parents
        if kid.guardian_ids:
            return kid.guardian_ids[0]
        assert kid.record.id in kompas_ids
        parents += 1
        given = rng.choice(KOMPAS_GIVEN)
        user: User = add(
            User(
                email=f"ouder{parents:03d}@kompas.demo",
                display_name=f"{given} {kid.record.family_name}",
                password_hash=no_login,
            )
        )
        add(
            Guardian(
                child_id=kid.record.id,
                user_id=user.id,
                relation=GuardianRelation.PARENT,
                has_parental_authority=True,
            )
        )
        kid.guardian_ids.append(user.id)
        return user.id

    history = _History(rng, cast, today, taken=taken, names=names, guardian_of=guardian_of)

    def kompas_provider(kind: TrajectoryType, grade: int) -> tuple[Organisation, User]:
        if kind == PASSEND:
            return school, kompas_ib
        return provider, speech if kind == LOGO else youth

    def kompas_second(
        kind: TrajectoryType, organisation: Organisation, grade: int
    ) -> tuple[Organisation, User, str]:
        raise AssertionError("no care teams of two organisations at De Kompas")

    def kompas_signaller(kid: _Kid, years_ago: int) -> uuid.UUID:
        grade = kid.grade_in(years_ago) or 1
        return (lower if grade <= 4 else upper).id

    kompas = _Centre(
        KOMPAS_CENTRE,
        kompas_kids,
        school,
        kompas_ib,
        kompas_provider,
        kompas_second,
        kompas_signaller,
        integrated=False,
    )

    # -- the school years -----------------------------------------------------------------
    # The current year so far: in proportion to the working days it has had (none in its
    # first five weeks, all of it from about the end of October).
    elapsed = working_days(_school_year(today), today)
    scale = min(1.0, max(0.0, (elapsed - 25) / 60))
    for years_ago, profile in ((2, REGENBOOG_BEFORE), (1, REGENBOOG_AFTER)):
        history.year(regenboog, profile, years_ago, 1.0)
    history.year(regenboog, REGENBOOG_NOW, 0, scale)
    for years_ago, profile in zip((2, 1, 0), KOMPAS_YEARS, strict=True):
        history.year(kompas, profile, years_ago, 1.0 if years_ago else scale)

    # Parents first: the unit of work does not order tables without relationships.
    for level in (
        (ChildCentre, User),
        (Organisation,),  # with its link to the centre
        (OrganisationCentre, Membership, Group, CareCoordinator),
        (Child,),
        (Placement, Guardian),
    ):
        session.add_all([row for row in setup if isinstance(row, level)])
        await session.flush()
    for kinds in (
        (SupportTrajectory,),
        (Consent, Signal, TrajectoryTransition, CareTeamMember, TrajectoryNote),
    ):
        session.add_all([row for row in history.rows if isinstance(row, kinds)])
        await session.flush()
    return {
        "history_trajectories": len(history.trajectories),
        "history_signals": len(history.signals),
        "comparison_children": len(kompas_kids),
    }
