import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { TRAJECTORY_PAGE_PARTS, type TrajectoryDetail } from '@/features/support/types';

/**
 * GET /support-trajectories/{id}?expand=goals,sessions,notes,team,transitions: the whole
 * trajectory page in one request (one access-log event). The server leaves out what this
 * reader may not see: a guardian gets only the notes meant for guardians.
 */
export function getTrajectory(trajectoryId: string): Promise<TrajectoryDetail> {
  return unwrap(
    api().GET('/support-trajectories/{trajectoryId}', {
      params: { path: { trajectoryId }, query: { expand: TRAJECTORY_PAGE_PARTS.join(',') } },
    }),
  );
}

/** Every change on the page refetches this key (see use-invalidate-support). */
export const trajectoryQueryOptions = (trajectoryId: string) =>
  queryOptions({
    queryKey: ['support-trajectories', trajectoryId, 'detail'],
    queryFn: () => getTrajectory(trajectoryId),
  });

export function useTrajectory(trajectoryId: string) {
  return useQuery(trajectoryQueryOptions(trajectoryId));
}
