"""The browser-hardening headers of every API response (docs/security.md, "Browser hardening").

The API answers JSON, never a page, so its policy forbids everything: a response opened in a
tab, framed or sniffed as HTML runs nothing. The one page it serves, the Swagger UI at
/api/v1/docs, gets a policy of its own that allows exactly its scripts (by hash) and styles.
"""

import base64
import gzip
import hashlib
import re
from collections.abc import Awaitable, Callable
from urllib.parse import urlsplit

from starlette.types import Message

# Features no API response (and no page of ours) uses: off, also for anything it could frame.
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), "
    "gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), "
    "usb=(), xr-spatial-tracking=()"
)
API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

# Added to every response unless the route set the header itself (an attachment download sets
# its own Content-Security-Policy). Encoded once: the middleware only appends.
HEADERS: tuple[tuple[bytes, bytes], ...] = tuple(
    (name.encode("latin-1"), value.encode("latin-1"))
    for name, value in (
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        # URLs can carry ids of children; the API links nowhere, so it sends no referrer at all.
        ("referrer-policy", "no-referrer"),
        ("permissions-policy", PERMISSIONS_POLICY),
        ("cross-origin-opener-policy", "same-origin"),
        ("content-security-policy", API_CSP),
    )
)
_NAMES = frozenset(name for name, _ in HEADERS)
_CSP = b"content-security-policy"


def add_headers(raw: list[tuple[bytes, bytes]]) -> None:
    """Appends the security headers a response does not carry yet (one pass over its headers)."""
    present = {name for name, _ in raw if name in _NAMES}
    if present:
        raw.extend(header for header in HEADERS if header[0] not in present)
    else:
        raw.extend(HEADERS)


_SCRIPT = re.compile(rb"<script([^>]*)>(.*?)</script>", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(rb"""\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_LINK_HREF = re.compile(rb"""<link\b[^>]*\shref=["']([^"']+)["']""", re.IGNORECASE)


def _origin(url: bytes) -> str | None:
    parts = urlsplit(url.decode("latin-1"))
    if parts.scheme == "https" and parts.netloc:
        return f"https://{parts.netloc}"
    return None


def docs_policy(html: bytes) -> str:
    """The policy of the Swagger UI page: its external scripts' origins and the hashes of its
    inline scripts (worked out from the page itself, so a FastAPI upgrade cannot break it),
    the stylesheet's origin, and requests to this API only."""
    scripts: set[str] = set()
    for attributes, body in _SCRIPT.findall(html):
        src = _SRC.search(attributes)
        if src:
            origin = _origin(src.group(1))
            scripts.add(origin or "'self'")
        elif body.strip():
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            scripts.add(f"'sha256-{digest}'")
    linked = sorted({origin for href in _LINK_HREF.findall(html) if (origin := _origin(href))})
    return "; ".join(
        [
            "default-src 'none'",
            "script-src " + (" ".join(sorted(scripts)) or "'none'"),
            # Swagger UI sets style attributes from its scripts; a style cannot run code.
            " ".join(["style-src 'self'", *linked, "'unsafe-inline'"]),
            " ".join(["img-src 'self' data:", *linked]),
            "connect-src 'self'",
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


Send = Callable[[Message], Awaitable[None]]


def with_docs_policy(send: Send) -> Send:
    """Holds the start of a docs page's response until its body is complete, then sends it
    with the page's own policy (the Swagger UI: a few kB, rarely asked for)."""
    start: Message | None = None
    chunks: list[bytes] = []

    async def send_with_policy(message: Message) -> None:
        nonlocal start
        if message["type"] == "http.response.start":
            start = message
            return
        if start is None or message["type"] != "http.response.body":
            await send(message)
            return
        chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = b"".join(chunks)
        raw = start["headers"] = list(start["headers"])
        headers = dict(raw)
        if headers.get(b"content-type", b"").startswith(b"text/html"):
            html = gzip.decompress(body) if headers.get(b"content-encoding") == b"gzip" else body
            raw.append((_CSP, docs_policy(html).encode("latin-1")))
        await send(start)
        await send({"type": "http.response.body", "body": body, "more_body": False})

    return send_with_policy
