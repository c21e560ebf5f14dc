import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { OutcomeQuery, OutcomeReport } from '@/features/outcomes/types';

/**
 * GET /reports/outcomes: every indicator as a series over the periods and as a comparison
 * between centres, with the small counts suppressed. 403 for anyone who is not the centre's
 * management or the municipality's analyst; 404 for a centre the caller does not report on.
 */
export function getOutcomes(query: OutcomeQuery): Promise<OutcomeReport> {
  return unwrap(api().GET('/reports/outcomes', { params: { query } }));
}

export const outcomesQueryOptions = (query: OutcomeQuery) =>
  queryOptions({
    queryKey: ['reports', 'outcomes', query],
    queryFn: () => getOutcomes(query),
    staleTime: 5 * 60_000,
  });

/** The report; while a new filter loads, the figures of the last one stay on screen. */
export function useOutcomes(query: OutcomeQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...outcomesQueryOptions(query),
    enabled: options.enabled ?? true,
    placeholderData: keepPreviousData,
  });
}
