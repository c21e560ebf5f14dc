import type { Me } from '@/features/auth/api/get-me';
import type { Translate } from '@/features/outcomes/utils/periods';
import { i18n } from '@/lib/i18n';
import type { Indicator, IndicatorId, OutcomeCell, OutcomeReport, OutcomeRow } from '@/features/outcomes/types';

/* Test data for the outcome reports, shaped as GET /reports/outcomes sends it. */

export const REGENBOOG = '1453a4f5-5883-4736-8e20-34fafda82e2b';
export const KOMPAS = '438d2405-e8dd-4fa8-b85c-194d67ca66be';

export const value = (n: number | null): OutcomeCell => ({ value: n, suppressed: false });
export const hidden: OutcomeCell = { value: null, suppressed: true };

export function row(
  period: string | null,
  group: string | null,
  values: Record<string, OutcomeCell>,
  extra: Partial<OutcomeRow> = {},
): OutcomeRow {
  return { period, centreId: null, group, label: null, values, ...extra };
}

export function indicator(
  id: IndicatorId,
  groupBy: string | null,
  measures: string[],
  series: OutcomeRow[],
  byCentre: OutcomeRow[] = [],
): Indicator {
  return { id, groupBy, measures, series, byCentre };
}

const WAITING = [
  'requests',
  'medianDaysToIntake',
  'p90DaysToIntake',
  'shareIntakeWithinNorm',
  'medianDaysToStart',
  'p90DaysToStart',
  'shareStartWithinNorm',
];

function waiting(requests: number, share: number): Record<string, OutcomeCell> {
  return {
    requests: value(requests),
    medianDaysToIntake: value(8),
    p90DaysToIntake: value(14),
    shareIntakeWithinNorm: value(0.9),
    medianDaysToStart: value(12.5),
    p90DaysToStart: value(20),
    shareStartWithinNorm: value(share),
  };
}

const allHidden = Object.fromEntries(WAITING.map((m) => [m, hidden]));
const nothing = { requests: value(0), ...Object.fromEntries(WAITING.slice(1).map((m) => [m, value(null)])) };

/** Two school years; logopedie measured both years, passend onderwijs hidden, fysiotherapie empty. */
export function outcomeReport(overrides: Partial<OutcomeReport> = {}): OutcomeReport {
  return {
    centreId: null,
    from: '2024-08-01',
    to: '2026-07-31',
    interval: 'schoolYear',
    trajectoryType: null,
    smallCellThreshold: 10,
    periods: [
      { key: '2024-2025', from: '2024-08-01', to: '2025-07-31' },
      { key: '2025-2026', from: '2025-08-01', to: '2026-07-31' },
    ],
    centres: [
      { centreId: KOMPAS, name: 'Basisschool De Kompas' },
      { centreId: REGENBOOG, name: 'IKC De Regenboog' },
    ],
    indicators: [
      indicator(
        'waitingTime',
        'trajectoryType',
        WAITING,
        [
          row('2024-2025', 'logopedie', waiting(21, 0.64)),
          row('2024-2025', 'passend_onderwijs', allHidden),
          row('2024-2025', 'fysiotherapie', nothing),
          row('2024-2025', null, waiting(40, 0.5)),
          row('2025-2026', 'logopedie', waiting(30, 0.78)),
          row('2025-2026', 'passend_onderwijs', allHidden),
          row('2025-2026', 'fysiotherapie', nothing),
          row('2025-2026', null, waiting(52, 0.6)),
        ],
        [
          row(null, 'logopedie', waiting(41, 0.17), { centreId: KOMPAS }),
          row(null, null, waiting(90, 0.2), { centreId: KOMPAS }),
          row(null, 'logopedie', waiting(51, 0.7), { centreId: REGENBOOG }),
          row(null, null, waiting(92, 0.55), { centreId: REGENBOOG }),
        ],
      ),
      indicator(
        'referrals',
        'destination',
        ['referrals', 'per100Children'],
        [
          row('2024-2025', 'specialised_youth_care', { referrals: hidden, per100Children: hidden }),
          row('2024-2025', null, { referrals: value(12), per100Children: value(6.3) }),
          row('2025-2026', 'specialised_youth_care', { referrals: value(10), per100Children: value(4.1) }),
          row('2025-2026', null, { referrals: value(15), per100Children: value(4.1) }),
        ],
        [row(null, null, { referrals: value(27), per100Children: value(5.2) }, { centreId: REGENBOOG })],
      ),
      indicator(
        'signalFunnel',
        null,
        ['raised', 'supportRequested', 'trajectoriesStarted', 'trajectoriesClosed'],
        [
          row('2024-2025', null, { raised: value(77), supportRequested: value(58), trajectoriesStarted: hidden, trajectoriesClosed: hidden }),
          row('2025-2026', null, { raised: value(135), supportRequested: hidden, trajectoriesStarted: hidden, trajectoriesClosed: hidden }),
        ],
      ),
      indicator(
        'caseload',
        'professional',
        ['openTrajectories'],
        [
          row('2025-2026', 'p1', { openTrajectories: value(18) }, { label: 'Ingrid Bakker' }),
          row('2025-2026', 'p2', { openTrajectories: value(24) }, { label: 'Lisa Logopedie' }),
          row('2025-2026', 'p3', { openTrajectories: hidden }, { label: 'Petra Mulder' }),
        ],
        [row(null, 'p2', { openTrajectories: value(61) }, { centreId: REGENBOOG, label: 'Lisa Logopedie' })],
      ),
      indicator(
        'floorArea',
        null,
        ['pupils', 'normedM2', 'actualM2', 'differenceM2'],
        [
          row('2024-2025', null, { pupils: value(135), normedM2: value(879.1), actualM2: value(1450), differenceM2: value(570.9) }),
          row('2025-2026', null, { pupils: value(157), normedM2: value(989.7), actualM2: value(1450), differenceM2: value(460.3) }),
        ],
      ),
      indicator(
        'parents',
        null,
        ['children', 'contactPersonCoverage', 'parentQuestions', 'medianHoursToFirstAnswer', 'consentsInForce'],
        [
          row('2024-2025', null, { children: value(135), contactPersonCoverage: value(0.5), parentQuestions: value(0), medianHoursToFirstAnswer: value(null), consentsInForce: value(20) }),
          row('2025-2026', null, { children: value(157), contactPersonCoverage: hidden, parentQuestions: value(0), medianHoursToFirstAnswer: value(null), consentsInForce: value(45) }),
        ],
      ),
    ],
    ...overrides,
  };
}

/** One indicator of the fixture. */
export function indicatorOf(report: OutcomeReport, id: IndicatorId): Indicator {
  const found = report.indicators.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} in the fixture`);
  return found;
}

const MUNICIPALITY = {
  id: 'm5',
  organisationId: 'aaaaaaaa-0000-4000-8000-000000000009',
  organisationName: 'Gemeente Hilversum',
  organisationType: 'municipality',
  role: 'municipality_analyst',
} as const;
const SCHOOL_ADMIN = {
  id: 'm1',
  organisationId: 'aaaaaaaa-0000-4000-8000-000000000001',
  organisationName: 'Basisschool De Regenboog',
  organisationType: 'school',
  role: 'centre_admin',
} as const;
const TEACHER = { ...SCHOOL_ADMIN, id: 'm3', role: 'staff' } as const;

/** Who is logged in: the municipality's analyst, the centre's administrator or a teacher. */
export function outcomesMe(who: 'analyst' | 'admin' | 'teacher' | 'coordinator'): Me {
  const membership = who === 'analyst' ? MUNICIPALITY : who === 'admin' ? SCHOOL_ADMIN : TEACHER;
  return {
    id: 'u-1',
    tenantId: 't',
    email: 'iemand@regenboog.demo',
    displayName: 'Anna Analist',
    language: null,
    roles: [membership.role],
    memberships: [membership],
    isGuardian: false,
    careCoordinatorCentreIds: who === 'coordinator' ? [REGENBOOG] : [],
    twoFactor: { enabled: false, enrolmentRequired: false, mandatory: false, recoveryCodesLeft: 0 },
  };
}

/** i18next's `t` with whole keys, as the feature's pure functions take it (the test set-up loads the texts). */
export const testT: Translate = (key, options) =>
  (i18n.t as unknown as (key: string, options?: Record<string, unknown>) => string)(key, options ?? {});
