"""Counts by centre, period and group as they come out of the database, added up into the
report's two views: the series (periods x groups, over the series' centres) and the comparison
(centres x groups, over the whole window). Totals over the groups are `group=None`."""

import functools
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Literal, Protocol

from kindcentraal.outcomes.schemas import Cell, Indicator, IndicatorId, Row
from kindcentraal.outcomes.suppression import Table, suppress

Key = tuple[str, Hashable, str | None]  # ("s", period key, group) or ("c", centre id, group)
Derive = Callable[[Key, "Cube"], dict[str, float | None]]
EMPTY: Counter[int] = Counter()  # read only


@dataclass
class Cube:
    series_centres: set[uuid.UUID]
    periods: list[str]
    centres: list[uuid.UUID]
    groups: list[str]
    counts: dict[tuple[uuid.UUID, str, str], int] = field(default_factory=dict)
    histograms: dict[tuple[uuid.UUID, str, str], Counter[int]] = field(default_factory=dict)
    # Counts that do not add up over periods (distinct children) come with their own total over
    # the window under this period key: the comparison reads those, the series the others.
    window_key: str | None = None
    _counts: dict[Key, int] | None = None
    _histograms: dict[Key, Counter[int]] | None = None
    _derived: dict[tuple[Derive, Key], dict[str, float | None]] = field(default_factory=dict)

    def add(self, centre: uuid.UUID, period: str, group: str, value: int) -> None:
        key = (centre, period, group)
        self.counts[key] = self.counts.get(key, 0) + value

    def add_to_histogram(self, centre: uuid.UUID, period: str, group: str, at: int, n: int) -> None:
        self.histograms.setdefault((centre, period, group), Counter())[at] += n

    def _targets(self, centre: uuid.UUID, period: str, group: str) -> list[Key]:
        """The cells of both views a count by centre, period and group adds to."""
        targets: list[Key] = []
        if self.window_key is None or period == self.window_key:
            targets += [("c", centre, group), ("c", centre, None)]
        if centre in self.series_centres and period != self.window_key:
            targets += [("s", period, group), ("s", period, None)]
        return targets

    def count(self, key: Key) -> int:
        if self._counts is None:
            counts: dict[Key, int] = defaultdict(int)
            for (centre, period, group), value in self.counts.items():
                for target in self._targets(centre, period, group):
                    counts[target] += value
            self._counts = counts
        return self._counts.get(key, 0)

    def histogram(self, key: Key) -> Counter[int]:
        if self._histograms is None:
            histograms: dict[Key, Counter[int]] = defaultdict(Counter)
            for (centre, period, group), value in self.histograms.items():
                for target in self._targets(centre, period, group):
                    histograms[target].update(value)  # in place: no new Counter per step
            self._histograms = histograms
        return self._histograms.get(key, EMPTY)

    def derived(self, key: Key, derive: Derive) -> dict[str, float | None]:
        """`derive(key, self)`, worked out once: tables built together are built again until
        their suppression agrees, and their derived figures do not change in between."""
        found = self._derived.get((derive, key))
        if found is None:
            found = self._derived[(derive, key)] = derive(key, self)
        return found

    def keys(self, totals: bool = True) -> list[Key]:
        groups: list[str | None] = [*self.groups, None] if totals else list(self.groups)
        return [("s", p, g) for p in self.periods for g in groups] + [
            ("c", c, g) for c in self.centres for g in groups
        ]


# A report has thousands of cells and far fewer distinct values: each cell is made once per
# value (cells are frozen, so one may stand in many places).
HIDDEN = Cell(value=None, suppressed=True)


@functools.lru_cache(maxsize=8192)
def _shown(value: float | None) -> Cell:
    return Cell(value=value)


Lines = Literal["both", "rows", "none"]
KEEP_WEIGHT = 10.0


def table_of(cube: Cube, values: dict[Key, int], lines: Lines = "both") -> Table[Key]:
    """The lines the counts add up along: a period's or a centre's groups to its total, and a
    group's periods to the same group's series centres in the comparison ("both"); only the
    first ("rows"); none, when the counts overlap ("none")."""
    table: Table[Key] = Table()
    for key, value in values.items():
        view, where, group = key
        own = ("period" if view == "s" else "centre", where)
        across = ("group", group)
        if lines == "none":
            table.add(key, value)
        elif lines == "rows" or (view == "c" and where not in cube.series_centres):
            table.add(key, value, own)
        else:
            table.add(key, value, own, across)
    return table


def percentile(histogram: Counter[int], share: float) -> float | None:
    """Nearest rank: the smallest value with at least `share` of the observations at or
    under it."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = max(1, -(-int(share * total * 1000) // 1000))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return float(value)
    return float(max(histogram))


def ratio(part: float, whole: float, scale: float = 1.0, digits: int = 3) -> float | None:
    return round(part / whole * scale, digits) if whole else None


def build(
    indicator: IndicatorId,
    cube: Cube,
    *,
    count_measure: str,
    derive: Derive | None,
    threshold: int,
    group_by: str | None,
    totals: bool = True,
    forced: Iterable[Key] = (),
    of_total: frozenset[str] = frozenset(),
    lines: Lines = "both",
    keep: frozenset[str] = frozenset(),
) -> tuple[Indicator, set[Key]]:
    """The indicator with its cells suppressed; also the hidden keys (for tables that share
    cells with this one). Derived figures of a hidden count are hidden; so are the `of_total`
    ones (shares of the row's total) where that total is hidden."""
    values = {key: cube.count(key) for key in cube.keys(totals)}
    # The groups readers need most (`keep`) and the totals are hidden as complements only
    # when no path of other cells will do.
    weight = {key: KEEP_WEIGHT for key in values if key[2] is None or key[2] in keep}
    hidden = suppress(table_of(cube, values, lines), threshold, forced, weight)
    measures = [count_measure]
    series: list[Row] = []
    by_centre: list[Row] = []
    for key in cube.keys(totals):
        view, where, group = key
        derived = cube.derived(key, derive) if derive else {}
        for name in derived:
            if name not in measures:
                measures.append(name)
        cells = {count_measure: HIDDEN if key in hidden else _shown(values[key])}
        total_hidden = (view, where, None) in hidden
        for name, value in derived.items():
            # A share of a hidden total would give the total away (total = count / share).
            gone = key in hidden or (name in of_total and total_hidden)
            cells[name] = HIDDEN if gone else _shown(value)
        row = Row(
            period=where if view == "s" else None,
            centre_id=where if view == "c" else None,
            group=group,
            values=cells,
        )
        (series if view == "s" else by_centre).append(row)
    return (
        Indicator(
            id=indicator, group_by=group_by, measures=measures, series=series, by_centre=by_centre
        ),
        hidden,
    )


class Build(Protocol):
    def __call__(self, *, forced: Iterable[Key]) -> tuple[Indicator, set[Key]]: ...


def build_together(
    first: Build,
    second: Build,
    into_second: Callable[[Key], Key | None],
    into_first: Callable[[Key], Key | None],
) -> tuple[Indicator, Indicator]:
    """Two tables that publish a figure twice (the same cell under two keys): what one hides,
    the other hides too, until neither hides more. `into_second` and `into_first` map a key
    to its twin in the other table (None: it has none). Each build takes its forced keys."""
    forced_first: set[Key] = set()
    forced_second: set[Key] = set()
    while True:
        one, hidden_one = first(forced=forced_first)
        forced_second |= {twin for key in hidden_one if (twin := into_second(key)) is not None}
        two, hidden_two = second(forced=forced_second)
        more = {twin for key in hidden_two if (twin := into_first(key)) is not None}
        if more <= hidden_one:
            return one, two
        forced_first |= more
