"""The retention schedule: per category its default term, the legal floor where one exists,
from when the term runs, and the legal basis. docs/retention.md explains each line; the
defaults are ours, a tenant changes them (never below the floor)."""

from dataclasses import dataclass

from kindcentraal.retention.models import RetentionCategory as C


@dataclass(frozen=True)
class Term:
    category: C
    # None: the category has no term of its own (consents follow the data they covered).
    default_months: int | None
    minimum_months: int | None
    # From when the term runs (a key the SPA translates).
    clock: str
    # The rule the default rests on: a citation, not prose.
    legal_basis: str


SCHEDULE: tuple[Term, ...] = (
    Term(
        C.PUPIL_FILE,
        24,
        None,
        "after_leaving",
        "AVG art. 5(1)(e); PO-Raad modelprivacyreglement (as the former "
        "Vrijstellingsbesluit Wbp art. 19): at most 2 years after leaving school",
    ),
    Term(
        C.PUPIL_BASIC,
        60,
        None,
        "after_leaving",
        "WPO, leerlingadministratie: enrolment and leaving data kept for the funding audit, "
        "5 years after leaving (as the former Vrijstellingsbesluit Wbp art. 19)",
    ),
    Term(
        C.CHILDCARE_RECORD,
        24,
        None,
        "after_contract",
        "AVG art. 5(1)(e); the Wet kinderopvang sets no term. Contracts and invoices (7 years, "
        "AWR art. 52) live in the provider's own administration, not here",
    ),
    Term(
        C.CARE_TRAJECTORY,
        240,
        240,
        "after_closing",
        "Jeugdwet art. 7.3.8; BW art. 7:454 lid 3 (WGBO): 20 years from the last entry",
    ),
    Term(
        C.CONSENTS,
        None,
        None,
        "with_covered_data",
        "AVG art. 7(1) and 5(2): proof of consent kept as long as the data it covered",
    ),
    Term(
        C.MESSAGES,
        24,
        None,
        "after_last_message",
        "AVG art. 5(1)(e); no statutory term",
    ),
    Term(
        C.ANNOUNCEMENTS,
        12,
        None,
        "after_publication",
        "AVG art. 5(1)(e); no statutory term",
    ),
    Term(
        C.ACTIVITY_DATA,
        24,
        None,
        "after_the_day",
        "AVG art. 5(1)(e); no statutory term",
    ),
    Term(
        C.BOOKINGS,
        24,
        None,
        "after_the_booking",
        "AVG art. 5(1)(e); room use figures keep the hours, not the purpose",
    ),
    Term(
        C.NOTIFICATIONS,
        12,
        None,
        "after_sending",
        "AVG art. 5(1)(e); no statutory term",
    ),
    Term(
        C.DELIVERY_LOGS,
        3,
        None,
        "after_sending",
        "AVG art. 5(1)(e); kept to trace a failed delivery",
    ),
    Term(
        C.SIGN_IN,
        6,
        None,
        "after_session_end",
        "AVG art. 32 (security of processing): sign-in records for incident analysis",
    ),
    Term(
        C.ACCESS_LOG,
        60,
        60,
        "after_the_event",
        "NEN 7513 (made binding for care providers by the Besluit elektronische "
        "gegevensverwerking door zorgaanbieders): 5 years",
    ),
)

BY_CATEGORY: dict[C, Term] = {term.category: term for term in SCHEDULE}
# No term is longer than this: a typo of 1,200 months would keep data a century.
MAXIMUM_MONTHS = 1200
