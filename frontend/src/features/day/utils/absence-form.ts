import { ApiError } from '@/lib/api-client';
import { daysBetween } from '@/features/rooms/utils/time';
import type { AbsenceCreate, AbsenceReason } from '@/features/day/types';

/** What the absence form holds: calendar days as typed (`YYYY-MM-DD`, Amsterdam). */
export type AbsenceValues = {
  from: string;
  to: string;
  reason: AbsenceReason | '';
  note: string;
};

export type AbsenceField = 'from' | 'to' | 'reason' | 'note';

/** The order the fields appear in, to focus the first one that is wrong. */
export const ABSENCE_FIELDS: readonly AbsenceField[] = ['from', 'to', 'reason', 'note'];

/** The longest report the API takes: the last day at most 92 days after the first. */
export const MAX_ABSENCE_DAYS = 92;
export const NOTE_MAX = 500;

/** Translation keys under `absence.form.errors`. */
export type LocalError = 'fromRequired' | 'toRequired' | 'toBeforeFrom' | 'tooLong' | 'reasonRequired' | 'noteTooLong';

export function emptyAbsence(today: string): AbsenceValues {
  return { from: today, to: today, reason: '', note: '' };
}

/** Why each field cannot be sent yet (the API checks the same, and that `from` is not past). */
export function localAbsenceErrors(values: AbsenceValues): Partial<Record<AbsenceField, LocalError>> {
  const errors: Partial<Record<AbsenceField, LocalError>> = {};
  if (!values.from) errors.from = 'fromRequired';
  if (!values.to) errors.to = 'toRequired';
  else if (values.from && values.to < values.from) errors.to = 'toBeforeFrom';
  else if (values.from && daysBetween(values.from, values.to) > MAX_ABSENCE_DAYS) errors.to = 'tooLong';
  if (!values.reason) errors.reason = 'reasonRequired';
  if (values.note.trim().length > NOTE_MAX) errors.note = 'noteTooLong';
  return errors;
}

/** The POST body; a note only when one was written. */
export function absenceBody(values: AbsenceValues): AbsenceCreate {
  const body: AbsenceCreate = { from: values.from, to: values.to, reason: values.reason as AbsenceReason };
  const note = values.note.trim();
  if (note) body.note = note;
  return body;
}

/** The last day follows the first while it is the same day or would come before it. */
export function withFrom(values: AbsenceValues, from: string): AbsenceValues {
  const follows = !values.to || values.to === values.from || (from && values.to < from);
  return { ...values, from, to: follows ? from : values.to };
}

export type ServerFieldError = { field: AbsenceField | null; code: string; detail: string };

/** A 400's `errors`, each at the field its `location` names (`#/from` → from); null: no field. */
export function absenceServerErrors(error: unknown): ServerFieldError[] {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return (error.problem?.errors ?? []).map((param) => {
    const name = param.location.replace(/^#\//, '').split('/')[0] ?? '';
    const field = (ABSENCE_FIELDS as readonly string[]).includes(name) ? (name as AbsenceField) : null;
    return { field, code: param.code, detail: param.detail };
  });
}
