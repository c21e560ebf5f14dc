import functools
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response

from kindcentraal.auth.dependencies import Jobs, SessionDep, get_jobs, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.common.responses import problems
from kindcentraal.family import export as exports
from kindcentraal.family import home
from kindcentraal.family.schemas import DataExportRead, ExportFormat, ParentHome
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["family"])
ChildId = Annotated[uuid.UUID, Path(alias="childId")]
ExportId = Annotated[uuid.UUID, Path(alias="exportId")]

HOME = declare(
    "family.home",
    resource="child",
    action="read",
    rows="the caller's own children (as a guardian); none for others",
)
CREATE_EXPORT = declare(
    "data-exports.create",
    resource="data-export",
    action="create",
    rows="the child's guardians; without parental authority without the care data",
)
READ_EXPORT = declare(
    "data-exports.read",
    resource="data-export",
    action="read",
    rows="the guardian who asked for it",
)
READ_EXPORT_CONTENT = declare(
    "data-exports.content",
    resource="data-export",
    action="read",
    rows="the guardian who asked for it, while still the child's guardian",
)


@router.get("/me/home", response_model=ParentHome, responses=problems(401))
async def read_home(
    principal: Annotated[Principal, Depends(guard(HOME))], session: SessionDep
) -> ParentHome:
    """The parent app's home in one request: each of the caller's children (oldest first)
    with today's day, the contact person and what waits for the guardian. One access-log
    event per child."""
    return await home.read_home(session, principal)


@router.post(
    "/children/{childId}/data-exports",
    status_code=202,
    response_model=DataExportRead,
    responses=problems(400, 401, 403, 404),
)
async def create_export(
    child_id: ChildId,
    principal: Annotated[Principal, Depends(guard(CREATE_EXPORT))],
    session: SessionDep,
    jobs: Annotated[Jobs, Depends(get_jobs)],
) -> DataExportRead:
    """Export everything stored about the child and about you (AVG art. 15). It is prepared
    in the background: follow `progress` at `GET /data-exports/{exportId}`."""
    export = await exports.request_export(session, principal, child_id=child_id)
    jobs.start(functools.partial(exports.run_export, principal=principal, export_id=export.id))
    return exports.read_model(export)


@router.get(
    "/data-exports/{exportId}",
    response_model=DataExportRead,
    responses=problems(400, 401, 404),
)
async def read_export(
    export_id: ExportId,
    principal: Annotated[Principal, Depends(guard(READ_EXPORT))],
    session: SessionDep,
) -> DataExportRead:
    """Status and progress of an export, for the guardian who asked for it."""
    return await exports.get_export(session, principal, export_id=export_id)


@router.get(
    "/data-exports/{exportId}/content",
    responses={
        200: {
            "description": "The export file.",
            "content": {"application/json": {}, "text/html": {}},
        },
        **problems(400, 401, 403, 404),
    },
)
async def read_export_content(
    export_id: ExportId,
    principal: Annotated[Principal, Depends(guard(READ_EXPORT_CONTENT))],
    session: SessionDep,
    fmt: Annotated[
        ExportFormat,
        Query(alias="format", description="json: the data; html: a readable page to print."),
    ] = "json",
) -> Response:
    """The file, once ready, as JSON or as a readable HTML page; each download is logged."""
    text, media_type = await exports.export_content(
        session, principal, export_id=export_id, fmt=fmt
    )
    return Response(
        content=text,
        media_type=media_type,
        headers={
            "Content-Disposition": f'attachment; filename="kindcentraal-gegevens.{fmt}"',
            # A downloaded page opened in the browser runs nothing and loads nothing.
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "Cache-Control": "no-store",
        },
    )
