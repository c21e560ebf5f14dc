import { describe, expect, it } from 'vitest';
import { invalidField } from '@/features/day/testing/fixtures';
import {
  absenceBody,
  absenceServerErrors,
  emptyAbsence,
  localAbsenceErrors,
  withFrom,
} from '@/features/day/utils/absence-form';
import { toApiError } from '@/lib/api-client';

describe('the absence form values', () => {
  it('starts today, for one day', () => {
    expect(emptyAbsence('2026-03-25')).toEqual({ from: '2026-03-25', to: '2026-03-25', reason: '', note: '' });
  });

  it('moves the last day with the first while it is the same day or would come before it', () => {
    const start = emptyAbsence('2026-03-25');
    expect(withFrom(start, '2026-03-26')).toMatchObject({ from: '2026-03-26', to: '2026-03-26' });
    const longer = { ...start, to: '2026-03-30' };
    expect(withFrom(longer, '2026-03-26')).toMatchObject({ from: '2026-03-26', to: '2026-03-30' });
    expect(withFrom(longer, '2026-04-02')).toMatchObject({ from: '2026-04-02', to: '2026-04-02' });
  });

  it('asks for a reason, and a last day not before the first nor more than 92 days after it', () => {
    expect(localAbsenceErrors(emptyAbsence('2026-03-25'))).toEqual({ reason: 'reasonRequired' });
    expect(localAbsenceErrors({ from: '2026-03-25', to: '2026-03-24', reason: 'ill', note: '' })).toEqual({ to: 'toBeforeFrom' });
    expect(localAbsenceErrors({ from: '2026-03-25', to: '2026-06-26', reason: 'ill', note: '' })).toEqual({ to: 'tooLong' });
    expect(localAbsenceErrors({ from: '2026-03-25', to: '2026-06-25', reason: 'ill', note: '' })).toEqual({});
  });

  it('sends a note only when one was written', () => {
    expect(absenceBody({ from: '2026-03-25', to: '2026-03-25', reason: 'ill', note: '  ' })).toEqual({
      from: '2026-03-25',
      to: '2026-03-25',
      reason: 'ill',
    });
    expect(absenceBody({ from: '2026-03-25', to: '2026-03-26', reason: 'other', note: ' Bruiloft ' }).note).toBe('Bruiloft');
  });

  it('places the server errors at the field their location names', async () => {
    const response = invalidField('#/from', 'inThePast', 'Report an absence from today on.');
    const error = toApiError(response, await response.json());
    expect(absenceServerErrors(error)).toEqual([
      { field: 'from', code: 'inThePast', detail: 'Report an absence from today on.' },
    ]);
    const whole = invalidField('#/', 'value_error', '`to` is before `from`');
    expect(absenceServerErrors(toApiError(whole, await whole.json()))[0]!.field).toBeNull();
  });
});
