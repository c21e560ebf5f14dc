import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { childDetailQueryOptions } from '@/features/children/api/get-child-detail';
import { api, unwrap } from '@/lib/api-client';

export type LegalHold = components['schemas']['LegalHoldRead'];

/** PUT /children/{childId}/legal-hold: keep the child's data from the purge, with a reason. */
export function setLegalHold(childId: string, reason: string) {
  return unwrap(
    api().PUT('/children/{childId}/legal-hold', { params: { path: { childId } }, body: { reason } }),
  );
}

/** The child page carries the hold (`?expand=legalHold`): the answer takes its place there,
 * without reading the whole page again. */
export function useStoreLegalHold(childId: string) {
  const queryClient = useQueryClient();
  return (hold: LegalHold) =>
    queryClient.setQueryData(childDetailQueryOptions(childId).queryKey, (page) =>
      page ? { ...page, embedded: { ...page.embedded, legalHold: hold } } : page,
    );
}

export function useSetLegalHold(childId: string) {
  const store = useStoreLegalHold(childId);
  return useMutation({
    mutationFn: (reason: string) => setLegalHold(childId, reason),
    onSuccess: store,
  });
}
