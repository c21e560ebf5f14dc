import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { TrajectoryType } from '@/features/support/types';

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
