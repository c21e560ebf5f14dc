"""Support inside IKC De Regenboog for the demo: signals, trajectories and the work on them.

About fifty trajectories over the last two school years (requests spread over ~22 months before
today), in every status and of five types, each with its transitions along the status flow
(requested -> intake -> active -> evaluation -> active | closed; cancelled from any open state)
and the timestamps `support.service.transition` sets. Past `requested` every trajectory has
the guardians' trajectory consent for its type and provider; requests to a partner without
that consent are still `requested`. Waiting times are in working days against the tenant's
norms, a few past them (overdue).

The demo parent's younger child has an active speech-therapy trajectory with the demo speech
therapist; the older child has no support with the care provider (its youth-care team member
has no consent).

Deterministic: every choice comes from the demo's random generator, and dates are counted in
working days back from today, so the same data (relative to today) comes out each run. Rows
are added in one go; the caller flushes.
"""

import random
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child, Guardian
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.organisation.models import Organisation
from kindcentraal.seed.moments import Moments
from kindcentraal.support.models import (
    Attendance,
    CareCoordinator,
    GoalProgress,
    GoalStatus,
    NoteKind,
    NoteVisibility,
    ReferralDestination,
    SessionLocation,
    Signal,
    SignalCategory,
    SignalDecision,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryLocation,
    TrajectoryNorm,
    TrajectoryNote,
    TrajectoryOutcome,
    TrajectorySession,
    TrajectoryStatus,
    TrajectoryTransition,
)
from kindcentraal.support.waiting import AMSTERDAM, DEFAULT_NORMS, working_days
from kindcentraal.user.models import User

S = TrajectoryStatus
T = TrajectoryType
Outcome = TrajectoryOutcome

# The tenant's own norm for youth care (intake within 10, start within 25 working days).
CUSTOM_NORMS = {T.JEUGDHULP: (10, 25)}
NORMS = {**DEFAULT_NORMS, **CUSTOM_NORMS}
# About 22 months in working days: the oldest request of the demo.
OLDEST_REQUEST = 460


@dataclass
class SupportCast:
    """What the demo seed already made, that support builds on."""

    tenant_id: uuid.UUID
    centre_id: uuid.UUID
    school: Organisation
    childcare: Organisation
    care: Organisation
    welfare: Organisation
    ib: User
    pm: User
    logopedist: User
    jeugdhulp: User
    welzijn: User
    teachers: dict[int, User]
    demo_parent: User
    demo_children: list[Child]
    children: list[Child]
    groups: dict[str, Group]
    guardians: list[Guardian]


@dataclass(frozen=True)
class _Plan:
    """One trajectory to write: its type and the statuses it went through after `requested`."""

    type: TrajectoryType
    path: tuple[TrajectoryStatus, ...] = ()
    outcome: TrajectoryOutcome | None = None
    referral: ReferralDestination | None = None
    waited: int = 0  # requested and intake: working days since the request, today
    consent: bool = True  # requested: the guardians consented already
    coordinator: bool = True
    shares: bool = True  # an information_sharing consent: goals shared with the daily team
    same_child: bool = False  # a child that has open support of another type already
    withdrawn: bool = False  # cancelled because the guardians withdrew their consent

    @property
    def status(self) -> TrajectoryStatus:
        return self.path[-1] if self.path else S.REQUESTED


LOGO, OPVOED, JEUGD, PASSEND, SMW = (
    T.LOGOPEDIE,
    T.OPVOEDONDERSTEUNING,
    T.JEUGDHULP,
    T.PASSEND_ONDERWIJS,
    T.SCHOOLMAATSCHAPPELIJK_WERK,
)
INTAKE, ACTIVE, EVAL, CLOSE, CANCEL = S.INTAKE, S.ACTIVE, S.EVALUATION, S.CLOSED, S.CANCELLED

PLANS: tuple[_Plan, ...] = (
    # Requested: waiting for the guardians' consent or for the provider; three past the norm.
    _Plan(LOGO, waited=3, consent=False),
    _Plan(OPVOED, waited=14, consent=False),
    _Plan(JEUGD, waited=4),
    _Plan(PASSEND, waited=6),
    _Plan(SMW, waited=8, consent=False),
    _Plan(LOGO, waited=13),
    _Plan(OPVOED, waited=2, coordinator=False),
    _Plan(SMW, waited=1, consent=False, coordinator=False),
    # Intake: two past the norm for the start.
    _Plan(LOGO, (INTAKE,), waited=12),
    _Plan(JEUGD, (INTAKE,), waited=30),
    _Plan(PASSEND, (INTAKE,), waited=10),
    _Plan(OPVOED, (INTAKE,), waited=24),
    _Plan(SMW, (INTAKE,), waited=6, same_child=True),
    _Plan(LOGO, (INTAKE,), waited=8),
    # Active (the demo parent's child comes on top), some after an evaluation.
    _Plan(LOGO, (INTAKE, ACTIVE)),
    _Plan(LOGO, (INTAKE, ACTIVE), shares=False),
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL, ACTIVE)),
    _Plan(LOGO, (INTAKE, ACTIVE)),
    _Plan(JEUGD, (INTAKE, ACTIVE)),
    _Plan(JEUGD, (INTAKE, ACTIVE, EVAL, ACTIVE)),
    _Plan(JEUGD, (INTAKE, ACTIVE), same_child=True),
    _Plan(OPVOED, (INTAKE, ACTIVE)),
    _Plan(OPVOED, (INTAKE, ACTIVE, EVAL, ACTIVE), shares=False),
    _Plan(PASSEND, (INTAKE, ACTIVE)),
    _Plan(PASSEND, (INTAKE, ACTIVE)),
    _Plan(PASSEND, (INTAKE, ACTIVE, EVAL, ACTIVE), same_child=True),
    _Plan(SMW, (INTAKE, ACTIVE)),
    _Plan(SMW, (INTAKE, ACTIVE), shares=False),
    # Evaluation.
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL)),
    _Plan(JEUGD, (INTAKE, ACTIVE, EVAL)),
    _Plan(OPVOED, (INTAKE, ACTIVE, EVAL)),
    _Plan(PASSEND, (INTAKE, ACTIVE, EVAL, ACTIVE, EVAL)),
    _Plan(SMW, (INTAKE, ACTIVE, EVAL)),
    # Closed: goals reached, continued in the centre's own support, referred out, stopped.
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.GOALS_REACHED),
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL, ACTIVE, EVAL, CLOSE), Outcome.GOALS_REACHED),
    _Plan(OPVOED, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.GOALS_REACHED),
    _Plan(SMW, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.GOALS_REACHED),
    _Plan(PASSEND, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.GOALS_REACHED),
    _Plan(PASSEND, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.CONTINUED_IN_CENTRE),
    _Plan(JEUGD, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.CONTINUED_IN_CENTRE),
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.CONTINUED_IN_CENTRE),
    _Plan(OPVOED, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.CONTINUED_IN_CENTRE),
    _Plan(
        JEUGD,
        (INTAKE, ACTIVE, EVAL, CLOSE),
        Outcome.REFERRED_OUT,
        ReferralDestination.SPECIALISED_YOUTH_CARE,
    ),
    _Plan(
        PASSEND,
        (INTAKE, ACTIVE, EVAL, ACTIVE, EVAL, CLOSE),
        Outcome.REFERRED_OUT,
        ReferralDestination.SPECIAL_EDUCATION,
    ),
    _Plan(LOGO, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.REFERRED_OUT, ReferralDestination.MEDICAL),
    _Plan(SMW, (INTAKE, ACTIVE, EVAL, CLOSE), Outcome.STOPPED_BY_FAMILY, shares=False),
    # Cancelled: before consent, during intake, and once when the consent was withdrawn.
    _Plan(OPVOED, (CANCEL,), consent=False),
    _Plan(JEUGD, (CANCEL,), consent=False),
    _Plan(LOGO, (INTAKE, CANCEL)),
    _Plan(PASSEND, (INTAKE, CANCEL), shares=False),
    _Plan(JEUGD, (INTAKE, ACTIVE, CANCEL), withdrawn=True),
)


@dataclass(frozen=True)
class _Kind:
    """How one type of support is given in the demo: by whom, where, for which children."""

    role: str
    location: tuple[TrajectoryLocation, ...]
    sessions: tuple[tuple[SessionLocation, str | None], ...]
    minutes: int
    every: int  # working days between sessions
    groups: tuple[str, ...]  # "baby", "peuter" or a grade
    categories: tuple[SignalCategory, ...]


KINDS: dict[TrajectoryType, _Kind] = {
    LOGO: _Kind(
        "logopedist",
        (TrajectoryLocation.IN_CENTRE,),
        ((SessionLocation.CENTRE_ROOM, "Spreekkamer 1"),),
        45,
        5,
        ("peuter", "1", "2", "3", "4"),
        (SignalCategory.LANGUAGE_SPEECH,),
    ),
    OPVOED: _Kind(
        "opvoedondersteuner",
        (TrajectoryLocation.AT_HOME,),
        ((SessionLocation.HOME, None), (SessionLocation.ONLINE, "Beeldbellen")),
        60,
        10,
        ("baby", "peuter", "1", "2", "3"),
        (SignalCategory.BEHAVIOUR, SignalCategory.HOME_SITUATION),
    ),
    JEUGD: _Kind(
        "jeugdhulpverlener",
        (TrajectoryLocation.AT_HOME, TrajectoryLocation.IN_CENTRE),
        ((SessionLocation.HOME, None), (SessionLocation.CENTRE_ROOM, "Spreekkamer 2")),
        60,
        10,
        ("2", "3", "4", "5", "6", "7", "8"),
        (SignalCategory.BEHAVIOUR, SignalCategory.HOME_SITUATION, SignalCategory.HEALTH),
    ),
    PASSEND: _Kind(
        "intern begeleider",
        (TrajectoryLocation.IN_CENTRE,),
        ((SessionLocation.CENTRE_ROOM, "RT-lokaal"),),
        45,
        5,
        ("3", "4", "5", "6", "7", "8"),
        (SignalCategory.LEARNING, SignalCategory.DEVELOPMENT),
    ),
    SMW: _Kind(
        "schoolmaatschappelijk werker",
        (TrajectoryLocation.IN_CENTRE,),
        ((SessionLocation.CENTRE_ROOM, "Spreekkamer 2"), (SessionLocation.ONLINE, "Beeldbellen")),
        45,
        10,
        ("3", "4", "5", "6", "7", "8"),
        (SignalCategory.HOME_SITUATION, SignalCategory.OTHER),
    ),
}

REASONS: dict[TrajectoryType, tuple[str, ...]] = {
    LOGO: (
        "{name} is in de kring moeilijk te verstaan en vervangt klanken (t voor k).",
        "{name} spreekt in korte zinnen en heeft een kleine woordenschat voor de leeftijd.",
        "{name} stottert sinds de zomer merkbaar meer, vooral in de kring.",
    ),
    OPVOED: (
        "Ouders van {name} vragen tips bij het slapengaan en driftbuien thuis.",
        "Ouders lopen vast in de ochtendroutine en het grenzen stellen; {name} is thuis vaak boos.",
        "Het gezin is net verhuisd; ouders willen steun bij structuur en rust thuis.",
    ),
    JEUGD: (
        "{name} is vaak angstig, wil 's ochtends niet naar school en klaagt over buikpijn.",
        "{name} heeft woede-uitbarstingen in de klas en op het plein; thuis speelt een scheiding.",
        "Zorgen over de thuissituatie van {name}; ouders staan open voor hulp.",
    ),
    PASSEND: (
        "{name} loopt achter met lezen; mogelijk dyslexie, een arrangement is gevraagd.",
        "{name} heeft meer uitdaging nodig: een ontwikkelingsvoorsprong bij rekenen.",
        "{name} kan zich moeilijk concentreren en komt niet tot werken; extra hulp gevraagd.",
    ),
    SMW: (
        "{name} wordt gepest en trekt zich terug; gesprekken met kind en ouders gewenst.",
        "Ouders van {name} hebben geldzorgen en vragen hulp bij regelingen.",
        "{name} heeft moeite met vriendschappen en komt vaak verdrietig binnen.",
    ),
}

# (goal, advice for the daily team or None when it is not for them)
GOALS: dict[TrajectoryType, tuple[tuple[str, str | None], ...]] = {
    LOGO: (
        (
            "{name} spreekt de k- en g-klank goed uit in korte zinnen.",
            "Herhaal een verkeerd uitgesproken woord goed, zonder {name} te verbeteren; "
            "laat in de kring eerst luisteren, dan nazeggen.",
        ),
        (
            "{name} vertelt in de kring in zinnen van vijf woorden.",
            "Geef {name} in de kring de tijd en stel open vragen.",
        ),
        ("Mondmotoriek: {name} doet dagelijks de blaas- en tongoefeningen.", None),
    ),
    OPVOED: (
        (
            "{name} gaat drie avonden per week zonder strijd naar bed.",
            "Een vast dagritme met picto's helpt {name} ook in de groep.",
        ),
        (
            "{name} laat een driftbui sneller zakken met een rustplek.",
            "Bied {name} bij boosheid de rusthoek aan en benoem het gevoel.",
        ),
        ("Ouders gebruiken een beloningskaart voor de ochtendroutine.", None),
    ),
    JEUGD: (
        (
            "{name} gaat vier van de vijf ochtenden zonder buikpijn naar school.",
            "Begroet {name} bij de deur en geef een vaste taak bij binnenkomst.",
        ),
        (
            "{name} herkent boze signalen en vraagt zelf om een time-out.",
            "Spreek een stil teken af waarmee {name} een time-out vraagt.",
        ),
        ("Ouders en hulpverlener bespreken elke zes weken de thuissituatie.", None),
    ),
    PASSEND: (
        (
            "{name} leest aan het eind van de periode op AVI-niveau E4.",
            "Dagelijks 15 minuten duolezen; geef {name} extra tijd bij toetsen.",
        ),
        (
            "{name} werkt 20 minuten zelfstandig met een takenkaart.",
            "Gebruik de takenkaart en een time-timer bij zelfstandig werken.",
        ),
        ("{name} werkt wekelijks in de plusgroep aan verrijkingsstof.", None),
    ),
    SMW: (
        (
            "{name} voelt zich veilig in de klas (eigen score 7 of hoger).",
            "Let op het plein op {name} en bespreek pestgedrag meteen.",
        ),
        (
            "{name} speelt in de pauze met ten minste één vast maatje.",
            "Help {name} in de pauze aansluiten bij een spel.",
        ),
        ("Ouders hebben de aanvraag voor het kindpakket ingediend.", None),
    ),
}

PROGRESS = (
    "Goede start: de oefeningen worden thuis gedaan.",
    "Vooruitgang zichtbaar, nog niet in elke situatie.",
    "Een paar weken gemist door ziekte; het schema is aangepast.",
    "Lukt nu vaker; we oefenen het in andere situaties.",
    "In de klas ook gezien: het gaat beter.",
)
INTAKE_NOTES = (
    "Intake met ouders: hulpvraag verhelderd, afspraken over frequentie en eerste doelen.",
    "Intakegesprek gehad. Ouders herkennen de zorgen van school; start na twee weken.",
    "Intake: observatie in de groep en gesprek met ouders. Plan volgt bij de start.",
)
GUARDIAN_NOTES = (
    "Fijne sessies gehad; {name} werkt goed mee. Wilt u thuis de oefeningen uit het schrift "
    "blijven doen?",
    "{name} doet enthousiast mee. Volgende keer nemen we de oefeningen samen met u door.",
    "Tussenstand: het gaat de goede kant op. Vragen? Spreek ons gerust aan bij het ophalen.",
)
EVALUATION_NOTES = (
    "Evaluatie met ouders en leerkracht: doelen besproken, de meeste op koers.",
    "Evaluatie: vooruitgang op alle doelen; afspraken voor de komende periode gemaakt.",
)
CLOSING = {
    Outcome.GOALS_REACHED: "Eindevaluatie: de doelen zijn behaald; de hulp stopt.",
    Outcome.CONTINUED_IN_CENTRE: "Eindevaluatie: de leerkracht zet de aanpak voort in de klas "
    "(basisondersteuning); de extra hulp stopt.",
    Outcome.REFERRED_OUT: "Eindevaluatie: de hulp binnen het kindcentrum is niet genoeg; "
    "samen met ouders besloten tot een verwijzing.",
    Outcome.STOPPED_BY_FAMILY: "Eindevaluatie: ouders stoppen de hulp, het gaat thuis beter; "
    "school blijft het volgen.",
}
REFERRALS = {
    ReferralDestination.SPECIALISED_YOUTH_CARE: "Zwaardere hulp nodig dan het kindcentrum "
    "biedt: via de huisarts verwezen naar specialistische jeugdhulp.",
    ReferralDestination.SPECIAL_EDUCATION: "Ondanks het arrangement te weinig ontwikkeling; "
    "toelaatbaarheidsverklaring aangevraagd voor speciaal basisonderwijs.",
    ReferralDestination.MEDICAL: "Gehoorverlies vermoed: verwezen naar het audiologisch centrum.",
}
CANCEL_NOTES = (
    "Ouders zien af van de hulp; zij zoeken zelf een oplossing.",
    "Het gezin verhuist; de hulp stopt hier en wordt daar opnieuw aangevraagd.",
    "Ouders hebben hun toestemming ingetrokken; de hulp stopt.",
)
SIGNALS: dict[SignalCategory, tuple[str, ...]] = {
    SignalCategory.LANGUAGE_SPEECH: (
        "{name} is in de kring moeilijk te verstaan; andere kinderen vragen vaak 'wat zeg je?'.",
        "{name} praat weinig en gebruikt vooral losse woorden.",
    ),
    SignalCategory.BEHAVIOUR: (
        "{name} is de laatste weken snel boos en duwt andere kinderen.",
        "{name} kan moeilijk wachten en verstoort de groep vaak.",
    ),
    SignalCategory.DEVELOPMENT: (
        "{name} loopt achter met de motoriek: knippen en tekenen gaan moeizaam.",
        "{name} speelt weinig met andere kinderen en lijkt achter in de ontwikkeling.",
    ),
    SignalCategory.HOME_SITUATION: (
        "{name} vertelt dat het thuis onrustig is en komt vaak moe en zonder ontbijt binnen.",
        "Sinds de scheiding van de ouders is {name} erg stil.",
    ),
    SignalCategory.HEALTH: (
        "{name} klaagt vaak over buikpijn en verzuimt regelmatig.",
        "{name} lijkt slecht te horen; reageert niet als je achter hem of haar staat.",
    ),
    SignalCategory.LEARNING: (
        "{name} blijft achter met lezen, ondanks extra instructie.",
        "{name} is snel klaar en verveelt zich bij rekenen.",
    ),
    SignalCategory.OTHER: (
        "{name} trekt zich terug in de groep en wordt buitengesloten.",
        "{name} is vaak verdrietig zonder dat duidelijk is waarom.",
    ),
}
PARENT_SIGNALS = (
    "Wij merken thuis dat {name} {worry}. Kunnen jullie meekijken?",
    "Wij maken ons zorgen: {name} {worry}. Graag hulp.",
)
WORRIES: dict[SignalCategory, str] = {
    SignalCategory.LANGUAGE_SPEECH: "moeilijk te verstaan is voor anderen",
    SignalCategory.BEHAVIOUR: "veel driftbuien heeft",
    SignalCategory.DEVELOPMENT: "nog moeite heeft met aankleden en knippen",
    SignalCategory.HOME_SITUATION: "het moeilijk heeft sinds we uit elkaar zijn",
    SignalCategory.HEALTH: "vaak buikpijn heeft voor school",
    SignalCategory.LEARNING: "het lezen niet leuk meer vindt en achterloopt",
    SignalCategory.OTHER: "weinig vriendjes heeft",
}
DECISION_REASONS = {
    SignalDecision.WATCH: "We kijken het zes weken aan en bespreken het dan opnieuw.",
    SignalDecision.DISCUSSED_WITH_PARENTS: "Besproken met ouders; zij herkennen het en "
    "oefenen thuis. Geen extra hulp nodig.",
    SignalDecision.NO_ACTION: "Na observatie in de groep geen zorgen: past bij de leeftijd.",
}
# Weekly session slots (weekday, minutes after midnight, local time).
SLOTS = tuple(
    (weekday, minutes) for weekday in range(5) for minutes in (510, 570, 630, 690, 780, 840)
)


def add_working_days(day: date, count: int) -> date:
    """The day `count` working days after `day` (working_days(day, result) == count)."""
    while count > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def working_days_before(today: date, count: int) -> date:
    """The working day from which `today` lies `count` working days on."""
    day, counted = today, 0
    while True:
        if day.weekday() < 5:
            counted += 1
        day -= timedelta(days=1)
        if counted >= count and day.weekday() < 5:
            return day


@dataclass
class _Child:
    record: Child
    group: str  # "baby", "peuter" or the grade
    contact_id: uuid.UUID
    guardian_ids: list[uuid.UUID]  # with parental authority
    open_types: set[TrajectoryType] = field(default_factory=set)

    @property
    def grade(self) -> int:
        return int(self.group) if self.group.isdigit() else 0

    @property
    def in_childcare(self) -> bool:
        return not self.group.isdigit()


@dataclass
class _Made:
    plan: _Plan
    trajectory: SupportTrajectory
    child: _Child
    steps: list[tuple[TrajectoryStatus, datetime, uuid.UUID]]
    notes: list[TrajectoryNote] = field(default_factory=list)


def _in_centre_then(kid: _Child, days_ago: int) -> bool:
    """Was the child in the centre then? A year ago only from groep 3 on, a few months ago
    from groep 2 on: the younger ones came this school year."""
    if days_ago >= 200:
        return kid.grade >= 3
    if days_ago >= 60:
        return kid.grade >= 2
    return True


ConsentKey = tuple[uuid.UUID, uuid.UUID, ConsentPurpose, TrajectoryType | None]


class _Builder(Moments):
    def __init__(self, rng: random.Random, cast: SupportCast, today: date) -> None:
        self.rng = rng
        # How many sessions lie in the past depends on the weekday today falls on: their
        # attendance has a generator of its own, so every other choice is the same any day.
        self.attendance = random.Random(rng.getrandbits(64))
        self.cast = cast
        self.today = today
        self.rows: list[Any] = []
        self.made: list[_Made] = []
        self.signals: list[Signal] = []
        self.consents: dict[ConsentKey, Consent | None] = {}
        self.booked: set[tuple[uuid.UUID, datetime]] = set()
        self.slots: dict[uuid.UUID, list[tuple[int, int]]] = {}
        self.names = {
            user.id: user.display_name
            for user in [
                cast.ib,
                cast.pm,
                cast.logopedist,
                cast.jeugdhulp,
                cast.welzijn,
                *cast.teachers.values(),
            ]
        }
        self.providers: dict[TrajectoryType, tuple[Organisation, User]] = {
            LOGO: (cast.care, cast.logopedist),
            JEUGD: (cast.care, cast.jeugdhulp),
            OPVOED: (cast.welfare, cast.welzijn),
            SMW: (cast.welfare, cast.welzijn),
            PASSEND: (cast.school, cast.ib),
        }
        group_of = {group.id: group for group in cast.groups.values()}
        authority: dict[uuid.UUID, list[uuid.UUID]] = {}
        for guardian in cast.guardians:
            if guardian.has_parental_authority:
                authority.setdefault(guardian.child_id, []).append(guardian.user_id)
        self.children: dict[uuid.UUID, _Child] = {}
        for record in cast.children:
            group = group_of[record.group_id] if record.group_id else None
            if group is None or record.contact_person_id is None:
                continue
            label = (
                str(group.grade)
                if group.kind == GroupKind.SCHOOL_CLASS
                else ("baby" if group.name.startswith("Baby") else "peuter")
            )
            self.children[record.id] = _Child(
                record, label, record.contact_person_id, authority.get(record.id, [])
            )
        self.demo_ids = {kid.id for kid in cast.demo_children}
        # Everyone but the demo parent's children, who get their own story.
        self.others = [
            kid
            for kid in self.children.values()
            if kid.record.id not in self.demo_ids and kid.guardian_ids
        ]
        self.unused = list(self.others)

    # -- time -----------------------------------------------------------------------------

    def ago(self, count: int) -> date:
        return working_days_before(self.today, count)

    # -- rows -----------------------------------------------------------------------------

    def add(self, row: Any, moment: datetime, updated: datetime | None = None) -> Any:
        row.id = uuid.uuid4()
        row.tenant_id = self.cast.tenant_id
        row.created_at = moment
        row.updated_at = updated or moment
        self.rows.append(row)
        return row

    def consent(
        self,
        kid: _Child,
        organisation: Organisation,
        purpose: ConsentPurpose,
        moment: datetime,
        kind: TrajectoryType | None = None,
    ) -> Consent | None:
        """The first guardian's consent, once per child, organisation, purpose and type; one
        given later already is moved to this moment. None when it was there before."""
        key = (kid.record.id, organisation.id, purpose, kind)
        if key in self.consents:
            known = self.consents[key]
            if known is not None and known.given_at > moment:
                known.given_at = known.created_at = known.updated_at = moment
            return None
        consent: Consent = self.add(
            Consent(
                child_id=kid.record.id,
                organisation_id=organisation.id,
                purpose=purpose,
                trajectory_type=kind,
                given_by_id=kid.guardian_ids[0],
                child_also_consented=False,
                given_at=moment,
            ),
            moment,
        )
        self.consents[key] = consent
        return consent

    def notify(
        self,
        recipients: Sequence[uuid.UUID | None],
        kind: NotificationKind,
        moment: datetime,
        *,
        child_id: uuid.UUID,
        actor: uuid.UUID | None = None,
        trajectory_id: uuid.UUID | None = None,
        signal_id: uuid.UUID | None = None,
    ) -> None:
        """As the API does: one each, never to whoever caused it; read when a week old."""
        read = moment + timedelta(hours=20) if moment.date() < self.today - timedelta(7) else None
        for user_id in sorted({r for r in recipients if r and r != actor}, key=str):
            self.add(
                Notification(
                    user_id=user_id,
                    kind=kind,
                    child_id=child_id,
                    trajectory_id=trajectory_id,
                    signal_id=signal_id,
                    read_at=read,
                ),
                moment,
                read,
            )

    # -- children -------------------------------------------------------------------------

    def pick(self, plan: _Plan, days_ago: int) -> _Child:
        def fits(kid: _Child) -> bool:
            return kid.group in KINDS[plan.type].groups and _in_centre_then(kid, days_ago)

        if plan.same_child:
            pool = [
                kid
                for kid in self.others
                if kid.open_types and plan.type not in kid.open_types and fits(kid)
            ]
        else:
            pool = [kid for kid in self.unused if fits(kid)]
        kid = self.rng.choice(pool or self.unused)
        if kid in self.unused:
            self.unused.remove(kid)
        return kid

    # -- one trajectory -------------------------------------------------------------------

    def offsets(self, plan: _Plan) -> list[int]:
        """Working days from each step to the next, from the request on."""
        rng = self.rng
        norm_intake, norm_start = NORMS[plan.type]
        offsets = []
        previous = S.REQUESTED
        for status in plan.path:
            if status == S.INTAKE:
                # Mostly within the norm; now and then (long ago) past it.
                late = rng.random() < 0.2
                offsets.append(
                    rng.randint(norm_intake + 1, norm_intake + 8)
                    if late
                    else rng.randint(2, norm_intake)
                )
            elif status == S.ACTIVE:
                offsets.append(
                    rng.randint(2, max(3, norm_start - norm_intake))
                    if previous == S.INTAKE
                    else rng.randint(2, 6)
                )
            elif status == S.EVALUATION:
                offsets.append(rng.randint(25, 55))
            elif status == S.CLOSED:
                offsets.append(rng.randint(2, 8))
            else:
                offsets.append(
                    rng.randint(8, 25)
                    if previous == S.REQUESTED
                    else rng.randint(3, 10)
                    if previous == S.INTAKE
                    else rng.randint(10, 30)
                )
            previous = status
        return offsets

    def days_ago(self, plan: _Plan, offsets: list[int]) -> int:
        """How many working days ago the request was, so that the last step fits its status."""
        rng = self.rng
        total = sum(offsets)
        if plan.status == S.REQUESTED:
            return plan.waited
        if plan.status == S.INTAKE:
            offsets[0] = min(offsets[0], plan.waited - 1)
            return plan.waited
        if plan.status == S.ACTIVE:
            return total + rng.randint(5, 25 if len(plan.path) > 2 else 45)
        if plan.status == S.EVALUATION:
            return total + rng.randint(1, 7)
        return rng.randint(total + 3, OLDEST_REQUEST)

    def build(
        self,
        plan: _Plan,
        *,
        kid: _Child | None = None,
        days_ago: int | None = None,
        offsets: list[int] | None = None,
        signal_by: uuid.UUID | None = None,
    ) -> _Made:
        """A trajectory with its signal, transitions, consents and team (not yet its work)."""
        rng = self.rng
        offsets = offsets if offsets is not None else self.offsets(plan)
        if days_ago is None:
            days_ago = self.days_ago(plan, offsets)
        kid = kid or self.pick(plan, days_ago)
        organisation, professional = self.providers[plan.type]
        coordinator = professional.id if plan.coordinator else None
        kind = KINDS[plan.type]
        requested_day = self.ago(days_ago)
        requested_at = self.morning(requested_day)

        # Mostly from a signal, decided by the contact person or the intern begeleider;
        # otherwise requested by one of them directly.
        decider = rng.choice([kid.contact_id, self.cast.ib.id])
        signal: Signal | None = None
        if signal_by is not None or rng.random() < 0.7:
            signal = self.signal(
                kid,
                rng.choice(kind.categories),
                self.ago(days_ago + rng.randint(1, 6)),
                from_guardians=signal_by is None and plan.consent and rng.random() < 0.3,
                requested_type=plan.type,
                author=signal_by,
            )
            signal.decision = SignalDecision.SUPPORT_REQUESTED
            signal.decided_by_id = decider
            signal.decided_at = signal.updated_at = requested_at
        trajectory: SupportTrajectory = self.add(
            SupportTrajectory(
                child_id=kid.record.id,
                type=plan.type,
                organisation_id=organisation.id,
                coordinator_id=coordinator,
                requested_by_id=decider,
                reason=rng.choice(REASONS[plan.type]).format(name=kid.record.given_name),
                location=rng.choice(kind.location),
                status=S.REQUESTED,
                requested_at=requested_at,
            ),
            requested_at,
        )
        if signal is not None:
            signal.trajectory_id = trajectory.id

        # The steps, each a transition row, with the timestamps `transition()` sets.
        steps = [(S.REQUESTED, requested_at, decider)]
        day = requested_day
        for status, offset in zip(plan.path, offsets, strict=True):
            day = add_working_days(day, max(1, offset))
            actor = coordinator or decider
            if status == S.CANCELLED and steps[-1][0] == S.REQUESTED:
                actor = decider
            steps.append((status, self.morning(day), actor))
        previous: TrajectoryStatus | None = None
        for status, moment, actor in steps:
            self.add(
                TrajectoryTransition(
                    trajectory_id=trajectory.id,
                    from_status=previous,
                    to_status=status,
                    at=moment,
                    by_user_id=actor,
                ),
                moment,
            )
            trajectory.status = status
            if status == S.INTAKE:
                trajectory.intake_at = moment
            if status == S.ACTIVE and trajectory.started_at is None:
                trajectory.started_at = moment
            if status in (S.CLOSED, S.CANCELLED):
                trajectory.closed_at = moment
            previous = status
        trajectory.updated_at = steps[-1][1]
        if trajectory.status == S.CLOSED:
            trajectory.outcome = plan.outcome
            if plan.referral is not None:
                trajectory.referral_destination = plan.referral
                trajectory.referral_reason = REFERRALS[plan.referral]
        else:
            assert plan.outcome is None
        if trajectory.status not in (S.CLOSED, S.CANCELLED):
            kid.open_types.add(plan.type)
        made = _Made(plan, trajectory, kid, steps)
        self.made.append(made)
        self.consent_for(made, organisation, requested_day)

        if trajectory.status == S.REQUESTED:
            self.notify(
                [coordinator],
                NotificationKind.STATUS_CHANGED,
                requested_at,
                child_id=kid.record.id,
                actor=decider,
                trajectory_id=trajectory.id,
            )
        for _, moment, actor in steps[1:]:
            if moment.date() >= self.today - timedelta(days=21):
                self.notify(
                    [coordinator, kid.contact_id, self.cast.ib.id],
                    NotificationKind.STATUS_CHANGED,
                    moment,
                    child_id=kid.record.id,
                    actor=actor,
                    trajectory_id=trajectory.id,
                )
        return made

    def consent_for(self, made: _Made, organisation: Organisation, requested_day: date) -> None:
        """Past `requested` the guardians consented, in an evening between the request and
        the intake; a partner is then on the child's care team too, and with information
        sharing the daily team sees the goals shared with it."""
        plan, trajectory, kid = made.plan, made.trajectory, made.child
        if not plan.consent:
            assert trajectory.intake_at is None
            if trajectory.status == S.REQUESTED:
                self.notify(
                    kid.guardian_ids,
                    NotificationKind.CONSENT_NEEDED,
                    trajectory.requested_at,
                    child_id=kid.record.id,
                    trajectory_id=trajectory.id,
                )
            return
        window = (
            working_days(requested_day, trajectory.intake_at.astimezone(AMSTERDAM).date())
            if trajectory.intake_at is not None
            else plan.waited
        )
        given = self.evening(add_working_days(requested_day, self.rng.randint(0, window - 1)))
        given_now = [self.consent(kid, organisation, ConsentPurpose.TRAJECTORY, given, plan.type)]
        partner = organisation.id != self.cast.school.id
        if partner:
            given_now.append(self.consent(kid, organisation, ConsentPurpose.CARE_TEAM, given))
        coordinator = trajectory.coordinator_id
        if partner and coordinator is not None and kid.record.id not in self.demo_ids:
            # The partner's coordinator joins the trajectory's team once the guardians agree
            # (the child's file opens to a care-team member with a care_team consent).
            self.add(
                CareTeamMember(
                    child_id=kid.record.id,
                    user_id=coordinator,
                    organisation_id=organisation.id,
                    role=KINDS[plan.type].role,
                    trajectory_id=trajectory.id,
                    since_date=_local(given),
                    until_date=_local(trajectory.closed_at) if trajectory.closed_at else None,
                ),
                given,
            )
        if plan.shares and ACTIVE in plan.path:
            given_now.append(
                self.consent(kid, organisation, ConsentPurpose.INFORMATION_SHARING, given)
            )
        if plan.withdrawn:
            # The evening before the cancellation.
            withdrawn = made.steps[-1][1] - timedelta(hours=14)
            for consent in given_now:
                if consent is not None:
                    consent.withdrawn_at = consent.updated_at = withdrawn
                    consent.withdrawn_by_id = consent.given_by_id

    # -- the work on it -------------------------------------------------------------------

    def slot(self, professional: uuid.UUID) -> tuple[int, int]:
        """A weekly slot (weekday, minutes) of the professional's week."""
        free = self.slots.setdefault(professional, [])
        if not free:
            free.extend(SLOTS)
            self.rng.shuffle(free)
        return free.pop()

    def session(
        self,
        trajectory: SupportTrajectory,
        professional: uuid.UUID,
        day: date,
        minutes: int,
        length: int,
        place: tuple[SessionLocation, str | None],
        planned_at: datetime,
    ) -> None:
        starts = datetime.combine(day, time(minutes // 60, minutes % 60), AMSTERDAM)
        while (professional, starts) in self.booked:
            starts += timedelta(hours=1)
        self.booked.add((professional, starts))
        registered = planned_at
        if day >= self.today:
            attendance = Attendance.PLANNED
        else:
            attendance = self.attendance.choices(
                [Attendance.ATTENDED, Attendance.ABSENT, Attendance.CANCELLED], [17, 2, 1]
            )[0]
            registered = max(planned_at, starts.astimezone(UTC) + timedelta(minutes=length))
        self.add(
            TrajectorySession(
                trajectory_id=trajectory.id,
                professional_id=professional,
                starts_at=starts.astimezone(UTC),
                ends_at=(starts + timedelta(minutes=length)).astimezone(UTC),
                location=place[0],
                location_detail=place[1],
                attendance=attendance,
            ),
            planned_at,
            registered,
        )

    def note(
        self,
        made: _Made,
        author: uuid.UUID,
        moment: datetime,
        text: str,
        visibility: NoteVisibility = NoteVisibility.TEAM,
        kind: NoteKind = NoteKind.NOTE,
        *,
        participants: list[str] | None = None,
        decisions: str | None = None,
        replaces: TrajectoryNote | None = None,
    ) -> TrajectoryNote:
        note: TrajectoryNote = self.add(
            TrajectoryNote(
                trajectory_id=made.trajectory.id,
                author_id=author,
                kind=kind,
                visibility=visibility,
                text=text,
                participants=participants,
                decisions=decisions,
                replaces_id=replaces.id if replaces is not None else None,
            ),
            moment,
        )
        made.notes.append(note)
        if (
            visibility == NoteVisibility.TEAM_AND_GUARDIANS
            and moment.date() >= self.today - timedelta(days=30)
        ):
            self.notify(
                made.child.guardian_ids,
                NotificationKind.GUARDIAN_NOTE,
                moment,
                child_id=made.child.record.id,
                actor=author,
                trajectory_id=made.trajectory.id,
            )
        return note

    def spans(self, made: _Made) -> list[tuple[datetime, date, bool]]:
        """The active periods: from each `active` to the next step, or on past today."""
        spans = []
        for index, (status, moment, _) in enumerate(made.steps):
            if status != S.ACTIVE:
                continue
            if index + 1 < len(made.steps):
                spans.append((moment, _local(made.steps[index + 1][1]), False))
            else:
                spans.append((moment, self.today, True))
        return spans

    def work(self, made: _Made) -> None:
        """Intake, sessions, goals with progress, notes, meetings: all while it was open."""
        rng = self.rng
        plan, trajectory, kid, steps = made.plan, made.trajectory, made.child, made.steps
        kind = KINDS[plan.type]
        name = kid.record.given_name
        author = trajectory.coordinator_id or self.providers[plan.type][1].id
        place = rng.choice(kind.sessions)
        weekday, minutes = self.slot(author)
        if trajectory.intake_at is not None:
            intake_day = _local(trajectory.intake_at)
            self.session(
                trajectory,
                author,
                intake_day,
                rng.choice([780, 840]),
                60,
                place,
                trajectory.intake_at,
            )
            self.note(
                made, author, self.at(intake_day, 15 * 60 + 30, 17 * 60), rng.choice(INTAKE_NOTES)
            )
            if trajectory.status == S.INTAKE:
                first = add_working_days(self.today, rng.randint(2, 6))
                self.session(
                    trajectory, author, first, minutes, kind.minutes, place, trajectory.intake_at
                )
        spans = self.spans(made)
        goals = self.goals(made, author, spans) if spans else []
        for number, (started, end, last) in enumerate(spans):
            start = _local(started)
            length = working_days(start, end)
            every = kind.every if length <= 60 else kind.every * 2
            day = start + timedelta(days=1)
            while day.weekday() != weekday:
                day += timedelta(days=1)
            planned = 0
            while day < end or (last and planned < 2):
                planned += day >= self.today
                self.session(trajectory, author, day, minutes, kind.minutes, place, started)
                day = add_working_days(day, every)
            if number == 0 and length > 10 and rng.random() < 0.6:
                self.note(
                    made,
                    author,
                    self.afternoon(add_working_days(start, length // 2)),
                    rng.choice(GUARDIAN_NOTES).format(name=name),
                    NoteVisibility.TEAM_AND_GUARDIANS,
                )
            if (
                number == 0
                and plan.type in (JEUGD, PASSEND, SMW)
                and length > 15
                and rng.random() < 0.6
            ):
                self.meeting(made, add_working_days(start, 12), goals)
        if trajectory.status == S.EVALUATION:
            # The evaluation meeting with the parents, planned.
            self.session(
                trajectory,
                author,
                add_working_days(self.today, rng.randint(1, 5)),
                rng.choice([780, 840, 900]),
                60,
                place,
                steps[-1][1],
            )
        for index, (status, moment, actor) in enumerate(steps):
            if status == S.EVALUATION:
                following = steps[index + 1][0] if index + 1 < len(steps) else None
                self.note(
                    made,
                    author,
                    self.afternoon(_local(moment)),
                    CLOSING[plan.outcome]
                    if following == S.CLOSED and plan.outcome is not None
                    else rng.choice(EVALUATION_NOTES),
                    NoteVisibility.TEAM_AND_GUARDIANS,
                    NoteKind.EVALUATION,
                )
            if status == S.CANCELLED:
                text = CANCEL_NOTES[2] if plan.withdrawn else rng.choice(CANCEL_NOTES[:2])
                self.note(made, actor, moment - timedelta(minutes=30), text)

    def goals(
        self, made: _Made, author: uuid.UUID, spans: list[tuple[datetime, date, bool]]
    ) -> list[TrajectoryGoal]:
        """Two or three goals from the start, the first shared with the daily team when the
        guardians agreed to information sharing; progress entries along the way."""
        rng = self.rng
        plan, trajectory, kid = made.plan, made.trajectory, made.child
        name = kid.record.given_name
        count = rng.choice([2, 2, 3])
        created = spans[0][0] + timedelta(hours=3)
        goals = []
        for index, (text, advice) in enumerate(GOALS[plan.type][:count]):
            shared = plan.shares and advice is not None and (index == 0 or rng.random() < 0.4)
            status = GoalStatus.OPEN
            if trajectory.status == S.CLOSED:
                status = {
                    Outcome.GOALS_REACHED: GoalStatus.REACHED,
                    Outcome.CONTINUED_IN_CENTRE: rng.choice(
                        [GoalStatus.REACHED, GoalStatus.ADJUSTED]
                    ),
                    Outcome.REFERRED_OUT: GoalStatus.ADJUSTED if index == 0 else GoalStatus.DROPPED,
                }.get(plan.outcome or Outcome.OTHER, GoalStatus.DROPPED)
            elif trajectory.status == S.CANCELLED:
                status = GoalStatus.DROPPED
            elif len(spans) > 1 and index == count - 1:
                status = GoalStatus.ADJUSTED
            goal: TrajectoryGoal = self.add(
                TrajectoryGoal(
                    trajectory_id=trajectory.id,
                    text=text.format(name=name),
                    target_date=_local(created) + timedelta(weeks=rng.choice([10, 12, 16])),
                    status=status,
                    shared_with_daily_team=shared,
                    daily_team_advice=advice.format(name=name) if shared and advice else None,
                    created_by_id=author,
                ),
                created,
                trajectory.closed_at or created,
            )
            goals.append(goal)
            for started, end, _ in spans:
                start = _local(started)
                length = working_days(start, end)
                for part in (3, 1) if length > 20 else (2,):
                    day = add_working_days(start, max(1, length * part // 4))
                    skipped = rng.random() < 0.25
                    if skipped or day >= self.today:
                        continue
                    # The teacher or pedagogisch medewerker adds to a goal shared with them.
                    by_class = shared and kid.contact_id != author and rng.random() < 0.3
                    self.add(
                        GoalProgress(
                            goal_id=goal.id,
                            author_id=kid.contact_id if by_class else author,
                            text=PROGRESS[4] if by_class else rng.choice(PROGRESS[:4]),
                        ),
                        self.afternoon(day),
                    )
        return goals

    def meeting(self, made: _Made, day: date, goals: list[TrajectoryGoal]) -> None:
        """A team meeting (MDO) led by the intern begeleider, the guardians taking part."""
        trajectory, kid = made.trajectory, made.child
        name = kid.record.given_name
        daily = "pedagogisch medewerker" if kid.in_childcare else "leerkracht"
        participants = [
            f"{self.names[self.cast.ib.id]}",
            f"{self.names.get(kid.contact_id, 'Contactpersoon')} ({daily})",
            f"Ouder van {name}",
        ]
        if trajectory.coordinator_id not in (None, self.cast.ib.id):
            coordinator = self.names[trajectory.coordinator_id]
            participants.insert(2, f"{coordinator} ({KINDS[trajectory.type].role})")
        shared = any(goal.shared_with_daily_team for goal in goals)
        self.note(
            made,
            self.cast.ib.id,
            self.afternoon(day),
            f"MDO over {name}: voortgang besproken met ouders, school en hulpverlening.",
            NoteVisibility.TEAM_AND_GUARDIANS,
            NoteKind.TEAM_MEETING,
            participants=participants,
            decisions="De hulp loopt door tot de evaluatie. "
            + ("De klas zet het advies bij het gedeelde doel in. " if shared else "")
            + "Volgend MDO over zes weken.",
        )

    def correction(self) -> None:
        """One intake note corrected by its author the next day: both versions are kept."""
        made = next(
            m for m in self.made if m.plan.type == JEUGD and m.trajectory.status == S.ACTIVE
        )
        original = made.notes[0]
        self.note(
            made,
            original.author_id,
            self.afternoon(add_working_days(_local(original.created_at), 1)),
            original.text + " Correctie: de sessies zijn om de week, niet wekelijks.",
            replaces=original,
        )

    # -- the demo parent's children -------------------------------------------------------

    def showcase(self) -> None:
        """Speech therapy for the younger child, with the parent's consents: a goal shared
        with the class and one that is not, weekly sessions, a note for the parent and
        internal ones. The older child: only the parent's own question, not yet decided."""
        rng = self.rng
        cast = self.cast
        kid = self.children[cast.demo_children[0].id]
        name = kid.record.given_name
        # On the care team since the school year began, with the parent's consent (demo.py).
        self.consents[(kid.record.id, cast.care.id, ConsentPurpose.CARE_TEAM, None)] = None
        made = self.build(
            _Plan(LOGO, (INTAKE, ACTIVE)),
            kid=kid,
            days_ago=40,
            offsets=[6, 3],
            signal_by=cast.teachers[int(kid.group)].id if kid.grade else None,
        )
        trajectory = made.trajectory
        therapist = cast.logopedist.id
        assert trajectory.coordinator_id == therapist
        assert trajectory.intake_at is not None and trajectory.started_at is not None
        place = (SessionLocation.CENTRE_ROOM, "Spreekkamer 1")
        intake_day = _local(trajectory.intake_at)
        self.session(trajectory, therapist, intake_day, 840, 60, place, trajectory.intake_at)
        self.note(
            made,
            therapist,
            self.at(intake_day, 15 * 60 + 30, 16 * 60 + 30),
            f"Intake met moeder: {name} vervangt de k door een t en praat in korte zinnen. "
            "Intern: eerst een gehoortest bij de JGZ aanvragen.",
        )
        start = _local(trajectory.started_at)
        goals = [
            (
                f"{name} spreekt de k- en g-klank goed uit in korte zinnen.",
                f"Laat {name} in de kring eerst luisteren en dan nazeggen; herhaal een "
                "verkeerd uitgesproken woord goed, zonder te verbeteren.",
            ),
            (f"Mondmotoriek: {name} doet dagelijks de blaas- en tongoefeningen.", None),
        ]
        for number, (text, advice) in enumerate(goals):
            goal = self.add(
                TrajectoryGoal(
                    trajectory_id=trajectory.id,
                    text=text,
                    target_date=start + timedelta(weeks=12),
                    status=GoalStatus.OPEN,
                    shared_with_daily_team=advice is not None,
                    daily_team_advice=advice,
                    created_by_id=therapist,
                ),
                trajectory.started_at + timedelta(hours=2, minutes=number),
            )
            for count, progress in ((8, PROGRESS[0]), (22, PROGRESS[3])):
                self.add(
                    GoalProgress(goal_id=goal.id, author_id=therapist, text=progress),
                    self.afternoon(add_working_days(start, count)),
                )
        day = start + timedelta(days=1)
        while day.weekday() != 1:  # Tuesdays at ten
            day += timedelta(days=1)
        planned = 0
        while planned < 2:
            planned += day >= self.today
            self.session(trajectory, therapist, day, 600, 45, place, trajectory.started_at)
            day += timedelta(weeks=1)
        self.note(
            made,
            therapist,
            self.afternoon(add_working_days(start, 12)),
            "Gehoortest bij de JGZ: geen bijzonderheden. We oefenen door; thuis lukt het "
            "oefenen nog niet elke dag.",
        )
        self.note(
            made,
            therapist,
            self.afternoon(self.ago(rng.randint(2, 4))),
            f"{name} werkt goed mee en durft in de kring vaker iets te vertellen. Wilt u thuis "
            "elke dag vijf minuten de k-woordjes uit het oefenschrift doen?",
            NoteVisibility.TEAM_AND_GUARDIANS,
        )
        older = self.children[cast.demo_children[1].id]
        signal = self.signal(
            older,
            SignalCategory.LEARNING,
            self.ago(2),
            from_guardians=True,
            author=cast.demo_parent.id,
        )
        self.notify(
            [older.contact_id, cast.ib.id],
            NotificationKind.SIGNAL_ASSIGNED,
            signal.created_at,
            child_id=older.record.id,
            actor=cast.demo_parent.id,
            signal_id=signal.id,
        )

    # -- signals --------------------------------------------------------------------------

    def signal(
        self,
        kid: _Child,
        category: SignalCategory,
        day: date,
        *,
        from_guardians: bool = False,
        requested_type: TrajectoryType | None = None,
        author: uuid.UUID | None = None,
    ) -> Signal:
        rng = self.rng
        name = kid.record.given_name
        if from_guardians:
            text = rng.choice(PARENT_SIGNALS).format(name=name, worry=WORRIES[category])
            organisation = None
        else:
            text = rng.choice(SIGNALS[category]).format(name=name)
            organisation = (self.cast.childcare if kid.in_childcare else self.cast.school).id
        signal: Signal = self.add(
            Signal(
                child_id=kid.record.id,
                author_id=author or (kid.guardian_ids[0] if from_guardians else kid.contact_id),
                author_organisation_id=organisation,
                category=category,
                description=text,
                from_guardians=from_guardians,
                requested_type=requested_type if from_guardians else None,
            ),
            self.afternoon(day),
        )
        self.signals.append(signal)
        return signal

    def loose_signals(self) -> None:
        """Signals that did not (or not yet) become support: open ones waiting for a decision,
        and ones watched, discussed with the parents, or needing nothing."""
        rng = self.rng
        guesses = {
            SignalCategory.LANGUAGE_SPEECH: LOGO,
            SignalCategory.BEHAVIOUR: OPVOED,
            SignalCategory.HOME_SITUATION: SMW,
            SignalCategory.LEARNING: PASSEND,
        }
        counts: list[tuple[SignalDecision | None, int]] = [
            (None, 8),
            (SignalDecision.WATCH, 5),
            (SignalDecision.DISCUSSED_WITH_PARENTS, 4),
            (SignalDecision.NO_ACTION, 3),
        ]
        for decision, count in counts:
            for number in range(count):
                days_ago = rng.randint(1, 9) if decision is None else rng.randint(8, 300)
                category = rng.choice(list(SignalCategory))
                pool = [kid for kid in self.others if _in_centre_then(kid, days_ago)]
                kid = rng.choice(pool)
                from_guardians = number % 3 == 1
                signal = self.signal(
                    kid,
                    category,
                    self.ago(days_ago),
                    from_guardians=from_guardians,
                    requested_type=guesses.get(category) if rng.random() < 0.5 else None,
                )
                if decision is None:
                    self.notify(
                        [kid.contact_id, self.cast.ib.id],
                        NotificationKind.SIGNAL_ASSIGNED,
                        signal.created_at,
                        child_id=kid.record.id,
                        actor=signal.author_id,
                        signal_id=signal.id,
                    )
                    continue
                decided_day = add_working_days(self.ago(days_ago), rng.randint(1, 4))
                signal.decision = decision
                signal.decided_by_id = rng.choice([kid.contact_id, self.cast.ib.id])
                signal.decided_at = signal.updated_at = self.morning(decided_day)
                if decision == SignalDecision.NO_ACTION or rng.random() < 0.7:
                    signal.decision_reason = DECISION_REASONS[decision]
                if decision == SignalDecision.WATCH:
                    signal.review_on = decided_day + timedelta(weeks=6)


WRITE_ORDER: tuple[tuple[type[Any], ...], ...] = (
    (CareCoordinator, TrajectoryNorm, Consent, SupportTrajectory),
    (Signal, TrajectoryTransition, CareTeamMember, TrajectoryGoal, TrajectorySession),
    (TrajectoryNote, GoalProgress, Notification),
)


def _local(moment: datetime) -> date:
    return moment.astimezone(AMSTERDAM).date()


async def seed_support(
    session: AsyncSession, rng: random.Random, cast: SupportCast, *, today: date | None = None
) -> dict[str, int]:
    """Write the centre's support into `session` (flushed, not committed)."""
    builder = _Builder(rng, cast, today or date.today())
    first = builder.morning(builder.ago(OLDEST_REQUEST + 10))
    builder.add(CareCoordinator(centre_id=cast.centre_id, user_id=cast.ib.id), first)
    for kind, (intake_days, start_days) in CUSTOM_NORMS.items():
        builder.add(
            TrajectoryNorm(type=kind, intake_within_days=intake_days, start_within_days=start_days),
            first,
        )
    builder.showcase()
    # Second trajectories of a child come last, when the first ones are there.
    for plan in sorted(PLANS, key=lambda plan: plan.same_child):
        builder.work(builder.build(plan))
    builder.correction()
    builder.loose_signals()
    # The models have no relationships between them, so the unit of work does not order
    # the tables: they are written parents first.
    for level in WRITE_ORDER:
        session.add_all([row for row in builder.rows if isinstance(row, level)])
        await session.flush()
    return {"trajectories": len(builder.made), "signals": len(builder.signals)}
