import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ApiClientRead } from '@/features/api-clients/types';

/** GET /organisations/{organisationId}/api-clients: the clients, with usage and last errors. */
export function getApiClients(organisationId: string): Promise<ApiClientRead[]> {
  return unwrap(
    api().GET('/organisations/{organisationId}/api-clients', { params: { path: { organisationId } } }),
  );
}

export const apiClientsQueryKey = (organisationId: string) => ['api-clients', { organisationId }] as const;

export const apiClientsQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: apiClientsQueryKey(organisationId),
    queryFn: () => getApiClients(organisationId),
  });

export function useApiClients(organisationId: string) {
  return useQuery({ ...apiClientsQueryOptions(organisationId), enabled: Boolean(organisationId) });
}
