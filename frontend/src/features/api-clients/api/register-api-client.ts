import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { apiClientsQueryKey } from '@/features/api-clients/api/get-api-clients';
import type { ApiClientCreated, ApiScope } from '@/features/api-clients/types';

export type ApiClientInput = { name: string; scopes: ApiScope[] };

/**
 * POST /organisations/{organisationId}/api-clients (201): the new client with its secret, this
 * once (the server keeps only its hash).
 */
export function registerApiClient(organisationId: string, body: ApiClientInput): Promise<ApiClientCreated> {
  return unwrap(
    api().POST('/organisations/{organisationId}/api-clients', { params: { path: { organisationId } }, body }),
  );
}

/**
 * The answer holds the secret: it goes to the screen that shows it once and nowhere else. The
 * list is fetched again rather than fed this answer, and the mutation is forgotten as soon as
 * nothing observes it (gcTime 0: `reset()` when the secret's dialog closes drops it from memory).
 */
export function useRegisterApiClient(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiClientInput) => registerApiClient(organisationId, body),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey(organisationId) }),
  });
}
