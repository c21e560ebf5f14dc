import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { REPORTS_KEY } from '@/features/room-reports/api/reports';
import type { RoomNormRead, RoomNormUpdate } from '@/features/room-reports/types';

/** GET /room-norm: the floor-area norm and when "after school" begins (the default or the municipality's own). */
export function getRoomNorm(): Promise<RoomNormRead> {
  return unwrap(api().GET('/room-norm'));
}

export const roomNormQueryOptions = () =>
  queryOptions({ queryKey: ['room-norm'], queryFn: getRoomNorm, staleTime: 5 * 60_000 });

export function useRoomNorm(options: { enabled?: boolean } = {}) {
  return useQuery({ ...roomNormQueryOptions(), enabled: options.enabled ?? true });
}

/** PUT /room-norm: the municipality's own norm (centre administrators; 403 otherwise, 400 naming the field). */
export function updateRoomNorm(body: RoomNormUpdate): Promise<RoomNormRead> {
  return unwrap(api().PUT('/room-norm', { body }));
}

export function useUpdateRoomNorm(options: { onSuccess?: (norm: RoomNormRead) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRoomNorm,
    onSuccess: async (norm) => {
      queryClient.setQueryData(roomNormQueryOptions().queryKey, norm);
      // The norm feeds the normed floor area and the after-school hours: every report changes.
      await queryClient.invalidateQueries({ queryKey: REPORTS_KEY });
      options.onSuccess?.(norm);
    },
  });
}
