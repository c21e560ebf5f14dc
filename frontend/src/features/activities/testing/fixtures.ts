import type { Me } from '@/features/auth/api/get-me';
import type { ChildRead } from '@/features/children/api/get-children';
import { building, CENTRE_ID, GYM_ID, gym, classroom, me, membership } from '@/features/rooms/testing/fixtures';
import type { BuildingRead, RoomRead } from '@/features/rooms/types';
import type {
  ActivityCreate,
  ActivityRead,
  ActivitySession,
  ActivityUpdate,
  AttendanceMark,
  AttendanceRow,
  ChildCentreRead,
  EnrolmentRead,
  SessionCreate,
} from '@/features/activities/types';
import { json, mockApi, problem, problemWith, type WriteAnswer } from '@/test/utils';

/* Test data for the activities screens, shaped as the API sends it. */

export { CENTRE_ID, GYM_ID, problemWith };
export const ORG_SPORT = 'aaaaaaaa-0000-4000-8000-000000000005';
export const FOOTBALL_ID = '10000000-0000-4000-8000-000000000001';
export const DRAWING_ID = '10000000-0000-4000-8000-000000000002';
export const SAM_ID = '20000000-0000-4000-8000-000000000001';
export const NOOR_ID = '20000000-0000-4000-8000-000000000002';
export const OTHER_CENTRE_CHILD_ID = '20000000-0000-4000-8000-000000000003';
export const SESSION_TODAY = '30000000-0000-4000-8000-000000000001';
export const SESSION_NEXT = '30000000-0000-4000-8000-000000000002';
export const SESSION_PAST = '30000000-0000-4000-8000-000000000003';
export const NEW_ACTIVITY_ID = '10000000-0000-4000-8000-000000000099';
export const OTHER_CENTRE_ID = 'cccccccc-0000-4000-8000-000000000009';

const stamp = { createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z' };

export function activity(overrides: Partial<ActivityRead> = {}): ActivityRead {
  return {
    ...stamp,
    id: FOOTBALL_ID,
    centreId: CENTRE_ID,
    organisationId: ORG_SPORT,
    organisationName: 'Sportclub Gooi',
    title: 'Voetbal',
    description: 'Samen voetballen in de gymzaal.',
    category: 'sport',
    minAge: 8,
    maxAge: 12,
    groupIds: [],
    capacity: 16,
    costCents: null,
    enrolmentOpens: null,
    enrolmentCloses: null,
    enrolledCount: 11,
    waitlistCount: 0,
    placesLeft: 5,
    weekdays: ['tuesday', 'thursday'],
    nextSessionAt: '2026-09-08T13:00:00Z',
    enrolmentOpen: true,
    ...overrides,
  };
}

export const football = activity();
export const drawing = activity({
  id: DRAWING_ID,
  organisationId: 'aaaaaaaa-0000-4000-8000-000000000006',
  organisationName: 'Kunstwerkplaats',
  title: 'Tekenen en schilderen',
  category: 'culture',
  minAge: 6,
  maxAge: null,
  capacity: 10,
  costCents: 1250,
  enrolledCount: 10,
  waitlistCount: 3,
  placesLeft: 0,
  weekdays: ['wednesday'],
  nextSessionAt: '2026-09-09T12:30:00Z',
});

export function child(overrides: Partial<ChildRead> = {}): ChildRead {
  return {
    ...stamp,
    id: SAM_ID,
    centreId: CENTRE_ID,
    groupId: null,
    givenName: 'Sam',
    familyName: 'Jansen',
    dateOfBirth: '2016-04-02',
    hasBsn: false,
    contactPerson: null,
    ...overrides,
  };
}

export const sam = child();
export const noor = child({ id: NOOR_ID, givenName: 'Noor', dateOfBirth: '2017-11-20' });
/** A child of another centre: never offered here. */
export const cousin = child({ id: OTHER_CENTRE_CHILD_ID, givenName: 'Ties', centreId: 'cccccccc-0000-4000-8000-000000000009' });

let next = 0;

export function enrolment(overrides: Partial<EnrolmentRead> = {}): EnrolmentRead {
  next += 1;
  return {
    id: `40000000-0000-4000-8000-${String(next).padStart(12, '0')}`,
    activityId: FOOTBALL_ID,
    activityTitle: 'Voetbal',
    childId: SAM_ID,
    childName: 'Sam Jansen',
    groupName: 'Groep 5',
    status: 'enrolled',
    position: null,
    requestedAt: '2026-06-01T08:00:00Z',
    enrolledAt: '2026-06-01T08:00:00Z',
    cancelledAt: null,
    ...overrides,
  };
}

export function session(overrides: Partial<ActivitySession> = {}): ActivitySession {
  return {
    id: SESSION_TODAY,
    activityId: FOOTBALL_ID,
    startsAt: '2026-09-08T13:00:00Z',
    endsAt: '2026-09-08T14:00:00Z',
    roomId: GYM_ID,
    roomName: 'Gymzaal',
    bookingId: 'b1',
    bookingStatus: 'confirmed',
    cancelled: false,
    ...overrides,
  };
}

export function attendanceRow(overrides: Partial<AttendanceRow> = {}): AttendanceRow {
  return {
    childId: SAM_ID,
    childName: 'Sam Jansen',
    groupName: 'Groep 5',
    status: null,
    reportedAbsent: false,
    ...overrides,
  };
}

/** A parent with no job at an organisation. */
export const guardian: Me = { ...me([]), id: 'u-olga', displayName: 'Olga Jansen', isGuardian: true };

/** A coach of the sports club that runs "Voetbal". */
export const coach: Me = me([
  { id: 'm5', organisationId: ORG_SPORT, organisationName: 'Sportclub Gooi', organisationType: 'sport', role: 'staff' },
] as unknown as Me['memberships']);

/** A teacher of the school: sees the catalogue, runs none of it. */
export const teacher: Me = me([membership.school]);

/** Someone of the municipality: reads the figures, runs no activity. */
export const analyst: Me = me([membership.analyst]);

/** Someone working for two organisations: chooses which one offers a new activity. */
export const twoJobs: Me = me([
  { id: 'm5', organisationId: ORG_SPORT, organisationName: 'Sportclub Gooi', organisationType: 'sport', role: 'staff' },
  membership.school,
  membership.analyst,
] as unknown as Me['memberships']);

export function centre(overrides: Partial<ChildCentreRead> = {}): ChildCentreRead {
  return { ...stamp, id: CENTRE_ID, name: 'Kindcentrum De Regenboog', address: 'Schoolstraat 1, Hilversum', ...overrides };
}

export const regenboog = centre();
export const zonnebloem = centre({ id: OTHER_CENTRE_ID, name: 'Kindcentrum De Zonnebloem', address: null });

export type ActivitiesApiOptions = {
  me?: Me;
  /**
   * The catalogue, per request (its query: weekday, category, age, expand). An activity's own
   * `myEnrolments`, if given, is what `?expand=myEnrolments` answers for it.
   */
  activities?: (query: URLSearchParams) => ActivityRead[];
  /**
   * An activity's enrolments: GET /activities/{id}/enrolments, and (the own children's, not
   * cancelled) the catalogue's `myEnrolments` when the activity does not bring its own.
   */
  enrolments?: (activityId: string) => EnrolmentRead[];
  sessions?: (activityId: string) => ActivitySession[];
  attendance?: (sessionId: string) => AttendanceRow[];
  children?: ChildRead[];
  rooms?: RoomRead[];
  buildings?: BuildingRead[];
  /** GET /child-centres (one page). */
  centres?: ChildCentreRead[];
  /** Answers a write itself; undefined: the default answer. */
  write?: WriteAnswer;
};

/** The activities screens' API: /me, the catalogue, one activity, sessions, enrolments, attendance. */
export function activitiesApi(options: ActivitiesApiOptions = {}) {
  const catalogue = options.activities ?? (() => [football, drawing]);
  const all = () => catalogue(new URLSearchParams());
  return mockApi({
    me: options.me ?? guardian,
    write: options.write,
    defaultWrite: (request, path) => defaultWrite(request, path, options),
    read: (path, query) => {
      if (path === '/children') return json({ items: options.children ?? [sam, noor, cousin], nextCursor: null });
      if (path === '/rooms') return json(options.rooms ?? [gym, classroom]);
      if (path === '/buildings') return json(options.buildings ?? [building]);
      if (path === '/child-centres') return json({ items: options.centres ?? [regenboog], nextCursor: null });
      if (path === '/activities') return json(withMyEnrolments(catalogue(query), query, options));
      const one = /^\/activities\/([\w-]+)$/.exec(path);
      if (one) {
        const found = all().find((candidate) => candidate.id === one[1]);
        return found ? json(found) : problem(404, 'The activity does not exist or is not visible to you.');
      }
      const enrolments = /^\/activities\/([\w-]+)\/enrolments$/.exec(path);
      if (enrolments) return json(options.enrolments?.(enrolments[1]!) ?? []);
      const sessions = /^\/activities\/([\w-]+)\/sessions$/.exec(path);
      if (sessions) return json(options.sessions?.(sessions[1]!) ?? []);
      const attendance = /^\/activities\/([\w-]+)\/sessions\/([\w-]+)\/attendance$/.exec(path);
      if (attendance) {
        const found = (options.sessions?.(attendance[1]!) ?? []).find((s) => s.id === attendance[2]);
        if (!found) return problem(404, 'Not found');
        return json({ session: found, items: options.attendance?.(attendance[2]!) ?? [] });
      }
      return undefined;
    },
  });
}

/**
 * As the server answers GET /activities: `myEnrolments` only when asked for with
 * `?expand=myEnrolments`, then the caller's own children's enrolments, enrolled or waiting.
 */
function withMyEnrolments(list: ActivityRead[], query: URLSearchParams, options: ActivitiesApiOptions): ActivityRead[] {
  const expanded = (query.get('expand') ?? '').split(',').includes('myEnrolments');
  const own = new Set((options.children ?? [sam, noor, cousin]).map((c) => c.id));
  return list.map(({ myEnrolments, ...rest }) => {
    if (!expanded) return rest;
    const mine =
      myEnrolments ??
      (options.enrolments?.(rest.id) ?? []).filter((e) => e.status !== 'cancelled' && own.has(e.childId));
    return { ...rest, myEnrolments: mine };
  });
}

async function defaultWrite(request: Request, path: string, options: ActivitiesApiOptions): Promise<Response | undefined> {
  if (path === '/activities' && request.method === 'POST') {
    const { groupIds, organisationId, ...body } = (await request.json()) as ActivityCreate;
    return json(
      activity({
        ...body,
        id: NEW_ACTIVITY_ID,
        organisationId: organisationId ?? ORG_SPORT,
        groupIds: groupIds ?? [],
        enrolledCount: 0,
        waitlistCount: 0,
        placesLeft: body.capacity,
        weekdays: [],
        nextSessionAt: null,
      }),
      { status: 201 },
    );
  }
  const one = /^\/activities\/([\w-]+)$/.exec(path);
  if (one && request.method === 'PATCH') {
    const found = (options.activities?.(new URLSearchParams()) ?? [football, drawing]).find((a) => a.id === one[1]);
    if (!found) return problem(404, 'The activity does not exist or is not visible to you.');
    const changes = (await request.json()) as ActivityUpdate;
    const kept = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
    return json({ ...found, ...kept });
  }
  if (one && request.method === 'DELETE') return new Response(null, { status: 204 });
  const called = /^\/activities\/([\w-]+)\/sessions\/([\w-]+)\/cancellation$/.exec(path);
  if (called && request.method === 'POST') {
    const found = (options.sessions?.(called[1]!) ?? []).find((s) => s.id === called[2]);
    if (!found) return problem(404, 'Not found');
    return json({ ...found, cancelled: true, bookingStatus: 'cancelled' });
  }
  const enrol = /^\/activities\/([\w-]+)\/enrolments$/.exec(path);
  if (enrol && request.method === 'POST') {
    const { childId } = (await request.json()) as { childId: string };
    const found = (options.children ?? [sam, noor]).find((c) => c.id === childId);
    return json(
      enrolment({ activityId: enrol[1]!, childId, childName: found ? `${found.givenName} ${found.familyName}` : 'Kind' }),
      { status: 201 },
    );
  }
  const cancel = /^\/activities\/([\w-]+)\/enrolments\/([\w-]+)\/cancellation$/.exec(path);
  if (cancel) {
    const listed = [
      ...(options.enrolments?.(cancel[1]!) ?? []),
      ...(options.activities?.(new URLSearchParams()) ?? []).flatMap((a) => a.myEnrolments ?? []),
    ];
    const found = listed.find((e) => e.id === cancel[2]);
    return json({ ...(found ?? enrolment({ id: cancel[2]! })), status: 'cancelled', position: null, cancelledAt: '2026-09-01T10:00:00Z' });
  }
  const create = /^\/activities\/([\w-]+)\/sessions$/.exec(path);
  if (create && request.method === 'POST') {
    const body = (await request.json()) as SessionCreate;
    return json(
      { items: [session({ id: 'new-1', startsAt: body.startsAt, endsAt: body.endsAt, roomId: body.roomId })], skipped: [] },
      { status: 201 },
    );
  }
  const attendance = /^\/activities\/([\w-]+)\/sessions\/([\w-]+)\/attendance$/.exec(path);
  if (attendance && request.method === 'PUT') {
    const { items } = (await request.json()) as { items: AttendanceMark[] };
    const rows = (options.attendance?.(attendance[2]!) ?? []).map((row) => {
      const mark = items.find((item) => item.childId === row.childId);
      return mark ? { ...row, status: mark.status } : row;
    });
    const found = (options.sessions?.(attendance[1]!) ?? []).find((s) => s.id === attendance[2]) ?? session();
    return json({ session: found, items: rows });
  }
  return undefined;
}

/** The requests sent to a path (without the API prefix), optionally of one method. */
export function sent(requests: Request[], pattern: RegExp, method?: string): Request[] {
  return requests.filter(
    (r) => (!method || r.method === method) && pattern.test(new URL(r.url).pathname.replace('/api/v1', '')),
  );
}

/** A 409 of an enrolment, its reason in the problem's `reason` member. */
export function enrolmentConflict(reason: string, detail = 'Refused.'): Response {
  return problemWith(409, detail, { reason });
}
