import type { Me } from '@/features/auth/api/get-me';
import type { BookingRead, BuildingRead, HolidayRead, RoomRead } from '@/features/rooms/types';
import { json, mockApi, problem, testMe, type WriteAnswer } from '@/test/utils';

/* Test data for the rooms screens, shaped as the API sends it. */

export { invalid, problemWith } from '@/test/utils';

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

/** Lotte, by default a teacher of the school. */
export function me(memberships: Me['memberships'] = [membership.school]): Me {
  return testMe(memberships);
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
  write?: WriteAnswer;
};

/** The rooms screens' API: /me, buildings, a building's page (rooms, holidays, organisations), bookings. */
export function roomsApi(options: RoomsApiOptions = {}) {
  return mockApi({
    me: options.me ?? me(),
    write: options.write,
    defaultWrite: async (request, path) => {
      if (path === '/bookings') return json({ seriesId: null, items: [booking()], skipped: [] }, { status: 201 });
      const transition = /^\/bookings\/([\w-]+)\/transitions$/.exec(path);
      if (!transition) return undefined;
      const { to } = (await request.json()) as { to: 'confirmed' | 'cancelled' };
      return json(booking({ id: transition[1]!, status: to }));
    },
    read: (path, query) => {
      if (path === '/organisations') return json({ items: organisations, nextCursor: null });
      if (path === '/buildings') return json(options.buildings ?? [building]);
      const page = /^\/buildings\/([\w-]+)$/.exec(path);
      if (page) {
        const found = (options.buildings ?? [building]).find((candidate) => candidate.id === page[1]);
        if (!found) return problem(404, 'Not found');
        const parts = new Set((query.get('expand') ?? '').split(','));
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
      if (path === '/bookings') return json(options.bookings?.(query) ?? []);
      return undefined;
    },
  });
}
