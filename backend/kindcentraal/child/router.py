import uuid
from typing import Annotated, Any, TypeVar, cast

import pydantic_core
from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.child import contact_person
from kindcentraal.child import page as child_page
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child, Guardian
from kindcentraal.child.schemas import (
    BsnRead,
    ChildCreate,
    ChildDetail,
    ChildRead,
    ChildUpdate,
    ContactPersonAssign,
    ContactPersonChange,
    ContactPersonPeriod,
    ContactPersonRead,
    GuardianCreate,
    GuardianRead,
    GuardianUpdate,
    PersonRef,
)
from kindcentraal.common.expand import parse_expand
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.common.scopes import ApiScope
from kindcentraal.organisation.models import Role
from kindcentraal.policy.registry import declare

router = APIRouter(prefix="/children", tags=["children"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
GuardianId = Annotated[uuid.UUID, Path(alias="guardianId")]


def _child(child: Child) -> ChildRead:
    person = child.contact_person
    contact = (
        PersonRef(user_id=person.id, display_name=person.display_name)
        if person is not None
        else None
    )
    return _child_read(ChildRead, child, contact)


ChildModel = TypeVar("ChildModel", bound=ChildRead)


def _child_read(model: type[ChildModel], child: Any, contact: PersonRef | None) -> ChildModel:
    """A child (ORM object or a row of its columns) as `model`."""
    return model(
        id=child.id,
        centre_id=child.centre_id,
        group_id=child.group_id,
        given_name=child.given_name,
        family_name=child.family_name,
        date_of_birth=child.date_of_birth,
        has_bsn=child.has_bsn,
        contact_person=contact,
        created_at=child.created_at,
        updated_at=child.updated_at,
    )


def list_page_json(rows: list[Any], next_cursor: str | None) -> bytes:
    """A list page as `Page[ChildRead]` serializes it, without a model per row: the rows were
    typed by the query, and validating 25 models again cost more than the query's Python.
    A test holds this equal to the models' own JSON."""
    items = [
        {
            "createdAt": row.created_at,
            "updatedAt": row.updated_at,
            "id": row.id,
            "centreId": row.centre_id,
            "groupId": row.group_id,
            "givenName": row.given_name,
            "familyName": row.family_name,
            "dateOfBirth": row.date_of_birth,
            "hasBsn": row.has_bsn,
            "contactPerson": {
                "userId": row.contact_person_id,
                "displayName": row.contact_person_name,
            }
            if row.contact_person_id is not None
            else None,
        }
        for row in rows
    ]
    return pydantic_core.to_json({"items": items, "nextCursor": next_cursor})


def _guardian(guardian: Guardian, display_name: str | None = None) -> GuardianRead:
    return GuardianRead(
        id=guardian.id,
        child_id=guardian.child_id,
        user_id=guardian.user_id,
        display_name=display_name if display_name is not None else guardian.user.display_name,
        relation=guardian.relation,
        has_parental_authority=guardian.has_parental_authority,
        created_at=guardian.created_at,
        updated_at=guardian.updated_at,
    )


LIST_CHILDREN = declare(
    "children.list",
    client_scope=ApiScope.CHILDREN_READ,
    resource="child",
    action="list",
    rows="children the caller has a relation with",
)
CREATE_CHILD = declare(
    "children.create",
    resource="child",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="centres the caller administers",
)
READ_CHILD = declare(
    "children.read",
    client_scope=ApiScope.CHILDREN_READ,
    resource="child",
    action="read",
    rows="children the caller has a relation with",
)
UPDATE_CHILD = declare(
    "children.update",
    resource="child",
    action="update",
    rows="centre admins of the child's centre, admins of a placing organisation",
)
DELETE_CHILD = declare(
    "children.delete",
    resource="child",
    action="delete",
    rows="children of centres the caller administers",
)
READ_CHILD_BSN = declare(
    "children.read-bsn",
    resource="bsn",
    action="read",
    rows="admins of a school or youth-health organisation placing the child",
)
LIST_GUARDIANS = declare(
    "guardians.list",
    resource="guardian",
    action="list",
    rows="children the caller has a relation with",
)
CREATE_GUARDIAN = declare(
    "guardians.create",
    resource="guardian",
    action="create",
    rows="centre admins of the child's centre, admins of a placing organisation",
)
UPDATE_GUARDIAN = declare(
    "guardians.update",
    resource="guardian",
    action="update",
    rows="centre admins of the child's centre, admins of a placing organisation",
)
DELETE_GUARDIAN = declare(
    "guardians.delete",
    resource="guardian",
    action="delete",
    rows="centre admins of the child's centre, admins of a placing organisation",
)
READ_CONTACT_PERSON = declare(
    "contact-person.read",
    resource="contact-person",
    action="read",
    rows="children the caller has a relation with",
)
READ_CONTACT_PERSON_HISTORY = declare(
    "contact-person.history",
    resource="contact-person",
    action="read",
    rows="children the caller has a relation with; handover notes for their addressee only",
)
ASSIGN_CONTACT_PERSON = declare(
    "contact-person.update",
    resource="contact-person",
    action="update",
    rows="centre admins of the child's centre, admins of a placing organisation",
)


@router.get("", response_model=Page[ChildRead], responses=problems(400, 401))
async def list_children(
    principal: Annotated[Principal, Depends(guard(LIST_CHILDREN))],
    session: SessionDep,
    page: Annotated[PageParams, Depends(page_params)],
    q: Annotated[
        str | None, Query(max_length=100, description="Words of the given or family name.")
    ] = None,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    group_id: Annotated[uuid.UUID | None, Query(alias="groupId")] = None,
    organisation_id: Annotated[
        uuid.UUID | None,
        Query(alias="organisationId", description="Children currently placed there."),
    ] = None,
    sort: Annotated[child_service.ChildSort, Query()] = "familyName",
) -> Response:
    """Only the children the caller has a relation with; no other child is ever listed."""
    items, cursor = await child_service.list_children(
        session,
        principal,
        q=q,
        centre_id=centre_id,
        group_id=group_id,
        organisation_id=organisation_id,
        sort=sort,
        page=page,
    )
    return Response(list_page_json(items, cursor), media_type="application/json")


@router.post("", status_code=201, response_model=ChildRead, responses=problems(400, 401, 403, 409))
async def create_child(
    body: ChildCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_CHILD))],
    session: SessionDep,
) -> ChildRead:
    """Centre administrators register a child of 0 to 13 years in their centre; a BSN another
    child of the municipality holds is a 409 that names no one."""
    return _child(await child_service.create_child(session, principal, data=body))


@router.get(
    "/{childId}",
    response_model=ChildDetail,
    response_model_exclude_unset=True,
    responses=problems(400, 401, 404),
)
async def read_child(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_CHILD))],
    session: SessionDep,
    expand: Annotated[
        str | None,
        Query(
            max_length=200,
            description=(
                "Comma-separated parts to embed: "
                + ", ".join(child_page.PARTS)
                + ". Each part passes its own policy; one access-log event names them all."
            ),
        ),
    ] = None,
) -> ChildDetail:
    """A child the caller has a relation with, and the parts of its file asked for; else 404.
    An API client reads the child itself only: the parts are people's."""
    page = await child_page.read_child_page(
        session, principal, child_id=child_id, expand=_parse_expand(expand)
    )
    child = page.child
    contact = (
        PersonRef(user_id=child.contact_person_id, display_name=child.contact_person_name)
        if child.contact_person_id is not None
        else None
    )
    detail = _child_read(ChildDetail, child, contact)
    if expand is not None:
        detail.embedded = child_page.embedded(page)
    return detail


def _parse_expand(expand: str | None) -> frozenset[child_page.Part]:
    return cast(frozenset[child_page.Part], parse_expand(expand, child_page.PARTS))


@router.patch("/{childId}", response_model=ChildRead, responses=problems(400, 401, 403, 404, 409))
async def update_child(
    child_id: ChildId,
    body: ChildUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_CHILD))],
    session: SessionDep,
) -> ChildRead:
    """Administrators of the child's centre or placing organisation correct the record."""
    return _child(
        await child_service.update_child(session, principal, child_id=child_id, data=body)
    )


@router.delete("/{childId}", status_code=204, responses=problems(400, 401, 403, 404, 409))
async def delete_child(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(DELETE_CHILD))],
    session: SessionDep,
) -> Response:
    """Centre administrators delete a child's record with its links; not while a legal hold
    keeps it (409)."""
    await child_service.delete_child(session, principal, child_id=child_id)
    return Response(status_code=204)


@router.get("/{childId}/bsn", response_model=BsnRead, responses=problems(400, 401, 403, 404))
async def read_child_bsn(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_CHILD_BSN))],
    session: SessionDep,
) -> BsnRead:
    """The BSN, only for the school or youth-health administration placing the child."""
    return BsnRead(bsn=await child_service.read_bsn(session, principal, child_id=child_id))


@router.get(
    "/{childId}/guardians", response_model=list[GuardianRead], responses=problems(400, 401, 404)
)
async def list_guardians(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(LIST_GUARDIANS))],
    session: SessionDep,
) -> list[GuardianRead]:
    """The child's parents and guardians, with whether they hold parental authority."""
    guardians = await child_service.list_guardians(session, principal, child_id=child_id)
    return [_guardian(g) for g in guardians]


@router.post(
    "/{childId}/guardians",
    status_code=201,
    response_model=GuardianRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def create_guardian(
    child_id: ChildId,
    body: GuardianCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_GUARDIAN))],
    session: SessionDep,
) -> GuardianRead:
    """Link a user to the child as parent or guardian."""
    guardian = await child_service.add_guardian(session, principal, child_id=child_id, data=body)
    return _guardian(guardian)


@router.patch(
    "/{childId}/guardians/{guardianId}",
    response_model=GuardianRead,
    responses=problems(400, 401, 403, 404),
)
async def update_guardian(
    child_id: ChildId,
    guardian_id: GuardianId,
    body: GuardianUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_GUARDIAN))],
    session: SessionDep,
) -> GuardianRead:
    """Change the relation or parental authority of a guardian."""
    guardian = await child_service.update_guardian(
        session, principal, child_id=child_id, guardian_id=guardian_id, data=body
    )
    return _guardian(guardian)


@router.delete(
    "/{childId}/guardians/{guardianId}", status_code=204, responses=problems(400, 401, 403, 404)
)
async def delete_guardian(
    child_id: ChildId,
    guardian_id: GuardianId,
    principal: Annotated[Principal, Depends(guard(DELETE_GUARDIAN))],
    session: SessionDep,
) -> Response:
    """Unlink a guardian from the child."""
    await child_service.remove_guardian(
        session, principal, child_id=child_id, guardian_id=guardian_id
    )
    return Response(status_code=204)


@router.get(
    "/{childId}/contact-person",
    response_model=ContactPersonRead,
    responses=problems(400, 401, 404),
)
async def read_contact_person(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_CONTACT_PERSON))],
    session: SessionDep,
) -> ContactPersonRead:
    """The one person the family deals with; 404 while none is assigned."""
    user, since = await child_service.get_contact_person(session, principal, child_id=child_id)
    return ContactPersonRead(
        user_id=user.id,
        display_name=user.display_name,
        email=user.email,
        phone=user.phone,
        since=since,
    )


@router.put(
    "/{childId}/contact-person",
    response_model=ContactPersonChange,
    responses=problems(400, 401, 403, 404),
)
async def assign_contact_person(
    child_id: ChildId,
    body: ContactPersonAssign,
    principal: Annotated[Principal, Depends(guard(ASSIGN_CONTACT_PERSON))],
    session: SessionDep,
) -> ContactPersonChange:
    """Set the child's one contact person; it replaces the previous one. A handover keeps
    the history, gives the new contact person the handover note, tells the guardians and the
    new contact person, and moves the child's open message threads to the new one. The answer
    lists the siblings, so the family can have one contact person for all children."""
    user, since = await contact_person.assign(
        session,
        principal,
        child_id=child_id,
        user_id=body.user_id,
        handover_note=body.handover_note,
    )
    return ContactPersonChange(
        user_id=user.id,
        display_name=user.display_name,
        email=user.email,
        phone=user.phone,
        since=since,
        siblings=await contact_person.siblings(session, principal, child_id),
    )


@router.get(
    "/{childId}/contact-person/history",
    response_model=list[ContactPersonPeriod],
    responses=problems(400, 401, 404),
)
async def read_contact_person_history(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(READ_CONTACT_PERSON_HISTORY))],
    session: SessionDep,
) -> list[ContactPersonPeriod]:
    """Who was the child's contact person when, the newest first. A handover note is shown
    only to the contact person it was written for."""
    return await contact_person.history(session, principal, child_id=child_id)
