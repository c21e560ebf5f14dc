import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Consent decides who is on the care team in force and what they may see: after a change,
 * refetch the consents, the care team and the access log of this child.
 */
export function useInvalidateConsentQueries(childId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (['consents', 'care-team', 'access-log'] as const).map((part) =>
          queryClient.invalidateQueries({ queryKey: ['children', childId, part] }),
        ),
      ),
    [queryClient, childId],
  );
}
