import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { ageRangeText, costText, weekdaysText } from '@/features/activities/utils/format';

const t = i18n.t.bind(i18n);

describe('activity texts', () => {
  it('says "Gratis" for no cost, else the amount in euro', () => {
    expect(costText(null, 'nl')).toBeNull();
    expect(costText(0, 'nl')).toBeNull();
    expect(costText(1250, 'nl')).toMatch(/^€\s?12,50$/);
    expect(costText(500, 'en')).toBe('€5.00');
  });

  it('names the ages in words', () => {
    expect(ageRangeText(t, { minAge: 8, maxAge: 12 })).toBe('8 tot en met 12 jaar');
    expect(ageRangeText(t, { minAge: 4, maxAge: 4 })).toBe('4 jaar');
    expect(ageRangeText(t, { minAge: 6, maxAge: null })).toBe('vanaf 6 jaar');
    expect(ageRangeText(t, { minAge: null, maxAge: 10 })).toBe('tot en met 10 jaar');
    expect(ageRangeText(t, { minAge: null, maxAge: null })).toBe('alle leeftijden');
  });

  it('names the days Monday first', () => {
    expect(weekdaysText(t, ['thursday', 'tuesday'])).toBe('dinsdag en donderdag');
    expect(weekdaysText(t, ['friday', 'monday', 'wednesday'])).toBe('maandag, woensdag en vrijdag');
    expect(weekdaysText(t, ['sunday'])).toBe('zondag');
    expect(weekdaysText(t, [])).toBeNull();
  });
});
