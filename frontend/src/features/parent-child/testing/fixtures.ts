import type { Me } from '@/features/auth/api/get-me';
import { enrolment } from '@/features/activities/testing/fixtures';
import type { ActivityRead } from '@/features/activities/types';
import { absence, school } from '@/features/day/testing/fixtures';
import type { ParentHome, ParentHomeChild } from '@/features/parent/types';
import { plan, trajectory } from '@/features/support/testing/fixtures';
import type {
  AccessVisit,
  AccessVisitPage,
  CareTeamMember,
  ConsentRead,
  DailyTeamMember,
  ParentChildDetail,
  ParentChildEmbedded,
} from '@/features/parent-child/types';
import { json, mockApi, problem, testMe, type WriteAnswer } from '@/test/utils';

/* Test data for the parent's screens about one child: a parent (Sanne) with two children. */

export { absence, enrolment, plan, trajectory };

export const NOOR_ID = '20000000-0000-4000-8000-000000000002';
export const SAM_ID = '20000000-0000-4000-8000-000000000001';
export const CENTRE_ID = 'cccccccc-0000-4000-8000-000000000001';
export const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
export const ORG_LOGO = 'aaaaaaaa-0000-4000-8000-000000000003';
export const ORG_JEUGD = 'aaaaaaaa-0000-4000-8000-000000000007';

export const sanne: Me = testMe([], { id: 'u-sanne', displayName: 'Sanne Jansen', isGuardian: true });

/** Born so many years ago today (minus a day): `years` old now. */
export const bornYearsAgo = (years: number) => {
  const date = new Date();
  date.setFullYear(date.getFullYear() - years);
  date.setDate(date.getDate() - 1);
  return date.toISOString().slice(0, 10);
};

export function homeChild(overrides: Partial<ParentHomeChild> = {}): ParentHomeChild {
  return {
    id: NOOR_ID,
    givenName: 'Noor',
    familyName: 'Jansen',
    dateOfBirth: bornYearsAgo(9),
    hasParentalAuthority: true,
    contactPerson: null,
    day: { date: '2026-03-25', childId: NOOR_ID, entries: [] },
    actions: [],
    ...overrides,
  };
}

/** Noor (9, the oldest: the first colour) and Sam (7). */
export function home(overrides: Partial<ParentHomeChild>[] = [{}, {}]): ParentHome {
  const [noor = {}, sam = {}] = overrides;
  return {
    children: [
      homeChild(noor),
      homeChild({
        id: SAM_ID,
        givenName: 'Sam',
        dateOfBirth: bornYearsAgo(7),
        day: { date: '2026-03-25', childId: SAM_ID, entries: [] },
        ...sam,
      }),
    ],
    unreadNotifications: 0,
    unreadMessages: 0,
  };
}

export function careMember(overrides: Partial<CareTeamMember> = {}): CareTeamMember {
  return {
    id: 'ct-1',
    childId: NOOR_ID,
    userId: 'u-ilse',
    displayName: 'Ilse Klank',
    organisationId: ORG_LOGO,
    organisationName: 'Logopediepraktijk De Klank',
    role: 'logopedist',
    sinceDate: '2025-09-01',
    untilDate: null,
    trajectoryId: null,
    consentInForce: true,
    ...overrides,
  };
}

export function consent(overrides: Partial<ConsentRead> = {}): ConsentRead {
  return {
    id: 'dddddddd-0000-4000-8000-000000000001',
    childId: NOOR_ID,
    organisationId: ORG_LOGO,
    organisationName: 'Logopediepraktijk De Klank',
    purpose: 'care_team',
    trajectoryType: null,
    givenById: 'u-sanne',
    givenByName: 'Sanne Jansen',
    childAlsoConsented: false,
    givenAt: '2025-09-01T10:00:00+02:00',
    validUntil: null,
    withdrawnAt: null,
    withdrawnByName: null,
    inForce: true,
    ...overrides,
  };
}

export const dailyTeam: DailyTeamMember[] = [
  { kind: 'school', organisationName: 'Basisschool De Regenboog', groupName: 'Groep 5A', personName: null, activityName: null },
  { kind: 'contact_person', organisationName: 'Basisschool De Regenboog', groupName: null, personName: 'Lotte Leerkracht', activityName: null },
  { kind: 'activity', organisationName: 'Sportclub Gooi', groupName: null, personName: null, activityName: 'Voetbal' },
];

export function childDetail(
  overrides: Partial<Omit<ParentChildDetail, 'embedded'>> = {},
  embedded: ParentChildEmbedded = {},
): ParentChildDetail {
  return {
    createdAt: '2025-08-01T09:00:00Z',
    updatedAt: '2025-08-01T09:00:00Z',
    id: NOOR_ID,
    centreId: CENTRE_ID,
    groupId: null,
    givenName: 'Noor',
    familyName: 'Jansen',
    dateOfBirth: bornYearsAgo(9),
    hasBsn: false,
    contactPerson: { userId: 'u-lotte', displayName: 'Lotte Leerkracht' },
    ...overrides,
    embedded,
  };
}

export function visit(overrides: Partial<AccessVisit> = {}): AccessVisit {
  return {
    startedAt: '2026-03-24T09:02:00Z',
    endedAt: '2026-03-24T09:15:00Z',
    actorName: 'Lotte Leerkracht',
    organisationName: 'Basisschool De Regenboog',
    role: 'staff',
    eventCount: 3,
    resources: ['child', 'care-team'],
    actions: ['read'],
    denied: 0,
    ...overrides,
  };
}

export type ParentChildApiOptions = {
  me?: Me;
  home?: ParentHome;
  /** GET /children/{childId}?expand=…; a Response answers as is. */
  child?: (childId: string, expand: string[]) => ParentChildDetail | Response | undefined;
  /** GET /children/{childId}/access-log/visits, per cursor. */
  visits?: (childId: string, cursor: string | null) => AccessVisitPage | Response;
  /** GET /activities (the catalogue; `myEnrolments` as given). */
  activities?: () => ActivityRead[];
  write?: WriteAnswer;
};

/** The API of the parent's child screens: /me, /me/home, the child page, visits, the catalogue. */
export function parentChildApi(options: ParentChildApiOptions = {}) {
  const family = options.home ?? home();
  return mockApi({
    me: options.me ?? sanne,
    write: options.write,
    read: (path, query) => {
      if (path === '/me/home') return json(family);
      const visits = /^\/children\/([\w-]+)\/access-log\/visits$/.exec(path);
      if (visits) {
        const page = options.visits?.(visits[1]!, query.get('cursor')) ?? { items: [], nextCursor: null };
        return page instanceof Response ? page : json(page);
      }
      const one = /^\/children\/([\w-]+)$/.exec(path);
      if (one) {
        const found = options.child?.(one[1]!, (query.get('expand') ?? '').split(',').filter(Boolean));
        if (found instanceof Response) return found;
        return found ? json(found) : problem(404, 'The child does not exist or is not visible to you.');
      }
      if (path === '/activities') return json(options.activities?.() ?? []);
      return undefined;
    },
  });
}

/** The requests sent to a path (without the API prefix), optionally of one method. */
export function sent(requests: Request[], pattern: RegExp, method?: string): Request[] {
  return requests.filter(
    (r) => (!method || r.method === method) && pattern.test(new URL(r.url).pathname.replace('/api/v1', '')),
  );
}

export { school };
