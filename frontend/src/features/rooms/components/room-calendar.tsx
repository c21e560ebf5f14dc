import type { BusinessHoursInput, CalendarRef, EventInput } from '@fullcalendar/react';
import { Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { useBookings } from '@/features/rooms/api/bookings';
import { BookingDialog } from '@/features/rooms/components/booking-dialog';
import { CalendarView, type CalendarEventProps, type CalendarViewType } from '@/features/rooms/components/calendar-view';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { valuesFromRange, type BookingValues } from '@/features/rooms/utils/booking-form';
import { openingSpan } from '@/features/rooms/utils/opening-hours';
import { addDays, isoWeekNumber, todayInZone, utcToZoned } from '@/features/rooms/utils/time';
import type { BookingOrganisation, BookingRead, BuildingRead, HolidayRead, RoomRead } from '@/features/rooms/types';

const WEEKDAY_NUMBERS = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 } as const;

type Range = { view: CalendarViewType; from: string; to: string };

type RoomCalendarProps = {
  building: BuildingRead;
  rooms: RoomRead[];
  /** The centre's school holidays and study days, shaded. */
  holidays: HolidayRead[];
  /** The room filter: '' shows every room of the building. */
  roomId: string;
  onRoomChange: (roomId: string) => void;
  /** The organisations the person books for; none: the calendar is to look at only. */
  organisations: BookingOrganisation[];
  organisationName: (organisationId: string) => string | undefined;
  colourOf: (organisationId: string) => string;
  /** The first day shown; today by default. */
  initialDate?: string;
  /** The first day of each range shown, to keep in the address. */
  onRangeChange?: (from: string) => void;
  now?: Date;
};

/**
 * The calendar of one building, a week or a day at a time, on the Amsterdam clock: one
 * GET /bookings per range shown, holidays shaded, each organisation in its own colour with its
 * name, others' bookings as "Bezet — <organisation>".
 */
export function RoomCalendar({
  building,
  rooms,
  holidays,
  roomId,
  onRoomChange,
  organisations,
  organisationName,
  colourOf,
  initialDate,
  onRangeChange,
  now,
}: RoomCalendarProps) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  const format = useRoomFormat();
  const calendarRef = useRef<CalendarRef>(null);
  const bookButtonRef = useRef<HTMLButtonElement>(null);
  // A phone shows one day, and fewer bookings side by side in it.
  const [narrow] = useState(() => typeof window !== 'undefined' && Boolean(window.matchMedia?.('(max-width: 40em)').matches));
  const [initialView] = useState<CalendarViewType>(narrow ? 'timeGridDay' : 'timeGridWeek');
  const [range, setRange] = useState<Range | null>(null);
  const [dialog, setDialog] = useState<{ initial: Partial<BookingValues> } | null>(null);

  const bookings = useBookings(range ? { buildingId: building.id, from: range.from, to: range.to } : null);
  const room = rooms.find((option) => option.id === roomId);
  const roomName = useMemo(() => new Map(rooms.map((option) => [option.id, option.name])), [rooms]);

  const shown = useMemo(
    () => (bookings.data ?? []).filter((booking) => !roomId || booking.roomId === roomId),
    [bookings.data, roomId],
  );
  const inRange = useMemo(
    () => (range ? holidays.filter((holiday) => holiday.startDate <= range.to && holiday.endDate >= range.from) : []),
    [holidays, range],
  );

  const events = useMemo<EventInput[]>(
    () => [
      ...shown.map((booking) => bookingEvent(booking, t, colourOf, roomId ? null : (roomName.get(booking.roomId) ?? null))),
      ...inRange.map((holiday) => holidayEvent(holiday)),
    ],
    [shown, inRange, t, colourOf, roomId, roomName],
  );

  const axis = useMemo(() => timeAxis(room ? [room] : rooms, shown), [room, rooms, shown]);
  const businessHours = useMemo<BusinessHoursInput | false>(() => {
    if (!room || Object.keys(room.openingHours ?? {}).length === 0) return false;
    return Object.entries(room.openingHours).flatMap(([day, hours]) =>
      hours ? [{ daysOfWeek: [WEEKDAY_NUMBERS[day as keyof typeof WEEKDAY_NUMBERS]], startTime: hours.opens, endTime: hours.closes }] : [],
    );
  }, [room]);

  const legend = useMemo(() => {
    const names = new Map<string, string>();
    for (const booking of shown) names.set(booking.organisationId, booking.organisationName);
    return [...names].sort((a, b) => a[1].localeCompare(b[1], 'nl'));
  }, [shown]);

  const shownRange = useRef<Range | null>(null);
  const onDatesSet = useCallback(
    (info: { view: CalendarViewType; startStr: string; endStr: string }) => {
      const next: Range = { view: info.view, from: info.startStr.slice(0, 10), to: addDays(info.endStr.slice(0, 10), -1) };
      const before = shownRange.current;
      if (before && before.from === next.from && before.to === next.to && before.view === next.view) return;
      shownRange.current = next;
      setRange(next);
      // Only a move the person made goes into the address: writing the first range would be a
      // navigation of its own, racing a link clicked while the calendar is still loading.
      if (before) onRangeChange?.(next.from);
    },
    [onRangeChange],
  );

  const canBook = organisations.length > 0 && rooms.length > 0;
  const openDialog = (initial: Partial<BookingValues>) => setDialog({ initial: { roomId, ...initial } });
  const today = todayInZone(now);
  const api = () => calendarRef.current?.getApi();
  const isWeek = (range?.view ?? initialView) === 'timeGridWeek';
  const title = range
    ? isWeek
      ? t('rooms.calendar.weekTitle', { number: isoWeekNumber(range.from), from: format.date(range.from), to: format.date(range.to) })
      : format.longDate(range.from)
    : '';

  return (
    <div className="kc-rooms" data-testid="rooms-calendar-screen">
      <div className="kc-rooms__filters">
        <SelectField
          label={t('rooms.room')}
          name="roomId"
          value={roomId}
          onChange={onRoomChange}
          options={[{ value: '', label: t('rooms.allRooms') }, ...rooms.map((option) => ({ value: option.id, label: option.name }))]}
        />
        {canBook ? (
          <ButtonGroup>
            <Button
              ref={bookButtonRef}
              type="button"
              appearance="primary-action-button"
              data-testid="book-room"
              onClick={() => openDialog({ date: range && (today < range.from || today > range.to) ? range.from : today })}
            >
              {t('rooms.book')}
            </Button>
          </ButtonGroup>
        ) : null}
      </div>

      <div className="kc-rooms__toolbar">
        <ButtonGroup aria-label={t('rooms.calendar.navigation')} role="group">
          <Button type="button" appearance="secondary-action-button" data-testid="calendar-previous" onClick={() => api()?.prev()}>
            {isWeek ? t('rooms.calendar.previousWeek') : t('rooms.calendar.previousDay')}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            data-testid="calendar-today"
            disabled={range !== null && today >= range.from && today <= range.to}
            onClick={() => api()?.today()}
          >
            {t('rooms.calendar.today')}
          </Button>
          <Button type="button" appearance="secondary-action-button" data-testid="calendar-next" onClick={() => api()?.next()}>
            {isWeek ? t('rooms.calendar.nextWeek') : t('rooms.calendar.nextDay')}
          </Button>
        </ButtonGroup>
        <ButtonGroup aria-label={t('rooms.calendar.view')} role="group">
          {(['timeGridWeek', 'timeGridDay'] as const).map((view) => (
            <Button
              key={view}
              type="button"
              appearance="secondary-action-button"
              aria-pressed={(range?.view ?? initialView) === view}
              data-testid={`calendar-view-${view === 'timeGridWeek' ? 'week' : 'day'}`}
              onClick={() => api()?.changeView(view)}
            >
              {view === 'timeGridWeek' ? t('rooms.calendar.week') : t('rooms.calendar.day')}
            </Button>
          ))}
        </ButtonGroup>
      </div>

      <div aria-live="polite" className="kc-rooms__title">
        <Heading level={2} data-testid="calendar-title">
          {title}
        </Heading>
        {bookings.isSuccess ? (
          <Paragraph data-testid="calendar-count">
            {room
              ? t('rooms.calendar.countRoom', { count: shown.length, room: room.name })
              : t('rooms.calendar.count', { count: shown.length })}
          </Paragraph>
        ) : null}
      </div>
      {bookings.isError ? <ProblemAlert error={bookings.error} /> : null}
      {inRange.length > 0 ? (
        <section aria-labelledby="rooms-holidays" className="kc-rooms__holidays" data-testid="calendar-holidays">
          <Heading level={3} id="rooms-holidays">
            {t('rooms.calendar.holidays')}
          </Heading>
          <ul className="kc-plain-list">
            {inRange.map((holiday) => (
              <li key={holiday.id}>
                {t('rooms.calendar.holidayText', {
                  name: holiday.name,
                  kind: t(`rooms.calendar.holidayKinds.${holiday.kind}`),
                  from: format.date(holiday.startDate),
                  to: format.date(holiday.endDate),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CalendarView
        calendarRef={calendarRef}
        language={language}
        initialView={initialView}
        initialDate={initialDate}
        events={events}
        slotMinTime={axis.min}
        slotMaxTime={axis.max}
        businessHours={businessHours}
        selectable={canBook}
        maxStack={roomId ? undefined : isWeek || narrow ? 2 : 6}
        onDatesSet={onDatesSet}
        onSelect={({ startStr, endStr }) => openDialog(valuesFromRange(startStr, endStr))}
      />
      {businessHours ? <Paragraph className="kc-muted">{t('rooms.calendar.closedHint')}</Paragraph> : null}

      {legend.length > 0 ? (
        <section aria-labelledby="rooms-legend" className="kc-rooms__legend">
          <Heading level={3} id="rooms-legend">
            {t('rooms.calendar.legend')}
          </Heading>
          <ul className="kc-plain-list kc-legend" data-testid="calendar-legend">
            {legend.map(([id, name]) => (
              <li key={id} className="kc-legend__item">
                <span className="kc-legend__swatch" style={{ backgroundColor: colourOf(id) }} aria-hidden="true" />
                {name}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {dialog ? (
        <BookingDialog
          rooms={rooms}
          organisations={organisations}
          organisationName={organisationName}
          initial={dialog.initial}
          loaded={bookings.data ?? []}
          returnFocusRef={bookButtonRef}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </div>
  );
}

type Translate = TFunction;

/** A booking as an event: its organisation's colour and name; another's only as busy. */
export function bookingEvent(
  booking: BookingRead,
  t: Translate,
  colourOf: (organisationId: string) => string,
  roomName: string | null,
): EventInput {
  const requested = booking.status === 'requested';
  const title =
    booking.detail === 'busy' || !booking.purpose
      ? t('rooms.calendar.busy', { organisation: booking.organisationName })
      : `${booking.purpose} — ${booking.organisationName}`;
  const colour = colourOf(booking.organisationId);
  const extendedProps: CalendarEventProps = { kind: 'booking', booking, title, roomName, requested };
  return {
    id: booking.id,
    start: booking.startsAt,
    end: booking.endsAt,
    title,
    color: requested ? '#ffffff' : colour,
    contrastColor: requested ? colour : '#ffffff',
    className: requested ? 'kc-event--requested' : 'kc-event--confirmed',
    extendedProps,
  };
}

/** A holiday shades its days (all day, behind the bookings), its name in the all-day row. */
function holidayEvent(holiday: HolidayRead): EventInput {
  const extendedProps: CalendarEventProps = { kind: 'holiday', title: holiday.name };
  return {
    id: `holiday-${holiday.id}`,
    start: holiday.startDate,
    end: addDays(holiday.endDate, 1),
    allDay: true,
    display: 'background',
    title: holiday.name,
    className: 'kc-event--holiday',
    extendedProps,
  };
}

/** The hours the time grid shows: the rooms' opening hours and every booking shown, at least 07:00–19:00. */
function timeAxis(rooms: readonly RoomRead[], bookings: readonly BookingRead[]): { min: string; max: string } {
  const span = openingSpan(rooms);
  let min = span && span.opens < '07:00' ? span.opens : '07:00';
  let max = span && span.closes > '19:00' ? span.closes : '19:00';
  for (const booking of bookings) {
    const start = utcToZoned(booking.startsAt);
    const end = utcToZoned(booking.endsAt);
    if (start.time < min) min = start.time;
    if (end.date !== start.date) max = '24:00';
    else if (end.time > max) max = end.time;
  }
  const hourDown = (time: string) => `${time.slice(0, 2)}:00`;
  const hourUp = (time: string) =>
    time.endsWith(':00') ? time : `${String(Math.min(24, Number(time.slice(0, 2)) + 1)).padStart(2, '0')}:00`;
  return { min: hourDown(min), max: hourUp(max) };
}
