"""The retention schedule per tenant, legal holds on children, and the purge run over every
tenant (docs/retention.md)."""

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import and_, delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from kindcentraal.audit import service as audit
from kindcentraal.auth.principal import Principal
from kindcentraal.child import service as child_service
from kindcentraal.errors import InvalidInput
from kindcentraal.retention import policy
from kindcentraal.retention.models import LegalHold, RetentionRule
from kindcentraal.retention.models import RetentionCategory as C
from kindcentraal.retention.purge import (
    BATCH,
    Progress,
    Scope,
    Tally,
    Transaction,
    purge_login_failures,
    purge_tenant,
)
from kindcentraal.retention.schedule import BY_CATEGORY, SCHEDULE
from kindcentraal.retention.schemas import (
    LegalHoldRead,
    RetentionTermRead,
    RetentionTermUpdate,
)
from kindcentraal.storage.base import Storage
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User

PURGE_RESOURCE = "retention-purge"


# --- The schedule --------------------------------------------------------------------------
async def effective_months(session: AsyncSession, tenant_id: uuid.UUID) -> dict[C, int]:
    """Every category's term in force for the tenant: its own, else the default."""
    rules = await session.execute(
        select(RetentionRule.category, RetentionRule.months).where(
            RetentionRule.tenant_id == tenant_id
        )
    )
    own = {C(category): months for category, months in rules.all()}
    return {
        term.category: own.get(term.category, term.default_months)
        for term in SCHEDULE
        if term.default_months is not None
    }


async def read_schedule(session: AsyncSession, principal: Principal) -> list[RetentionTermRead]:
    """The schedule in force for the caller's municipality."""
    months = await effective_months(session, principal.tenant_id)
    return [
        RetentionTermRead(
            category=term.category,
            months=months.get(term.category),
            default_months=term.default_months,
            minimum_months=term.minimum_months,
            clock=term.clock,
            legal_basis=term.legal_basis,
            is_default=months.get(term.category) == term.default_months,
        )
        for term in SCHEDULE
    ]


def _check(items: list[RetentionTermUpdate]) -> None:
    errors = []
    seen: set[C] = set()
    for index, item in enumerate(items):
        term = BY_CATEGORY[item.category]
        where = f"#/items/{index}"
        if item.category in seen:
            errors.append(
                {
                    "in": "body",
                    "location": f"{where}/category",
                    "code": "duplicate",
                    "detail": "Each category appears once.",
                }
            )
        seen.add(item.category)
        if item.months is None:
            continue
        if term.default_months is None:
            errors.append(
                {
                    "in": "body",
                    "location": f"{where}/months",
                    "code": "noTermOfItsOwn",
                    "detail": "This category follows the data it covered; it has no term.",
                }
            )
        elif term.minimum_months is not None and item.months < term.minimum_months:
            errors.append(
                {
                    "in": "body",
                    "location": f"{where}/months",
                    "code": "belowLegalMinimum",
                    "detail": f"The law keeps this at least {term.minimum_months} months.",
                }
            )
    if errors:
        raise InvalidInput(errors)


async def update_schedule(
    session: AsyncSession, principal: Principal, *, items: list[RetentionTermUpdate]
) -> list[RetentionTermRead]:
    """Replace the municipality's own terms; a category left out (or null) has its default."""
    _check(items)
    await session.execute(
        delete(RetentionRule).where(RetentionRule.tenant_id == principal.tenant_id)
    )
    for item in items:
        term = BY_CATEGORY[item.category]
        if item.months is None or item.months == term.default_months:
            continue
        session.add(
            RetentionRule(
                tenant_id=principal.tenant_id,
                category=item.category,
                months=item.months,
                updated_by_id=principal.user_id,
            )
        )
    await session.flush()
    await audit.record_write(session, principal, resource="retention-schedule", action="update")
    return await read_schedule(session, principal)


# --- Legal holds ---------------------------------------------------------------------------
async def _active_hold(
    session: AsyncSession, tenant_id: uuid.UUID, child_id: uuid.UUID
) -> LegalHold | None:
    return await session.scalar(select(LegalHold).where(*LegalHold.in_force(tenant_id, child_id)))


async def hold_of(
    session: AsyncSession, *, tenant_id: uuid.UUID, child_id: uuid.UUID
) -> LegalHoldRead:
    """The child's hold with the name of who set it, in one query, for a caller already
    checked with `policy.ensure_can_hold` (`read_legal_hold`, the child page's `legalHold`)."""
    found = (
        await session.execute(
            select(LegalHold, User.display_name)
            .outerjoin(
                User, and_(User.id == LegalHold.set_by_id, User.tenant_id == LegalHold.tenant_id)
            )
            .where(*LegalHold.in_force(tenant_id, child_id))
        )
    ).first()
    if found is None:
        return LegalHoldRead(child_id=child_id, held=False)
    hold, name = found
    return LegalHoldRead(
        child_id=child_id, held=True, reason=hold.reason, set_at=hold.set_at, set_by_name=name
    )


async def read_legal_hold(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> LegalHoldRead:
    """Whether the child's data is under a legal hold, for the centre's administrators."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="legal-hold",
        action="read",
        ensure=policy.ensure_can_hold,
    )
    await child_service.log_access(
        session, principal, relations, child.id, resource="legal-hold", action="read"
    )
    return await hold_of(session, tenant_id=principal.tenant_id, child_id=child.id)


async def set_legal_hold(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID, reason: str
) -> LegalHoldRead:
    """Stop the purge for this child; setting it again replaces the reason."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="legal-hold",
        action="update",
        ensure=policy.ensure_can_hold,
    )
    hold = await _active_hold(session, principal.tenant_id, child.id)
    now = datetime.now(UTC)
    if hold is None:
        hold = LegalHold(tenant_id=principal.tenant_id, child_id=child.id, set_at=now)
        session.add(hold)
    hold.reason = reason.strip()
    hold.set_by_id = principal.user_id
    await session.flush()
    # The event names the child and the action, never the reason.
    await child_service.log_access(
        session, principal, relations, child.id, resource="legal-hold", action="update"
    )
    return await hold_of(session, tenant_id=principal.tenant_id, child_id=child.id)


async def release_legal_hold(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> None:
    """Lift the hold: the purge treats the child's data by the schedule again. The hold's
    record stays."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource="legal-hold",
        action="delete",
        ensure=policy.ensure_can_hold,
    )
    hold = await _active_hold(session, principal.tenant_id, child.id)
    if hold is not None:
        hold.released_at = datetime.now(UTC)
        hold.released_by_id = principal.user_id
        await session.flush()
    await child_service.log_access(
        session, principal, relations, child.id, resource="legal-hold", action="delete"
    )


# --- The run -------------------------------------------------------------------------------
@dataclass(frozen=True)
class RunReport:
    dry_run: bool
    tenants: dict[uuid.UUID, Tally]
    login_failures: int

    def rows(self) -> dict[C, int]:
        totals: dict[C, int] = {}
        for tally in self.tenants.values():
            for category, number in tally.rows.items():
                totals[category] = totals.get(category, 0) + number
        if self.login_failures:
            totals[C.SIGN_IN] = totals.get(C.SIGN_IN, 0) + self.login_failures
        return totals

    @property
    def total(self) -> int:
        return sum(self.rows().values())

    def text(self) -> str:
        verb = "Would erase or de-identify" if self.dry_run else "Erased or de-identified"
        rows = self.rows()
        lines = [f"{verb} {self.total} rows in {len(self.tenants)} tenants."]
        lines += [f"  {term.category.value}: {rows.get(term.category, 0)}" for term in SCHEDULE]
        return "\n".join(lines)


def transactions(sessionmaker: async_sessionmaker[AsyncSession]) -> Transaction:
    """A new session and transaction per batch: each batch commits on its own."""

    @asynccontextmanager
    async def transaction() -> AsyncIterator[AsyncSession]:
        async with sessionmaker() as session, session.begin():
            yield session

    return transaction


async def run_retention(
    transaction: Transaction,
    *,
    now: datetime | None = None,
    dry_run: bool = False,
    batch: int = BATCH,
    storage: Storage | None = None,
    progress: Progress | None = None,
    tenants: list[uuid.UUID] | None = None,
) -> RunReport:
    """Purge every tenant by its schedule; per tenant one access-log event with the counts per
    category (never content). A dry run changes nothing and writes no event. `tenants`: only
    these (default: all)."""
    moment = now or datetime.now(UTC)
    async with transaction() as session:
        found = select(Tenant.id).order_by(Tenant.id)
        if tenants is not None:
            found = found.where(Tenant.id.in_(tenants))
        tenant_ids = list(await session.scalars(found))
        schedules = {t: await effective_months(session, t) for t in tenant_ids}
    tallies: dict[uuid.UUID, Tally] = {}
    for tenant_id in tenant_ids:
        scope = Scope(tenant_id=tenant_id, now=moment, months=schedules[tenant_id])
        tally = await purge_tenant(
            transaction, scope, dry_run=dry_run, batch=batch, storage=storage, progress=progress
        )
        tallies[tenant_id] = tally
        if not dry_run:
            async with transaction() as session:
                await audit.record(
                    session,
                    audit.Actor(tenant_id=tenant_id, user_id=None, role="system"),
                    resource=PURGE_RESOURCE,
                    action="delete",
                    parts=[f"{c.value}:{n}" for c, n in sorted(tally.rows.items())],
                    basis="retention schedule",
                )
    longest = max(
        (months[C.SIGN_IN] for months in schedules.values()),
        default=BY_CATEGORY[C.SIGN_IN].default_months or 6,
    )
    failures = await purge_login_failures(
        transaction,
        before=Scope(uuid.uuid4(), moment, {C.SIGN_IN: longest}).moment(C.SIGN_IN),
        dry_run=dry_run,
        batch=batch,
    )
    return RunReport(dry_run=dry_run, tenants=tallies, login_failures=failures)
