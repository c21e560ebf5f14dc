import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type { TransitionCreate } from '@/features/support/types';

/**
 * POST /support-trajectories/{id}/transitions: one step on (`to`); closing carries an outcome,
 * and a referral out when the outcome is `referred_out`. Out of order: 409 naming the allowed.
 */
export function createTransition(trajectoryId: string, body: TransitionCreate) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/transitions', {
      params: { path: { trajectoryId } },
      body,
    }),
  );
}

export function useCreateTransition(
  trajectoryId: string,
  childId: string,
  options: { onSuccess?: () => void } = {},
) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: TransitionCreate) => createTransition(trajectoryId, body),
    onSuccess: async () => {
      await invalidate({ trajectoryId, childId });
      options.onSuccess?.();
    },
    // 409: someone else moved it a moment ago; show what is allowed now.
    onError: () => void invalidate({ trajectoryId, childId }),
  });
}
