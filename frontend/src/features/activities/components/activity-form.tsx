import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldTextarea,
  FormFieldTextbox,
  Heading,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useFormatters } from '@/hooks/use-formatters';
import { useCreateActivity, useUpdateActivity } from '@/features/activities/api/activities';
import {
  ACTIVITY_FIELDS,
  activityErrors,
  activityServerErrors,
  AGE_MAX,
  AGE_MIN,
  CAPACITY_MAX,
  changesOf,
  createBody,
  DESCRIPTION_MAX,
  emptyActivityValues,
  isKnownCode,
  movingUp,
  TITLE_MAX,
  valuesOf,
  type ActivityField,
  type ActivityFieldErrors,
  type ActivityServerError,
  type ActivityValues,
} from '@/features/activities/utils/activity-form';
import { CATEGORIES, type ActivityRead, type ChildCentreRead } from '@/features/activities/types';

type Option = { id: string; name: string };

/**
 * "Nieuwe activiteit": the form for a new activity of the caller's organisation. The
 * organisation is asked only of someone with more than one, the centre only when there is more
 * than one. Once it is there, its page opens (to add sessions).
 */
export function NewActivityForm({
  organisations,
  centres,
  onCancel,
}: {
  organisations: Option[];
  centres: ChildCentreRead[];
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateActivity({ onSuccess: (created) => navigate(`/activiteiten/${created.id}`) });
  const initial = useMemo(
    () =>
      emptyActivityValues({
        ...(organisations.length === 1 ? { organisationId: organisations[0]!.id } : {}),
        ...(centres.length === 1 ? { centreId: centres[0]!.id } : {}),
      }),
    [organisations, centres],
  );
  return (
    <ActivityFormFields
      title={t('activities.form.newTitle')}
      intro={t('activities.form.newIntro')}
      submitLabel={t('activities.form.create')}
      initial={initial}
      organisations={organisations.length > 1 ? organisations : null}
      centres={centres.length > 1 ? centres.map((centre) => ({ id: centre.id, name: centre.name })) : null}
      pending={create.isPending}
      error={create.error}
      onSubmit={(values) => create.mutate(createBody(values))}
      onReset={create.reset}
      onCancel={onCancel}
      testId="activity-new-form"
    />
  );
}

/**
 * "Bewerken": the same form, filled in. Only what changed is sent; more places give the first
 * on the waiting list a place, said before saving and after.
 */
export function EditActivityForm({
  activity,
  onSaved,
  onCancel,
}: {
  activity: ActivityRead;
  onSaved: (updated: ActivityRead, before: ActivityRead) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useFormatters();
  // What it was when the form opened: the changes are against that.
  const [before] = useState(activity);
  const [unchanged, setUnchanged] = useState(false);
  const update = useUpdateActivity(activity.id, { onSuccess: (updated) => onSaved(updated, before) });
  const initial = useMemo(() => valuesOf(before, language), [before, language]);

  return (
    <ActivityFormFields
      title={t('activities.form.editTitle')}
      submitLabel={t('activities.form.save')}
      initial={initial}
      organisations={null}
      centres={null}
      pending={update.isPending}
      error={update.error}
      capacityHelp={t('activities.form.capacityEditHelp')}
      capacityNote={(values) => {
        const count = movingUp(before, values.capacity);
        return count > 0 ? t('activities.form.movingUp', { count }) : null;
      }}
      notice={unchanged ? t('activities.form.nothingChanged') : null}
      onChange={() => setUnchanged(false)}
      onSubmit={(values) => {
        const changes = changesOf(values, before);
        if (Object.keys(changes).length === 0) {
          setUnchanged(true);
          return;
        }
        update.mutate(changes);
      }}
      onReset={update.reset}
      onCancel={onCancel}
      testId="activity-edit-form"
    />
  );
}

type FieldsProps = {
  title: string;
  intro?: string;
  submitLabel: string;
  initial: ActivityValues;
  /** The organisations to choose from; null: not asked. */
  organisations: Option[] | null;
  /** The centres to choose from; null: not asked. */
  centres: Option[] | null;
  pending: boolean;
  error: unknown;
  capacityHelp?: string;
  /** Said under the capacity as it is typed (the waiting list moving up). */
  capacityNote?: (values: ActivityValues) => string | null;
  notice?: string | null;
  onChange?: () => void;
  onSubmit: (values: ActivityValues) => void;
  onReset: () => void;
  onCancel: () => void;
  testId: string;
};

/**
 * The fields, checked here first (required, numbers, ranges), then by the server: each
 * `errors[].location` of its 400 (`#/title`) shows at its field. A summary names every problem
 * with a link to its field, and the first field that is wrong gets the focus.
 */
function ActivityFormFields({
  title,
  intro,
  submitLabel,
  initial,
  organisations,
  centres,
  pending,
  error,
  capacityHelp,
  capacityNote,
  notice,
  onChange,
  onSubmit,
  onReset,
  onCancel,
  testId,
}: FieldsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const refs = useFieldRefs();
  const [values, setValues] = useState<ActivityValues>(initial);
  const [errors, setErrors] = useState<ActivityFieldErrors>({});
  const set = (change: Partial<ActivityValues>) => {
    setValues((current) => ({ ...current, ...change }));
    onChange?.();
  };

  // What the server says about a field not on this form goes into the summary only.
  const shown = useMemo(() => {
    const hidden = new Set<ActivityField>();
    if (!organisations) hidden.add('organisationId');
    if (!centres) hidden.add('centreId');
    return (field: ActivityField) => !hidden.has(field);
  }, [organisations, centres]);
  const server = useMemo(
    () => activityServerErrors(error).map((found) => (found.field && !shown(found.field) ? { ...found, field: null } : found)),
    [error, shown],
  );
  const unplaced = server.filter((found) => found.field === null);
  const otherProblem = Boolean(error) && server.length === 0;

  const fieldError = (field: ActivityField): string | undefined => {
    const local = errors[field];
    if (local) return t(`activities.form.errors.${local}`);
    const found = server.filter((item) => item.field === field);
    return found.length > 0 ? [...new Set(found.map((item) => serverText(t, item)))].join(' ') : undefined;
  };
  const labels: Record<ActivityField, string> = {
    title: t('activities.form.title'),
    description: t('activities.form.description'),
    category: t('activities.form.category'),
    organisationId: t('activities.form.organisation'),
    centreId: t('activities.form.centre'),
    minAge: t('activities.form.minAge'),
    maxAge: t('activities.form.maxAge'),
    capacity: t('activities.form.capacity'),
    cost: t('activities.form.cost'),
    enrolmentOpens: t('activities.form.enrolmentOpens'),
    enrolmentCloses: t('activities.form.enrolmentCloses'),
  };
  const wrong = ACTIVITY_FIELDS.filter((field) => shown(field) && fieldError(field));

  useEffect(() => headingRef.current?.focus(), []);
  // A phone offers its number keys with a comma for the amount.
  useEffect(() => refs.cost.current?.setAttribute('inputmode', 'decimal'), [refs]);

  // After the server refused, go to the first field it named; only when a new answer comes in.
  const latest = useRef(server);
  latest.current = server;
  useEffect(() => {
    if (!error) return;
    const first = ACTIVITY_FIELDS.find((field) => latest.current.some((item) => item.field === field));
    if (first) refs[first].current?.focus();
  }, [error, refs]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const found = activityErrors(values, { organisation: Boolean(organisations), centre: Boolean(centres) });
    setErrors(found);
    const first = ACTIVITY_FIELDS.find((field) => found[field]);
    if (first) {
      onReset();
      refs[first].current?.focus();
      return;
    }
    onSubmit(values);
  }

  const textbox = (field: 'title' | 'minAge' | 'maxAge' | 'capacity' | 'cost' | 'enrolmentOpens' | 'enrolmentCloses') => ({
    inputRef: refs[field],
    name: field,
    label: labels[field],
    value: values[field],
    onChange: (event: { target: EventTarget }) => set({ [field]: (event.target as HTMLInputElement).value }),
    invalid: Boolean(fieldError(field)),
    errorMessage: fieldError(field),
  });
  const note = capacityNote?.(values) ?? null;

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform kc-activity-form" aria-labelledby={headingId} data-testid={testId}>
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {wrong.length > 0 || unplaced.length > 0 ? (
        <Alert type="error" className="kc-alert" data-testid="activity-error-summary">
          <Paragraph>{t('activities.form.errorSummary')}</Paragraph>
          <UnorderedList>
            {wrong.map((field) => (
              <UnorderedListItem key={field}>
                <Link
                  href={refs[field].current?.id ? `#${refs[field].current.id}` : '#'}
                  onClick={(event) => {
                    event.preventDefault();
                    refs[field].current?.focus();
                  }}
                >
                  {labels[field]}: {fieldError(field)}
                </Link>
              </UnorderedListItem>
            ))}
            {unplaced.map((item, index) => (
              <UnorderedListItem key={`${item.code}-${index}`}>{serverText(t, item)}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      <FormFieldTextbox {...textbox('title')} maxLength={TITLE_MAX} required />
      <FormFieldTextarea
        inputRef={refs.description}
        name="description"
        label={labels.description}
        description={t('activities.form.descriptionHelp')}
        rows={4}
        maxLength={DESCRIPTION_MAX}
        value={values.description}
        onChange={(event) => set({ description: event.target.value })}
        invalid={Boolean(fieldError('description'))}
        errorMessage={fieldError('description')}
      />
      <SelectField
        ref={refs.category}
        label={labels.category}
        name="category"
        value={values.category}
        onChange={(category) => set({ category: category as ActivityValues['category'] })}
        placeholder={t('activities.form.chooseCategory')}
        options={CATEGORIES.map((category) => ({ value: category, label: t(`activities.categories.${category}`) }))}
        errorMessage={fieldError('category')}
        required
      />
      {organisations ? (
        <SelectField
          ref={refs.organisationId}
          label={labels.organisationId}
          name="organisationId"
          value={values.organisationId}
          onChange={(organisationId) => set({ organisationId })}
          placeholder={t('activities.form.chooseOrganisation')}
          options={organisations.map((option) => ({ value: option.id, label: option.name }))}
          errorMessage={fieldError('organisationId')}
          required
        />
      ) : null}
      {centres ? (
        <SelectField
          ref={refs.centreId}
          label={labels.centreId}
          name="centreId"
          value={values.centreId}
          onChange={(centreId) => set({ centreId })}
          placeholder={t('activities.form.chooseCentre')}
          options={centres.map((option) => ({ value: option.id, label: option.name }))}
          errorMessage={fieldError('centreId')}
          required
        />
      ) : null}
      <div className="kc-activity-form__pair">
        <FormFieldTextbox {...textbox('minAge')} type="number" min={AGE_MIN} max={AGE_MAX} step={1} description={t('activities.form.ageHelp')} />
        <FormFieldTextbox {...textbox('maxAge')} type="number" min={AGE_MIN} max={AGE_MAX} step={1} description={t('activities.form.ageHelp')} />
      </div>
      <FormFieldTextbox
        {...textbox('capacity')}
        type="number"
        min={1}
        max={CAPACITY_MAX}
        step={1}
        description={capacityHelp ?? t('activities.form.capacityHelp')}
        required
      />
      <div aria-live="polite" data-testid="activity-capacity-note">
        {note ? <Paragraph className="kc-activity-message">{note}</Paragraph> : null}
      </div>
      <FormFieldTextbox {...textbox('cost')} description={t('activities.form.costHelp')} />
      <div className="kc-activity-form__pair">
        <FormFieldTextbox {...textbox('enrolmentOpens')} type="date" description={t('activities.form.enrolmentOpensHelp')} />
        <FormFieldTextbox
          {...textbox('enrolmentCloses')}
          type="date"
          min={values.enrolmentOpens || undefined}
          description={t('activities.form.enrolmentClosesHelp')}
        />
      </div>
      {otherProblem ? (
        <div data-testid="activity-form-problem">
          <ProblemAlert
            error={error}
            messages={{ 403: t('activities.form.forbidden'), 404: t('activities.detail.notFound') }}
          />
        </div>
      ) : null}
      <div aria-live="polite" data-testid="activity-form-notice">
        {notice ? <Paragraph>{notice}</Paragraph> : null}
      </div>
      <ButtonGroup className="kc-activity-actions">
        <Button type="submit" appearance="primary-action-button" busy={pending} data-testid="activity-form-submit">
          {submitLabel}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel} disabled={pending}>
          {t('activities.form.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** What the server said about a field, in our words: its code if we know it, else the field's rule. */
function serverText(t: TFunction, error: ActivityServerError): string {
  if (isKnownCode(error.code)) return t(`activities.form.codes.${error.code}`);
  if (error.field) return t(`activities.form.invalid.${error.field}`);
  return t('activities.form.codes.other', { detail: error.detail });
}

type FieldRefs = {
  title: RefObject<HTMLInputElement | null>;
  description: RefObject<HTMLTextAreaElement | null>;
  category: RefObject<HTMLSelectElement | null>;
  organisationId: RefObject<HTMLSelectElement | null>;
  centreId: RefObject<HTMLSelectElement | null>;
  minAge: RefObject<HTMLInputElement | null>;
  maxAge: RefObject<HTMLInputElement | null>;
  capacity: RefObject<HTMLInputElement | null>;
  cost: RefObject<HTMLInputElement | null>;
  enrolmentOpens: RefObject<HTMLInputElement | null>;
  enrolmentCloses: RefObject<HTMLInputElement | null>;
};

function useFieldRefs(): FieldRefs {
  const title = useRef<HTMLInputElement>(null);
  const description = useRef<HTMLTextAreaElement>(null);
  const category = useRef<HTMLSelectElement>(null);
  const organisationId = useRef<HTMLSelectElement>(null);
  const centreId = useRef<HTMLSelectElement>(null);
  const minAge = useRef<HTMLInputElement>(null);
  const maxAge = useRef<HTMLInputElement>(null);
  const capacity = useRef<HTMLInputElement>(null);
  const cost = useRef<HTMLInputElement>(null);
  const enrolmentOpens = useRef<HTMLInputElement>(null);
  const enrolmentCloses = useRef<HTMLInputElement>(null);
  return useMemo(
    () => ({ title, description, category, organisationId, centreId, minAge, maxAge, capacity, cost, enrolmentOpens, enrolmentCloses }),
    [],
  );
}
