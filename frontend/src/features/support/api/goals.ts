import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateSupport } from '@/features/support/hooks/use-invalidate-support';
import type { GoalCreate, GoalUpdate } from '@/features/support/types';

/** POST /support-trajectories/{id}/goals: sharing with the daily team needs information_sharing consent (409). */
export function createGoal(trajectoryId: string, body: GoalCreate) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/goals', { params: { path: { trajectoryId } }, body }),
  );
}

/** PATCH /support-trajectories/{id}/goals/{goalId}: status, text, date or sharing. */
export function updateGoal(trajectoryId: string, goalId: string, body: GoalUpdate) {
  return unwrap(
    api().PATCH('/support-trajectories/{trajectoryId}/goals/{goalId}', {
      params: { path: { trajectoryId, goalId } },
      body,
    }),
  );
}

/** POST /support-trajectories/{id}/goals/{goalId}/progress. */
export function addGoalProgress(trajectoryId: string, goalId: string, text: string) {
  return unwrap(
    api().POST('/support-trajectories/{trajectoryId}/goals/{goalId}/progress', {
      params: { path: { trajectoryId, goalId } },
      body: { text },
    }),
  );
}

type Scope = { trajectoryId: string; childId: string };
type Options = { onSuccess?: () => void };

export function useCreateGoal(scope: Scope, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: GoalCreate) => createGoal(scope.trajectoryId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}

export function useUpdateGoal(scope: Scope, goalId: string, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (body: GoalUpdate) => updateGoal(scope.trajectoryId, goalId, body),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}

export function useAddGoalProgress(scope: Scope, goalId: string, options: Options = {}) {
  const invalidate = useInvalidateSupport();
  return useMutation({
    mutationFn: (text: string) => addGoalProgress(scope.trajectoryId, goalId, text),
    onSuccess: async () => {
      await invalidate(scope);
      options.onSuccess?.();
    },
  });
}
