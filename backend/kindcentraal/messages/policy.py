"""Who sees a thread and who may do what in it.

A thread is about one child. It is visible to a caller who still relates to the child (the
child policy) and either takes part in it (not left) or is the child's contact person now.
Guardians open threads with the contact person; the contact person opens threads with the
guardians, and closes (and reopens) them. A guardian with parental authority or the contact
person adds care-team members whose organisation has the guardians' care-team consent in
force. Only a message's author withdraws it.
"""

import uuid
from datetime import date

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child import policy as child_policy
from kindcentraal.child.models import Child
from kindcentraal.child.policy import ChildRelations
from kindcentraal.errors import Forbidden
from kindcentraal.messages.models import MessageThread, ThreadParticipant
from kindcentraal.organisation.models import Membership

Mine = aliased(ThreadParticipant, name="mine")


def active_participant(user_id: uuid.UUID) -> ColumnElement[bool]:
    """The caller's own, not-left participant row of the thread (correlated)."""
    return exists(
        select(ThreadParticipant.id).where(
            ThreadParticipant.thread_id == MessageThread.id,
            ThreadParticipant.user_id == user_id,
            ThreadParticipant.left_at.is_(None),
        )
    )


def visible_threads(principal: Principal) -> Select[MessageThread]:
    """The threads the caller may see, with their child joined (unseen threads: 404)."""
    return (
        select(MessageThread)
        .join(Child, Child.id == MessageThread.child_id)
        .where(MessageThread.tenant_id == principal.tenant_id, thread_filter(principal))
    )


def thread_filter(principal: Principal) -> ColumnElement[bool]:
    """On rows of `message_thread` joined with `child`."""
    return and_(
        child_policy.readable_children(principal),
        or_(
            active_participant(principal.user_id),
            Child.contact_person_id == principal.user_id,
        ),
    )


def ensure_can_open(relations: ChildRelations) -> None:
    if not (relations.is_guardian or relations.is_contact_person):
        raise Forbidden("Threads are between the child's guardians and its contact person.")


def ensure_can_close(relations: ChildRelations) -> None:
    if not relations.is_contact_person:
        raise Forbidden("Only the child's contact person closes or reopens a thread.")


def ensure_can_add_participant(relations: ChildRelations) -> None:
    if not (relations.guardian_with_authority or relations.is_contact_person):
        raise Forbidden(
            "Only a guardian with parental authority or the contact person adds participants."
        )


def consented_team_member(
    child_id: uuid.UUID, tenant_id: uuid.UUID, user_id: uuid.UUID, today: date
) -> Select[uuid.UUID]:
    """The user's care-team membership of the child, on the team today, still a member of
    the organisation acted for, with the guardians' care-team consent in force for it (the
    same rule that lets them see the child)."""
    return (
        select(CareTeamMember.id)
        .join(
            Membership,
            and_(
                Membership.user_id == CareTeamMember.user_id,
                Membership.organisation_id == CareTeamMember.organisation_id,
            ),
        )
        .where(
            CareTeamMember.child_id == child_id,
            CareTeamMember.tenant_id == tenant_id,
            CareTeamMember.user_id == user_id,
            child_policy.active_team_membership(today),
            child_policy.team_consent_in_force(today),
        )
    )
