import FullCalendar, { type BusinessHoursInput, type CalendarRef, type EventInput } from '@fullcalendar/react';
import interactionPlugin from '@fullcalendar/react/interaction';
import enGbLocale from '@fullcalendar/react/locales/en-gb';
import nlLocale from '@fullcalendar/react/locales/nl';
import classicTheme from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import '@/features/rooms/components/rooms.css';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { isStaffLanguage, type Language } from '@/lib/i18n';
import { ROOMS_TIME_ZONE } from '@/features/rooms/utils/time';
import type { BookingRead } from '@/features/rooms/types';

export type CalendarViewType = 'timeGridWeek' | 'timeGridDay';

/** What an event of the calendar carries besides its times. */
export type CalendarEventProps =
  | { kind: 'booking'; booking: BookingRead; title: string; roomName: string | null; requested: boolean }
  | { kind: 'holiday'; title: string };

const LOCALES = { nl: nlLocale, en: enGbLocale } as const;
const TIME_FORMAT = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

type CalendarViewProps = {
  calendarRef: RefObject<CalendarRef | null>;
  language: Language;
  initialView: CalendarViewType;
  initialDate?: string;
  events: EventInput[];
  slotMinTime: string;
  slotMaxTime: string;
  businessHours: BusinessHoursInput | false;
  selectable: boolean;
  /** Bookings side by side in one day before the rest hide behind "+3" (all rooms at once). */
  maxStack?: number;
  onDatesSet: (range: { view: CalendarViewType; startStr: string; endStr: string }) => void;
  onSelect: (range: { startStr: string; endStr: string }) => void;
};

/**
 * FullCalendar's time grid on the Amsterdam clock, without its own toolbar (ours has the
 * labels and buttons of the NL Design System). Dragging over free time asks to book it.
 */
export function CalendarView({
  calendarRef,
  language,
  initialView,
  initialDate,
  events,
  slotMinTime,
  slotMaxTime,
  businessHours,
  selectable,
  maxStack,
  onDatesSet,
  onSelect,
}: CalendarViewProps) {
  const { t } = useTranslation();
  return (
    <div className="kc-room-calendar" data-testid="room-calendar">
      <FullCalendar
        ref={calendarRef}
        plugins={[timeGridPlugin, interactionPlugin, classicTheme]}
        timeZone={ROOMS_TIME_ZONE}
        locale={LOCALES[isStaffLanguage(language) ? language : 'nl']}
        initialView={initialView}
        initialDate={initialDate}
        headerToolbar={false}
        height="auto"
        firstDay={1}
        allDaySlot
        allDayText={t('rooms.calendar.allDay')}
        timedText={t('rooms.calendar.timed')}
        nowIndicator
        slotDuration="00:30:00"
        slotMinTime={slotMinTime}
        slotMaxTime={slotMaxTime}
        slotHeaderFormat={TIME_FORMAT}
        eventTimeFormat={TIME_FORMAT}
        businessHours={businessHours}
        eventMaxStack={maxStack}
        moreLinkText={(count: number) => t('rooms.calendar.more', { count })}
        moreLinkHint={(count: number) => t('rooms.calendar.moreHint', { count })}
        closeHint={t('rooms.calendar.close')}
        events={events}
        eventContent={(info) => {
          const props = info.event.extendedProps as CalendarEventProps;
          if (props.kind === 'holiday') return <span className="kc-event__holiday">{props.title}</span>;
          return (
            <span className="kc-event" data-testid="calendar-booking" data-booking-id={props.booking.id}>
              <span className="kc-event__time">{info.timeText}</span>{' '}
              <span className="kc-event__title">{props.title}</span>
              {props.roomName ? <span className="kc-event__room"> · {props.roomName}</span> : null}
              {props.requested ? <span className="kc-event__status"> ({t('rooms.calendar.requested')})</span> : null}
            </span>
          );
        }}
        selectable={selectable}
        selectMirror
        selectLongPressDelay={300}
        unselectAuto
        select={(info) => {
          onSelect({ startStr: info.startStr, endStr: info.endStr });
          calendarRef.current?.getApi().unselect();
        }}
        selectAllow={(span) => !span.allDay}
        datesSet={(info) =>
          onDatesSet({ view: info.view.type as CalendarViewType, startStr: info.startStr, endStr: info.endStr })
        }
      />
    </div>
  );
}
