"""Moments of a demo day in Amsterdam's local time, drawn from the demo's random generator."""

import random
from datetime import UTC, date, datetime, time

from kindcentraal.support.waiting import AMSTERDAM


class Moments:
    """Mixed into the demo's builders: `rng` is theirs."""

    rng: random.Random

    def at(self, day: date, low: int, high: int) -> datetime:
        """A moment on `day` between `low` and `high` minutes after midnight, local time."""
        minutes = self.rng.randrange(low, high, 5)
        local = datetime.combine(day, time(minutes // 60, minutes % 60), AMSTERDAM)
        return local.astimezone(UTC)

    def morning(self, day: date) -> datetime:
        return self.at(day, 8 * 60 + 15, 11 * 60 + 30)

    def afternoon(self, day: date) -> datetime:
        return self.at(day, 13 * 60, 16 * 60 + 30)

    def evening(self, day: date) -> datetime:
        return self.at(day, 19 * 60, 21 * 60 + 30)
