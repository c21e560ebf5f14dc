"""The scopes a machine client (a childcare provider's system) may hold; shared by auth, the
policies that name them, and the integration domain that grants them."""

import enum


class ApiScope(enum.StrEnum):
    CHILDREN_READ = "children:read"
    PLACEMENTS_READ = "placements:read"
    PLACEMENTS_WRITE = "placements:write"
    ATTENDANCE_WRITE = "attendance:write"
    BOOKINGS_READ = "bookings:read"
    BOOKINGS_WRITE = "bookings:write"
    ACTIVITIES_READ = "activities:read"
    WEBHOOKS_MANAGE = "webhooks:manage"


SCOPE_DESCRIPTIONS: dict[ApiScope, str] = {
    ApiScope.CHILDREN_READ: "Read the children placed with the organisation (no BSN, no care).",
    ApiScope.PLACEMENTS_READ: "Read the organisation's placements.",
    ApiScope.PLACEMENTS_WRITE: "Create, change and end the organisation's placements.",
    ApiScope.ATTENDANCE_WRITE: "Check children in and out at the organisation.",
    ApiScope.BOOKINGS_READ: "Read rooms and the organisation's room bookings.",
    ApiScope.BOOKINGS_WRITE: "Book rooms for the organisation, change and cancel its bookings.",
    ApiScope.ACTIVITIES_READ: "Read activities and the enrolments of the organisation's children.",
    ApiScope.WEBHOOKS_MANAGE: "Manage the client's webhook subscriptions and see deliveries.",
}
