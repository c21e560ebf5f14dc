import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, Path, Query

from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.common.roles import Role
from kindcentraal.common.schemas import Page
from kindcentraal.erasure import merge as merge_service
from kindcentraal.erasure import service as erasure_service
from kindcentraal.erasure.categories import ErasureCategory, ErasureReason
from kindcentraal.erasure.models import ErasureRequest
from kindcentraal.erasure.schemas import (
    CategoryAssessmentRead,
    ChildMergeCreate,
    ChildMergeRead,
    ErasedCategoryRead,
    ErasedPartRead,
    ErasureAssessmentRead,
    ErasureRequestCreate,
    ErasureRequestRead,
    KeptCategoryRead,
    MergePartRead,
)
from kindcentraal.policy.registry import declare
from kindcentraal.storage.base import Storage
from kindcentraal.storage.dependency import StorageDep

router = APIRouter(tags=["erasure"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
RequestId = Annotated[uuid.UUID, Path(alias="erasureRequestId")]
CENTRE_ADMIN = frozenset({Role.CENTRE_ADMIN})

# No role gate: an unseen child must answer 404 to everyone; who sees it but does not run its
# centre gets 403 (ensure_can_handle).
ASSESS = declare(
    "erasure.assessment",
    resource="erasure-assessment",
    action="read",
    rows="children of centres the caller administers (others who see the child: 403)",
)
CREATE = declare(
    "erasure-requests.create",
    resource="erasure-request",
    action="create",
    roles=CENTRE_ADMIN,
    rows="children of centres the caller administers",
)
LIST = declare(
    "erasure-requests.list",
    resource="erasure-request",
    action="list",
    roles=CENTRE_ADMIN,
    rows="requests of centres the caller administers",
)
# No role gate: a request the caller may not read answers 404 to everyone, whatever their role.
READ = declare(
    "erasure-requests.read",
    resource="erasure-request",
    action="read",
    rows="requests of centres the caller administers (others: 404)",
)
PREVIEW_MERGE = declare(
    "child-merges.preview",
    resource="child-merge",
    action="read",
    roles=CENTRE_ADMIN,
    rows="two children of centres the caller administers",
)
MERGE = declare(
    "child-merges.create",
    resource="child-merge",
    action="create",
    roles=CENTRE_ADMIN,
    rows="two children of centres the caller administers",
)


def _assessment(assessment: erasure_service.Assessment) -> ErasureAssessmentRead:
    return ErasureAssessmentRead(
        child_id=assessment.child_id,
        on_legal_hold=assessment.on_legal_hold,
        categories=[
            CategoryAssessmentRead(
                category=c.category,
                count=c.count,
                parts=c.parts,
                erasable=c.erasable,
                reason=c.reason,
            )
            for c in assessment.categories
        ],
    )


def _request(record: ErasureRequest) -> ErasureRequestRead:
    return ErasureRequestRead(
        id=record.id,
        centre_id=record.centre_id,
        child_id=record.child_id,
        handled_by_id=record.handled_by_id,
        handled_at=record.handled_at,
        request_received_on=record.request_received_on,
        categories=[ErasureCategory(c) for c in record.categories],
        erased=[
            ErasedCategoryRead(
                category=ErasureCategory(category),
                parts=[ErasedPartRead.model_validate(part) for part in parts],
            )
            for category, parts in record.erased.items()
        ],
        kept=[
            KeptCategoryRead(
                category=ErasureCategory(category),
                reason=ErasureReason(kept["reason"]),
                count=kept["count"],
            )
            for category, kept in record.kept.items()
        ],
        note=record.note,
    )


def _merge(plan: merge_service.MergePlan) -> ChildMergeRead:
    return ChildMergeRead(
        survivor_id=plan.survivor_id,
        duplicate_id=plan.duplicate_id,
        parts=[MergePartRead(kind=p.kind, moved=p.moved, dropped=p.dropped) for p in plan.parts],
        merged_at=plan.merged_at,
    )


async def _remove_files(storage: Storage, keys: list[str]) -> None:
    for key in keys:
        await storage.delete(key)


@router.get(
    "/children/{childId}/erasure-assessment",
    response_model=ErasureAssessmentRead,
    responses=problems(400, 401, 403, 404),
)
async def read_erasure_assessment(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(ASSESS))],
    session: SessionDep,
) -> ErasureAssessmentRead:
    """What of the child's file a guardian's erasure request (AVG art. 17) can erase, and what
    must be kept and why (a legal retention duty); counts only."""
    return _assessment(await erasure_service.read_assessment(session, principal, child_id=child_id))


@router.post(
    "/erasure-requests",
    status_code=201,
    response_model=ErasureRequestRead,
    responses=problems(400, 401, 403),
)
async def create_erasure_request(
    body: ErasureRequestCreate,
    principal: Annotated[Principal, Depends(guard(CREATE))],
    session: SessionDep,
    storage: StorageDep,
    background: BackgroundTasks,
) -> ErasureRequestRead:
    """Answer a guardian's erasure request: the erasable categories asked for are erased
    (deleted, or anonymised where the outcome reports count them) and the others kept with
    their legal reason, all in one unit of work; the outcome is recorded."""
    record, files = await erasure_service.handle_request(
        session,
        principal,
        child_id=body.child_id,
        categories=body.categories,
        request_received_on=body.request_received_on,
        note=body.note,
    )
    if files:
        # After the response, so after the unit of work committed: a rollback keeps them.
        background.add_task(_remove_files, storage, files)
    return _request(record)


@router.get(
    "/erasure-requests", response_model=Page[ErasureRequestRead], responses=problems(400, 401, 403)
)
async def list_erasure_requests(
    principal: Annotated[Principal, Depends(guard(LIST))],
    session: SessionDep,
    centre_id: Annotated[uuid.UUID | None, Query(alias="centreId")] = None,
) -> Page[ErasureRequestRead]:
    """The 100 most recent erasure requests of the centres the caller administers."""
    records = await erasure_service.list_requests(session, principal, centre_id=centre_id)
    return Page[ErasureRequestRead](items=[_request(r) for r in records], next_cursor=None)


@router.get(
    "/erasure-requests/{erasureRequestId}",
    response_model=ErasureRequestRead,
    responses=problems(400, 401, 403, 404),
)
async def read_erasure_request(
    request_id: RequestId,
    principal: Annotated[Principal, Depends(guard(READ))],
    session: SessionDep,
) -> ErasureRequestRead:
    """The recorded outcome of one request: what was erased and what kept, with counts."""
    return _request(await erasure_service.read_request(session, principal, request_id=request_id))


@router.post(
    "/child-merges/preview",
    response_model=ChildMergeRead,
    responses=problems(400, 401, 403, 409),
)
async def preview_child_merge(
    body: ChildMergeCreate,
    principal: Annotated[Principal, Depends(guard(PREVIEW_MERGE))],
    session: SessionDep,
) -> ChildMergeRead:
    """What merging the duplicate record into the survivor would move, per kind; changes
    nothing."""
    return _merge(
        await merge_service.preview_merge(
            session, principal, survivor_id=body.survivor_id, duplicate_id=body.duplicate_id
        )
    )


@router.post(
    "/child-merges",
    status_code=201,
    response_model=ChildMergeRead,
    responses=problems(400, 401, 403, 409),
)
async def create_child_merge(
    body: ChildMergeCreate,
    principal: Annotated[Principal, Depends(guard(MERGE))],
    session: SessionDep,
) -> ChildMergeRead:
    """Merge two records of the same child: everything linked to the duplicate moves to the
    survivor in one unit of work, doubles are dropped, the duplicate is deleted; audited for
    both children."""
    return _merge(
        await merge_service.merge_children(
            session, principal, survivor_id=body.survivor_id, duplicate_id=body.duplicate_id
        )
    )
