import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { ParentChildDetail, ParentChildEmbedded } from '@/features/parent-child/types';

type Part = keyof ParentChildEmbedded;

/** What each parent screen about one child shows: all of it comes in one request. */
export const SCREEN_PARTS = {
  /** Mijn kind: who is around the child, support, activities and today. */
  overview: ['contactPerson', 'careTeam', 'dailyTeam', 'plan', 'trajectories', 'enrolments', 'day'],
  /**
   * Toestemming: the consents, who waits for one (care team, trajectories), and who may be
   * offered one (the placements: the school for photos, the daily team goals are shared with).
   */
  consents: ['careTeam', 'consents', 'trajectories', 'placements'],
  /** Afmelden: the absences from today on. */
  absence: ['absences'],
} as const satisfies Record<string, readonly Part[]>;

export type ChildScreen = keyof typeof SCREEN_PARTS;

/**
 * GET /children/{childId}?expand=…: one screen's parts of the child's file in one request (one
 * access-log event). A part the caller may not see (care for a guardian without parental
 * authority) is absent from `embedded`.
 */
export function getChildScreen(childId: string, screen: ChildScreen): Promise<ParentChildDetail> {
  return unwrap(
    api().GET('/children/{childId}', {
      params: { path: { childId }, query: { expand: SCREEN_PARTS[screen].join(',') } },
    }),
  );
}

/**
 * Under ['children', childId, 'detail']: giving or withdrawing consent, reporting an absence and
 * withdrawing it refresh it (they invalidate that prefix).
 */
export const childScreenQueryOptions = (childId: string, screen: ChildScreen) =>
  queryOptions({
    queryKey: ['children', childId, 'detail', 'parent', screen],
    queryFn: () => getChildScreen(childId, screen),
  });

export function useChildScreen(childId: string, screen: ChildScreen) {
  return useQuery(childScreenQueryOptions(childId, screen));
}
