import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import type { FloorAreaReport, UtilisationReport } from '@/features/room-reports/types';

/** Every report query starts with this key: a changed norm refreshes them all at once. */
export const REPORTS_KEY = ['reports'] as const;

/**
 * GET /reports/room-utilisation: how the building's rooms were used from `from` to `to`
 * (local days, at most 400 days apart). 403 for anyone who does not read the reports.
 */
export function getUtilisation(buildingId: string, from: string, to: string): Promise<UtilisationReport> {
  return unwrap(api().GET('/reports/room-utilisation', { params: { query: { buildingId, from, to } } }));
}

export const utilisationQueryOptions = (buildingId: string, from: string, to: string) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'room-utilisation', { buildingId, from, to }],
    queryFn: () => getUtilisation(buildingId, from, to),
    staleTime: 60_000,
  });

export function useUtilisation(params: { buildingId?: string; from: string; to: string; enabled: boolean }) {
  return useQuery({
    ...utilisationQueryOptions(params.buildingId ?? '', params.from, params.to),
    enabled: params.enabled && Boolean(params.buildingId),
  });
}

/**
 * GET /reports/floor-area: the normed floor area for the pupils on the reference date against
 * the building's, and childcare's use of the education rooms in the year up to it. Without a
 * reference date the server takes today.
 */
export function getFloorArea(buildingId: string, referenceDate: string | null): Promise<FloorAreaReport> {
  return unwrap(
    api().GET('/reports/floor-area', {
      params: { query: referenceDate ? { buildingId, referenceDate } : { buildingId } },
    }),
  );
}

export const floorAreaQueryOptions = (buildingId: string, referenceDate: string | null) =>
  queryOptions({
    queryKey: [...REPORTS_KEY, 'floor-area', { buildingId, referenceDate }],
    queryFn: () => getFloorArea(buildingId, referenceDate),
    staleTime: 60_000,
  });

export function useFloorArea(params: { buildingId?: string; referenceDate: string | null; enabled: boolean }) {
  return useQuery({
    ...floorAreaQueryOptions(params.buildingId ?? '', params.referenceDate),
    enabled: params.enabled && Boolean(params.buildingId),
  });
}
