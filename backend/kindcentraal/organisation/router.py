import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.pagination import PageParams, page_params
from kindcentraal.common.responses import problems
from kindcentraal.common.schemas import Page
from kindcentraal.organisation import service as organisation_service
from kindcentraal.organisation.models import OrganisationType, Role
from kindcentraal.organisation.schemas import (
    MembershipCreate,
    MembershipRead,
    MembershipUpdate,
    OrganisationCreate,
    OrganisationRead,
    OrganisationUpdate,
    ProfessionalRead,
)
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["organisations"])
membership_router = APIRouter(prefix="/memberships", tags=["memberships"])
OrganisationId = Annotated[uuid.UUID, Path(alias="organisationId")]
MembershipId = Annotated[uuid.UUID, Path(alias="membershipId")]
PageDep = Annotated[PageParams, Depends(page_params)]

LIST_ORGANISATIONS = declare(
    "organisations.list",
    resource="organisation",
    action="list",
    rows="the caller's municipality",
)
CREATE_ORGANISATION = declare(
    "organisations.create",
    resource="organisation",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN}),
    rows="the caller's municipality",
)
READ_ORGANISATION = declare(
    "organisations.read",
    resource="organisation",
    action="read",
    rows="the caller's municipality",
)
UPDATE_ORGANISATION = declare(
    "organisations.update",
    resource="organisation",
    action="update",
    rows="organisations the caller administers; type and centres by centre admins",
)
DELETE_ORGANISATION = declare(
    "organisations.delete",
    resource="organisation",
    action="delete",
    rows="the caller's municipality",
)
LIST_PROFESSIONALS = declare(
    "organisations.professionals",
    resource="organisation",
    action="read",
    rows="professionals of the caller's municipality",
)
LIST_MEMBERSHIPS = declare(
    "memberships.list",
    resource="membership",
    action="list",
    rows="memberships of organisations the caller administers, and the caller's own",
)
CREATE_MEMBERSHIP = declare(
    "memberships.create",
    resource="membership",
    action="create",
    roles=frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN}),
    rows="organisations the caller administers",
)
READ_MEMBERSHIP = declare(
    "memberships.read",
    resource="membership",
    action="read",
    rows="memberships of organisations the caller administers, and the caller's own",
)
UPDATE_MEMBERSHIP = declare(
    "memberships.update",
    resource="membership",
    action="update",
    rows="organisations the caller administers",
)
DELETE_MEMBERSHIP = declare(
    "memberships.delete",
    resource="membership",
    action="delete",
    rows="organisations the caller administers",
)


@router.get("/organisations", response_model=Page[OrganisationRead], responses=problems(400, 401))
async def list_organisations(
    principal: Annotated[Principal, Depends(guard(LIST_ORGANISATIONS))],
    session: SessionDep,
    page: PageDep,
    type: Annotated[OrganisationType | None, Query()] = None,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
    q: Annotated[str | None, Query(max_length=100)] = None,
) -> Page[OrganisationRead]:
    """The partner organisations of the caller's municipality."""
    items, cursor = await organisation_service.list_organisations(
        session, principal, type=type, centre_id=centre_id, q=q, page=page
    )
    return Page[OrganisationRead](
        items=[OrganisationRead.model_validate(o) for o in items], next_cursor=cursor
    )


@router.post(
    "/organisations",
    status_code=201,
    response_model=OrganisationRead,
    responses=problems(400, 401, 403, 409),
)
async def create_organisation(
    body: OrganisationCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_ORGANISATION))],
    session: SessionDep,
) -> OrganisationRead:
    """Centre administrators register a partner organisation."""
    organisation = await organisation_service.create_organisation(session, principal, data=body)
    return OrganisationRead.model_validate(organisation)


@router.get(
    "/organisations/{organisationId}",
    response_model=OrganisationRead,
    responses=problems(400, 401, 404),
)
async def read_organisation(
    organisation_id: OrganisationId,
    principal: Annotated[Principal, Depends(guard(READ_ORGANISATION))],
    session: SessionDep,
) -> OrganisationRead:
    """One partner organisation."""
    organisation = await organisation_service.get_organisation(
        session, principal, organisation_id=organisation_id
    )
    return OrganisationRead.model_validate(organisation)


@router.get(
    "/organisations/{organisationId}/professionals",
    response_model=list[ProfessionalRead],
    responses=problems(400, 401, 403, 404),
)
async def list_professionals(
    organisation_id: OrganisationId,
    principal: Annotated[Principal, Depends(guard(LIST_PROFESSIONALS))],
    session: SessionDep,
) -> list[ProfessionalRead]:
    """Who works for the organisation, by name: to choose a coordinator or a team member."""
    return await organisation_service.list_professionals(
        session, principal, organisation_id=organisation_id
    )


@router.patch(
    "/organisations/{organisationId}",
    response_model=OrganisationRead,
    responses=problems(400, 401, 403, 404, 409),
)
async def update_organisation(
    organisation_id: OrganisationId,
    body: OrganisationUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_ORGANISATION))],
    session: SessionDep,
) -> OrganisationRead:
    """Its administrators rename it; centre administrators also set its centres."""
    organisation = await organisation_service.update_organisation(
        session, principal, organisation_id=organisation_id, data=body
    )
    return OrganisationRead.model_validate(organisation)


@router.delete(
    "/organisations/{organisationId}", status_code=204, responses=problems(400, 401, 403, 404)
)
async def delete_organisation(
    organisation_id: OrganisationId,
    principal: Annotated[Principal, Depends(guard(DELETE_ORGANISATION))],
    session: SessionDep,
) -> Response:
    """Centre administrators remove an organisation with its memberships and placements."""
    await organisation_service.delete_organisation(
        session, principal, organisation_id=organisation_id
    )
    return Response(status_code=204)


@membership_router.get("", response_model=Page[MembershipRead], responses=problems(400, 401))
async def list_memberships(
    principal: Annotated[Principal, Depends(guard(LIST_MEMBERSHIPS))],
    session: SessionDep,
    page: PageDep,
    organisation_id: Annotated[uuid.UUID | None, Query(alias="organisationId")] = None,
    user_id: Annotated[uuid.UUID | None, Query(alias="userId")] = None,
) -> Page[MembershipRead]:
    """Memberships the caller administers, and the caller's own."""
    items, cursor = await organisation_service.list_memberships(
        session, principal, organisation_id=organisation_id, user_id=user_id, page=page
    )
    return Page[MembershipRead](
        items=[MembershipRead.model_validate(m) for m in items], next_cursor=cursor
    )


@membership_router.post(
    "", status_code=201, response_model=MembershipRead, responses=problems(400, 401, 403, 409)
)
async def create_membership(
    body: MembershipCreate,
    principal: Annotated[Principal, Depends(guard(CREATE_MEMBERSHIP))],
    session: SessionDep,
) -> MembershipRead:
    """Administrators of an organisation give a user a role in it."""
    membership = await organisation_service.create_membership(session, principal, data=body)
    return MembershipRead.model_validate(membership)


@membership_router.get(
    "/{membershipId}", response_model=MembershipRead, responses=problems(400, 401, 404)
)
async def read_membership(
    membership_id: MembershipId,
    principal: Annotated[Principal, Depends(guard(READ_MEMBERSHIP))],
    session: SessionDep,
) -> MembershipRead:
    """One membership the caller administers or holds."""
    membership = await organisation_service.get_membership(
        session, principal, membership_id=membership_id
    )
    return MembershipRead.model_validate(membership)


@membership_router.patch(
    "/{membershipId}", response_model=MembershipRead, responses=problems(400, 401, 403, 404)
)
async def update_membership(
    membership_id: MembershipId,
    body: MembershipUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_MEMBERSHIP))],
    session: SessionDep,
) -> MembershipRead:
    """Administrators change a member's role."""
    membership = await organisation_service.update_membership(
        session, principal, membership_id=membership_id, data=body
    )
    return MembershipRead.model_validate(membership)


@membership_router.delete(
    "/{membershipId}", status_code=204, responses=problems(400, 401, 403, 404)
)
async def delete_membership(
    membership_id: MembershipId,
    principal: Annotated[Principal, Depends(guard(DELETE_MEMBERSHIP))],
    session: SessionDep,
) -> Response:
    """Administrators end a membership."""
    await organisation_service.delete_membership(session, principal, membership_id=membership_id)
    return Response(status_code=204)
