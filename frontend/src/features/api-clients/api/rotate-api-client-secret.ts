import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { apiClientsQueryKey } from '@/features/api-clients/api/get-api-clients';
import type { ApiClientSecretIssued } from '@/features/api-clients/types';

/** The server's default: the secrets before the new one keep working a day. */
export const DEFAULT_OVERLAP_HOURS = 24;
export const MAX_OVERLAP_HOURS = 168;

/**
 * POST /organisations/{organisationId}/api-clients/{clientId}/secret-rotation (201): a new
 * secret, shown once; the current ones keep working for `overlapHours` (0: they end now).
 */
export function rotateApiClientSecret(
  organisationId: string,
  clientId: string,
  overlapHours: number,
): Promise<ApiClientSecretIssued> {
  return unwrap(
    api().POST('/organisations/{organisationId}/api-clients/{clientId}/secret-rotation', {
      params: { path: { organisationId, clientId } },
      body: { overlapHours },
    }),
  );
}

/** As with registering: the secret lives only as long as the dialog that shows it (gcTime 0). */
export function useRotateApiClientSecret(organisationId: string, clientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overlapHours: number) => rotateApiClientSecret(organisationId, clientId, overlapHours),
    gcTime: 0,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: apiClientsQueryKey(organisationId) }),
  });
}
