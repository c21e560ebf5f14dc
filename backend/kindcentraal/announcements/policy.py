"""Who sends announcements to whom, and who sees who read them.

- A group (school class or BSO group): the staff and administrators of the organisation that
  runs the group, and the admins of its centre.
- The whole centre: the centre's admins only. An organisation's admin reaches the families of
  their own organisation through its groups; the whole centre holds other organisations'
  families too.
- Who read and confirmed: the sender, and the admins of the announcement's centre.
"""

import uuid

from sqlalchemy import ColumnElement, and_, exists, or_, select

from kindcentraal.announcements.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementRecipientChild,
)
from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
from kindcentraal.child.models import Guardian
from kindcentraal.group.models import Group

SENDER_ROLES = PLACEMENT_ACCESS_ROLES


def works_with_group(principal: Principal, group: Group) -> bool:
    return principal.administers_centre(group.centre_id) or (
        group.organisation_id in principal.organisation_ids(PLACEMENT_ACCESS_ROLES)
    )


def addresses_centre(principal: Principal, centre_id: uuid.UUID) -> bool:
    return principal.administers_centre(centre_id)


def sees_recipients(
    principal: Principal, *, sender_id: uuid.UUID | None, centre_id: uuid.UUID
) -> bool:
    return sender_id == principal.user_id or principal.administers_centre(centre_id)


def still_guardian(principal: Principal) -> ColumnElement[bool]:
    """The recipient row's children of which the caller is still a guardian exist."""
    return exists(
        select(AnnouncementRecipientChild.id)
        .join(
            Guardian,
            and_(
                Guardian.child_id == AnnouncementRecipientChild.child_id,
                Guardian.tenant_id == AnnouncementRecipientChild.tenant_id,
            ),
        )
        .where(
            AnnouncementRecipientChild.recipient_id == AnnouncementRecipient.id,
            Guardian.user_id == principal.user_id,
        )
    )


def visible(principal: Principal) -> ColumnElement[bool]:
    """Its recipients (while still a guardian of a child it concerns), its sender, and the
    admins of its centre."""
    received = exists(
        select(AnnouncementRecipient.id).where(
            AnnouncementRecipient.announcement_id == Announcement.id,
            AnnouncementRecipient.tenant_id == principal.tenant_id,
            AnnouncementRecipient.user_id == principal.user_id,
            still_guardian(principal),
        )
    )
    relations: list[ColumnElement[bool]] = [Announcement.sender_id == principal.user_id, received]
    if principal.admin_centre_ids:
        relations.append(Announcement.centre_id.in_(principal.admin_centre_ids))
    return and_(Announcement.tenant_id == principal.tenant_id, or_(*relations))
