"""Every domain's models, imported for Alembic and the mapper registry."""

from kindcentraal.auth.models import AuthSession, LoginFailure, RefreshToken
from kindcentraal.centre.models import ChildCentre
from kindcentraal.child.models import Child, Guardian
from kindcentraal.db import Base
from kindcentraal.group.models import Group
from kindcentraal.organisation.models import Membership, Organisation, OrganisationCentre
from kindcentraal.placement.models import Placement
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

__all__ = [
    "AuthSession",
    "Base",
    "Child",
    "ChildCentre",
    "Group",
    "Guardian",
    "LoginFailure",
    "Membership",
    "Organisation",
    "OrganisationCentre",
    "Placement",
    "RefreshToken",
    "Tenant",
    "User",
]
