import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { BuildingRead, HolidayRead, RoomRead } from '@/features/rooms/types';

/** GET /buildings: the buildings of the centres the caller works in, by name. */
export function getBuildings(): Promise<BuildingRead[]> {
  return unwrap(api().GET('/buildings'));
}

export const buildingsQueryOptions = () =>
  queryOptions({ queryKey: ['buildings'], queryFn: getBuildings, staleTime: 5 * 60_000 });

export function useBuildings(options: { enabled?: boolean } = {}) {
  return useQuery({ ...buildingsQueryOptions(), enabled: options.enabled ?? true });
}

/** GET /rooms?buildingId=: the rooms of one building, by name. */
export function getRooms(buildingId: string): Promise<RoomRead[]> {
  return unwrap(api().GET('/rooms', { params: { query: { buildingId } } }));
}

export const roomsQueryOptions = (buildingId: string) =>
  queryOptions({ queryKey: ['rooms', { buildingId }], queryFn: () => getRooms(buildingId), staleTime: 5 * 60_000 });

export function useRooms(buildingId: string | undefined) {
  return useQuery({ ...roomsQueryOptions(buildingId ?? ''), enabled: Boolean(buildingId) });
}

/** GET /child-centres/{centreId}/holidays: the centre's school holidays and study days. */
export function getHolidays(centreId: string): Promise<HolidayRead[]> {
  return unwrap(api().GET('/child-centres/{centreId}/holidays', { params: { path: { centreId } } }));
}

export const holidaysQueryOptions = (centreId: string) =>
  queryOptions({
    queryKey: ['child-centres', centreId, 'holidays'],
    queryFn: () => getHolidays(centreId),
    staleTime: 5 * 60_000,
  });

export function useHolidays(centreId: string | undefined) {
  return useQuery({ ...holidaysQueryOptions(centreId ?? ''), enabled: Boolean(centreId) });
}
