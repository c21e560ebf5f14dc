"""Properties of the purge over generated histories: nothing past its term survives a run;
nothing under a legal hold, or within its term, is touched; a dry run changes nothing and
counts what the run then does; a second run finds nothing; the access log still verifies.

Each example writes its history in a savepoint of the test's transaction and rolls it back.
"""

from datetime import UTC, datetime
from typing import Any

from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, Phase, given, settings
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.audit import service as audit
from kindcentraal.audit.models import AuditEventChild, AuditSeal, AuditSealEvent
from kindcentraal.retention.purge import REMOVED
from kindcentraal.retention.service import run_retention
from tests.backend.factories import World
from tests.backend.retention.history import (
    Built,
    ChildSpec,
    build,
    histories,
    later,
    rows_of_child,
    savepoint,
    snapshot,
    value,
)


def expected(spec: ChildSpec, shift: int) -> dict[str, bool]:
    """What a run `shift` months after the history must have removed, by the documented
    default terms (docs/retention.md), worked out apart from the purge's own SQL."""
    if spec.kind == "unplaced":
        left: int | None = shift
    else:
        left = spec.left + shift if spec.left is not None else None
    basic_term = 60 if spec.kind == "pupil" else 24
    file_term = 24
    care_kept = spec.closed is not None and spec.closed + shift < 240
    record = not spec.held and left is not None and left >= basic_term and not care_kept
    file = not spec.held and ((left is not None and left >= file_term) or record)
    return {
        "record": record,
        "file": file,
        "care": not spec.held and spec.closed is not None and spec.closed + shift >= 240,
        "messages": not spec.held and (spec.talked + shift >= 24 or record),
        "attendance": not spec.held and (spec.attended + shift >= 24 or file),
    }


def check_child(built: Built, before: dict[str, Any], after: dict[str, Any], shift: int) -> None:
    gone = expected(built.spec, shift)
    if built.spec.held:
        assert after == before, "a child under a legal hold was touched"
        return
    child = after["child"]
    if gone["record"]:
        assert (value(child, "child", "given_name"), value(child, "child", "family_name")) == (
            REMOVED,
            REMOVED,
        )
        assert value(after["guardian_account"], "user_account", "display_name") == REMOVED
        # The shell keeps what the reports count.
        for column in ("centre_id", "date_of_birth", "stay_from", "stay_until", "school_from"):
            assert value(child, "child", column) == value(before["child"], "child", column)
    else:
        assert child == before["child"]
        assert after["guardian_account"] == before["guardian_account"]
    if gone["file"]:
        assert value(after["signal"], "signal", "description") == ""
        assert value(after["signal"], "signal", "created_at") == value(
            before["signal"], "signal", "created_at"
        )
    else:
        assert after["signal"] == before["signal"]
    if built.trajectory_id is not None:
        if gone["care"]:
            trajectory = after["trajectory"]
            assert value(trajectory, "support_trajectory", "reason") == ""
            for column in ("requested_at", "closed_at", "outcome", "type"):
                assert value(trajectory, "support_trajectory", column) == value(
                    before["trajectory"], "support_trajectory", column
                )
        else:
            assert after["trajectory"] == before["trajectory"]
    if gone["messages"]:
        assert value(after["thread"], "message_thread", "subject") == ""
        assert [value(m, "message", "text") for m in after["messages"]] == ["", ""]
        assert len(after["messages"]) == len(before["messages"])
    else:
        assert after["thread"] == before["thread"]
        assert after["messages"] == before["messages"]
    if gone["attendance"]:
        assert after["attendance"] is None
    else:
        assert after["attendance"] == before["attendance"]


async def _seals_to_drop(session: AsyncSession, world: World, held: set[Any]) -> list[int]:
    """The tenant's seals a run years later drops: the oldest, up to one naming a held child."""
    numbers = list(
        await session.scalars(
            select(AuditSeal.number)
            .where(AuditSeal.tenant_id == world.tenant.id)
            .order_by(AuditSeal.number)
        )
    )
    dropped = []
    for number in numbers:
        named = set(
            await session.scalars(
                select(AuditEventChild.child_id)
                .join(AuditSealEvent, AuditSealEvent.event_id == AuditEventChild.event_id)
                .join(AuditSeal, AuditSeal.id == AuditSealEvent.seal_id)
                .where(AuditSeal.tenant_id == world.tenant.id, AuditSeal.number == number)
            )
        )
        if named & held:
            break
        dropped.append(number)
    return dropped


@settings(
    max_examples=4,
    deadline=None,
    # No shrinking: each example is a database history; the failing one is printed as drawn.
    phases=(Phase.explicit, Phase.reuse, Phase.generate),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=histories, shift=later)
async def test_the_purge_removes_what_is_due_and_touches_nothing_else(
    session: AsyncSession, world: World, specs: list[ChildSpec], shift: int
) -> None:
    example = await session.begin_nested()
    try:
        built = [await build(session, world, spec, n) for n, spec in enumerate(specs)]
        held = {b.child_id for b in built if b.spec.held}
        drop = await _seals_to_drop(session, world, held) if shift else []
        now = datetime.now(UTC) + relativedelta(months=shift)

        def run(dry: bool = False) -> Any:
            return run_retention(
                lambda: savepoint(session),
                now=now,
                dry_run=dry,
                batch=3,
                tenants=[world.tenant.id],
            )

        before = await snapshot(session)
        preview = await run(dry=True)
        assert await snapshot(session) == before, "a dry run changed something"

        done = await run()
        after = await snapshot(session)
        for one in built:
            check_child(one, rows_of_child(before, one), rows_of_child(after, one), shift)
        assert {t: dict(v.rows) for t, v in preview.tenants.items()} == {
            t: dict(v.rows) for t, v in done.tenants.items()
        }, "the dry run counted otherwise than the run did"

        remaining = set(
            await session.scalars(
                select(AuditSeal.number).where(AuditSeal.tenant_id == world.tenant.id)
            )
        )
        assert not remaining & set(drop)
        held_events = await session.scalar(
            select(AuditEventChild.child_id).where(AuditEventChild.child_id.in_(held)).limit(1)
        )
        assert held_events is not None or not held
        verification = await audit.verify_log(session)
        assert verification.broken is None, verification.broken

        again = await run()
        assert again.total == 0, again.text()
        last = await snapshot(session)
        assert {k: v for k, v in last.items() if k != "audit_event"} == {
            k: v for k, v in after.items() if k != "audit_event"
        }
    finally:
        await example.rollback()
