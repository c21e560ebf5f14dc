"""The one contact person per child, handed over with care: a history of who it was, a
handover note for the new one only, the family told, and the open message threads moved."""

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child.models import Child, ContactPersonAssignment, Guardian
from kindcentraal.child.schemas import ContactPersonPeriod, PersonRef, SiblingContactPerson
from kindcentraal.child.service import PROFESSIONAL_ROLES, _managed, access_child, log_access
from kindcentraal.errors import InvalidInput
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.organisation.models import Membership
from kindcentraal.user.models import User


async def _professional(session: AsyncSession, principal: Principal, user_id: uuid.UUID) -> User:
    professional = await session.scalar(
        select(User).where(
            User.id == user_id,
            User.tenant_id == principal.tenant_id,
            User.is_active,
            User.id.in_(
                select(Membership.user_id).where(
                    Membership.tenant_id == principal.tenant_id,
                    Membership.role.in_(PROFESSIONAL_ROLES),
                )
            ),
        )
    )
    if professional is None:
        raise InvalidInput.field(
            "userId", "not_a_professional", "The contact person must be an active professional."
        )
    return professional


async def assign(
    session: AsyncSession,
    principal: Principal,
    *,
    child_id: uuid.UUID,
    user_id: uuid.UUID,
    handover_note: str | None,
) -> tuple[User, datetime]:
    """Exactly one contact person per child: assigning ends the previous period. A handover
    from someone to someone else needs a note for the new contact person."""
    child, relations = await _managed(session, principal, child_id, "contact-person", "update")
    professional = await _professional(session, principal, user_id)
    note = handover_note.strip() if handover_note is not None else None
    previous = child.contact_person_id
    if previous == professional.id:
        await log_access(
            session, principal, relations, child.id, resource="contact-person", action="update"
        )
        assert child.contact_person_since is not None
        return professional, child.contact_person_since
    if previous is not None and not note:
        raise InvalidInput.field(
            "handoverNote",
            "required",
            "Write a handover note for the new contact person.",
        )
    now = datetime.now(UTC)
    current = await session.scalar(
        select(ContactPersonAssignment).where(
            ContactPersonAssignment.tenant_id == principal.tenant_id,
            ContactPersonAssignment.child_id == child.id,
            ContactPersonAssignment.ended_at.is_(None),
        )
    )
    if current is not None:
        current.ended_at = now
    session.add(
        ContactPersonAssignment(
            tenant_id=principal.tenant_id,
            child_id=child.id,
            user_id=professional.id,
            assigned_by_id=principal.user_id,
            started_at=now,
            handover_note=note or None,
        )
    )
    child.contact_person_id = professional.id
    child.contact_person_since = now
    if previous is not None:
        # Imported here: the messages domain builds on children, not the other way round.
        from kindcentraal.messages.service import move_open_threads

        await move_open_threads(
            session,
            tenant_id=principal.tenant_id,
            child_id=child.id,
            from_user_id=previous,
            to_user_id=professional.id,
        )
    guardians = await session.scalars(
        select(Guardian.user_id).where(
            Guardian.tenant_id == principal.tenant_id, Guardian.child_id == child.id
        )
    )
    await notify(
        session,
        principal,
        list(guardians),
        NotificationKind.CONTACT_PERSON_CHANGED,
        child_id=child.id,
    )
    await notify(
        session,
        principal,
        [professional.id],
        NotificationKind.HANDOVER_RECEIVED,
        child_id=child.id,
    )
    await session.flush()
    await log_access(
        session, principal, relations, child.id, resource="contact-person", action="update"
    )
    return professional, now


async def siblings(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID
) -> list[SiblingContactPerson]:
    """Children sharing a guardian with this one that the caller also relates to."""
    family = select(Guardian.user_id).where(
        Guardian.tenant_id == principal.tenant_id, Guardian.child_id == child_id
    )
    sibling_ids = select(Guardian.child_id).where(
        Guardian.tenant_id == principal.tenant_id,
        Guardian.user_id.in_(family),
        Guardian.child_id != child_id,
    )
    rows = await session.execute(
        select(Child.id, Child.given_name, User.id, User.display_name)
        .outerjoin(User, User.id == Child.contact_person_id)
        .where(
            Child.tenant_id == principal.tenant_id,
            Child.id.in_(sibling_ids),
            child_policy.readable_children(principal),
        )
        .order_by(Child.date_of_birth, Child.id)
    )
    return [
        SiblingContactPerson(
            child_id=sibling_id,
            given_name=given_name,
            contact_person=PersonRef(user_id=person_id, display_name=person_name)
            if person_id is not None
            else None,
        )
        for sibling_id, given_name, person_id, person_name in rows.tuples()
    ]


async def history(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[ContactPersonPeriod]:
    """Who was the child's contact person when, the newest first; a handover note only for
    the contact person it was written for."""
    child, relations = await access_child(
        session, principal, child_id=child_id, resource="contact-person", action="read"
    )
    person = aliased(User)
    assigner = aliased(User)
    rows = await session.execute(
        select(
            ContactPersonAssignment,
            person.display_name,
            assigner.display_name,
        )
        .outerjoin(person, person.id == ContactPersonAssignment.user_id)
        .outerjoin(assigner, assigner.id == ContactPersonAssignment.assigned_by_id)
        .where(
            ContactPersonAssignment.tenant_id == principal.tenant_id,
            ContactPersonAssignment.child_id == child.id,
        )
        .order_by(ContactPersonAssignment.started_at.desc(), ContactPersonAssignment.id)
    )
    periods = [
        ContactPersonPeriod(
            contact_person=PersonRef(user_id=period.user_id, display_name=name)
            if period.user_id is not None and name is not None
            else None,
            started_at=period.started_at,
            ended_at=period.ended_at,
            assigned_by=PersonRef(user_id=period.assigned_by_id, display_name=by_name)
            if period.assigned_by_id is not None and by_name is not None
            else None,
            handover_note=period.handover_note if period.user_id == principal.user_id else None,
        )
        for period, name, by_name in rows.tuples()
    ]
    await log_access(
        session,
        principal,
        relations,
        child.id,
        resource="contact-person",
        action="read",
        parts=["history"],
    )
    return periods
