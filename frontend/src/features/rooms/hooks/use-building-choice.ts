import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useBuildings } from '@/features/rooms/api/buildings';

/**
 * The building shown, kept in the address (`?gebouw=<id>`) so a reload or a shared link shows
 * the same one; the first building (by name) when none is chosen.
 */
export function useBuildingChoice() {
  const buildings = useBuildings();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('gebouw');
  const building = buildings.data?.find((option) => option.id === chosen) ?? buildings.data?.[0];

  const choose = useCallback(
    (buildingId: string) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set('gebouw', buildingId);
          next.delete('ruimte');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { buildings, building, choose };
}
