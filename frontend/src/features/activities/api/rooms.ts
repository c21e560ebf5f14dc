import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { RoomRead } from '@/features/rooms/types';

/** GET /rooms: the rooms of the centres the caller works in, by name. */
export function getRooms(): Promise<RoomRead[]> {
  return unwrap(api().GET('/rooms'));
}

export const roomsQueryOptions = () =>
  queryOptions({ queryKey: ['activities', 'rooms'], queryFn: getRooms, staleTime: 5 * 60_000 });

export function useRooms(options: { enabled?: boolean } = {}) {
  return useQuery({ ...roomsQueryOptions(), enabled: options.enabled ?? true });
}
