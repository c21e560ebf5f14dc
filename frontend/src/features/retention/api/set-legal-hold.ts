import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { legalHoldQueryOptions } from '@/features/retention/api/get-legal-hold';

/** PUT /children/{childId}/legal-hold: keep the child's data from the purge, with a reason. */
export function setLegalHold(childId: string, reason: string) {
  return unwrap(
    api().PUT('/children/{childId}/legal-hold', { params: { path: { childId } }, body: { reason } }),
  );
}

export function useSetLegalHold(childId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => setLegalHold(childId, reason),
    onSuccess: (hold) => queryClient.setQueryData(legalHoldQueryOptions(childId).queryKey, hold),
  });
}
