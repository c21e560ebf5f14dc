"""The first centre administrator of a tenant, from the CLI."""

from sqlalchemy import select

from kindcentraal.auth.passwords import hash_password
from kindcentraal.config import Settings
from kindcentraal.db import Database
from kindcentraal.organisation.models import Membership, Organisation, OrganisationType, Role
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User


async def create_centre_admin(
    settings: Settings,
    *,
    email: str,
    display_name: str,
    password: str,
    tenant_slug: str,
    tenant_name: str,
    organisation_name: str,
) -> str:
    database = Database(settings.async_database_url)
    try:
        async with database.sessionmaker() as session, session.begin():
            tenant = await session.scalar(select(Tenant).where(Tenant.slug == tenant_slug))
            if tenant is None:
                tenant = Tenant(slug=tenant_slug, name=tenant_name)
                session.add(tenant)
                await session.flush()
            organisation = await session.scalar(
                select(Organisation).where(
                    Organisation.tenant_id == tenant.id, Organisation.name == organisation_name
                )
            )
            if organisation is None:
                organisation = Organisation(
                    tenant_id=tenant.id, name=organisation_name, type=OrganisationType.MUNICIPALITY
                )
                session.add(organisation)
                await session.flush()
            normalised = email.strip().lower()
            if await session.scalar(
                select(User.id).where(User.tenant_id == tenant.id, User.email == normalised)
            ):
                return "An account with this email address already exists; nothing changed."
            user = User(
                tenant_id=tenant.id,
                email=normalised,
                display_name=display_name,
                password_hash=hash_password(password),
            )
            session.add(user)
            await session.flush()
            session.add(
                Membership(
                    tenant_id=tenant.id,
                    user_id=user.id,
                    organisation_id=organisation.id,
                    role=Role.CENTRE_ADMIN,
                )
            )
        return f"Centre administrator created in tenant '{tenant_slug}'."
    finally:
        await database.dispose()
