import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ErasureRequest, ErasureRequestCreate } from '@/features/erasure/types';

/**
 * POST /erasure-requests: erases the erasable categories asked for, keeps the others with their
 * legal reason, all in one unit of work; answers with the recorded outcome.
 */
export function createErasureRequest(body: ErasureRequestCreate): Promise<ErasureRequest> {
  return unwrap(api().POST('/erasure-requests', { body }));
}

export function useCreateErasureRequest() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createErasureRequest,
    onSuccess: async (record) => {
      queryClient.setQueryData(['erasure', 'requests', record.id], record);
      // What is left of the child's file changed: the assessment and the child page.
      await queryClient.invalidateQueries({ queryKey: ['erasure', 'assessment', record.childId] });
      await queryClient.invalidateQueries({ queryKey: ['children', record.childId] });
    },
  });
}
