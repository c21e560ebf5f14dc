"""Shared assertions of the API tests."""

from typing import Any

import httpx


def assert_problem(
    response: httpx.Response,
    status: int,
    *,
    location: str | None = None,
    code: str | None = None,
    where: str = "body",
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["type"].startswith("https://kindcentraal.nl/problems/")
    assert body["title"]
    assert body["detail"]
    if location is not None:
        matches = [e for e in body["errors"] if e["location"] == location]
        assert matches, body["errors"]
        assert matches[0]["in"] == where
        assert matches[0]["detail"]
        if code is not None:
            assert matches[0]["code"] == code, matches
    return body
