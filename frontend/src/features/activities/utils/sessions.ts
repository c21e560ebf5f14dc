import { todayInZone, utcToZoned } from '@/features/rooms/utils/time';
import type { ActivitySession } from '@/features/activities/types';

/** Sessions still to come (or going on now), first first; and the ones that are over, last first. */
export function splitSessions(sessions: readonly ActivitySession[], now: Date = new Date()) {
  const at = now.getTime();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return {
    coming: sorted.filter((session) => Date.parse(session.endsAt) > at),
    past: sorted.filter((session) => Date.parse(session.endsAt) <= at).reverse(),
  };
}

/**
 * The session whose attendance list opens first: today's (in the gym, that is the one), else
 * the next one, else the last one held. Never a cancelled one.
 */
export function defaultSessionId(sessions: readonly ActivitySession[], now: Date = new Date()): string | undefined {
  const held = [...sessions].filter((session) => !session.cancelled).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const today = todayInZone(now);
  const todays = held.find((session) => utcToZoned(session.startsAt).date === today);
  if (todays) return todays.id;
  const next = held.find((session) => Date.parse(session.startsAt) >= now.getTime());
  return next?.id ?? held[held.length - 1]?.id;
}
