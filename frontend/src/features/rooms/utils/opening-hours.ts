import type { RoomRead } from '@/features/rooms/types';

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type DayName = (typeof DAYS)[number];

/**
 * A room's opening hours in words: days in a row with the same hours together, e.g.
 * "maandag t/m vrijdag 07:00–18:30, zaterdag 09:00–13:00". Empty when it is always open.
 */
export function openingHoursText(
  room: Pick<RoomRead, 'openingHours'>,
  dayName: (day: DayName) => string,
  through: string,
): string {
  const hours = room.openingHours ?? {};
  const groups: { first: DayName; last: DayName; text: string }[] = [];
  for (const day of DAYS) {
    const today = hours[day];
    if (!today) continue;
    const text = `${today.opens}–${today.closes}`;
    const previous = groups[groups.length - 1];
    if (previous && previous.text === text && DAYS.indexOf(previous.last) === DAYS.indexOf(day) - 1) {
      previous.last = day;
    } else {
      groups.push({ first: day, last: day, text });
    }
  }
  return groups
    .map(({ first, last, text }) => {
      if (first === last) return `${dayName(first)} ${text}`;
      const adjacent = DAYS.indexOf(last) - DAYS.indexOf(first) === 1;
      return `${dayName(first)}${adjacent ? ', ' : ` ${through} `}${dayName(last)} ${text}`;
    })
    .join('; ');
}

/** The earliest opening and latest closing over some rooms, for the calendar's time axis. */
export function openingSpan(rooms: readonly Pick<RoomRead, 'openingHours'>[]): { opens: string; closes: string } | null {
  let opens: string | null = null;
  let closes: string | null = null;
  for (const room of rooms) {
    for (const hours of Object.values(room.openingHours ?? {})) {
      if (!hours) continue;
      if (opens === null || hours.opens < opens) opens = hours.opens;
      if (closes === null || hours.closes > closes) closes = hours.closes;
    }
  }
  return opens !== null && closes !== null ? { opens, closes } : null;
}
