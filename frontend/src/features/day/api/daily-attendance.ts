import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { DailyAttendanceRead, DailyAttendanceUpdate } from '@/features/day/types';

export type DailyAttendanceChange = {
  childId: string;
  /** The day, `YYYY-MM-DD` (Amsterdam). */
  date: string;
  body: DailyAttendanceUpdate;
};

/** PUT /children/{childId}/daily-attendance/{date}: checked in or out at the school or BSO. */
export function recordDailyAttendance({ childId, date, body }: DailyAttendanceChange): Promise<DailyAttendanceRead> {
  return unwrap(
    api().PUT('/children/{childId}/daily-attendance/{date}', { params: { path: { childId, date } }, body }),
  );
}

/** After a check-in or -out the group's list of that day, and the child's page, are out of date. */
export function useRecordDailyAttendance(options: { onSuccess?: (read: DailyAttendanceRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: recordDailyAttendance,
    onSuccess: async (read, change) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['day', 'group'] }),
        queryClient.invalidateQueries({ queryKey: ['children', change.childId, 'detail'] }),
      ]);
      options.onSuccess?.(read);
    },
  });
}
