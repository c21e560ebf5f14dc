"""Who sends announcements to whom, and who sees who read them.

- A group (school class or BSO group): the staff and administrators of the organisation that
  runs the group, and the admins of its centre.
- The whole centre: the centre's admins only. An organisation's admin reaches the families of
  their own organisation through its groups; the whole centre holds other organisations'
  families too.
- Who read and confirmed: the sender, and the admins of the announcement's centre.
"""

import uuid

from kindcentraal.auth.principal import PLACEMENT_ACCESS_ROLES, Principal
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
