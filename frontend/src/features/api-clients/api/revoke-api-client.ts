import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { apiClientsQueryKey } from '@/features/api-clients/api/get-api-clients';

/** DELETE /organisations/{organisationId}/api-clients/{clientId} (204): its secrets and tokens stop working at once. */
export async function revokeApiClient(organisationId: string, clientId: string): Promise<void> {
  await unwrap(
    api().DELETE('/organisations/{organisationId}/api-clients/{clientId}', {
      params: { path: { organisationId, clientId } },
    }),
  );
}

export function useRevokeApiClient(organisationId: string, clientId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey(organisationId) });
  return useMutation({
    mutationFn: () => revokeApiClient(organisationId, clientId),
    onSuccess: async () => {
      await invalidate();
      options.onSuccess?.();
    },
    // 404: revoked or gone a moment ago elsewhere; show the list as it is now.
    onError: () => void invalidate(),
  });
}
