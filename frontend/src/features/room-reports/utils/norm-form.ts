import type { Language } from '@/lib/i18n';
import type { RoomReportsT } from '@/features/room-reports/hooks/use-room-reports-translation';
import { numberFormat, parseDecimal } from '@/features/room-reports/utils/format';
import {
  NORM_FIELDS,
  NORM_LIMITS,
  type NormField,
  type RoomNormRead,
  type RoomNormUpdate,
} from '@/features/room-reports/types';

export type NormValues = Record<NormField, string>;
export type NormErrors = Partial<Record<NormField, string>>;

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The form's first values: the norm in force, numbers written the reader's way ("5,03"). */
export function normValues(norm: RoomNormRead, language: Language): NormValues {
  const format = numberFormat(language);
  return {
    baseM2: format.plain(norm.baseM2),
    perPupilM2: format.plain(norm.perPupilM2),
    afterSchoolFrom: norm.afterSchoolFrom,
    wednesdayAfternoonFrom: norm.wednesdayAfternoonFrom,
  };
}

/** Checks the form as the API will (RoomNormUpdate); the body when all is well. */
export function checkNorm(
  values: NormValues,
  language: Language,
  t: RoomReportsT,
): { errors: NormErrors; body: RoomNormUpdate | null } {
  const errors: NormErrors = {};
  const format = numberFormat(language);
  const area = (field: 'baseM2' | 'perPupilM2'): number => {
    const text = values[field];
    if (text.trim() === '') {
      errors[field] = t('norm.form.required');
      return 0;
    }
    const value = parseDecimal(text, language);
    if (value === null) {
      errors[field] = t('norm.form.notANumber');
      return 0;
    }
    if (value < 0 || value > NORM_LIMITS[field]) {
      errors[field] = t('norm.form.range', { min: format.integer(0), max: format.integer(NORM_LIMITS[field]) });
    }
    return value;
  };
  const clock = (field: 'afterSchoolFrom' | 'wednesdayAfternoonFrom'): string => {
    const text = values[field].trim();
    if (text === '') errors[field] = t('norm.form.required');
    else if (!CLOCK.test(text)) errors[field] = t('norm.form.time');
    return text;
  };
  const body: RoomNormUpdate = {
    baseM2: area('baseM2'),
    perPupilM2: area('perPupilM2'),
    afterSchoolFrom: clock('afterSchoolFrom'),
    wednesdayAfternoonFrom: clock('wednesdayAfternoonFrom'),
  };
  return { errors, body: Object.keys(errors).length === 0 ? body : null };
}

export type ServerProblem = { location: string; code: string; detail: string };

/**
 * A 400's `errors` at the fields they name (`#/perPupilM2`), in our words where the code is
 * known; the rest (a malformed body: `#`) goes to the form as a whole.
 */
export function serverNormErrors(
  problems: ServerProblem[],
  language: Language,
  t: RoomReportsT,
): { fields: NormErrors; other: string[] } {
  const format = numberFormat(language);
  const fields: NormErrors = {};
  const other: string[] = [];
  for (const problem of problems) {
    const name = problem.location.replace(/^#\//, '');
    const field = (NORM_FIELDS as readonly string[]).includes(name) ? (name as NormField) : null;
    if (!field) {
      other.push(problem.detail);
      continue;
    }
    if (fields[field]) continue;
    if (field === 'baseM2' || field === 'perPupilM2') {
      if (problem.code === 'greater_than_equal' || problem.code === 'less_than_equal') {
        fields[field] = t('norm.form.range', { min: format.integer(0), max: format.integer(NORM_LIMITS[field]) });
      } else if (problem.code === 'float_parsing' || problem.code === 'float_type') {
        fields[field] = t('norm.form.notANumber');
      } else {
        fields[field] = problem.detail;
      }
    } else {
      fields[field] = problem.code === 'value_error' || problem.code === 'string_type' ? t('norm.form.time') : problem.detail;
    }
  }
  return { fields, other };
}
