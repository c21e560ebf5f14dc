import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.integration import service
from kindcentraal.integration.schemas import (
    ApiClientCreate,
    ApiClientCreated,
    ApiClientRead,
    ApiClientSecretIssued,
    ApiClientUpdate,
    SecretRotation,
)
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["api-clients"])
OrganisationId = Annotated[uuid.UUID, Path(alias="organisationId")]
ClientId = Annotated[uuid.UUID, Path(alias="clientId")]
ROWS = "administrators of the organisation (its org admins; centre admins of its centres)"

LIST_CLIENTS = declare("api-clients.list", resource="api-client", action="list", rows=ROWS)
REGISTER_CLIENT = declare("api-clients.create", resource="api-client", action="create", rows=ROWS)
READ_CLIENT = declare("api-clients.read", resource="api-client", action="read", rows=ROWS)
UPDATE_CLIENT = declare("api-clients.update", resource="api-client", action="update", rows=ROWS)
ROTATE_SECRET = declare(
    "api-clients.rotate-secret",
    resource="api-client",
    action="update",
    rows=ROWS,
)
REVOKE_CLIENT = declare("api-clients.revoke", resource="api-client", action="delete", rows=ROWS)
_PATH = "/organisations/{organisationId}/api-clients"


@router.get(_PATH, response_model=list[ApiClientRead], responses=problems(400, 401, 403, 404))
async def list_api_clients(
    organisation_id: OrganisationId,
    principal: Annotated[Principal, Depends(guard(LIST_CLIENTS))],
    session: SessionDep,
) -> list[ApiClientRead]:
    """The organisation's API clients, with their usage and last errors."""
    return await service.list_clients(session, principal, organisation_id=organisation_id)


@router.post(
    _PATH,
    status_code=201,
    response_model=ApiClientCreated,
    responses=problems(400, 401, 403, 404),
)
async def register_api_client(
    organisation_id: OrganisationId,
    body: ApiClientCreate,
    principal: Annotated[Principal, Depends(guard(REGISTER_CLIENT))],
    session: SessionDep,
    response: Response,
) -> ApiClientCreated:
    """Register a system of the organisation (planning, billing) as an API client. The answer
    holds `clientSecret` once: only its hash is stored."""
    created = await service.register_client(
        session, principal, organisation_id=organisation_id, data=body
    )
    response.headers["Cache-Control"] = "no-store"
    return created


@router.get(
    _PATH + "/{clientId}", response_model=ApiClientRead, responses=problems(400, 401, 403, 404)
)
async def read_api_client(
    organisation_id: OrganisationId,
    client_id: ClientId,
    principal: Annotated[Principal, Depends(guard(READ_CLIENT))],
    session: SessionDep,
) -> ApiClientRead:
    """One API client, with its live secrets (hints only), usage per day and last errors."""
    return await service.read_client(
        session, principal, organisation_id=organisation_id, client_id=client_id
    )


@router.patch(
    _PATH + "/{clientId}", response_model=ApiClientRead, responses=problems(400, 401, 403, 404)
)
async def update_api_client(
    organisation_id: OrganisationId,
    client_id: ClientId,
    body: ApiClientUpdate,
    principal: Annotated[Principal, Depends(guard(UPDATE_CLIENT))],
    session: SessionDep,
) -> ApiClientRead:
    """Rename the client or change its scopes; fewer scopes hold from its next call."""
    return await service.update_client(
        session, principal, organisation_id=organisation_id, client_id=client_id, data=body
    )


@router.post(
    _PATH + "/{clientId}/secret-rotation",
    status_code=201,
    response_model=ApiClientSecretIssued,
    responses=problems(400, 401, 403, 404),
)
async def rotate_api_client_secret(
    organisation_id: OrganisationId,
    client_id: ClientId,
    body: SecretRotation,
    principal: Annotated[Principal, Depends(guard(ROTATE_SECRET))],
    session: SessionDep,
    response: Response,
) -> ApiClientSecretIssued:
    """A new secret, shown once; the current ones keep working for `overlapHours`."""
    issued = await service.rotate_secret(
        session, principal, organisation_id=organisation_id, client_id=client_id, data=body
    )
    response.headers["Cache-Control"] = "no-store"
    return issued


@router.delete(_PATH + "/{clientId}", status_code=204, responses=problems(400, 401, 403, 404))
async def revoke_api_client(
    organisation_id: OrganisationId,
    client_id: ClientId,
    principal: Annotated[Principal, Depends(guard(REVOKE_CLIENT))],
    session: SessionDep,
) -> Response:
    """Revoke the client: its secrets and tokens stop working at once. The record stays."""
    await service.revoke_client(
        session, principal, organisation_id=organisation_id, client_id=client_id
    )
    return Response(status_code=204)
