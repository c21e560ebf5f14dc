import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { NormRead, NormUpdate, TrajectoryType } from '@/features/support/types';

/**
 * GET /trajectory-norms: every trajectory type with its waiting-time norm in working days, and
 * whether it is the default (`isDefault`) or the municipality's own. For professionals.
 */
export function getNorms(): Promise<NormRead[]> {
  return unwrap(api().GET('/trajectory-norms'));
}

export const normsQueryOptions = () =>
  queryOptions({ queryKey: ['trajectory-norms'], queryFn: getNorms });

export function useNorms(options: { enabled?: boolean } = {}) {
  return useQuery({ ...normsQueryOptions(), enabled: options.enabled ?? true });
}

/**
 * PUT /trajectory-norms/{type}: the municipality's own norm for one type (centre administrators;
 * 1-365 working days, start not before intake, else 400 naming the field).
 */
export function updateNorm(type: TrajectoryType, body: NormUpdate): Promise<NormRead> {
  return unwrap(api().PUT('/trajectory-norms/{type}', { params: { path: { type } }, body }));
}

export function useUpdateNorm(type: TrajectoryType, options: { onSuccess?: (norm: NormRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NormUpdate) => updateNorm(type, body),
    onSuccess: async (norm) => {
      // The norm decides which trajectories are overdue: the boards and pages show it too.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['trajectory-norms'] }),
        queryClient.invalidateQueries({ queryKey: ['support-trajectories'] }),
      ]);
      options.onSuccess?.(norm);
    },
  });
}

/**
 * DELETE /trajectory-norms/{type}: drop the municipality's own norm; the default holds again.
 * Answers the norm now in force (centre administrators).
 */
export function resetNorm(type: TrajectoryType): Promise<NormRead> {
  return unwrap(api().DELETE('/trajectory-norms/{type}', { params: { path: { type } } }));
}

export function useResetNorm(options: { onSuccess?: (norm: NormRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: TrajectoryType) => resetNorm(type),
    onSuccess: async (norm) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['trajectory-norms'] }),
        queryClient.invalidateQueries({ queryKey: ['support-trajectories'] }),
      ]);
      options.onSuccess?.(norm);
    },
  });
}
