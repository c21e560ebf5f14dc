import type { components } from '@/api/schema';

/* The outcome reports (issue 13): does the integraal kindcentrum deliver? */

export type OutcomeReport = components['schemas']['OutcomeReport'];
export type Indicator = components['schemas']['Indicator'];
export type IndicatorId = components['schemas']['IndicatorId'];
export type OutcomeRow = components['schemas']['Row'];
export type OutcomeCell = components['schemas']['Cell'];
export type ReportPeriod = components['schemas']['Period'];
export type CentreRef = components['schemas']['CentreRef'];
export type Interval = components['schemas']['Interval'];
export type TrajectoryType = components['schemas']['TrajectoryType'];

/** The query of GET /reports/outcomes; absent fields take the server's defaults. */
export type OutcomeQuery = {
  centreId?: string;
  from?: string;
  to?: string;
  interval: Interval;
  trajectoryType?: TrajectoryType;
};

/** Every indicator, in the order the report shows them (the API's order). */
export const INDICATOR_IDS = [
  'waitingTime',
  'supportLocation',
  'trajectoryOutcomes',
  'referrals',
  'signals',
  'signalFunnel',
  'oneTeam',
  'caseload',
  'caseloadByOrganisation',
  'participation',
  'participationByAge',
  'roomUse',
  'floorArea',
  'parents',
] as const satisfies readonly IndicatorId[];

export const INTERVALS = ['month', 'term', 'schoolYear'] as const satisfies readonly Interval[];

export const TRAJECTORY_TYPES = [
  'logopedie',
  'opvoedondersteuning',
  'jeugdhulp',
  'passend_onderwijs',
  'fysiotherapie',
  'ergotherapie',
  'ggz_jeugd',
  'schoolmaatschappelijk_werk',
  'other',
] as const satisfies readonly TrajectoryType[];

/**
 * How a measure's value reads: a count, a share (0..1, shown as a percentage), working days,
 * a number per 100 children, hours or square metres.
 */
export type MeasureKind = 'count' | 'share' | 'days' | 'per100' | 'hours' | 'm2';
