import type { Me } from '@/features/auth/api/get-me';
import {
  BUILDING_ID,
  building,
  CENTRE_ID,
  CLASSROOM_ID,
  GYM_ID,
  ORG_BSO,
  ORG_SCHOOL,
} from '@/features/rooms/testing/fixtures';
import type { BuildingRead } from '@/features/rooms/types';
import type { FloorAreaReport, RoomNormRead, Role, UtilisationReport } from '@/features/room-reports/types';
import { json, mockFetch, problem } from '@/test/utils';

/* Test data for the room reports, shaped as the API sends it. */

// The ids and the building the rooms screens' tests use too: one world for both.
export { BUILDING_ID, building, CENTRE_ID, CLASSROOM_ID, GYM_ID, ORG_BSO, ORG_SCHOOL };
export const ORG_SPORT = 'aaaaaaaa-0000-4000-8000-000000000005';
export const ANNEX_ID = 'bbbbbbbb-0000-4000-8000-000000000002';
export const LIBRARY_ID = 'dddddddd-0000-4000-8000-000000000003';

export const annex: BuildingRead = { ...building, id: ANNEX_ID, name: 'Dependance', grossFloorAreaM2: null };

const memberships: Record<Role, Me['memberships'][number]> = {
  centre_admin: { id: 'm1', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'centre_admin' },
  org_admin: { id: 'm2', organisationId: ORG_BSO, organisationName: 'BSO Zonnestraal', organisationType: 'childcare', role: 'org_admin' },
  staff: { id: 'm3', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'staff' },
  care_professional: { id: 'm4', organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', organisationType: 'school', role: 'care_professional' },
  municipality_analyst: { id: 'm5', organisationId: 'aaaaaaaa-0000-4000-8000-000000000009', organisationName: 'Gemeente Hilversum', organisationType: 'municipality', role: 'municipality_analyst' },
};

/** Someone with these roles, each at a fitting organisation. */
export function me(...roles: Role[]): Me {
  return {
    id: 'u-1',
    tenantId: 't',
    email: 'iemand@regenboog.demo',
    displayName: 'Anna Analist',
    language: null,
    roles,
    memberships: roles.map((role) => memberships[role]),
    isGuardian: false,
    careCoordinatorCentreIds: [],
    twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
  };
}

/** A week of booked hours, Monday first, 24 hours a day: zero except where `cells` says. */
export function heatmap(cells: Array<[day: number, hour: number, hours: number]>): number[][] {
  const rows = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const [day, hour, hours] of cells) rows[day]![hour] = hours;
  return rows;
}

export function utilisationReport(overrides: Partial<UtilisationReport> = {}): UtilisationReport {
  return {
    buildingId: BUILDING_ID,
    from: '2026-08-01',
    to: '2027-07-31',
    bookedHours: 1234.5,
    openingHours: 2750,
    utilisation: 0.4489,
    afterSchoolHours: 310.25,
    holidayHours: 42,
    rooms: [
      {
        roomId: GYM_ID,
        name: 'Gymzaal',
        type: 'gym',
        floorAreaM2: 300,
        ownerOrganisationId: ORG_SCHOOL,
        openingHours: 2750,
        bookedHours: 1500.5,
        utilisation: 0.5456,
        afterSchoolHours: 300,
        holidayHours: 40,
        noShowHours: 3,
        organisationCount: 2,
        byOrganisation: [
          { organisationId: ORG_SCHOOL, organisationName: 'Basisschool De Regenboog', hours: 1300 },
          { organisationId: ORG_BSO, organisationName: 'BSO Zonnestraal', hours: 200.5 },
        ],
      },
      {
        roomId: CLASSROOM_ID,
        name: 'Lokaal 3',
        type: 'classroom',
        floorAreaM2: 60,
        ownerOrganisationId: ORG_SCHOOL,
        openingHours: null,
        bookedHours: 34,
        utilisation: null,
        afterSchoolHours: 10.25,
        holidayHours: 2,
        noShowHours: 0,
        organisationCount: 1,
        byOrganisation: [{ organisationId: ORG_BSO, organisationName: 'BSO Zonnestraal', hours: 34 }],
      },
    ],
    organisations: [
      {
        organisationId: ORG_SCHOOL,
        organisationName: 'Basisschool De Regenboog',
        organisationType: 'school',
        bookedHours: 1300,
        hoursInRoomsOfOthers: 0,
        roomsUsed: 1,
      },
      {
        organisationId: ORG_BSO,
        organisationName: 'BSO Zonnestraal',
        organisationType: 'childcare',
        bookedHours: 234.5,
        hoursInRoomsOfOthers: 234.5,
        roomsUsed: 2,
      },
    ],
    heatmap: heatmap([
      [0, 8, 38],
      [0, 9, 12.5],
      [2, 15, 20],
      [5, 10, 4],
      [6, 6, 3],
      [4, 22, 1.5],
    ]),
    ...overrides,
  };
}

export function floorAreaReport(overrides: Partial<FloorAreaReport> = {}): FloorAreaReport {
  return {
    buildingId: BUILDING_ID,
    referenceDate: '2026-10-01',
    from: '2025-10-02',
    to: '2026-10-01',
    pupils: 212,
    baseM2: 200,
    perPupilM2: 5.03,
    normedM2: 1266.36,
    actualM2: 2400,
    differenceM2: 1133.64,
    childcareHoursInEducationRooms: 1234.5,
    childcareEquivalentM2: 85.4,
    underUsedRooms: [{ roomId: LIBRARY_ID, name: 'Bibliotheek', floorAreaM2: 80, utilisation: 0.12 }],
    ...overrides,
  };
}

export const defaultNorm: RoomNormRead = {
  baseM2: 200,
  perPupilM2: 5.03,
  afterSchoolFrom: '15:00',
  wednesdayAfternoonFrom: '12:00',
  isDefault: true,
};

export type ReportsApiOptions = {
  me?: Me;
  buildings?: BuildingRead[];
  /** The utilisation report per request; a Response (a 403) is sent as it is. */
  utilisation?: (query: URLSearchParams) => UtilisationReport | Response;
  floorArea?: (query: URLSearchParams) => FloorAreaReport | Response;
  norm?: RoomNormRead;
  /** Answers PUT /room-norm; by default it echoes the body as the municipality's own norm. */
  putNorm?: (body: unknown) => Response;
};

/** The reports' API: /me, /buildings, the two reports and the norm. */
export function reportsApi(options: ReportsApiOptions = {}) {
  return mockFetch(async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/api/v1', '');
    if (path === '/room-norm' && request.method === 'PUT') {
      const body = await request.clone().json();
      return options.putNorm?.(body) ?? json({ ...(body as object), isDefault: false });
    }
    if (request.method !== 'GET') return problem(405, 'Method not allowed');
    if (path === '/me') return json(options.me ?? me('municipality_analyst'));
    if (path === '/buildings') return json(options.buildings ?? [building]);
    if (path === '/room-norm') return json(options.norm ?? defaultNorm);
    if (path === '/reports/room-utilisation') {
      const answer = options.utilisation?.(url.searchParams) ?? utilisationReport();
      return answer instanceof Response ? answer : json(answer);
    }
    if (path === '/reports/floor-area') {
      const answer = options.floorArea?.(url.searchParams) ?? floorAreaReport();
      return answer instanceof Response ? answer : json(answer);
    }
    return problem(404, 'Not found');
  });
}

/** A 400 naming fields with codes, as pydantic's refusals arrive (`#/perPupilM2`). */
export function invalid(errors: Array<{ location: string; code: string; detail?: string }>): Response {
  return new Response(
    JSON.stringify({
      type: 'https://kindcentraal.nl/problems/invalid-input',
      title: 'Invalid input',
      status: 400,
      detail: 'The request is not valid.',
      errors: errors.map((error) => ({ in: 'body', detail: 'Refused.', ...error })),
    }),
    { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** The 403 the reports answer to someone who does not read them. */
export function forbidden(): Response {
  return problem(403, "The reports are for the centre's management, its organisations' administrators and the municipality.");
}

export const paths = (requests: Request[]) => requests.map((r) => new URL(r.url).pathname.replace('/api/v1', ''));
