import uuid
from datetime import date
from typing import Literal

from pydantic import AwareDatetime, Field

from kindcentraal.attendance.schemas import ChildDay
from kindcentraal.common.schemas import ReadModel

ActionKind = Literal["care_team_consent", "trajectory_consent", "place_offered"]


class HomeContactPerson(ReadModel):
    user_id: uuid.UUID
    display_name: str
    email: str
    phone: str | None


class ParentAction(ReadModel):
    """Something that waits for the guardian: a consent to give, a place to take up."""

    kind: ActionKind = Field(
        description="care_team_consent: an organisation on the care team has no consent; "
        "trajectory_consent: support waits for consent; place_offered: a place came free "
        "in an activity."
    )
    organisation_name: str | None
    trajectory_id: uuid.UUID | None = None
    trajectory_type: str | None = None
    activity_id: uuid.UUID | None = None
    activity_name: str | None = None
    notification_id: uuid.UUID | None = None


class HomeChild(ReadModel):
    id: uuid.UUID
    given_name: str
    family_name: str
    date_of_birth: date
    has_parental_authority: bool = Field(
        description="Whether the caller holds parental authority (gezag) over this child."
    )
    contact_person: HomeContactPerson | None
    day: ChildDay
    actions: list[ParentAction] = Field(
        description="Only for a guardian with parental authority: only they can consent."
    )


class ParentHome(ReadModel):
    """The parent app's home in one request: each of the caller's children, oldest first."""

    children: list[HomeChild]
    unread_notifications: int
    unread_messages: int = Field(
        description="Unread messages in the caller's threads, as `GET /threads/unread-count`."
    )


ExportStatus = Literal["queued", "running", "ready", "failed", "expired"]
ExportFormat = Literal["json", "html"]


class DataExportRead(ReadModel):
    """An export of everything stored about a child and about the guardian who asked."""

    id: uuid.UUID
    child_id: uuid.UUID
    status: ExportStatus
    progress: int = Field(ge=0, le=100, description="Percent done.")
    care_data_included: bool = Field(
        description="False for a guardian without parental authority: the care data "
        "(care team, consents, support, access log) is left out."
    )
    created_at: AwareDatetime
    ready_at: AwareDatetime | None
    expires_at: AwareDatetime = Field(description="After this the file is erased.")
