import type { ApiClientRead, UsageDay } from '@/features/api-clients/types';

/** The days the API counts in: its calendar (Europe/Amsterdam), whatever the reader's clock. */
export const USAGE_TIME_ZONE = 'Europe/Amsterdam';
export const USAGE_DAYS = 14;

/** `YYYY-MM-DD` of `now` on the API's calendar. */
export function usageToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: USAGE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

function minusDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/**
 * The last 14 days, newest first, each with its calls and errors: the API lists only days with
 * calls, so the days between count zero.
 */
export function usageByDay(usage: UsageDay[], today: string = usageToday()): UsageDay[] {
  const counted = new Map(usage.map((day) => [day.day, day]));
  return Array.from({ length: USAGE_DAYS }, (_, index) => {
    const day = minusDays(today, index);
    return counted.get(day) ?? { day, calls: 0, errors: 0 };
  });
}

/** Today's calls and errors (zero when it made none yet). */
export function usageOfToday(client: Pick<ApiClientRead, 'usage'>, today: string = usageToday()): UsageDay {
  return client.usage.find((day) => day.day === today) ?? { day: today, calls: 0, errors: 0 };
}

/** Live clients first, by name; revoked ones after them, the last revoked first. */
export function sortClients(clients: ApiClientRead[]): ApiClientRead[] {
  return [...clients].sort((a, b) => {
    if (Boolean(a.revokedAt) !== Boolean(b.revokedAt)) return a.revokedAt ? 1 : -1;
    if (a.revokedAt && b.revokedAt && a.revokedAt !== b.revokedAt) return b.revokedAt.localeCompare(a.revokedAt);
    return a.name.localeCompare(b.name, 'nl') || a.clientId.localeCompare(b.clientId);
  });
}
