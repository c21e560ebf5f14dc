import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldCheckbox,
  FormFieldTextbox,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { codeText, conflictText } from '@/features/rooms/components/booking-form';
import { useRoomFormat } from '@/features/rooms/hooks/use-room-format';
import { conflictsOf, serverFieldErrors } from '@/features/rooms/utils/booking-form';
import { weekdayOf } from '@/features/rooms/utils/time';
import type { BuildingRead, RoomRead } from '@/features/rooms/types';
import { useCreateSessions } from '@/features/activities/api/sessions';
import {
  emptySessionValues,
  SESSION_FIELDS,
  sessionBody,
  sessionErrors,
  type SessionField,
  type SessionFieldErrors,
  type SessionValues,
} from '@/features/activities/utils/session-form';
import type { ActivityRead, SessionsCreated } from '@/features/activities/types';

const DAY_NAMES = {
  MO: 'monday',
  TU: 'tuesday',
  WE: 'wednesday',
  TH: 'thursday',
  FR: 'friday',
  SA: 'saturday',
  SU: 'sunday',
} as const;

const SHOWN = 12;

/**
 * "Sessies toevoegen": a room of the activity's centre, a date and times, weekly until a date.
 * Each session is a room booking of the providing organisation: a 400 names the room's rules, a
 * 409 the times the room is taken, with the choice to leave those out.
 */
export function SessionForm({
  activity,
  rooms,
  buildings,
  onDone,
}: {
  activity: ActivityRead;
  rooms: RoomRead[];
  buildings: BuildingRead[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const conflictsRef = useRef<HTMLHeadingElement>(null);
  const refs = useFieldRefs();
  const [values, setValues] = useState<SessionValues>(() =>
    emptySessionValues(rooms.length === 1 ? { roomId: rooms[0]!.id } : {}),
  );
  const [errors, setErrors] = useState<SessionFieldErrors>({});
  const [created, setCreated] = useState<SessionsCreated | null>(null);
  const create = useCreateSessions(activity.id, { onSuccess: setCreated });
  const set = (change: Partial<SessionValues>) => setValues((current) => ({ ...current, ...change }));

  const room = rooms.find((option) => option.id === values.roomId);
  const buildingName = useMemo(() => new Map(buildings.map((building) => [building.id, building.name])), [buildings]);
  const severalBuildings = new Set(rooms.map((option) => option.buildingId)).size > 1;
  const conflicts = useMemo(() => conflictsOf(create.error), [create.error]);
  const server = useMemo(() => serverFieldErrors(create.error), [create.error]);
  const placed = (field: SessionField) => server.filter((error) => error.field === field);
  const unplaced = server.filter((error) => !error.field || !(SESSION_FIELDS as readonly string[]).includes(error.field));

  const fieldError = (field: SessionField): string | undefined => {
    const local = errors[field];
    if (local) return t(`activities.sessionForm.errors.${local}` as never);
    const found = placed(field);
    return found.length > 0 ? found.map((error) => codeText(t, error, room)).join(' ') : undefined;
  };

  useEffect(() => headingRef.current?.focus(), []);

  // After the server refused, go to what it refused: the conflicts, or the first field named.
  const latest = useRef({ conflicts, server });
  latest.current = { conflicts, server };
  useEffect(() => {
    if (!create.error) return;
    if (latest.current.conflicts) {
      conflictsRef.current?.focus();
      return;
    }
    const first = SESSION_FIELDS.find((field) => latest.current.server.some((error) => error.field === field));
    if (first) refs[first].current?.focus();
  }, [create.error, refs]);

  function send(skipConflicts: boolean) {
    if (create.isPending) return;
    const found = sessionErrors(values);
    setErrors(found);
    const first = SESSION_FIELDS.find((field) => found[field]);
    if (first) {
      create.reset();
      refs[first].current?.focus();
      return;
    }
    create.mutate(sessionBody(values, skipConflicts));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(false);
  }

  if (created) {
    return (
      <SessionsResult
        created={created}
        headingId={headingId}
        onAgain={() => {
          create.reset();
          setCreated(null);
        }}
        onClose={onDone}
      />
    );
  }

  const weekday = values.date ? t(`days.${DAY_NAMES[weekdayOf(values.date)]}`) : null;
  const otherProblem = create.isError && !conflicts && server.length === 0;

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform kc-session-form" aria-labelledby={headingId} data-testid="session-form">
      <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('activities.sessionForm.title')}
      </Heading>
      <Paragraph>{t('activities.sessionForm.intro')}</Paragraph>
      <SelectField
        ref={refs.roomId}
        label={t('activities.sessionForm.room')}
        name="roomId"
        value={values.roomId}
        onChange={(roomId) => set({ roomId })}
        placeholder={t('activities.sessionForm.chooseRoom')}
        options={rooms.map((option) => ({
          value: option.id,
          label:
            severalBuildings && buildingName.get(option.buildingId)
              ? t('activities.sessionForm.roomInBuilding', { room: option.name, building: buildingName.get(option.buildingId) })
              : option.name,
        }))}
        errorMessage={fieldError('roomId')}
        required
      />
      <div className="kc-session-form__when">
        <FormFieldTextbox
          inputRef={refs.date}
          name="date"
          type="date"
          label={values.weekly ? t('activities.sessionForm.firstDate') : t('activities.sessionForm.date')}
          value={values.date}
          onChange={(event) => set({ date: (event.target as HTMLInputElement).value })}
          invalid={Boolean(fieldError('date'))}
          errorMessage={fieldError('date')}
          required
        />
        <FormFieldTextbox
          inputRef={refs.start}
          name="start"
          type="time"
          label={t('activities.sessionForm.start')}
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
          label={t('activities.sessionForm.end')}
          value={values.end}
          onChange={(event) => set({ end: (event.target as HTMLInputElement).value })}
          invalid={Boolean(fieldError('end'))}
          errorMessage={fieldError('end')}
          required
        />
      </div>
      <FormFieldCheckbox
        name="weekly"
        label={weekday ? t('activities.sessionForm.weeklyOn', { weekday }) : t('activities.sessionForm.weekly')}
        checked={values.weekly}
        onChange={(event) => set({ weekly: event.target.checked })}
      />
      {values.weekly ? (
        <div className="kc-subform" data-testid="session-repeat">
          <FormFieldTextbox
            inputRef={refs.until}
            name="until"
            type="date"
            label={t('activities.sessionForm.until')}
            description={t('activities.sessionForm.untilHelp')}
            min={values.date || undefined}
            value={values.until}
            onChange={(event) => set({ until: (event.target as HTMLInputElement).value })}
            invalid={Boolean(fieldError('until'))}
            errorMessage={fieldError('until')}
            required
          />
          <FormFieldCheckbox
            name="skipHolidays"
            label={t('activities.sessionForm.skipHolidays')}
            description={t('activities.sessionForm.skipHolidaysHelp')}
            checked={values.skipHolidays}
            onChange={(event) => set({ skipHolidays: event.target.checked })}
          />
        </div>
      ) : null}

      {conflicts ? (
        <section aria-labelledby={`${headingId}-conflicts`} data-testid="session-conflicts">
          <Alert type="warning" className="kc-alert">
            <Heading level={4} id={`${headingId}-conflicts`} ref={conflictsRef} tabIndex={-1}>
              {t('activities.sessionForm.conflictsTitle')}
            </Heading>
            <Paragraph>{t('activities.sessionForm.conflictsIntro', { count: conflicts.length })}</Paragraph>
            <UnorderedList>
              {conflicts.map((conflict) => (
                <UnorderedListItem key={conflict.startsAt} data-testid="session-conflict">
                  {conflictText(t, conflict, format)}
                </UnorderedListItem>
              ))}
            </UnorderedList>
            {values.weekly ? (
              <>
                <Paragraph>{t('activities.sessionForm.skipHelp')}</Paragraph>
                <ButtonGroup className="kc-activity-actions">
                  <Button type="button" appearance="primary-action-button" busy={create.isPending} onClick={() => send(true)} data-testid="session-skip-conflicts">
                    {t('activities.sessionForm.skip')}
                  </Button>
                </ButtonGroup>
              </>
            ) : (
              <Paragraph>{t('activities.sessionForm.changeHelp')}</Paragraph>
            )}
          </Alert>
        </section>
      ) : null}
      {unplaced.length > 0 ? (
        <Alert type="error" className="kc-alert" data-testid="session-error-summary">
          {unplaced.map((error, index) => (
            <Paragraph key={`${error.code}-${index}`}>{codeText(t, error, room)}</Paragraph>
          ))}
        </Alert>
      ) : null}
      {otherProblem ? (
        <div data-testid="session-problem">
          <ProblemAlert
            error={create.error}
            messages={{ 403: t('activities.sessionForm.forbidden'), 409: t('activities.sessionForm.raced') }}
          />
        </div>
      ) : null}
      <ButtonGroup className="kc-activity-actions">
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} data-testid="session-submit">
          {t('activities.sessionForm.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onDone} disabled={create.isPending}>
          {t('activities.sessionForm.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

type FieldRefs = {
  roomId: RefObject<HTMLSelectElement | null>;
  date: RefObject<HTMLInputElement | null>;
  start: RefObject<HTMLInputElement | null>;
  end: RefObject<HTMLInputElement | null>;
  until: RefObject<HTMLInputElement | null>;
};

function useFieldRefs(): FieldRefs {
  const roomId = useRef<HTMLSelectElement>(null);
  const date = useRef<HTMLInputElement>(null);
  const start = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLInputElement>(null);
  const until = useRef<HTMLInputElement>(null);
  return useMemo(() => ({ roomId, date, start, end, until }), []);
}

/** What was added (some perhaps still to be approved by the room's owner), and what was left out. */
function SessionsResult({
  created,
  headingId,
  onAgain,
  onClose,
}: {
  created: SessionsCreated;
  headingId: string;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const format = useRoomFormat();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = [...created.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const requested = items.some((item) => item.bookingStatus === 'requested');
  const hidden = items.length - SHOWN;

  useEffect(() => headingRef.current?.focus(), []);

  return (
    <div className="kc-subform" data-testid="session-result" aria-live="polite">
      <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('activities.sessionForm.resultTitle')}
      </Heading>
      <Paragraph>{t('activities.sessionForm.added', { count: items.length })}</Paragraph>
      {requested ? <Paragraph>{t('activities.sessionForm.requested')}</Paragraph> : null}
      <UnorderedList>
        {items.slice(0, SHOWN).map((item) => (
          <UnorderedListItem key={item.id}>
            {item.roomName ? `${format.span(item.startsAt, item.endsAt)}, ${item.roomName}` : format.span(item.startsAt, item.endsAt)}
          </UnorderedListItem>
        ))}
        {hidden > 0 ? <UnorderedListItem>{t('activities.sessionForm.more', { count: hidden })}</UnorderedListItem> : null}
      </UnorderedList>
      {created.skipped.length > 0 ? (
        <>
          <Paragraph>{t('activities.sessionForm.skipped', { count: created.skipped.length })}</Paragraph>
          <UnorderedList data-testid="session-result-skipped">
            {created.skipped.map((skipped) => (
              <UnorderedListItem key={`${skipped.startsAt}-${skipped.reason}`}>
                {t('activities.sessionForm.skippedItem', {
                  when: format.span(skipped.startsAt, skipped.endsAt),
                  reason: t(`activities.sessionForm.reasons.${skipped.reason}`),
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <ButtonGroup className="kc-activity-actions">
        <Button type="button" appearance="primary-action-button" onClick={onClose}>
          {t('activities.sessionForm.close')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onAgain}>
          {t('activities.sessionForm.again')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
