import { describe, expect, it } from 'vitest';
import { sortClients, usageByDay, usageOfToday, usageToday } from '@/features/api-clients/utils/usage';
import { apiClient } from '@/features/api-clients/testing/fixtures';

describe('the usage of a client', () => {
  it('counts days on the API’s calendar (Amsterdam), not the reader’s clock', () => {
    expect(usageToday(new Date('2026-11-30T23:30:00Z'))).toBe('2026-12-01');
    expect(usageToday(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(usageToday(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('fills the 14 days, newest first, with zeros where the API lists no calls', () => {
    const days = usageByDay(
      [
        { day: '2026-12-01', calls: 5, errors: 1 },
        { day: '2026-11-25', calls: 7, errors: 0 },
        { day: '2026-11-10', calls: 99, errors: 9 },
      ],
      '2026-12-01',
    );
    expect(days).toHaveLength(14);
    expect(days[0]).toEqual({ day: '2026-12-01', calls: 5, errors: 1 });
    expect(days[1]).toEqual({ day: '2026-11-30', calls: 0, errors: 0 });
    expect(days[6]).toEqual({ day: '2026-11-25', calls: 7, errors: 0 });
    expect(days[13]!.day).toBe('2026-11-18');
  });

  it('takes today’s calls, zero when there were none', () => {
    const client = { usage: [{ day: '2026-11-30', calls: 3, errors: 2 }] };
    expect(usageOfToday(client, '2026-11-30')).toEqual({ day: '2026-11-30', calls: 3, errors: 2 });
    expect(usageOfToday(client, '2026-12-01')).toEqual({ day: '2026-12-01', calls: 0, errors: 0 });
  });

  it('puts live clients first by name, then the revoked ones, last revoked first', () => {
    const sorted = sortClients([
      apiClient({ clientId: '1', name: 'Zorgportaal', revokedAt: '2026-11-01T00:00:00Z' }),
      apiClient({ clientId: '2', name: 'Planning' }),
      apiClient({ clientId: '3', name: 'Ouderportaal', revokedAt: '2026-11-20T00:00:00Z' }),
      apiClient({ clientId: '4', name: 'Facturatie' }),
    ]);
    expect(sorted.map((client) => client.name)).toEqual(['Facturatie', 'Planning', 'Ouderportaal', 'Zorgportaal']);
  });
});
