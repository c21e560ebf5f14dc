import json
from typing import Any

from fastapi import APIRouter, Depends, Request, Response

from kindcentraal.auth.dependencies import public
from kindcentraal.common.responses import problems
from kindcentraal.csp_report import service
from kindcentraal.errors import InvalidInput, TooManyRequests
from kindcentraal.integration.usage import ClientLimits
from kindcentraal.policy.registry import declare

router = APIRouter(tags=["csp-reports"])

CREATE = declare(
    "csp-reports.create",
    resource="csp-report",
    action="create",
    public=True,
    rows="anyone: browsers send violation reports without credentials",
)

MAX_BODY = 16 * 1024
# Per client address and API process: a page that keeps violating cannot flood the log.
RATE_LIMIT = "60/minute"
MEDIA_TYPES = ("application/csp-report", "application/reports+json", "application/json")

_LEGACY: dict[str, Any] = {
    "type": "object",
    "description": "`report-uri`: one report under the member `csp-report` (its members "
    "named as in CSP Level 2: `effective-directive`, `blocked-uri`, `disposition`, ...).",
}
_BATCH: dict[str, Any] = {
    "type": "array",
    "maxItems": service.MAX_REPORTS,
    "items": {
        "type": "object",
        "description": "A report of the Reporting API; those of `type` `csp-violation` count.",
    },
}
_BODY: dict[str, Any] = {
    "required": True,
    "description": "A violation report as a browser sends it, at most 16 kB.",
    "content": {
        "application/csp-report": {"schema": _LEGACY},
        "application/reports+json": {"schema": _BATCH},
        "application/json": {"schema": {"oneOf": [_LEGACY, _BATCH]}},
    },
}


class PayloadTooLarge(InvalidInput):
    status = 413
    code = "payload_too_large"
    title = "Payload too large"


def _invalid(code: str, detail: str) -> InvalidInput:
    return InvalidInput([{"in": "body", "location": "#", "code": code, "detail": detail}], detail)


def _too_large() -> PayloadTooLarge:
    return PayloadTooLarge(
        [
            {
                "in": "body",
                "location": "#",
                "code": "too_large",
                "detail": "A report is at most 16 kB.",
            }
        ],
        "A report is at most 16 kB.",
    )


def _limits(request: Request) -> ClientLimits:
    state = request.app.state
    if not hasattr(state, "csp_report_limits"):
        state.csp_report_limits = ClientLimits(RATE_LIMIT)
    limits: ClientLimits = state.csp_report_limits
    return limits


async def _body(request: Request) -> bytes:
    length = request.headers.get("content-length")
    if length is not None and length.isdigit() and int(length) > MAX_BODY:
        raise _too_large()
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > MAX_BODY:
            raise _too_large()
    return bytes(received)


@router.post(
    "/csp-reports",
    status_code=204,
    response_class=Response,
    responses=problems(400, 413, 429),
    summary="Report a Content-Security-Policy violation (sent by browsers)",
    dependencies=[Depends(public(CREATE))],
    openapi_extra={"requestBody": _BODY},
)
async def create_csp_report(request: Request) -> Response:
    """Browsers report what the SPA's policy blocked; only the directive, the kind of thing
    blocked and the disposition are logged, never the page, the address or the code."""
    retry_after = _limits(request).blocked(request.client.host if request.client else "-")
    if retry_after:
        raise TooManyRequests(retry_after)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in MEDIA_TYPES:
        raise _invalid(
            "unsupported_media_type", "Send application/csp-report or application/reports+json."
        )
    try:
        payload = json.loads(await _body(request))
    except (ValueError, UnicodeDecodeError):
        raise _invalid("json_invalid", "The report is not valid JSON.") from None
    found = service.violations(payload)
    if found is None:
        raise _invalid("not_a_report", "The body is not a CSP violation report.")
    service.record(found)
    return Response(status_code=204)
