import { LOCALES } from '@/lib/format';
import type { Language } from '@/lib/i18n';
import { ROOMS_TIME_ZONE, utcToZoned } from '@/features/rooms/utils/time';


export type RoomFormat = {
  /** "woensdag 14 januari" (Amsterdam clock). */
  day: (instant: string) => string;
  /** "14:00" (Amsterdam clock). */
  time: (instant: string) => string;
  /** "woensdag 14 januari 14:00–15:00", or with both days when it runs past midnight. */
  span: (startsAt: string, endsAt: string) => string;
  /** A calendar day `YYYY-MM-DD` as "14 januari 2027". */
  date: (date: string) => string;
  /** A calendar day `YYYY-MM-DD` as "woensdag 14 januari 2027". */
  longDate: (date: string) => string;
};

/** Day and time texts on the Amsterdam clock, in the reader's language. */
export function roomFormat(language: Language): RoomFormat {
  const locale = LOCALES[language];
  const dayFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: ROOMS_TIME_ZONE,
  });
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: ROOMS_TIME_ZONE,
  });
  // Calendar days are no instants: read them at UTC noon, free of any time zone.
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const longDateFormat = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const day = (instant: string) => dayFormat.format(new Date(instant));
  const time = (instant: string) => timeFormat.format(new Date(instant));
  return {
    day,
    time,
    span: (startsAt, endsAt) => {
      const sameDay = utcToZoned(startsAt).date === utcToZoned(endsAt).date;
      return sameDay
        ? `${day(startsAt)} ${time(startsAt)}–${time(endsAt)}`
        : `${day(startsAt)} ${time(startsAt)} – ${day(endsAt)} ${time(endsAt)}`;
    },
    date: (date) => dateFormat.format(new Date(`${date}T12:00:00Z`)),
    longDate: (date) => longDateFormat.format(new Date(`${date}T12:00:00Z`)),
  };
}
