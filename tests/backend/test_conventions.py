"""Cross-cutting conventions: headers, problem+json, slashes, 405, landing resource, layering."""

import ast
from collections.abc import Iterator
from pathlib import Path

import httpx

import kindcentraal.auth
from tests.backend.factories import World


async def test_every_response_has_api_version_and_no_store(client: httpx.AsyncClient) -> None:
    for path in ("/", "/children", "/does-not-exist"):
        response = await client.get(path)
        assert response.headers["API-Version"] == "1.0.0"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"


async def test_large_answers_are_compressed_for_clients_that_ask(
    client: httpx.AsyncClient, world: World
) -> None:
    headers = world.headers("centre_admin")
    asked = await client.get("/openapi.json", headers={"Accept-Encoding": "gzip"})
    assert asked.headers["content-encoding"] == "gzip"
    assert asked.json()["openapi"].startswith("3.")  # httpx decodes it: the same document
    assert asked.headers["API-Version"] == "1.0.0"
    plain = await client.get("/children", headers={**headers, "Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json()["items"]
    small = await client.get("/", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers  # under 1,000 bytes: not worth it


async def test_outer_404_is_problem_json(client: httpx.AsyncClient, server: str) -> None:
    async with httpx.AsyncClient(base_url=server) as raw:
        response = await raw.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404
    assert response.headers["API-Version"] == "1.0.0"


async def test_landing_resource_links_to_the_documents(client: httpx.AsyncClient) -> None:
    body = (await client.get("/")).json()
    assert body["links"]["openapi"]["href"] == "openapi.json"
    assert body["links"]["docs"]["href"] == "docs"


async def test_openapi_json_is_public_with_cors_star(client: httpx.AsyncClient) -> None:
    response = await client.get("/openapi.json", headers={"Origin": "https://elders.example"})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert response.json()["servers"][0]["url"] == "/api/v1"


async def test_cors_allows_configured_origin_only(client: httpx.AsyncClient) -> None:
    allowed = await client.get("/", headers={"Origin": "http://127.0.0.1:5173"})
    assert allowed.headers.get("Access-Control-Allow-Origin") == "http://127.0.0.1:5173"
    refused = await client.get("/", headers={"Origin": "https://evil.example"})
    assert "Access-Control-Allow-Origin" not in refused.headers


async def test_trailing_slash_is_404_not_redirect(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/children/", headers=world.headers("teacher"))
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


async def test_405_lists_every_allowed_method(client: httpx.AsyncClient, world: World) -> None:
    response = await client.put("/children", headers=world.headers("teacher"))
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, POST"
    item = await client.post(f"/children/{world.pupil.id}", headers=world.headers("teacher"))
    assert item.headers["Allow"] == "DELETE, GET, PATCH"


async def test_invalid_query_gives_field_level_400(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get(
        "/children", params={"limit": "1000", "sort": "age"}, headers=world.headers("teacher")
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"
    errors = {(e["in"], e["location"]) for e in response.json()["errors"]}
    assert errors == {("query", "limit"), ("query", "sort")}


async def test_malformed_json_is_400_not_500(client: httpx.AsyncClient, world: World) -> None:
    response = await client.post(
        "/children",
        content=b'{"givenName": ',
        headers={**world.headers("centre_admin"), "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "json_invalid"


async def test_invalid_path_id_is_400(client: httpx.AsyncClient, world: World) -> None:
    response = await client.get("/children/not-a-uuid", headers=world.headers("teacher"))
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "in": "path",
        "location": "childId",
        "code": "uuid_parsing",
        "detail": response.json()["errors"][0]["detail"],
    }


async def test_dates_are_iso_strings_only(client: httpx.AsyncClient, world: World) -> None:
    # Lax parsing would read 0 as 1970-01-01 (a Unix time); found by schemathesis.
    for value in ("0", "1700000000", "28-11-2026"):
        response = await client.get(
            "/placements", params={"activeOn": value}, headers=world.headers("teacher")
        )
        assert response.status_code == 400, value
        assert response.json()["errors"][0]["location"] == "activeOn"
    ok = await client.get(
        "/placements", params={"activeOn": "2026-11-28"}, headers=world.headers("teacher")
    )
    assert ok.status_code == 200


async def test_production_sends_hsts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kindcentraal.config import Settings
    from kindcentraal.main import create_app

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="production",
        secret_key="p" * 48,
        database_url=f"sqlite:///{tmp_path / 'prod.db'}",
        allow_sqlite_in_production=True,
    )
    transport = httpx.ASGITransport(app=create_app(settings))
    async with httpx.AsyncClient(transport=transport, base_url="http://prod") as raw:
        response = await raw.get("/api/v1/")
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")


def _imported_modules(path: Path, package: str) -> Iterator[tuple[int, str]]:
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: resolve against the module's own package
                parent = package.rsplit(".", node.level - 1)[0]
                base = f"{parent}.{base}" if base else parent
            yield node.lineno, base
            yield from ((node.lineno, f"{base}.{alias.name}") for alias in node.names)


def test_auth_imports_no_domain_models() -> None:
    """auth/ depends on no domain's models: roles live in common/roles.py, the SQL over
    accounts in the user domain's repository, so a domain changes its tables freely."""
    folder = Path(kindcentraal.auth.__file__).parent
    offending = []
    for path in sorted(folder.rglob("*.py")):
        package = ".".join(["kindcentraal.auth", *path.relative_to(folder).parent.parts])
        offending += [
            f"{path.relative_to(folder)}:{line} imports {module}"
            for line, module in _imported_modules(path, package)
            if module.startswith("kindcentraal.")
            and module.endswith(".models")
            and module != "kindcentraal.auth.models"
        ]
    assert offending == [], "auth/ imports a domain's models:\n" + "\n".join(offending)
