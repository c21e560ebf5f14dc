import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ErasureRequest } from '@/features/erasure/types';

/** GET /erasure-requests/{erasureRequestId}: the recorded outcome of one request. */
export function getErasureRequest(erasureRequestId: string): Promise<ErasureRequest> {
  return unwrap(
    api().GET('/erasure-requests/{erasureRequestId}', {
      params: { path: { erasureRequestId } },
    }),
  );
}

export function useErasureRequest(erasureRequestId: string | null) {
  return useQuery({
    queryKey: ['erasure', 'requests', erasureRequestId],
    queryFn: () => getErasureRequest(erasureRequestId ?? ''),
    enabled: erasureRequestId !== null,
  });
}
