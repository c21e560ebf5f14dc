import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { todayIsoDate } from '@/lib/format';
import { useCreateTalkSlots } from '@/features/talks/api/create-talk-slots';
import { useGroupChildren, useRooms } from '@/features/talks/api/planning-choices';
import type { GroupRead, TalkSlotsCreate } from '@/features/talks/types';
import { seriesBody, seriesTimes } from '@/features/talks/utils/series';
// The times as entered, on the centre's (Dutch) clock, whatever the computer's time zone.
import { utcToZoned } from '@/features/rooms/utils/time';

type Values = {
  groupId: string;
  who: 'group' | 'families';
  childIds: string[];
  date: string;
  time: string;
  duration: string;
  count: string;
  pause: string;
  roomId: string;
  cancelHours: string;
};

type FieldErrors = Partial<Record<'groupId' | 'childIds' | 'date' | 'time' | 'duration' | 'count', string>>;

const INITIAL: Omit<Values, 'groupId'> = {
  who: 'group',
  childIds: [],
  date: '',
  time: '15:00',
  duration: '15',
  count: '8',
  pause: '0',
  roomId: '',
  cancelHours: '24',
};

const toInt = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value) : NaN);

/**
 * The teacher's planner: a group (or some of its families), a day, the first talk, the talk's
 * length and how many; optionally a room. A preview of the times first, then publish.
 */
export function TalkPlanner({ groups }: { groups: GroupRead[] }) {
  const { t } = useTranslation();
  const { date: formatDate } = useFormatters();
  const [values, setValues] = useState<Values>({ ...INITIAL, groupId: groups.length === 1 ? groups[0]!.id : '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const create = useCreateTalkSlots();
  const rooms = useRooms();
  const children = useGroupChildren(values.groupId, values.who === 'families');
  const previewRef = useRef<HTMLDivElement>(null);
  const doneRef = useRef<HTMLDivElement>(null);
  const whoName = useId();

  useEffect(() => {
    if (preview) previewRef.current?.focus();
  }, [preview]);
  useEffect(() => {
    if (published !== null) doneRef.current?.focus();
  }, [published]);

  const set = (patch: Partial<Values>) => {
    setValues((current) => ({ ...current, ...patch }));
    setPreview(false);
  };
  const series = {
    date: values.date,
    time: values.time,
    durationMinutes: toInt(values.duration),
    count: toInt(values.count),
    breakMinutes: toInt(values.pause) || 0,
  };

  function check(): boolean {
    const found: FieldErrors = {};
    if (!values.groupId) found.groupId = t('talks.planner.errors.group');
    if (values.who === 'families' && values.childIds.length === 0) found.childIds = t('talks.planner.errors.families');
    if (!values.date) found.date = t('talks.planner.errors.date');
    if (!/^\d{2}:\d{2}/.test(values.time)) found.time = t('talks.planner.errors.time');
    if (!(series.durationMinutes >= 5 && series.durationMinutes <= 240)) found.duration = t('talks.planner.errors.duration');
    if (!(series.count >= 1 && series.count <= 100)) found.count = t('talks.planner.errors.count');
    setErrors(found);
    return Object.keys(found).length === 0;
  }

  function showPreview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPublished(null);
    create.reset();
    if (check()) setPreview(true);
  }

  function publish() {
    const body: TalkSlotsCreate = {
      series: seriesBody(series),
      cancelBeforeHours: toInt(values.cancelHours) || 0,
      ...(values.who === 'group' ? { groupId: values.groupId } : { childIds: values.childIds }),
      ...(values.roomId ? { roomId: values.roomId } : {}),
    };
    create.mutate(body, {
      onSuccess: (created) => {
        setPublished(created.items.length);
        setPreview(false);
      },
    });
  }

  const times = preview ? seriesTimes(series) : [];
  const groupName = groups.find((group) => group.id === values.groupId)?.name ?? '';

  return (
    <>
      {published !== null ? (
        <div ref={doneRef} tabIndex={-1} data-testid="talks-published">
          <Alert type="ok" className="kc-alert">
            <Paragraph>{t('talks.planner.published', { count: published })}</Paragraph>
          </Alert>
        </div>
      ) : null}
      <form onSubmit={showPreview} noValidate className="kc-form" data-testid="talk-planner">
        <SelectField
          label={t('talks.planner.group')}
          name="groupId"
          value={values.groupId}
          onChange={(groupId) => set({ groupId, childIds: [] })}
          options={groups.map((group) => ({ value: group.id, label: group.name }))}
          placeholder={t('talks.planner.groupPlaceholder')}
          errorMessage={errors.groupId}
          required
        />
        <Fieldset>
          <FieldsetLegend>{t('talks.planner.who')}</FieldsetLegend>
          {(['group', 'families'] as const).map((who) => (
            <div key={who} className="kc-talk-slots__option">
              <input
                type="radio"
                id={`${whoName}-${who}`}
                name={whoName}
                className="utrecht-radio-button utrecht-radio-button--html-input"
                checked={values.who === who}
                onChange={() => set({ who })}
              />
              <label htmlFor={`${whoName}-${who}`} className="utrecht-form-label utrecht-form-label--radio">
                {who === 'group' ? t('talks.planner.whoGroup') : t('talks.planner.whoFamilies')}
              </label>
            </div>
          ))}
        </Fieldset>
        {values.who === 'families' && values.groupId ? (
          <Fieldset invalid={Boolean(errors.childIds)}>
            <FieldsetLegend>{t('talks.planner.families', { group: groupName })}</FieldsetLegend>
            {errors.childIds ? <Paragraph className="kc-field-error">{errors.childIds}</Paragraph> : null}
            {children.isPending ? <Loading /> : null}
            {children.isError ? <ProblemAlert error={children.error} /> : null}
            {children.data?.map((child) => (
              <div key={child.id} className="kc-talk-slots__option">
                <input
                  type="checkbox"
                  id={`talk-child-${child.id}`}
                  className="utrecht-checkbox utrecht-checkbox--html-input utrecht-checkbox--custom"
                  checked={values.childIds.includes(child.id)}
                  onChange={(event) =>
                    set({
                      childIds: event.target.checked
                        ? [...values.childIds, child.id]
                        : values.childIds.filter((id) => id !== child.id),
                    })
                  }
                />
                <label htmlFor={`talk-child-${child.id}`} className="utrecht-form-label utrecht-form-label--checkbox">
                  {child.givenName} {child.familyName}
                </label>
              </div>
            ))}
          </Fieldset>
        ) : null}
        <FormFieldTextbox
          name="date"
          type="date"
          label={t('talks.planner.date')}
          min={todayIsoDate()}
          value={values.date}
          onChange={(event) => set({ date: (event.target as HTMLInputElement).value })}
          invalid={Boolean(errors.date)}
          errorMessage={errors.date}
          required
        />
        <FormFieldTextbox
          name="time"
          type="time"
          label={t('talks.planner.time')}
          value={values.time}
          onChange={(event) => set({ time: (event.target as HTMLInputElement).value })}
          invalid={Boolean(errors.time)}
          errorMessage={errors.time}
          required
        />
        <FormFieldTextbox
          name="duration"
          type="number"
          inputMode="numeric"
          min={5}
          max={240}
          label={t('talks.planner.duration')}
          value={values.duration}
          onChange={(event) => set({ duration: (event.target as HTMLInputElement).value })}
          invalid={Boolean(errors.duration)}
          errorMessage={errors.duration}
          required
        />
        <FormFieldTextbox
          name="pause"
          type="number"
          inputMode="numeric"
          min={0}
          max={240}
          label={t('talks.planner.pause')}
          value={values.pause}
          onChange={(event) => set({ pause: (event.target as HTMLInputElement).value })}
        />
        <FormFieldTextbox
          name="count"
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          label={t('talks.planner.count')}
          value={values.count}
          onChange={(event) => set({ count: (event.target as HTMLInputElement).value })}
          invalid={Boolean(errors.count)}
          errorMessage={errors.count}
          required
        />
        <SelectField
          label={t('talks.planner.room')}
          name="roomId"
          value={values.roomId}
          onChange={(roomId) => set({ roomId })}
          options={(rooms.data ?? []).map((room) => ({ value: room.id, label: room.name }))}
          placeholder={t('talks.planner.noRoom')}
          description={t('talks.planner.roomHelp')}
        />
        <FormFieldTextbox
          name="cancelHours"
          type="number"
          inputMode="numeric"
          min={0}
          max={336}
          label={t('talks.planner.cancelHours')}
          value={values.cancelHours}
          onChange={(event) => set({ cancelHours: (event.target as HTMLInputElement).value })}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('talks.planner.preview')}
          </Button>
        </ButtonGroup>
      </form>
      {preview ? (
        <div ref={previewRef} tabIndex={-1} className="kc-section" data-testid="talk-preview">
          <Heading level={3}>{t('talks.planner.previewHeading', { count: times.length })}</Heading>
          <Paragraph>
            {t('talks.planner.previewSummary', {
              who:
                values.who === 'group'
                  ? t('talks.planner.previewGroup', { group: groupName })
                  : t('talks.planner.previewFamilies', { count: values.childIds.length }),
              date: formatDate(values.date),
            })}
          </Paragraph>
          <ul className="kc-talk-preview">
            {times.map((slot) => (
              <li key={slot.startsAt}>
                {utcToZoned(slot.startsAt).time}–{utcToZoned(slot.endsAt).time}
              </li>
            ))}
          </ul>
          {create.isError ? <ProblemAlert error={create.error} /> : null}
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" busy={create.isPending} onClick={publish}>
              {t('talks.planner.publish')}
            </Button>
            <Button type="button" appearance="subtle-button" onClick={() => setPreview(false)}>
              {t('talks.planner.change')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </>
  );
}
