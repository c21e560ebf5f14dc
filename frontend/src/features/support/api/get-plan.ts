import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ChildPlan } from '@/features/support/types';

/**
 * GET /children/{childId}/plan: the one plan, every open goal from every organisation. The
 * server decides the view: `team` everything, `daily_team` the goals shared with the class or
 * group, `guardian` the goals and the notes meant for parents.
 */
export function getPlan(childId: string): Promise<ChildPlan> {
  return unwrap(api().GET('/children/{childId}/plan', { params: { path: { childId } } }));
}

export const planQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'support', 'plan'],
    queryFn: () => getPlan(childId),
  });

export function usePlan(childId: string) {
  return useQuery(planQueryOptions(childId));
}
