import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ActivitySession, SessionCreate, SessionsCreated } from '@/features/activities/types';

/** GET /activities/{activityId}/sessions: every session, cancelled ones too, by start. */
export function getSessions(activityId: string): Promise<ActivitySession[]> {
  return unwrap(api().GET('/activities/{activityId}/sessions', { params: { path: { activityId } } }));
}

export const sessionsQueryOptions = (activityId: string) =>
  queryOptions({
    queryKey: ['activities', 'detail', activityId, 'sessions'],
    queryFn: () => getSessions(activityId),
  });

export function useSessions(activityId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...sessionsQueryOptions(activityId), enabled: options.enabled ?? true });
}

/** POST /activities/{activityId}/sessions: once or by a rule, each a room booking (409: taken). */
export function createSessions(activityId: string, body: SessionCreate): Promise<SessionsCreated> {
  return unwrap(api().POST('/activities/{activityId}/sessions', { params: { path: { activityId } }, body }));
}

export function useCreateSessions(activityId: string, options: { onSuccess?: (created: SessionsCreated) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SessionCreate) => createSessions(activityId, body),
    onSuccess: async (created) => {
      // The activity's days and next session change with it, in the catalogue too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
      ]);
      options.onSuccess?.(created);
    },
  });
}

/** POST /activities/{activityId}/sessions/{sessionId}/cancellation: called off, its room free again. */
export function cancelSession(activityId: string, sessionId: string): Promise<ActivitySession> {
  return unwrap(
    api().POST('/activities/{activityId}/sessions/{sessionId}/cancellation', {
      params: { path: { activityId, sessionId } },
    }),
  );
}

export function useCancelSession(activityId: string, options: { onSuccess?: (cancelled: ActivitySession) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => cancelSession(activityId, sessionId),
    onSuccess: async (cancelled) => {
      // The list shows it called off; the activity's days and next session may change with it.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['activities', 'detail', activityId] }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'list'] }),
        queryClient.invalidateQueries({ queryKey: ['bookings'] }),
      ]);
      options.onSuccess?.(cancelled);
    },
  });
}
