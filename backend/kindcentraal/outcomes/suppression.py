"""Small-cell suppression: no published count of children under the threshold, and no way to
work one out from the totals beside it.

A table is a set of cells (counts) and the lines they add up along: a period's groups add up to
the period's total, a group's periods add up to the same group's centres in the comparison.
Every cell lies on at most two lines, so a table is a graph: lines are nodes, cells are edges
(a cell on one line only hangs from a node without an equation, `FREE`).

- Primary suppression: every count from 1 to threshold - 1. Zero is published: it shows no one.
- Complementary suppression: a hidden cell can be worked out exactly when it is a bridge of the
  graph of hidden cells (summing the lines on one side of it gives its value). Until no hidden
  cell is a bridge, the smallest published count on a line at the bridge's ends is hidden too.
  A hidden cell on a cycle can move by one up and down the cycle (all hidden counts are at
  least 1), so the totals fit at least two values for it.
"""

import heapq
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

FREE = ("free",)
K = TypeVar("K", bound=Hashable)


@dataclass
class Table(Generic[K]):
    """Counts by key, and for each key the (at most two) lines it lies on."""

    values: dict[K, int] = field(default_factory=dict)
    lines: dict[K, list[Hashable]] = field(default_factory=lambda: defaultdict(list))

    def add(self, key: K, value: int, *lines: Hashable) -> None:
        if len(lines) > 2:
            raise ValueError("a cell lies on at most two lines")
        self.values[key] = value
        self.lines[key] = list(lines)


def _ends(table: Table[K], key: K) -> tuple[Hashable, Hashable]:
    lines = table.lines.get(key, [])
    first = lines[0] if lines else FREE
    second = lines[1] if len(lines) > 1 else FREE
    return first, second


def bridges(table: Table[K], hidden: Iterable[K]) -> set[K]:
    """The hidden cells that the published ones give away: bridges of the hidden cells' graph
    (Tarjan's lowlink, iteratively; parallel cells between two lines are never bridges)."""
    adjacency: dict[Hashable, list[tuple[Hashable, K]]] = defaultdict(list)
    for key in hidden:
        a, b = _ends(table, key)
        adjacency[a].append((b, key))
        adjacency[b].append((a, key))
    order: dict[Hashable, int] = {}
    low: dict[Hashable, int] = {}
    found: set[K] = set()
    counter = 0
    for root in adjacency:
        if root in order:
            continue
        order[root] = low[root] = counter
        counter += 1
        stack: list[tuple[Hashable, K | None, int]] = [(root, None, 0)]
        while stack:
            node, via, index = stack[-1]
            neighbours = adjacency[node]
            if index < len(neighbours):
                stack[-1] = (node, via, index + 1)
                nxt, edge = neighbours[index]
                if edge == via:
                    continue
                if nxt in order:
                    low[node] = min(low[node], order[nxt])
                else:
                    order[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append((nxt, edge, 0))
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if via is not None and low[node] > order[parent]:
                        found.add(via)
    return found


def suppress(
    table: Table[K],
    threshold: int,
    forced: Iterable[K] = (),
    weight: Mapping[K, float] | None = None,
) -> set[K]:
    """The keys to hide: primary cells, `forced` ones (hidden elsewhere), and complements.
    A complement costs its count times its `weight` (default 1): a heavier cell is one the
    readers need most, hidden only when a lighter path does not exist."""
    hidden = {key for key, value in table.values.items() if 0 < value < threshold}
    hidden |= {key for key in forced if key in table.values}
    while True:
        exposed = bridges(table, hidden)
        if not exposed:
            return hidden
        key = min(exposed, key=lambda k: (table.values[k], repr(k)))
        path = _cheapest_cycle(table, hidden, key, weight or {})
        if path is None:
            # No published counts close a cycle around it: only hiding the whole table keeps
            # the cell from being worked out.
            return set(table.values)
        hidden |= path


def _cheapest_cycle(
    table: Table[K], hidden: set[K], bridge: K, weight: Mapping[K, float]
) -> set[K] | None:
    """The published cells of the cheapest path between the bridge's two lines that does not
    use the bridge (Dijkstra: a hidden cell costs nothing, a published one its count; a zero
    cell is never hidden, it could not move down a cycle). Hiding them puts the bridge on a
    cycle."""
    adjacency: dict[Hashable, list[tuple[Hashable, K]]] = defaultdict(list)
    for key, value in table.values.items():
        if key == bridge or (key not in hidden and value <= 0):
            continue
        a, b = _ends(table, key)
        adjacency[a].append((b, key))
        adjacency[b].append((a, key))
    source, target = _ends(table, bridge)
    best: dict[Hashable, float] = {source: 0}
    previous: dict[Hashable, tuple[Hashable, K]] = {}
    queue: list[tuple[float, int, Hashable]] = [(0, 0, source)]
    tie = 0
    while queue:
        cost, _, node = heapq.heappop(queue)
        if node == target:
            break
        if cost > best.get(node, cost):
            continue
        for nxt, key in adjacency[node]:
            step = 0 if key in hidden else table.values[key] * weight.get(key, 1.0)
            if cost + step < best.get(nxt, cost + step + 1):
                best[nxt] = cost + step
                previous[nxt] = (node, key)
                tie += 1
                heapq.heappush(queue, (cost + step, tie, nxt))
    if target not in best:
        return None
    path: set[K] = set()
    node = target
    while node != source:
        node, key = previous[node]
        if key not in hidden:
            path.add(key)
    return path


def nested(counts: list[int], threshold: int, forced: list[bool] | None = None) -> list[bool]:
    """Hidden flags for counts that are stages of a funnel (each a subset of the one before):
    a stage under the threshold, or one that differs from the last published stage by less than
    the threshold (the difference would count a small group), is hidden; so is a `forced` one
    (hidden in another table)."""
    hidden = []
    published: int | None = None
    for index, value in enumerate(counts):
        small = 0 < value < threshold
        gap = published is not None and 0 < published - value < threshold
        hide = small or gap or bool(forced and forced[index])
        hidden.append(hide)
        if not hide:
            published = value
    return hidden
