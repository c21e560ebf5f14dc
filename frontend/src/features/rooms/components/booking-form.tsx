import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldCheckbox,
  FormFieldErrorMessage,
  FormFieldTextbox,
  FormLabel,
  Heading,
  Paragraph,
  RadioButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useCreateBooking } from '@/features/rooms/api/bookings';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import {
  bookingBody,
  conflictsOf,
  emptyValues,
  FORM_FIELDS,
  localErrors,
  overlappingBookings,
  serverFieldErrors,
  type BookingValues,
  type FieldErrors,
  type BookingFormField,
  type ServerFieldError,
} from '@/features/rooms/utils/booking-form';
import { openingHoursText } from '@/features/rooms/utils/opening-hours';
import { weekdayOf } from '@/features/rooms/utils/time';
import {
  WEEKDAY_CODES,
  type BookingConflict,
  type BookingCreated,
  type BookingOrganisation,
  type BookingRead,
  type RoomRead,
  type WeekdayCode,
} from '@/features/rooms/types';
import type { RoomFormat } from '@/features/rooms/utils/format';


const DAY_NAMES: Record<WeekdayCode, 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday'> = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
};

type BookingFormProps = {
  rooms: RoomRead[];
  organisations: BookingOrganisation[];
  /** The name of an organisation by id (a room's owner), when known. */
  organisationName: (organisationId: string) => string | undefined;
  initial?: Partial<BookingValues>;
  /** The bookings the calendar has loaded: a chosen time that overlaps one is flagged at once. */
  loaded?: BookingRead[];
  headingId: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onBooked: (created: BookingCreated) => void;
  onCancel: () => void;
};

/**
 * Book a room once or every week. Checked here first (required fields, end after start), then
 * by the server: its 400 codes appear at their fields in our words, a 409 lists who has the
 * room when, with the choice to skip those times and book the rest.
 */
export function BookingForm({
  rooms,
  organisations,
  organisationName,
  initial,
  loaded = [],
  headingId,
  headingRef,
  onBooked,
  onCancel,
}: BookingFormProps) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const [values, setValues] = useState<BookingValues>(() =>
    emptyValues({
      ...(organisations.length === 1 ? { organisationId: organisations[0]!.id } : {}),
      ...(rooms.length === 1 ? { roomId: rooms[0]!.id } : {}),
      ...initial,
    }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = useFieldRefs();
  const conflictsRef = useRef<HTMLHeadingElement>(null);
  const create = useCreateBooking({ onSuccess: onBooked });

  const room = rooms.find((option) => option.id === values.roomId);
  const organisation = organisations.find((option) => option.id === values.organisationId);
  const defaultSkipHolidays = organisation?.type === 'school';
  const set = (change: Partial<BookingValues>) => setValues((current) => ({ ...current, ...change }));

  // What the server says about a field not on screen (the organisation of someone with one,
  // the rule of a single booking) is shown with the form's other problems.
  const hiddenFields = useMemo(() => {
    const hidden = new Set<BookingFormField>();
    if (organisations.length <= 1) hidden.add('organisationId');
    if (values.repeat !== 'weekly') {
      hidden.add('weekdays');
      hidden.add('until');
    }
    return hidden;
  }, [organisations.length, values.repeat]);
  const server = useMemo(
    () =>
      serverFieldErrors(create.error).map((error) =>
        error.field && hiddenFields.has(error.field) ? { ...error, field: null } : error,
      ),
    [create.error, hiddenFields],
  );
  const conflicts = useMemo(() => conflictsOf(create.error), [create.error]);
  const overlaps = useMemo(() => overlappingBookings(values, loaded), [values, loaded]);

  const fieldError = (field: BookingFormField): string | undefined => {
    const local = errors[field];
    if (local) return t(`rooms.form.${local}` as never);
    const found = server.filter((error) => error.field === field);
    return found.length > 0 ? found.map((error) => codeText(t, error, room)).join(' ') : undefined;
  };

  // After the server refused, go to what it refused: the first field named, or the conflicts.
  // Only when a new answer comes in, not while the person is changing the form.
  const latest = useRef({ conflicts, server });
  latest.current = { conflicts, server };
  useEffect(() => {
    if (!create.error) return;
    if (latest.current.conflicts) {
      conflictsRef.current?.focus();
      return;
    }
    const first = FORM_FIELDS.find((field) => latest.current.server.some((error) => error.field === field));
    if (first) refs[first].current?.focus();
  }, [create.error, refs]);

  function send(skipConflicts: boolean) {
    if (create.isPending) return;
    const found = localErrors(values, { needsOrganisation: organisations.length > 1 });
    setErrors(found);
    const first = FORM_FIELDS.find((field) => found[field]);
    if (first) {
      create.reset();
      refs[first].current?.focus();
      return;
    }
    const body = bookingBody(values, defaultSkipHolidays);
    create.mutate(skipConflicts ? { ...body, skipConflicts: true } : body);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(false);
  }

  const roomHelp = room ? roomDescription(t, room, organisationName) : undefined;
  const unplaced = server.filter((error) => error.field === null);
  const otherProblem = create.isError && !conflicts && server.length === 0;
  const hasFieldErrors = FORM_FIELDS.some((field) => fieldError(field));

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-booking-form" aria-labelledby={headingId} data-testid="booking-form">
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('rooms.form.title')}
      </Heading>
      <Paragraph>{t('rooms.form.intro')}</Paragraph>
      <SelectField
        ref={refs.roomId}
        label={t('rooms.form.room')}
        name="roomId"
        value={values.roomId}
        onChange={(roomId) => set({ roomId })}
        placeholder={t('rooms.form.chooseRoom')}
        options={rooms.map((option) => ({
          value: option.id,
          label: option.capacity ? t('rooms.form.roomCapacity', { name: option.name, capacity: option.capacity }) : option.name,
        }))}
        description={roomHelp}
        errorMessage={fieldError('roomId')}
        required
      />
      {organisations.length > 1 ? (
        <SelectField
          ref={refs.organisationId}
          label={t('rooms.form.organisation')}
          name="organisationId"
          value={values.organisationId}
          onChange={(organisationId) => set({ organisationId })}
          placeholder={t('rooms.form.chooseOrganisation')}
          options={organisations.map((option) => ({ value: option.id, label: option.name }))}
          errorMessage={fieldError('organisationId')}
          required
        />
      ) : null}
      <FormFieldTextbox
        inputRef={refs.purpose}
        name="purpose"
        label={t('rooms.form.purpose')}
        description={t('rooms.form.purposeHelp')}
        maxLength={300}
        value={values.purpose}
        onChange={(event) => set({ purpose: (event.target as HTMLInputElement).value })}
        invalid={Boolean(fieldError('purpose'))}
        errorMessage={fieldError('purpose')}
        required
      />
      <div className="kc-booking-form__when">
        <FormFieldTextbox
          inputRef={refs.date}
          name="date"
          type="date"
          label={t('rooms.form.date')}
          value={values.date}
          onChange={(event) => {
            const date = (event.target as HTMLInputElement).value;
            // Weekly on the old date's weekday only: the weekday moves with the date.
            const follows =
              values.date && date && values.weekdays.length === 1 && values.weekdays[0] === weekdayOf(values.date);
            set(follows ? { date, weekdays: [weekdayOf(date)] } : { date });
          }}
          invalid={Boolean(fieldError('date'))}
          errorMessage={fieldError('date')}
          required
        />
        <FormFieldTextbox
          inputRef={refs.start}
          name="start"
          type="time"
          label={t('rooms.form.start')}
          value={values.start}
          onChange={(event) => set({ start: (event.target as HTMLInputElement).value })}
          invalid={Boolean(fieldError('start'))}
          errorMessage={fieldError('start')}
          required
        />
        <FormFieldTextbox
          inputRef={refs.end}
          name="end"
          type="time"
          label={t('rooms.form.end')}
          value={values.end}
          onChange={(event) => set({ end: (event.target as HTMLInputElement).value })}
          invalid={Boolean(fieldError('end'))}
          errorMessage={fieldError('end')}
          required
        />
      </div>
      <div aria-live="polite" data-testid="booking-overlap">
        {overlaps.length > 0 ? (
          <Paragraph className="kc-booking-form__warning">
            {t('rooms.form.overlap', {
              count: overlaps.length,
              list: overlaps
                .map((booking) => `${format.time(booking.startsAt)}–${format.time(booking.endsAt)} ${booking.organisationName}`)
                .join('; '),
            })}
          </Paragraph>
        ) : null}
      </div>
      <FormFieldTextbox
        inputRef={refs.attendees}
        name="attendees"
        type="number"
        min={1}
        label={t('rooms.form.attendees')}
        value={values.attendees}
        onChange={(event) => set({ attendees: (event.target as HTMLInputElement).value })}
        invalid={Boolean(fieldError('attendees'))}
        errorMessage={fieldError('attendees')}
      />
      <RepeatFields values={values} set={set} refs={refs} fieldError={fieldError} defaultSkipHolidays={defaultSkipHolidays} />

      {conflicts ? (
        <ConflictList
          conflicts={conflicts}
          headingRef={conflictsRef}
          recurring={values.repeat === 'weekly'}
          pending={create.isPending}
          onSkip={() => send(true)}
          format={format}
        />
      ) : null}
      {hasFieldErrors ? (
        <Alert type="error" className="kc-alert" data-testid="booking-error-summary">
          <Paragraph>{t('rooms.form.errorSummary')}</Paragraph>
          {unplaced.length > 0 ? (
            <UnorderedList>
              {unplaced.map((error, index) => (
                <UnorderedListItem key={`${error.code}-${index}`}>{codeText(t, error, room)}</UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
        </Alert>
      ) : unplaced.length > 0 ? (
        <Alert type="error" className="kc-alert" data-testid="booking-error-summary">
          {unplaced.map((error, index) => (
            <Paragraph key={`${error.code}-${index}`}>{codeText(t, error, room)}</Paragraph>
          ))}
        </Alert>
      ) : null}
      {otherProblem ? (
        <div data-testid="booking-problem">
          <ProblemAlert
            error={create.error}
            messages={{
              403: t('rooms.problems.forbidden'),
              404: t('rooms.problems.notFound'),
              409: t('rooms.problems.raced'),
            }}
          />
        </div>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} data-testid="booking-submit">
          {t('rooms.form.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={create.isPending}>
          {t('rooms.form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

type FieldRefs = {
  roomId: RefObject<HTMLSelectElement | null>;
  organisationId: RefObject<HTMLSelectElement | null>;
  purpose: RefObject<HTMLInputElement | null>;
  date: RefObject<HTMLInputElement | null>;
  start: RefObject<HTMLInputElement | null>;
  end: RefObject<HTMLInputElement | null>;
  attendees: RefObject<HTMLInputElement | null>;
  weekdays: RefObject<HTMLInputElement | null>;
  until: RefObject<HTMLInputElement | null>;
};

function useFieldRefs(): FieldRefs {
  const roomId = useRef<HTMLSelectElement>(null);
  const organisationId = useRef<HTMLSelectElement>(null);
  const purpose = useRef<HTMLInputElement>(null);
  const date = useRef<HTMLInputElement>(null);
  const start = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLInputElement>(null);
  const attendees = useRef<HTMLInputElement>(null);
  const weekdays = useRef<HTMLInputElement>(null);
  const until = useRef<HTMLInputElement>(null);
  return useMemo(
    () => ({ roomId, organisationId, purpose, date, start, end, attendees, weekdays, until }),
    [],
  );
}

function RepeatFields({
  values,
  set,
  refs,
  fieldError,
  defaultSkipHolidays,
}: {
  values: BookingValues;
  set: (change: Partial<BookingValues>) => void;
  refs: FieldRefs;
  fieldError: (field: BookingFormField) => string | undefined;
  defaultSkipHolidays: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const weekdaysError = fieldError('weekdays');
  const choices = [
    { value: 'none', label: t('rooms.form.repeatNone') },
    { value: 'weekly', label: t('rooms.form.repeatWeekly') },
  ] as const;
  return (
    <>
      <Fieldset>
        <FieldsetLegend>{t('rooms.form.repeat')}</FieldsetLegend>
        {choices.map((choice) => (
          <FormField key={choice.value} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                id={`${id}-repeat-${choice.value}`}
                name="repeat"
                value={choice.value}
                checked={values.repeat === choice.value}
                onChange={() =>
                  set(
                    choice.value === 'weekly' && values.weekdays.length === 0 && values.date
                      ? { repeat: 'weekly', weekdays: [weekdayOf(values.date)] }
                      : { repeat: choice.value },
                  )
                }
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={`${id}-repeat-${choice.value}`} type="radio">
                {choice.label}
              </FormLabel>
            </div>
          </FormField>
        ))}
      </Fieldset>
      {values.repeat === 'weekly' ? (
        <div className="kc-subform" data-testid="booking-repeat">
          <Fieldset
            invalid={Boolean(weekdaysError)}
            aria-describedby={weekdaysError ? `${id}-weekdays-error` : undefined}
            className="kc-booking-form__weekdays"
          >
            <FieldsetLegend>{t('rooms.form.weekdays')}</FieldsetLegend>
            {weekdaysError ? <FormFieldErrorMessage id={`${id}-weekdays-error`}>{weekdaysError}</FormFieldErrorMessage> : null}
            {WEEKDAY_CODES.map((code, index) => (
              <FormFieldCheckbox
                key={code}
                inputRef={index === 0 ? refs.weekdays : undefined}
                name="weekdays"
                value={code}
                label={t(`days.${DAY_NAMES[code]}`)}
                checked={values.weekdays.includes(code)}
                invalid={Boolean(weekdaysError)}
                onChange={(event) =>
                  set({
                    weekdays: event.target.checked
                      ? [...values.weekdays, code]
                      : values.weekdays.filter((day) => day !== code),
                  })
                }
              />
            ))}
          </Fieldset>
          <FormFieldTextbox
            inputRef={refs.until}
            name="until"
            type="date"
            label={t('rooms.form.until')}
            description={t('rooms.form.untilHelp')}
            min={values.date || undefined}
            value={values.until}
            onChange={(event) => set({ until: (event.target as HTMLInputElement).value })}
            invalid={Boolean(fieldError('until'))}
            errorMessage={fieldError('until')}
            required
          />
          <FormFieldCheckbox
            name="skipHolidays"
            label={t('rooms.form.skipHolidays')}
            description={t('rooms.form.skipHolidaysHelp')}
            checked={values.skipHolidays ?? defaultSkipHolidays}
            onChange={(event) => set({ skipHolidays: event.target.checked })}
          />
        </div>
      ) : null}
    </>
  );
}

type Translate = TFunction;

/** What a 400 code means, in our words, with the room's own limits when we know them. */
export function codeText(t: Translate, error: ServerFieldError, room: RoomRead | undefined): string {
  switch (error.code) {
    case 'outsideOpeningHours': {
      const hours = room ? openingHoursText(room, (day) => t(`days.${day}` as 'days.monday'), t('rooms.form.through')) : '';
      return hours ? t('rooms.codes.outsideOpeningHoursWithHours', { hours }) : t('rooms.codes.outsideOpeningHours');
    }
    case 'overCapacity':
      return room?.capacity
        ? t('rooms.codes.overCapacityWithCapacity', { capacity: room.capacity })
        : t('rooms.codes.overCapacity');
    case 'inThePast':
    case 'notBookableByOrganisation':
    case 'tooManyOccurrences':
    case 'recurrenceTooLong':
    case 'invalidRecurrence':
    case 'noOccurrences':
    case 'organisationRequired':
    case 'notInCentre':
      return t(`rooms.codes.${error.code}` as 'rooms.codes.inThePast');
    default:
      return t('rooms.codes.other', { detail: error.detail });
  }
}

function roomDescription(
  t: Translate,
  room: RoomRead,
  organisationName: (organisationId: string) => string | undefined,
): string | undefined {
  const parts: string[] = [];
  const hours = openingHoursText(room, (day) => t(`days.${day}` as 'days.monday'), t('rooms.form.through'));
  if (hours) parts.push(t('rooms.form.roomOpen', { hours }));
  if (room.needsApproval) {
    const owner = organisationName(room.ownerOrganisationId);
    parts.push(owner ? t('rooms.form.roomNeedsApproval', { owner }) : t('rooms.form.roomNeedsApprovalNoName'));
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The times the room is taken, each in words; skipping them books the rest of the series. */
function ConflictList({
  conflicts,
  headingRef,
  recurring,
  pending,
  onSkip,
  format,
}: {
  conflicts: BookingConflict[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  recurring: boolean;
  pending: boolean;
  onSkip: () => void;
  format: RoomFormat;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="kc-booking-conflicts" data-testid="booking-conflicts">
      <Alert type="warning" className="kc-alert">
        <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1}>
          {t('rooms.conflicts.title')}
        </Heading>
        <Paragraph>{t('rooms.conflicts.intro', { count: conflicts.length })}</Paragraph>
        <UnorderedList>
          {conflicts.map((conflict) => (
            <UnorderedListItem key={conflict.startsAt} data-testid="booking-conflict">
              {conflictText(t, conflict, format)}
            </UnorderedListItem>
          ))}
        </UnorderedList>
        {recurring ? (
          <>
            <Paragraph>{t('rooms.conflicts.skipHelp')}</Paragraph>
            <ButtonGroup>
              <Button type="button" appearance="primary-action-button" busy={pending} onClick={onSkip} data-testid="booking-skip-conflicts">
                {t('rooms.conflicts.skip')}
              </Button>
            </ButtonGroup>
          </>
        ) : (
          <Paragraph>{t('rooms.conflicts.changeHelp')}</Paragraph>
        )}
      </Alert>
    </section>
  );
}

/** "Bezet op woensdag 14 januari 14:00–15:00 door Basisschool De Regenboog". */
export function conflictText(t: Translate, conflict: BookingConflict, format: RoomFormat): string {
  const when = format.span(conflict.startsAt, conflict.endsAt);
  const names = [...new Set(conflict.takenBy.map((booking) => booking.organisationName))];
  const by = names.join(t('rooms.conflicts.and'));
  const purposes = conflict.takenBy.map((booking) => booking.purpose).filter((purpose): purpose is string => Boolean(purpose));
  return purposes.length > 0
    ? t('rooms.conflicts.itemWithPurpose', { when, by, purpose: purposes.join(', ') })
    : t('rooms.conflicts.item', { when, by });
}
