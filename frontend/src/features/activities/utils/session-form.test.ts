import { describe, expect, it } from 'vitest';
import { emptySessionValues, sessionBody, sessionErrors } from '@/features/activities/utils/session-form';

const filled = emptySessionValues({ roomId: 'r1', date: '2026-10-27', start: '15:30', end: '16:30', until: '2027-03-30' });

describe('the sessions form', () => {
  it('builds a weekly rule on the date\'s weekday, to the end of the last day, in Amsterdam time', () => {
    // 27 October 2026 is a Tuesday, in winter time (UTC+1); 30 March 2027 is in summer time.
    expect(sessionBody(filled)).toEqual({
      roomId: 'r1',
      startsAt: '2026-10-27T14:30:00Z',
      endsAt: '2026-10-27T15:30:00Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20270330T235959',
      skipHolidays: true,
      skipConflicts: false,
    });
    expect(sessionBody({ ...filled, skipHolidays: false }, true)).toMatchObject({ skipHolidays: false, skipConflicts: true });
  });

  it('sends one session on its date without a rule, holiday or not', () => {
    expect(sessionBody({ ...filled, weekly: false })).toEqual({
      roomId: 'r1',
      startsAt: '2026-10-27T14:30:00Z',
      endsAt: '2026-10-27T15:30:00Z',
      skipHolidays: false,
      skipConflicts: false,
    });
  });

  it('names what is missing or wrong', () => {
    expect(sessionErrors(emptySessionValues())).toEqual({
      roomId: 'roomRequired',
      date: 'dateRequired',
      start: 'startRequired',
      end: 'endRequired',
      until: 'untilRequired',
    });
    expect(sessionErrors({ ...filled, end: '15:00', until: '2026-10-01' })).toEqual({
      end: 'endBeforeStart',
      until: 'untilBeforeDate',
    });
    expect(sessionErrors({ ...filled, weekly: false, until: '' })).toEqual({});
  });
});
