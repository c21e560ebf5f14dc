import {
  Button,
  ButtonGroup,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { hasInvalidParamCode } from '@/lib/api-client';
import { todayIsoDate } from '@/lib/format';
import { useCreateSession, useUpdateSession } from '@/features/support/api/sessions';
import { FormProblem } from '@/features/support/components/form-problem';
import {
  ATTENDANCES,
  SESSION_LOCATIONS,
  type Attendance,
  type SessionLocation,
  type SessionRead,
  type SessionUpdate,
} from '@/features/support/types';

type Scope = { trajectoryId: string; childId: string };

type TrajectorySessionsProps = {
  scope: Scope;
  sessions: SessionRead[];
  canEdit: boolean;
  announce: (text: string) => void;
};

/** A local date and time (`2026-03-09`, `14:30`) as an instant for the API. */
export function localDateTimeToIso(date: string, time: string): string {
  return new Date(`${date}T${time}`).toISOString();
}

/** An instant from the API as the local date and time a form shows (`2026-03-09`, `14:30`). */
export function isoToLocalDateTime(value: string): { date: string; time: string } {
  const instant = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: todayIsoDate(instant), time: `${pad(instant.getHours())}:${pad(instant.getMinutes())}` };
}

/** The sessions of the trajectory with attendance; the team plans sessions and records who came. */
export function TrajectorySessions({ scope, sessions, canEdit, announce }: TrajectorySessionsProps) {
  const { t } = useTranslation();
  const sorted = [...sessions].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return (
    <section aria-labelledby="trajectory-sessions-heading" className="kc-section" data-testid="trajectory-sessions">
      <Heading level={2} id="trajectory-sessions-heading">
        {t('support.sessions.title')}
      </Heading>
      {sorted.length === 0 ? <Paragraph>{t('support.sessions.empty')}</Paragraph> : null}
      {sorted.length > 0 ? (
        <ol className="kc-cards" aria-label={t('support.sessions.listLabel')}>
          {sorted.map((session) => (
            <li key={session.id} className="kc-card" data-testid="session-item" data-session-id={session.id}>
              <SessionItem session={session} scope={scope} canEdit={canEdit} announce={announce} />
            </li>
          ))}
        </ol>
      ) : null}
      {canEdit ? <SessionForm scope={scope} onAdded={() => announce(t('support.sessions.added'))} /> : null}
    </section>
  );
}

function SessionItem({
  session,
  scope,
  canEdit,
  announce,
}: {
  session: SessionRead;
  scope: Scope;
  canEdit: boolean;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const when = t('support.sessions.when', {
    date: format.date(session.startsAt),
    start: format.time(session.startsAt),
    end: format.time(session.endsAt),
  });
  const [attendance, setAttendance] = useState<Attendance>(session.attendance);
  const [moving, setMoving] = useState(false);
  const moveButtonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    if (!moving && returnFocus.current) {
      returnFocus.current = false;
      moveButtonRef.current?.focus();
    }
  }, [moving]);
  // Only a session still to come is moved; one that took place (or not) is recorded as it was.
  const canMove = canEdit && session.attendance === 'planned';
  const update = useUpdateSession(scope, session.id, {
    onSuccess: () => announce(t('support.sessions.attendanceSaved', { when, attendance: t(`support.attendance.${attendance}`) })),
  });
  return (
    <>
      <Paragraph>
        <strong>
          <time dateTime={session.startsAt}>{when}</time>
        </strong>
      </Paragraph>
      <Paragraph>
        {t(`support.sessionLocations.${session.location}`)}
        {session.locationDetail ? `: ${session.locationDetail}` : ''}
        {' · '}
        {session.professionalName}
      </Paragraph>
      <Paragraph>
        {t('support.sessions.attendanceNow')}{' '}
        <strong data-testid="session-attendance">{t(`support.attendance.${session.attendance}`)}</strong>
      </Paragraph>
      {canEdit ? (
        <form
          className="kc-form kc-inline-form"
          noValidate
          data-testid="attendance-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (!update.isPending && attendance !== session.attendance) update.mutate({ attendance });
          }}
        >
          <SelectField
            label={t('support.sessions.attendanceLabel', { when })}
            name="attendance"
            value={attendance}
            onChange={(value) => setAttendance(value as Attendance)}
            options={ATTENDANCES.map((value) => ({ value, label: t(`support.attendance.${value}`) }))}
          />
          {update.isError ? <FormProblem error={update.error} /> : null}
          <ButtonGroup>
            <Button
              type="submit"
              appearance="secondary-action-button"
              busy={update.isPending}
              disabled={attendance === session.attendance}
            >
              {t('support.sessions.saveAttendance')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
      {canMove && !moving ? (
        <ButtonGroup>
          <Button
            ref={moveButtonRef}
            type="button"
            appearance="secondary-action-button"
            aria-label={t('support.sessions.moveLabel', { when })}
            data-testid="session-move-open"
            onClick={() => setMoving(true)}
          >
            {t('support.sessions.move')}
          </Button>
        </ButtonGroup>
      ) : null}
      {canMove && moving ? (
        <SessionMoveForm
          scope={scope}
          session={session}
          onMoved={(text) => {
            setMoving(false);
            announce(text);
          }}
          onCancel={() => {
            returnFocus.current = true;
            setMoving(false);
          }}
        />
      ) : null}
    </>
  );
}

/**
 * "Verplaats": a planned session to another day or time, and if need be another place. Only
 * what changed is sent; a new time sends both start and end. The server refuses a session
 * before the request (400), shown next to the form.
 */
interface SessionValues {
  date: string;
  start: string;
  end: string;
  location: SessionLocation | '';
  detail: string;
}

type FieldErrors = { date?: string; start?: string; end?: string; location?: string };

/**
 * A session's time and place, for planning one and for moving one: the values, their checks
 * before sending (date, start, an end after the start, a place) and where focus goes when one
 * fails.
 */
function useSessionFields(initial: SessionValues) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const refs = {
    date: useRef<HTMLInputElement>(null),
    start: useRef<HTMLInputElement>(null),
    end: useRef<HTMLInputElement>(null),
    location: useRef<HTMLSelectElement>(null),
  };

  function check(): boolean {
    const { date, start, end, location } = values;
    const next: FieldErrors = {};
    if (!date) next.date = t('support.sessions.dateRequired');
    if (!start) next.start = t('support.sessions.startRequired');
    if (!end) next.end = t('support.sessions.endRequired');
    else if (start && end <= start) next.end = t('support.sessions.endAfterStart');
    if (!location) next.location = t('support.sessions.locationRequired');
    setErrors(next);
    const first = (['date', 'start', 'end', 'location'] as const).find((field) => next[field]);
    if (first) {
      refs[first].current?.focus();
      return false;
    }
    return true;
  }

  return { values, setValues, errors, refs, check };
}

/** The fields; `minDate` marks planning a new session (not in the past, a place still to choose). */
function SessionFields({
  fields,
  minDate,
  mutationError,
}: {
  fields: ReturnType<typeof useSessionFields>;
  minDate?: string;
  mutationError: Error | null;
}) {
  const { t } = useTranslation();
  const { values, setValues, errors, refs } = fields;
  const set = (change: Partial<SessionValues>) => setValues({ ...values, ...change });
  return (
    <>
      <FormFieldTextbox
        inputRef={refs.date}
        name="date"
        type="date"
        label={t('support.sessions.date')}
        min={minDate}
        value={values.date}
        onChange={(event) => set({ date: (event.target as HTMLInputElement).value })}
        invalid={Boolean(errors.date)}
        errorMessage={errors.date}
        required
      />
      <FormFieldTextbox
        inputRef={refs.start}
        name="start"
        type="time"
        label={t('support.sessions.start')}
        value={values.start}
        onChange={(event) => set({ start: (event.target as HTMLInputElement).value })}
        invalid={Boolean(errors.start)}
        errorMessage={errors.start}
        required
      />
      <FormFieldTextbox
        inputRef={refs.end}
        name="end"
        type="time"
        label={t('support.sessions.end')}
        value={values.end}
        onChange={(event) => set({ end: (event.target as HTMLInputElement).value })}
        invalid={Boolean(errors.end)}
        errorMessage={errors.end}
        required
      />
      <SelectField
        ref={refs.location}
        label={t('support.sessions.location')}
        name="location"
        value={values.location}
        onChange={(value) => set({ location: value as SessionLocation | '' })}
        placeholder={minDate !== undefined ? t('support.sessions.chooseLocation') : undefined}
        options={SESSION_LOCATIONS.map((value) => ({ value, label: t(`support.sessionLocations.${value}`) }))}
        errorMessage={errors.location}
        required
      />
      <FormFieldTextbox
        name="locationDetail"
        label={t('support.sessions.detail')}
        description={t('support.sessions.detailHelp')}
        maxLength={200}
        value={values.detail}
        onChange={(event) => set({ detail: (event.target as HTMLInputElement).value })}
      />
      {mutationError ? (
        <FormProblem
          error={mutationError}
          messages={{
            400: hasInvalidParamCode(mutationError, 'before_request') ? t('support.sessions.beforeRequest') : undefined,
            409: t('support.ended'),
          }}
          fields={{
            startsAt: t('support.sessions.start'),
            endsAt: t('support.sessions.end'),
            location: t('support.sessions.location'),
            locationDetail: t('support.sessions.detail'),
          }}
        />
      ) : null}
    </>
  );
}

function SessionMoveForm({
  scope,
  session,
  onMoved,
  onCancel,
}: {
  scope: Scope;
  session: SessionRead;
  onMoved: (announcement: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const initialStart = isoToLocalDateTime(session.startsAt);
  const fields = useSessionFields({
    date: initialStart.date,
    start: initialStart.time,
    end: isoToLocalDateTime(session.endsAt).time,
    location: session.location,
    detail: session.locationDetail ?? '',
  });
  const update = useUpdateSession(scope, session.id);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  function changes(): SessionUpdate {
    const { date, start, end, location, detail } = fields.values;
    const body: SessionUpdate = {};
    const startsAt = localDateTimeToIso(date, start);
    const endsAt = localDateTimeToIso(date, end);
    if (
      startsAt !== new Date(session.startsAt).toISOString() ||
      endsAt !== new Date(session.endsAt).toISOString()
    ) {
      body.startsAt = startsAt;
      body.endsAt = endsAt;
    }
    if (location && location !== session.location) body.location = location;
    const trimmed = detail.trim();
    if (trimmed !== (session.locationDetail ?? '')) body.locationDetail = trimmed || null;
    return body;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending || !fields.check()) return;
    const body = changes();
    if (Object.keys(body).length === 0) {
      onCancel();
      return;
    }
    update.mutate(body, {
      onSuccess: (moved) =>
        onMoved(
          t('support.sessions.moved', {
            when: t('support.sessions.when', {
              date: format.date(moved.startsAt),
              start: format.time(moved.startsAt),
              end: format.time(moved.endsAt),
            }),
            location: t(`support.sessionLocations.${moved.location}`),
          }),
        ),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="session-move-form">
      <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('support.sessions.moveTitle')}
      </Heading>
      <SessionFields fields={fields} mutationError={update.error} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending} data-testid="session-move-submit">
          {t('support.sessions.moveSubmit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={update.isPending}>
          {t('support.sessions.moveCancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

const NO_SESSION: SessionValues = { date: '', start: '', end: '', location: '', detail: '' };

function SessionForm({ scope, onAdded }: { scope: Scope; onAdded: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const fields = useSessionFields(NO_SESSION);
  const create = useCreateSession(scope, {
    onSuccess: () => {
      fields.setValues(NO_SESSION);
      onAdded();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending || !fields.check()) return;
    const { date, start, end, location, detail } = fields.values;
    create.mutate({
      startsAt: localDateTimeToIso(date, start),
      endsAt: localDateTimeToIso(date, end),
      location: location as SessionLocation,
      ...(detail.trim() ? { locationDetail: detail.trim() } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="session-form">
      <Heading level={3} id={headingId}>
        {t('support.sessions.formTitle')}
      </Heading>
      <SessionFields fields={fields} minDate={todayIsoDate()} mutationError={create.error} />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={create.isPending} data-testid="session-submit">
          {t('support.sessions.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
