import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';

type Changed = {
  /** The trajectory that changed: its page and every board. */
  trajectoryId?: string;
  /** The child whose support changed: plan, trajectories and signals on the child page. */
  childId?: string;
  /** A signal was raised or decided: the signal list too. */
  signals?: boolean;
  /** A trajectory was created: every board. */
  trajectories?: boolean;
};

/**
 * After a change, refetch what shows it: the trajectory page, the boards, the child's support
 * section (`['children', childId, 'support']`), the signal list and the agenda. Only the queries
 * on screen are fetched again; the others are marked stale.
 */
export function useInvalidateSupport() {
  const queryClient = useQueryClient();
  return useCallback(
    async ({ trajectoryId, childId, signals = false, trajectories = false }: Changed) => {
      const keys: unknown[][] = [];
      if (trajectoryId || trajectories) keys.push(['support-trajectories']);
      if (trajectoryId) keys.push(['support-sessions']);
      if (childId) keys.push(['children', childId, 'support']);
      if (signals) keys.push(['signals']);
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    [queryClient],
  );
}
