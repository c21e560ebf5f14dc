"""The floor under every audited read, for bench/hot_path.py: the real API plus three routes
that do only what any audited read must do, and then answer a captured children list page.

    floor-auth        the caller's policy guard: the token, the caller from the database (the
                      same dependency every route declares), no access-log event
    floor-event       the guard and one access-log event naming no child, made durable by the
                      group commit before the answer, as every read's event is
    floor-list-event  the guard and the event a list page records: `child`, `list`, naming the
                      page's children (the ids in the captured page)

No data is read beyond the caller: the difference between these and the bare endpoint is the
cost of the middleware, the routing, FastAPI's dependency solving, the caller and the event;
the difference between them and the real endpoint is what the endpoint itself reads and
builds. The routes are matched before every other route (as the hot reads are in the real
app), and exist only in this module: the product never serves them.

KC_BENCH_FLOOR_PAGE names the captured page (the teacher's `GET /children` body).

    KC_BENCH_FLOOR_PAGE=/tmp/page.json .venv/bin/uvicorn floor_app:app --app-dir bench
"""

import json
import os
import uuid
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Response

from kindcentraal.audit.service import actor_of, record
from kindcentraal.auth.dependencies import SessionDep, guard
from kindcentraal.auth.principal import Principal
from kindcentraal.child.router import LIST_CHILDREN
from kindcentraal.config import Settings
from kindcentraal.main import create_app

PREFIX = "/bench-floor"
CallerOfList = Annotated[Principal, Depends(guard(LIST_CHILDREN))]


def floor_router(page: bytes) -> APIRouter:
    children = [uuid.UUID(item["id"]) for item in json.loads(page)["items"]]
    router = APIRouter(prefix=PREFIX)

    @router.get("/auth")
    async def auth(principal: CallerOfList) -> Response:
        return Response(page, media_type="application/json")

    @router.get("/event")
    async def event(principal: CallerOfList, session: SessionDep) -> Response:
        await record(session, actor_of(principal), resource="child", action="list")
        return Response(page, media_type="application/json")

    @router.get("/list-event")
    async def list_event(principal: CallerOfList, session: SessionDep) -> Response:
        await record(
            session, actor_of(principal), resource="child", action="list", child_ids=children
        )
        return Response(page, media_type="application/json")

    return router


def create_floor_app(page: bytes, settings: Settings | None = None) -> FastAPI:
    app = create_app(settings)
    api: FastAPI = app.state.api
    existing = list(api.router.routes)
    api.include_router(floor_router(page))
    floor = api.router.routes[len(existing) :]
    api.router.routes[:] = [*floor, *existing]
    return app


def __getattr__(name: str) -> Any:
    # `uvicorn floor_app:app` builds the app on first access, as kindcentraal.main does.
    if name == "app":
        return create_floor_app(Path(os.environ["KC_BENCH_FLOOR_PAGE"]).read_bytes())
    raise AttributeError(name)
