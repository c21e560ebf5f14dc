"""A recurring booking's occurrences, from its RFC 5545 rule, in the centre's own time.

The rule runs in Europe/Amsterdam wall-clock time: "every Wednesday 15:30-17:00" stays 15:30
on both sides of a daylight-saving change, so its UTC times move by an hour there.
"""

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.rrule import rrule, rrulestr

from kindcentraal.errors import InvalidInput

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
MAX_OCCURRENCES = 500
MAX_SPAN = timedelta(days=731)  # two years, a leap day included

Occurrence = tuple[datetime, datetime]  # start and end, UTC


def local_today() -> date:
    """Today in the centre's time zone (not the server's)."""
    return datetime.now(AMSTERDAM).date()


def local_days(first: date, last: date) -> tuple[datetime, datetime]:
    """The moments a run of local days (Europe/Amsterdam, `last` inclusive) begins and ends:
    local midnights, so a day across a daylight-saving change has its 23 or 25 hours."""
    return (
        datetime.combine(first, time(0), tzinfo=AMSTERDAM),
        datetime.combine(last + timedelta(days=1), time(0), tzinfo=AMSTERDAM),
    )


def local(moment: datetime) -> datetime:
    return moment.astimezone(AMSTERDAM)


def _refuse(code: str, detail: str) -> InvalidInput:
    return InvalidInput.field("recurrence", code, detail)


_DATE_UNTIL = re.compile(r"(UNTIL=\d{8})(?=;|$)", re.IGNORECASE)


def _rule(recurrence: str, local_start: datetime) -> rrule:
    text = recurrence.strip()
    # UNTIL as a date means "up to and including that day" to the people who write it;
    # dateutil reads it as that day's midnight, which would drop an afternoon occurrence on it.
    text = _DATE_UNTIL.sub(r"\1T235959", text)
    if text.upper().startswith("RRULE:"):
        text = text[len("RRULE:") :]
    if not text or any(part in text.upper() for part in ("DTSTART", "\n", "RDATE", "EXDATE")):
        raise _refuse("invalidRecurrence", "Give one RRULE, e.g. FREQ=WEEKLY;BYDAY=WE.")
    try:
        try:
            parsed = rrulestr(text, dtstart=local_start.replace(tzinfo=None))
        except ValueError as exc:
            if "UTC" not in str(exc):  # an UNTIL in UTC needs an aware start
                raise
            parsed = rrulestr(text, dtstart=local_start)
    except (ValueError, TypeError, KeyError, IndexError):
        raise _refuse("invalidRecurrence", "This is not a valid RRULE.") from None
    if not isinstance(parsed, rrule):
        raise _refuse("invalidRecurrence", "Give one RRULE, e.g. FREQ=WEEKLY;BYDAY=WE.")
    return parsed


def occurrences(starts_at: datetime, ends_at: datetime, recurrence: str | None) -> list[Occurrence]:
    """Every occurrence, in order; the first is the one asked for. Refuses a rule with more
    than 500 occurrences or one that runs past two years (400, naming `recurrence`)."""
    start, end = local(starts_at), local(ends_at)
    if recurrence is None:
        return [(starts_at.astimezone(UTC), ends_at.astimezone(UTC))]
    wall_duration = end.replace(tzinfo=None) - start.replace(tzinfo=None)
    rule = _rule(recurrence, start)
    horizon = start.replace(tzinfo=None) + MAX_SPAN
    found: list[datetime] = []
    for moment in rule:
        naive = moment.replace(tzinfo=None)
        if naive > horizon:
            raise _refuse("recurrenceTooLong", "A recurring booking runs for two years at most.")
        found.append(naive)
        if len(found) > MAX_OCCURRENCES:
            raise _refuse(
                "tooManyOccurrences",
                f"A recurring booking has {MAX_OCCURRENCES} occurrences at most.",
            )
    return [_utc(naive, wall_duration) for naive in found]


def _utc(naive_start: datetime, wall_duration: timedelta) -> Occurrence:
    begin = naive_start.replace(tzinfo=AMSTERDAM)
    finish = (naive_start + wall_duration).replace(tzinfo=AMSTERDAM)
    return begin.astimezone(UTC), finish.astimezone(UTC)


def local_dates(occurrence: Occurrence) -> Iterable[date]:
    start, end = local(occurrence[0]), local(occurrence[1])
    day = start.date()
    while day <= end.date():
        yield day
        day += timedelta(days=1)
