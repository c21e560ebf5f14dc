import { describe, expect, it } from 'vitest';
import { hasFilters, NO_FILTERS, readFilters, writeFilters } from '@/features/activities/utils/filters';

describe('the catalogue filters in the address', () => {
  it('reads day, kind and age', () => {
    expect(readFilters(new URLSearchParams('dag=friday&soort=study_support&leeftijd=0'))).toEqual({
      weekday: 'friday',
      category: 'study_support',
      age: 0,
    });
  });

  it('ignores what it does not know', () => {
    expect(readFilters(new URLSearchParams('dag=vrijdag&soort=koken&leeftijd=19'))).toEqual(NO_FILTERS);
    expect(readFilters(new URLSearchParams('leeftijd=-1'))).toEqual(NO_FILTERS);
    expect(readFilters(new URLSearchParams('leeftijd=8.5'))).toEqual(NO_FILTERS);
  });

  it('changes only the filters given and keeps other parameters', () => {
    const next = writeFilters(new URLSearchParams('dag=monday&soort=sport&x=1'), { weekday: null, age: 7 });
    expect(Object.fromEntries(next)).toEqual({ soort: 'sport', x: '1', leeftijd: '7' });
  });

  it('knows whether anything is filtered', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, age: 0 })).toBe(true);
  });
});
