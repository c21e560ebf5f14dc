"""IKC De Regenboog: a Huizen-like demo centre with about 200 children. Deterministic."""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.passwords import hash_password
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian, GuardianRelation
from kindcentraal.config import Settings
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.db import Database, refresh_statistics
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.seed.activities_demo import BSO_GROUP, ActivitiesCast, seed_activities
from kindcentraal.seed.outcomes_demo import KOMPAS_CENTRE, OutcomesCast, seed_outcomes
from kindcentraal.seed.rooms_demo import RoomsCast, seed_rooms
from kindcentraal.seed.support_demo import SupportCast, seed_support
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

DEMO_PASSWORD = "Regenboog-demo-2026"  # noqa: S105 - public demo password, refused in production
DEMO_SEED = 2026
SCHOOL_YEAR_START = date(2026, 8, 24)
REFERENCE_DATE = date(2026, 10, 1)

GIVEN_NAMES = [
    "Emma",
    "Noah",
    "Julia",
    "Liam",
    "Mila",
    "Luca",
    "Sophie",
    "Sem",
    "Tess",
    "Daan",
    "Zoë",
    "Levi",
    "Nora",
    "Finn",
    "Sara",
    "Milan",
    "Yara",
    "Adam",
    "Lotte",
    "Mees",
    "Fleur",
    "Sam",
    "Evi",
    "Bram",
    "Lina",
    "Jesse",
    "Saar",
    "Thijs",
    "Nina",
    "Ravi",
    "Amira",
    "Youssef",
    "Fatima",
    "Mohammed",
    "Hiba",
    "Omar",
    "Ilse",
    "Jayden",
    "Noor",
    "Ties",
]
FAMILY_NAMES = [
    "de Vries",
    "Jansen",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "El Amrani",
    "Yilmaz",
    "Kaya",
    "Bouzid",
    "van Dam",
    "Kok",
    "Schouten",
    "Post",
    "Kuiper",
    "Veenstra",
]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]


class DemoRefused(Exception):
    """Demo data is never loaded in production, nor into a database that has data."""


@dataclass
class _Org:
    school: Organisation
    childcare: Organisation
    care: Organisation
    library: Organisation
    welfare: Organisation
    sport: Organisation
    municipality: Organisation


def _birth_date(rng: random.Random, age_on_reference: int) -> date:
    youngest = REFERENCE_DATE.replace(year=REFERENCE_DATE.year - age_on_reference - 1) + timedelta(
        days=1
    )
    return youngest + timedelta(days=rng.randrange(0, 365))


async def _user(
    session: AsyncSession, tenant: Tenant, password_hash: str, email: str, name: str
) -> User:
    user = User(tenant_id=tenant.id, email=email, display_name=name, password_hash=password_hash)
    session.add(user)
    await session.flush()
    return user


async def _member(
    session: AsyncSession, user: User, organisation: Organisation, role: Role
) -> None:
    session.add(
        Membership(
            tenant_id=user.tenant_id, user_id=user.id, organisation_id=organisation.id, role=role
        )
    )


async def seed(session: AsyncSession, *, history: bool = True) -> dict[str, int]:
    """Write the demo tenant into `session` (the caller commits).

    Without `history` the outcome reports' past school years and comparison school are left
    out: they take most of the seed's time, and only the reports and the demo's own tests
    read them.
    """
    rng = random.Random(DEMO_SEED)
    password_hash = hash_password(DEMO_PASSWORD)
    tenant = Tenant(name="Gemeente Huizen", slug="huizen")
    session.add(tenant)
    await session.flush()
    centre = ChildCentre(
        tenant_id=tenant.id, name="IKC De Regenboog", address="Regenbooglaan 1, Huizen"
    )
    session.add(centre)
    await session.flush()

    def org(name: str, kind: OrganisationType, in_centre: bool = True) -> Organisation:
        organisation = Organisation(tenant_id=tenant.id, name=name, type=kind)
        organisation.centre_links = (
            [OrganisationCentre(tenant_id=tenant.id, centre_id=centre.id)] if in_centre else []
        )
        session.add(organisation)
        return organisation

    orgs = _Org(
        school=org("Basisschool De Regenboog", OrganisationType.SCHOOL),
        childcare=org("Kinderopvang De Regenboog", OrganisationType.CHILDCARE),
        care=org("Zorgpartners Gooi (logopedie en jeugdhulp)", OrganisationType.CARE_PROVIDER),
        library=org("Bibliotheek Huizen", OrganisationType.LIBRARY),
        welfare=org("Welzijn Huizen", OrganisationType.WELFARE),
        sport=org("Sportvereniging Huizen", OrganisationType.SPORT),
        municipality=org("Gemeente Huizen", OrganisationType.MUNICIPALITY, in_centre=False),
    )
    await session.flush()

    async def staff(email: str, name: str, organisation: Organisation, role: Role) -> User:
        user = await _user(session, tenant, password_hash, email, name)
        await _member(session, user, organisation, role)
        return user

    await staff("beheer@regenboog.demo", "Bea Beheerder", orgs.school, Role.CENTRE_ADMIN)
    await staff("administratie@regenboog.demo", "Anton Administratie", orgs.school, Role.ORG_ADMIN)
    ib = await staff(
        "ib@regenboog.demo", "Ingrid Bakker (intern begeleider)", orgs.school, Role.STAFF
    )
    pm = await staff("pm@regenboog.demo", "Petra Mulder", orgs.childcare, Role.STAFF)
    await staff("opvang.beheer@regenboog.demo", "Olaf Opvang", orgs.childcare, Role.ORG_ADMIN)
    logopedist = await staff(
        "logopedist@regenboog.demo", "Lisa Logopedie", orgs.care, Role.CARE_PROFESSIONAL
    )
    jeugdhulp = await staff(
        "jeugdhulp@regenboog.demo", "Jamal Jeugdhulp", orgs.care, Role.CARE_PROFESSIONAL
    )
    librarian = await staff("bibliotheek@regenboog.demo", "Bart Boek", orgs.library, Role.STAFF)
    coach = await staff("sport@regenboog.demo", "Sam Sport", orgs.sport, Role.STAFF)
    welzijn = await staff("welzijn@regenboog.demo", "Wendy Welzijn", orgs.welfare, Role.STAFF)
    await staff(
        "gemeente@regenboog.demo", "Gerrit Gemeente", orgs.municipality, Role.MUNICIPALITY_ANALYST
    )

    teachers: dict[int, User] = {}
    for grade in range(1, 9):
        email = (
            "leerkracht@regenboog.demo" if grade == 5 else f"leerkracht.groep{grade}@regenboog.demo"
        )
        name = "Lotte Leerkracht" if grade == 5 else f"Leerkracht groep {grade}"
        teachers[grade] = await staff(email, name, orgs.school, Role.STAFF)
        teachers[grade].phone = f"035 526 40 {grade:02d}"  # fictional school numbers
    ib.phone = "035 526 40 10"
    pm.phone = "035 526 41 00"

    groups: dict[str, Group] = {}
    for grade in range(1, 9):
        groups[f"Groep {grade}"] = Group(
            tenant_id=tenant.id,
            centre_id=centre.id,
            organisation_id=orgs.school.id,
            name=f"Groep {grade}",
            kind=GroupKind.SCHOOL_CLASS,
            grade=grade,
        )
    for name in ("Baby's Maantje", "Peuters Zonnetje", BSO_GROUP):
        groups[name] = Group(
            tenant_id=tenant.id,
            centre_id=centre.id,
            organisation_id=orgs.childcare.id,
            name=name,
            kind=GroupKind.CHILDCARE_GROUP,
            grade=None,
        )
    session.add_all(groups.values())
    await session.flush()

    children: list[Child] = []
    placements: list[Placement] = []
    guardians: list[Guardian] = []
    parent_count = 0

    async def new_parent(family_name: str) -> User:
        nonlocal parent_count
        parent_count += 1
        given = rng.choice(
            ["Anna", "Mark", "Sanne", "Kevin", "Iris", "Hassan", "Eva", "Tom", "Aisha", "Rob"]
        )
        return await _user(
            session,
            tenant,
            password_hash,
            f"ouder{parent_count:03d}@regenboog.demo",
            f"{given} {family_name}",
        )

    def child(group: Group, age: int, family_name: str, contact: User) -> Child:
        record = Child(
            tenant_id=tenant.id,
            centre_id=centre.id,
            group_id=group.id,
            given_name=rng.choice(GIVEN_NAMES),
            family_name=family_name,
            date_of_birth=_birth_date(rng, age),
            contact_person_id=contact.id,
            contact_person_since=None,
        )
        children.append(record)
        session.add(record)
        return record

    # The demo parent: parental authority over exactly two children, both at the school.
    demo_parent = await _user(
        session, tenant, password_hash, "ouder@regenboog.demo", "Olga de Ouder"
    )
    family = "de Ouder"
    # A second guardian of both children without parental authority (gezag): the parent app
    # shows them what the policy allows and says why the rest is not shown.
    second_guardian = await _user(
        session, tenant, password_hash, "ouder.zonder.gezag@regenboog.demo", "Sven de Ouder"
    )
    demo_children = []
    for grade in (3, 6):
        kid = child(groups[f"Groep {grade}"], grade + 3, family, ib)
        await session.flush()
        demo_children.append(kid)
        guardians.append(
            Guardian(
                tenant_id=tenant.id,
                child_id=kid.id,
                user_id=demo_parent.id,
                relation=GuardianRelation.PARENT,
                has_parental_authority=True,
            )
        )
        guardians.append(
            Guardian(
                tenant_id=tenant.id,
                child_id=kid.id,
                user_id=second_guardian.id,
                relation=GuardianRelation.OTHER,
                has_parental_authority=False,
            )
        )
    # Speech therapy inside the centre for the younger child, with the parent's consent;
    # youth care is on the older child's team but has no consent yet (so it sees nothing).
    session.add_all(
        [
            CareTeamMember(
                tenant_id=tenant.id,
                child_id=demo_children[0].id,
                user_id=logopedist.id,
                organisation_id=orgs.care.id,
                role="logopedist",
                since_date=SCHOOL_YEAR_START,
            ),
            Consent(
                tenant_id=tenant.id,
                child_id=demo_children[0].id,
                organisation_id=orgs.care.id,
                purpose=ConsentPurpose.CARE_TEAM,
                given_by_id=demo_parent.id,
                given_at=datetime(2026, 9, 1, 9, 0, tzinfo=UTC),
            ),
            CareTeamMember(
                tenant_id=tenant.id,
                child_id=demo_children[1].id,
                user_id=jeugdhulp.id,
                organisation_id=orgs.care.id,
                role="jeugdhulpverlener",
                since_date=SCHOOL_YEAR_START,
            ),
        ]
    )

    for grade in range(1, 9):
        for _ in range(22 if grade != 5 else 23):
            child(groups[f"Groep {grade}"], grade + 3, rng.choice(FAMILY_NAMES), teachers[grade])
    for _ in range(12):
        child(groups["Baby's Maantje"], rng.choice([0, 1]), rng.choice(FAMILY_NAMES), pm)
    for _ in range(14):
        child(groups["Peuters Zonnetje"], rng.choice([2, 3]), rng.choice(FAMILY_NAMES), pm)
    session.add_all(children)
    await session.flush()

    for record in children:
        group = next(g for g in groups.values() if g.id == record.group_id)
        if group.kind == GroupKind.SCHOOL_CLASS:
            placements.append(
                Placement(
                    tenant_id=tenant.id,
                    child_id=record.id,
                    organisation_id=orgs.school.id,
                    kind=PlacementKind.SCHOOL,
                    start_date=SCHOOL_YEAR_START - timedelta(days=365 * ((group.grade or 1) - 1)),
                    end_date=None,
                    days=list(WEEKDAYS),
                )
            )
            if rng.random() < 0.3:
                placements.append(
                    Placement(
                        tenant_id=tenant.id,
                        child_id=record.id,
                        organisation_id=orgs.childcare.id,
                        kind=PlacementKind.OUT_OF_SCHOOL_CARE,
                        group_id=groups[BSO_GROUP].id,
                        start_date=SCHOOL_YEAR_START,
                        end_date=None,
                        days=sorted(rng.sample(WEEKDAYS, 2), key=WEEKDAYS.index),
                    )
                )
        else:
            kind = (
                PlacementKind.DAYCARE if group.name.startswith("Baby") else PlacementKind.PRESCHOOL
            )
            placements.append(
                Placement(
                    tenant_id=tenant.id,
                    child_id=record.id,
                    organisation_id=orgs.childcare.id,
                    kind=kind,
                    start_date=SCHOOL_YEAR_START,
                    end_date=None,
                    days=sorted(rng.sample(WEEKDAYS, rng.choice([2, 3])), key=WEEKDAYS.index),
                )
            )
        if record.family_name != family:
            parent_a = await new_parent(record.family_name)
            guardians.append(
                Guardian(
                    tenant_id=tenant.id,
                    child_id=record.id,
                    user_id=parent_a.id,
                    relation=GuardianRelation.PARENT,
                    has_parental_authority=True,
                )
            )
            if rng.random() < 0.6:
                parent_b = await new_parent(record.family_name)
                guardians.append(
                    Guardian(
                        tenant_id=tenant.id,
                        child_id=record.id,
                        user_id=parent_b.id,
                        relation=GuardianRelation.PARENT,
                        has_parental_authority=rng.random() < 0.9,
                    )
                )
    # Each child has had its contact person since its first placement began: the outcome
    # reports' coverage holds over the history too.
    first_day: dict[object, date] = {}
    for placement in placements:
        known = first_day.get(placement.child_id)
        if known is None or placement.start_date < known:
            first_day[placement.child_id] = placement.start_date
    for record in children:
        began = min(first_day.get(record.id, SCHOOL_YEAR_START), REFERENCE_DATE)
        record.contact_person_since = datetime.combine(began, datetime.min.time(), UTC)
    session.add_all(placements)
    session.add_all(guardians)
    await session.flush()
    support_cast = SupportCast(
        tenant_id=tenant.id,
        centre_id=centre.id,
        school=orgs.school,
        childcare=orgs.childcare,
        care=orgs.care,
        welfare=orgs.welfare,
        ib=ib,
        pm=pm,
        logopedist=logopedist,
        jeugdhulp=jeugdhulp,
        welzijn=welzijn,
        teachers=teachers,
        demo_parent=demo_parent,
        demo_children=demo_children,
        children=children,
        groups=groups,
        guardians=guardians,
    )
    support = await seed_support(session, rng, support_cast)
    rooms = await seed_rooms(
        session,
        RoomsCast(
            tenant_id=tenant.id,
            centre=centre,
            school=orgs.school,
            childcare=orgs.childcare,
            care=orgs.care,
            library=orgs.library,
            welfare=orgs.welfare,
            sport=orgs.sport,
            teacher=teachers[5],
            pm=pm,
            logopedist=logopedist,
            librarian=librarian,
            welzijn=welzijn,
            coach=coach,
        ),
    )
    activities = await seed_activities(
        session,
        rng,
        ActivitiesCast(
            tenant_id=tenant.id,
            centre=centre,
            childcare=orgs.childcare,
            library=orgs.library,
            welfare=orgs.welfare,
            sport=orgs.sport,
            librarian=librarian,
            coach=coach,
            welzijn=welzijn,
            password_hash=password_hash,
            demo_parent=demo_parent,
            demo_children=demo_children,
            children=children,
            groups=groups,
            guardians=guardians,
            placements=placements,
        ),
    )
    outcomes: dict[str, int] = {}
    if history:
        outcomes = await seed_outcomes(
            session,
            OutcomesCast(
                **vars(support_cast),
                password_hash=password_hash,
                given_names=GIVEN_NAMES,
                family_names=FAMILY_NAMES,
                birth_date=_birth_date,
                school_year_start=SCHOOL_YEAR_START,
            ),
        )
    return {
        "children": len(children),
        "placements": len(placements),
        "guardians": len(guardians),
        **support,
        **rooms,
        **activities,
        **outcomes,
    }


async def load_demo(settings: Settings, *, history: bool = True) -> str:
    if settings.env == "production":
        raise DemoRefused("demo data is never loaded in production")
    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            if await session.scalar(select(func.count()).select_from(Tenant)):
                return "The database already has data; demo data not loaded."
            counts = await seed(session, history=history)
        async with database.sessionmaker() as session, session.begin():
            await refresh_statistics(session)
        loaded = (
            f"Demo data loaded: IKC De Regenboog with {counts['children']} children, "
            f"{counts['placements']} placements, {counts['guardians']} guardian links, "
            f"{counts['trajectories']} support trajectories, {counts['rooms']} rooms with "
            f"{counts['bookings']} bookings"
        )
        if not history:
            return loaded + "."
        return (
            f"{loaded}; {counts['history_trajectories']} closed trajectories over two school "
            f"years and this one so far, and {KOMPAS_CENTRE} with "
            f"{counts['comparison_children']} children for comparison."
        )
    finally:
        await database.dispose()
