import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { apiClientsQueryKey } from '@/features/api-clients/api/get-api-clients';
import type { ApiClientRead, ApiScope } from '@/features/api-clients/types';

export type ApiClientChanges = { name?: string; scopes?: ApiScope[] };

/** PATCH /organisations/{organisationId}/api-clients/{clientId}: fewer scopes hold from its next call. */
export function updateApiClient(organisationId: string, clientId: string, body: ApiClientChanges): Promise<ApiClientRead> {
  return unwrap(
    api().PATCH('/organisations/{organisationId}/api-clients/{clientId}', {
      params: { path: { organisationId, clientId } },
      body,
    }),
  );
}

export function useUpdateApiClient(organisationId: string, clientId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiClientChanges) => updateApiClient(organisationId, clientId, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: apiClientsQueryKey(organisationId) });
      options.onSuccess?.();
    },
  });
}
