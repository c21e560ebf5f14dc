import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-client';
import { booking } from '@/features/rooms/testing/fixtures';
import {
  bookingBody,
  conflictsOf,
  emptyValues,
  localErrors,
  overlappingBookings,
  serverFieldErrors,
  valuesFromRange,
} from '@/features/rooms/utils/booking-form';
import { openingHoursText } from '@/features/rooms/utils/opening-hours';
import { organisationColours, ORGANISATION_COLOURS } from '@/features/rooms/utils/colours';

const filled = emptyValues({
  roomId: 'gym',
  purpose: '  Gymles groep 5 ',
  date: '2027-01-13',
  start: '14:00',
  end: '15:00',
});

describe('the booking form', () => {
  it('sends a single booking as UTC times, without a rule', () => {
    expect(bookingBody(filled, true)).toEqual({
      roomId: 'gym',
      purpose: 'Gymles groep 5',
      startsAt: '2027-01-13T13:00:00Z',
      endsAt: '2027-01-13T14:00:00Z',
      skipConflicts: false,
    });
  });

  it('sends a weekly booking with its rule, the attendees, the organisation and the holiday choice', () => {
    const weekly = { ...filled, organisationId: 'org', attendees: '24', repeat: 'weekly' as const, weekdays: ['FR' as const, 'WE' as const], until: '2027-07-09' };
    expect(bookingBody(weekly, true)).toMatchObject({
      organisationId: 'org',
      attendees: 24,
      recurrence: 'FREQ=WEEKLY;BYDAY=WE,FR;UNTIL=20270709T235959',
      skipHolidays: true,
    });
    expect(bookingBody({ ...weekly, skipHolidays: false }, true).skipHolidays).toBe(false);
    expect(bookingBody(weekly, false).skipHolidays).toBe(false);
  });

  it('starts a weekly choice on the weekday of the date', () => {
    expect(emptyValues({ date: '2027-01-13' }).weekdays).toEqual(['WE']);
    expect(emptyValues().weekdays).toEqual([]);
  });

  it('finds what is missing or wrong before sending', () => {
    expect(localErrors(emptyValues(), { needsOrganisation: true })).toEqual({
      roomId: 'roomRequired',
      organisationId: 'organisationRequired',
      purpose: 'purposeRequired',
      date: 'dateRequired',
      start: 'startRequired',
      end: 'endRequired',
    });
    expect(localErrors({ ...filled, end: '14:00' }, { needsOrganisation: false })).toEqual({ end: 'endBeforeStart' });
    expect(localErrors({ ...filled, attendees: '2.5' }, { needsOrganisation: false })).toEqual({ attendees: 'attendeesInvalid' });
    expect(localErrors({ ...filled, repeat: 'weekly', weekdays: [], until: '2027-01-01' }, { needsOrganisation: false })).toEqual({
      weekdays: 'weekdaysRequired',
      until: 'untilBeforeDate',
    });
  });

  it("places the server's 400 errors at their fields", () => {
    const error = new ApiError(400, {
      type: 'x',
      title: 'Invalid input',
      status: 400,
      detail: 'x',
      errors: [
        { in: 'body', location: '#/startsAt', code: 'outsideOpeningHours', detail: '1 of the times' },
        { in: 'body', location: '#/recurrence', code: 'tooManyOccurrences', detail: 'more than 500' },
        { in: 'body', location: '#/', code: 'value_error', detail: 'odd' },
      ],
    });
    expect(serverFieldErrors(error).map((e) => [e.field, e.code])).toEqual([
      ['start', 'outsideOpeningHours'],
      ['until', 'tooManyOccurrences'],
      [null, 'value_error'],
    ]);
    expect(serverFieldErrors(new ApiError(409, null))).toEqual([]);
  });

  it("reads a 409's conflicts, and none from a 409 that raced", () => {
    const conflicts = [{ startsAt: 'a', endsAt: 'b', takenBy: [] }];
    expect(conflictsOf(new ApiError(409, { type: 'x', title: 't', status: 409, detail: 'd', conflicts } as never))).toEqual(conflicts);
    expect(conflictsOf(new ApiError(409, { type: 'x', title: 't', status: 409, detail: 'd' }))).toBeNull();
  });

  it('flags a chosen time that overlaps a confirmed booking in the calendar (touching ends do not)', () => {
    const taken = booking({ roomId: 'gym', startsAt: '2027-01-13T13:30:00Z', endsAt: '2027-01-13T14:30:00Z' });
    const before = booking({ roomId: 'gym', startsAt: '2027-01-13T12:00:00Z', endsAt: '2027-01-13T13:00:00Z' });
    const requested = booking({ roomId: 'gym', status: 'requested' });
    const elsewhere = booking({ roomId: 'other', startsAt: '2027-01-13T13:30:00Z', endsAt: '2027-01-13T14:30:00Z' });
    expect(overlappingBookings(filled, [taken, before, requested, elsewhere])).toEqual([taken]);
    expect(overlappingBookings({ ...filled, start: '16:00', end: '17:00' }, [taken])).toEqual([]);
  });

  it('takes the date and times of a range chosen in the calendar', () => {
    expect(valuesFromRange('2026-03-30T14:00:00+02:00', '2026-03-30T15:30:00+02:00')).toEqual({ date: '2026-03-30', start: '14:00', end: '15:30' });
  });
});

describe('rooms in words and colours', () => {
  it("puts a room's opening hours in words, days in a row together", () => {
    const day = (name: string) => name.slice(0, 2);
    const hours = {
      monday: { opens: '07:00', closes: '18:30' },
      tuesday: { opens: '07:00', closes: '18:30' },
      wednesday: { opens: '07:00', closes: '18:30' },
      friday: { opens: '07:00', closes: '18:30' },
      saturday: { opens: '09:00', closes: '13:00' },
    };
    expect(openingHoursText({ openingHours: hours }, day, 't/m')).toBe('mo t/m we 07:00–18:30; fr 07:00–18:30; sa 09:00–13:00');
    expect(openingHoursText({ openingHours: {} }, day, 't/m')).toBe('');
  });

  it('gives the organisations of a centre different colours', () => {
    const colourOf = organisationColours(['a', 'b', 'c']);
    expect(new Set(['a', 'b', 'c'].map(colourOf)).size).toBe(3);
    expect(colourOf('a')).toBe(ORGANISATION_COLOURS[0]);
    expect(ORGANISATION_COLOURS).toContain(colourOf('unknown'));
  });
});
