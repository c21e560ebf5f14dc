import { queryOptions, useQuery } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type RetentionSchedule = components['schemas']['RetentionSchedule'];
export type RetentionTerm = components['schemas']['RetentionTermRead'];
export type RetentionCategory = components['schemas']['RetentionCategory'];

/** GET /retention-schedule: centre administrators only. */
export function getRetentionSchedule(): Promise<RetentionSchedule> {
  return unwrap(api().GET('/retention-schedule'));
}

export const retentionScheduleQueryOptions = () =>
  queryOptions({ queryKey: ['retention-schedule'], queryFn: getRetentionSchedule });

export function useRetentionSchedule() {
  return useQuery(retentionScheduleQueryOptions());
}
