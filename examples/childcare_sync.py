"""A childcare provider's system keeping in sync with KindCentraal (docs/integration.md): a
client-credentials token, the children placed with the organisation, placements upserted by
`externalId`, today's attendance, the changes feed followed to its end (the cursor kept in a
file), and webhook deliveries verified with the `standardwebhooks` package.

    pip install httpx standardwebhooks
    export KC_CLIENT_ID=... KC_CLIENT_SECRET=... KC_ORGANISATION_ID=...
    python examples/childcare_sync.py --base-url http://127.0.0.1:8000/api/v1
    python examples/childcare_sync.py --verify-sample

Every option can come from the environment (KC_BASE_URL, KC_CLIENT_ID, KC_CLIENT_SECRET,
KC_ORGANISATION_ID, KC_CURSOR_FILE): keep the secret off the command line.
"""

import argparse
import base64
import json
import os
import sys
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_ATTEMPTS = 6

# Our own planning system: an after-school care contract per child, and today's times. A real
# system matches its children to KindCentraal's (by name and date of birth); this sample takes
# the children it finds, in order.
OWN_CONTRACTS: list[dict[str, Any]] = [
    {"contract": "BSO-2026-0001", "days": ["monday", "tuesday", "thursday"], "in": "15:05"},
    {"contract": "BSO-2026-0002", "days": ["wednesday", "friday"], "in": "12:35"},
    {"contract": "BSO-2026-0003", "days": ["monday", "friday"], "in": "15:10"},
]
CONTRACT_START = "2026-08-31"
CHECK_OUT = "17:45"


@dataclass
class Config:
    base_url: str
    client_id: str
    client_secret: str
    # None: the organisation the token answer names (`organisationId`).
    organisation_id: str | None = None
    cursor_file: Path = Path("kindcentraal-cursor.txt")


@dataclass
class Summary:
    created: int
    updated: int
    attendance: int
    changes: list[dict[str, Any]]
    retries: int


class ApiError(Exception):
    """An error answer (problem+json): `detail`, and for a 400 `errors` naming each field."""

    def __init__(self, response: httpx.Response) -> None:
        self.status = response.status_code
        problem = response.json() if "problem+json" in response.headers["content-type"] else {}
        errors = [f"{e['location']}: {e['detail']}" for e in problem.get("errors", [])]
        super().__init__(f"{self.status} {problem.get('detail', response.text)} {errors or ''}")


class KindCentraal:
    """A small API client: a client-credentials token, retries that are safe, and paging."""

    def __init__(self, config: Config, http: httpx.Client) -> None:
        self.config, self.http = config, http
        self.token: str | None = None
        self.retries = 0

    def fetch_token(self) -> None:
        """The client-credentials grant; id and secret as HTTP Basic (form fields work too)."""
        response = self.http.post(
            "/auth/token",
            data={"grant_type": "client_credentials"},
            auth=(self.config.client_id, self.config.client_secret),
        )
        if response.is_error:
            raise ApiError(response)
        self.token = response.json()["access_token"]
        self.config.organisation_id = (
            self.config.organisation_id or response.json()["organisationId"]
        )

    @property
    def organisation_id(self) -> str:
        """Ours: as configured, or as the token answer names it."""
        if self.config.organisation_id is None:
            self.fetch_token()
        assert self.config.organisation_id is not None
        return self.config.organisation_id

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """One logical call. A POST or PATCH carries one Idempotency-Key that every retry
        reuses, so a request whose answer got lost never runs twice."""
        key = str(uuid.uuid4()) if method in {"POST", "PATCH"} else None
        renewed = False
        for attempt in range(MAX_ATTEMPTS):
            if self.token is None:
                self.fetch_token()
            headers = {"Authorization": f"Bearer {self.token}"}
            if key:
                headers["Idempotency-Key"] = key
            try:
                response = self.http.request(method, path, headers=headers, **kwargs)
            except httpx.TransportError:  # no answer: it may have run; the key makes this safe
                self.retries += 1
                time.sleep(2**attempt)
                continue
            if response.status_code == 401 and not renewed:  # tokens last 15 minutes
                self.token, renewed = None, True
                continue
            retry_after = response.headers.get("Retry-After")
            # 429: our rate limit; 409 with Retry-After: the same key is still running.
            if response.status_code == 429 or (response.status_code == 409 and retry_after):
                self.retries += 1
                time.sleep(int(retry_after or 1))
                continue
            if response.is_error:
                raise ApiError(response)
            return response
        raise RuntimeError(f"{method} {path}: no answer after {MAX_ATTEMPTS} attempts")

    def items(self, path: str, **params: str) -> Iterator[dict[str, Any]]:
        """Every item of a list, page by page (`nextCursor`)."""
        query = {"limit": "100", **params}
        while True:
            page = self.request("GET", path, params=query).json()
            yield from page["items"]
            if not page.get("nextCursor"):
                return
            query["cursor"] = page["nextCursor"]


def sync_placements(api: KindCentraal, children: list[dict[str, Any]]) -> tuple[int, int]:
    """Upsert our contracts as after-school care placements keyed by our contract number
    (`externalId`): sent again, a contract changes its placement, it never adds one. A bulk
    is all or nothing: a 400 names every wrong item as `#/items/{i}/{field}`."""
    items = [
        {
            "externalId": contract["contract"],
            "childId": child["id"],
            "organisationId": api.organisation_id,
            "kind": "out_of_school_care",
            "startDate": CONTRACT_START,
            "days": contract["days"],
        }
        for contract, child in zip(OWN_CONTRACTS, children, strict=False)
    ]
    if not items:
        return 0, 0
    # At most 500 items in one bulk: send more in chunks, each with a key of its own.
    result = api.request("POST", "/placements/bulk", json={"items": items}).json()
    return result["created"], result["updated"]


def post_attendance(api: KindCentraal, children: list[dict[str, Any]]) -> int:
    """Today's check-ins and check-outs in one bulk (one child's day alone:
    PUT /children/{childId}/daily-attendance/{date}). Times are on that day in Amsterdam."""
    today = datetime.now(AMSTERDAM).date().isoformat()

    def at(clock: str) -> str:
        return datetime.fromisoformat(f"{today}T{clock}").replace(tzinfo=AMSTERDAM).isoformat()

    items = [
        {
            "childId": child["id"],
            "date": today,
            "organisationId": api.organisation_id,
            "checkedInAt": at(contract["in"]),
            "checkedOutAt": at(CHECK_OUT),
        }
        for contract, child in zip(OWN_CONTRACTS, children, strict=False)
    ]
    if not items:
        return 0
    return len(api.request("POST", "/daily-attendance/bulk", json={"items": items}).json()["items"])


def read_children(api: KindCentraal) -> list[dict[str, Any]]:
    """The children placed with our organisation: the start of a sync, and of a resync."""
    return list(api.items("/children", organisationId=api.organisation_id))


def follow_changes(api: KindCentraal, cursor_file: Path) -> list[dict[str, Any]]:
    """The changes feed from the stored cursor to its end. The cursor is stored after each
    page, so a crash repeats at most one page: handle a change twice without harm. A 410 means
    the cursor is over 30 days old: read everything again, then follow the feed from its start."""
    changes: list[dict[str, Any]] = []
    since = cursor_file.read_text().strip() if cursor_file.exists() else ""
    while True:
        params = {"limit": "100", **({"since": since} if since else {})}
        try:
            page = api.request("GET", "/changes", params=params).json()
        except ApiError as error:
            if error.status != 410:
                raise
            read_children(api)  # a real system refreshes its copy of everything here
            since = ""
            continue
        for change in page["items"]:  # thin: read the resource at its own path for its data
            print(f"  {change['occurredAt']}  {change['type']} {change['change']}  {change['id']}")
            changes.append(change)
        since = page["nextCursor"]  # always there, also when nothing changed
        partial = cursor_file.with_suffix(".tmp")
        partial.write_text(since)
        partial.replace(cursor_file)
        if not page["hasMore"]:
            return changes


def run(config: Config) -> Summary:
    """One sync round: children, placements, attendance, then the changes feed."""
    with httpx.Client(base_url=config.base_url, timeout=30) as http:
        api = KindCentraal(config, http)
        children = read_children(api)
        ours = list(api.items("/placements", organisationId=api.organisation_id))
        known = sum(1 for p in ours if p.get("externalId"))
        print(f"{len(children)} children, {len(ours)} placements ({known} from our system)")
        created, updated = sync_placements(api, children)
        print(f"placements: {created} created, {updated} updated")
        attendance = post_attendance(api, children)
        print(f"attendance: {attendance} child-days")
        changes = follow_changes(api, config.cursor_file)
    return Summary(created, updated, attendance, changes, api.retries)


def receive_webhook(
    secret: str, headers: Mapping[str, str], body: bytes, seen: set[str]
) -> dict[str, Any] | None:
    """A delivery's event once its signature is verified; None for a repeat (delivery is at
    least once, a repeat has the same `webhook-id`: keep `seen` in your database). Raises
    WebhookVerificationError for a wrong signature or a timestamp over 5 minutes off. Verify
    the raw bytes as received, then answer 2xx fast and do the work later."""
    lowered = {name.lower(): value for name, value in headers.items()}
    try:
        event: dict[str, Any] = Webhook(secret).verify(body, lowered)
    except ValueError as error:  # a malformed signature header
        raise WebhookVerificationError("Malformed signature header") from error
    if lowered["webhook-id"] in seen:
        return None
    seen.add(lowered["webhook-id"])
    return event


def verify_sample() -> bool:
    """Sign a sample delivery as KindCentraal does: it must pass once, its repeat be dropped
    and a tampered copy refused."""
    secret = "whsec_" + base64.b64encode(os.urandom(32)).decode()
    now, seen = datetime.now(UTC), set[str]()
    data = {"id": str(uuid.uuid4()), "childId": str(uuid.uuid4()), "change": "updated"}
    event = {"type": "placement.changed", "timestamp": now.isoformat(), "data": data}
    body = json.dumps(event, separators=(",", ":")).encode()
    headers = {"webhook-id": "msg_1", "webhook-timestamp": str(int(now.timestamp()))}
    headers["webhook-signature"] = Webhook(secret).sign("msg_1", now, body.decode())
    first = receive_webhook(secret, headers, body, seen)
    repeat = receive_webhook(secret, headers, body, seen)
    try:
        receive_webhook(secret, headers, body.replace(b"updated", b"deleted"), set())
    except WebhookVerificationError:
        return first == event and repeat is None
    return False


def main(argv: list[str] | None = None) -> int:
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Sync a childcare system with KindCentraal.")
    parser.add_argument("--base-url", default=env("KC_BASE_URL", "http://127.0.0.1:8000/api/v1"))
    parser.add_argument("--client-id", default=env("KC_CLIENT_ID"))
    parser.add_argument("--client-secret", default=env("KC_CLIENT_SECRET"))
    parser.add_argument("--organisation-id", default=env("KC_ORGANISATION_ID"))
    parser.add_argument(
        "--cursor-file", type=Path, default=env("KC_CURSOR_FILE", "kindcentraal-cursor.txt")
    )
    parser.add_argument("--verify-sample", action="store_true", help="check a signed sample")
    args = parser.parse_args(argv)
    if args.verify_sample:
        ok = verify_sample()
        print(
            "sample webhook: " + ("verified, repeat dropped, tampering refused" if ok else "FAIL")
        )
        return 0 if ok else 1
    if not (args.client_id and args.client_secret):
        parser.error("give the client id and the client secret")
    config = Config(
        args.base_url, args.client_id, args.client_secret, args.organisation_id, args.cursor_file
    )
    summary = run(config)
    print(f"{len(summary.changes)} changes; cursor stored in {config.cursor_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
