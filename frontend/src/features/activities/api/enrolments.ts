import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { EnrolmentRead } from '@/features/activities/types';

/**
 * GET /activities/{activityId}/enrolments: enrolled, then the waiting list in order. The
 * activity's people see every child; a guardian only their own.
 */
export function getEnrolments(activityId: string): Promise<EnrolmentRead[]> {
  return unwrap(api().GET('/activities/{activityId}/enrolments', { params: { path: { activityId } } }));
}

export const enrolmentsQueryOptions = (activityId: string) =>
  queryOptions({
    queryKey: ['activities', 'detail', activityId, 'enrolments'],
    queryFn: () => getEnrolments(activityId),
  });

export function useEnrolments(activityId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...enrolmentsQueryOptions(activityId), enabled: options.enabled ?? true });
}

/**
 * After a change the counts move, and a place may go to the first on the waiting list. The
 * catalogue (one request, the guardian's enrolments in it) is refetched when it is on screen;
 * the activity's page, its enrolments included, likewise. What is not on screen is only marked
 * stale, so the catalogue asks for no activity's enrolments.
 */
function useRefresh(activityId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId] }),
      queryClient.invalidateQueries({ queryKey: ['activities', 'list'] }),
    ]);
}

/** POST /activities/{activityId}/enrolments: `enrolled` while there is a place, else `waitlisted`. */
export function enrol(activityId: string, childId: string): Promise<EnrolmentRead> {
  return unwrap(
    api().POST('/activities/{activityId}/enrolments', { params: { path: { activityId } }, body: { childId } }),
  );
}

export function useEnrol(activityId: string, options: { onSuccess?: (enrolment: EnrolmentRead) => void } = {}) {
  const refresh = useRefresh(activityId);
  return useMutation({
    mutationFn: (childId: string) => enrol(activityId, childId),
    onSuccess: async (enrolment) => {
      await refresh();
      options.onSuccess?.(enrolment);
    },
  });
}

/** POST /activities/{activityId}/enrolments/{enrolmentId}/cancellation. */
export function cancelEnrolment(activityId: string, enrolmentId: string): Promise<EnrolmentRead> {
  return unwrap(
    api().POST('/activities/{activityId}/enrolments/{enrolmentId}/cancellation', {
      params: { path: { activityId, enrolmentId } },
    }),
  );
}

export function useCancelEnrolment(
  activityId: string,
  options: { onSuccess?: (enrolment: EnrolmentRead) => void } = {},
) {
  const refresh = useRefresh(activityId);
  return useMutation({
    mutationFn: (enrolmentId: string) => cancelEnrolment(activityId, enrolmentId),
    onSuccess: async (enrolment) => {
      await refresh();
      options.onSuccess?.(enrolment);
    },
  });
}
