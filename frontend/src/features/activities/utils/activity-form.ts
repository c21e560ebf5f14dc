import { ApiError } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { ActivityCategory, ActivityCreate, ActivityRead, ActivityUpdate } from '@/features/activities/types';

/** What the "Nieuwe activiteit" / "Bewerken" form holds, as typed. */
export type ActivityValues = {
  title: string;
  description: string;
  category: ActivityCategory | '';
  organisationId: string;
  centreId: string;
  minAge: string;
  maxAge: string;
  capacity: string;
  /** Euros as typed: "12,50", "12.50", "12" or empty (free). */
  cost: string;
  enrolmentOpens: string;
  enrolmentCloses: string;
};

export type ActivityField = keyof ActivityValues;

/** The order the fields appear in, to focus the first one that is wrong. */
export const ACTIVITY_FIELDS: readonly ActivityField[] = [
  'title',
  'description',
  'category',
  'organisationId',
  'centreId',
  'minAge',
  'maxAge',
  'capacity',
  'cost',
  'enrolmentOpens',
  'enrolmentCloses',
];

/** Why a field cannot be sent yet: keys under `activities.form.errors`. */
export type ActivityErrorKey =
  | 'titleRequired'
  | 'titleTooLong'
  | 'descriptionTooLong'
  | 'categoryRequired'
  | 'organisationRequired'
  | 'centreRequired'
  | 'ageInvalid'
  | 'ageRange'
  | 'capacityRequired'
  | 'capacityInvalid'
  | 'costInvalid'
  | 'dateInvalid'
  | 'windowOrder';

export type ActivityFieldErrors = Partial<Record<ActivityField, ActivityErrorKey>>;

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;
export const AGE_MIN = 0;
export const AGE_MAX = 18;
export const CAPACITY_MAX = 1000;
/** € 10.000, the API's 1 000 000 cents. */
export const COST_MAX_CENTS = 1_000_000;

export function emptyActivityValues(initial: Partial<ActivityValues> = {}): ActivityValues {
  return {
    title: '',
    description: '',
    category: '',
    organisationId: '',
    centreId: '',
    minAge: '',
    maxAge: '',
    capacity: '',
    cost: '',
    enrolmentOpens: '',
    enrolmentCloses: '',
    ...initial,
  };
}

/** "12,50" (Dutch) or "12.50" (English); empty when free. */
export function euroText(costCents: number | null, language: Language): string {
  if (!costCents) return '';
  const euros = Math.floor(costCents / 100);
  const cents = costCents % 100;
  if (cents === 0) return String(euros);
  return `${euros}${language === 'nl' ? ',' : '.'}${String(cents).padStart(2, '0')}`;
}

/** The form filled in with what the activity is now. */
export function valuesOf(activity: ActivityRead, language: Language): ActivityValues {
  return {
    title: activity.title,
    description: activity.description,
    category: activity.category,
    organisationId: activity.organisationId,
    centreId: activity.centreId,
    minAge: activity.minAge === null ? '' : String(activity.minAge),
    maxAge: activity.maxAge === null ? '' : String(activity.maxAge),
    capacity: String(activity.capacity),
    cost: euroText(activity.costCents, language),
    enrolmentOpens: activity.enrolmentOpens ?? '',
    enrolmentCloses: activity.enrolmentCloses ?? '',
  };
}

/**
 * Euros as typed to cents, without floating point: "12,5" is 1250, "€ 3" 300, "" null (free).
 * Undefined when it is not an amount.
 */
export function parseEuros(text: string): number | null | undefined {
  const cleaned = text.replace(/€/g, '').replace(/\s+/g, '');
  if (cleaned === '') return null;
  const match = /^(\d{1,7})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return cents > COST_MAX_CENTS ? undefined : cents;
}

/** A whole number as typed, or null when empty; undefined when it is not one. */
function parseWhole(text: string): number | null | undefined {
  const cleaned = text.trim();
  if (cleaned === '') return null;
  return /^\d+$/.test(cleaned) ? Number(cleaned) : undefined;
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));

/**
 * Why each field cannot be sent yet. `needs` says which fields are on the form: the
 * organisation only for someone of more than one, the centre only when there is a choice.
 */
export function activityErrors(
  values: ActivityValues,
  needs: { organisation: boolean; centre: boolean } = { organisation: false, centre: false },
): ActivityFieldErrors {
  const errors: ActivityFieldErrors = {};
  const title = values.title.trim();
  if (!title) errors.title = 'titleRequired';
  else if (title.length > TITLE_MAX) errors.title = 'titleTooLong';
  if (values.description.length > DESCRIPTION_MAX) errors.description = 'descriptionTooLong';
  if (!values.category) errors.category = 'categoryRequired';
  if (needs.organisation && !values.organisationId) errors.organisationId = 'organisationRequired';
  if (needs.centre && !values.centreId) errors.centreId = 'centreRequired';

  const minAge = parseWhole(values.minAge);
  const maxAge = parseWhole(values.maxAge);
  const ageOk = (age: number | null | undefined) => age === null || (age !== undefined && age >= AGE_MIN && age <= AGE_MAX);
  if (!ageOk(minAge)) errors.minAge = 'ageInvalid';
  if (!ageOk(maxAge)) errors.maxAge = 'ageInvalid';
  else if (typeof minAge === 'number' && typeof maxAge === 'number' && minAge > maxAge) errors.maxAge = 'ageRange';

  const capacity = parseWhole(values.capacity);
  if (capacity === null) errors.capacity = 'capacityRequired';
  else if (capacity === undefined || capacity < 1 || capacity > CAPACITY_MAX) errors.capacity = 'capacityInvalid';

  if (parseEuros(values.cost) === undefined) errors.cost = 'costInvalid';

  if (values.enrolmentOpens && !isDate(values.enrolmentOpens)) errors.enrolmentOpens = 'dateInvalid';
  if (values.enrolmentCloses && !isDate(values.enrolmentCloses)) errors.enrolmentCloses = 'dateInvalid';
  else if (
    values.enrolmentOpens &&
    values.enrolmentCloses &&
    !errors.enrolmentOpens &&
    values.enrolmentCloses < values.enrolmentOpens
  ) {
    errors.enrolmentCloses = 'windowOrder';
  }
  return errors;
}

/** The fields both the new and the changed activity have, as the API takes them. */
type Common = Required<
  Pick<ActivityCreate, 'title' | 'description' | 'minAge' | 'maxAge' | 'capacity' | 'costCents' | 'enrolmentOpens' | 'enrolmentCloses'>
> & { category: ActivityCategory };

/** The values, checked by `activityErrors`, as the API takes them. */
function common(values: ActivityValues): Common {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    category: values.category as ActivityCategory,
    minAge: parseWhole(values.minAge) ?? null,
    maxAge: parseWhole(values.maxAge) ?? null,
    capacity: parseWhole(values.capacity) ?? 0,
    costCents: parseEuros(values.cost) ?? null,
    enrolmentOpens: values.enrolmentOpens || null,
    enrolmentCloses: values.enrolmentCloses || null,
  };
}

/** The POST /activities body. */
export function createBody(values: ActivityValues): ActivityCreate {
  return {
    centreId: values.centreId,
    ...(values.organisationId ? { organisationId: values.organisationId } : {}),
    ...common(values),
  };
}

/**
 * The PATCH /activities/{activityId} body: only what changed. A cleared age, cost or date is
 * sent as null; a cost of 0 and no cost are the same (free).
 */
export function changesOf(values: ActivityValues, activity: ActivityRead): ActivityUpdate {
  const next = common(values);
  const changes: ActivityUpdate = {};
  if (next.title !== activity.title.trim()) changes.title = next.title;
  if (next.description !== activity.description.trim()) changes.description = next.description;
  if (next.category !== activity.category) changes.category = next.category;
  if (next.minAge !== activity.minAge) changes.minAge = next.minAge;
  if (next.maxAge !== activity.maxAge) changes.maxAge = next.maxAge;
  if (next.capacity !== activity.capacity) changes.capacity = next.capacity;
  if ((next.costCents ?? 0) !== (activity.costCents ?? 0)) changes.costCents = next.costCents;
  if (next.enrolmentOpens !== activity.enrolmentOpens) changes.enrolmentOpens = next.enrolmentOpens;
  if (next.enrolmentCloses !== activity.enrolmentCloses) changes.enrolmentCloses = next.enrolmentCloses;
  return changes;
}

/**
 * How many children of the waiting list get a place when the capacity becomes `capacity`
 * (the server moves them up, first come first served).
 */
export function movingUp(activity: Pick<ActivityRead, 'capacity' | 'enrolledCount' | 'waitlistCount'>, capacity: string): number {
  const next = parseWhole(capacity);
  if (typeof next !== 'number' || next <= activity.capacity) return 0;
  return Math.max(0, Math.min(activity.waitlistCount, next - activity.enrolledCount));
}

export type ActivityServerError = { field: ActivityField | null; code: string; detail: string };

const FIELD_OF_LOCATION: Record<string, ActivityField> = {
  title: 'title',
  description: 'description',
  category: 'category',
  organisationId: 'organisationId',
  centreId: 'centreId',
  minAge: 'minAge',
  maxAge: 'maxAge',
  capacity: 'capacity',
  costCents: 'cost',
  enrolmentOpens: 'enrolmentOpens',
  enrolmentCloses: 'enrolmentCloses',
};

/**
 * A 400's `errors`, each at the form field its `location` names (`#/title`: the title). The
 * rules across two fields come at the body (`#`): placed at the second field, as here.
 */
export function activityServerErrors(error: unknown): ActivityServerError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return (error.problem?.errors ?? []).map((param) => {
    const name = param.location.replace(/^#\/?/, '').split('/')[0] ?? '';
    const field = FIELD_OF_LOCATION[name];
    if (field) return { field, code: param.code, detail: param.detail };
    if (name === '' && /minAge/.test(param.detail)) return { field: 'maxAge', code: 'ageRange', detail: param.detail };
    if (name === '' && /enrolmentOpens/.test(param.detail)) {
      return { field: 'enrolmentCloses', code: 'windowOrder', detail: param.detail };
    }
    return { field: null, code: param.code, detail: param.detail };
  });
}

/** The codes the server gives that we say in our own words, under `activities.form.codes`. */
export const KNOWN_CODES = [
  'organisationRequired',
  'notInCentre',
  'unknownCentre',
  'unknownGroup',
  'ageRange',
  'windowOrder',
] as const;
export type KnownCode = (typeof KNOWN_CODES)[number];

export const isKnownCode = (code: string): code is KnownCode => (KNOWN_CODES as readonly string[]).includes(code);
