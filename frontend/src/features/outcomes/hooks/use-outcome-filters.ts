import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { filtersToParams, parseFilters, type OutcomeFilters } from '@/features/outcomes/utils/filters';

/** The dashboard's filters, kept in the address: a link or a reload shows the same figures. */
export function useOutcomeFilters() {
  const [params, setParams] = useSearchParams();
  const key = params.toString();
  const filters = useMemo(() => parseFilters(new URLSearchParams(key)), [key]);
  const apply = useCallback((next: OutcomeFilters) => setParams(filtersToParams(next)), [setParams]);
  return { filters, apply, key };
}
