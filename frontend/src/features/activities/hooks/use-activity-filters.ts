import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { NO_FILTERS, readFilters, writeFilters, type ActivityFilters } from '@/features/activities/utils/filters';

/**
 * The catalogue's filters, kept in the address (`?dag=tuesday&soort=sport&leeftijd=8`) so a
 * reload or a shared link shows the same list.
 */
export function useActivityFilters() {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // A new object only when the address changes: the list's query key follows it.
  const filters = useMemo(() => readFilters(new URLSearchParams(search)), [search]);

  const change = useCallback(
    (update: Partial<ActivityFilters>) => setParams((current) => writeFilters(current, update), { replace: true }),
    [setParams],
  );
  const clear = useCallback(() => change(NO_FILTERS), [change]);

  return { filters, change, clear };
}
