"""The principal behind a machine client's token: the client, its organisation, its scopes."""

from sqlalchemy import and_, bindparam, select

from kindcentraal.auth.principal import ClientGrant, MembershipGrant, Principal
from kindcentraal.auth.tokens import AccessClaims
from kindcentraal.common.roles import Role
from kindcentraal.driver_reads import Query, Reader
from kindcentraal.integration.models import ApiClient, ApiClientSecret
from kindcentraal.organisation.models import Organisation

_CLIENT = Query(
    select(ApiClient.organisation_id, Organisation.type, ApiClient.scopes)
    .select_from(ApiClient)
    .join(
        ApiClientSecret,
        and_(
            ApiClientSecret.client_id == ApiClient.id,
            ApiClientSecret.tenant_id == ApiClient.tenant_id,
        ),
    )
    .join(
        Organisation,
        and_(
            Organisation.id == ApiClient.organisation_id,
            Organisation.tenant_id == ApiClient.tenant_id,
        ),
    )
    .where(
        ApiClient.id == bindparam("client_id"),
        ApiClient.tenant_id == bindparam("tenant_id"),
        ApiClient.service_user_id == bindparam("user_id"),
        ApiClient.revoked_at.is_(None),
        ApiClientSecret.id == bindparam("secret_id"),
        ApiClientSecret.revoked_at.is_(None),
    )
)


async def load_client_principal(reader: Reader, *, claims: AccessClaims) -> Principal | None:
    """The client of a valid token, or None once it or the secret it used is revoked.

    The client acts as its organisation's staff does towards children (those placed with the
    organisation), within its scopes; scopes an admin took away since the token was issued
    no longer count. Its `user_id` is its service account: the name in the access log."""
    rows = await reader.all(
        _CLIENT,
        {
            "client_id": claims.client_id,
            "tenant_id": claims.tenant_id,
            "user_id": claims.user_id,
            "secret_id": claims.session_id,
        },
    )
    if not rows or claims.client_id is None:
        return None
    organisation_id, organisation_type, scopes = rows[0]
    return Principal(
        user_id=claims.user_id,
        tenant_id=claims.tenant_id,
        session_id=claims.session_id,
        memberships=(MembershipGrant(organisation_id, organisation_type, Role.STAFF),),
        client=ClientGrant(
            client_id=claims.client_id,
            organisation_id=organisation_id,
            scopes=claims.scopes & frozenset(scopes),
        ),
    )
