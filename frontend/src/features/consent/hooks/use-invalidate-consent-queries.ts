import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

/**
 * Consent decides who is on the care team in force and what they may see: after a change,
 * refetch the child page (consents and care team come with it, `['children', childId, 'detail']`)
 * and, when it is open, the access log of this child.
 */
export function useInvalidateConsentQueries(childId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all(
        (['detail', 'access-log'] as const).map((part) =>
          queryClient.invalidateQueries({ queryKey: ['children', childId, part] }),
        ),
      ),
    [queryClient, childId],
  );
}
