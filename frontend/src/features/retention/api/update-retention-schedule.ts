import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { retentionScheduleQueryOptions } from '@/features/retention/api/get-retention-schedule';

export type RetentionScheduleUpdate = components['schemas']['RetentionScheduleUpdate'];

/** PUT /retention-schedule: the whole schedule; a category left out has its default. */
export function updateRetentionSchedule(body: RetentionScheduleUpdate) {
  return unwrap(api().PUT('/retention-schedule', { body }));
}

export function useUpdateRetentionSchedule(options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRetentionSchedule,
    onSuccess: (schedule) => {
      queryClient.setQueryData(retentionScheduleQueryOptions().queryKey, schedule);
      options.onSuccess?.();
    },
  });
}
