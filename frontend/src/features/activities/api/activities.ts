import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ActivityCreate, ActivityRead, ActivityUpdate } from '@/features/activities/types';
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

/** POST /activities: a new activity of the caller's organisation (201: as read). */
export function createActivity(body: ActivityCreate): Promise<ActivityRead> {
  return unwrap(api().POST('/activities', { body }));
}

export function useCreateActivity(options: { onSuccess?: (created: ActivityRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: async (created) => {
      // Its page opens next, from what the answer says; the catalogue has one more.
      queryClient.setQueryData(activityQueryOptions(created.id).queryKey, created);
      await queryClient.invalidateQueries({ queryKey: ['activities', 'list'] });
      options.onSuccess?.(created);
    },
  });
}

/**
 * PATCH /activities/{activityId}: only the fields sent change. More places move the waiting
 * list up into them, so the enrolments are asked again too.
 */
export function updateActivity(activityId: string, body: ActivityUpdate): Promise<ActivityRead> {
  return unwrap(api().PATCH('/activities/{activityId}', { params: { path: { activityId } }, body }));
}

export function useUpdateActivity(activityId: string, options: { onSuccess?: (updated: ActivityRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityUpdate) => updateActivity(activityId, body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(activityQueryOptions(activityId).queryKey, updated);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId, 'enrolments'] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'list'] }),
      ]);
      options.onSuccess?.(updated);
    },
  });
}

/** DELETE /activities/{activityId}: with its sessions (their rooms free again) and enrolments. */
export async function deleteActivity(activityId: string): Promise<void> {
  await unwrap(api().DELETE('/activities/{activityId}', { params: { path: { activityId } } }));
}

export function useDeleteActivity(activityId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteActivity(activityId),
    onSuccess: async () => {
      // Leave the page first (its queries would ask for what is gone), then forget it.
      options.onSuccess?.();
      queryClient.removeQueries({ queryKey: ['activities', 'detail', activityId] });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
      ]);
    },
  });
}
