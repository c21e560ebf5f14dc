import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { legalHoldQueryOptions } from '@/features/retention/api/get-legal-hold';

/** DELETE /children/{childId}/legal-hold: the schedule applies to the child's data again. */
export function releaseLegalHold(childId: string) {
  return unwrap(
    api().DELETE('/children/{childId}/legal-hold', { params: { path: { childId } } }),
  );
}

export function useReleaseLegalHold(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => releaseLegalHold(childId),
    onSuccess: () =>
      queryClient.setQueryData(legalHoldQueryOptions(childId).queryKey, { childId, held: false }),
  });
}
