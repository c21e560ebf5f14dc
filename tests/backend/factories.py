"""Typed factories: they add and flush, never commit. Tokens come from the real tokens module."""

import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.passwords import hash_password
from kindcentraal.auth.tokens import issue_access_token
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian, GuardianRelation
from kindcentraal.group.models import Group, GroupKind
from kindcentraal.organisation.models import (
    Membership,
    Organisation,
    OrganisationCentre,
    OrganisationType,
    Role,
)
from kindcentraal.placement.models import Placement, PlacementKind
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

PASSWORD = "Correct-horse-battery-9"
_PASSWORD_HASH = hash_password(PASSWORD)
_counter = itertools.count(1)


def _n() -> int:
    return next(_counter)


async def make_tenant(session: AsyncSession, *, name: str | None = None) -> Tenant:
    n = _n()
    tenant = Tenant(name=name or f"Gemeente {n}", slug=f"gemeente-{n}-{uuid.uuid4().hex[:6]}")
    session.add(tenant)
    await session.flush()
    return tenant


async def make_centre(
    session: AsyncSession, tenant: Tenant, *, name: str | None = None
) -> ChildCentre:
    centre = ChildCentre(tenant_id=tenant.id, name=name or f"IKC {_n()}", address="Straat 1")
    session.add(centre)
    await session.flush()
    return centre


async def make_organisation(
    session: AsyncSession,
    tenant: Tenant,
    *,
    type: OrganisationType = OrganisationType.SCHOOL,
    centres: list[ChildCentre] | None = None,
    name: str | None = None,
) -> Organisation:
    organisation = Organisation(tenant_id=tenant.id, name=name or f"{type.value} {_n()}", type=type)
    organisation.centre_links = [
        OrganisationCentre(tenant_id=tenant.id, centre_id=centre.id) for centre in centres or []
    ]
    session.add(organisation)
    await session.flush()
    return organisation


async def make_user(
    session: AsyncSession,
    tenant: Tenant,
    *,
    roles: list[tuple[Organisation, Role]] | None = None,
    email: str | None = None,
    name: str | None = None,
    is_active: bool = True,
) -> User:
    n = _n()
    user = User(
        tenant_id=tenant.id,
        email=email or f"user{n}@example.test",
        display_name=name or f"Gebruiker {n}",
        password_hash=_PASSWORD_HASH,
        is_active=is_active,
    )
    session.add(user)
    await session.flush()
    for organisation, role in roles or []:
        session.add(
            Membership(
                tenant_id=tenant.id, user_id=user.id, organisation_id=organisation.id, role=role
            )
        )
    await session.flush()
    return user


async def make_group(
    session: AsyncSession,
    centre: ChildCentre,
    organisation: Organisation,
    *,
    grade: int | None = 5,
    name: str | None = None,
) -> Group:
    group = Group(
        tenant_id=centre.tenant_id,
        centre_id=centre.id,
        organisation_id=organisation.id,
        name=name or f"Groep {grade or 'opvang'} {_n()}",
        kind=GroupKind.SCHOOL_CLASS if grade else GroupKind.CHILDCARE_GROUP,
        grade=grade,
    )
    session.add(group)
    await session.flush()
    return group


async def make_child(
    session: AsyncSession,
    centre: ChildCentre,
    *,
    group: Group | None = None,
    given_name: str = "Sam",
    family_name: str | None = None,
    date_of_birth: date | None = None,
    bsn: str | None = None,
    contact_person: User | None = None,
) -> Child:
    child = Child(
        tenant_id=centre.tenant_id,
        centre_id=centre.id,
        group_id=group.id if group else None,
        given_name=given_name,
        family_name=family_name or f"Achternaam{_n()}",
        date_of_birth=date_of_birth or date.today().replace(year=date.today().year - 8, day=1),
        bsn=bsn,
        contact_person_id=contact_person.id if contact_person else None,
        contact_person_since=datetime.now(UTC) if contact_person else None,
    )
    session.add(child)
    await session.flush()
    return child


async def make_placement(
    session: AsyncSession,
    child: Child,
    organisation: Organisation,
    *,
    kind: PlacementKind = PlacementKind.SCHOOL,
    start_date: date | None = None,
    end_date: date | None = None,
    days: list[str] | None = None,
) -> Placement:
    placement = Placement(
        tenant_id=child.tenant_id,
        child_id=child.id,
        organisation_id=organisation.id,
        kind=kind,
        start_date=start_date or date.today() - timedelta(days=100),
        end_date=end_date,
        days=days if days is not None else ["monday", "tuesday"],
    )
    session.add(placement)
    await session.flush()
    return placement


async def make_guardian(
    session: AsyncSession, child: Child, user: User, *, has_parental_authority: bool = True
) -> Guardian:
    guardian = Guardian(
        tenant_id=child.tenant_id,
        child_id=child.id,
        user_id=user.id,
        relation=GuardianRelation.PARENT,
        has_parental_authority=has_parental_authority,
    )
    session.add(guardian)
    await session.flush()
    return guardian


async def token_for(session: AsyncSession, user: User, *, secret: str) -> str:
    """A real access token for a real login session of `user`."""
    auth_session = AuthSession(tenant_id=user.tenant_id, user_id=user.id)
    session.add(auth_session)
    await session.flush()
    return issue_access_token(
        secret=secret,
        user_id=user.id,
        tenant_id=user.tenant_id,
        session_id=auth_session.id,
        lifetime=timedelta(minutes=15),
    )


@dataclass
class World:
    """Two municipalities; in the first, every kind of relation to a child exists once."""

    tenant: Tenant
    centre: ChildCentre
    school: Organisation
    childcare: Organisation
    care: Organisation
    municipality: Organisation
    group: Group
    centre_admin: User
    school_admin: User
    teacher: User
    pm: User
    logopedist: User
    analyst: User
    parent: User
    parent_without_authority: User
    outsider_parent: User
    pupil: Child  # at the school; guardians: parent (+authority) and parent_without_authority
    toddler: Child  # at childcare only; contact person: pm
    former_pupil: Child  # school placement ended
    other_tenant: Tenant
    other_centre: ChildCentre
    other_school: Organisation
    other_admin: User
    other_teacher: User
    other_child: Child
    tokens: dict[str, str]

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"}


async def build_world(session: AsyncSession, *, secret: str) -> World:
    tenant = await make_tenant(session)
    centre = await make_centre(session, tenant)
    school = await make_organisation(
        session, tenant, type=OrganisationType.SCHOOL, centres=[centre]
    )
    childcare = await make_organisation(
        session, tenant, type=OrganisationType.CHILDCARE, centres=[centre]
    )
    care = await make_organisation(
        session, tenant, type=OrganisationType.CARE_PROVIDER, centres=[centre]
    )
    municipality = await make_organisation(session, tenant, type=OrganisationType.MUNICIPALITY)
    group = await make_group(session, centre, school, grade=5)
    centre_admin = await make_user(session, tenant, roles=[(school, Role.CENTRE_ADMIN)])
    school_admin = await make_user(session, tenant, roles=[(school, Role.ORG_ADMIN)])
    teacher = await make_user(session, tenant, roles=[(school, Role.STAFF)])
    pm = await make_user(session, tenant, roles=[(childcare, Role.STAFF)])
    logopedist = await make_user(session, tenant, roles=[(care, Role.CARE_PROFESSIONAL)])
    analyst = await make_user(session, tenant, roles=[(municipality, Role.MUNICIPALITY_ANALYST)])
    parent = await make_user(session, tenant)
    parent_without_authority = await make_user(session, tenant)
    outsider_parent = await make_user(session, tenant)

    pupil = await make_child(
        session, centre, group=group, given_name="Pim", family_name="Pupil", bsn="111222333"
    )
    await make_placement(session, pupil, school, kind=PlacementKind.SCHOOL)
    await make_guardian(session, pupil, parent)
    await make_guardian(session, pupil, parent_without_authority, has_parental_authority=False)
    toddler = await make_child(
        session,
        centre,
        given_name="Tess",
        family_name="Toddler",
        contact_person=pm,
        date_of_birth=date.today() - timedelta(days=800),
    )
    await make_placement(session, toddler, childcare, kind=PlacementKind.DAYCARE)
    former_pupil = await make_child(session, centre, given_name="Fay", family_name="Former")
    await make_placement(
        session,
        former_pupil,
        school,
        start_date=date.today() - timedelta(days=700),
        end_date=date.today() - timedelta(days=30),
    )

    other_tenant = await make_tenant(session)
    other_centre = await make_centre(session, other_tenant)
    other_school = await make_organisation(session, other_tenant, centres=[other_centre])
    other_admin = await make_user(session, other_tenant, roles=[(other_school, Role.CENTRE_ADMIN)])
    other_teacher = await make_user(session, other_tenant, roles=[(other_school, Role.STAFF)])
    other_child = await make_child(session, other_centre, given_name="Otto", family_name="Other")
    await make_placement(session, other_child, other_school)

    people = {
        "centre_admin": centre_admin,
        "school_admin": school_admin,
        "teacher": teacher,
        "pm": pm,
        "logopedist": logopedist,
        "analyst": analyst,
        "parent": parent,
        "parent_without_authority": parent_without_authority,
        "outsider_parent": outsider_parent,
        "other_admin": other_admin,
        "other_teacher": other_teacher,
    }
    tokens = {name: await token_for(session, user, secret=secret) for name, user in people.items()}
    return World(
        tenant=tenant,
        centre=centre,
        school=school,
        childcare=childcare,
        care=care,
        municipality=municipality,
        group=group,
        centre_admin=centre_admin,
        school_admin=school_admin,
        teacher=teacher,
        pm=pm,
        logopedist=logopedist,
        analyst=analyst,
        parent=parent,
        parent_without_authority=parent_without_authority,
        outsider_parent=outsider_parent,
        pupil=pupil,
        toddler=toddler,
        former_pupil=former_pupil,
        other_tenant=other_tenant,
        other_centre=other_centre,
        other_school=other_school,
        other_admin=other_admin,
        other_teacher=other_teacher,
        other_child=other_child,
        tokens=tokens,
    )


async def make_api_client(
    session: AsyncSession,
    organisation: Organisation,
    *,
    scopes: list[str],
    secret: str,
    name: str = "Planning",
) -> tuple[uuid.UUID, str]:
    """An organisation's API client as registration leaves it, and a token of it."""
    from kindcentraal.integration.models import ApiClient, ApiClientSecret

    n = _n()
    client_id = uuid.uuid4()
    account = User(
        tenant_id=organisation.tenant_id,
        email=f"{client_id}@api-clients.invalid",
        display_name=f"{organisation.name} (koppeling)",
        password_hash="!",
        is_active=False,
        service_account=True,
    )
    session.add(account)
    await session.flush()
    session.add(
        ApiClient(
            id=client_id,
            tenant_id=organisation.tenant_id,
            organisation_id=organisation.id,
            service_user_id=account.id,
            name=name,
            scopes=scopes,
        )
    )
    await session.flush()
    stored = ApiClientSecret(
        tenant_id=organisation.tenant_id,
        client_id=client_id,
        secret_hash=f"{n:064d}",
        hint="kcs_test",
    )
    session.add(stored)
    await session.flush()
    token = issue_access_token(
        secret=secret,
        user_id=account.id,
        tenant_id=organisation.tenant_id,
        session_id=stored.id,
        lifetime=timedelta(minutes=15),
        client_id=client_id,
        scopes=frozenset(scopes),
    )
    return client_id, token
