import type { Me } from '@/features/auth/api/get-me';
import type { BookingRead, BuildingRead, HolidayRead, RoomRead } from '@/features/rooms/types';
import { json, mockFetch, problem } from '@/test/utils';

/* Test data for the rooms screens, shaped as the API sends it. */

export const CENTRE_ID = 'cccccccc-0000-4000-8000-000000000001';
export const ORG_SCHOOL = 'aaaaaaaa-0000-4000-8000-000000000001';
export const ORG_CARE = 'aaaaaaaa-0000-4000-8000-000000000002';
export const ORG_BSO = 'aaaaaaaa-0000-4000-8000-000000000004';
export const BUILDING_ID = 'bbbbbbbb-0000-4000-8000-000000000001';
export const GYM_ID = 'dddddddd-0000-4000-8000-000000000001';
export const CLASSROOM_ID = 'dddddddd-0000-4000-8000-000000000002';

const stamp = { createdAt: '2026-01-05T09:00:00Z', updatedAt: '2026-01-05T09:00:00Z' };

export const building: BuildingRead = {
  ...stamp,
  id: BUILDING_ID,
  centreId: CENTRE_ID,
  name: 'Hoofdgebouw De Regenboog',
  address: 'Regenbooglaan 1, Hilversum',
  grossFloorAreaM2: 2400,
};

export function room(overrides: Partial<RoomRead> = {}): RoomRead {
  return {
    ...stamp,
    id: GYM_ID,
    buildingId: BUILDING_ID,
    name: 'Gymzaal',
    type: 'gym',
    floorAreaM2: 300,
    capacity: 30,
    ownerOrganisationId: ORG_SCHOOL,
    features: [],
    openingHours: {
      monday: { opens: '07:00', closes: '18:30' },
      tuesday: { opens: '07:00', closes: '18:30' },
      wednesday: { opens: '07:00', closes: '18:30' },
      thursday: { opens: '07:00', closes: '18:30' },
      friday: { opens: '07:00', closes: '18:30' },
    },
    bookableBy: ['school', 'childcare', 'sport'],
    needsApproval: true,
    checkInRequired: false,
    ...overrides,
  };
}

export const gym = room();
export const classroom = room({
  id: CLASSROOM_ID,
  name: 'Lokaal 3',
  type: 'classroom',
  capacity: 28,
  openingHours: {},
  needsApproval: false,
});

let next = 0;

export function booking(overrides: Partial<BookingRead> = {}): BookingRead {
  next += 1;
  return {
    id: `eeeeeeee-0000-4000-8000-${String(next).padStart(12, '0')}`,
    roomId: GYM_ID,
    organisationId: ORG_SCHOOL,
    organisationName: 'Basisschool De Regenboog',
    detail: 'full',
    startsAt: '2026-03-25T13:00:00Z',
    endsAt: '2026-03-25T14:00:00Z',
    status: 'confirmed',
    seriesId: null,
    purpose: 'Gymles groep 5',
    bookedById: 'u-lotte',
    bookedByName: 'Lotte Leerkracht',
    attendees: 24,
    activityId: null,
    trajectorySessionId: null,
    checkedInAt: null,
    released: false,
    ...overrides,
  };
}

/** Another organisation's booking, as the API shows it to us: only that the room is taken. */
export function busy(overrides: Partial<BookingRead> = {}): BookingRead {
  const { purpose: _purpose, bookedById: _by, bookedByName: _name, attendees: _attendees, ...rest } = booking({
    organisationId: ORG_BSO,
    organisationName: 'BSO Zonnestraal',
    detail: 'busy',
    ...overrides,
  });
  return rest as BookingRead;
}

export const springBreak: HolidayRead = {
  ...stamp,
  id: 'ffffffff-0000-4000-8000-000000000001',
  centreId: CENTRE_ID,
  name: 'Studiedag team',
  kind: 'study_day',
  startDate: '2026-03-27',
  endDate: '2026-03-27',
};

export const membership = {
  school: { id: 'm1', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
  care: { id: 'm2', organisationId: ORG_CARE, organisationName: 'Zorgpartners Gooi', organisationType: 'care_provider', role: 'care_professional' },
  analyst: { id: 'm3', organisationId: 'aaaaaaaa-0000-4000-8000-000000000009', organisationName: 'Gemeente', organisationType: 'municipality', role: 'municipality_analyst' },
} as const;

export function me(memberships: Me['memberships'] = [membership.school]): Me {
  return {
    id: 'u-lotte',
    tenantId: 't',
    email: 'lotte@regenboog.demo',
    displayName: 'Lotte Leerkracht',
    roles: memberships.map((m) => m.role),
    memberships,
    isGuardian: false,
    twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
  } as Me;
}

export const organisations = [
  { id: ORG_SCHOOL, name: 'Basisschool De Regenboog', type: 'school', centreIds: [CENTRE_ID], ...stamp },
  { id: ORG_CARE, name: 'Zorgpartners Gooi', type: 'care_provider', centreIds: [CENTRE_ID], ...stamp },
  { id: ORG_BSO, name: 'BSO Zonnestraal', type: 'childcare', centreIds: [CENTRE_ID], ...stamp },
];

export type RoomsApiOptions = {
  me?: Me;
  buildings?: BuildingRead[];
  rooms?: RoomRead[];
  holidays?: HolidayRead[];
  /** The calendar's bookings, per request (the `from` and `to` asked for). */
  bookings?: (query: URLSearchParams) => BookingRead[];
  /** Answers a write (POST /bookings, transitions) itself; undefined: the default answer. */
  write?: (request: Request) => Response | undefined | Promise<Response | undefined>;
};

/** The rooms screens' API: /me, buildings, a building's page (rooms, holidays, organisations), bookings. */
export function roomsApi(options: RoomsApiOptions = {}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (request.method !== 'GET') {
      const answer = await options.write?.(request.clone());
      if (answer) return answer;
      if (path === '/bookings') return json({ seriesId: null, items: [booking()], skipped: [] }, { status: 201 });
      const transition = /^\/bookings\/([\w-]+)\/transitions$/.exec(path);
      if (transition) {
        const { to } = (await request.json()) as { to: 'confirmed' | 'cancelled' };
        return json(booking({ id: transition[1]!, status: to }));
      }
      return problem(404, 'Not found');
    }
    if (path === '/me') return json(options.me ?? me());
    if (path === '/notifications') return json({ items: [], nextCursor: null, unreadCount: 0 });
    if (path === '/organisations') return json({ items: organisations, nextCursor: null });
    if (path === '/buildings') return json(options.buildings ?? [building]);
    const page = /^\/buildings\/([\w-]+)$/.exec(path);
    if (page) {
      const found = (options.buildings ?? [building]).find((candidate) => candidate.id === page[1]);
      if (!found) return problem(404, 'Not found');
      const parts = new Set((url.searchParams.get('expand') ?? '').split(','));
      const rooms = (options.rooms ?? [gym, classroom]).filter((room) => room.buildingId === found.id);
      return json({
        ...found,
        embedded: {
          ...(parts.has('rooms') ? { rooms } : {}),
          ...(parts.has('holidays') ? { holidays: options.holidays ?? [] } : {}),
          ...(parts.has('organisations') ? { organisations: organisations.filter((o) => o.centreIds.includes(found.centreId)) } : {}),
        },
      });
    }
    if (path === '/bookings') return json(options.bookings?.(url.searchParams) ?? []);
    return problem(404, 'Not found');
  });
}

/** A problem+json answer with extension members (`errors`, `conflicts`). */
export function problemWith(status: number, detail: string, extra: Record<string, unknown>): Response {
  return new Response(
    JSON.stringify({ type: `https://kindcentraal.nl/problems/${status}`, title: 'Error', status, detail, ...extra }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A 400 naming one field and a code, as the rules of a room answer. */
export function invalid(location: string, code: string, detail = 'Refused.'): Response {
  return problemWith(400, detail, { errors: [{ in: 'body', location, code, detail }] });
}
