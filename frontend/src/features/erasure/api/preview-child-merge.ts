import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ChildMerge } from '@/features/erasure/types';

/** POST /child-merges/preview: what a merge would move and drop per kind; changes nothing. */
export function previewChildMerge(survivorId: string, duplicateId: string): Promise<ChildMerge> {
  return unwrap(api().POST('/child-merges/preview', { body: { survivorId, duplicateId } }));
}

export function useChildMergePreview(survivorId: string, duplicateId: string | null) {
  return useQuery({
    queryKey: ['child-merges', 'preview', survivorId, duplicateId],
    queryFn: () => previewChildMerge(survivorId, duplicateId ?? ''),
    enabled: duplicateId !== null,
    retry: false,
  });
}
