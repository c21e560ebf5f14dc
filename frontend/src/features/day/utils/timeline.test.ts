import { describe, expect, it } from 'vitest';
import { bso, DATE, judo, ORG_BSO, ORG_SCHOOL, school, wholeDayAbsence, entry } from '@/features/day/testing/fixtures';
import { afterSchool, attendanceAt, orderEntries } from '@/features/day/utils/timeline';

describe('orderEntries', () => {
  it('puts a whole-day absence first, then the parts by start and at the same start school first', () => {
    const ordered = orderEntries([judo(), bso(), school(), wholeDayAbsence('appointment')]);
    expect(ordered.map((e) => e.kind)).toEqual(['absence', 'school', 'out_of_school_care', 'activity']);
  });

  it('keeps parts that start together in the order of the day', () => {
    const early = entry({ kind: 'activity', title: 'Ochtendgym', startsAt: `${DATE}T07:30:00Z`, endsAt: `${DATE}T08:00:00Z` });
    expect(orderEntries([school(), early]).map((e) => e.title)).toEqual(['Ochtendgym', 'School, Groep 4b']);
  });
});

describe('afterSchool', () => {
  it('lists what starts when school is out or later, in order', () => {
    const result = afterSchool([judo(), school(), bso()]);
    expect(result.schoolEndsAt).toBe(`${DATE}T13:30:00Z`);
    expect(result.items.map((e) => e.title)).toEqual(['BSO', 'Judo']);
  });

  it('is empty (home) when nothing follows school', () => {
    expect(afterSchool([school()]).items).toEqual([]);
  });

  it('takes the whole day when there is no school (a holiday)', () => {
    const result = afterSchool([bso({ startsAt: `${DATE}T07:00:00Z` })]);
    expect(result.schoolEndsAt).toBeNull();
    expect(result.items).toHaveLength(1);
  });
});

describe('attendanceAt', () => {
  it('reads the check-in at the organisation of the list', () => {
    const entries = [school({ attendance: 'checked_in' }), bso({ attendance: 'checked_out' })];
    expect(attendanceAt(entries, ORG_SCHOOL)).toBe('checked_in');
    expect(attendanceAt(entries, ORG_BSO)).toBe('checked_out');
    expect(attendanceAt([school()], ORG_SCHOOL)).toBeNull();
  });
});
