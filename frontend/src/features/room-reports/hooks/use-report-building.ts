import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useBuildings } from '@/features/rooms/api/buildings';

/**
 * The building a report shows, kept in the address (`?gebouw=<id>`, as the room calendar
 * does) so a reload or a shared link shows the same one; the first by name when none is chosen.
 */
export function useReportBuilding(options: { enabled: boolean }) {
  const buildings = useBuildings({ enabled: options.enabled });
  const [params, setParams] = useSearchParams();
  const chosen = params.get('gebouw');
  const building = buildings.data?.find((option) => option.id === chosen) ?? buildings.data?.[0];

  const choose = useCallback(
    (buildingId: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('gebouw', buildingId);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { buildings, building, choose };
}
