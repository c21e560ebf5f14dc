import { isIsoDate } from '@/features/outcomes/utils/periods';
import { INTERVALS, TRAJECTORY_TYPES, type Interval, type OutcomeQuery, type TrajectoryType } from '@/features/outcomes/types';

/*
 * The dashboard's filters live in the address, in Dutch like the app's paths:
 * /rapportage?centrum=<id>&van=2025-08-01&tot=2026-07-31&per=maand&hulp=logopedie
 */

export type OutcomeFilters = {
  centreId: string | null;
  /** Both or neither: without them the API takes two school years back up to today. */
  from: string | null;
  to: string | null;
  interval: Interval;
  trajectoryType: TrajectoryType | null;
};

export const INTERVAL_PARAMS: Record<Interval, string> = { month: 'maand', term: 'periode', schoolYear: 'schooljaar' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters an address asks for; anything that makes no sense is left out. */
export function parseFilters(params: URLSearchParams): OutcomeFilters {
  const centre = params.get('centrum');
  const from = params.get('van');
  const to = params.get('tot');
  const per = params.get('per');
  const type = params.get('hulp');
  const period = isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : { from: null, to: null };
  return {
    centreId: centre && UUID.test(centre) ? centre : null,
    ...period,
    interval: INTERVALS.find((interval) => INTERVAL_PARAMS[interval] === per) ?? 'schoolYear',
    trajectoryType: TRAJECTORY_TYPES.find((value) => value === type) ?? null,
  };
}

/** The address of these filters; the defaults are left out. */
export function filtersToParams(filters: OutcomeFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.centreId) params.set('centrum', filters.centreId);
  if (filters.from && filters.to) {
    params.set('van', filters.from);
    params.set('tot', filters.to);
  }
  if (filters.interval !== 'schoolYear') params.set('per', INTERVAL_PARAMS[filters.interval]);
  if (filters.trajectoryType) params.set('hulp', filters.trajectoryType);
  return params;
}

export function toQuery(filters: OutcomeFilters): OutcomeQuery {
  const query: OutcomeQuery = { interval: filters.interval };
  if (filters.centreId) query.centreId = filters.centreId;
  if (filters.from && filters.to) {
    query.from = filters.from;
    query.to = filters.to;
  }
  if (filters.trajectoryType) query.trajectoryType = filters.trajectoryType;
  return query;
}

/** Months from the first month to the last, both counted ("2025-08-15" to "2025-09-01": 2). */
function monthsSpanned(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export type FilterProblem = { field: 'from' | 'to'; problem: 'missingDate' | 'fromAfterTo' | 'tooLong' | 'tooManyMonths' };

/** What is wrong with an own period before it is asked for (the API's limits: six years, 72 periods). */
export function periodProblem(from: string, to: string, interval: Interval): FilterProblem | null {
  if (!isIsoDate(from)) return { field: 'from', problem: 'missingDate' };
  if (!isIsoDate(to)) return { field: 'to', problem: 'missingDate' };
  if (from > to) return { field: 'to', problem: 'fromAfterTo' };
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
  if (days > 6 * 366) return { field: 'to', problem: 'tooLong' };
  if (interval === 'month' && monthsSpanned(from, to) > 72) return { field: 'to', problem: 'tooManyMonths' };
  return null;
}
