"""Expanding a recurrence rule in the centre's wall-clock time."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from kindcentraal.errors import InvalidInput
from kindcentraal.rooms.recurrence import occurrences

AMS = ZoneInfo("Europe/Amsterdam")
START, END = datetime(2027, 6, 30, 15, 30, tzinfo=AMS), datetime(2027, 6, 30, 17, 0, tzinfo=AMS)


def test_an_until_date_includes_that_day() -> None:
    found = occurrences(START, END, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270707")
    assert [o[0].astimezone(AMS).date().isoformat() for o in found] == ["2027-06-30", "2027-07-07"]


def test_an_until_moment_is_that_moment() -> None:
    assert len(occurrences(START, END, "FREQ=WEEKLY;BYDAY=WE;UNTIL=20270707T000000Z")) == 1


def test_the_wall_clock_holds_across_the_october_change() -> None:
    start = datetime(2027, 10, 27, 15, 30, tzinfo=AMS)
    found = occurrences(start, start.replace(hour=17, minute=0), "FREQ=WEEKLY;COUNT=2")
    assert [o[0].astimezone(AMS).strftime("%H:%M") for o in found] == ["15:30", "15:30"]
    assert [o[0].hour for o in found] == [13, 14]  # UTC: summer time, then winter time
    assert [(o[1] - o[0]).seconds for o in found] == [5400, 5400]


@pytest.mark.parametrize(
    ("rule", "code"),
    [
        ("FREQ=DAILY", "tooManyOccurrences"),
        ("FREQ=YEARLY;COUNT=4", "recurrenceTooLong"),
        ("FREQ=SOMETIMES", "invalidRecurrence"),
        ("DTSTART:20270101T000000\nRRULE:FREQ=DAILY", "invalidRecurrence"),
    ],
)
def test_refused_rules_name_their_code(rule: str, code: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        occurrences(START, END, rule)
    assert refused.value.errors[0]["code"] == code
