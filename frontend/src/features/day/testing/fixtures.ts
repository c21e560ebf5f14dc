import type { Me } from '@/features/auth/api/get-me';
import type { AbsenceRead, DayEntry, GroupDay, GroupRead } from '@/features/day/types';
import { json, mockApi, testMe as me, type WriteAnswer } from '@/test/utils';

/* Test data for the day screens, shaped as the API sends it. Times are UTC instants; 25 March
   2026 is winter time in Amsterdam (UTC+1), so 07:30Z is 08:30 on the clock. */

export { invalid as invalidField, testMe as me } from '@/test/utils';

export const DATE = '2026-03-25';
export const CENTRE_ID = 'cccccccc-0000-4000-8000-000000000001';
export const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
export const ORG_BSO = 'aaaaaaaa-0000-4000-8000-000000000004';
export const ORG_SPORT = 'aaaaaaaa-0000-4000-8000-000000000005';
export const GROUP_4B = 'bbbbbbbb-0000-4000-8000-000000000001';
export const GROUP_5A = 'bbbbbbbb-0000-4000-8000-000000000002';
export const GROUP_BSO = 'bbbbbbbb-0000-4000-8000-000000000003';
export const NOAH = '00000000-0000-4000-8000-000000000001';
export const EMMA = '00000000-0000-4000-8000-000000000002';
export const LIAM = '00000000-0000-4000-8000-000000000003';

const stamp = { createdAt: '2025-08-01T09:00:00Z', updatedAt: '2025-08-01T09:00:00Z' };

export function group(overrides: Partial<GroupRead> = {}): GroupRead {
  return {
    ...stamp,
    id: GROUP_4B,
    centreId: CENTRE_ID,
    organisationId: ORG_SCHOOL,
    name: 'Groep 4b',
    kind: 'school_class',
    grade: 4,
    ...overrides,
  };
}

export const groups = {
  g4b: group(),
  g5a: group({ id: GROUP_5A, name: 'Groep 5a', grade: 5 }),
  bso: group({ id: GROUP_BSO, organisationId: ORG_BSO, name: 'BSO De Boomhut', kind: 'childcare_group', grade: null }),
};

export function entry(overrides: Partial<DayEntry> = {}): DayEntry {
  return {
    kind: 'school',
    title: 'School, Groep 4b',
    startsAt: `${DATE}T07:30:00Z`,
    endsAt: `${DATE}T13:30:00Z`,
    responsible: { organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', personName: null },
    where: { roomId: null, name: 'Groep 4b', buildingName: null },
    absent: false,
    absenceReason: null,
    attendance: null,
    ...overrides,
  };
}

export const school = (overrides: Partial<DayEntry> = {}) => entry(overrides);

export const judo = (overrides: Partial<DayEntry> = {}) =>
  entry({
    kind: 'activity',
    title: 'Judo',
    startsAt: `${DATE}T14:00:00Z`,
    endsAt: `${DATE}T15:00:00Z`,
    responsible: { organisationId: ORG_SPORT, organisationName: 'Sportclub Gooi', personName: 'Trainer Tom' },
    where: { roomId: 'r1', name: 'Gymzaal', buildingName: 'Hoofdgebouw De Regenboog' },
    ...overrides,
  });

export const bso = (overrides: Partial<DayEntry> = {}) =>
  entry({
    kind: 'out_of_school_care',
    title: 'BSO',
    startsAt: `${DATE}T13:30:00Z`,
    endsAt: `${DATE}T17:30:00Z`,
    responsible: { organisationId: ORG_BSO, organisationName: 'BSO Zonnestraal', personName: null },
    where: { roomId: null, name: 'BSO Zonnestraal', buildingName: null },
    ...overrides,
  });

export const wholeDayAbsence = (reason: DayEntry['absenceReason'] = 'ill') =>
  entry({
    kind: 'absence',
    title: 'Afgemeld',
    startsAt: null,
    endsAt: null,
    responsible: null,
    where: null,
    absent: true,
    absenceReason: reason,
  });

export function groupDay(overrides: Partial<GroupDay> = {}): GroupDay {
  return {
    date: DATE,
    groupId: GROUP_4B,
    groupName: 'Groep 4b',
    children: [
      { childId: NOAH, childName: 'Noah de Vries', entries: [school(), judo()] },
      {
        childId: EMMA,
        childName: 'Emma Jansen',
        entries: [wholeDayAbsence('ill'), school({ absent: true }), bso({ absent: true })],
      },
      { childId: LIAM, childName: 'Liam Bakker', entries: [bso(), school({ attendance: 'checked_in' })] },
    ],
    ...overrides,
  };
}

export function absence(overrides: Partial<AbsenceRead> = {}): AbsenceRead {
  return {
    id: 'eeeeeeee-0000-4000-8000-000000000001',
    childId: NOAH,
    from: '2026-03-26',
    to: '2026-03-27',
    reason: 'ill',
    note: null,
    reportedByName: 'Sanne de Vries',
    createdAt: '2026-03-25T07:00:00Z',
    withdrawn: false,
    ...overrides,
  };
}

export const memberships = {
  schoolStaff: { id: 'm1', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
  bsoStaff: { id: 'm2', organisationId: ORG_BSO, organisationName: 'BSO Zonnestraal', organisationType: 'childcare', role: 'staff' },
  care: { id: 'm3', organisationId: 'aaaaaaaa-0000-4000-8000-000000000002', organisationName: 'Zorgpartners Gooi', organisationType: 'care_provider', role: 'care_professional' },
} as const;

/** Sanne, a parent with no job at an organisation: she has the parent app (/ouder). */
export const parent = me([], { id: 'u-sanne', displayName: 'Sanne de Vries', isGuardian: true });

/** Sanne as a teacher at the school who is also a parent: she keeps the staff screens. */
export const teacherParent = me([memberships.schoolStaff], { id: 'u-sanne', displayName: 'Sanne de Vries', isGuardian: true });

export type DayApiOptions = {
  me?: Me;
  /** GET /groups, as filtered by `organisationId` / `centreId` / `mine`. */
  groups?: GroupRead[];
  /** GET /groups/{id}/day?date= */
  groupDay?: (groupId: string, date: string | null) => GroupDay | Response;
  /** GET /children/{id}/absences */
  absences?: AbsenceRead[];
  /** Answers a write itself; undefined: the default answer. */
  write?: WriteAnswer;
};

/** The day screens' API: /me, /groups, a group's day, absences, and the writes. */
export function dayApi(options: DayApiOptions = {}) {
  const caller = options.me ?? me([memberships.schoolStaff]);
  // `?mine=true` as the API decides it: the caller's organisations (staff and administrators),
  // and every group of the centres of a centre administrator.
  const ownOrganisations = new Set(
    caller.memberships.filter((m) => ['staff', 'org_admin', 'centre_admin'].includes(m.role)).map((m) => m.organisationId),
  );
  const administers = caller.memberships.some((m) => m.role === 'centre_admin');
  return mockApi({
    me: caller,
    write: options.write,
    defaultWrite: async (request, path) => {
      const check = /^\/children\/([\w-]+)\/daily-attendance\/([\d-]+)$/.exec(path);
      if (check && request.method === 'PUT') {
        const body = (await request.json()) as Record<string, string>;
        return json({
          childId: check[1],
          organisationId: body.organisationId ?? ORG_SCHOOL,
          day: check[2],
          checkedInAt: body.checkedInAt ?? null,
          checkedOutAt: body.checkedOutAt ?? null,
        });
      }
      const report = /^\/children\/([\w-]+)\/absences$/.exec(path);
      if (report) {
        const body = (await request.json()) as Partial<AbsenceRead>;
        return json(absence({ ...body, childId: report[1]!, id: 'eeeeeeee-0000-4000-8000-000000000099' }), { status: 201 });
      }
      const withdrawal = /^\/children\/([\w-]+)\/absences\/([\w-]+)\/withdrawal$/.exec(path);
      if (withdrawal) return json(absence({ id: withdrawal[2]!, withdrawn: true }));
      return undefined;
    },
    read: (path, query) => {
      if (path === '/groups') {
        const organisationId = query.get('organisationId');
        const centreId = query.get('centreId');
        const mine = query.get('mine') === 'true';
        const items = (options.groups ?? [groups.g4b, groups.g5a, groups.bso]).filter(
          (candidate) =>
            (!organisationId || candidate.organisationId === organisationId) &&
            (!centreId || candidate.centreId === centreId) &&
            (!mine || administers || ownOrganisations.has(candidate.organisationId)),
        );
        return json({ items, nextCursor: null });
      }
      const day = /^\/groups\/([\w-]+)\/day$/.exec(path);
      if (day) {
        const answer = options.groupDay?.(day[1]!, query.get('date')) ?? groupDay({ groupId: day[1]! });
        return answer instanceof Response ? answer : json(answer);
      }
      if (/^\/children\/[\w-]+\/absences$/.test(path)) return json(options.absences ?? []);
      return undefined;
    },
  });
}
