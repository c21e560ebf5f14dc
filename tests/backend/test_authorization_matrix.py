"""Every operation of the OpenAPI document x 13 principals x own / other / foreign object.

Expected statuses come from ONE table (TABLE below), written from the documented rules
(docs/api-overview.md, docs/api-access.md, the policies declared beside each router and the
relation rules of kindcentraal.child.policy), never from calling the code. Each cell runs in a
savepoint of the test's transaction that is rolled back afterwards, so no write leaks into the
next cell. The world is built once (tests/backend/matrix_world.py).

Objects per operation:
- "own": the object the principal relates to (their child, centre, organisation, membership,
  account, group, placement); principals without such a relation get the nominal one (child A,
  the school, ...). For collections, "own/other/foreign" is the id in the filter or body.
- "other": an object of the same tenant the principal does not relate to. The other child is
  always one the principal cannot see, so child-scoped operations answer 404 there.
- "foreign": an object of the other tenant. Paths: always 404. Ids referenced in a JSON body:
  400 with a field error (the id "does not exist"), unless the route's role guard refuses the
  caller before any object is looked at (403).
- "self": operations on the caller's own session or account (or public), one cell.
Rules applied to every row: anonymous -> 401 (public operations excepted).
"""

import re
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as dt_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pyotp
import yaml
from fastapi import FastAPI
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession

from kindcentraal.audit.models import AuditEvent
from kindcentraal.auth.tokens import decode_access_token
from tests.backend.conftest import TEST_SECRET, RunningJobs
from tests.backend.factories import PASSWORD
from tests.backend.matrix_world import PRINCIPALS, ChildRows, MatrixWorld, build_matrix_world

ROOT = Path(__file__).resolve().parents[2]
HTTP_METHODS = ("get", "put", "post", "patch", "delete")
OWN, OTHER, FOREIGN, SELF = "own", "other", "foreign", "self"
PUBLIC = {
    "GET /",
    "POST /auth/token",
    "POST /auth/refresh",
    "GET /calendar-feeds/{feedToken}",
    "POST /csp-reports",
}
CHILDCARE_PRINCIPALS = {"childcare_staff", "childcare_admin"}

# Children each principal sees (docs: placement not ended at one of the caller's organisations,
# guardian, contact person, centre admin of the child's centre, care-team member with consent).
VISIBLE_CHILDREN: dict[str, set[str]] = {
    "anonymous": set(),
    "centre_admin": {"A", "B"},
    "org_admin": {"A"},
    "school_staff": {"A"},
    "childcare_staff": {"B"},
    "childcare_admin": {"B"},
    "care_with_consent": {"A"},
    "care_without_consent": set(),
    "contact_person": {"A"},
    "guardian_with_authority": {"A"},
    "guardian_without_authority": {"A"},
    "municipality_analyst": set(),
    "outsider": set(),
}
OWN_ORGANISATION = {
    "centre_admin": "board",
    "org_admin": "school",
    "school_staff": "school",
    "childcare_staff": "childcare",
    "childcare_admin": "childcare",
    "care_with_consent": "care",
    "care_without_consent": "care2",
    "contact_person": "welfare",
    "municipality_analyst": "municipality",
}


# --- The one table --------------------------------------------------------------------------
# Columns, in PRINCIPALS order:
#   anon  centre_admin  org_admin  school_staff  childcare_staff  childcare_admin
#   care_with_consent  care_without_consent  contact_person  guardian_with_authority
#   guardian_without_authority  municipality_analyst  outsider
HEADER = "                  anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out"


def every(code: int, anon: int = 401) -> str:
    return " ".join([str(anon)] + [str(code)] * (len(PRINCIPALS) - 1))


def only(codes: dict[str, int], rest: int) -> str:
    return " ".join(
        ["401"] + [str(codes.get(p, rest)) for p in PRINCIPALS[1:]],
    )


NOT_FOUND = every(404)


@dataclass
class Ctx:
    world: MatrixWorld
    principal: str
    obj: str
    client: httpx.AsyncClient

    @property
    def headers(self) -> dict[str, str]:
        return self.world.headers(self.principal)

    # Object resolvers -----------------------------------------------------------------------
    def child_key(self) -> str:
        if self.obj == FOREIGN:
            return "C"
        childcare = self.principal in CHILDCARE_PRINCIPALS
        if self.obj == OWN:
            return "B" if childcare else "A"
        if self.principal == "centre_admin":
            return "D"  # the centre admin relates to A and B; D is in a centre they do not run
        return "A" if childcare else "B"

    def child(self) -> ChildRows:
        return self.world.children[self.child_key()]

    def own_organisation(self) -> uuid.UUID:
        return self.world.ids[OWN_ORGANISATION.get(self.principal, "school")]

    def centre(self) -> uuid.UUID:
        return self.world.ids[{OWN: "centre_x", OTHER: "centre_y", FOREIGN: "centre_t2"}[self.obj]]

    def organisation(self) -> uuid.UUID:
        if self.obj == OWN:
            return self.own_organisation()
        return self.world.ids["school_y" if self.obj == OTHER else "school_t2"]

    def membership(self) -> uuid.UUID:
        m = self.world.memberships
        if self.obj == OWN:
            return m.get(self.principal, m["school_staff"])
        return m["y_staff" if self.obj == OTHER else "staff_t2"]

    def user(self) -> uuid.UUID:
        u = self.world.users
        if self.obj == OWN:
            return u.get(self.principal, u["outsider"])
        return u["recruit" if self.obj == OTHER else "staff_t2"]

    def rooms(self, kind: str) -> uuid.UUID:
        """The building, room, holiday or booking of centre X (own), Y (other) or tenant 2."""
        return self.world.ids[f"{kind}_" + {OWN: "x", OTHER: "y", FOREIGN: "t2"}[self.obj]]

    def group(self) -> uuid.UUID:
        if self.obj == OWN:
            own = "group_childcare" if self.principal in CHILDCARE_PRINCIPALS else "group_school"
            return self.world.ids[own]
        return self.world.ids["group_y" if self.obj == OTHER else "group_t2"]


@dataclass
class Call:
    path: dict[str, Any] = field(default_factory=dict)
    json: Any = None
    form: dict[str, str] | None = None
    files: dict[str, Any] | None = None
    query: dict[str, Any] | None = None


Builder = Callable[[Ctx], Call | Awaitable[Call]]


@dataclass
class Row:
    objects: tuple[str, ...]
    expect: dict[str, dict[str, int]]
    build: Builder


def parse(spec: str) -> dict[str, int]:
    codes = spec.split()
    assert len(codes) == len(PRINCIPALS), spec
    return {p: int(c) for p, c in zip(PRINCIPALS, codes, strict=True)}


def self_op(own: str, build: Builder) -> Row:
    return Row((SELF,), {SELF: parse(own)}, build)


def obj_op(build: Builder, own: str, other: str = NOT_FOUND, foreign: str = NOT_FOUND) -> Row:
    """A row with own/other/foreign objects; other and foreign default to 404 (not visible)."""
    return Row(
        (OWN, OTHER, FOREIGN),
        {OWN: parse(own), OTHER: parse(other), FOREIGN: parse(foreign)},
        build,
    )


def today(days: int = 0) -> str:
    return (date.today() + timedelta(days=days)).isoformat()


def years_ago(years: int) -> str:
    t = date.today()
    return date(t.year - years, t.month, 1).isoformat()


async def _confirmation(ctx: Ctx) -> Call:
    """A correct code: start an enrolment first (a setup request in the same savepoint)."""
    if ctx.principal == "anonymous":
        return Call(json={"code": "123456"})
    started = await ctx.client.post("/me/two-factor/enrolment", headers=ctx.headers)
    assert started.status_code == 201, started.text
    return Call(json={"code": pyotp.TOTP(started.json()["secret"]).now()})


def _token(ctx: Ctx) -> Call:
    if ctx.principal == "anonymous":
        return Call(form={"username": "nobody@example.test", "password": "Wrong-password-1"})
    email = ctx.world.emails[ctx.principal]
    return Call(form={"grant_type": "password", "username": email, "password": PASSWORD})


def _refresh(ctx: Ctx) -> Call:
    token = ctx.world.refresh_tokens.get(ctx.principal, "not-a-tenant." + "x" * 40)
    return Call(json={"refreshToken": token})


def _session_of(ctx: Ctx) -> Call:
    """Own: the caller's login; other: another person's in the tenant; foreign: tenant 2's."""
    if ctx.obj == OWN:
        who = ctx.principal
    elif ctx.obj == OTHER:
        who = "school_staff" if ctx.principal == "outsider" else "outsider"
    else:
        who = "staff_t2"
    token = ctx.world.tokens.get(who)
    if token is None:  # anonymous: any id, refused before it is looked at
        return Call(path={"sessionId": uuid.uuid4()})
    return Call(path={"sessionId": decode_access_token(token, secret=TEST_SECRET).session_id})


# Rooms: centre X is "own" (board, school, childcare, care, care2 take part), Y "other".
def _building(ctx: Ctx) -> Call:
    return Call(path={"buildingId": ctx.rooms("building")})


# Routes on which the activity's people (childcare runs X's activity) see A, not otherwise
# visible to them, by name and group only (docs/activities.md).
ENROLMENT_LISTS = {
    "GET /activities/{activityId}/enrolments",
    "POST /activities/{activityId}/enrolments/{enrolmentId}/cancellation",
    "GET /activities/{activityId}/sessions/{sessionId}/attendance",
    "PUT /activities/{activityId}/sessions/{sessionId}/attendance",
}
ACTIVITY_RUNNERS_X = {"childcare_staff", "childcare_admin"}


def _activity(ctx: Ctx) -> Call:
    return Call(path={"activityId": ctx.rooms("activity")})


def _activity_session(ctx: Ctx, json: Any = None) -> Call:
    return Call(
        path={"activityId": ctx.rooms("activity"), "sessionId": ctx.rooms("session")}, json=json
    )


def _enrolled(ctx: Ctx) -> uuid.UUID:
    """The child enrolled in the activity of the object's centre (A, D or C)."""
    return ctx.world.children[{OWN: "A", OTHER: "D", FOREIGN: "C"}[ctx.obj]].id


def _later(days: int, hour: int) -> str:
    moment = datetime.now(UTC).replace(hour=hour, minute=0, second=0, microsecond=0)
    return (moment + timedelta(days=days)).isoformat()


def _local_noon() -> str:
    noon = dt_time(12)
    return datetime.combine(date.today(), noon, tzinfo=ZoneInfo("Europe/Amsterdam")).isoformat()


def _room(ctx: Ctx) -> Call:
    return Call(path={"roomId": ctx.rooms("room")})


def _booking(ctx: Ctx, **json: Any) -> Call:
    return Call(path={"bookingId": ctx.rooms("booking")}, json=json or None)


def _holiday(ctx: Ctx) -> Call:
    return Call(path={"centreId": ctx.centre(), "holidayId": ctx.rooms("holiday")})


def _new_booking(ctx: Ctx) -> Call:
    start = datetime.now(UTC).replace(hour=10, minute=0, second=0, microsecond=0)
    start += timedelta(days=2)
    return Call(
        json={
            "roomId": str(ctx.rooms("room")),
            "organisationId": str(ctx.own_organisation()),
            "purpose": "Overleg",
            "startsAt": start.isoformat(),
            "endsAt": (start + timedelta(hours=1)).isoformat(),
        }
    )


def _new_room(ctx: Ctx) -> Call:
    owner = {OWN: "school", OTHER: "school_y", FOREIGN: "school_t2"}[ctx.obj]
    return Call(
        json={
            "buildingId": str(ctx.rooms("building")),
            "name": "Atelier",
            "type": "crafts",
            "ownerOrganisationId": str(ctx.world.ids[owner]),
        }
    )


def _child(ctx: Ctx, **extra: Any) -> Call:
    return Call(path={"childId": ctx.child().id, **extra})


def _placement_body(ctx: Ctx) -> Call:
    return Call(
        json={
            "childId": str(ctx.child().id),
            "organisationId": str(ctx.own_organisation()),
            "kind": "school",
            "startDate": today(),
            "days": ["monday"],
        }
    )


def _group_body(ctx: Ctx) -> Call:
    organisation = ctx.own_organisation() if ctx.obj == OWN else ctx.organisation()
    return Call(
        json={
            "centreId": str(ctx.centre()),
            "organisationId": str(organisation),
            "name": f"Nieuwe groep {ctx.principal}",
            "kind": "school_class",
            "grade": 2,
        }
    )


def _erasure_request_body(ctx: Ctx) -> Call:
    """Child A (own), D (other) or C (foreign): the centre admin relates to A, not to D."""
    child = {OWN: "A", OTHER: "D", FOREIGN: "C"}[ctx.obj]
    return Call(
        json={
            "childId": str(ctx.world.children[child].id),
            "categories": ["dataExports"],
            "requestReceivedOn": today(),
        }
    )


async def _erasure_request(ctx: Ctx) -> Call:
    """Own: a request the centre admin recorded for child A first (a setup request)."""
    if ctx.obj != OWN:
        return Call(path={"erasureRequestId": uuid.uuid4()})
    made = await ctx.client.post(
        "/erasure-requests",
        json=_erasure_request_body(ctx).json,
        headers=ctx.world.headers("centre_admin"),
    )
    assert made.status_code == 201, made.text
    return Call(path={"erasureRequestId": made.json()["id"]})


def _merge_body(ctx: Ctx) -> Call:
    """Survivor A; duplicate B (own, same centre), D (other centre) or C (other tenant)."""
    duplicate = {OWN: "B", OTHER: "D", FOREIGN: "C"}[ctx.obj]
    return Call(
        json={
            "survivorId": str(ctx.world.children["A"].id),
            "duplicateId": str(ctx.world.children[duplicate].id),
        }
    )


#                 anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
SEE_CHILD = "401 200 200 200 200 200 200 404 200 200 200 404 404"
# Rooms of centre X: its organisations, its admin and the analyst; welfare takes part in none.
SEE_ROOMS = "401 200 200 200 200 200 200 200 404 404 404 200 404"
# The catalogue of centre X: its organisations, guardians of its children, analysts.
SEE_ACTIVITY = "401 200 200 200 200 200 200 200 404 200 200 200 404"
# Running X's activity (of the childcare organisation): its people and the centre's admins.
RUN_ACTIVITY = "401 200 403 403 200 200 403 403 404 403 403 403 404"
RUNNERS_400 = "401 400 400 400 400 400 400 400 400 403 403 403 403"
ANALYST_ONLY = only({"municipality_analyst": 200}, 404)
MANAGE_ROOMS = "401 200 403 403 403 403 403 403 404 404 404 403 404"
MANAGE_ELSEWHERE = only({"municipality_analyst": 403}, 404)
BOOKERS_ONLY = "401 200 200 200 200 200 200 200 200 403 403 403 403"
BOOK_IN_X = "401 200 200 200 200 200 200 200 404 403 403 403 403"
SEE_BOOKING_IN_X = "401 200 200 200 200 200 200 200 404 404 404 404 404"
NOT_A_BOOKER_ELSE_404 = "401 404 404 404 404 404 404 404 404 403 403 403 403"
# Room reports: centre admins, the centre's organisations' admins and the analysts.
REPORTS_OWN = "401 200 200 403 403 200 403 403 403 403 403 200 403"
REPORTS_OTHER = "401 404 404 403 403 404 403 403 403 403 403 200 403"
REPORTS_FOREIGN = "401 404 404 403 403 404 403 403 403 403 403 404 403"
MANAGE_CHILD = "401 200 200 403 403 200 403 404 403 403 403 404 404"
SEE_CARE_DATA = "401 200 200 200 200 200 200 404 200 200 403 404 404"
MANAGE_TEAM = "401 200 200 403 403 200 403 404 200 403 403 404 404"
CONSENT = "401 403 403 403 403 403 403 404 403 200 403 404 404"
PLACE = "401 200 200 200 200 200 403 404 403 403 403 404 404"
CENTRE_ADMIN_ONLY = only({"centre_admin": 200}, 403)
ADMINS = {"centre_admin": 200, "org_admin": 200, "childcare_admin": 200}


#                   anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
READ_TRAJECTORY = "401 404 404 404 404 404 200 404 200 200 404 404 404"
TRAJECTORY_TEAM = "401 404 404 404 404 404 200 404 200 404 404 404 404"
PROFESSIONALS_400 = "401 400 400 400 400 400 400 400 400 403 403 403 403"


def _trajectory(ctx: Ctx, json: Any = None, **extra: Any) -> Call:
    return Call(path={"trajectoryId": ctx.child().support.trajectory, **extra}, json=json)


def _trajectory_body(ctx: Ctx) -> Call:
    provider = ctx.world.ids["care_t2" if ctx.obj == FOREIGN else "care"]
    return Call(
        json={
            "childId": str(ctx.child().id),
            "type": "opvoedondersteuning",
            "organisationId": str(provider),
            "reason": "Ouders vragen om hulp bij het slapengaan.",
        }
    )


def _notification(ctx: Ctx) -> Call:
    notifications = ctx.world.notifications
    key = {OWN: ctx.principal, OTHER: "other", FOREIGN: "foreign"}[ctx.obj]
    return Call(
        path={"notificationId": notifications.get(key, notifications["other"])},
        json={"read": True},
    )


# Messages: threads of A (own), D (other) and C (foreign), each between a guardian and the
# child's contact person (docs/messages.md): only its participants see it.
#                 anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
THREAD_PARTIES = "401 404 404 404 404 404 404 404 200 200 404 404 404"
OPEN_THREAD = "401 403 403 403 403 403 403 404 201 201 201 404 404"
PDF_BYTES = b"%PDF-1.7\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def _thread(ctx: Ctx, json: Any = None, **extra: Any) -> Call:
    return Call(path={"threadId": ctx.rooms("thread"), **extra}, json=json)


async def _attachment(ctx: Ctx) -> Call:
    """The PDF on the guardian's message; its bytes put where the test app stores files (the
    run's own folder, KC_STORAGE_URL of tests/backend/conftest.py)."""
    from kindcentraal.config import Settings
    from kindcentraal.storage.dependency import storage_for

    attachment = ctx.rooms("attachment")
    storage = storage_for(Settings(_env_file=None, env="test"))  # type: ignore[call-arg]
    await storage.put(attachment.hex, PDF_BYTES, content_type="application/pdf")
    return Call(path={"attachmentId": attachment})


#                      anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
# Announcements and talks of X: the sender (school staff), X's centre admin, A's guardians.
SEE_ANNOUNCEMENT = "401 200 404 200 404 404 404 404 404 200 200 404 404"
RECEIVE_ANNOUNCEMENT = "401 403 404 403 404 404 404 404 404 200 200 404 404"
SENDERS_400 = "401 400 400 400 400 400 403 403 400 403 403 403 403"
PUBLISHERS = "401 200 200 200 200 200 200 200 200 403 403 403 403"


def _announcement(ctx: Ctx) -> Call:
    return Call(path={"announcementId": ctx.rooms("announcement")})


def _talk(ctx: Ctx) -> Call:
    return Call(path={"slotId": ctx.rooms("talk_open")})


# API clients live under their organisation: own is the childcare organisation (with its
# clients), other an organisation of centre Y, foreign one of tenant 2. Organisations are a
# directory every professional sees; only their administrators manage clients.
API_CLIENT_ADMINS = only({"centre_admin": 200, "childcare_admin": 200}, 403)
NOT_ADMINISTERED = every(403)
FOREIGN_ORG = NOT_FOUND


def _api_clients(ctx: Ctx) -> Call:
    organisation = {OWN: "childcare", OTHER: "school_y", FOREIGN: "school_t2"}[ctx.obj]
    return Call(path={"organisationId": ctx.world.ids[organisation]})


def _api_client(ctx: Ctx) -> Call:
    client = ctx.world.ids["api_client_full"] if ctx.obj == OWN else uuid.uuid4()
    return Call(path=_api_clients(ctx).path | {"clientId": client})


#                    anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
WEBHOOK_ADMINS = "401 200 200 403 403 200 403 403 403 403 403 403 403"
# One subscription: the rows decide, whoever sees none of it gets 404.
WEBHOOK_OWN = "401 200 404 404 404 200 404 404 404 404 404 404 404"
WEBHOOK_OTHER = NOT_FOUND
WEBHOOK_BAD_CLIENT = "401 400 400 403 403 400 403 403 403 403 403 403 403"


def _where(ctx: Ctx) -> str:
    return {OWN: "x", OTHER: "y", FOREIGN: "t2"}[ctx.obj]


def _webhook_client(ctx: Ctx) -> str:
    return {OWN: "api_client_full", OTHER: "webhook_client_y", FOREIGN: "webhook_client_t2"}[
        ctx.obj
    ]


def _webhook_subscription(ctx: Ctx) -> Call:
    return Call(path={"subscriptionId": ctx.world.ids[f"webhook_subscription_{_where(ctx)}"]})


def status(spec: str, code: int) -> str:
    """The same row with the success code replaced (200 -> 201 or 204)."""
    return re.sub(r"\b200\b", str(code), spec)


TABLE: dict[str, Row] = {
    # Public and the caller's own session/account ------------------------------------------
    "GET /": self_op(every(200, anon=200), lambda c: Call()),
    # Browsers report CSP violations without credentials: anyone may send one (rate limited).
    "POST /csp-reports": self_op(
        every(204, anon=204),
        lambda c: Call(json={"csp-report": {"effective-directive": "script-src-elem"}}),
    ),
    "POST /auth/token": self_op(every(200), _token),
    "POST /auth/refresh": self_op(every(200), _refresh),
    "POST /auth/logout": self_op(every(204), lambda c: Call()),
    "GET /me": self_op(every(200), lambda c: Call()),
    "PATCH /me": self_op(every(200), lambda c: Call(json={"language": "en"})),
    # The parent app's home: everyone may ask; it holds only the caller's own children.
    "GET /me/home": self_op(every(200), lambda c: Call()),
    # E-mail settings: everyone's own (tests/backend/outbox).
    "GET /me/notification-settings": self_op(every(200), lambda c: Call()),
    "PUT /me/notification-settings": self_op(
        every(200),
        lambda c: Call(
            json={
                "messages": False,
                "announcements": True,
                "consents": True,
                "talks": True,
                "activities": True,
                "contactPerson": True,
                "weeklyDigest": False,
            }
        ),
    ),
    "GET /me/two-factor": self_op(every(200), lambda c: Call()),
    "POST /me/two-factor/enrolment": self_op(every(201), lambda c: Call()),
    "POST /me/two-factor/enrolment/confirmation": self_op(every(200), _confirmation),
    "POST /me/two-factor/deactivation": self_op(
        every(204), lambda c: Call(json={"password": PASSWORD})
    ),
    "POST /me/password": self_op(
        every(204),
        lambda c: Call(json={"currentPassword": PASSWORD, "newPassword": "Nieuw-wachtwoord-42"}),
    ),
    # Devices (docs/sessions.md): a person's own sessions; anyone else's do not exist (404).
    "GET /me/sessions": self_op(every(200), lambda c: Call()),
    "DELETE /me/sessions/{sessionId}": obj_op(_session_of, own=every(204)),
    "POST /me/sessions/revocation": self_op(every(204), lambda c: Call()),
    # Child centres: any tenant user reads; centre admins of the centre manage ---------------
    "GET /child-centres": self_op(every(200), lambda c: Call(query={"limit": 100})),
    "POST /child-centres": self_op(
        only({"centre_admin": 201}, 403),
        lambda c: Call(json={"name": f"Nieuw IKC {c.principal}", "address": "Laan 3"}),
    ),
    "GET /child-centres/{centreId}": obj_op(
        lambda c: Call(path={"centreId": c.centre()}), own=every(200), other=every(200)
    ),
    "PATCH /child-centres/{centreId}": obj_op(
        lambda c: Call(path={"centreId": c.centre()}, json={"address": "Laan 4"}),
        own=CENTRE_ADMIN_ONLY,
        other=every(403),
    ),
    # own = centre Z: empty and administered by the centre admin (X still has children: 409)
    "DELETE /child-centres/{centreId}": obj_op(
        lambda c: Call(path={"centreId": c.world.ids["centre_z"] if c.obj == OWN else c.centre()}),
        own=only({"centre_admin": 204}, 403),
        other=every(403),
    ),
    # Organisations: tenant-wide reads; centre admins administer those in their centres ------
    "GET /organisations": obj_op(
        lambda c: Call(query={"centreId": c.centre(), "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /organisations": obj_op(
        lambda c: Call(
            json={
                "name": f"Bibliotheek {c.principal}",
                "type": "library",
                "centreIds": [str(c.centre())],
            }
        ),
        own=only({"centre_admin": 201}, 403),
        other=every(403),  # centre Y is not the centre admin's: no linking there
        foreign=only({"centre_admin": 400}, 403),
    ),
    "GET /organisations/{organisationId}": obj_op(
        lambda c: Call(path={"organisationId": c.organisation()}),
        own=every(200),
        other=every(200),
    ),
    # Who works for an organisation, by name: professionals (any membership) only -----------
    "GET /organisations/{organisationId}/professionals": obj_op(
        lambda c: Call(path={"organisationId": c.organisation()}),
        own="401 200 200 200 200 200 200 200 200 403 403 200 403",
        other="401 200 200 200 200 200 200 200 200 403 403 200 403",
    ),
    "PATCH /organisations/{organisationId}": obj_op(
        lambda c: Call(
            path={"organisationId": c.organisation()}, json={"name": f"Hernoemd {c.principal}"}
        ),
        own=only(ADMINS, 403),
        other=every(403),
    ),
    "DELETE /organisations/{organisationId}": obj_op(
        lambda c: Call(path={"organisationId": c.organisation()}),
        own=only({"centre_admin": 204}, 403),
        other=every(403),
    ),
    # Memberships: admins of the organisation (centre admins: their centres'), everyone own --
    "GET /memberships": obj_op(
        lambda c: Call(query={"organisationId": c.organisation(), "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /memberships": obj_op(
        lambda c: Call(
            json={
                "userId": str(c.world.users["recruit"]),
                "organisationId": str(c.organisation()),
                "role": "staff",
            }
        ),
        own=status(only(ADMINS, 403), 201),
        other=every(403),
        foreign=status(only(ADMINS, 403), 400),
    ),
    #                                   anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
    "GET /memberships/{membershipId}": obj_op(
        lambda c: Call(path={"membershipId": c.membership()}),
        own="401 200 200 200 200 200 200 200 200 404 404 200 404",
        other=every(404),
    ),
    "PATCH /memberships/{membershipId}": obj_op(
        lambda c: Call(path={"membershipId": c.membership()}, json={"role": "staff"}),
        own="401 200 200 403 403 200 403 403 403 404 404 403 404",
        other=every(404),
    ),
    "DELETE /memberships/{membershipId}": obj_op(
        lambda c: Call(path={"membershipId": c.membership()}),
        own="401 204 204 403 403 204 403 403 403 404 404 403 404",
        other=every(404),
    ),
    # Accounts: administrators see and change the tenant's accounts, others only their own ---
    "GET /users": self_op(every(200), lambda c: Call(query={"limit": 100})),
    "POST /users": self_op(
        status(only(ADMINS, 403), 201),
        lambda c: Call(
            json={
                "email": f"nieuw-{c.principal}@example.org",
                "displayName": "Nieuw account",
                "password": "Lang-genoeg-wachtwoord-1",
            }
        ),
    ),
    "GET /users/{userId}": obj_op(
        lambda c: Call(path={"userId": c.user()}),
        own=every(200),
        other=only(ADMINS, 404),
    ),
    "PATCH /users/{userId}": obj_op(
        lambda c: Call(path={"userId": c.user()}, json={"displayName": "Hernoemd"}),
        own=only(ADMINS, 403),
        # an organisation's admins change only their own members' accounts
        other=only({"centre_admin": 200, "org_admin": 403, "childcare_admin": 403}, 404),
    ),
    # Groups: tenant-wide reads; admins of the group's organisation or centre manage ---------
    "GET /groups": obj_op(
        lambda c: Call(query={"centreId": c.centre(), "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /groups": obj_op(
        _group_body,
        own=status(only(ADMINS, 403), 201),
        other=every(403),
        foreign=status(only(ADMINS, 403), 400),
    ),
    "GET /groups/{groupId}": obj_op(
        lambda c: Call(path={"groupId": c.group()}), own=every(200), other=every(200)
    ),
    "PATCH /groups/{groupId}": obj_op(
        lambda c: Call(path={"groupId": c.group()}, json={"name": f"Hernoemd {c.principal}"}),
        own=only(ADMINS, 403),
        other=every(403),
    ),
    "DELETE /groups/{groupId}": obj_op(
        lambda c: Call(path={"groupId": c.group()}),
        own=status(only(ADMINS, 403), 204),
        other=every(403),
    ),
    # Children: only those the caller has a relation with; every other child is 404 ---------
    "GET /children": obj_op(
        lambda c: Call(query={"centreId": c.centre(), "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /children": obj_op(
        lambda c: Call(
            json={
                "centreId": str(c.centre()),
                "givenName": "Nieuw",
                "familyName": "Kind",
                "dateOfBirth": years_ago(4),
            }
        ),
        own=only({"centre_admin": 201}, 403),
        other=every(403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    "GET /children/{childId}": obj_op(_child, own=SEE_CHILD),
    "PATCH /children/{childId}": obj_op(
        lambda c: Call(path={"childId": c.child().id}, json={"givenName": "Anders"}),
        own=MANAGE_CHILD,
    ),
    #                                   anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
    "DELETE /children/{childId}": obj_op(
        _child, own="401 204 403 403 403 403 403 404 403 403 403 404 404"
    ),
    "GET /children/{childId}/bsn": obj_op(
        _child, own="401 403 200 403 403 403 403 404 403 403 403 404 404"
    ),
    "GET /children/{childId}/guardians": obj_op(_child, own=SEE_CHILD),
    "POST /children/{childId}/guardians": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={
                "userId": str(c.world.users["recruit"]),
                "relation": "guardian",
                "hasParentalAuthority": True,
            },
        ),
        own=status(MANAGE_CHILD, 201),
    ),
    "PATCH /children/{childId}/guardians/{guardianId}": obj_op(
        lambda c: Call(
            path={"childId": c.child().id, "guardianId": c.child().guardian},
            json={"hasParentalAuthority": True},
        ),
        own=MANAGE_CHILD,
    ),
    "DELETE /children/{childId}/guardians/{guardianId}": obj_op(
        lambda c: _child(c, guardianId=c.child().guardian), own=status(MANAGE_CHILD, 204)
    ),
    "GET /children/{childId}/contact-person": obj_op(_child, own=SEE_CHILD),
    # The history: whoever sees the child; the handover note only for its addressee
    # (tests/backend/child/test_contact_person_handover.py).
    "GET /children/{childId}/contact-person/history": obj_op(_child, own=SEE_CHILD),
    "PUT /children/{childId}/contact-person": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={"userId": str(c.world.users["mentor"]), "handoverNote": "Zie het plan."},
        ),
        own=MANAGE_CHILD,
    ),
    # Care team and consent (docs/api-access.md) -------------------------------------------
    "GET /children/{childId}/care-team": obj_op(_child, own=SEE_CARE_DATA),
    "POST /children/{childId}/care-team": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={
                "userId": str(c.world.users["therapist"]),
                "organisationId": str(c.world.ids["care"]),
                "role": "logopedist",
            },
        ),
        own=status(MANAGE_TEAM, 201),
    ),
    "PATCH /children/{childId}/care-team/{memberId}": obj_op(
        lambda c: Call(
            path={"childId": c.child().id, "memberId": c.child().team_member},
            json={"role": "ambulant begeleider"},
        ),
        own=MANAGE_TEAM,
    ),
    "DELETE /children/{childId}/care-team/{memberId}": obj_op(
        lambda c: _child(c, memberId=c.child().team_member), own=status(MANAGE_TEAM, 204)
    ),
    # docs/api-access.md: guardians with parental authority and every professional around the
    # child (placement staff, contact person, centre admin, consented care-team members).
    "GET /children/{childId}/consents": obj_op(_child, own=SEE_CARE_DATA),
    "POST /children/{childId}/consents": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={"organisationId": str(c.world.ids["school"]), "purpose": "information_sharing"},
        ),
        own=status(CONSENT, 201),
    ),
    "POST /children/{childId}/consents/{consentId}/withdrawal": obj_op(
        lambda c: _child(c, consentId=c.child().consent), own=CONSENT
    ),
    #                                   anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
    "GET /children/{childId}/access-log": obj_op(
        _child, own="401 403 403 403 403 403 403 404 200 200 403 404 404"
    ),
    "GET /children/{childId}/access-log/visits": obj_op(
        _child, own="401 403 403 403 403 403 403 404 200 200 403 404 404"
    ),
    # The AVG export (docs/parent-app.md): the child's guardians ask; without parental
    # authority it holds no care data (tests/backend/family). Only the requester reads it.
    "POST /children/{childId}/data-exports": obj_op(
        _child, own="401 403 403 403 403 403 403 404 403 202 202 404 404"
    ),
    "GET /data-exports/{exportId}": obj_op(
        lambda c: Call(path={"exportId": c.rooms("export")}),
        own=only({"guardian_with_authority": 200}, 404),
    ),
    "GET /data-exports/{exportId}/content": obj_op(
        lambda c: Call(path={"exportId": c.rooms("export")}),
        own=only({"guardian_with_authority": 200}, 404),
    ),
    # Placements: of visible children; centre admins place anywhere, staff at their own ------
    "GET /placements": obj_op(
        lambda c: Call(query={"childId": c.child().id, "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /placements": obj_op(
        _placement_body,
        own="401 201 201 201 201 201 403 400 201 403 403 403 403",
        other="401 400 400 400 400 400 400 400 400 403 403 403 403",
        foreign="401 400 400 400 400 400 400 400 400 403 403 403 403",
    ),
    "GET /placements/{placementId}": obj_op(
        lambda c: Call(path={"placementId": c.child().placement}), own=SEE_CHILD
    ),
    "PATCH /placements/{placementId}": obj_op(
        lambda c: Call(
            path={"placementId": c.child().placement}, json={"days": ["monday", "friday"]}
        ),
        own=PLACE,
    ),
    "DELETE /placements/{placementId}": obj_op(
        lambda c: Call(path={"placementId": c.child().placement}), own=status(PLACE, 204)
    ),
    "POST /placements/bulk": obj_op(
        lambda c: Call(json={"items": [_placement_body(c).json]}),
        # As POST /placements, in one unit: an item the caller may not place is a 400 that
        # names the item's field (nothing is stored).
        own="401 200 200 200 200 200 400 400 200 403 403 403 403",
        other="401 400 400 400 400 400 400 400 400 403 403 403 403",
        foreign="401 400 400 400 400 400 400 400 400 403 403 403 403",
    ),
    # The changes feed is for API clients only (test_client_matrix.py) ------------------------
    "GET /changes": self_op(every(403), lambda c: Call()),
    # API clients: the organisation's administrators (docs/integration.md) -------------------
    "GET /organisations/{organisationId}/api-clients": obj_op(
        _api_clients, own=API_CLIENT_ADMINS, other=NOT_ADMINISTERED, foreign=FOREIGN_ORG
    ),
    "POST /organisations/{organisationId}/api-clients": obj_op(
        lambda c: Call(
            path=_api_clients(c).path, json={"name": "Planning", "scopes": ["children:read"]}
        ),
        own=status(API_CLIENT_ADMINS, 201),
        other=NOT_ADMINISTERED,
        foreign=FOREIGN_ORG,
    ),
    "GET /organisations/{organisationId}/api-clients/{clientId}": obj_op(
        _api_client, own=API_CLIENT_ADMINS, other=NOT_ADMINISTERED, foreign=FOREIGN_ORG
    ),
    "PATCH /organisations/{organisationId}/api-clients/{clientId}": obj_op(
        lambda c: Call(path=_api_client(c).path, json={"name": "Facturatie"}),
        own=API_CLIENT_ADMINS,
        other=NOT_ADMINISTERED,
        foreign=FOREIGN_ORG,
    ),
    "DELETE /organisations/{organisationId}/api-clients/{clientId}": obj_op(
        _api_client,
        own=status(API_CLIENT_ADMINS, 204),
        other=NOT_ADMINISTERED,
        foreign=FOREIGN_ORG,
    ),
    "POST /organisations/{organisationId}/api-clients/{clientId}/secret-rotation": obj_op(
        lambda c: Call(path=_api_client(c).path, json={"overlapHours": 1}),
        own=status(API_CLIENT_ADMINS, 201),
        other=NOT_ADMINISTERED,
        foreign=FOREIGN_ORG,
    ),
    # Webhook subscriptions (docs/webhooks.md): the admins of the client's organisation (and
    # the client itself, test_client_matrix.py) list and create them; a single one is found
    # among the rows the caller reaches, or 404. Own = the childcare client's subscription,
    # other = a client's of school Y, foreign = a client's in the other municipality.
    "GET /webhook-subscriptions": self_op(WEBHOOK_ADMINS, lambda c: Call(query={"limit": 100})),
    "POST /webhook-subscriptions": obj_op(
        lambda c: Call(
            json={
                "url": "https://93.184.216.34/hooks/new",
                "eventTypes": ["placement.changed"],
                "clientId": str(c.world.ids[_webhook_client(c)]),
            }
        ),
        own="401 201 400 403 403 201 403 403 403 403 403 403 403",
        other=WEBHOOK_BAD_CLIENT,
        foreign=WEBHOOK_BAD_CLIENT,
    ),
    "GET /webhook-subscriptions/{subscriptionId}": obj_op(
        _webhook_subscription, own=WEBHOOK_OWN, other=WEBHOOK_OTHER, foreign=WEBHOOK_OTHER
    ),
    "PATCH /webhook-subscriptions/{subscriptionId}": obj_op(
        lambda c: Call(
            path=_webhook_subscription(c).path, json={"eventTypes": ["placement.changed"]}
        ),
        own=WEBHOOK_OWN,
        other=WEBHOOK_OTHER,
        foreign=WEBHOOK_OTHER,
    ),
    "DELETE /webhook-subscriptions/{subscriptionId}": obj_op(
        _webhook_subscription,
        own=status(WEBHOOK_OWN, 204),
        other=WEBHOOK_OTHER,
        foreign=WEBHOOK_OTHER,
    ),
    "POST /webhook-subscriptions/{subscriptionId}/secret-rotation": obj_op(
        _webhook_subscription, own=WEBHOOK_OWN, other=WEBHOOK_OTHER, foreign=WEBHOOK_OTHER
    ),
    "GET /webhook-subscriptions/{subscriptionId}/deliveries": obj_op(
        _webhook_subscription, own=WEBHOOK_OWN, other=WEBHOOK_OTHER, foreign=WEBHOOK_OTHER
    ),
    "POST /webhook-deliveries/{deliveryId}/replay": obj_op(
        lambda c: Call(path={"deliveryId": c.world.ids[f"webhook_delivery_{_where(c)}"]}),
        own=status(WEBHOOK_OWN, 202),
        other=WEBHOOK_OTHER,
        foreign=WEBHOOK_OTHER,
    ),
    # Support inside the centre (docs/support.md) ------------------------------------------
    "GET /children/{childId}/signals": obj_op(_child, own=SEE_CARE_DATA),
    "POST /children/{childId}/signals": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={"category": "behaviour", "description": "Onrustig in de kring."},
        ),
        own="401 201 201 201 201 201 201 404 201 403 403 404 404",
    ),
    "POST /children/{childId}/support-requests": obj_op(
        lambda c: Call(path={"childId": c.child().id}, json={"description": "Graag hulp."}),
        own=status(CONSENT, 201),
    ),
    "GET /children/{childId}/plan": obj_op(
        _child, own="401 403 200 200 200 200 200 404 200 200 403 404 404"
    ),
    "GET /signals": self_op(every(200), lambda c: Call(query={"limit": 100})),
    "POST /signals/{signalId}/decision": obj_op(
        lambda c: Call(
            path={"signalId": c.child().support.signal},
            json={"decision": "discussed_with_parents"},
        ),
        own="401 404 404 403 404 404 404 404 200 404 404 404 404",
    ),
    # Rooms shared by the centre (docs/rooms.md) --------------------------------------------
    "GET /buildings": self_op(every(200), lambda c: Call()),
    "POST /buildings": obj_op(
        lambda c: Call(json={"centreId": str(c.centre()), "name": "Nieuwbouw"}),
        own=only({"centre_admin": 201}, 403),
        other=only({"centre_admin": 403}, 403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    # With every part of the calendar screen: the parts follow the building's visibility.
    "GET /buildings/{buildingId}": obj_op(
        lambda c: Call(
            path={"buildingId": c.rooms("building")},
            query={"expand": "rooms,holidays,organisations"},
        ),
        own=SEE_ROOMS,
        other=ANALYST_ONLY,
    ),
    "PATCH /buildings/{buildingId}": obj_op(
        lambda c: Call(path={"buildingId": c.rooms("building")}, json={"name": "Gebouw A"}),
        own=MANAGE_ROOMS,
        other=MANAGE_ELSEWHERE,
    ),
    "DELETE /buildings/{buildingId}": obj_op(
        _building,
        own=status(MANAGE_ROOMS, 409),  # it still has a room
        other=MANAGE_ELSEWHERE,
    ),
    "GET /rooms": self_op(every(200), lambda c: Call()),
    "POST /rooms": obj_op(
        _new_room,
        own=only({"centre_admin": 201}, 403),
        other=only({"centre_admin": 403}, 403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    "GET /rooms/{roomId}": obj_op(_room, own=SEE_ROOMS, other=ANALYST_ONLY),
    "PATCH /rooms/{roomId}": obj_op(
        lambda c: Call(path={"roomId": c.rooms("room")}, json={"capacity": 25}),
        own=MANAGE_ROOMS,
        other=MANAGE_ELSEWHERE,
    ),
    "DELETE /rooms/{roomId}": obj_op(
        _room,
        own=status(MANAGE_ROOMS, 409),  # it has a booking
        other=MANAGE_ELSEWHERE,
    ),
    "GET /child-centres/{centreId}/holidays": obj_op(
        lambda c: Call(path={"centreId": c.centre()}), own=SEE_ROOMS, other=ANALYST_ONLY
    ),
    "POST /child-centres/{centreId}/holidays": obj_op(
        lambda c: Call(
            path={"centreId": c.centre()},
            json={
                "name": "Studiedag",
                "kind": "study_day",
                "startDate": "2027-02-03",
                "endDate": "2027-02-03",
            },
        ),
        own=status(MANAGE_ROOMS, 201),
        other=MANAGE_ELSEWHERE,
    ),
    "DELETE /child-centres/{centreId}/holidays/{holidayId}": obj_op(
        _holiday,
        own=status(MANAGE_ROOMS, 204),
        other=MANAGE_ELSEWHERE,
    ),
    "GET /bookings": obj_op(
        lambda c: Call(
            query={"buildingId": c.rooms("building"), "from": "2026-01-01", "to": "2026-02-01"}
        ),
        own=BOOKERS_ONLY,
        other=BOOKERS_ONLY,
        foreign=BOOKERS_ONLY,
    ),
    "POST /bookings": obj_op(
        _new_booking,
        own=status(BOOK_IN_X, 201),
        other=NOT_A_BOOKER_ELSE_404,
        foreign=NOT_A_BOOKER_ELSE_404,
    ),
    "GET /bookings/{bookingId}": obj_op(_booking, own=SEE_BOOKING_IN_X),
    "PATCH /bookings/{bookingId}": obj_op(
        lambda c: _booking(c, purpose="Gymles groep 6"),
        own="401 200 200 200 403 403 403 403 404 404 404 404 404",
    ),
    "POST /bookings/{bookingId}/check-in": obj_op(
        _booking,
        # the school's people (the booking starts tomorrow: too early, 409); others 403
        own="401 403 409 409 403 403 403 403 404 404 404 404 404",
    ),
    "POST /bookings/{bookingId}/transitions": obj_op(
        lambda c: _booking(c, to="cancelled"),
        # the centre's admin, the school's admin and the booker cancel the school's booking
        own="401 200 200 200 403 403 403 403 404 404 404 404 404",
    ),
    "GET /room-norm": self_op(every(200), lambda c: Call()),
    "PUT /room-norm": self_op(
        only({"centre_admin": 200}, 403),
        lambda c: Call(
            json={
                "baseM2": 200,
                "perPupilM2": 5.5,
                "afterSchoolFrom": "15:00",
                "wednesdayAfternoonFrom": "12:30",
            }
        ),
    ),
    "GET /reports/room-utilisation": obj_op(
        lambda c: Call(
            query={"buildingId": c.rooms("building"), "from": "2026-09-01", "to": "2027-07-15"}
        ),
        own=REPORTS_OWN,
        other=REPORTS_OTHER,
        foreign=REPORTS_FOREIGN,
    ),
    "GET /reports/floor-area": obj_op(
        lambda c: Call(query={"buildingId": c.rooms("building")}),
        own=REPORTS_OWN,
        other=REPORTS_OTHER,
        foreign=REPORTS_FOREIGN,
    ),
    # A feed's address is a capability: whoever holds it reads it, signed in or not; tenant 2's
    # feed here is a revoked one, which is gone for everyone.
    "GET /calendar-feeds/{feedToken}": obj_op(
        lambda c: Call(path={"feedToken": str(c.rooms("feed_token"))}),
        own=every(200, anon=200),
        other=every(200, anon=200),
        foreign=every(404, anon=404),
    ),
    "GET /me/calendar-feeds": self_op(every(200), lambda c: Call()),
    "POST /me/calendar-feeds": obj_op(
        lambda c: Call(
            json={
                "name": "Speelzaal",
                "roomId": str(c.rooms("room")),
                "organisationId": str(c.own_organisation()),
            }
        ),
        own=status(BOOK_IN_X, 201),
        other=NOT_A_BOOKER_ELSE_404,
        foreign=NOT_A_BOOKER_ELSE_404,
    ),
    "DELETE /me/calendar-feeds/{feedId}": obj_op(
        lambda c: Call(path={"feedId": c.rooms("feed")}),
        # the school staff member made it; the school's and the centre's administrators revoke
        own="401 204 204 204 404 404 404 404 404 404 404 404 404",
    ),
    # Activities (docs/activities.md): run by childcare in X (A enrolled), by school Y in Y.
    "GET /activities": self_op(every(200), lambda c: Call()),
    "POST /activities": obj_op(
        lambda c: Call(
            json={"centreId": str(c.centre()), "title": "Judo", "category": "sport", "capacity": 8}
        ),
        own="401 201 201 201 201 201 201 201 400 403 403 403 403",
        other=RUNNERS_400,
        foreign=RUNNERS_400,
    ),
    "GET /activities/{activityId}": obj_op(_activity, own=SEE_ACTIVITY, other=ANALYST_ONLY),
    "PATCH /activities/{activityId}": obj_op(
        lambda c: Call(path={"activityId": c.rooms("activity")}, json={"capacity": 6}),
        own=RUN_ACTIVITY,
        other=MANAGE_ELSEWHERE,
    ),
    "DELETE /activities/{activityId}": obj_op(
        lambda c: Call(path={"activityId": c.rooms("activity_open")}),
        own=status(RUN_ACTIVITY, 204),
        other=MANAGE_ELSEWHERE,
    ),
    "GET /activities/{activityId}/sessions": obj_op(
        _activity, own=SEE_ACTIVITY, other=ANALYST_ONLY
    ),
    # Sessions are bookings of the providing organisation: a centre admin of another one
    # cannot book for it.
    "POST /activities/{activityId}/sessions": obj_op(
        lambda c: Call(
            path={"activityId": c.rooms("activity")},
            json={
                "roomId": str(c.rooms("room")),
                "startsAt": _later(3, 16),
                "endsAt": _later(3, 17),
            },
        ),
        own="401 403 403 403 201 201 403 403 404 403 403 403 404",
        other=MANAGE_ELSEWHERE,
    ),
    "POST /activities/{activityId}/sessions/{sessionId}/cancellation": obj_op(
        _activity_session, own=RUN_ACTIVITY, other=MANAGE_ELSEWHERE
    ),
    "GET /activities/{activityId}/sessions/{sessionId}/attendance": obj_op(
        _activity_session, own=RUN_ACTIVITY, other=MANAGE_ELSEWHERE
    ),
    "PUT /activities/{activityId}/sessions/{sessionId}/attendance": obj_op(
        lambda c: _activity_session(
            c, json={"items": [{"childId": str(_enrolled(c)), "status": "excused"}]}
        ),
        own=RUN_ACTIVITY,
        other=MANAGE_ELSEWHERE,
    ),
    "POST /activities/{activityId}/enrolments": obj_op(
        lambda c: Call(
            path={"activityId": c.rooms("activity_open")}, json={"childId": str(c.child().id)}
        ),
        own="401 201 201 201 201 201 403 404 404 201 403 404 404",
    ),
    "GET /activities/{activityId}/enrolments": obj_op(
        _activity, own=SEE_ACTIVITY, other=ANALYST_ONLY
    ),
    "POST /activities/{activityId}/enrolments/{enrolmentId}/cancellation": obj_op(
        lambda c: Call(
            path={"activityId": c.rooms("activity"), "enrolmentId": c.rooms("enrolment")}
        ),
        own="401 200 200 200 200 200 403 404 404 200 403 404 404",
    ),
    "GET /reports/participation": obj_op(
        lambda c: Call(query={"centreId": c.centre(), "from": today(-30), "to": today(30)}),
        own="401 200 200 403 403 200 403 403 403 403 403 200 403",
        other="401 404 404 403 403 404 403 403 403 403 403 200 403",
        foreign="401 404 404 403 403 404 403 403 403 403 403 404 403",
    ),
    # Outcome reports (docs/outcomes.md): the centre's management and the municipality ------
    "GET /reports/outcomes": obj_op(
        lambda c: Call(query={"centreId": c.centre(), "interval": "term"}),
        own="401 200 403 403 403 403 403 403 403 403 403 200 403",
        other="401 404 403 403 403 403 403 403 403 403 403 200 403",
        foreign="401 404 403 403 403 403 403 403 403 403 403 404 403",
    ),
    "GET /report-settings": self_op(every(200), lambda c: Call()),
    # Erasure requests and merges (docs/erasure.md): centre admins of the child's centre only;
    # a child id in a body that is not visible is a field error.
    "GET /children/{childId}/erasure-assessment": obj_op(
        _child, own="401 200 403 403 403 403 403 404 403 403 403 404 404"
    ),
    "POST /erasure-requests": obj_op(
        _erasure_request_body,
        own=only({"centre_admin": 201}, 403),
        other=only({"centre_admin": 400}, 403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    "GET /erasure-requests": self_op(only({"centre_admin": 200}, 403), lambda c: Call()),
    "GET /erasure-requests/{erasureRequestId}": obj_op(
        _erasure_request,
        own=only({"centre_admin": 200}, 404),
        other=only({}, 404),
        foreign=only({}, 404),
    ),
    "POST /child-merges/preview": obj_op(
        _merge_body,
        own=only({"centre_admin": 200}, 403),
        other=only({"centre_admin": 400}, 403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    "POST /child-merges": obj_op(
        _merge_body,
        own=only({"centre_admin": 201}, 403),
        other=only({"centre_admin": 400}, 403),
        foreign=only({"centre_admin": 400}, 403),
    ),
    "PUT /report-settings": self_op(
        only({"centre_admin": 200}, 403), lambda c: Call(json={"smallCellThreshold": 8})
    ),
    # Absences and the day (docs/activities.md) --------------------------------------------
    "POST /children/{childId}/absences": obj_op(
        lambda c: Call(
            path={"childId": c.child().id},
            json={"from": today(3), "to": today(4), "reason": "ill"},
        ),
        own="401 201 201 201 201 201 403 404 201 201 403 404 404",
    ),
    "GET /children/{childId}/absences": obj_op(_child, own=SEE_CHILD),
    "POST /children/{childId}/absences/{absenceId}/withdrawal": obj_op(
        lambda c: Call(path={"childId": _enrolled(c), "absenceId": c.rooms("absence")}),
        own="401 200 200 200 404 404 403 404 200 200 403 404 404",
    ),
    "PUT /children/{childId}/daily-attendance/{date}": obj_op(
        lambda c: Call(
            path={"childId": c.child().id, "date": today()},
            json={
                "checkedInAt": _local_noon(),
                "organisationId": str(
                    c.world.ids["childcare" if c.child_key() == "B" else "school"]
                ),
            },
        ),
        own=PLACE,
    ),
    "POST /daily-attendance/bulk": obj_op(
        lambda c: Call(
            json={
                "items": [
                    {
                        "childId": str(c.child().id),
                        "date": today(),
                        "checkedInAt": _local_noon(),
                        "organisationId": str(
                            c.world.ids["childcare" if c.child_key() == "B" else "school"]
                        ),
                    }
                ]
            }
        ),
        # Staff roles only; per item as the PUT, an item refused is a 400 naming its field.
        own="401 200 200 200 200 200 403 403 400 403 403 403 403",
        other="401 400 400 400 400 400 403 403 400 403 403 403 403",
        foreign="401 400 400 400 400 400 403 403 400 403 403 403 403",
    ),
    "GET /children/{childId}/day": obj_op(_child, own=SEE_CHILD),
    "GET /groups/{groupId}/day": obj_op(
        lambda c: Call(path={"groupId": c.group()}),
        own="401 200 200 200 200 200 404 404 404 404 404 404 404",
    ),
    "GET /support-trajectories": obj_op(
        lambda c: Call(query={"childId": c.child().id, "limit": 100}),
        own=every(200),
        other=every(200),
        foreign=every(200),
    ),
    "POST /support-trajectories": obj_op(
        _trajectory_body,
        own="401 403 403 403 403 403 403 400 201 403 403 403 403",
        other=PROFESSIONALS_400,
        foreign=PROFESSIONALS_400,
    ),
    "GET /support-trajectories/{trajectoryId}": obj_op(_trajectory, own=READ_TRAJECTORY),
    "PATCH /support-trajectories/{trajectoryId}": obj_op(
        lambda c: _trajectory(c, json={"location": "at_home"}), own=TRAJECTORY_TEAM
    ),
    "POST /support-trajectories/{trajectoryId}/transitions": obj_op(
        lambda c: _trajectory(c, json={"to": "evaluation"}), own=TRAJECTORY_TEAM
    ),
    "GET /support-trajectories/{trajectoryId}/goals": obj_op(
        _trajectory, own="401 404 200 200 200 200 200 404 200 200 404 404 404"
    ),
    "POST /support-trajectories/{trajectoryId}/goals": obj_op(
        lambda c: _trajectory(c, json={"text": "Telt tot twintig."}),
        own=status(TRAJECTORY_TEAM, 201),
    ),
    "PATCH /support-trajectories/{trajectoryId}/goals/{goalId}": obj_op(
        lambda c: _trajectory(c, goalId=c.child().support.goal, json={"status": "reached"}),
        own=TRAJECTORY_TEAM,
    ),
    "POST /support-trajectories/{trajectoryId}/goals/{goalId}/progress": obj_op(
        lambda c: _trajectory(c, goalId=c.child().support.goal, json={"text": "Lukt bijna."}),
        own=status(TRAJECTORY_TEAM, 201),
    ),
    "GET /support-trajectories/{trajectoryId}/sessions": obj_op(_trajectory, own=READ_TRAJECTORY),
    "POST /support-trajectories/{trajectoryId}/sessions": obj_op(
        lambda c: _trajectory(
            c,
            json={
                "startsAt": f"{today(1)}T10:00:00+01:00",
                "endsAt": f"{today(1)}T10:45:00+01:00",
                "location": "centre_room",
            },
        ),
        own=status(TRAJECTORY_TEAM, 201),
    ),
    "PATCH /support-trajectories/{trajectoryId}/sessions/{sessionId}": obj_op(
        lambda c: _trajectory(
            c, sessionId=c.child().support.session, json={"attendance": "attended"}
        ),
        own=TRAJECTORY_TEAM,
    ),
    "GET /support-sessions": self_op(
        "401 200 200 200 200 200 200 200 200 403 403 403 403", lambda c: Call()
    ),
    "GET /support-trajectories/{trajectoryId}/notes": obj_op(_trajectory, own=READ_TRAJECTORY),
    "POST /support-trajectories/{trajectoryId}/notes": obj_op(
        lambda c: _trajectory(c, json={"text": "Gesprek gehad."}),
        own=status(TRAJECTORY_TEAM, 201),
    ),
    # Only the author corrects: A's note was written by care_with_consent.
    "POST /support-trajectories/{trajectoryId}/notes/{noteId}/corrections": obj_op(
        lambda c: _trajectory(c, noteId=c.child().support.note, json={"text": "Verbeterd."}),
        own="401 404 404 404 404 404 201 404 403 404 404 404 404",
    ),
    "GET /trajectory-norms": self_op(
        "401 200 200 200 200 200 200 200 200 403 403 403 403", lambda c: Call()
    ),
    "PUT /trajectory-norms/{type}": self_op(
        CENTRE_ADMIN_ONLY,
        lambda c: Call(
            path={"type": "logopedie"}, json={"intakeWithinDays": 8, "startWithinDays": 15}
        ),
    ),
    "DELETE /trajectory-norms/{type}": self_op(
        CENTRE_ADMIN_ONLY, lambda c: Call(path={"type": "jeugdhulp"})
    ),
    "GET /child-centres/{centreId}/care-coordinators": obj_op(
        lambda c: Call(path={"centreId": c.centre()}), own=every(200), other=every(200)
    ),
    "POST /child-centres/{centreId}/care-coordinators": obj_op(
        lambda c: Call(
            path={"centreId": c.centre()}, json={"userId": str(c.world.users["therapist"])}
        ),
        own=only({"centre_admin": 201}, 403),
        other=every(403),
    ),
    "DELETE /child-centres/{centreId}/care-coordinators/{userId}": obj_op(
        lambda c: Call(path={"centreId": c.centre(), "userId": c.world.users["helper"]}),
        own=only({"centre_admin": 204}, 403),
        other=every(403),
    ),
    # Announcements (docs/announcements.md): school staff sent X's to the school group (A's
    # guardians received it); y_staff sent Y's. Senders: who works with the group.
    "GET /announcements": self_op(every(200), lambda c: Call()),
    "POST /announcements": obj_op(
        lambda c: Call(json={"title": "Mededeling", "text": "Tekst.", "groupId": str(c.group())}),
        own="401 201 201 201 201 201 403 403 400 403 403 403 403",
        other=SENDERS_400,
        foreign=SENDERS_400,
    ),
    "GET /announcements/{announcementId}": obj_op(_announcement, own=SEE_ANNOUNCEMENT),
    "POST /announcements/{announcementId}/read": obj_op(_announcement, own=RECEIVE_ANNOUNCEMENT),
    "POST /announcements/{announcementId}/confirmation": obj_op(
        _announcement, own=RECEIVE_ANNOUNCEMENT
    ),
    "GET /announcements/{announcementId}/recipients": obj_op(
        _announcement, own="401 200 404 200 404 404 404 404 404 403 403 404 404"
    ),
    # Talk slots (docs/talks.md): school staff offered A's family an open slot ("talk_open")
    # and one booked for A by the guardian with authority ("talk_booked"), in two plannings.
    "GET /talk-slots": self_op(every(200), lambda c: Call()),
    "POST /talk-slots": obj_op(
        lambda c: Call(
            json={
                "groupId": str(c.group()),
                "series": {"startsAt": _later(9, 13), "durationMinutes": 15, "count": 2},
            }
        ),
        own="401 201 201 201 201 201 400 400 400 403 403 403 403",
        other=PROFESSIONALS_400,
        foreign=PROFESSIONALS_400,
    ),
    "GET /talk-slots/unbooked-families": obj_op(
        lambda c: Call(query={"groupId": str(c.group())}),
        own=PUBLISHERS,
        other=PUBLISHERS,
        foreign=PUBLISHERS,
    ),
    "GET /talk-slots/{slotId}": obj_op(_talk, own=SEE_ANNOUNCEMENT),
    "DELETE /talk-slots/{slotId}": obj_op(
        _talk, own="401 204 404 204 404 404 404 404 404 403 403 404 404"
    ),
    "POST /talk-slots/{slotId}/booking": obj_op(
        lambda c: Call(path={"slotId": c.rooms("talk_open")}, json={}),
        own="401 403 404 403 404 404 404 404 404 201 201 404 404",
    ),
    "DELETE /talk-slots/{slotId}/booking": obj_op(
        lambda c: Call(path={"slotId": c.rooms("talk_booked")}),
        own=status(SEE_ANNOUNCEMENT, 204),
    ),
    "GET /talk-slots/{slotId}/booking/calendar": obj_op(
        lambda c: Call(path={"slotId": c.rooms("talk_booked")}), own=SEE_ANNOUNCEMENT
    ),
    # Notifications: one's own, while one still relates to the child they are about --------
    "GET /notifications": self_op(every(200), lambda c: Call(query={"limit": 100})),
    "PATCH /notifications/{notificationId}": obj_op(
        _notification,
        own="401 200 200 200 200 200 200 404 200 200 200 404 404",
    ),
    # Messages and attachments (docs/messages.md) -----------------------------------------
    "POST /children/{childId}/threads": obj_op(
        lambda c: Call(path={"childId": c.child().id}, json={"subject": "Vraag", "text": "Hallo"}),
        own=OPEN_THREAD,
    ),
    "GET /threads": self_op(every(200), lambda c: Call(query={"limit": 100})),
    "GET /threads/unread-count": self_op(every(200), lambda c: Call()),
    "GET /threads/{threadId}": obj_op(_thread, own=THREAD_PARTIES),
    "POST /threads/{threadId}/messages": obj_op(
        lambda c: _thread(c, json={"text": "Dank u."}), own=status(THREAD_PARTIES, 201)
    ),
    "POST /threads/{threadId}/read": obj_op(_thread, own=status(THREAD_PARTIES, 204)),
    # Only its author (the guardian) withdraws the message; the contact person sees it.
    "POST /threads/{threadId}/messages/{messageId}/withdrawal": obj_op(
        lambda c: _thread(c, messageId=c.rooms("message")),
        own="401 404 404 404 404 404 404 404 403 200 404 404 404",
    ),
    # Closing and reopening: the child's contact person only; the guardian sees the thread (403).
    "POST /threads/{threadId}/closure": obj_op(
        _thread, own="401 404 404 404 404 404 404 404 200 403 404 404 404"
    ),
    "DELETE /threads/{threadId}/closure": obj_op(
        _thread, own="401 404 404 404 404 404 404 404 200 403 404 404 404"
    ),
    # The care professional with consent on A's team joins; added by the two parties.
    "POST /threads/{threadId}/participants": obj_op(
        lambda c: _thread(c, json={"userId": str(c.world.users["care_with_consent"])}),
        own=status(THREAD_PARTIES, 201),
    ),
    "POST /attachments": self_op(
        every(201), lambda c: Call(files={"file": ("foto.png", PNG_BYTES, "image/png")})
    ),
    "GET /attachments/{attachmentId}/content": obj_op(_attachment, own=THREAD_PARTIES),
    # Security settings: centre admins only --------------------------------------------------
    "GET /security-settings": self_op(CENTRE_ADMIN_ONLY, lambda c: Call()),
    "PUT /security-settings": self_op(
        CENTRE_ADMIN_ONLY, lambda c: Call(json={"mandatoryTwoFactorRoles": []})
    ),
    # Retention (docs/retention.md): the schedule of the municipality and legal holds on the
    # children of the centres a centre admin runs; everyone else is refused by role.
    "GET /retention-schedule": self_op(CENTRE_ADMIN_ONLY, lambda c: Call()),
    "PUT /retention-schedule": self_op(
        CENTRE_ADMIN_ONLY,
        lambda c: Call(json={"items": [{"category": "messages", "months": 36}]}),
    ),
    #                                   anon ca  oa  ss  cs  cad cpw cpo cp  gw  gwo an  out
    "GET /children/{childId}/legal-hold": obj_op(
        _child, own="401 200 403 403 403 403 403 404 403 403 403 404 404"
    ),
    "PUT /children/{childId}/legal-hold": obj_op(
        lambda c: Call(path={"childId": c.child().id}, json={"reason": "Zaak 2026/17"}),
        own="401 200 403 403 403 403 403 404 403 403 403 404 404",
    ),
    "DELETE /children/{childId}/legal-hold": obj_op(
        _child, own="401 204 403 403 403 403 403 404 403 403 403 404 404"
    ),
}


def operations(document: dict[str, Any]) -> list[str]:
    return [
        f"{method.upper()} {path}"
        for path, item in document["paths"].items()
        for method in item
        if method in HTTP_METHODS
    ]


UUID_RE = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def test_every_documented_operation_has_a_row_and_the_table_keeps_its_own_rules() -> None:
    document = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    documented = operations(document)
    assert not set(documented) - set(TABLE), "operations without a row in TABLE"
    assert not set(TABLE) - set(documented), "rows for operations the document lacks"
    for key, row in TABLE.items():
        for obj, expected in row.expect.items():
            if key not in PUBLIC:
                assert expected["anonymous"] == 401, (key, obj)
            if obj == FOREIGN and "{" in key:
                assert set(expected.values()) <= {401, 404}, (key, "cross-tenant must be 404")
    read_child = TABLE["GET /children/{childId}"].expect
    for principal, visible in VISIBLE_CHILDREN.items():
        own_child = "B" if principal in CHILDCARE_PRINCIPALS else "A"
        assert (read_child[OWN][principal] == 200) == (own_child in visible), principal


@dataclass
class Outcome:
    key: str
    principal: str
    obj: str
    expected: int
    actual: int
    detail: str = ""


async def test_authorization_matrix(
    app: FastAPI,
    client: httpx.AsyncClient,
    session: AsyncSession,
    connection: AsyncConnection,
    record_property: Callable[[str, object], None],
) -> None:
    started = time.monotonic()
    jobs: RunningJobs = app.state.api.state.test_jobs
    world = await build_matrix_world(session, secret=TEST_SECRET)
    await session.flush()
    served = (await client.get("/openapi.json")).json()
    keys = operations(served)
    missing = sorted(set(keys) - set(TABLE))

    child_ids = {key: rows.id for key, rows in world.children.items()}
    foreign = {str(i) for i in world.foreign_ids}
    mismatches: list[Outcome] = []
    leaks: list[str] = []
    cases = 0
    cells = 0
    for key in keys:
        if key not in TABLE:
            continue
        method, template = key.split(" ", 1)
        row = TABLE[key]
        for principal in PRINCIPALS:
            invisible = {
                str(child_ids[k]) for k in child_ids if k not in VISIBLE_CHILDREN[principal]
            }
            for obj in row.objects:
                cells += 1
                expected = row.expect[obj][principal]
                ctx = Ctx(world, principal, obj, client)
                savepoint = await connection.begin_nested()
                try:
                    call = row.build(ctx)
                    if not isinstance(call, Call):
                        call = await call
                    url = template.format(**{k: str(v) for k, v in call.path.items()})
                    response = await client.request(
                        method,
                        url,
                        headers=ctx.headers,
                        json=call.json,
                        data=call.form,
                        files=call.files,
                        params=call.query,
                    )
                    # A job the request left (an export) reads in this savepoint: let it end.
                    await jobs.idle()
                finally:
                    await savepoint.rollback()
                cases += 1
                actual = response.status_code
                if actual != expected:
                    mismatches.append(
                        Outcome(key, principal, obj, expected, actual, response.text[:160])
                    )
                elif actual == 400 and not response.json().get("errors"):
                    mismatches.append(
                        Outcome(key, principal, obj, expected, actual, "400 without field errors")
                    )
                if 200 <= actual < 300 and response.content:
                    found = set(UUID_RE.findall(response.text))
                    leaked = found & (foreign | invisible)
                    if key in ENROLMENT_LISTS and principal in ACTIVITY_RUNNERS_X:
                        # The activity's people see its enrolled child (A) by name and group.
                        leaked -= {str(world.children["A"].id)}
                    if leaked:
                        leaks.append(f"{key} as {principal} ({obj}): {sorted(leaked)}")

    size = len(keys) * len(PRINCIPALS) * 3
    summary = (
        f"authorization matrix: {len(keys)} operations x {len(PRINCIPALS)} principals x "
        f"3 objects = {size} (applicable cells {cells}); cases run: {cases}; "
        f"{time.monotonic() - started:.1f}s"
    )
    print("\n" + summary)
    record_property("matrix_operations", len(keys))
    record_property("matrix_principals", len(PRINCIPALS))
    record_property("matrix_size", size)
    record_property("matrix_cells", cells)
    record_property("matrix_cases_run", cases)

    problems = []
    if missing:
        problems.append(f"operations without a row in TABLE: {missing}")
    unexpected_2xx = [m for m in mismatches if 200 <= m.actual < 300]
    if unexpected_2xx:
        problems.append(f"{len(unexpected_2xx)} UNEXPECTED 2xx (access that must be refused)")
    if mismatches:
        problems.append(f"{len(mismatches)} mismatches (op | principal | object | expected | got):")
        problems += [
            f"  {m.key} | {m.principal} | {m.obj} | {m.expected} | {m.actual}  {m.detail}"
            for m in mismatches
        ]
    if leaks:
        problems.append(f"{len(leaks)} responses with foreign or invisible ids:")
        problems += [f"  {leak}" for leak in leaks]
    assert not problems, summary + "\n" + HEADER + "\n" + "\n".join(problems)


# --- `GET /children/{childId}?expand=`: each part passes its own policy -----------------
# e = embedded, - = left out (the child is still served: 200); other codes: the whole request.
EMBEDDED, LEFT_OUT = "e", "-"
EXPAND_PARTS = (
    "guardians",
    "placements",
    "contactPerson",
    "careTeam",
    "consents",
    "plan",
    "trajectories",
    "signals",
    "day",
    "dailyTeam",
    "enrolments",
    "absences",
    "legalHold",
)
#                      anon ca oa ss cs cad cpw cpo cp gw gwo an  out
_ANY_RELATION = "401 e  e  e  e  e   e   404 e  e  e   404 404"
_CARE_DATA = "401 e  e  e  e  e   e   404 e  e  -   404 404"
# The plan as `GET /children/{childId}/plan` serves it (403 there: left out here).
_PLAN = "401 -  e  e  e  e   e   404 e  e  -   404 404"
EXPAND_TABLE: dict[str, str] = {
    "guardians": _ANY_RELATION,
    "placements": _ANY_RELATION,
    "contactPerson": _ANY_RELATION,
    "careTeam": _CARE_DATA,
    "consents": _CARE_DATA,
    "plan": _PLAN,
    # The list's filter decides which, as for `?childId=`; care data, so left out (not an
    # empty list) for a guardian without parental authority.
    "trajectories": _CARE_DATA,
    "signals": _CARE_DATA,  # as `GET /children/{childId}/signals`
    "day": _ANY_RELATION,  # as `GET /children/{childId}/day`
    "dailyTeam": _ANY_RELATION,  # contact person, groups, activities: what the page shows
    "enrolments": _ANY_RELATION,
    "absences": _ANY_RELATION,  # as `GET /children/{childId}/absences`
    # As `GET /children/{childId}/legal-hold`: the centre's administrators only.
    "legalHold": "401 e  -  -  -  -   -   404 -  -  -   404 404",
}
# The access log names a part as its own endpoint names its resource.
AUDIT_PART_NAMES = {
    "contactPerson": "contact-person",
    "careTeam": "care-team",
    "trajectories": "trajectory",
    "signals": "signal",
    "dailyTeam": "daily-team",
    "enrolments": "enrolment",
    "absences": "absence",
    "legalHold": "legal-hold",
}


def _expand_cells(part: str) -> dict[str, str]:
    cells = EXPAND_TABLE[part].split()
    assert len(cells) == len(PRINCIPALS), part
    return dict(zip(PRINCIPALS, cells, strict=True))


async def test_expand_parts_follow_each_parts_policy(
    client: httpx.AsyncClient, session: AsyncSession, connection: AsyncConnection
) -> None:
    """One request per principal for the own child with every part; each part is embedded
    exactly where its policy allows, and the access log names exactly the parts served."""
    world = await build_matrix_world(session, secret=TEST_SECRET)
    await session.flush()
    problems = []
    for principal in PRINCIPALS:
        ctx = Ctx(world, principal, OWN, client)
        savepoint = await connection.begin_nested()
        try:
            response = await client.get(
                f"/children/{ctx.child().id}",
                headers=ctx.headers,
                params={"expand": ",".join(EXPAND_PARTS)},
            )
            newest = None
            if response.status_code == 200:
                newest = await session.scalar(
                    select(AuditEvent)
                    .where(AuditEvent.actor_user_id == world.users.get(principal))
                    .order_by(AuditEvent.occurred_at.desc())
                    .limit(1)
                    .execution_options(populate_existing=True)
                )
        finally:
            await savepoint.rollback()
        embedded = response.json().get("embedded", {}) if response.status_code == 200 else {}
        served = []
        for part in EXPAND_PARTS:
            expected = _expand_cells(part)[principal]
            if expected in (EMBEDDED, LEFT_OUT):
                if response.status_code != 200:
                    problems.append(f"{principal}: status {response.status_code}")
                    break
                if (part in embedded) != (expected == EMBEDDED):
                    problems.append(f"{principal}: {part} expected {expected!r}")
                if part in embedded:
                    served.append(part)
            elif response.status_code != int(expected):
                problems.append(f"{principal}: {response.status_code} instead of {expected}")
                break
        named = ["child", *(AUDIT_PART_NAMES.get(p, p) for p in served)]
        if newest is not None and newest.parts != named:
            problems.append(f"{principal}: access log names {newest.parts}")
    assert not problems, "\n".join(problems)


async def test_sub_resources_of_another_child_are_404(
    client: httpx.AsyncClient, session: AsyncSession
) -> None:
    """A managed child's path with the sub-id of another (or a foreign) child never reaches it."""
    world = await build_matrix_world(session, secret=TEST_SECRET)
    a = world.children["A"]
    failures = []
    for other in ("B", "C"):
        rows = world.children[other]
        calls = [
            ("centre_admin", "PATCH", f"guardians/{rows.guardian}", {"relation": "other"}),
            ("centre_admin", "DELETE", f"guardians/{rows.guardian}", None),
            ("centre_admin", "PATCH", f"care-team/{rows.team_member}", {"role": "x"}),
            ("centre_admin", "DELETE", f"care-team/{rows.team_member}", None),
            ("contact_person", "PATCH", f"care-team/{rows.team_member}", {"role": "x"}),
            ("guardian_with_authority", "POST", f"consents/{rows.consent}/withdrawal", None),
        ]
        for principal, method, tail, body in calls:
            response = await client.request(
                method, f"/children/{a.id}/{tail}", json=body, headers=world.headers(principal)
            )
            if response.status_code != 404:
                failures.append((principal, method, tail, other, response.status_code))
    assert not failures
    # The refused requests changed nothing: B's rows are still there and untouched.
    b = world.children["B"]
    guardians = await client.get(
        f"/children/{b.id}/guardians", headers=world.headers("centre_admin")
    )
    assert [g["relation"] for g in guardians.json()] == ["parent"]
    team = await client.get(f"/children/{b.id}/care-team", headers=world.headers("centre_admin"))
    assert [m["role"] for m in team.json()] == ["begeleider"]
    consents = await client.get(f"/children/{b.id}/consents", headers=world.headers("centre_admin"))
    assert [c["withdrawnAt"] for c in consents.json() if c["purpose"] == "care_team"] == [None]


async def test_foreign_or_out_of_scope_ids_in_bodies_are_400_with_a_field_error(
    client: httpx.AsyncClient, session: AsyncSession, connection: AsyncConnection
) -> None:
    """An authorized caller referencing another tenant's (or another centre's) row in a body
    gets 400 pointing at the field, never a 2xx and never a 5xx."""
    world = await build_matrix_world(session, secret=TEST_SECRET)
    ids, users, a, b = world.ids, world.users, world.children["A"], world.children["B"]
    child_body = {"givenName": "Nieuw", "familyName": "Kind", "dateOfBirth": years_ago(4)}
    cases: list[tuple[str, str, str, dict[str, Any], str]] = [
        (
            "centre_admin",
            "POST",
            "/children",
            {**child_body, "centreId": str(ids["centre_x"]), "groupId": str(ids["group_t2"])},
            "#/groupId",
        ),
        (
            "centre_admin",
            "POST",
            "/children",
            {**child_body, "centreId": str(ids["centre_x"]), "groupId": str(ids["group_y"])},
            "#/groupId",
        ),
        ("org_admin", "PATCH", f"/children/{a.id}", {"groupId": str(ids["group_t2"])}, "#/groupId"),
        (
            "centre_admin",
            "POST",
            f"/children/{a.id}/guardians",
            {"userId": str(users["staff_t2"]), "relation": "parent", "hasParentalAuthority": True},
            "#/userId",
        ),
        (
            "org_admin",
            "PUT",
            f"/children/{a.id}/contact-person",
            {"userId": str(users["staff_t2"])},
            "#/userId",
        ),
        (
            "contact_person",
            "POST",
            f"/children/{a.id}/care-team",
            {
                "userId": str(users["therapist"]),
                "organisationId": str(ids["care_t2"]),
                "role": "logopedist",
            },
            "#/userId",
        ),
        (
            "childcare_admin",
            "POST",
            f"/children/{b.id}/care-team",
            {"userId": str(users["helper"]), "organisationId": str(ids["care2"]), "role": "x"},
            "#/userId",
        ),
        (
            "guardian_with_authority",
            "POST",
            f"/children/{a.id}/consents",
            {"organisationId": str(ids["school_t2"]), "purpose": "care_team"},
            "#/organisationId",
        ),
        (
            "centre_admin",
            "POST",
            "/memberships",
            {
                "userId": str(users["staff_t2"]),
                "organisationId": str(ids["board"]),
                "role": "staff",
            },
            "#/userId",
        ),
        (
            "school_staff",
            "POST",
            "/placements",
            {
                "childId": str(a.id),
                "organisationId": str(ids["school_t2"]),
                "kind": "school",
                "startDate": today(),
            },
            "#/organisationId",
        ),
        (
            "centre_admin",
            "POST",
            "/groups",
            {
                "centreId": str(ids["centre_x"]),
                "organisationId": str(ids["school_t2"]),
                "name": "Groep T2",
                "kind": "school_class",
                "grade": 1,
            },
            "#/organisationId",
        ),
        (
            "centre_admin",
            "PATCH",
            f"/organisations/{ids['school']}",
            {"centreIds": [str(ids["centre_x"]), str(ids["centre_t2"])]},
            "#/centreIds/1",
        ),
    ]
    failures = []
    for principal, method, url, body, location in cases:
        savepoint = await connection.begin_nested()
        try:
            response = await client.request(
                method, url, json=body, headers=world.headers(principal)
            )
        finally:
            await savepoint.rollback()
        errors = response.json().get("errors") if response.content else None
        got = errors[0]["location"] if errors else None
        if response.status_code != 400 or got != location:
            failures.append((principal, method, url, response.status_code, got, location))
    assert not failures, "\n".join(map(str, failures))


MATRIX_DOC = ROOT / "docs" / "authorization-matrix.md"


def render_matrix_doc() -> str:
    """docs/authorization-matrix.md: the expected status of every cell, from TABLE."""
    lines = [
        "# Authorization matrix (expected HTTP status per operation, principal and object)",
        "",
        "Generated from the table in `tests/backend/test_authorization_matrix.py`, which runs",
        "every cell against the API on SQLite and PostgreSQL; a test fails when this file",
        "differs (`python -m tests.backend.test_authorization_matrix` rewrites it).",
        "Objects: **own** = the object the principal relates to; **other** = same municipality,",
        "no relation; **foreign** = another municipality; **self** = the caller's own session.",
        "",
        "Principals: " + ", ".join(f"`{p}`" for p in PRINCIPALS),
        "",
        "| operation | object | " + " | ".join(PRINCIPALS) + " |",
        "|---|---|" + "---|" * len(PRINCIPALS),
    ]
    for key in sorted(TABLE):
        row = TABLE[key]
        for obj in row.objects:
            codes = row.expect[obj]
            lines.append(
                f"| `{key}` | {obj} | " + " | ".join(str(codes[p]) for p in PRINCIPALS) + " |"
            )
    lines += [
        "",
        "## Parts of `GET /children/{childId}?expand=` (own child)",
        "",
        "Each part passes its own policy: **e** = embedded, **-** = left out while the child",
        "itself is served (200); a status code applies to the whole request. One access-log",
        "event names the parts served.",
        "",
        "| part | " + " | ".join(PRINCIPALS) + " |",
        "|---|" + "---|" * len(PRINCIPALS),
    ]
    for part in EXPAND_PARTS:
        cells = _expand_cells(part)
        lines.append(f"| `{part}` | " + " | ".join(cells[p] for p in PRINCIPALS) + " |")
    return "\n".join(lines) + "\n"


def test_matrix_doc_matches_the_table() -> None:
    assert MATRIX_DOC.read_text() == render_matrix_doc(), (
        "run `python -m tests.backend.test_authorization_matrix` to regenerate"
    )


if __name__ == "__main__":
    MATRIX_DOC.write_text(render_matrix_doc())
