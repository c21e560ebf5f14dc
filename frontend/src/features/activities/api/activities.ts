import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ActivityRead } from '@/features/activities/types';
import type { ActivityFilters } from '@/features/activities/utils/filters';

/** GET /activities?weekday=&category=&age=: the catalogue of the caller's centres, by title. */
export function getActivities(filters: ActivityFilters): Promise<ActivityRead[]> {
  const query = {
    ...(filters.weekday ? { weekday: filters.weekday } : {}),
    ...(filters.category ? { category: filters.category } : {}),
    ...(filters.age !== null ? { age: filters.age } : {}),
  };
  return unwrap(api().GET('/activities', { params: { query } }));
}

export const activitiesQueryOptions = (filters: ActivityFilters) =>
  queryOptions({ queryKey: ['activities', 'list', filters], queryFn: () => getActivities(filters) });

/** While other filters load, the previous list stays on screen instead of a blank page. */
export function useActivities(filters: ActivityFilters) {
  return useQuery({ ...activitiesQueryOptions(filters), placeholderData: keepPreviousData });
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
