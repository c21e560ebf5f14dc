import { WEEKDAYS } from '@/lib/format';
import {
  CATEGORIES,
  MAX_FILTER_AGE,
  MIN_FILTER_AGE,
  type ActivityCategory,
  type ActivityWeekday,
} from '@/features/activities/types';

/** The catalogue's filters; null: not filtered on. */
export type ActivityFilters = {
  weekday: ActivityWeekday | null;
  category: ActivityCategory | null;
  age: number | null;
};

/** Where each filter lives in the address, so a reload or a shared link shows the same list. */
export const FILTER_PARAMS = { weekday: 'dag', category: 'soort', age: 'leeftijd' } as const;

export const NO_FILTERS: ActivityFilters = { weekday: null, category: null, age: null };

function isWeekday(value: string | null): value is ActivityWeekday {
  return value !== null && (WEEKDAYS as readonly string[]).includes(value);
}

function isCategory(value: string | null): value is ActivityCategory {
  return value !== null && (CATEGORIES as readonly string[]).includes(value);
}

function readAge(value: string | null): number | null {
  if (value === null || !/^\d{1,2}$/.test(value)) return null;
  const age = Number(value);
  return age >= MIN_FILTER_AGE && age <= MAX_FILTER_AGE ? age : null;
}

/** The filters from the address (`?dag=tuesday&soort=sport&leeftijd=8`); unknown values are ignored. */
export function readFilters(params: URLSearchParams): ActivityFilters {
  const weekday = params.get(FILTER_PARAMS.weekday);
  const category = params.get(FILTER_PARAMS.category);
  return {
    weekday: isWeekday(weekday) ? weekday : null,
    category: isCategory(category) ? category : null,
    age: readAge(params.get(FILTER_PARAMS.age)),
  };
}

/** The address with these filters changed; the other parameters stay as they were. */
export function writeFilters(current: URLSearchParams, change: Partial<ActivityFilters>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const key of Object.keys(change) as (keyof ActivityFilters)[]) {
    const value = change[key];
    if (value === null || value === undefined) next.delete(FILTER_PARAMS[key]);
    else next.set(FILTER_PARAMS[key], String(value));
  }
  return next;
}

export function hasFilters(filters: ActivityFilters): boolean {
  return filters.weekday !== null || filters.category !== null || filters.age !== null;
}
