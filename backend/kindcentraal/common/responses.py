"""Problem responses a route declares, so they appear in the OpenAPI document."""

from typing import Any


def problems(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for the given error statuses; the schema is filled in by openapi.py."""
    return {status: {"description": _DESCRIPTIONS.get(status, "Error")} for status in statuses}


_DESCRIPTIONS = {
    400: "Invalid input",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found, or not visible to you",
    405: "Method not allowed",
    409: "Conflict with the current state",
    410: "Gone: the cursor expired; resync in full",
    412: "Precondition failed: the resource changed since you read it (If-Match)",
    429: "Too many requests",
}
