import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api, ApiError, unwrap } from '@/lib/api-client';
import type { AbsenceCreate, AbsenceRead } from '@/features/day/types';

/** GET /children/{childId}/absences?from=: the reports that end on or after that day. */
export function getAbsences(childId: string, from: string): Promise<AbsenceRead[]> {
  return unwrap(
    api().GET('/children/{childId}/absences', { params: { path: { childId }, query: { from } } }),
  );
}

export const absencesQueryOptions = (childId: string, from: string) =>
  queryOptions({
    queryKey: ['children', childId, 'absences', from],
    queryFn: () => getAbsences(childId, from),
  });

/** The absences still to come (or going on today), withdrawn ones left out, the first first. */
export function useComingAbsences(childId: string, today: string) {
  return useQuery({
    ...absencesQueryOptions(childId, today),
    select: (absences) =>
      absences
        .filter((absence) => !absence.withdrawn && absence.to >= today)
        .sort((a, b) => a.from.localeCompare(b.from) || a.createdAt.localeCompare(b.createdAt)),
  });
}

/**
 * A report or a withdrawal changes the child's absences, its day on the child page and the
 * lists of the groups that have it.
 */
function useInvalidateAbsenceQueries(childId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['children', childId, 'absences'] }),
        queryClient.invalidateQueries({ queryKey: ['children', childId, 'detail'] }),
        queryClient.invalidateQueries({ queryKey: ['day', 'group'] }),
      ]),
    [queryClient, childId],
  );
}

/** POST /children/{childId}/absences: 400 names the field (`#/from`, code `inThePast`). */
export function reportAbsence(childId: string, body: AbsenceCreate): Promise<AbsenceRead> {
  return unwrap(api().POST('/children/{childId}/absences', { params: { path: { childId } }, body }));
}

export function useReportAbsence(childId: string, options: { onSuccess?: (absence: AbsenceRead) => void } = {}) {
  const invalidate = useInvalidateAbsenceQueries(childId);
  return useMutation({
    mutationFn: (body: AbsenceCreate) => reportAbsence(childId, body),
    onSuccess: async (absence) => {
      await invalidate();
      options.onSuccess?.(absence);
    },
  });
}

/** POST /children/{childId}/absences/{absenceId}/withdrawal: the child comes after all. */
export function withdrawAbsence(childId: string, absenceId: string): Promise<AbsenceRead> {
  return unwrap(
    api().POST('/children/{childId}/absences/{absenceId}/withdrawal', {
      params: { path: { childId, absenceId } },
    }),
  );
}

export function useWithdrawAbsence(childId: string, options: { onSuccess?: (absence: AbsenceRead) => void } = {}) {
  const invalidate = useInvalidateAbsenceQueries(childId);
  return useMutation({
    mutationFn: (absenceId: string) => withdrawAbsence(childId, absenceId),
    onSuccess: async (absence) => {
      await invalidate();
      options.onSuccess?.(absence);
    },
    // 409: withdrawn a moment ago (another guardian, another tab): show the list as it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void invalidate();
    },
  });
}
