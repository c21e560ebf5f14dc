"""Parents: contact-person coverage, consents in force, the first answer to a question."""

import uuid
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    and_,
    exists,
    func,
    select,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from kindcentraal.child.models import Child, Guardian
from kindcentraal.consent.models import Consent
from kindcentraal.messages.models import Message, MessageThread
from kindcentraal.outcomes.cube import percentile, ratio
from kindcentraal.outcomes.roll import Roll
from kindcentraal.outcomes.schemas import (
    Cell,
    Indicator,
    IndicatorId,
    Row,
)
from kindcentraal.outcomes.scope import (
    ENDS,
    LAST,
    Scope,
    bucket,
    first_period,
    in_window,
    primary,
)


# --- Parents -----------------------------------------------------------------------------
def _hours_between(session: AsyncSession, early: Any, late: Any) -> ColumnElement[Any]:
    if session.get_bind().dialect.name == "postgresql":
        return func.floor(func.extract("epoch", late - early) / 3600)
    return func.floor((func.julianday(late) - func.julianday(early)) * 24)


async def parents(session: AsyncSession, scope: Scope, roll: Roll) -> Indicator:
    """Contact-person coverage and consents in force on the period's last day; the median
    hours to the first answer to a question a parent started (by the month it was asked)."""
    consents = await _consents_in_force(session, scope)
    answers = await _answers(session, scope)

    last_period = len(scope.spans) - 1

    def values(centres: Sequence[uuid.UUID], key: str) -> dict[str, Cell]:
        number = last_period if key == scope.window.key else scope.period_number(key)
        children, covered = roll.children_on(centres, number)
        in_force = sum(consents.get((centre, number), 0) for centre in centres)
        histogram: Counter[int] = Counter()
        for centre in centres:
            histogram.update(answers.get((centre, key), Counter()))
        questions = sum(histogram.values())
        small = 0 < questions < scope.threshold
        return {
            "children": primary(children, scope.threshold),
            "contactPersonCoverage": (
                Cell(value=None, suppressed=True)
                if 0 < children < scope.threshold
                else Cell(value=ratio(covered, children))
            ),
            "parentQuestions": primary(questions, scope.threshold),
            "medianHoursToFirstAnswer": (
                Cell(value=None, suppressed=True)
                if small
                else Cell(value=percentile(histogram, 0.5))
            ),
            "consentsInForce": primary(in_force, scope.threshold),
        }

    return Indicator(
        id=IndicatorId.PARENTS,
        group_by=None,
        measures=[
            "children",
            "contactPersonCoverage",
            "parentQuestions",
            "medianHoursToFirstAnswer",
            "consentsInForce",
        ],
        series=[
            Row(
                period=span.key,
                centre_id=None,
                group=None,
                values=values(list(scope.series_centres), span.key),
            )
            for span in scope.spans
        ],
        by_centre=[
            Row(period=None, centre_id=centre, group=None, values=values([centre], "all"))
            for centre in scope.centres
        ],
    )


async def _consents_in_force(
    session: AsyncSession, scope: Scope
) -> dict[tuple[uuid.UUID, int], int]:
    """Per centre and period number: consents in force on the period's last day. Each consent
    is placed by the periods it was given, withdrawn and expired in: in force at the end of
    period i when given <= i < withdrawn and expired."""
    count = len(scope.spans)
    given = first_period(Consent.given_at, scope, ENDS)
    withdrawn = first_period(Consent.withdrawn_at, scope, ENDS)
    expired = first_period(Consent.valid_until, scope, LAST)
    rows = await session.execute(
        select(Child.centre_id, given, withdrawn, expired, func.count())
        .join(Child, Child.id == Consent.child_id)
        .where(Consent.tenant_id == scope.tenant_id)
        .group_by(Child.centre_id, given, withdrawn, expired)
    )
    found: dict[tuple[uuid.UUID, int], int] = defaultdict(int)
    for centre, first, gone, lapsed, number in rows.all():
        for period in range(first, min(gone, lapsed, count)):
            found[(centre, period)] += number
    return found


async def _answers(
    session: AsyncSession, scope: Scope
) -> dict[tuple[uuid.UUID, str], Counter[int]]:
    """Per centre and period (also "all"): a histogram of whole hours from a parent's first
    message in a thread to the first message after it by someone who is not the child's
    guardian."""
    guardian_wrote = exists().where(
        Guardian.child_id == MessageThread.child_id, Guardian.user_id == Message.author_id
    )
    asked = (
        select(
            Message.thread_id.label("thread_id"),
            MessageThread.child_id.label("child_id"),
            func.min(Message.created_at).label("asked_at"),
        )
        .join(MessageThread, MessageThread.id == Message.thread_id)
        .where(Message.tenant_id == scope.tenant_id, guardian_wrote)
        .group_by(Message.thread_id, MessageThread.child_id)
        .subquery()
    )
    answer = Message.__table__.alias("answer")
    answered_by_guardian = exists().where(
        Guardian.child_id == asked.c.child_id, Guardian.user_id == answer.c.author_id
    )
    first_answer = (
        select(
            asked.c.thread_id,
            asked.c.child_id,
            asked.c.asked_at,
            func.min(answer.c.created_at).label("answered_at"),
        )
        .join(
            answer,
            and_(answer.c.thread_id == asked.c.thread_id, answer.c.created_at > asked.c.asked_at),
        )
        .where(~answered_by_guardian, answer.c.author_id.is_not(None))
        .group_by(asked.c.thread_id, asked.c.child_id, asked.c.asked_at)
        .subquery()
    )
    hours = _hours_between(session, first_answer.c.asked_at, first_answer.c.answered_at)
    found: dict[tuple[uuid.UUID, str], Counter[int]] = defaultdict(Counter)
    period_key = bucket(first_answer.c.asked_at, scope)
    rows = await session.execute(
        select(Child.centre_id, period_key, hours, func.count())
        .join(Child, Child.id == first_answer.c.child_id)
        .where(in_window(first_answer.c.asked_at, scope))
        .group_by(Child.centre_id, period_key, hours)
    )
    for centre, key, whole_hours, number in rows.all():
        found[(centre, key)][int(whole_hours)] += number
        found[(centre, "all")][int(whole_hours)] += number
    return found
