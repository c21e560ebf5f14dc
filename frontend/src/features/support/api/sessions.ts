import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type { SessionCreate, SessionUpdate } from '@/features/support/types';

/** POST /support-trajectories/{id}/sessions: plan a session (given by the caller by default). */
export function createSession(trajectoryId: string, body: SessionCreate) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/sessions', { params: { path: { trajectoryId } }, body }),
  );
}

/** PATCH /support-trajectories/{id}/sessions/{sessionId}: attendance, or a new time or place. */
export function updateSession(trajectoryId: string, sessionId: string, body: SessionUpdate) {
  return unwrap(
    api().PATCH('/support-trajectories/{trajectoryId}/sessions/{sessionId}', {
      params: { path: { trajectoryId, sessionId } },
      body,
    }),
  );
}

type Scope = { trajectoryId: string; childId: string };
type Options = { onSuccess?: () => void };

export function useCreateSession(scope: Scope, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: SessionCreate) => createSession(scope.trajectoryId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}

export function useUpdateSession(scope: Scope, sessionId: string, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: SessionUpdate) => updateSession(scope.trajectoryId, sessionId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}

/** GET /support-sessions?from=&to=: the caller's own sessions in a period (the agenda). */
export function getAgenda(from: string, to: string) {
  return unwrap(api().GET('/support-sessions', { params: { query: { from, to } } }));
}

export const agendaQueryOptions = (from: string, to: string) =>
  queryOptions({
    queryKey: ['support-sessions', { from, to }],
    queryFn: () => getAgenda(from, to),
  });

export function useAgenda(from: string, to: string) {
  return useQuery(agendaQueryOptions(from, to));
}
