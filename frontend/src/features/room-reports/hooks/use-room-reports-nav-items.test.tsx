import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRoomReportsNavItems } from '@/features/room-reports/hooks/use-room-reports-nav-items';
import { me } from '@/features/room-reports/testing/fixtures';
import { i18n } from '@/lib/i18n';

describe('the report pages as menu items', () => {
  it('are offered to the readers of the reports only, labelled in their language', async () => {
    for (const role of ['centre_admin', 'org_admin', 'municipality_analyst'] as const) {
      expect(renderHook(() => useRoomReportsNavItems(me(role))).result.current).toEqual([
        { to: '/ruimtes/gebruik', label: 'Gebruik van de ruimtes' },
        { to: '/ruimtes/vierkante-meters', label: 'Vierkante meters' },
      ]);
    }
    expect(renderHook(() => useRoomReportsNavItems(me('staff', 'care_professional'))).result.current).toEqual([]);
    expect(renderHook(() => useRoomReportsNavItems(undefined)).result.current).toEqual([]);
    await i18n.changeLanguage('en');
    expect(renderHook(() => useRoomReportsNavItems(me('org_admin'))).result.current.map((item) => item.label)).toEqual([
      'Room use',
      'Square metres',
    ]);
  });
});
