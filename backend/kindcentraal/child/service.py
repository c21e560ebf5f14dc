"""Children, their guardians and their one contact person."""

import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, Literal, TypeVar

from sqlalchemy import Date, String, Uuid, bindparam, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import joinedload, selectinload

from kindcentraal import driver_reads
from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child import identity
from kindcentraal.child import policy as child_policy
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.policy import ChildRelations
from kindcentraal.child.schemas import ChildCreate, ChildUpdate, GuardianCreate, GuardianUpdate
from kindcentraal.common.pagination import PageParams, SortKey, keyset_page, read_page
from kindcentraal.common.repository import apply_changes, get_in_tenant
from kindcentraal.common.search import like_literal
from kindcentraal.driver_reads import Query
from kindcentraal.errors import AppError, Conflict, Forbidden, InvalidInput, NotFound
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import Role
from kindcentraal.placement.models import Placement
from kindcentraal.retention.models import LegalHold
from kindcentraal.user.models import User

ChildSort = Literal[
    "familyName", "-familyName", "givenName", "-givenName", "dateOfBirth", "-dateOfBirth"
]
_SORT_COLUMNS = {
    "familyName": Child.family_name,
    "givenName": Child.given_name,
    "dateOfBirth": Child.date_of_birth,
}
PROFESSIONAL_ROLES = (Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL)


class ChildOnHold(Conflict):
    code = "legal_hold"
    title = "The child is under a legal hold"


async def _visible_child(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID
) -> Child | None:
    """The child by id if the caller relates to it; the filter is the cached one (hot path)."""
    readable, parameters = child_policy.readable_children_cached(principal)
    statement = (
        select(Child)
        .where(readable, Child.id == bindparam("rc_child_id", type_=Uuid))
        .options(joinedload(Child.contact_person))
    )
    return await session.scalar(statement, {**parameters, "rc_child_id": child_id})


def actor(principal: Principal, relations: ChildRelations | None = None) -> audit.Actor:
    """The audit actor, acting for the organisation its relation with the child runs through."""
    base = audit.actor_of(principal)
    if relations is None or principal.client is not None:
        return base
    if relations.is_guardian and not relations.is_professional:
        return replace(base, organisation_id=None, role="guardian")
    organisation = relations.acting_organisation()
    role = next(
        (m.role.value for m in principal.memberships if m.organisation_id == organisation), None
    )
    if organisation is None or role is None:
        return base
    return replace(base, organisation_id=organisation, role=role)


def deny(
    exc: AppError,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    resource: str,
    action: str,
    relations: ChildRelations | None = None,
) -> AppError:
    """Attach a 'denied' access-log event that survives the request's rollback."""

    async def record_denial(session: AsyncSession) -> None:
        await audit.record(
            session,
            actor(principal, relations),
            resource=resource,
            action=action,
            child_ids=[child_id],
            result="denied",
            basis=relations.basis() if relations else "no relation",
        )

    exc.after_rollback = record_denial
    return exc


async def access_child(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    resource: str,
    action: str,
    ensure: Callable[[ChildRelations], None] | None = None,
) -> tuple[Child, ChildRelations]:
    """A visible child and the caller's relations with it, after the policy check `ensure`.

    An invisible child is a logged 404; a refused action on a visible one a logged 403.
    """
    child = await _visible_child(session, principal, child_id)
    return await _checked(session, principal, child, child_id, resource, action, ensure)


# The child as its page shows it: its own columns and its contact person's, in one row.
_PAGE_CHILD_COLUMNS = (
    Child.id,
    Child.tenant_id,
    Child.centre_id,
    Child.group_id,
    Child.given_name,
    Child.family_name,
    Child.date_of_birth,
    Child.bsn.is_not(None).label("has_bsn"),
    Child.contact_person_id,
    Child.contact_person_since,
    User.display_name.label("contact_person_name"),
    User.email.label("contact_person_email"),
    User.phone.label("contact_person_phone"),
    Child.created_at,
    Child.updated_at,
)


@functools.lru_cache(maxsize=64)
def _page_child_query(shape: tuple[bool, bool, bool, bool]) -> Query:
    return Query(
        select(*_PAGE_CHILD_COLUMNS)
        .outerjoin(User, User.id == Child.contact_person_id)
        .where(child_policy.read_filter(shape), Child.id == bindparam("rc_child_id", type_=Uuid))
    )


async def access_child_row(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    resource: str,
    action: str,
    ensure: Callable[[ChildRelations], None] | None = None,
) -> tuple[Any, ChildRelations]:
    """`access_child` for the pages that read (GET): the child as a row of
    `_PAGE_CHILD_COLUMNS` with its contact person, through driver reads, not an ORM object."""
    shape, parameters = child_policy.list_shape(principal)
    parameters["rc_child_id"] = child_id
    child = await driver_reads.fetch_first(session, _page_child_query(shape), parameters)
    return await _checked(session, principal, child, child_id, resource, action, ensure)


Found = TypeVar("Found", bound=child_policy.ChildKeys)


async def _checked(
    session: AsyncSession,
    principal: Principal,
    child: Found | None,
    child_id: uuid.UUID,
    resource: str,
    action: str,
    ensure: Callable[[ChildRelations], None] | None,
) -> tuple[Found, ChildRelations]:
    """The child found with the caller's relations, after the policy check `ensure`; a child
    not found (or not visible) is a logged 404, a refused action on a visible one a logged 403."""
    if child is None:
        raise deny(
            NotFound("child"), principal, child_id=child_id, resource=resource, action=action
        )
    relations = await child_policy.relations_with(session, principal, child)
    if ensure is not None:
        try:
            ensure(relations)
        except Forbidden as exc:
            raise deny(
                exc,
                principal,
                child_id=child.id,
                resource=resource,
                action=action,
                relations=relations,
            ) from None
    return child, relations


async def _managed(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, resource: str, action: str
) -> tuple[Child, ChildRelations]:
    """A child the caller may manage (admin of its centre or of a placing organisation)."""
    return await access_child(
        session,
        principal,
        child_id=child_id,
        resource=resource,
        action=action,
        ensure=lambda rel: child_policy.ensure_can_manage(principal, rel),
    )


async def log_access(
    session: AsyncSession,
    principal: Principal,
    relations: ChildRelations | None,
    child_id: uuid.UUID,
    *,
    resource: str,
    action: str,
    basis: str | None = None,
    parts: list[str] | None = None,
) -> None:
    """One allowed read or write of the child's file, with the relation (or consent) it ran
    through."""
    await audit.record(
        session,
        actor(principal, relations),
        resource=resource,
        action=action,
        child_ids=[child_id],
        parts=parts,
        basis=basis or (relations.basis() if relations else "centre-admin"),
    )


async def log_access_many(
    session: AsyncSession,
    principal: Principal,
    child_ids: Sequence[uuid.UUID],
    *,
    resource: str,
    action: str,
) -> None:
    """One event for a list that showed several children (their relation is the list's)."""
    await audit.record(
        session,
        audit.actor_of(principal),
        resource=resource,
        action=action,
        child_ids=child_ids,
        basis="relation filter",
    )


# The list page selects the columns it shows: no ORM objects and no second query for the
# contact persons.
_LIST_COLUMNS = (
    Child.id,
    Child.centre_id,
    Child.group_id,
    Child.given_name,
    Child.family_name,
    Child.date_of_birth,
    Child.bsn.is_not(None).label("has_bsn"),
    Child.contact_person_id,
    # A correlated subquery, not a join: PostgreSQL evaluates it for the page only, after the
    # top-N sort, instead of for every visible child (3,231 for a large centre's admin).
    select(User.display_name)
    .where(User.id == Child.contact_person_id)
    .scalar_subquery()
    .label("contact_person_name"),
    Child.created_at,
    Child.updated_at,
)


@functools.lru_cache(maxsize=1024)
def _list_query(
    shape: tuple[bool, bool, bool, bool],
    sort: ChildSort,
    words: int,
    centre: bool,
    group: bool,
    organisation: bool,
    after: bool,
) -> Query:
    """The list statement for one shape of request, built and compiled once; the caller's
    relations, the words and the filters are its parameters."""
    statement = select(*_LIST_COLUMNS).where(child_policy.list_filter(shape))
    for index in range(words):
        word = bindparam(f"word_{index}", type_=String)
        statement = statement.where(
            or_(
                func.lower(Child.given_name).contains(word, escape="/"),
                func.lower(Child.family_name).contains(word, escape="/"),
            )
        )
    if centre:
        statement = statement.where(Child.centre_id == bindparam("centre_id", type_=Uuid))
    if group:
        statement = statement.where(Child.group_id == bindparam("group_id", type_=Uuid))
    if organisation:
        statement = statement.where(
            Child.id.in_(
                select(Placement.child_id).where(
                    Placement.organisation_id == bindparam("organisation_id", type_=Uuid),
                    Placement.tenant_id == bindparam("rc_tenant", type_=Uuid),
                    child_policy.current_placement(bindparam("rc_today", type_=Date)),
                )
            )
        )
    page = keyset_page(statement, sort=_sort_key(sort), id_column=Child.id, after=after)
    return Query(page)


def _sort_key(sort: ChildSort) -> SortKey:
    return SortKey(_SORT_COLUMNS[sort.lstrip("-")], descending=sort.startswith("-"))


async def list_children(
    session: AsyncSession,
    principal: Principal,
    *,
    q: str | None,
    centre_id: uuid.UUID | None,
    group_id: uuid.UUID | None,
    organisation_id: uuid.UUID | None,
    sort: ChildSort,
    page: PageParams,
) -> tuple[list[Any], str | None]:
    """A page of the children the caller relates to, as rows of `_LIST_COLUMNS` (driver reads:
    the hottest list of the product)."""
    shape, parameters = child_policy.list_shape(principal)
    words = q.lower().split()[:5] if q else []
    parameters.update({f"word_{i}": like_literal(word) for i, word in enumerate(words)})
    parameters.update(centre_id=centre_id, group_id=group_id, organisation_id=organisation_id)

    def query(after: bool) -> Query:
        return _list_query(
            shape,
            sort,
            len(words),
            centre_id is not None,
            group_id is not None,
            organisation_id is not None,
            after,
        )

    children, cursor = await read_page(
        session,
        query,
        sort=_sort_key(sort),
        id_column=Child.id,
        params=page,
        parameters=parameters,
    )
    if children:
        await audit.record(
            session,
            audit.actor_of(principal),
            resource="child",
            action="list",
            child_ids=[child.id for child in children],
            basis="relation filter",
        )
    return children, cursor


async def get_child(session: AsyncSession, principal: Principal, *, child_id: uuid.UUID) -> Child:
    """A child the caller has a relation with, without logging (internal lookups)."""
    child = await _visible_child(session, principal, child_id)
    if child is None:
        raise NotFound("child")
    return child


async def _check_group(
    session: AsyncSession, principal: Principal, *, group_id: uuid.UUID, centre_id: uuid.UUID
) -> None:
    group = await get_in_tenant(session, Group, tenant_id=principal.tenant_id, id=group_id)
    if group is None or group.centre_id != centre_id:
        raise InvalidInput.field("groupId", "unknown_reference", "No such group in this centre.")


async def create_child(session: AsyncSession, principal: Principal, *, data: ChildCreate) -> Child:
    centre = await get_in_tenant(
        session, ChildCentre, tenant_id=principal.tenant_id, id=data.centre_id
    )
    if centre is None:
        raise InvalidInput.field("centreId", "unknown_reference", "No such child centre.")
    child_policy.ensure_can_create(principal, centre.id)
    if data.group_id is not None:
        await _check_group(session, principal, group_id=data.group_id, centre_id=centre.id)
    await identity.ensure_bsn_free(
        session, tenant_id=principal.tenant_id, bsn=data.bsn, child_id=None
    )
    child = Child(tenant_id=principal.tenant_id, **data.model_dump(by_alias=False))
    session.add(child)
    await identity.flush_child(session)
    await log_access(session, principal, None, child.id, resource="child", action="create")
    return await get_child(session, principal, child_id=child.id)


async def update_child(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: ChildUpdate
) -> Child:
    child, relations = await _managed(session, principal, child_id, "child", "update")
    if data.group_id is not None:
        await _check_group(session, principal, group_id=data.group_id, centre_id=child.centre_id)
    if "bsn" in data.model_fields_set:
        await identity.ensure_bsn_free(
            session, tenant_id=principal.tenant_id, bsn=data.bsn, child_id=child.id
        )
    apply_changes(child, data)
    await identity.flush_child(session)
    await log_access(session, principal, relations, child.id, resource="child", action="update")
    await session.refresh(child, attribute_names=["contact_person", "updated_at"])
    return child


async def delete_child(session: AsyncSession, principal: Principal, *, child_id: uuid.UUID) -> None:
    child, relations = await access_child(
        session,
        principal,
        child_id=child_id,
        resource="child",
        action="delete",
        ensure=child_policy.ensure_can_delete,
    )
    if await session.scalar(
        select(LegalHold.id).where(*LegalHold.in_force(child.tenant_id, child.id))
    ):
        raise ChildOnHold("A legal hold keeps this child's record; lift it first.")
    await session.delete(child)
    await session.flush()
    await log_access(session, principal, relations, child_id, resource="child", action="delete")


async def read_bsn(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> str | None:
    child, relations = await access_child(
        session,
        principal,
        child_id=child_id,
        resource="bsn",
        action="read",
        ensure=lambda rel: child_policy.ensure_can_read_bsn(principal, rel),
    )
    await log_access(session, principal, relations, child.id, resource="bsn", action="read")
    return child.bsn


async def list_guardians(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[Guardian]:
    child, relations = await access_child(
        session, principal, child_id=child_id, resource="guardians", action="list"
    )
    await log_access(session, principal, relations, child.id, resource="guardians", action="list")
    rows = await session.scalars(
        select(Guardian)
        .where(Guardian.child_id == child.id, Guardian.tenant_id == principal.tenant_id)
        .options(selectinload(Guardian.user))
        .order_by(Guardian.created_at, Guardian.id)
    )
    return list(rows.all())


async def _get_guardian(
    session: AsyncSession, principal: Principal, *, child: Child, guardian_id: uuid.UUID
) -> Guardian:
    guardian = await session.scalar(
        select(Guardian)
        .where(
            Guardian.id == guardian_id,
            Guardian.child_id == child.id,
            Guardian.tenant_id == principal.tenant_id,
        )
        .options(selectinload(Guardian.user))
    )
    if guardian is None:
        raise NotFound("guardian")
    return guardian


async def add_guardian(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: GuardianCreate
) -> Guardian:
    child, relations = await _managed(session, principal, child_id, "guardians", "create")
    if data.user_id == principal.user_id:
        # Four eyes: a guardian with authority consents; no administrator appoints themselves.
        raise Forbidden("You cannot register yourself as a guardian of a child.")
    user = await get_in_tenant(session, User, tenant_id=principal.tenant_id, id=data.user_id)
    if user is None:
        raise InvalidInput.field("userId", "unknown_reference", "No such user.")
    duplicate = await session.scalar(
        select(Guardian.id).where(
            Guardian.child_id == child.id,
            Guardian.user_id == user.id,
            Guardian.tenant_id == principal.tenant_id,
        )
    )
    if duplicate is not None:
        raise Conflict("This user is already a guardian of the child.")
    guardian = Guardian(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        user_id=user.id,
        relation=data.relation,
        has_parental_authority=data.has_parental_authority,
    )
    session.add(guardian)
    await session.flush()
    await log_access(session, principal, relations, child.id, resource="guardians", action="create")
    return await _get_guardian(session, principal, child=child, guardian_id=guardian.id)


async def update_guardian(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    guardian_id: uuid.UUID,
    data: GuardianUpdate,
) -> Guardian:
    child, relations = await _managed(session, principal, child_id, "guardians", "update")
    guardian = await _get_guardian(session, principal, child=child, guardian_id=guardian_id)
    if guardian.user_id == principal.user_id:
        raise Forbidden("You cannot change your own guardianship.")
    apply_changes(guardian, data)
    await session.flush()
    await log_access(session, principal, relations, child.id, resource="guardians", action="update")
    return guardian


async def remove_guardian(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, guardian_id: uuid.UUID
) -> None:
    child, relations = await _managed(session, principal, child_id, "guardians", "delete")
    guardian = await _get_guardian(session, principal, child=child, guardian_id=guardian_id)
    await session.delete(guardian)
    await session.flush()
    await log_access(session, principal, relations, child.id, resource="guardians", action="delete")


async def get_contact_person(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> tuple[User, datetime]:
    child, relations = await access_child(
        session, principal, child_id=child_id, resource="contact-person", action="read"
    )
    await log_access(
        session, principal, relations, child.id, resource="contact-person", action="read"
    )
    if child.contact_person is None or child.contact_person_since is None:
        raise NotFound("contact person")
    return child.contact_person, child.contact_person_since
