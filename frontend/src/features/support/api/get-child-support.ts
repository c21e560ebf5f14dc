import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ChildEmbedded } from '@/features/children/api/get-child-detail';
import { api, unwrap } from '@/lib/api-client';

/** The parts "Zorg & ondersteuning" shows (keys of the child page's `embedded`). */
export const CHILD_SUPPORT_PARTS = ['plan', 'trajectories', 'signals'] as const satisfies readonly (keyof ChildEmbedded)[];

/**
 * GET /children/{childId}?expand=plan,trajectories,signals: the child's support section in one
 * request, so one access-log event ("bekeek het dossier (ondersteuningsplan, trajecten,
 * signalen)"). Each part is what its own endpoint would give this user; a part they may not see
 * (the plan when nothing of the support is shared with them, the signals for a guardian without
 * parental authority) is absent.
 */
export function getChildSupport(childId: string): Promise<ChildEmbedded> {
  return unwrap(
    api().GET('/children/{childId}', {
      params: { path: { childId }, query: { expand: CHILD_SUPPORT_PARTS.join(',') } },
    }),
  ).then((child) => child.embedded ?? {});
}

/** Under the child's support key: a change to its support refetches it (`useInvalidateSupport`). */
export const childSupportQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'support', 'section'],
    queryFn: () => getChildSupport(childId),
  });

export function useChildSupport(childId: string) {
  return useQuery(childSupportQueryOptions(childId));
}
