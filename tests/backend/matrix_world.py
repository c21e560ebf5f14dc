"""The world of the authorization matrix: every relation to one child exists exactly once.

Tenant 1, centre X:
- child A: placed at the school (group "school"), guardians with and without parental
  authority, a contact person who works for a welfare organisation (not placed at A's
  organisations), a care team of two care professionals: one of `care` with a guardian's
  `care_team` consent in force, one of `care2` whose consent was withdrawn (while a
  `care_team` consent for `care2` is in force for child D: it must not count for A).
- child B: placed at the childcare organisation; only the centre admin and the childcare
  organisation relate to it (its contact person and care-team member are not principals).
Tenant 1, centre Y: child D at school Y; none of the principals relates to it.
Centre Z: empty, administered by the centre admin (a centre that can be deleted).
Tenant 2: the same kinds of rows once more (child C); every id there is "foreign".

The builder answers plain ids and tokens (no ORM objects), so a test may roll back savepoints
freely without touching expired instances.
"""

import hashlib
import secrets
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from kindcentraal.activities.models import (
    Activity,
    ActivityCategory,
    ActivitySession,
    Enrolment,
    EnrolmentStatus,
    SessionAttendance,
    SessionAttendanceStatus,
)
from kindcentraal.announcements.models import (
    Announcement,
    AnnouncementRecipient,
    AnnouncementRecipientChild,
)
from kindcentraal.attachments.models import Attachment
from kindcentraal.attendance.models import Absence, AbsenceReason
from kindcentraal.auth.models import AuthSession, RefreshToken
from kindcentraal.auth.tokens import issue_access_token
from kindcentraal.careteam.models import CareTeamMember
from kindcentraal.child.models import Child
from kindcentraal.common.scopes import ApiScope
from kindcentraal.consent.models import Consent, ConsentPurpose, TrajectoryType
from kindcentraal.family.models import DataExport, ExportStatus
from kindcentraal.messages.models import Message, MessageThread, ThreadParticipant
from kindcentraal.notification.models import Notification, NotificationKind
from kindcentraal.organisation.models import Membership, Organisation, OrganisationType, Role
from kindcentraal.placement.models import PlacementKind
from kindcentraal.rooms.feeds import token_hash
from kindcentraal.rooms.models import (
    Booking,
    BookingStatus,
    Building,
    CalendarFeed,
    Holiday,
    HolidayKind,
    Room,
    RoomType,
)
from kindcentraal.support.models import (
    Attendance,
    CareCoordinator,
    GoalStatus,
    NoteKind,
    NoteVisibility,
    SessionLocation,
    Signal,
    SignalCategory,
    SupportTrajectory,
    TrajectoryGoal,
    TrajectoryLocation,
    TrajectoryNote,
    TrajectorySession,
    TrajectoryStatus,
)
from kindcentraal.talks.models import TalkBooking, TalkRound, TalkRoundChild, TalkSlot
from kindcentraal.tenant.models import Tenant
from kindcentraal.user.models import User
from kindcentraal.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.backend.factories import (
    make_api_client,
    make_centre,
    make_child,
    make_group,
    make_guardian,
    make_organisation,
    make_placement,
    make_tenant,
    make_user,
)

# The 13 principals, in the column order of the matrix table.
PRINCIPALS = (
    "anonymous",
    "centre_admin",  # centre_admin of the IKC board organisation (centres X and Z)
    "org_admin",  # org_admin of the school
    "school_staff",  # teacher
    "childcare_staff",  # pedagogisch medewerker; own child is B
    "childcare_admin",  # org_admin of the childcare organisation; own child is B
    "care_with_consent",  # on A's care team for `care`, consent in force
    "care_without_consent",  # on A's care team for `care2`, consent withdrawn
    "contact_person",  # A's contact person, staff of a welfare organisation
    "guardian_with_authority",
    "guardian_without_authority",
    "municipality_analyst",
    "outsider",  # an account without any membership or child
)


# API clients of the childcare organisation, by their scopes: every scope, and one scope.
CLIENT_PRINCIPALS: dict[str, tuple[str, ...]] = {
    "client_full": tuple(scope.value for scope in ApiScope),
    "client_activities": ("activities:read",),
}


@dataclass
class ChildRows:
    """A child and one row of every kind that hangs on it."""

    id: uuid.UUID
    placement: uuid.UUID
    guardian: uuid.UUID
    team_member: uuid.UUID
    consent: uuid.UUID
    support: "SupportRows"


@dataclass
class SupportRows:
    """An active logopedie trajectory of the child and one row of each kind on it."""

    trajectory: uuid.UUID
    goal: uuid.UUID
    session: uuid.UUID
    note: uuid.UUID
    signal: uuid.UUID


@dataclass
class MatrixWorld:
    ids: dict[str, uuid.UUID]  # centres, organisations, groups, tenants by name
    users: dict[str, uuid.UUID]  # principals and helper accounts by name
    emails: dict[str, str]
    memberships: dict[str, uuid.UUID]  # own membership of each principal (and helpers)
    children: dict[str, ChildRows]  # "A", "B", "D" (tenant 1) and "C" (tenant 2)
    tokens: dict[str, str]
    refresh_tokens: dict[str, str]
    notifications: dict[str, uuid.UUID]  # one per principal, and "other" (a helper's)
    foreign_ids: set[uuid.UUID] = field(default_factory=set)  # every row of tenant 2

    def headers(self, principal: str) -> dict[str, str]:
        if principal == "anonymous":
            return {}
        return {"Authorization": f"Bearer {self.tokens[principal]}"}


async def _member(
    session: AsyncSession, tenant: Tenant, user: User, organisation: Organisation, role: Role
) -> Membership:
    membership = Membership(
        tenant_id=tenant.id, user_id=user.id, organisation_id=organisation.id, role=role
    )
    session.add(membership)
    await session.flush()
    return membership


async def _team_member(
    session: AsyncSession, child: Child, user: User, organisation: Organisation
) -> CareTeamMember:
    member = CareTeamMember(
        tenant_id=child.tenant_id,
        child_id=child.id,
        user_id=user.id,
        organisation_id=organisation.id,
        role="begeleider",
        since_date=date.today() - timedelta(days=60),
    )
    session.add(member)
    await session.flush()
    return member


async def _consent(
    session: AsyncSession,
    child: Child,
    organisation: Organisation,
    given_by: User,
    *,
    withdrawn: bool = False,
) -> Consent:
    now = datetime.now(UTC)
    consent = Consent(
        tenant_id=child.tenant_id,
        child_id=child.id,
        organisation_id=organisation.id,
        purpose=ConsentPurpose.CARE_TEAM,
        given_by_id=given_by.id,
        child_also_consented=False,
        given_at=now - timedelta(days=30),
        withdrawn_at=now - timedelta(days=1) if withdrawn else None,
        withdrawn_by_id=given_by.id if withdrawn else None,
    )
    session.add(consent)
    await session.flush()
    return consent


async def _login(session: AsyncSession, user: User, *, secret: str) -> tuple[str, str]:
    """A real login session with an access token and an unspent refresh token."""
    auth_session = AuthSession(tenant_id=user.tenant_id, user_id=user.id)
    session.add(auth_session)
    await session.flush()
    refresh = f"{user.tenant_id.hex}.{secrets.token_urlsafe(32)}"
    session.add(
        RefreshToken(
            tenant_id=user.tenant_id,
            session_id=auth_session.id,
            token_hash=hashlib.sha256(refresh.encode()).hexdigest(),
            expires_at=datetime.now(UTC) + timedelta(days=1),
        )
    )
    await session.flush()
    access = issue_access_token(
        secret=secret,
        user_id=user.id,
        tenant_id=user.tenant_id,
        session_id=auth_session.id,
        lifetime=timedelta(minutes=30),
    )
    return access, refresh


async def _support(
    session: AsyncSession,
    child: Child,
    provider: Organisation,
    *,
    coordinator: User,
    guardian: User,
    signal_author: User,
    note_author: User,
) -> SupportRows:
    """An active trajectory with its consents (trajectory, information_sharing), a goal shared
    with the daily team, a session, a note for guardians and a signal."""
    now = datetime.now(UTC)
    for purpose in (ConsentPurpose.TRAJECTORY, ConsentPurpose.INFORMATION_SHARING):
        session.add(
            Consent(
                tenant_id=child.tenant_id,
                child_id=child.id,
                organisation_id=provider.id,
                purpose=purpose,
                trajectory_type=TrajectoryType.LOGOPEDIE
                if purpose == ConsentPurpose.TRAJECTORY
                else None,
                given_by_id=guardian.id,
                given_at=now - timedelta(days=40),
            )
        )
    trajectory = SupportTrajectory(
        tenant_id=child.tenant_id,
        child_id=child.id,
        type=TrajectoryType.LOGOPEDIE,
        organisation_id=provider.id,
        coordinator_id=coordinator.id,
        requested_by_id=coordinator.id,
        reason="Spraak",
        location=TrajectoryLocation.IN_CENTRE,
        status=TrajectoryStatus.ACTIVE,
        requested_at=now - timedelta(days=30),
        intake_at=now - timedelta(days=25),
        started_at=now - timedelta(days=20),
    )
    session.add(trajectory)
    await session.flush()
    goal = TrajectoryGoal(
        tenant_id=child.tenant_id,
        trajectory_id=trajectory.id,
        text="Doel",
        status=GoalStatus.OPEN,
        shared_with_daily_team=True,
        created_by_id=coordinator.id,
    )
    visit = TrajectorySession(
        tenant_id=child.tenant_id,
        trajectory_id=trajectory.id,
        professional_id=coordinator.id,
        starts_at=now - timedelta(days=10),
        ends_at=now - timedelta(days=10, minutes=-45),
        location=SessionLocation.CENTRE_ROOM,
        attendance=Attendance.PLANNED,
    )
    note = TrajectoryNote(
        tenant_id=child.tenant_id,
        trajectory_id=trajectory.id,
        author_id=note_author.id,
        kind=NoteKind.NOTE,
        visibility=NoteVisibility.TEAM_AND_GUARDIANS,
        text="Notitie",
    )
    signal = Signal(
        tenant_id=child.tenant_id,
        child_id=child.id,
        author_id=signal_author.id,
        category=SignalCategory.LANGUAGE_SPEECH,
        description="Signaal",
        from_guardians=False,
    )
    session.add_all([goal, visit, note, signal])
    await session.flush()
    return SupportRows(trajectory.id, goal.id, visit.id, note.id, signal.id)


async def _notification(session: AsyncSession, user: User, child: Child) -> uuid.UUID:
    notification = Notification(
        tenant_id=user.tenant_id,
        user_id=user.id,
        kind=NotificationKind.STATUS_CHANGED,
        child_id=child.id,
    )
    session.add(notification)
    await session.flush()
    return notification.id


def _years_ago(years: int) -> date:
    today = date.today()
    return date(today.year - years, today.month, 1)


async def _rooms(
    session: AsyncSession,
    centre_id: uuid.UUID,
    owner: Organisation,
    booker: User,
    *,
    feed_revoked: bool = False,
) -> dict[str, uuid.UUID]:
    """A building of the centre with one room, owned by `owner` and bookable by every kind of
    organisation, one holiday, a booking of tomorrow morning by `booker` for `owner`, and the
    booker's calendar feed of the room (its token, a uuid, under "feed_token")."""
    tenant_id = owner.tenant_id
    building = Building(tenant_id=tenant_id, centre_id=centre_id, name="Hoofdgebouw")
    session.add(building)
    await session.flush()
    room = Room(
        tenant_id=tenant_id,
        building_id=building.id,
        name="Speelzaal",
        type=RoomType.GYM,
        owner_organisation_id=owner.id,
        capacity=30,
        features=[],
        opening_hours={},
        bookable_by=[t.value for t in OrganisationType],
        needs_approval=False,
    )
    holiday = Holiday(
        tenant_id=tenant_id,
        centre_id=centre_id,
        name="Kerstvakantie",
        kind=HolidayKind.SCHOOL_HOLIDAY,
        start_date=date(2026, 12, 21),
        end_date=date(2027, 1, 1),
    )
    session.add_all([room, holiday])
    await session.flush()
    tomorrow = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(
        days=1
    )
    booking = Booking(
        tenant_id=tenant_id,
        room_id=room.id,
        organisation_id=owner.id,
        booked_by_id=booker.id,
        purpose="Gymles groep 5",
        starts_at=tomorrow,
        ends_at=tomorrow + timedelta(hours=1),
        status=BookingStatus.CONFIRMED,
    )
    token = uuid.uuid4()
    feed = CalendarFeed(
        tenant_id=tenant_id,
        token_hash=token_hash(str(token)),
        organisation_id=owner.id,
        room_id=room.id,
        created_by_id=booker.id,
        name="Speelzaal",
        revoked_at=datetime.now(UTC) if feed_revoked else None,
    )
    session.add_all([booking, feed])
    await session.flush()
    return {
        "building": building.id,
        "room": room.id,
        "holiday": holiday.id,
        "booking": booking.id,
        "feed": feed.id,
        "feed_token": token,
    }


async def _activities(
    session: AsyncSession,
    centre_id: uuid.UUID,
    provider: Organisation,
    staff: User,
    room_id: uuid.UUID,
    child: Child,
    guardian: User,
) -> dict[str, uuid.UUID]:
    """An activity of `provider` in the centre with a session tomorrow afternoon (a booking of
    the room), `child` enrolled and marked present; a second activity without enrolments
    ("activity_open"); and the child's absence report for the day after tomorrow."""
    tenant_id = provider.tenant_id

    def offer(title: str) -> Activity:
        return Activity(
            tenant_id=tenant_id,
            centre_id=centre_id,
            organisation_id=provider.id,
            title=title,
            description="",
            category=ActivityCategory.SPORT,
            group_ids=[],
            capacity=5,
            created_by_id=staff.id,
        )

    activity, open_activity = offer("Judo"), offer("Toneel")
    session.add_all([activity, open_activity])
    await session.flush()
    starts = datetime.now(UTC).replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(
        days=1
    )
    booking = Booking(
        tenant_id=tenant_id,
        room_id=room_id,
        organisation_id=provider.id,
        booked_by_id=staff.id,
        purpose="Judo",
        starts_at=starts,
        ends_at=starts + timedelta(hours=1),
        status=BookingStatus.CONFIRMED,
        activity_id=activity.id,
    )
    session.add(booking)
    await session.flush()
    meeting = ActivitySession(
        tenant_id=tenant_id,
        activity_id=activity.id,
        booking_id=booking.id,
        room_id=room_id,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
    )
    enrolment = Enrolment(
        tenant_id=tenant_id,
        activity_id=activity.id,
        child_id=child.id,
        status=EnrolmentStatus.ENROLLED,
        requested_at=datetime.now(UTC),
        enrolled_at=datetime.now(UTC),
        enrolled_by_id=guardian.id,
    )
    absence = Absence(
        tenant_id=tenant_id,
        child_id=child.id,
        from_date=date.today() + timedelta(days=2),
        to_date=date.today() + timedelta(days=2),
        reason=AbsenceReason.APPOINTMENT,
        reported_by_id=guardian.id,
    )
    session.add_all([meeting, enrolment, absence])
    await session.flush()
    session.add(
        SessionAttendance(
            tenant_id=tenant_id,
            session_id=meeting.id,
            child_id=child.id,
            status=SessionAttendanceStatus.PRESENT,
            recorded_by_id=staff.id,
        )
    )
    await session.flush()
    return {
        "activity": activity.id,
        "activity_open": open_activity.id,
        "session": meeting.id,
        "session_booking": booking.id,
        "enrolment": enrolment.id,
        "absence": absence.id,
    }


async def _communication(
    session: AsyncSession, group_id: uuid.UUID, sender: User, child: Child, guardians: list[User]
) -> dict[str, uuid.UUID]:
    """An announcement of `sender` to the group (asking to confirm), received by the child's
    guardians; two talk plannings of `sender` for the group offering the child: one with an
    open slot ("talk_open"), one with a slot booked for the child ("talk_booked")."""
    tenant_id = child.tenant_id
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    announcement = Announcement(
        tenant_id=tenant_id,
        sender_id=sender.id,
        centre_id=child.centre_id,
        group_id=group_id,
        title="Schoolreisje",
        text="Vrijdag naar het bos.",
        requires_confirmation=True,
        published_at=now,
    )
    session.add(announcement)
    await session.flush()
    for guardian in guardians:
        recipient = AnnouncementRecipient(
            tenant_id=tenant_id, announcement_id=announcement.id, user_id=guardian.id
        )
        session.add(recipient)
        await session.flush()
        session.add(
            AnnouncementRecipientChild(
                tenant_id=tenant_id, recipient_id=recipient.id, child_id=child.id
            )
        )
    slots = {}
    for key, days in (("talk_open", 5), ("talk_booked", 6)):
        talk_round = TalkRound(
            tenant_id=tenant_id,
            publisher_id=sender.id,
            centre_id=child.centre_id,
            group_id=group_id,
            cancel_before_hours=24,
        )
        session.add(talk_round)
        await session.flush()
        slot = TalkSlot(
            tenant_id=tenant_id,
            round_id=talk_round.id,
            starts_at=now + timedelta(days=days),
            ends_at=now + timedelta(days=days, minutes=15),
        )
        session.add_all(
            [slot, TalkRoundChild(tenant_id=tenant_id, round_id=talk_round.id, child_id=child.id)]
        )
        await session.flush()
        slots[key] = slot.id
        if key == "talk_booked":
            session.add(
                TalkBooking(
                    tenant_id=tenant_id,
                    slot_id=slot.id,
                    round_id=talk_round.id,
                    child_id=child.id,
                    booked_by_id=guardians[0].id,
                )
            )
    await session.flush()
    return {"announcement": announcement.id, **slots}


async def _export(session: AsyncSession, child: Child, guardian: User) -> uuid.UUID:
    export = DataExport(
        tenant_id=child.tenant_id,
        child_id=child.id,
        requested_by_id=guardian.id,
        status=ExportStatus.READY,
        progress=100,
        care_data_included=True,
        content='{"kind": "kindcentraal-export", "child": {}}',
        ready_at=datetime.now(UTC),
        expires_at=datetime.now(UTC) + timedelta(hours=24),
    )
    session.add(export)
    await session.flush()
    return export.id


async def _thread(
    session: AsyncSession, child: Child, guardian: User, contact_person: User
) -> dict[str, uuid.UUID]:
    """A thread about the child between a guardian and the contact person, with the guardian's
    message carrying a PDF (its storage key: the attachment id's hex)."""
    now = datetime.now(UTC)
    thread = MessageThread(
        tenant_id=child.tenant_id,
        child_id=child.id,
        subject="Gymles",
        created_by_id=guardian.id,
        last_message_at=now,
    )
    session.add(thread)
    await session.flush()
    for user in (guardian, contact_person):
        session.add(
            ThreadParticipant(
                tenant_id=child.tenant_id, thread_id=thread.id, user_id=user.id, joined_at=now
            )
        )
    message = Message(
        tenant_id=child.tenant_id, thread_id=thread.id, author_id=guardian.id, text="Hallo"
    )
    session.add(message)
    await session.flush()
    attachment_id = uuid.uuid4()
    session.add(
        Attachment(
            id=attachment_id,
            tenant_id=child.tenant_id,
            owner_id=guardian.id,
            message_id=message.id,
            storage_key=attachment_id.hex,
            file_name="brief.pdf",
            content_type="application/pdf",
            size=9,
        )
    )
    await session.flush()
    return {"thread": thread.id, "message": message.id, "attachment": attachment_id}


async def _webhooks(
    session: AsyncSession,
    childcare_client: uuid.UUID,
    school_y: Organisation,
    school_t2: Organisation,
    *,
    secret: str,
) -> dict[str, uuid.UUID]:
    """A webhook subscription with one delivery each: of the childcare organisation's full
    client (x), of a client of school Y (y) and of one in the other municipality (t2)."""
    client_y, _token = await make_api_client(
        session, school_y, scopes=["webhooks:manage"], secret=secret, name="Planning Y"
    )
    client_t2, _token = await make_api_client(
        session, school_t2, scopes=["webhooks:manage"], secret=secret, name="Planning T2"
    )
    ids: dict[str, uuid.UUID] = {"webhook_client_y": client_y, "webhook_client_t2": client_t2}
    now = datetime.now(UTC)
    for seq, (where, client_id, organisation) in enumerate(
        (
            ("x", childcare_client, None),
            ("y", client_y, school_y),
            ("t2", client_t2, school_t2),
        ),
        start=1,
    ):
        tenant_id = (organisation or school_y).tenant_id
        subscription = WebhookSubscription(
            tenant_id=tenant_id,
            client_id=client_id,
            url=f"https://93.184.216.34/hooks/{where}",
            event_types=["placement.changed"],
            secret_encrypted="not-a-real-secret",
        )
        session.add(subscription)
        await session.flush()
        delivery = WebhookDelivery(
            tenant_id=tenant_id,
            subscription_id=subscription.id,
            change_seq=seq,
            event_type="placement.changed",
            resource_id=uuid.uuid4(),
            change="updated",
            occurred_at=now,
            status="failed",
            attempts=3,
            next_attempt_at=now,
            give_up_at=now,
            last_status_code=503,
            last_error="status 503",
        )
        session.add(delivery)
        await session.flush()
        ids[f"webhook_subscription_{where}"] = subscription.id
        ids[f"webhook_delivery_{where}"] = delivery.id
    return ids


async def build_matrix_world(session: AsyncSession, *, secret: str) -> MatrixWorld:
    tenant = await make_tenant(session)
    centre_x = await make_centre(session, tenant, name="IKC X")
    centre_y = await make_centre(session, tenant, name="IKC Y")
    centre_z = await make_centre(session, tenant, name="IKC Z (leeg)")

    async def org(type: OrganisationType, name: str, centres: list) -> Organisation:
        return await make_organisation(session, tenant, type=type, centres=centres, name=name)

    board = await org(OrganisationType.SCHOOL, "IKC-bestuur", [centre_x, centre_z])
    school = await org(OrganisationType.SCHOOL, "School X", [centre_x])
    childcare = await org(OrganisationType.CHILDCARE, "Kinderopvang X", [centre_x])
    care = await org(OrganisationType.CARE_PROVIDER, "Logopedie", [centre_x])
    care2 = await org(OrganisationType.CARE_PROVIDER, "Fysiotherapie", [centre_x])
    welfare = await org(OrganisationType.WELFARE, "Welzijn", [])
    municipality = await org(OrganisationType.MUNICIPALITY, "Gemeente", [])
    school_y = await org(OrganisationType.SCHOOL, "School Y", [centre_y])

    group_school = await make_group(session, centre_x, school, grade=5, name="Groep 5")
    group_childcare = await make_group(session, centre_x, childcare, grade=None, name="Peuters")
    group_y = await make_group(session, centre_y, school_y, grade=3, name="Groep 3 Y")

    users: dict[str, User] = {}
    memberships: dict[str, Membership] = {}
    roles: dict[str, tuple[Organisation, Role] | None] = {
        "centre_admin": (board, Role.CENTRE_ADMIN),
        "org_admin": (school, Role.ORG_ADMIN),
        "school_staff": (school, Role.STAFF),
        "childcare_staff": (childcare, Role.STAFF),
        "childcare_admin": (childcare, Role.ORG_ADMIN),
        "care_with_consent": (care, Role.CARE_PROFESSIONAL),
        "care_without_consent": (care2, Role.CARE_PROFESSIONAL),
        "contact_person": (welfare, Role.STAFF),
        "guardian_with_authority": None,
        "guardian_without_authority": None,
        "municipality_analyst": (municipality, Role.MUNICIPALITY_ANALYST),
        "outsider": None,
        # Helper accounts, never callers:
        "recruit": None,  # target of new memberships and guardianships
        "mentor": (childcare, Role.STAFF),  # B's contact person; target of contact-person PUT
        "therapist": (care, Role.CARE_PROFESSIONAL),  # target of care-team POST
        "helper": (care, Role.CARE_PROFESSIONAL),  # on the care teams of B and D
        "y_staff": (school_y, Role.STAFF),  # D's contact person; "other" membership
        "parent_b": None,
        "parent_d": None,
    }
    for name, grant in roles.items():
        users[name] = await make_user(session, tenant, name=name.replace("_", " ").title())
        if grant is not None:
            memberships[name] = await _member(session, tenant, users[name], *grant)

    child_a = await make_child(
        session,
        centre_x,
        group=group_school,
        given_name="Anna",
        family_name="Aalders",
        bsn="111222333",
        date_of_birth=_years_ago(8),
        contact_person=users["contact_person"],
    )
    child_b = await make_child(
        session,
        centre_x,
        group=group_childcare,
        given_name="Bas",
        family_name="Bakker",
        date_of_birth=_years_ago(3),
        contact_person=users["mentor"],
    )
    child_d = await make_child(
        session,
        centre_y,
        group=group_y,
        given_name="Dirk",
        family_name="Dekker",
        date_of_birth=_years_ago(6),
        contact_person=users["y_staff"],
    )
    placement_a = await make_placement(session, child_a, school, kind=PlacementKind.SCHOOL)
    placement_b = await make_placement(session, child_b, childcare, kind=PlacementKind.DAYCARE)
    placement_d = await make_placement(session, child_d, school_y, kind=PlacementKind.SCHOOL)
    guardian_a = await make_guardian(session, child_a, users["guardian_with_authority"])
    await make_guardian(
        session, child_a, users["guardian_without_authority"], has_parental_authority=False
    )
    guardian_b = await make_guardian(session, child_b, users["parent_b"])
    guardian_d = await make_guardian(session, child_d, users["parent_d"])
    team_a = await _team_member(session, child_a, users["care_with_consent"], care)
    await _team_member(session, child_a, users["care_without_consent"], care2)
    team_b = await _team_member(session, child_b, users["helper"], care)
    team_d = await _team_member(session, child_d, users["helper"], care)
    consent_a = await _consent(session, child_a, care, users["guardian_with_authority"])
    await _consent(session, child_a, care2, users["guardian_with_authority"], withdrawn=True)
    consent_b = await _consent(session, child_b, care, users["parent_b"])
    consent_d = await _consent(session, child_d, care, users["parent_d"])
    # care2's consent for ANOTHER child is in force: it must not open A to care2's member.
    await _consent(session, child_d, care2, users["parent_d"])
    support_a = await _support(
        session,
        child_a,
        care,
        coordinator=users["therapist"],
        guardian=users["guardian_with_authority"],
        signal_author=users["school_staff"],
        note_author=users["care_with_consent"],
    )
    support_b = await _support(
        session,
        child_b,
        care,
        coordinator=users["helper"],
        guardian=users["parent_b"],
        signal_author=users["mentor"],
        note_author=users["helper"],
    )
    support_d = await _support(
        session,
        child_d,
        care,
        coordinator=users["helper"],
        guardian=users["parent_d"],
        signal_author=users["y_staff"],
        note_author=users["helper"],
    )
    # A care coordinator of centre X who is no principal (the row a DELETE removes).
    session.add(
        CareCoordinator(tenant_id=tenant.id, centre_id=centre_x.id, user_id=users["helper"].id)
    )
    notifications = {
        principal: await _notification(
            session, users[principal], child_b if principal.startswith("childcare") else child_a
        )
        for principal in PRINCIPALS[1:]
    }
    notifications["other"] = await _notification(session, users["helper"], child_b)

    # Tenant 2: one row of every kind.
    other = await make_tenant(session)
    centre_t2 = await make_centre(session, other, name="IKC elders")
    school_t2 = await make_organisation(session, other, centres=[centre_t2], name="School elders")
    care_t2 = await make_organisation(
        session, other, type=OrganisationType.CARE_PROVIDER, centres=[centre_t2], name="Zorg T2"
    )
    group_t2 = await make_group(session, centre_t2, school_t2, grade=4, name="Groep 4 elders")
    admin_t2 = await make_user(session, other, name="Admin T2")
    staff_t2 = await make_user(session, other, name="Staff T2")
    pro_t2 = await make_user(session, other, name="Pro T2")
    parent_t2 = await make_user(session, other, name="Parent T2")
    admin_t2_membership = await _member(session, other, admin_t2, school_t2, Role.CENTRE_ADMIN)
    staff_t2_membership = await _member(session, other, staff_t2, school_t2, Role.STAFF)
    pro_t2_membership = await _member(session, other, pro_t2, care_t2, Role.CARE_PROFESSIONAL)
    child_c = await make_child(
        session,
        centre_t2,
        group=group_t2,
        given_name="Cor",
        family_name="Claassen",
        date_of_birth=_years_ago(7),
        contact_person=staff_t2,
    )
    placement_c = await make_placement(session, child_c, school_t2)
    guardian_c = await make_guardian(session, child_c, parent_t2)
    team_c = await _team_member(session, child_c, pro_t2, care_t2)
    consent_c = await _consent(session, child_c, care_t2, parent_t2)
    support_c = await _support(
        session,
        child_c,
        care_t2,
        coordinator=pro_t2,
        guardian=parent_t2,
        signal_author=staff_t2,
        note_author=pro_t2,
    )
    notification_t2 = await _notification(session, staff_t2, child_c)

    rooms_x = await _rooms(session, centre_x.id, school, users["school_staff"])
    rooms_y = await _rooms(session, centre_y.id, school_y, users["y_staff"])
    rooms_t2 = await _rooms(session, centre_t2.id, school_t2, staff_t2, feed_revoked=True)
    # Activities: run by the childcare organisation in X (A enrolled), by school Y in Y (D).
    activities_x = await _activities(
        session,
        centre_x.id,
        childcare,
        users["childcare_staff"],
        rooms_x["room"],
        child_a,
        users["guardian_with_authority"],
    )
    activities_y = await _activities(
        session,
        centre_y.id,
        school_y,
        users["y_staff"],
        rooms_y["room"],
        child_d,
        users["parent_d"],
    )
    activities_t2 = await _activities(
        session, centre_t2.id, school_t2, staff_t2, rooms_t2["room"], child_c, parent_t2
    )

    # A finished AVG export of each centre's enrolled child, by a guardian of it.
    exports = {
        "export_x": await _export(session, child_a, users["guardian_with_authority"]),
        "export_y": await _export(session, child_d, users["parent_d"]),
        "export_t2": await _export(session, child_c, parent_t2),
    }
    # A thread of each centre's child between a guardian and its contact person.
    threads = {
        f"{kind}_{where}": row
        for where, rows in (
            (
                "x",
                await _thread(
                    session, child_a, users["guardian_with_authority"], users["contact_person"]
                ),
            ),
            ("y", await _thread(session, child_d, users["parent_d"], users["y_staff"])),
            ("t2", await _thread(session, child_c, parent_t2, staff_t2)),
        )
        for kind, row in rows.items()
    }

    # Announcements and talks of the group's teacher: school staff in X, y_staff in Y.
    communication_x = await _communication(
        session,
        group_school.id,
        users["school_staff"],
        child_a,
        [users["guardian_with_authority"], users["guardian_without_authority"]],
    )
    communication_y = await _communication(
        session, group_y.id, users["y_staff"], child_d, [users["parent_d"]]
    )
    communication_t2 = await _communication(session, group_t2.id, staff_t2, child_c, [parent_t2])

    tokens: dict[str, str] = {}
    refresh_tokens: dict[str, str] = {}
    for principal in PRINCIPALS[1:]:
        tokens[principal], refresh_tokens[principal] = await _login(
            session, users[principal], secret=secret
        )
    # A login of tenant 2: the "foreign" object of the device routes (/me/sessions/{sessionId}).
    tokens["staff_t2"], refresh_tokens["staff_t2"] = await _login(session, staff_t2, secret=secret)

    # Machine clients of the childcare organisation: principals of the client matrix
    # (tests/backend/test_client_matrix.py), not columns of the people's table.
    client_ids: dict[str, uuid.UUID] = {}
    for principal, scopes in CLIENT_PRINCIPALS.items():
        client_ids[principal], tokens[principal] = await make_api_client(
            session, childcare, scopes=list(scopes), secret=secret, name=principal
        )

    webhooks = await _webhooks(
        session, client_ids["client_full"], school_y, school_t2, secret=secret
    )

    world = MatrixWorld(
        ids={
            "tenant": tenant.id,
            "centre_x": centre_x.id,
            "centre_y": centre_y.id,
            "centre_z": centre_z.id,
            "board": board.id,
            "school": school.id,
            "childcare": childcare.id,
            "care": care.id,
            "care2": care2.id,
            "welfare": welfare.id,
            "municipality": municipality.id,
            "school_y": school_y.id,
            "group_school": group_school.id,
            "group_childcare": group_childcare.id,
            "group_y": group_y.id,
            "tenant_t2": other.id,
            "centre_t2": centre_t2.id,
            "school_t2": school_t2.id,
            "care_t2": care_t2.id,
            "group_t2": group_t2.id,
        }
        | {f"api_{name}": client_id for name, client_id in client_ids.items()}
        | webhooks
        | {f"{kind}_x": row for kind, row in rooms_x.items()}
        | {f"{kind}_y": row for kind, row in rooms_y.items()}
        | {f"{kind}_t2": row for kind, row in rooms_t2.items()}
        | exports
        | threads
        | {f"{kind}_x": row for kind, row in activities_x.items()}
        | {f"{kind}_y": row for kind, row in activities_y.items()}
        | {f"{kind}_t2": row for kind, row in activities_t2.items()}
        | {f"{kind}_x": row for kind, row in communication_x.items()}
        | {f"{kind}_y": row for kind, row in communication_y.items()}
        | {f"{kind}_t2": row for kind, row in communication_t2.items()},
        users={name: user.id for name, user in users.items()}
        | {"staff_t2": staff_t2.id, "admin_t2": admin_t2.id},
        emails={name: user.email for name, user in users.items()},
        memberships={name: m.id for name, m in memberships.items()}
        | {"staff_t2": staff_t2_membership.id},
        children={
            "A": ChildRows(
                child_a.id, placement_a.id, guardian_a.id, team_a.id, consent_a.id, support_a
            ),
            "B": ChildRows(
                child_b.id, placement_b.id, guardian_b.id, team_b.id, consent_b.id, support_b
            ),
            "D": ChildRows(
                child_d.id, placement_d.id, guardian_d.id, team_d.id, consent_d.id, support_d
            ),
            "C": ChildRows(
                child_c.id, placement_c.id, guardian_c.id, team_c.id, consent_c.id, support_c
            ),
        },
        tokens=tokens,
        refresh_tokens=refresh_tokens,
        notifications=notifications | {"foreign": notification_t2},
    )
    world.foreign_ids = {
        other.id,
        centre_t2.id,
        school_t2.id,
        care_t2.id,
        group_t2.id,
        admin_t2.id,
        staff_t2.id,
        pro_t2.id,
        parent_t2.id,
        admin_t2_membership.id,
        staff_t2_membership.id,
        pro_t2_membership.id,
        child_c.id,
        placement_c.id,
        guardian_c.id,
        team_c.id,
        consent_c.id,
        support_c.trajectory,
        support_c.goal,
        support_c.session,
        support_c.note,
        support_c.signal,
        notification_t2,
        *rooms_t2.values(),
        *activities_t2.values(),
        *communication_t2.values(),
        threads["thread_t2"],
        threads["message_t2"],
        threads["attachment_t2"],
        webhooks["webhook_client_t2"],
        webhooks["webhook_subscription_t2"],
        webhooks["webhook_delivery_t2"],
    }
    return world
