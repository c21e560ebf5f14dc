from pydantic import Field

from kindcentraal.common.schemas import ApiModel


class NotificationSettings(ApiModel):
    """Which notifications the person also gets by e-mail. A mail says only what happened
    and for which child (first name), with a link to the app."""

    messages: bool = Field(description="A new message in one of your threads.")
    announcements: bool = Field(description="A new announcement for your child's group.")
    consents: bool = Field(description="A request for your consent.")
    talks: bool = Field(description="Talk slots to book, a talk booked or cancelled.")
    activities: bool = Field(description="A place came free in an activity.")
    contact_person: bool = Field(description="A new contact person, or a child handed to you.")
    weekly_digest: bool = Field(description="Once a week, on Monday: what happened, counted.")
