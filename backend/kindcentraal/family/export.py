"""The AVG export of a child's file: asked for in a request, prepared after it in steps
that each commit their progress, kept for a day, downloaded as JSON or readable HTML.

The reads run under the requesting guardian's own policies (the child page's parts), so the
export holds exactly what that guardian may see, and no more."""

import json
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.attendance import service as attendance_service
from kindcentraal.audit import access_log
from kindcentraal.auth.dependencies import JobSessions
from kindcentraal.auth.models import AuthSession
from kindcentraal.auth.principal import Principal
from kindcentraal.child import page as child_page
from kindcentraal.child import service as child_service
from kindcentraal.child.models import Guardian
from kindcentraal.common.pagination import MAX_LIMIT, PageParams
from kindcentraal.errors import NotFound
from kindcentraal.family import policy
from kindcentraal.family.models import DataExport, ExportStatus
from kindcentraal.family.schemas import DataExportRead, ExportFormat
from kindcentraal.notification.models import Notification
from kindcentraal.notification.service import ABOUT
from kindcentraal.user.models import User
from kindcentraal.user.repository import load_caller

logger = logging.getLogger(__name__)

EXPORT_TTL = timedelta(hours=24)
RESOURCE = "data-export"
BASE_PARTS: frozenset[child_page.Part] = frozenset(
    {"guardians", "placements", "contactPerson", "dailyTeam", "enrolments"}
)
CARE_PARTS: frozenset[child_page.Part] = frozenset(
    {"careTeam", "consents", "plan", "trajectories", "signals"}
)


def _now() -> datetime:
    return datetime.now(UTC)


def _expired(export: DataExport) -> bool:
    return export.status == ExportStatus.EXPIRED or export.expires_at < _now()


def read_model(export: DataExport) -> DataExportRead:
    """Past its term an export reads as expired even before its file is erased: a read (a GET,
    read-only) never writes; the next export asked for in the tenant erases it."""
    read = DataExportRead.model_validate(export)
    return read.model_copy(update={"status": "expired"}) if _expired(export) else read


async def request_export(
    session: AsyncSession, principal: Principal, *, child_id: uuid.UUID
) -> DataExport:
    """Queue an export; the caller starts `run_export` once this unit of work committed."""
    child, relations = await child_service.access_child(
        session,
        principal,
        child_id=child_id,
        resource=RESOURCE,
        action="create",
        ensure=policy.ensure_can_export,
    )
    await _erase_expired(session, principal.tenant_id)
    care = policy.includes_care_data(relations)
    export = DataExport(
        tenant_id=principal.tenant_id,
        child_id=child.id,
        requested_by_id=principal.user_id,
        status=ExportStatus.QUEUED,
        progress=0,
        care_data_included=care,
        expires_at=_now() + EXPORT_TTL,
    )
    session.add(export)
    await session.flush()
    await child_service.log_access(
        session, principal, relations, child.id, resource=RESOURCE, action="create"
    )
    return export


async def _erase_expired(session: AsyncSession, tenant_id: uuid.UUID) -> None:
    """The tenant's expired files are erased; the row stays as the record that an export was
    made."""
    await session.execute(
        update(DataExport)
        .where(
            DataExport.tenant_id == tenant_id,
            DataExport.expires_at < _now(),
            DataExport.status != ExportStatus.EXPIRED,
        )
        .values(status=ExportStatus.EXPIRED, content=None)
    )


async def _own_export(
    session: AsyncSession, principal: Principal, export_id: uuid.UUID
) -> DataExport:
    export = await session.scalar(
        select(DataExport).where(
            DataExport.id == export_id,
            DataExport.tenant_id == principal.tenant_id,
            DataExport.requested_by_id == principal.user_id,
        )
    )
    if export is None:
        raise NotFound("data export")
    return export


async def get_export(
    session: AsyncSession, principal: Principal, *, export_id: uuid.UUID
) -> DataExportRead:
    """Its status and progress, for the guardian who asked for it only (others: 404)."""
    return read_model(await _own_export(session, principal, export_id))


async def export_content(
    session: AsyncSession, principal: Principal, *, export_id: uuid.UUID, fmt: ExportFormat
) -> tuple[str, str]:
    """The file (text, media type); a download is a read of the child's file, logged."""
    from kindcentraal.family.render import render_html

    export = await _own_export(session, principal, export_id)
    if export.status != ExportStatus.READY or export.content is None or _expired(export):
        raise NotFound("data export file")
    # Still the child's guardian? The download is refused (and logged) when no longer.
    _, relations = await child_service.access_child(
        session,
        principal,
        child_id=export.child_id,
        resource=RESOURCE,
        action="read",
        ensure=policy.ensure_can_export,
    )
    await child_service.log_access(
        session, principal, relations, export.child_id, resource=RESOURCE, action="read"
    )
    if fmt == "html":
        return render_html(json.loads(export.content)), "text/html; charset=utf-8"
    return export.content, "application/json"


# --- The job -------------------------------------------------------------------------------
Step = Callable[[AsyncSession, Principal, DataExport, dict[str, Any]], Awaitable[None]]


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


async def _file(
    session: AsyncSession, principal: Principal, export: DataExport, document: dict[str, Any]
) -> None:
    expand = BASE_PARTS | (CARE_PARTS if export.care_data_included else frozenset())
    page = await child_page.read_child_page(
        session, principal, child_id=export.child_id, expand=expand, log=False
    )
    child = page.child
    document["child"] = {
        "id": str(child.id),
        "givenName": child.given_name,
        "familyName": child.family_name,
        "dateOfBirth": child.date_of_birth.isoformat(),
        "hasBsn": bool(child.has_bsn),
    }
    document["file"] = _dump(child_page.embedded(page))


async def _me(
    session: AsyncSession, principal: Principal, export: DataExport, document: dict[str, Any]
) -> None:
    user = await session.get(User, principal.user_id)
    guardian = await session.scalar(
        select(Guardian).where(
            Guardian.child_id == export.child_id,
            Guardian.user_id == principal.user_id,
            Guardian.tenant_id == principal.tenant_id,
        )
    )
    assert user is not None
    document["me"] = {
        "displayName": user.display_name,
        "email": user.email,
        "phone": user.phone,
        "language": user.language,
        "relation": guardian.relation.value if guardian else None,
        "hasParentalAuthority": bool(guardian and guardian.has_parental_authority),
    }
    notifications = await session.execute(
        select(Notification.kind, Notification.created_at, Notification.read_at)
        .where(
            Notification.user_id == principal.user_id,
            Notification.tenant_id == principal.tenant_id,
            Notification.child_id == export.child_id,
        )
        .order_by(Notification.created_at)
    )
    document["notifications"] = [
        {
            "kind": kind.value,
            "text": ABOUT.get(kind, ""),
            "createdAt": created.isoformat(),
            "readAt": read.isoformat() if read else None,
        }
        for kind, created, read in notifications.all()
    ]


async def _absences(
    session: AsyncSession, principal: Principal, export: DataExport, document: dict[str, Any]
) -> None:
    document["absences"] = [
        _dump(absence)
        for absence in await attendance_service.absences_of(
            session, tenant_id=principal.tenant_id, child_id=export.child_id
        )
    ]


async def _access_log(
    session: AsyncSession, principal: Principal, export: DataExport, document: dict[str, Any]
) -> None:
    if not export.care_data_included:
        return
    entries: list[Any] = []
    cursor: str | None = None
    while True:
        page, cursor = await access_log.access_log_entries(
            session,
            tenant_id=principal.tenant_id,
            child_id=export.child_id,
            page=PageParams(limit=MAX_LIMIT, cursor=cursor),
        )
        entries += [_dump(entry) for entry in page]
        if cursor is None:
            break
    document["accessLog"] = entries


STEPS: tuple[Step, ...] = (_file, _me, _absences, _access_log)


async def run_export(sessions: JobSessions, *, principal: Principal, export_id: uuid.UUID) -> None:
    """Build the file in steps, each committing its progress; any failure marks it failed
    (without detail: the log line names no one)."""
    document: dict[str, Any] = {}
    try:
        async with sessions() as session:
            export = await session.get(DataExport, export_id)
            if export is None or export.status != ExportStatus.QUEUED:
                return
            export.status = ExportStatus.RUNNING
            export.progress = 5
            document.update(
                kind="kindcentraal-export",
                version=1,
                exportedAt=_now().isoformat(),
                careDataIncluded=export.care_data_included,
            )
        for number, step in enumerate(STEPS, 1):
            async with sessions() as session:
                export = await session.get(DataExport, export_id)
                assert export is not None
                await step(session, principal, export, document)
                export.progress = 5 + 90 * number // len(STEPS)
        async with sessions() as session:
            export = await session.get(DataExport, export_id)
            assert export is not None
            export.content = json.dumps(document, ensure_ascii=False, indent=2)
            export.status = ExportStatus.READY
            export.progress = 100
            export.ready_at = _now()
    except Exception as exc:  # the job must end in a state the guardian sees
        # The type only: a message could carry a name.
        logger.error("data export %s failed: %s", export_id, type(exc).__name__)
        async with sessions() as session:
            await session.execute(
                update(DataExport)
                .where(DataExport.id == export_id)
                .values(status=ExportStatus.FAILED, content=None)
            )


# --- Picked up by `kindcentraal worker` ----------------------------------------------------
STALLED_AFTER = timedelta(minutes=2)


async def _requester(session: AsyncSession, export: DataExport) -> Principal | None:
    """The guardian who asked, with the rights of their newest live login: an export runs
    with no more than its requester may see now, and not at all once they are logged out."""
    login = await session.scalar(
        select(AuthSession.id)
        .where(
            AuthSession.tenant_id == export.tenant_id,
            AuthSession.user_id == export.requested_by_id,
            AuthSession.revoked_at.is_(None),
        )
        .order_by(AuthSession.created_at.desc())
        .limit(1)
    )
    if login is None:
        return None
    caller = await load_caller(
        session, tenant_id=export.tenant_id, user_id=export.requested_by_id, session_id=login
    )
    if caller is None:
        return None
    return Principal(
        user_id=export.requested_by_id,
        tenant_id=export.tenant_id,
        session_id=login,
        memberships=caller.memberships,
        admin_centre_ids=caller.admin_centre_ids,
        coordinator_centre_ids=caller.coordinator_centre_ids,
        centre_admin_organisation_ids=caller.centre_admin_organisation_ids,
    )


async def resume_stalled_exports(sessions: JobSessions, *, now: datetime | None = None) -> int:
    """Exports whose job never ran or died with its API process (queued or running, without
    progress for two minutes) run again from the start; the number resumed."""
    cutoff = (now or _now()) - STALLED_AFTER
    async with sessions() as session:
        stalled = list(
            await session.scalars(
                select(DataExport).where(
                    DataExport.status.in_([ExportStatus.QUEUED, ExportStatus.RUNNING]),
                    DataExport.updated_at < cutoff,
                )
            )
        )
        jobs: list[tuple[uuid.UUID, Principal | None]] = []
        for export in stalled:
            principal = await _requester(session, export)
            if principal is None:
                export.status = ExportStatus.FAILED
            else:
                export.status = ExportStatus.QUEUED
                export.progress = 0
            jobs.append((export.id, principal))
    for export_id, principal in jobs:
        if principal is not None:
            await run_export(sessions, principal=principal, export_id=export_id)
    return sum(principal is not None for _, principal in jobs)
