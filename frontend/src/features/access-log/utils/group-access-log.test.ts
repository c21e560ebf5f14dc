import { describe, expect, it } from 'vitest';
import type { AccessLogEntry } from '@/features/access-log/api/get-access-log';
import { groupAccessLog, VISIT_WINDOW_MS } from '@/features/access-log/utils/group-access-log';

const T0 = Date.parse('2026-03-03T14:30:00Z');
/** `minutes` before T0 (the newest entry comes first in the log). */
const at = (minutes: number, seconds = 0) => new Date(T0 - minutes * 60_000 - seconds * 1000).toISOString();

let counter = 0;
function entry(minutesAgo: number, overrides: Partial<AccessLogEntry> = {}): AccessLogEntry {
  counter += 1;
  return {
    id: `e${counter}`,
    occurredAt: at(minutesAgo),
    actorName: 'Olga de Ouder',
    organisationName: null,
    role: 'guardian',
    resource: 'child',
    action: 'read',
    parts: [],
    result: 'allowed',
    ...overrides,
  };
}

const PAGE = ['child', 'guardians', 'placements', 'contact-person', 'care-team', 'consents'];

describe('groupAccessLog', () => {
  it('is empty for an empty log', () => {
    expect(groupAccessLog([])).toEqual([]);
  });

  it('makes one visit of one person’s reads close together, with every part once, in page order', () => {
    const entries = [
      entry(0, { resource: 'access-log', action: 'list' }),
      entry(2, { parts: PAGE }),
      entry(9, { resource: 'consents', action: 'list' }),
      entry(15, { resource: 'bsn' }),
    ];
    const lines = groupAccessLog(entries);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      id: entries[0]!.id,
      isVisit: true,
      parts: [...PAGE, 'access-log', 'bsn'],
      from: at(15),
      until: at(0),
    });
    expect(lines[0]!.entries).toEqual(entries);
  });

  it('keeps a single read a line of its own, still a visit, with its parts', () => {
    const [line] = groupAccessLog([entry(0, { parts: ['child', 'placements'] })]);
    expect(line).toMatchObject({ isVisit: true, parts: ['child', 'placements'], from: at(0), until: at(0) });
    expect(line!.entries).toHaveLength(1);
  });

  it('joins a read exactly 10 minutes before the next one, not one a second more', () => {
    expect(VISIT_WINDOW_MS).toBe(10 * 60_000);
    expect(groupAccessLog([entry(0), entry(10)])).toHaveLength(1);
    const apart = groupAccessLog([entry(0), entry(10, { occurredAt: at(10, 1) })]);
    expect(apart).toHaveLength(2);
    expect(apart.map((line) => line.isVisit)).toEqual([true, true]);
  });

  it('measures from the read before, so a long visit in small steps stays one line', () => {
    const lines = groupAccessLog([entry(0), entry(8), entry(16), entry(24)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ from: at(24), until: at(0) });
  });

  it('does not join the same name from another organisation, nor another person', () => {
    const lines = groupAccessLog([
      entry(0, { actorName: 'Anna Jansen', organisationName: 'Basisschool De Regenboog', role: 'staff' }),
      entry(1, { actorName: 'Anna Jansen', organisationName: 'BSO Het Speelhuis', role: 'staff' }),
      entry(2, { actorName: 'Anna Jansen', organisationName: 'BSO Het Speelhuis', role: 'staff', resource: 'guardians', action: 'list' }),
      entry(3),
    ]);
    expect(lines.map((line) => [line.entries[0].organisationName, line.entries.length])).toEqual([
      ['Basisschool De Regenboog', 1],
      ['BSO Het Speelhuis', 2],
      [null, 1],
    ]);
    expect(lines[1]!.parts).toEqual(['child', 'guardians']);
  });

  it('keeps a write a line of its own, and it splits the reads around it', () => {
    const lines = groupAccessLog([
      entry(0, { parts: PAGE }),
      entry(1, { resource: 'consents', action: 'update' }),
      entry(2, { parts: PAGE }),
    ]);
    expect(lines.map((line) => [line.isVisit, line.entries.length, line.parts])).toEqual([
      [true, 1, PAGE],
      [false, 1, ['consents']],
      [true, 1, PAGE],
    ]);
  });

  it.each(['create', 'update', 'delete', 'export'])('never joins writes (%s), not even two alike', (action) => {
    const lines = groupAccessLog([
      entry(0, { resource: 'care-team', action }),
      entry(1, { resource: 'care-team', action }),
    ]);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => !line.isVisit && line.entries.length === 1)).toBe(true);
  });

  it('keeps a denied attempt a line of its own, and it splits the reads around it', () => {
    const lines = groupAccessLog([
      entry(0),
      entry(1, { resource: 'bsn', result: 'denied' }),
      entry(2, { resource: 'bsn', result: 'denied' }),
      entry(3),
    ]);
    expect(lines.map((line) => [line.isVisit, line.entries[0].result])).toEqual([
      [true, 'allowed'],
      [false, 'denied'],
      [false, 'denied'],
      [true, 'allowed'],
    ]);
  });

  it('puts parts it does not know after the known ones, in the order they came', () => {
    const [line] = groupAccessLog([
      entry(0, { resource: 'something-new', action: 'list' }),
      entry(1, { parts: ['placements', 'another-new', 'child'] }),
    ]);
    expect(line!.parts).toEqual(['child', 'placements', 'something-new', 'another-new']);
  });
});
