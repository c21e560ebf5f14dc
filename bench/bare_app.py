"""The floor for bench/hot_path.py: a minimal FastAPI app serving captured bytes.

KC_BENCH_BARE_DIR names a folder of `<name>.body` (the exact response body the real API sent)
and `<name>.type` (its Content-Type) files; every pair becomes `GET /<name>`, answering those
bytes with that type and nothing else: no database, no authentication, no middleware.
Served by uvicorn with the same flags and worker count as the real API, so the difference
between the two is what KindCentraal does per request.

    KC_BENCH_BARE_DIR=/tmp/x .venv/bin/uvicorn bare_app:app --app-dir bench --port 9000
"""

import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Response


def _handler(body: bytes, media_type: str) -> Callable[[], Awaitable[Response]]:
    async def serve() -> Response:
        return Response(content=body, media_type=media_type)

    return serve


def create_app(folder: Path) -> FastAPI:
    app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
    for body_file in sorted(folder.glob("*.body")):
        name = body_file.name.removesuffix(".body")
        media_type = (folder / f"{name}.type").read_text().strip()
        app.add_api_route(f"/{name}", _handler(body_file.read_bytes(), media_type), methods=["GET"])
    return app


app = create_app(Path(os.environ["KC_BENCH_BARE_DIR"]))
