import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ActivityRead } from '@/features/activities/types';
import type { ActivityFilters } from '@/features/activities/utils/filters';

/** What the catalogue asks for besides the filters. */
export type ActivitiesExpand = {
  /** `?expand=myEnrolments`: each activity with the caller's own children's enrolments (a guardian's). */
  myEnrolments?: boolean;
};

/**
 * GET /activities?weekday=&category=&age=: the catalogue of the caller's centres, by title. With
 * `myEnrolments`, each activity carries the guardian's own enrolments in it, so a guardian's
 * catalogue is one request.
 */
export function getActivities(filters: ActivityFilters, expand: ActivitiesExpand = {}): Promise<ActivityRead[]> {
  const query = {
    ...(filters.weekday ? { weekday: filters.weekday } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.age !== null ? { age: filters.age } : {}),
    ...(expand.myEnrolments ? { expand: 'myEnrolments' } : {}),
  };
  return unwrap(api().GET('/activities', { params: { query } }));
}

export const activitiesQueryOptions = (filters: ActivityFilters, expand: ActivitiesExpand = {}) =>
  queryOptions({
    // Under ['activities', 'list']: enrolling, unenrolling and new sessions refresh it.
    queryKey: ['activities', 'list', filters, { myEnrolments: Boolean(expand.myEnrolments) }],
    queryFn: () => getActivities(filters, expand),
  });

/**
 * While other filters load, the previous list stays on screen instead of a blank page. Not
 * asked while `enabled` is false (until we know whether the caller is a guardian).
 */
export function useActivities(filters: ActivityFilters, options: ActivitiesExpand & { enabled?: boolean } = {}) {
  const { enabled = true, ...expand } = options;
  return useQuery({ ...activitiesQueryOptions(filters, expand), placeholderData: keepPreviousData, enabled });
}

/** GET /activities/{activityId}: one activity, with its places and coming days. */
export function getActivity(activityId: string): Promise<ActivityRead> {
  return unwrap(api().GET('/activities/{activityId}', { params: { path: { activityId } } }));
}

export const activityQueryOptions = (activityId: string) =>
  queryOptions({ queryKey: ['activities', 'detail', activityId], queryFn: () => getActivity(activityId) });

export function useActivity(activityId: string) {
  return useQuery(activityQueryOptions(activityId));
}
