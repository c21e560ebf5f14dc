import { describe, expect, it } from 'vitest';
import { activity } from '@/features/activities/testing/fixtures';
import {
  activityErrors,
  activityServerErrors,
  changesOf,
  createBody,
  emptyActivityValues,
  euroText,
  movingUp,
  parseEuros,
  valuesOf,
} from '@/features/activities/utils/activity-form';
import { runnerOrganisations } from '@/features/activities/utils/roles';
import { analyst, coach, guardian, twoJobs } from '@/features/activities/testing/fixtures';
import { ApiError } from '@/lib/api-client';

const problem = (errors: { location: string; code: string; detail?: string }[]) =>
  new ApiError(400, {
    type: 'x',
    title: 'x',
    status: 400,
    detail: 'x',
    errors: errors.map((e) => ({ in: 'body', detail: 'x', ...e })),
  } as never);

describe('euros', () => {
  it('reads what is typed as cents, without rounding errors', () => {
    expect(parseEuros('')).toBeNull();
    expect(parseEuros('  ')).toBeNull();
    expect(parseEuros('12')).toBe(1200);
    expect(parseEuros('12,5')).toBe(1250);
    expect(parseEuros('12.50')).toBe(1250);
    expect(parseEuros('€ 0,10')).toBe(10);
    expect(parseEuros('4,35')).toBe(435);
    expect(parseEuros('10000')).toBe(1_000_000);
    expect(parseEuros('10000,01')).toBeUndefined();
    expect(parseEuros('12,505')).toBeUndefined();
    expect(parseEuros('-3')).toBeUndefined();
    expect(parseEuros('gratis')).toBeUndefined();
  });

  it('writes cents back in the reader\'s way', () => {
    expect(euroText(1250, 'nl')).toBe('12,50');
    expect(euroText(1250, 'en')).toBe('12.50');
    expect(euroText(300, 'nl')).toBe('3');
    expect(euroText(5, 'nl')).toBe('0,05');
    expect(euroText(null, 'nl')).toBe('');
    expect(euroText(0, 'nl')).toBe('');
  });
});

describe('the activity form', () => {
  const filled = emptyActivityValues({ title: 'Judo', category: 'sport', capacity: '12', centreId: 'c' });

  it('checks the required fields, the numbers and the order of ages and dates', () => {
    expect(activityErrors(emptyActivityValues(), { organisation: true, centre: true })).toEqual({
      title: 'titleRequired',
      category: 'categoryRequired',
      organisationId: 'organisationRequired',
      centreId: 'centreRequired',
      capacity: 'capacityRequired',
    });
    expect(activityErrors(filled)).toEqual({});
    expect(activityErrors({ ...filled, minAge: '19', maxAge: 'x' })).toEqual({ minAge: 'ageInvalid', maxAge: 'ageInvalid' });
    expect(activityErrors({ ...filled, minAge: '10', maxAge: '8' })).toEqual({ maxAge: 'ageRange' });
    expect(activityErrors({ ...filled, capacity: '0' })).toEqual({ capacity: 'capacityInvalid' });
    expect(activityErrors({ ...filled, capacity: '2.5' })).toEqual({ capacity: 'capacityInvalid' });
    expect(activityErrors({ ...filled, enrolmentOpens: '2026-10-01', enrolmentCloses: '2026-09-30' })).toEqual({
      enrolmentCloses: 'windowOrder',
    });
  });

  it('leaves the organisation out of the body when it is not known', () => {
    expect(createBody(filled)).toEqual({
      centreId: 'c',
      title: 'Judo',
      description: '',
      category: 'sport',
      minAge: null,
      maxAge: null,
      capacity: 12,
      costCents: null,
      enrolmentOpens: null,
      enrolmentCloses: null,
    });
  });

  it('sends only what changed, a cleared age as null, and free as free', () => {
    const current = activity({ costCents: 0, minAge: 8, maxAge: 12 });
    const values = valuesOf(current, 'nl');
    expect(changesOf(values, current)).toEqual({});
    expect(changesOf({ ...values, minAge: '', title: ' Voetbal ', cost: '' }, current)).toEqual({ minAge: null });
    expect(changesOf({ ...values, cost: '2,50', category: 'culture' }, current)).toEqual({ costCents: 250, category: 'culture' });
    expect(changesOf({ ...values, enrolmentOpens: '2026-09-01' }, current)).toEqual({ enrolmentOpens: '2026-09-01' });
  });

  it('counts the children the waiting list moves up with more places', () => {
    const full = { capacity: 16, enrolledCount: 16, waitlistCount: 3 };
    expect(movingUp(full, '18')).toBe(2);
    expect(movingUp(full, '40')).toBe(3);
    expect(movingUp(full, '16')).toBe(0);
    expect(movingUp(full, '10')).toBe(0);
    expect(movingUp(full, '')).toBe(0);
  });

  it('places each server error at its field', () => {
    expect(
      activityServerErrors(
        problem([
          { location: '#/title', code: 'string_too_long' },
          { location: '#/costCents', code: 'less_than_equal' },
          { location: '#', code: 'value_error', detail: 'Value error, minAge is above maxAge' },
          { location: '#/groupIds/0', code: 'unknownGroup' },
        ]),
      ).map((e) => [e.field, e.code]),
    ).toEqual([
      ['title', 'string_too_long'],
      ['cost', 'less_than_equal'],
      ['maxAge', 'ageRange'],
      [null, 'unknownGroup'],
    ]);
    expect(activityServerErrors(new ApiError(409, null))).toEqual([]);
  });
});

describe('who may offer an activity', () => {
  it('is someone with a role that runs activities, for those organisations only', () => {
    expect(runnerOrganisations(coach).map((o) => o.name)).toEqual(['Sportclub Gooi']);
    expect(runnerOrganisations(twoJobs).map((o) => o.name)).toEqual(['Basisschool De Regenboog', 'Sportclub Gooi']);
    expect(runnerOrganisations(guardian)).toEqual([]);
    expect(runnerOrganisations(analyst)).toEqual([]);
  });
});
