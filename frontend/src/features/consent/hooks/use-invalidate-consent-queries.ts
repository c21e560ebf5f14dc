import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Consent decides who is on the care team in force and what they may see: after a change,
 * refetch the child page (consents and care team come with it, `['children', childId, 'detail']`)
 * and, when they are open, the access log and the support section of this child (a trajectory
 * waiting for consent moves on).
 */
export function useInvalidateConsentQueries(childId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (['detail', 'access-log', 'support'] as const).map((part) =>
          queryClient.invalidateQueries({ queryKey: ['children', childId, part] }),
        ),
      ),
    [queryClient, childId],
  );
}
