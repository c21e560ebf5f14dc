"""Browser-hardening headers on every API response, the docs page's own policy, and the
endpoint browsers send Content-Security-Policy violation reports to."""

import base64
import hashlib
import json
import logging
import re

import httpx
import pytest

from kindcentraal.config import Settings
from kindcentraal.main import create_app

STRICT = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


async def test_every_api_response_carries_the_security_headers(
    client: httpx.AsyncClient, server: str
) -> None:
    async with httpx.AsyncClient(base_url=server) as raw:
        outer_404 = await raw.get("/nowhere")
    for response in (
        await client.get("/"),
        await client.get("/children"),  # 401
        await client.get("/openapi.json"),
        outer_404,
    ):
        headers = response.headers
        assert headers["Content-Security-Policy"] == STRICT, response.url
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Referrer-Policy"] == "no-referrer"
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
        assert "camera=()" in headers["Permissions-Policy"]
        assert "geolocation=()" in headers["Permissions-Policy"]
        # Each once, even where a route set one of them itself.
        assert len(headers.get_list("Content-Security-Policy")) == 1
        assert len(headers.get_list("X-Content-Type-Options")) == 1


async def test_the_docs_page_runs_its_own_scripts_only(client: httpx.AsyncClient) -> None:
    for encoding in ("gzip", "identity"):  # the policy is worked out from the page either way
        response = await client.get("/docs", headers={"Accept-Encoding": encoding})
        assert response.status_code == 200
        policy = dict(
            part.strip().split(" ", 1)
            for part in response.headers["Content-Security-Policy"].split(";")
        )
        inline = [
            body
            for attributes, body in re.findall(
                r"<script([^>]*)>(.*?)</script>", response.text, re.S
            )
            if "src=" not in attributes
        ]
        assert inline, "the docs page initialises Swagger UI in an inline script"
        for body in inline:
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in policy["script-src"]
        assert "https://cdn.jsdelivr.net" in policy["script-src"]
        assert "unsafe-inline" not in policy["script-src"]
        assert "unsafe-eval" not in policy["script-src"]
        assert policy["connect-src"] == "'self'"
        assert policy["frame-ancestors"] == "'none'"
    redirect = await client.get("/docs/oauth2-redirect")
    assert "'sha256-" in redirect.headers["Content-Security-Policy"]


LEGACY = {
    "csp-report": {
        "document-uri": "http://127.0.0.1:5173/kinderen/0b9e2f4c-1f7e-4a3b-9c1d-2e3f4a5b6c7d",
        "referrer": "",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "original-policy": "script-src 'self'; report-uri /api/v1/csp-reports",
        "disposition": "enforce",
        "blocked-uri": "inline",
        "line-number": 12,
        "script-sample": "window.__pwned = 'Pupil Jansen'",
        "status-code": 200,
    }
}
REPORTING_API = [
    {
        "type": "csp-violation",
        "age": 10,
        "url": "http://127.0.0.1:5173/ouder/berichten/77",
        "user_agent": "Chromium",
        "body": {
            "documentURL": "http://127.0.0.1:5173/ouder/berichten/77",
            "effectiveDirective": "img-src",
            "blockedURL": "https://evil.example:8443/steal?name=Pupil",
            "disposition": "report",
            "sample": "",
        },
    },
    {"type": "deprecation", "body": {"id": "x"}},
]


async def test_a_violation_report_is_logged_without_the_page_the_address_or_the_code(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kindcentraal.csp"):
        legacy = await client.post(
            "/csp-reports",
            content=json.dumps(LEGACY),
            headers={"Content-Type": "application/csp-report"},
        )
        batch = await client.post(
            "/csp-reports",
            content=json.dumps(REPORTING_API),
            headers={"Content-Type": "application/reports+json"},
        )
    assert legacy.status_code == 204, legacy.text
    assert batch.status_code == 204, batch.text
    lines = [r.getMessage() for r in caplog.records if r.name == "kindcentraal.csp"]
    assert lines == [
        "CSP violation: script-src-elem blocked inline (enforce)",
        "CSP violation: img-src blocked https://evil.example:8443 (report)",
    ]
    for line in lines:
        for secret in ("kinderen", "0b9e2f4c", "Pupil", "pwned", "steal", "berichten"):
            assert secret not in line


async def test_what_is_not_a_small_report_is_refused(client: httpx.AsyncClient) -> None:
    not_json = await client.post(
        "/csp-reports", content=b"{", headers={"Content-Type": "application/csp-report"}
    )
    assert not_json.status_code == 400
    assert not_json.headers["content-type"] == "application/problem+json"
    other = await client.post("/csp-reports", json={"hello": "world"})
    assert other.status_code == 400
    assert other.json()["errors"][0]["code"] == "not_a_report"
    form = await client.post("/csp-reports", data={"csp-report": "x"})
    assert form.status_code == 400
    huge = {"csp-report": {**LEGACY["csp-report"], "script-sample": "x" * 20_000}}
    too_large = await client.post(
        "/csp-reports",
        content=json.dumps(huge),
        headers={"Content-Type": "application/csp-report"},
    )
    assert too_large.status_code == 413


async def test_one_address_sends_at_most_60_reports_a_minute(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # A fresh app: its own counts, so the shared app's other tests are not limited.
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        env="test",
        secret_key="t" * 48,
        database_url=f"sqlite:///{tmp_path / 'limits.db'}",
    )
    body = json.dumps(LEGACY)
    headers = {"Content-Type": "application/csp-report"}
    transport = httpx.ASGITransport(app=create_app(settings), client=("192.0.2.7", 4000))
    async with httpx.AsyncClient(transport=transport, base_url="http://api") as raw:
        statuses = [
            (await raw.post("/api/v1/csp-reports", content=body, headers=headers)).status_code
            for _ in range(61)
        ]
        last = await raw.post("/api/v1/csp-reports", content=body, headers=headers)
    assert statuses[:60] == [204] * 60
    assert statuses[60] == 429
    assert int(last.headers["Retry-After"]) >= 1
    other = httpx.ASGITransport(app=transport.app, client=("192.0.2.8", 4000))
    async with httpx.AsyncClient(transport=other, base_url="http://api") as raw:
        fresh = await raw.post("/api/v1/csp-reports", content=body, headers=headers)
    assert fresh.status_code == 204
