import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ChildMerge } from '@/features/erasure/types';

/** POST /child-merges: moves every row of the duplicate to the survivor, then deletes it. */
export function createChildMerge(survivorId: string, duplicateId: string): Promise<ChildMerge> {
  return unwrap(api().POST('/child-merges', { body: { survivorId, duplicateId } }));
}

export function useCreateChildMerge() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ survivorId, duplicateId }: { survivorId: string; duplicateId: string }) =>
      createChildMerge(survivorId, duplicateId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['children'] });
    },
  });
}
