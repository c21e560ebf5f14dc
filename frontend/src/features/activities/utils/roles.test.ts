import { describe, expect, it } from 'vitest';
import { coach, football, guardian, teacher } from '@/features/activities/testing/fixtures';
import { me } from '@/features/rooms/testing/fixtures';
import { refusalOf } from '@/features/activities/utils/enrolment-problems';
import { runsActivity } from '@/features/activities/utils/roles';
import { ApiError } from '@/lib/api-client';
import type { Me } from '@/features/auth/api/get-me';

const problem = (status: number, extra: Record<string, unknown> = {}) =>
  new ApiError(status, { type: 'x', title: 'x', status, detail: 'x', ...extra } as never);

describe('who runs an activity', () => {
  it('is the providing organisation\'s staff and any centre administrator', () => {
    expect(runsActivity(coach, football)).toBe(true);
    expect(runsActivity(teacher, football)).toBe(false);
    expect(runsActivity(guardian, football)).toBe(false);
    const admin = me([{ id: 'm', organisationId: 'x', organisationName: 'School', organisationType: 'school', role: 'centre_admin' }] as unknown as Me['memberships']);
    expect(runsActivity(admin, football)).toBe(true);
    expect(runsActivity(undefined, football)).toBe(false);
  });
});

describe('why an enrolment was refused', () => {
  it('reads the 400 code at the child and the 409 reason', () => {
    expect(refusalOf(problem(400, { errors: [{ in: 'body', location: '#/childId', code: 'notForGroup', detail: '' }] }))).toBe('notForGroup');
    expect(refusalOf(problem(409, { reason: 'enrolmentClosed' }))).toBe('enrolmentClosed');
    expect(refusalOf(problem(409, { reason: 'alreadyEnrolled' }))).toBe('alreadyEnrolled');
    expect(refusalOf(problem(404))).toBe('unknownChild');
    expect(refusalOf(problem(403))).toBe('notAllowed');
  });

  it('knows nothing of other answers', () => {
    expect(refusalOf(problem(409, { reason: 'somethingNew' }))).toBeNull();
    expect(refusalOf(problem(400, { errors: [{ in: 'body', location: '#/childId', code: 'other', detail: '' }] }))).toBeNull();
    expect(refusalOf(problem(500))).toBeNull();
    expect(refusalOf(new TypeError('Failed to fetch'))).toBeNull();
  });
});
