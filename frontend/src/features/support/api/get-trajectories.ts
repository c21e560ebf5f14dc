import { infiniteQueryOptions, keepPreviousData, queryOptions, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { TrajectoryRead, TrajectoryType } from '@/features/support/types';

export const BOARD_PAGE_SIZE = 100;

export type BoardFilters = {
  centreId?: string;
  type?: TrajectoryType | '';
  organisationId?: string;
  /** Only those past the waiting-time norm. */
  overdue?: boolean;
};

/**
 * GET /support-trajectories for the board: the trajectories this user works on, longest
 * waiting first, up to 100 in one request.
 */
export function getBoardTrajectories(filters: BoardFilters, cursor?: string) {
  return unwrap(
    api().GET('/support-trajectories', {
      params: {
        query: {
          centreId: filters.centreId || undefined,
          type: filters.type || undefined,
          organisationId: filters.organisationId || undefined,
          overdue: filters.overdue ? true : undefined,
          sort: 'waitingTime',
          limit: BOARD_PAGE_SIZE,
          cursor,
        },
      },
    }),
  );
}

export const boardQueryOptions = ({ centreId = '', type = '', organisationId = '', overdue = false }: BoardFilters) =>
  infiniteQueryOptions({
    queryKey: ['support-trajectories', 'board', { centreId, type, organisationId, overdue }],
    queryFn: ({ pageParam }) => getBoardTrajectories({ centreId, type, organisationId, overdue }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

/** While other filters load, the previous cards stay on screen. */
export function useBoardTrajectories(filters: BoardFilters) {
  return useInfiniteQuery({ ...boardQueryOptions(filters), placeholderData: keepPreviousData });
}

/** GET /support-trajectories?childId=: every trajectory of one child this user may see. */
export function getChildTrajectories(childId: string): Promise<TrajectoryRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(
      api().GET('/support-trajectories', {
        params: { query: { childId, sort: '-requestedAt', limit: 100, cursor } },
      }),
    ),
  );
}

/** Under the child's key: giving consent refetches it (`['children', childId, 'support']`). */
export const childTrajectoriesQueryOptions = (childId: string) =>
  queryOptions({
    queryKey: ['children', childId, 'support', 'trajectories'],
    queryFn: () => getChildTrajectories(childId),
  });

export function useChildTrajectories(childId: string) {
  return useQuery(childTrajectoriesQueryOptions(childId));
}
