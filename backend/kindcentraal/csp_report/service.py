"""What a browser's Content-Security-Policy report says, reduced to what may be logged.

A report carries the page's address (ids of children), the blocked address (which may hold
anything the page had) and a sample of the blocked code (which, for an injected script, is
what someone typed into a name or a message). None of that is personal-data-free, so none of
it is kept: only the directive, the kind of thing blocked (inline code, eval, a data: or blob:
address, or the origin of a blocked URL) and whether the policy enforced or only reported.
"""

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

log = logging.getLogger("kindcentraal.csp")

MAX_REPORTS = 20  # per request; a browser batches a handful at most
# What browsers put in blocked-uri instead of an address.
_KEYWORDS = frozenset(
    {"inline", "eval", "wasm-eval", "trusted-types-policy", "trusted-types-sink", "self"}
)
_SCHEMES = frozenset({"data", "blob", "javascript", "about", "filesystem", "mediastream"})
_WORD = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


@dataclass(frozen=True)
class Violation:
    directive: str
    blocked: str
    disposition: str


def _word(value: object, default: str) -> str:
    """A directive or disposition name as sent, or `default` for anything else."""
    text = str(value or "").strip().lower()
    return text if text and len(text) <= 40 and set(text) <= _WORD else default


def _blocked(value: object) -> str:
    text = str(value or "").strip()
    if text.lower() in _KEYWORDS:
        return text.lower()
    parts = urlsplit(text[:2048])
    scheme = parts.scheme.lower()
    if scheme in _SCHEMES:
        return scheme
    if scheme in {"http", "https", "ws", "wss"} and parts.hostname:
        port = f":{parts.port}" if parts.port else ""
        return f"{scheme}://{parts.hostname[:100]}{port}"
    return "other"


def _violation(body: dict[str, Any], *, legacy: bool) -> Violation:
    if legacy:  # report-uri: {"csp-report": {"effective-directive": ..., "blocked-uri": ...}}
        directive = body.get("effective-directive") or body.get("violated-directive", "")
        blocked, disposition = body.get("blocked-uri"), body.get("disposition")
    else:  # report-to: [{"type": "csp-violation", "body": {"effectiveDirective": ...}}]
        directive = body.get("effectiveDirective", "")
        blocked, disposition = body.get("blockedURL"), body.get("disposition")
    # violated-directive can carry the whole directive with its sources: keep the name only.
    name = str(directive).split(" ", 1)[0]
    return Violation(
        directive=_word(name, "other"),
        blocked=_blocked(blocked),
        disposition=_word(disposition, "enforce"),
    )


def violations(payload: object) -> list[Violation] | None:
    """The violations of a report in either format; None when it is neither."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        return [_violation(payload["csp-report"], legacy=True)]
    if isinstance(payload, list):
        found = [
            _violation(report["body"], legacy=False)
            for report in payload[:MAX_REPORTS]
            if isinstance(report, dict)
            and report.get("type") == "csp-violation"
            and isinstance(report.get("body"), dict)
        ]
        # Other kinds of report (deprecations, interventions) are welcome and ignored.
        if all(isinstance(report, dict) for report in payload):
            return found
    return None


def record(found: list[Violation]) -> None:
    """One log line per violation: directive, kind of thing blocked, disposition."""
    for violation in found:
        log.warning(
            "CSP violation: %s blocked %s (%s)",
            violation.directive,
            violation.blocked,
            violation.disposition,
        )
