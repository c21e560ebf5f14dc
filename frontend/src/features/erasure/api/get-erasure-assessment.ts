import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ErasureAssessment } from '@/features/erasure/types';

/**
 * GET /children/{childId}/erasure-assessment: per category of the child's file, how many rows
 * there are, whether a guardian's request can erase them and, if not, the legal reason.
 * Centre admins of the child's centre only (the server decides: 403 or 404 otherwise).
 */
export function getErasureAssessment(childId: string): Promise<ErasureAssessment> {
  return unwrap(
    api().GET('/children/{childId}/erasure-assessment', { params: { path: { childId } } }),
  );
}

export const erasureAssessmentQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['erasure', 'assessment', childId],
    queryFn: () => getErasureAssessment(childId),
  });

export function useErasureAssessment(childId: string) {
  return useQuery(erasureAssessmentQueryOptions(childId));
}
