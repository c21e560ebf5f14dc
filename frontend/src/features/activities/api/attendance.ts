import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { AttendanceMark, SessionAttendanceRead } from '@/features/activities/types';

const attendanceKey = (activityId: string, sessionId: string) =>
  ['activities', 'detail', activityId, 'sessions', sessionId, 'attendance'] as const;

/** GET .../sessions/{sessionId}/attendance: the enrolled children, their mark, who is reported absent. */
export function getAttendance(activityId: string, sessionId: string): Promise<SessionAttendanceRead> {
  return unwrap(
    api().GET('/activities/{activityId}/sessions/{sessionId}/attendance', {
      params: { path: { activityId, sessionId } },
    }),
  );
}

export const attendanceQueryOptions = (activityId: string, sessionId: string) =>
  queryOptions({ queryKey: attendanceKey(activityId, sessionId), queryFn: () => getAttendance(activityId, sessionId) });

export function useAttendance(activityId: string, sessionId: string | undefined) {
  return useQuery({ ...attendanceQueryOptions(activityId, sessionId ?? ''), enabled: Boolean(sessionId) });
}

/** PUT .../attendance: only the children sent change. */
export function recordAttendance(
  activityId: string,
  sessionId: string,
  items: AttendanceMark[],
): Promise<SessionAttendanceRead> {
  return unwrap(
    api().PUT('/activities/{activityId}/sessions/{sessionId}/attendance', {
      params: { path: { activityId, sessionId } },
      body: { items },
    }),
  );
}

export function useRecordAttendance(
  activityId: string,
  sessionId: string,
  options: { onSuccess?: (saved: SessionAttendanceRead) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: AttendanceMark[]) => recordAttendance(activityId, sessionId, items),
    onSuccess: (saved) => {
      // The answer is the whole list as it is now: no need to ask again.
      queryClient.setQueryData(attendanceKey(activityId, sessionId), saved);
      options.onSuccess?.(saved);
    },
  });
}
