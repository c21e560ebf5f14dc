import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type { TrajectoryUpdate } from '@/features/support/types';

/**
 * PATCH /support-trajectories/{id}: the coordinator (`null` clears it), the location or the
 * reason; only the fields sent change. Not on a closed or cancelled trajectory (409).
 */
export function updateTrajectory(trajectoryId: string, body: TrajectoryUpdate) {
  return unwrap(
    api().PATCH('/support-trajectories/{trajectoryId}', {
      params: { path: { trajectoryId } },
      body,
    }),
  );
}

type Scope = { trajectoryId: string; childId: string };

export function useUpdateTrajectory(scope: Scope, options: { onSuccess?: () => void } = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: TrajectoryUpdate) => updateTrajectory(scope.trajectoryId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}
