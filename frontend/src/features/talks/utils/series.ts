import { zonedToUtc } from '@/features/rooms/utils/time';
import type { TalkSlot } from '@/features/talks/types';

export type SeriesInput = {
  date: string;
  time: string;
  durationMinutes: number;
  count: number;
  breakMinutes: number;
};

/** The API's series as the planner fills it in: the first talk on the Dutch clock, in UTC. */
export function seriesBody(input: SeriesInput) {
  return {
    startsAt: zonedToUtc(input.date, input.time),
    durationMinutes: input.durationMinutes,
    count: input.count,
    breakMinutes: input.breakMinutes,
  };
}

/** The talks a series makes, as the server computes them (TalkSeries.times). */
export function seriesTimes(input: SeriesInput): { startsAt: string; endsAt: string }[] {
  const first = Date.parse(zonedToUtc(input.date, input.time));
  const step = (input.durationMinutes + input.breakMinutes) * 60_000;
  const length = input.durationMinutes * 60_000;
  return Array.from({ length: input.count }, (_, i) => ({
    startsAt: new Date(first + i * step).toISOString(),
    endsAt: new Date(first + i * step + length).toISOString(),
  }));
}

export type Planning = { roundId: string; groupId: string | null; slots: TalkSlot[] };

/** The slots per planning (round), in the order of their first slot. */
export function byPlanning(slots: TalkSlot[]): Planning[] {
  const plannings = new Map<string, Planning>();
  for (const slot of slots) {
    const found = plannings.get(slot.roundId) ?? { roundId: slot.roundId, groupId: slot.groupId, slots: [] };
    found.slots.push(slot);
    plannings.set(slot.roundId, found);
  }
  return [...plannings.values()];
}

/** True while the family may still cancel (before the slot's deadline). */
export function canStillCancel(slot: Pick<TalkSlot, 'cancelBefore'>, now: Date = new Date()): boolean {
  return now.getTime() < Date.parse(slot.cancelBefore);
}
