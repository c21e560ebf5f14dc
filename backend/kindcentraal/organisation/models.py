import uuid

from sqlalchemy import ForeignKey, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

# Defined where auth can use them too; re-exported for the many importers of this module.
from kindcentraal.common.roles import OrganisationType as OrganisationType
from kindcentraal.common.roles import Role as Role
from kindcentraal.db import Base, TenantMixin, str_enum


class Organisation(TenantMixin, Base):
    """A partner organisation: school, childcare, care provider, library, ..."""

    __tablename__ = "organisation"
    __table_args__ = (UniqueConstraint("tenant_id", "name"),)

    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[OrganisationType] = mapped_column(str_enum(OrganisationType, "organisation_type"))
    centre_links: Mapped[list["OrganisationCentre"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", back_populates="organisation"
    )

    @property
    def centre_ids(self) -> list[uuid.UUID]:
        return sorted((link.centre_id for link in self.centre_links), key=str)


class OrganisationCentre(TenantMixin, Base):
    """An organisation takes part in a centre."""

    __tablename__ = "organisation_centre"
    __table_args__ = (UniqueConstraint("tenant_id", "organisation_id", "centre_id"),)

    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    centre_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("child_centre.id", ondelete="CASCADE"), index=True
    )
    organisation: Mapped[Organisation] = relationship(lazy="raise", back_populates="centre_links")


class Membership(TenantMixin, Base):
    """A user's role in an organisation; roles live here, never on the user."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("tenant_id", "user_id", "organisation_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    organisation_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("organisation.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[Role] = mapped_column(str_enum(Role, "membership_role"))
    organisation: Mapped[Organisation] = relationship(lazy="raise")
