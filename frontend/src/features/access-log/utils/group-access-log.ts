import type { AccessLogEntry } from '@/features/access-log/api/get-access-log';

/** Reads by one person this close together (to the read before it) are one visit. */
export const VISIT_WINDOW_MS = 10 * 60_000;

/** The parts of the file in the order the child page shows them; others follow as they come. */
export const PART_ORDER = [
  'child',
  'guardians',
  'placements',
  'contact-person',
  'care-team',
  'consents',
  'plan',
  'trajectory',
  'signal',
  'day',
  'access-log',
  'bsn',
] as const;

/** One line of the access log: one entry, or one person's reads close together (a visit). */
export type AccessLogLine = {
  /** The id of the newest entry: stable while older pages load. */
  id: string;
  /** Newest first; more than one only for a visit. */
  entries: [AccessLogEntry, ...AccessLogEntry[]];
  /** Allowed reads (`read`, `list`), one or more: "bekeek het dossier (…)". */
  isVisit: boolean;
  /** What the line's entries read or touched (`parts`, else `resource`), each once, in PART_ORDER. */
  parts: string[];
  /** `occurredAt` of the oldest and of the newest entry. */
  from: string;
  until: string;
};

const isRead = (entry: AccessLogEntry) =>
  entry.result === 'allowed' && (entry.action === 'read' || entry.action === 'list');

const partsOf = (entry: AccessLogEntry) => (entry.parts.length > 0 ? entry.parts : [entry.resource]);

function inOrder(parts: Iterable<string>): string[] {
  const rank = (part: string) => {
    const index = (PART_ORDER as readonly string[]).indexOf(part);
    return index === -1 ? PART_ORDER.length : index;
  };
  // Array.prototype.sort is stable: unknown parts keep the order they came in.
  return [...new Set(parts)].sort((a, b) => rank(a) - rank(b));
}

function samePerson(a: AccessLogEntry, b: AccessLogEntry): boolean {
  return a.actorName === b.actorName && a.organisationName === b.organisationName;
}

function lineOf(entries: [AccessLogEntry, ...AccessLogEntry[]], isVisit: boolean): AccessLogLine {
  return {
    id: entries[0].id,
    entries,
    isVisit,
    parts: inOrder(entries.flatMap(partsOf)),
    from: entries[entries.length - 1]!.occurredAt,
    until: entries[0].occurredAt,
  };
}

/**
 * Groups the access log (newest first) into lines a person can read: consecutive allowed reads
 * by the same person (actor name and organisation), each at most VISIT_WINDOW_MS before the read
 * after it, become one visit with the union of what they read. A write (create, update, delete,
 * or anything else that is not a read) and a denied attempt stay a line of their own, and end
 * the visit around them.
 */
export function groupAccessLog(entries: readonly AccessLogEntry[]): AccessLogLine[] {
  const lines: AccessLogLine[] = [];
  let visit: [AccessLogEntry, ...AccessLogEntry[]] | null = null;

  const closeVisit = () => {
    if (visit) lines.push(lineOf(visit, true));
    visit = null;
  };

  for (const entry of entries) {
    if (!isRead(entry)) {
      closeVisit();
      lines.push(lineOf([entry], false));
      continue;
    }
    const previous: AccessLogEntry | undefined = visit ? visit[visit.length - 1] : undefined;
    const gap = previous
      ? Math.abs(Date.parse(previous.occurredAt) - Date.parse(entry.occurredAt))
      : Infinity;
    if (visit && previous && samePerson(previous, entry) && gap <= VISIT_WINDOW_MS) {
      visit.push(entry);
    } else {
      closeVisit();
      visit = [entry];
    }
  }
  closeVisit();
  return lines;
}
