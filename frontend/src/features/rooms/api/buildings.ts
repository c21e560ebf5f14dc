import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { BuildingPage, BuildingRead } from '@/features/rooms/types';

/** GET /buildings: the buildings of the centres the caller works in, by name. */
export function getBuildings(): Promise<BuildingRead[]> {
  return unwrap(api().GET('/buildings'));
}

export const buildingsQueryOptions = () =>
  queryOptions({ queryKey: ['buildings'], queryFn: getBuildings, staleTime: 5 * 60_000 });

export function useBuildings(options: { enabled?: boolean } = {}) {
  return useQuery({ ...buildingsQueryOptions(), enabled: options.enabled ?? true });
}

/** The parts of a building the rooms screens show around its bookings. */
export const BUILDING_PAGE_PARTS = 'rooms,holidays,organisations';

/**
 * GET /buildings/{buildingId}?expand=rooms,holidays,organisations: the building with its rooms,
 * its centre's holidays and organisations, in one request.
 */
export async function getBuildingPage(buildingId: string): Promise<BuildingPage> {
  const detail = await unwrap(
    api().GET('/buildings/{buildingId}', { params: { path: { buildingId }, query: { expand: BUILDING_PAGE_PARTS } } }),
  );
  const { embedded, ...building } = detail;
  return {
    building,
    rooms: embedded?.rooms ?? [],
    holidays: embedded?.holidays ?? [],
    organisations: embedded?.organisations ?? [],
  };
}

export const buildingPageQueryOptions = (buildingId: string) =>
  queryOptions({
    queryKey: ['buildings', buildingId, 'page'],
    queryFn: () => getBuildingPage(buildingId),
    staleTime: 5 * 60_000,
  });

export function useBuildingPage(buildingId: string | undefined) {
  return useQuery({ ...buildingPageQueryOptions(buildingId ?? ''), enabled: Boolean(buildingId) });
}
