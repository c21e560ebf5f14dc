"""A municipality-sized dataset for benchmarks: the demo centre exactly as `seed demo` writes
it, 39 more centres, --children children in all and two school years of access log, sealed.

Deterministic for a given day (seeded random; only the access-log event ids are random, as
build_event makes them) and refused in production. Rows go in with COPY on PostgreSQL and with
large executemany batches on SQLite, all in one transaction; the access-log events are built
(and hashed) by audit.service.build_event in worker processes and sealed here, so the API's
sealer finds nothing to do.
"""

import asyncio
import json
import math
import multiprocessing
import os
import random
import struct
import time
import uuid
from bisect import bisect
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Uuid, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.types import TypeDecorator, TypeEngine

from kindcentraal.audit.models import AuditSeal
from kindcentraal.audit.service import (
    GENESIS_HASH,
    Actor,
    build_event,
    events_digest,
    seal_hash,
)
from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian, GuardianRelation
from kindcentraal.config import Settings
from kindcentraal.consent.models import Consent, ConsentPurpose
from kindcentraal.db import Database, refresh_statistics
from kindcentraal.group.models import GroupKind
from kindcentraal.models import Base
from kindcentraal.organisation.models import Membership, Organisation, OrganisationType, Role
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.placement.stays import stays_updates
from kindcentraal.seed import demo
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

CENTRES = 40
DEFAULT_CHILDREN = 100_000
DEFAULT_EVENTS = 2_000_000
MIN_CHILDREN = 1_000
EVENTS_PER_SEAL = 50_000
LOAD_SEED = 402_026
HISTORY_DAYS = 730  # two school years of access log, up to today
CARE_TEAM_SHARE = 0.10
LIST_EVENT_SHARE = 0.04
PAGE_SIZE = 25
POOL_THRESHOLD = 100_000  # fewer events are built in-process: no worker start-up cost


def _names(joined: str) -> list[str]:
    return joined.split("|")


CENTRE_NAMES = _names(
    "De Zonnebloem|Het Kompas|De Vlieger|De Wegwijzer|De Klimop|Het Baken|"
    "De Sterrenkijker|De Boomgaard|Het Palet|De Fontein|De Bolster|De Springplank|"
    "De Wereldwijzer|Het Anker|De Meander|De Zeearend|De Kameleon|De Lichtboei|"
    "De Tweemaster|De Vuurtoren|Het Mozaiek|De Toermalijn|De Eikenhof|De Linde|"
    "De Kastanje|De Wilgen|Het Startpunt|De Horizon|De Ontdekking|De Uitkijk|De Duinroos|"
    "De Bijenkorf|Het Kabouterbos|De Notenbalk|De Speelwei|De Zandloper|De Kraanvogel|"
    "De Brug|De Windroos"
)

STREETS = _names(
    "Zuiderzeelaan|Oostermeent|Havenstraat|Ceintuurbaan|Bestevaer|Stad en Lande|Holleblok|"
    "Huizermaatweg|Naarderstraat|Karel Doormanlaan|Gooierserf|Blaricummerweg"
)

CARE_ORGANISATIONS = [
    ("Logopediepraktijk Het Gooi", "logopedist"),
    ("Jeugdhulp Gooi en Vechtstreek", "jeugdhulpverlener"),
    ("Kinderfysiotherapie Huizen", "kinderfysiotherapeut"),
    ("GGZ Jeugd Eemland", "GGZ-behandelaar"),
    ("Schoolmaatschappelijk Werk Gooi", "schoolmaatschappelijk werker"),
    ("Ergotherapie Kind en Zorg", "ergotherapeut"),
    ("Samenwerkingsverband Passend Onderwijs Gooi", "orthopedagoog"),
    ("Opvoedpoli Huizen", "pedagoog"),
]
CARE_ORGANISATIONS_PER_CENTRE = 3
GROUP_THEMES = _names(
    "Maantje|Zonnetje|Sterretje|Wolkje|Regenboogje|Vlindertje|Lieveheersbeestje|Egeltje|"
    "Uiltje|Eekhoorntje|Vosje|Bijtje"
)

MORE_GIVEN_NAMES = _names(
    "Julia|Olivia|Lucas|Mats|Anna|Jens|Femke|Ruben|Lieke|Hugo|Isa|Siem|Roos|Max|Vera|Gijs|"
    "Elin|Stijn|Jasmijn|Boaz|Selin|Ayoub|Maryam|Ibrahim|Lara|Luuk|Charlotte|Olaf|Puck|"
    "Kaan"
)

MORE_FAMILY_NAMES = _names(
    "van Dijk|Janssen|de Jong|van der Meer|van der Linden|Verhoeven|Willems|Hoekstra|"
    "van Beek|Prins|Huisman|Blom|Koster|de Haan|Wijnands|van Vliet|Kramer|Timmermans|"
    "van der Heijden|Groen|Sanders|Gerritsen|Vermeulen|Lambert|Maas|Scholten|van Wijk|"
    "de Bruijn|Jacobs|Evers|van Doorn|Claassen|Koning|Wouters|van Rijn|Bosman|Hermans|"
    "Kuipers|Ouwehand|Steenbergen|Hofman|Mertens|van Os|Zwart|de Lange|Veldman|Brands|"
    "Pronk|Hoogendoorn|Molenaar|Ozturk|Demir|Benali|El Idrissi|Aydin|Nguyen|Pinas|Tjon|"
    "Santos|Kowalski"
)

ADULT_GIVEN_NAMES = _names(
    "Anna|Mark|Sanne|Kevin|Iris|Hassan|Eva|Tom|Aisha|Rob|Marieke|Jeroen|Linda|Sander|"
    "Esther|Dennis|Nadia|Bas|Karin|Mustafa|Ingrid|Wouter|Fatma|Erik|Yvonne|Rachid|Petra|"
    "Joost|Monique|Arjen"
)

FAMILY_SIZES = (1, 2, 3)
FAMILY_SIZE_WEIGHTS = (0.45, 0.40, 0.15)
# Reads of one child's file by relation: (resource, action, weight).
PROFESSIONAL_READS = (
    ("child", "read", 45),
    ("guardians", "list", 15),
    ("placements", "list", 8),
    ("contact-person", "read", 10),
    ("care-team", "list", 12),
    ("consents", "list", 10),
)
GUARDIAN_READS = (
    ("child", "read", 40),
    ("guardians", "list", 10),
    ("placements", "list", 10),
    ("care-team", "list", 10),
    ("consents", "list", 15),
    ("access-log", "list", 15),
)
GUARDIAN_WITHOUT_AUTHORITY_READS = (
    ("child", "read", 60),
    ("guardians", "list", 20),
    ("placements", "list", 20),
)
CONTACT_READS = (*PROFESSIONAL_READS, ("access-log", "list", 8))
CARE_READS = (
    ("child", "read", 35),
    ("care-team", "list", 25),
    ("consents", "list", 20),
    ("guardians", "list", 10),
    ("contact-person", "read", 10),
)
ALL_PARTS = ["child", "guardians", "placements", "contact-person", "care-team", "consents"]
PUBLIC_PARTS = ALL_PARTS[:4]
# Local hours (Europe/Amsterdam, winter time) at which the log is written, by weight.
HOUR_WEIGHTS = (0, 0, 0, 0, 0, 0, 1, 4, 12, 10, 8, 7, 9, 8, 7, 9, 8, 5, 3, 4, 5, 4, 2, 1)
DAY_US = 86_400_000_000
HOUR_US = 3_600_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
OPEN_END = date.max.toordinal()


def _columns(names: str) -> tuple[str, ...]:
    return tuple(names.split())


_STAMPED = "id tenant_id created_at updated_at "
_COLUMNS: dict[str, tuple[str, ...]] = {
    "child_centre": _columns(_STAMPED + "name address"),
    "organisation": _columns(_STAMPED + "name type"),
    "organisation_centre": _columns(_STAMPED + "organisation_id centre_id"),
    "user_account": _columns(_STAMPED + "email display_name password_hash is_active"),
    "membership": _columns(_STAMPED + "user_id organisation_id role"),
    "child_group": _columns(_STAMPED + "centre_id organisation_id name kind grade"),
    "child": _columns(
        _STAMPED + "centre_id group_id given_name family_name date_of_birth "
        "contact_person_id contact_person_since"
    ),
    "guardian": _columns(_STAMPED + "child_id user_id relation has_parental_authority"),
    "placement": _columns(_STAMPED + "child_id organisation_id kind start_date end_date days"),
    "care_team_member": _columns(
        _STAMPED + "child_id user_id organisation_id role since_date until_date"
    ),
    "consent": _columns(
        _STAMPED + "child_id organisation_id purpose given_by_id child_also_consented given_at "
        "withdrawn_at withdrawn_by_id"
    ),
    "audit_event": _columns(
        "id tenant_id occurred_at actor_user_id actor_organisation_id actor_role on_behalf_of "
        "child_ids resource action parts result basis origin_ip hash"
    ),
    "audit_event_child": _columns("event_id child_id tenant_id occurred_at"),
    "audit_seal": _columns(
        "id tenant_id number sealed_at event_count events_hash previous_hash hash"
    ),
    "audit_seal_event": _columns("event_id seal_id tenant_id ordinal"),
    "audit_seal_head": _columns("tenant_id number last_hash"),
}
# Insert order: every row's foreign keys point at rows written before it.
WORLD_TABLES = (
    "child_centre",
    "organisation",
    "organisation_centre",
    "user_account",
    "membership",
    "child_group",
    "child",
    "guardian",
    "placement",
    "care_team_member",
    "consent",
)
AUDIT_TABLES = ("audit_event", "audit_event_child", "audit_seal", "audit_seal_event")
COUNTED = (
    ("centres", ChildCentre),
    ("organisations", Organisation),
    ("users", User),
    ("memberships", Membership),
    ("children", Child),
    ("guardians", Guardian),
    ("placements", Placement),
    ("care-team members", CareTeamMember),
    ("consents", Consent),
)


class LoadRefused(Exception):
    """Benchmark data is never loaded in production, nor into a database that has data."""


@dataclass
class LoadSummary:
    counts: dict[str, int]
    seconds: float

    def text(self) -> str:
        width = max(len(name) for name in self.counts)
        lines = [f"  {name:<{width}}  {count:>11,}" for name, count in self.counts.items()]
        return "\n".join(
            ["Benchmark data loaded:", *lines, f"in {self.seconds:.1f} s (wall clock)."]
        )


def _quiet(_message: str) -> None:
    return None


async def load(
    settings: Settings,
    *,
    children: int = DEFAULT_CHILDREN,
    events: int = DEFAULT_EVENTS,
    events_per_seal: int = EVENTS_PER_SEAL,
    workers: int | None = None,
    progress: Callable[[str], None] = _quiet,
) -> LoadSummary:
    """Load the demo centre and 39 more into an empty database (the caller's; never production)."""
    if settings.env == "production":
        raise LoadRefused("benchmark data is never loaded in production")
    if children < MIN_CHILDREN:
        raise LoadRefused(f"--children must be at least {MIN_CHILDREN:,}")
    if events < 0 or events_per_seal < 1:
        raise LoadRefused("--events must not be negative")
    started = time.perf_counter()

    def step(message: str) -> None:
        progress(f"[{time.perf_counter() - started:6.1f} s] {message}")

    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            if await session.scalar(select(func.count()).select_from(Tenant)):
                raise LoadRefused(
                    "the database already has data; load benchmark data into an empty one"
                )
            counts = await demo.seed(session)
            step(f"demo centre IKC De Regenboog: {counts['children']} children")
            world = await _World.from_demo(session, seed=LOAD_SEED)
            if children < len(world.kids) + (CENTRES - 1):
                raise LoadRefused(f"--children must be at least {MIN_CHILDREN:,}")
            world.generate(children)
            step(
                f"generated {len(world.kids):,} children in {CENTRES} centres, "
                f"{len(world.rows['user_account']):,} more accounts"
            )
            sink = await _Sink.open(session)
            if workers is None:
                workers = 0 if events <= POOL_THRESHOLD else max(1, os.cpu_count() or 1)
            source = _EventSource(
                world.event_world(sink.dialect),
                events=events,
                per_seal=events_per_seal,
                workers=workers,
            )
            step(f"access log: {events:,} events in {len(source.jobs)} seals to build")
            source.start()
            try:
                async with sink.bulk_load(WORLD_TABLES + AUDIT_TABLES):
                    for table in WORLD_TABLES:
                        await sink.write(table, sink.encode(table, world.rows[table]))
                        world.rows[table] = []
                    step("centres, accounts, children, placements, care teams written")
                    written = await _write_access_log(sink, source, events=events, step=step)
                    bulk = time.perf_counter()
            finally:
                source.close()
            rebuilt = (
                "keys, indexes and foreign keys" if sink.dialect == "postgresql" else "indexes"
            )
            step(f"{rebuilt} rebuilt in {time.perf_counter() - bulk:.1f} s")
            step(f"the database took rows for {sink.seconds:.1f} s of it all")
            totals = {name: await _count(session, model) for name, model in COUNTED}
            totals["access-log events"] = written
            totals["seals"] = len(source.jobs)
        # The placements went in without the ORM: their children's stays by hand, in a
        # transaction of their own (inside the big one the pass crawled for minutes).
        async with database.sessionmaker() as session, session.begin():
            for statement in stays_updates():
                await session.execute(statement)
        step("children's stays worked out from their placements")
        await _tidy(database, sink.dialect)
        step("committed; statistics updated")
    finally:
        await database.dispose()
    return LoadSummary(counts=totals, seconds=time.perf_counter() - started)


async def _count(session: AsyncSession, model: Any) -> int:
    return int(await session.scalar(select(func.count()).select_from(model)) or 0)


async def _tidy(database: Database, dialect: str) -> None:
    """Fresh planner statistics and visibility maps, as after a day of autovacuum."""
    async with database.engine.connect() as conn:
        if dialect == "postgresql":
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("VACUUM (ANALYZE)")
        else:  # outside any transaction: give the disk back from the big one's WAL
            raw = (await conn.get_raw_connection()).driver_connection
            assert raw is not None
            await raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if dialect != "postgresql":
        # The demo data's ANALYZE described nearly empty tables: stale statistics made the
        # first runs on this dataset choose tenant-wide scans.
        async with database.sessionmaker() as session, session.begin():
            await refresh_statistics(session)


# --- The world: who works where, which child has which relations ----------------------------


@dataclass(slots=True)
class _Kid:
    """What the access log needs of a child: when the centre got to know it, and its relations."""

    id: uuid.UUID
    family_name: str
    since: int  # day ordinal of the first placement
    placements: list[tuple[uuid.UUID, int, int]] = field(default_factory=list)
    guardians: list[tuple[uuid.UUID, bool]] = field(default_factory=list)
    contact: uuid.UUID | None = None
    # (professional, organisation, consent id, first day, last day) while a consent is in force
    care: list[tuple[uuid.UUID, uuid.UUID, uuid.UUID, int, int]] = field(default_factory=list)


@dataclass
class _EventWorld:
    """Everything a worker process needs to write plausible access-log events."""

    seed: int
    dialect: str
    tenant_id: uuid.UUID
    # (id, since, placements, guardians, contact, care) of each _Kid: tuples travel fast
    kids: list[tuple[Any, ...]]
    staff: dict[uuid.UUID, list[tuple[uuid.UUID, str]]]
    roles: dict[tuple[uuid.UUID, uuid.UUID], str]
    org_kids: dict[uuid.UUID, list[int]]


@dataclass
class _Centre:
    id: uuid.UUID
    name: str
    slug: str
    care_orgs: list[int]


class _World:
    """The demo's rows as written, plus the generated centres as rows ready to bulk insert."""

    def __init__(self, seed: int, tenant_id: uuid.UUID, password_hash: str) -> None:
        self.rng = random.Random(seed)
        self.seed = seed
        self.tenant_id = tenant_id
        self.password_hash = password_hash
        self.today = date.today()
        self.stamp = datetime.combine(self.today, clock(0), UTC)
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in WORLD_TABLES}
        self.kids: list[_Kid] = []
        self.staff: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {}
        self.roles: dict[tuple[uuid.UUID, uuid.UUID], str] = {}
        self.current: dict[uuid.UUID, list[int]] = {}  # organisation -> kids placed there now
        self.given_names = list(dict.fromkeys(demo.GIVEN_NAMES + MORE_GIVEN_NAMES))
        self.family_names = list(dict.fromkeys(demo.FAMILY_NAMES + MORE_FAMILY_NAMES))
        self.parent_count = 0

    # -- the demo centre, read back as `seed demo` wrote it

    @classmethod
    async def from_demo(cls, session: AsyncSession, *, seed: int) -> "_World":
        tenant = (await session.scalars(select(Tenant))).one()
        # The demo's own hash of DEMO_PASSWORD: argon2 is slow on purpose, so it runs once.
        password_hash = await session.scalar(
            select(User.password_hash).where(User.email == "ouder@regenboog.demo")
        )
        assert password_hash is not None
        world = cls(seed, tenant.id, password_hash)
        for user_id, organisation_id, role in await session.execute(
            select(Membership.user_id, Membership.organisation_id, Membership.role)
        ):
            world._member(user_id, organisation_id, Role(role))
        kids: dict[uuid.UUID, _Kid] = {}
        for child in await session.scalars(select(Child).order_by(Child.family_name, Child.id)):
            kid = _Kid(child.id, child.family_name, OPEN_END, contact=child.contact_person_id)
            kids[child.id] = kid
            world.kids.append(kid)
        position = {kid.id: n for n, kid in enumerate(world.kids)}
        for p in await session.scalars(select(Placement).order_by(Placement.id)):
            world._place(position[p.child_id], p.organisation_id, p.start_date, p.end_date)
        for g in await session.scalars(select(Guardian).order_by(Guardian.id)):
            kids[g.child_id].guardians.append((g.user_id, g.has_parental_authority))
        consents = list(await session.scalars(select(Consent).order_by(Consent.id)))
        for member in await session.scalars(select(CareTeamMember).order_by(CareTeamMember.id)):
            for consent in consents:
                if (consent.child_id, consent.organisation_id) == (
                    member.child_id,
                    member.organisation_id,
                ) and consent.purpose == ConsentPurpose.CARE_TEAM:
                    kids[member.child_id].care.append(
                        _consented(
                            member.user_id,
                            member.organisation_id,
                            consent.id,
                            since=member.since_date,
                            until=member.until_date,
                            given=consent.given_at,
                            withdrawn=consent.withdrawn_at,
                        )
                    )
        return world

    def _member(self, user_id: uuid.UUID, organisation_id: uuid.UUID, role: Role) -> None:
        self.roles[(user_id, organisation_id)] = role.value
        if role in PLACEMENT_ACCESS_ROLES:
            self.staff.setdefault(organisation_id, []).append((user_id, role.value))

    def _place(self, position: int, organisation: uuid.UUID, start: date, end: date | None) -> None:
        kid = self.kids[position]
        kid.placements.append(
            (organisation, start.toordinal(), end.toordinal() if end else OPEN_END)
        )
        kid.since = min(kid.since, start.toordinal())
        if end is None or end >= self.today:
            self.current.setdefault(organisation, []).append(position)

    # -- generated rows

    def _id(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def _row(self, table: str, *values: Any) -> uuid.UUID:
        row_id = self._id()
        self.rows[table].append((row_id, self.tenant_id, self.stamp, self.stamp, *values))
        return row_id

    def _organisation(
        self, name: str, kind: OrganisationType, centres: Sequence[uuid.UUID]
    ) -> uuid.UUID:
        organisation = self._row("organisation", name, kind.value)
        for centre in centres:
            self._row("organisation_centre", organisation, centre)
        return organisation

    def _account(self, email: str, name: str) -> uuid.UUID:
        return self._row("user_account", email, name, self.password_hash, True)

    def _staff(
        self, email: str, organisation: uuid.UUID, role: Role, name: str | None = None
    ) -> uuid.UUID:
        display = (
            name or f"{self.rng.choice(ADULT_GIVEN_NAMES)} {self.rng.choice(self.family_names)}"
        )
        user = self._account(email, display)
        self._row("membership", user, organisation, role.value)
        self._member(user, organisation, role)
        return user

    def _group(
        self,
        centre: _Centre,
        organisation: uuid.UUID,
        name: str,
        kind: GroupKind,
        grade: int | None,
    ) -> uuid.UUID:
        return self._row("child_group", centre.id, organisation, name, kind.value, grade)

    def _birth(self, age: int) -> date:
        youngest = demo.REFERENCE_DATE.replace(year=demo.REFERENCE_DATE.year - age - 1) + timedelta(
            days=1
        )
        return youngest + timedelta(days=self.rng.randrange(365))

    def _days(self, low: int, high: int) -> list[str]:
        chosen = self.rng.sample(demo.WEEKDAYS, self.rng.randint(low, high))
        return sorted(chosen, key=demo.WEEKDAYS.index)

    def generate(self, children: int) -> None:
        """Add centres until there are CENTRES, and children until there are `children`."""
        rng = self.rng
        centres = []
        for index, name in enumerate(CENTRE_NAMES[: CENTRES - 1]):
            slug = name.lower().replace(" ", "-")
            street = STREETS[index % len(STREETS)]
            centre_id = self._row("child_centre", f"IKC {name}", f"{street} {index + 3}, Huizen")
            care = rng.sample(range(len(CARE_ORGANISATIONS)), CARE_ORGANISATIONS_PER_CENTRE)
            centres.append(_Centre(centre_id, name, slug, care))
        care_orgs = [
            self._organisation(
                name,
                OrganisationType.CARE_PROVIDER,
                [c.id for c in centres if index in c.care_orgs],
            )
            for index, (name, _) in enumerate(CARE_ORGANISATIONS)
        ]
        weights = [rng.uniform(0.7, 1.3) for _ in centres]
        sizes = _apportion(children - len(self.kids), weights)
        care_slots: list[tuple[_Kid, int]] = []  # (kid, index of a care organisation)
        for centre, size in zip(centres, sizes, strict=True):
            first = len(self.kids)
            self._centre(centre, size)
            for kid in self.kids[first:]:
                if rng.random() < CARE_TEAM_SHARE and kid.guardians:
                    k = rng.choices((1, 2, 3), (0.65, 0.25, 0.10))[0]
                    for org in rng.sample(centre.care_orgs, k):
                        care_slots.append((kid, org))
        self._care_teams(care_orgs, care_slots)

    def _centre(self, centre: _Centre, size: int) -> None:
        rng = self.rng
        domain = f"{centre.slug}.demo"
        school = self._organisation(
            f"Basisschool {centre.name}", OrganisationType.SCHOOL, [centre.id]
        )
        childcare = self._organisation(
            f"Kinderopvang {centre.name}", OrganisationType.CHILDCARE, [centre.id]
        )
        bso = (
            self._organisation(f"BSO {centre.name}", OrganisationType.CHILDCARE, [centre.id])
            if rng.random() < 0.5
            else childcare
        )
        ages = [rng.randrange(12) for _ in range(size)]
        births = [self._birth(age) for age in ages]
        by_grade: dict[int, list[int]] = {}
        babies, toddlers, preschool = [], [], []
        for i, age in enumerate(ages):
            if age >= 4:
                by_grade.setdefault(age - 3, []).append(i)
            elif age <= 1:
                babies.append(i)
            elif rng.random() < 0.6:
                toddlers.append(i)
            else:
                preschool.append(i)

        self._staff(f"directie@{domain}", school, Role.CENTRE_ADMIN)
        self._staff(f"administratie@{domain}", school, Role.ORG_ADMIN)
        pupils = sum(len(v) for v in by_grade.values())
        ibs = [
            self._staff(f"ib{n + 1}@{domain}", school, Role.STAFF)
            for n in range(max(1, round(pupils / 300)))
        ]
        for n in range(pupils // 150):
            self._staff(f"onderwijsassistent{n + 1}@{domain}", school, Role.STAFF)
        self._staff(f"opvang.beheer@{domain}", childcare, Role.ORG_ADMIN)
        if bso != childcare:
            self._staff(f"bso.beheer@{domain}", bso, Role.ORG_ADMIN)

        # Per child: (group, contact person, placements as (org, kind, start, end, days)).
        plan: dict[int, tuple[uuid.UUID, uuid.UUID, list[tuple[Any, ...]]]] = {}
        for grade in sorted(by_grade):
            members = by_grade[grade]
            classes = max(1, round(len(members) / rng.uniform(25, 30)))
            start = demo.SCHOOL_YEAR_START.replace(year=demo.SCHOOL_YEAR_START.year - grade + 1)
            for c in range(classes):
                letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[c] if classes > 1 else ""
                group = self._group(
                    centre, school, f"Groep {grade}{letter}", GroupKind.SCHOOL_CLASS, grade
                )
                teacher = self._staff(
                    f"leerkracht.{grade}{letter.lower()}@{domain}", school, Role.STAFF
                )
                for i in members[c::classes]:
                    contact = teacher if rng.random() < 0.95 else rng.choice(ibs)
                    placements: list[tuple[Any, ...]] = [
                        (school, PlacementKind.SCHOOL, start, None, list(demo.WEEKDAYS))
                    ]
                    if grade <= 4 and rng.random() < 0.4:
                        before = births[i] + timedelta(days=rng.randint(70, 400))
                        if before < start:
                            kind = rng.choice((PlacementKind.DAYCARE, PlacementKind.PRESCHOOL))
                            placements.append(
                                (
                                    childcare,
                                    kind,
                                    before,
                                    start - timedelta(days=1),
                                    self._days(2, 3),
                                )
                            )
                    if rng.random() < 0.3:
                        since = min(
                            start + timedelta(days=365 * rng.randrange(grade)),
                            demo.SCHOOL_YEAR_START,
                        )
                        placements.append(
                            (bso, PlacementKind.OUT_OF_SCHOOL_CARE, since, None, self._days(1, 3))
                        )
                    plan[i] = (group, contact, placements)
        bso_pupils = sum(
            1
            for _, _, ps in plan.values()
            if any(p[1] == PlacementKind.OUT_OF_SCHOOL_CARE for p in ps)
        )
        for n in range(math.ceil(bso_pupils / 20)):
            name = _themed("BSO", n)
            self._group(centre, bso, name, GroupKind.CHILDCARE_GROUP, None)
            self._staff(f"pm.bso{n + 1}@{domain}", bso, Role.STAFF)
        for label, members, kind, group_size in (
            ("Baby's", babies, PlacementKind.DAYCARE, 12),
            ("Peuters", toddlers, PlacementKind.DAYCARE, 16),
            ("Peuterspeelzaal", preschool, PlacementKind.PRESCHOOL, 16),
        ):
            count = math.ceil(len(members) / group_size)
            for n in range(count):
                group = self._group(
                    centre, childcare, _themed(label, n), GroupKind.CHILDCARE_GROUP, None
                )
                slug = label.lower().replace("'", "")
                pm = self._staff(f"pm.{slug}{n + 1}@{domain}", childcare, Role.STAFF)
                for i in members[n::count]:
                    if kind == PlacementKind.PRESCHOOL:
                        start = births[i] + timedelta(days=730 + rng.randrange(90))
                        days = self._days(2, 2)
                    else:
                        start = births[i] + timedelta(days=rng.randint(70, 140))
                        days = self._days(2, 3)
                    start = max(births[i], min(start, demo.REFERENCE_DATE))
                    plan[i] = (group, pm, [(childcare, kind, start, None, days)])

        order = list(range(size))
        rng.shuffle(order)
        while order:
            family_size = rng.choices(FAMILY_SIZES, FAMILY_SIZE_WEIGHTS)[0]
            siblings, order = order[:family_size], order[family_size:]
            family_name = rng.choice(self.family_names)
            parents = self._parents(family_name)
            for i in siblings:
                group, contact, placements = plan[i]
                self._child(centre, births[i], family_name, group, contact, placements, parents)

    def _parents(self, family_name: str) -> list[tuple[uuid.UUID, GuardianRelation, bool]]:
        rng = self.rng
        parents = []
        for n in range(1 if rng.random() < 0.2 else 2):
            self.parent_count += 1
            surname = family_name if n == 0 or rng.random() < 0.5 else rng.choice(self.family_names)
            user = self._account(
                f"ouder{self.parent_count:06d}@gezin.demo",
                f"{rng.choice(ADULT_GIVEN_NAMES)} {surname}",
            )
            relation = rng.choices(
                (
                    GuardianRelation.PARENT,
                    GuardianRelation.FOSTER_PARENT,
                    GuardianRelation.GUARDIAN,
                ),
                (0.97, 0.02, 0.01),
            )[0]
            parents.append((user, relation, n == 0 or rng.random() < 0.92))
        return parents

    def _child(
        self,
        centre: _Centre,
        birth: date,
        family_name: str,
        group: uuid.UUID,
        contact: uuid.UUID,
        placements: list[tuple[Any, ...]],
        parents: list[tuple[uuid.UUID, GuardianRelation, bool]],
    ) -> None:
        first_start = min(p[2] for p in placements)
        contact_since = min(datetime.combine(first_start, clock(8), UTC), self.stamp)
        child_id = self._row(
            "child",
            centre.id,
            group,
            self.rng.choice(self.given_names),
            family_name,
            birth,
            contact,
            contact_since,
        )
        kid = _Kid(child_id, family_name, OPEN_END, contact=contact)
        self.kids.append(kid)
        for organisation, kind, start, end, days in placements:
            self._row("placement", child_id, organisation, kind.value, start, end, days)
            self._place(len(self.kids) - 1, organisation, start, end)
        for user, relation, authority in parents:
            self._row("guardian", child_id, user, relation.value, authority)
            kid.guardians.append((user, authority))

    def _care_teams(self, care_orgs: list[uuid.UUID], slots: list[tuple[_Kid, int]]) -> None:
        rng = self.rng
        per_org = [0] * len(care_orgs)
        for _, org in slots:
            per_org[org] += 1
        professionals: list[list[uuid.UUID]] = []
        for index, ((name, specialty), organisation) in enumerate(
            zip(CARE_ORGANISATIONS, care_orgs, strict=True)
        ):
            domain = name.lower().replace(" ", "-") + ".demo"
            slug = specialty.lower().replace(" ", "-")
            professionals.append(
                [
                    self._staff(f"{slug}{n + 1}@{domain}", organisation, Role.CARE_PROFESSIONAL)
                    for n in range(max(2, math.ceil(per_org[index] / 40)))
                ]
            )
        history_start = self.today - timedelta(days=HISTORY_DAYS)
        for kid, org in slots:
            organisation = care_orgs[org]
            professional = rng.choice(professionals[org])
            earliest = max(kid.since, history_start.toordinal())
            latest = self.today.toordinal() - 7
            since = date.fromordinal(rng.randint(min(earliest, latest), latest))
            until = None
            if rng.random() < 0.1:
                ended = since + timedelta(days=rng.randint(60, 300))
                until = ended if ended < self.today else None
            self._row(
                "care_team_member",
                kid.id,
                professional,
                organisation,
                CARE_ORGANISATIONS[org][1],
                since,
                until,
            )
            authorised = [user for user, authority in kid.guardians if authority]
            if not authorised:
                continue
            given_by = authorised[0]
            given_at = datetime.combine(
                since - timedelta(days=rng.randrange(14)), clock(9, rng.randrange(60)), UTC
            )
            withdrawn_at = None
            if rng.random() < 0.12:
                withdrawn = given_at + timedelta(days=rng.randint(30, 400), hours=3)
                withdrawn_at = withdrawn if withdrawn < self.stamp else None
            consent_id = self._row(
                "consent",
                kid.id,
                organisation,
                ConsentPurpose.CARE_TEAM.value,
                given_by,
                False,
                given_at,
                withdrawn_at,
                given_by if withdrawn_at else None,
            )
            kid.care.append(
                _consented(
                    professional,
                    organisation,
                    consent_id,
                    since=since,
                    until=until,
                    given=given_at,
                    withdrawn=withdrawn_at,
                )
            )

    def event_world(self, dialect: str) -> _EventWorld:
        org_kids = {
            org: sorted(members, key=lambda n: (self.kids[n].family_name, str(self.kids[n].id)))
            for org, members in self.current.items()
        }
        return _EventWorld(
            seed=self.seed,
            dialect=dialect,
            tenant_id=self.tenant_id,
            kids=[(k.id, k.since, k.placements, k.guardians, k.contact, k.care) for k in self.kids],
            staff=self.staff,
            roles=self.roles,
            org_kids=org_kids,
        )


def _consented(
    user: uuid.UUID,
    organisation: uuid.UUID,
    consent: uuid.UUID,
    *,
    since: date,
    until: date | None,
    given: datetime,
    withdrawn: datetime | None,
) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID, int, int]:
    first = max(since.toordinal(), given.date().toordinal())
    last = min(
        until.toordinal() if until else OPEN_END,
        withdrawn.date().toordinal() - 1 if withdrawn else OPEN_END,
    )
    return (user, organisation, consent, first, last)


def _themed(label: str, n: int) -> str:
    theme = GROUP_THEMES[n % len(GROUP_THEMES)]
    round_ = n // len(GROUP_THEMES)
    return f"{label} {theme}" + (f" {round_ + 1}" if round_ else "")


def _apportion(total: int, weights: Sequence[float]) -> list[int]:
    """`total` split in proportion to `weights`, exactly (largest remainder)."""
    whole = sum(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for i in by_remainder[: total - sum(counts)]:
        counts[i] += 1
    return counts


# --- Encoding rows for the database's bulk path ---------------------------------------------


def _formatter(dialect: str, column_type: TypeEngine[Any]) -> Callable[[Any], Any] | None:
    """How one column's Python values are handed to the driver, or None for as they are:
    asyncpg's binary COPY takes UUIDs, dates and timestamps but JSON as text; SQLite gets
    SQLAlchemy's own storage format (hex UUIDs, 'YYYY-MM-DD HH:MM:SS.ffffff' UTC, 0/1)."""
    kind = column_type.impl if isinstance(column_type, TypeDecorator) else column_type
    if isinstance(kind, JSON):
        return json.dumps  # SQLAlchemy writes Python None as JSON null, not SQL NULL; so do we
    if dialect == "postgresql":
        return None
    if isinstance(kind, Uuid):
        return lambda v: None if v is None else v.hex
    if isinstance(kind, DateTime):
        return lambda v: (
            None if v is None else v.astimezone(UTC).isoformat(" ", "microseconds")[:26]
        )
    if isinstance(kind, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(kind, Boolean):
        return lambda v: None if v is None else int(v)
    return None


def encode_rows(dialect: str, table: str, rows: Iterable[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """Rows (tuples in _COLUMNS order) as the driver takes them."""
    columns = Base.metadata.tables[table].columns
    formats = [_formatter(dialect, columns[name].type) for name in _COLUMNS[table]]
    if all(f is None for f in formats):
        return [tuple(row) for row in rows]
    return [
        tuple([v if f is None else f(v) for f, v in zip(formats, row, strict=True)]) for row in rows
    ]


class _Sink:
    """Bulk writes on the session's own connection and transaction."""

    def __init__(self, session: AsyncSession, raw: Any, dialect: str) -> None:
        self.session = session
        self.raw = raw
        self.dialect = dialect
        self.seconds = 0.0  # spent waiting for the database to take rows

    @classmethod
    async def open(cls, session: AsyncSession) -> "_Sink":
        connection = await session.connection()
        raw = (await connection.get_raw_connection()).driver_connection
        assert raw is not None
        dialect = connection.dialect.name
        if dialect == "sqlite":
            # Room for the indexes in memory, so one long transaction does not spill pages.
            await raw.execute("PRAGMA cache_size=-2097152")
        return cls(session, raw, dialect)

    def encode(self, table: str, rows: Iterable[Sequence[Any]]) -> Any:
        return encode_rows(self.dialect, table, rows)

    async def write(self, table: str, payload: Any) -> None:
        if not payload:
            return
        started = time.perf_counter()
        columns = _COLUMNS[table]
        if self.dialect == "postgresql" and isinstance(payload, bytes):
            # Binary COPY made by a worker; a memoryview, as asyncpg takes bytes for a path.
            await self.raw.copy_to_table(
                table, source=memoryview(payload), columns=columns, format="binary"
            )
        elif self.dialect == "postgresql":
            await self.raw.copy_records_to_table(table, records=payload, columns=columns)
        else:
            marks = ", ".join("?" * len(columns))
            await self.raw.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",  # noqa: S608
                payload,
            )
        self.seconds += time.perf_counter() - started

    @asynccontextmanager
    async def bulk_load(self, tables: Sequence[str]) -> AsyncIterator[None]:
        """PostgreSQL: the tables' keys and indexes (and the foreign keys pointing at them)
        are dropped while loading and rebuilt after, in the same transaction: one sort per
        index and one join per foreign key instead of a lookup per row (the manual's
        "Populating a Database"). SQLite: the plain indexes likewise (keys stay: they cannot
        be dropped, and its foreign-key checks are cheap lookups)."""
        if self.dialect != "postgresql":
            every = await self.raw.execute_fetchall(
                "SELECT tbl_name, name, sql FROM sqlite_master "
                "WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"
            )
            rows = [(name, sql) for table, name, sql in every if table in tables]
            for name, _ in rows:
                await self.raw.execute(f'DROP INDEX "{name}"')
            yield
            for _, definition in rows:
                await self.raw.execute(definition)
            return
        execute = self.session.execute
        names = {"tables": list(tables)}
        keys = (
            await execute(
                text(
                    "SELECT conrelid::regclass::text, conname, contype, "
                    "pg_get_constraintdef(oid) FROM pg_constraint "
                    "WHERE contype IN ('p', 'u', 'f') AND (conrelid::regclass::text = ANY(:tables)"
                    " OR (contype = 'f' AND confrelid::regclass::text = ANY(:tables)))"
                    " ORDER BY contype = 'p', contype = 'u', 1, 2"  # foreign keys first, keys last
                ),
                names,
            )
        ).all()
        indexes = (
            await execute(
                text(
                    "SELECT tablename, indexname, indexdef FROM pg_indexes "
                    "WHERE schemaname = current_schema() AND tablename = ANY(:tables) "
                    "AND indexname NOT IN (SELECT conname FROM pg_constraint) ORDER BY 1, 2"
                ),
                names,
            )
        ).all()
        for table, name, _, _ in keys:
            await execute(text(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"'))
        for _, name, _ in indexes:
            await execute(text(f'DROP INDEX "{name}"'))
        yield
        await execute(text("SET LOCAL maintenance_work_mem = '512MB'"))
        await execute(text("SET LOCAL work_mem = '256MB'"))
        for table, name, _, definition in reversed(keys):  # p, u, then foreign keys
            await execute(text(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
        for _, _, definition in indexes:
            await execute(text(definition))


# --- The access log ------------------------------------------------------------------------


def _day_weight(day: date) -> float:
    if day.weekday() >= 5:
        return 0.15
    if (day.month, day.day) >= (7, 12) and (day.month, day.day) <= (8, 23):
        return 0.25  # summer holiday
    if (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 4):
        return 0.3
    return 1.0


def _event_times(rng: random.Random, count: int, first_day: date, days: int) -> list[int]:
    """`count` moments (microseconds since the epoch, sorted) over `days` days: school days
    and office hours (Dutch winter time) weigh most."""
    per_day = _apportion(count, [_day_weight(first_day + timedelta(days=d)) for d in range(days)])
    hours = range(24)
    cumulative = [sum(HOUR_WEIGHTS[: h + 1]) for h in hours]
    moments: list[int] = []
    for offset, n in enumerate(per_day):
        if not n:
            continue
        midnight = (first_day.toordinal() + offset - EPOCH_ORDINAL) * DAY_US - HOUR_US
        day = [
            midnight + hour * HOUR_US + rng.randrange(HOUR_US)
            for hour in rng.choices(hours, cum_weights=cumulative, k=n)
        ]
        day.sort()
        moments += day
    return moments


@dataclass(frozen=True)
class _ChunkJob:
    index: int
    seal_id: uuid.UUID
    moments: list[int]


@dataclass
class _Chunk:
    index: int
    count: int
    digest: str
    last: datetime
    events: Any
    children: Any
    seal_events: Any
    child_links: int


_WORKER: "_EventMaker | None" = None


def _start_worker(world: _EventWorld) -> None:
    global _WORKER  # a worker process holds one world, indexed once
    _WORKER = _EventMaker(world)


class _Picker:
    """Weighted choice among (resource, action, weight) triples, precomputed."""

    def __init__(self, options: Sequence[tuple[str, str, int]]) -> None:
        self.options = [(resource, action) for resource, action, _ in options]
        self.cumulative: list[int] = []
        total = 0
        for _, _, weight in options:
            total += weight
            self.cumulative.append(total)
        self.total = total

    def __call__(self, rng: random.Random) -> tuple[str, str]:
        return self.options[bisect(self.cumulative, rng.random() * self.total)]


_PROFESSIONAL = _Picker(PROFESSIONAL_READS)
_GUARDIAN = _Picker(GUARDIAN_READS)
_GUARDIAN_NO_AUTHORITY = _Picker(GUARDIAN_WITHOUT_AUTHORITY_READS)
_CONTACT = _Picker(CONTACT_READS)
_CARE = _Picker(CARE_READS)


@dataclass(slots=True)
class _Reader:
    """Someone who reads a child's file through one relation, ready for build_event."""

    actor: Actor
    basis: str
    picker: _Picker
    care_data: bool


@dataclass(slots=True)
class _Place:
    """An organisation that places children: who reads through it, and its children in list
    order (for pages of the children list)."""

    staff: list[_Reader]
    members: list[int]


@dataclass(slots=True)
class _Ready:
    """A child as the event maker uses it: its relations turned into readers once."""

    ids: tuple[uuid.UUID]
    since: int
    # (first day, last day, organisation, the contact person's reader if they work there)
    placements: list[tuple[int, int, _Place, _Reader | None]]
    guardians: list[tuple[_Reader, bool]]
    care: list[tuple[int, int, _Reader]]


class _EventMaker:
    """Plausible events: a child known to the centre at the time, read by someone with a
    relation then (placement, guardian, contact person, consented care-team member)."""

    def __init__(self, world: _EventWorld) -> None:
        self.w = world
        self.rng = random.Random(world.seed)  # each chunk sets its own
        tenant = world.tenant_id

        def actor(user: uuid.UUID, organisation: uuid.UUID | None, role: str) -> Actor:
            # Each user always comes from the same address.
            network = "203.0.113" if organisation is None else "198.51.100"
            if role == Role.CARE_PROFESSIONAL.value:
                network = "192.0.2"
            return Actor(
                tenant, user, organisation, role, origin_ip=f"{network}.{user.int % 254 + 1}"
            )

        self.places: dict[uuid.UUID, _Place] = {}
        for organisation, members in world.staff.items():
            readers = []
            for user, role in members:
                basis = f"placement:{organisation}"
                if role == Role.CENTRE_ADMIN.value:
                    basis += ",centre-admin"
                readers.append(_Reader(actor(user, organisation, role), basis, _PROFESSIONAL, True))
            self.places[organisation] = _Place(readers, world.org_kids.get(organisation, []))
        self.place_list = list(self.places.values())
        professional = Role.CARE_PROFESSIONAL.value
        guardians: dict[uuid.UUID, tuple[_Reader, _Reader]] = {}
        self.guardian_kids: dict[uuid.UUID, list[int]] = {}
        self.kids: list[_Ready] = []
        contacts: dict[tuple[uuid.UUID, uuid.UUID], _Reader | None] = {}
        for n, (kid_id, since, kid_placements, kid_guardians, kid_contact, kid_care) in enumerate(
            world.kids
        ):
            placements: list[tuple[int, int, _Place, _Reader | None]] = []
            for organisation, first, last in kid_placements:
                place = self.places.get(organisation)
                if place is None:
                    continue  # nobody reads through a placement at an organisation without staff
                contact = None
                if kid_contact is not None:
                    key = (kid_contact, organisation)
                    if key not in contacts:
                        contact_role = world.roles.get(key)
                        contacts[key] = (
                            None
                            if contact_role is None
                            else _Reader(
                                actor(kid_contact, organisation, contact_role),
                                f"contact-person,placement:{organisation}",
                                _CONTACT,
                                True,
                            )
                        )
                    contact = contacts[key]
                placements.append((first, last, place, contact))
            parents = []
            for user, authority in kid_guardians:
                if user not in guardians:
                    at_home = actor(user, None, "guardian")
                    guardians[user] = (
                        _Reader(at_home, "guardian", _GUARDIAN, True),
                        _Reader(
                            at_home, "guardian-without-authority", _GUARDIAN_NO_AUTHORITY, False
                        ),
                    )
                parents.append((guardians[user][0 if authority else 1], authority))
                self.guardian_kids.setdefault(user, []).append(n)
            care = [
                (first, last, _Reader(actor(user, org, professional), f"consent:{c}", _CARE, True))
                for user, org, c, first, last in kid_care
            ]
            self.kids.append(_Ready((kid_id,), since, placements, parents, care))

    def _pick(self, options: Sequence[Any]) -> Any:
        return options[int(self.rng.random() * len(options))]

    def _kid(self, day: int) -> _Ready | None:
        kids = self.kids
        for _ in range(8):
            kid = kids[int(self.rng.random() * len(kids))]
            if kid.since <= day:
                return kid
        return None

    def event(self, day: int) -> tuple[Any, ...] | None:
        """build_event's arguments (actor, resource, action, child ids, parts, result, basis)
        for an event on `day`, or None (nobody known to the centre yet)."""
        random = self.rng.random
        kid = self._kid(day)
        if kid is None:
            return None
        active = [p for p in kid.placements if p[0] <= day <= p[1]]
        if random() < LIST_EVENT_SHARE:
            return self._list(kid, active, day)
        r = random()
        if r < 0.002 and active:
            return self._denied(kid, active)
        if r < 0.42 and active:
            _, _, place, contact = self._pick(active)
            if contact is not None and random() < 0.6:
                return self._read(contact, kid)
            return self._read(self._pick(place.staff), kid)
        if r < 0.80 and kid.guardians:
            return self._guardian(kid)
        if r < 0.88:
            for _, _, _, contact in active:
                if contact is not None:
                    return self._read(contact, kid)
        care = [reader for first, last, reader in kid.care if first <= day <= last]
        if care:
            return self._read(self._pick(care), kid)
        if active:
            return self._read(self._pick(self._pick(active)[2].staff), kid)
        return self._guardian(kid) if kid.guardians else None

    def _read(self, reader: _Reader, kid: _Ready) -> tuple[Any, ...]:
        resource, action = reader.picker(self.rng)
        parts = None
        if resource == "child" and self.rng.random() < 0.5:
            parts = ALL_PARTS if reader.care_data else PUBLIC_PARTS
        basis = "relation filter" if resource == "placements" else reader.basis
        return (reader.actor, resource, action, kid.ids, parts, "allowed", basis)

    def _guardian(self, kid: _Ready) -> tuple[Any, ...]:
        reader, authority = self._pick(kid.guardians)
        if not authority and self.rng.random() < 0.02:
            # Tried the access log, which is for guardians with parental authority.
            return (reader.actor, "access-log", "list", kid.ids, None, "denied", reader.basis)
        return self._read(reader, kid)

    def _denied(self, kid: _Ready, active: list[Any]) -> tuple[Any, ...]:
        """Staff of another organisation open the child: a 404, logged as denied."""
        place = self._pick(self.place_list)
        reader = self._pick(place.staff)
        if any(place is p[2] for p in active):
            return self._read(reader, kid)
        return (reader.actor, "child", "read", kid.ids, None, "denied", "no relation")

    def _list(self, kid: _Ready, active: list[Any], day: int) -> tuple[Any, ...] | None:
        """A page of the children list: a staff member's page of their organisation's
        children, or a guardian's own children."""
        kids = self.kids
        if active and self.rng.random() < 0.8:
            place = self._pick(active)[2]
            members = place.members
            start = int(self.rng.random() * max(1, len(members) - PAGE_SIZE + 1))
            window = members[start : start + PAGE_SIZE]
            actor = self._pick(place.staff).actor
        elif kid.guardians:
            reader = self._pick(kid.guardians)[0]
            actor = reader.actor
            window = self.guardian_kids[actor.user_id] if actor.user_id else []
        else:
            return None
        page = [kids[n].ids[0] for n in window if kids[n].since <= day]
        if not page:
            return None
        return (actor, "child", "list", page, None, "allowed", "relation filter")


# PostgreSQL's binary COPY format: a header, per row a field count and length-prefixed
# fields (-1 for NULL), a trailer; timestamps count microseconds from 2000-01-01 UTC.
COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
COPY_TRAILER = struct.pack(">h", -1)
PG_EPOCH_US = 946_684_800_000_000
_NULL = struct.pack(">i", -1)
_LENGTH = struct.Struct(">i").pack
_EVENT_HEAD = struct.Struct(">hi16si16siq").pack  # 15 fields; id, tenant_id, occurred_at
_LINK = struct.Struct(">hi16si16si16siq").pack  # event_id, child_id, tenant_id, occurred_at
_SEAL_EVENT = struct.Struct(">hi16si16si16sii").pack  # event_id, seal_id, tenant_id, ordinal


class _AuditEncoder:
    """The three audit tables' rows straight in the bulk format: binary COPY on PostgreSQL,
    SQLAlchemy's storage format on SQLite. Every value is a UUID, a moment or one of our own
    plain ASCII strings."""

    def __init__(self, dialect: str, tenant_id: uuid.UUID, seal_id: uuid.UUID) -> None:
        self.pg = dialect == "postgresql"
        self.tenant_id = tenant_id
        self.seal_id = seal_id
        # The encoded who (actor) and what (resource ... basis) of events: a few hundred each.
        self.actors: dict[int, tuple[bytes, bytes]] = {}
        self.whats: dict[tuple[Any, ...], bytes] = {}
        self.strings: dict[uuid.UUID, str] = {}
        self.events: list[Any] = []
        self.children: list[Any] = []
        self.seal_events: list[Any] = []

    @staticmethod
    def _field(value: uuid.UUID | str | None) -> bytes:
        """A UUID, a string or None as one binary COPY field."""
        if value is None:
            return _NULL
        if isinstance(value, uuid.UUID):
            return _LENGTH(16) + value.bytes
        text = value.encode()
        return _LENGTH(len(text)) + text

    def _hex(self, value: uuid.UUID | None) -> str | None:
        if value is None:
            return None
        text = self.strings.get(value)
        if text is None:
            text = self.strings[value] = value.hex
        return text

    def add(
        self,
        ordinal: int,
        moment_us: int,
        event: dict[str, Any],
        links: list[Any],
        arguments: tuple[Any, ...],
    ) -> None:
        """One event in seal order, with its child index rows; `arguments` are build_event's
        (the same values as the event's, as shared objects: their encodings are cached)."""
        child_ids: list[str] = event["child_ids"]
        children = '["' + '", "'.join(child_ids) + '"]' if child_ids else "[]"
        if self.pg:
            actor, resource, action, _, parts, result, basis = arguments
            who = self.actors.get(id(actor))
            if who is None:
                who = self.actors[id(actor)] = (
                    b"".join(
                        self._field(v)
                        for v in (
                            actor.user_id,
                            actor.organisation_id,
                            actor.role,
                            actor.on_behalf_of,
                        )
                    ),
                    self._field(actor.origin_ip),
                )
            key = (resource, action, id(parts), result, basis)
            what = self.whats.get(key)
            if what is None:
                what = self.whats[key] = b"".join(
                    self._field(v) for v in (resource, action, json.dumps(parts), result, basis)
                )
            at = moment_us - PG_EPOCH_US
            event_id = event["id"].bytes
            tenant = self.tenant_id.bytes
            text = children.encode()
            self.events.append(
                b"".join(
                    (
                        _EVENT_HEAD(15, 16, event_id, 16, tenant, 8, at),
                        who[0],
                        _LENGTH(len(text)) + text,
                        what,
                        who[1],
                        _LENGTH(64) + event["hash"].encode(),
                    )
                )
            )
            for link in links:
                self.children.append(
                    _LINK(4, 16, event_id, 16, link["child_id"].bytes, 16, tenant, 8, at)
                )
            self.seal_events.append(
                _SEAL_EVENT(4, 16, event_id, 16, self.seal_id.bytes, 16, tenant, 4, ordinal)
            )
            return
        parts = "null" if event["parts"] is None else json.dumps(event["parts"])
        at_text = event["occurred_at"].isoformat(" ", "microseconds")[:26]
        key = event["id"].hex
        tenant_hex = self._hex(self.tenant_id)
        self.events.append(
            (
                key,
                tenant_hex,
                at_text,
                self._hex(event["actor_user_id"]),
                self._hex(event["actor_organisation_id"]),
                event["actor_role"],
                event["on_behalf_of"],
                children,
                event["resource"],
                event["action"],
                parts,
                event["result"],
                event["basis"],
                event["origin_ip"],
                event["hash"],
            )
        )
        for link in links:
            self.children.append((key, link["child_id"].hex, tenant_hex, at_text))
        self.seal_events.append((key, self._hex(self.seal_id), tenant_hex, ordinal))

    def payload(self, rows: list[Any]) -> Any:
        if not self.pg:
            return rows
        return COPY_HEADER + b"".join(rows) + COPY_TRAILER if rows else b""


def _event_chunk(job: _ChunkJob) -> _Chunk:
    """Build, hash and order one seal's worth of events (runs in a worker process)."""
    maker = _WORKER
    assert maker is not None, "worker started without a world"
    world = maker.w
    maker.rng = random.Random(f"{world.seed}:events:{job.index}")
    built: list[tuple[int, bytes, dict[str, Any], list[dict[str, Any]], tuple[Any, ...]]] = []
    for moment_us in job.moments:
        day = EPOCH_ORDINAL + moment_us // DAY_US
        arguments = None
        for _ in range(4):
            arguments = maker.event(day)
            if arguments is not None:
                break
        if arguments is None:
            arguments = maker.event(OPEN_END)  # the log's first days: anyone known now
            assert arguments is not None
        actor, resource, action, child_ids, parts, result, basis = arguments
        rows = build_event(
            actor,
            resource=resource,
            action=action,
            child_ids=child_ids,
            parts=parts,
            result=result,
            basis=basis,
            occurred_at=EPOCH + timedelta(microseconds=moment_us),
        )
        event = rows.events[0]
        built.append((moment_us, event["id"].bytes, event, rows.children, arguments))
    built.sort(key=lambda item: (item[0], item[1]))  # the sealer's order: time, then id
    encoder = _AuditEncoder(world.dialect, world.tenant_id, job.seal_id)
    for ordinal, (moment_us, _, event, links, arguments) in enumerate(built):
        encoder.add(ordinal, moment_us, event, links, arguments)
    return _Chunk(
        index=job.index,
        count=len(built),
        digest=events_digest([item[2]["hash"] for item in built]),
        last=built[-1][2]["occurred_at"],
        events=encoder.payload(encoder.events),
        children=encoder.payload(encoder.children),
        seal_events=encoder.payload(encoder.seal_events),
        child_links=len(encoder.children),
    )


class _EventSource:
    """The access log's chunks, one per seal, in time order: built in-process, or by worker
    processes that start before the other tables are written and keep a few chunks ahead."""

    def __init__(self, world: _EventWorld, *, events: int, per_seal: int, workers: int) -> None:
        rng = random.Random(f"{world.seed}:moments")
        first_day = date.today() - timedelta(days=HISTORY_DAYS)
        moments = _event_times(rng, events, first_day, HISTORY_DAYS)
        self.world = world
        self.jobs = [
            _ChunkJob(
                index=n,
                seal_id=uuid.UUID(int=rng.getrandbits(128), version=4),
                moments=moments[start : start + per_seal],
            )
            for n, start in enumerate(range(0, events, per_seal))
        ]
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None
        self.pending: deque[Future[_Chunk]] = deque()
        self.queue = iter(self.jobs)

    def start(self) -> None:
        if self.workers == 0 or not self.jobs:
            _start_worker(self.world)
            return
        self.pool = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=multiprocessing.get_context("spawn"),  # never fork a threaded process
            initializer=_start_worker,
            initargs=(self.world,),
        )
        for _ in range(self.workers + 1):
            self._submit()

    def _submit(self) -> None:
        job = next(self.queue, None)
        if job is not None and self.pool is not None:
            self.pending.append(self.pool.submit(_event_chunk, job))

    async def chunks(self) -> AsyncIterator[_Chunk]:
        if self.pool is None:
            for job in self.queue:
                yield _event_chunk(job)
            return
        while self.pending:
            chunk = await asyncio.wrap_future(self.pending.popleft())
            self._submit()
            yield chunk

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


async def _write_access_log(
    sink: _Sink, source: _EventSource, *, events: int, step: Callable[[str], None]
) -> int:
    """Write the source's events, each chunk as one seal linked to the previous one, and the
    tenant's seal head; no event is left for the API's sealer."""
    tenant_id = source.world.tenant_id
    number, last_hash, written, links = 0, GENESIS_HASH, 0, 0
    async for chunk in source.chunks():
        number += 1
        seal = AuditSeal(
            id=source.jobs[chunk.index].seal_id,
            tenant_id=tenant_id,
            number=number,
            sealed_at=chunk.last + timedelta(seconds=1),
            event_count=chunk.count,
            events_hash=chunk.digest,
            previous_hash=last_hash,
        )
        seal.hash = seal_hash(seal)
        last_hash = seal.hash
        await sink.write("audit_event", chunk.events)
        await sink.write("audit_event_child", chunk.children)
        seal_row = tuple(getattr(seal, c) for c in _COLUMNS["audit_seal"])
        await sink.write("audit_seal", sink.encode("audit_seal", [seal_row]))
        await sink.write("audit_seal_event", chunk.seal_events)
        written += chunk.count
        links += chunk.child_links
        step(f"access log: {written:,} / {events:,} events, seal {number}")
    if number:
        head = (tenant_id, number, last_hash)
        await sink.write("audit_seal_head", sink.encode("audit_seal_head", [head]))
        step(f"access log: {links:,} event-child links")
    return written
