import { DATE, bso, judo, school } from '@/features/day/testing/fixtures';
import type { Me } from '@/features/auth/api/get-me';
import type { DataExport, ParentAction, ParentHome, ParentHomeChild } from '@/features/parent/types';
import { json, mockApi, testMe, type WriteAnswer } from '@/test/utils';

/* Test data for the parent app, shaped as GET /me/home sends it (issue 10's contract). */

export const NOAH = '00000000-0000-4000-8000-000000000001';
export const EMMA = '00000000-0000-4000-8000-000000000002';
export const SCHOOL_ORG = 'aaaaaaaa-0000-4000-8000-000000000001';

/** Sanne: a parent of two, no job at any organisation. */
export const parentMe: Me = testMe([], {
  id: 'u-sanne',
  email: 'sanne@example.test',
  displayName: 'Sanne de Vries',
  isGuardian: true,
});

export const contactPerson = {
  userId: 'u-anna',
  displayName: 'Anna Jansen',
  email: 'anna.jansen@regenboog.demo',
  phone: '06 12 34 56 78',
};

export function action(overrides: Partial<ParentAction> = {}): ParentAction {
  return {
    kind: 'care_team_consent',
    organisationName: null,
    trajectoryId: null,
    trajectoryType: null,
    activityId: null,
    activityName: null,
    notificationId: null,
    ...overrides,
  };
}

export function homeChild(overrides: Partial<ParentHomeChild> = {}): ParentHomeChild {
  const id = overrides.id ?? NOAH;
  return {
    id,
    givenName: 'Noah',
    familyName: 'de Vries',
    dateOfBirth: '2017-09-01',
    hasParentalAuthority: true,
    contactPerson,
    day: { date: DATE, childId: id, entries: [school(), judo()] },
    actions: [],
    ...overrides,
  };
}

/** Noah (the oldest, with a care-team consent and a trajectory to consent to) and Emma (a place offered). */
export function twoChildren(): ParentHome {
  return {
    children: [
      homeChild({
        actions: [
          action({ kind: 'care_team_consent', organisationName: 'Logopediepraktijk Spraakwater' }),
          action({ kind: 'trajectory_consent', trajectoryId: 't1', trajectoryType: 'logopedie', organisationName: 'Logopediepraktijk Spraakwater' }),
        ],
      }),
      homeChild({
        id: EMMA,
        givenName: 'Emma',
        dateOfBirth: '2019-04-12',
        day: { date: DATE, childId: EMMA, entries: [school({ title: 'School, Groep 2a' }), bso()] },
        actions: [action({ kind: 'place_offered', activityId: 'act-1', activityName: 'Zwemles', notificationId: 'n1' })],
      }),
    ],
    unreadNotifications: 3,
    unreadMessages: 0,
  };
}

export function dataExport(overrides: Partial<DataExport> = {}): DataExport {
  return {
    id: 'exp-1',
    childId: NOAH,
    status: 'queued',
    progress: 0,
    careDataIncluded: true,
    createdAt: '2026-03-25T09:00:00Z',
    readyAt: null,
    expiresAt: '2026-03-26T09:00:00Z',
    ...overrides,
  };
}

/** The parent app's API: /me, /me/home, and what the test adds. */
export function parentApi({
  me = parentMe,
  home = twoChildren(),
  read,
  write,
}: {
  me?: Me;
  home?: ParentHome;
  read?: (path: string, query: URLSearchParams) => Response | undefined;
  write?: WriteAnswer;
} = {}) {
  return mockApi({
    me,
    write,
    read: (path, query) => {
      if (path === '/me/home') return json(home);
      return read?.(path, query);
    },
  });
}
