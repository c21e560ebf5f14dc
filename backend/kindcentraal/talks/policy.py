"""Who publishes talk slots, who books them, who cancels.

- Publish for a group: who works with it (as for announcements). For chosen children: their
  contact person, staff of an organisation placing them, the admins of their centre.
- See a slot: its publisher and the admins of its centre; a family while it is open and
  offered to one of their children, or booked for one of them.
- Book: a guardian (with or without parental authority) of a child offered the slot.
- Cancel a booking: a guardian of the booked child until the slot's deadline; the publisher
  and the centre's admins until the talk starts (or they delete the slot).
"""

from kindcentraal.auth.principal import Principal
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.roles import Role
from kindcentraal.talks.models import TalkRound

PUBLISHER_ROLES = frozenset({Role.CENTRE_ADMIN, Role.ORG_ADMIN, Role.STAFF, Role.CARE_PROFESSIONAL})


def plans_for_child(relations: ChildRelations) -> bool:
    return (
        relations.is_contact_person
        or bool(relations.own_placing_organisation_ids)
        or relations.is_centre_admin
    )


def manages_round(principal: Principal, talk_round: TalkRound) -> bool:
    return talk_round.publisher_id == principal.user_id or principal.administers_centre(
        talk_round.centre_id
    )
