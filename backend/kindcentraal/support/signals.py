"""Signals: how support starts inside the centre, without an outside referral."""

import uuid
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from kindcentraal.auth.principal import Principal
from kindcentraal.child import policy as child_policy
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Child
from kindcentraal.child.policy import ChildRelations
from kindcentraal.common.pagination import PageParams, SortKey, paginate
from kindcentraal.errors import AppError, Conflict, Forbidden, NotFound
from kindcentraal.notification.models import NotificationKind
from kindcentraal.notification.service import notify
from kindcentraal.support import policy
from kindcentraal.support import service as trajectories
from kindcentraal.support.models import CareCoordinator, Signal, SignalCategory
from kindcentraal.support.schemas import (
    SignalCreate,
    SignalDecisionCreate,
    SignalRead,
    SupportRequestCreate,
)
from kindcentraal.user.models import User

RESOURCE = "signal"
_Author = aliased(User, name="author")
_Decider = aliased(User, name="decider")


def _statement() -> Select[*tuple[Any, ...]]:
    return (
        select(
            Signal, Child.given_name, Child.family_name, _Author.display_name, _Decider.display_name
        )
        .join(Child, Child.id == Signal.child_id)
        .join(_Author, _Author.id == Signal.author_id)
        .outerjoin(_Decider, _Decider.id == Signal.decided_by_id)
    )


def _read(row: Any) -> SignalRead:
    signal, given, family, author, decider = row
    return SignalRead(
        id=signal.id,
        child_id=signal.child_id,
        child_name=f"{given} {family}",
        category=signal.category,
        description=signal.description,
        from_guardians=signal.from_guardians,
        requested_type=signal.requested_type,
        author_id=signal.author_id,
        author_name=author,
        status="decided" if signal.decision is not None else "open",
        decision=signal.decision,
        decision_reason=signal.decision_reason,
        review_on=signal.review_on,
        decided_at=signal.decided_at,
        decided_by_name=decider,
        trajectory_id=signal.trajectory_id,
        created_at=signal.created_at,
    )


async def _one(session: AsyncSession, signal_id: uuid.UUID) -> SignalRead:
    return _read((await session.execute(_statement().where(Signal.id == signal_id))).one())


async def _deciders(session: AsyncSession, child: Child) -> list[uuid.UUID | None]:
    coordinators = await session.scalars(
        select(CareCoordinator.user_id).where(
            CareCoordinator.centre_id == child.centre_id,
            CareCoordinator.tenant_id == child.tenant_id,
        )
    )
    return [child.contact_person_id, *coordinators]


async def _raise(
    session: AsyncSession,
    principal: Principal,
    child: Child,
    relations: ChildRelations,
    *,
    category: SignalCategory,
    description: str,
    from_guardians: bool,
    requested_type: Any = None,
) -> SignalRead:
    signal = Signal(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        author_id=principal.user_id,
        author_organisation_id=None if from_guardians else relations.acting_organisation(),
        category=category,
        description=description,
        from_guardians=from_guardians,
        requested_type=requested_type,
    )
    session.add(signal)
    await session.flush()
    await notify(
        session,
        principal,
        await _deciders(session, child),
        NotificationKind.SIGNAL_ASSIGNED,
        child_id=child.id,
        signal_id=signal.id,
    )
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action="create"
    )
    return await _one(session, signal.id)


async def raise_signal(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: SignalCreate
) -> SignalRead:
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource=RESOURCE,
        action="create",
        ensure=policy.ensure_can_raise_signal,
    )
    return await _raise(
        session,
        principal,
        child,
        relations,
        category=data.category,
        description=data.description,
        from_guardians=False,
    )


async def ask_support(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, data: SupportRequestCreate
) -> SignalRead:
    """A guardian asks for support directly; it reaches the contact person as a signal."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="support-request",
        action="create",
        ensure=policy.ensure_can_ask_support,
    )
    return await _raise(
        session,
        principal,
        child,
        relations,
        category=data.category,
        description=data.description,
        from_guardians=True,
        requested_type=data.trajectory_type,
    )


async def list_child_signals(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> list[SignalRead]:
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource=RESOURCE,
        action="list",
        ensure=policy.ensure_can_see_signals,
    )
    found = await signals_of(session, principal, child.id, relations)
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action="list"
    )
    return found


async def signals_of(
    session: AsyncSession, principal: Principal, child_id: uuid.UUID, relations: ChildRelations
) -> list[SignalRead]:
    """A child's signals for a caller who may see signals: all of them for its deciders, their
    own for anyone else; newest first. Neither checks access nor logs (see `plan_of`)."""
    statement = _statement().where(
        Signal.child_id == child_id, Signal.tenant_id == principal.tenant_id
    )
    author = policy.signal_filter_for(principal, relations)
    if author is not None:
        statement = statement.where(Signal.author_id == author)
    rows = await session.execute(statement.order_by(Signal.created_at.desc(), Signal.id))
    return [_read(row) for row in rows.all()]


SignalStatus = Literal["open", "decided"]


async def inbox(
    session: AsyncSession,
    principal: Principal,
    *,
    status: SignalStatus | None,
    centre_id: uuid.UUID | None,
    page: PageParams,
) -> tuple[list[SignalRead], str | None]:
    """The signals the caller decides (contact person, care coordinator) or wrote."""
    statement = _statement().where(
        Signal.tenant_id == principal.tenant_id,
        child_policy.readable_children(principal),
        or_(
            Child.contact_person_id == principal.user_id,
            Child.centre_id.in_(sorted(principal.coordinator_centre_ids)),
            Signal.author_id == principal.user_id,
        ),
    )
    if status == "open":
        statement = statement.where(Signal.decision.is_(None))
    elif status == "decided":
        statement = statement.where(Signal.decision.is_not(None))
    if centre_id is not None:
        statement = statement.where(Child.centre_id == centre_id)
    rows, cursor = await paginate(
        session,
        statement,
        sort=SortKey(Signal.created_at, descending=True),
        id_column=Signal.id,
        params=page,
        rows=True,
    )
    items = [_read(row) for row in rows]
    children = sorted({item.child_id for item in items}, key=str)
    if children:
        await child_service.log_access_many(
            session, principal, children, resource=RESOURCE, action="list"
        )
    return items, cursor


async def decide(
    session: AsyncSession, principal: Principal, *, signal_id: uuid.UUID, data: SignalDecisionCreate
) -> SignalRead:
    action = "decide"
    signal = await session.scalar(
        select(Signal).where(Signal.id == signal_id, Signal.tenant_id == principal.tenant_id)
    )
    if signal is None:
        raise NotFound("signal")
    child, relations = await child_service.access_child(
        session, principal, child_id=signal.child_id, resource=RESOURCE, action=action
    )

    def refused(exc: AppError) -> AppError:
        return child_service.deny(
            exc, principal, child_id=child.id, resource=RESOURCE, action=action, relations=relations
        )

    if not policy.decides_signals(relations):
        # Its author may see it, nobody else but the deciders even learns it exists.
        if signal.author_id != principal.user_id:
            raise refused(NotFound("signal"))
        raise refused(Forbidden("The contact person or a care coordinator decides on a signal."))
    if signal.decision is not None:
        raise refused(Conflict("This signal was decided already."))
    if data.trajectory is not None:
        try:
            trajectory = await trajectories.request_support(
                session,
                principal,
                child,
                relations,
                data.trajectory,
                reason=data.trajectory.reason or signal.description,
                field_prefix="trajectory/",
            )
        except AppError as exc:
            raise refused(exc) from None
        signal.trajectory_id = trajectory.id
    signal.decision = data.decision
    signal.decision_reason = data.reason
    signal.review_on = data.review_on
    signal.decided_by_id = principal.user_id
    signal.decided_at = datetime.now(UTC)
    await session.flush()
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action=action
    )
    return await _one(session, signal.id)
