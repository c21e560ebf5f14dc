"""The worker's nightly purge: due once per Amsterdam day, from the configured hour on."""

from datetime import UTC, date, datetime

from kindcentraal.outbox.worker import retention_night


def test_the_purge_is_due_once_a_night_from_the_hour_on() -> None:
    # 00:30 UTC in December is 01:30 in Amsterdam: before 02:00, not yet.
    assert retention_night(datetime(2026, 12, 2, 0, 30, tzinfo=UTC), 2) is None
    assert retention_night(datetime(2026, 12, 2, 1, 5, tzinfo=UTC), 2) == date(2026, 12, 2)
    # 23:30 UTC is 00:30 of the next day in Amsterdam: that night's purge is still to come.
    assert retention_night(datetime(2026, 12, 2, 23, 30, tzinfo=UTC), 2) is None
    assert retention_night(datetime(2026, 12, 3, 1, 0, tzinfo=UTC), 2) == date(2026, 12, 3)
    assert retention_night(datetime(2026, 12, 2, 12, 0, tzinfo=UTC), -1) is None
