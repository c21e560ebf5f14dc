import { ApiError } from '@/lib/api-client';
import type { EnrolmentRefusal } from '@/features/activities/types';

const INVALID_CODES = ['outsideAgeRange', 'notForGroup', 'otherCentre'] as const;
const CONFLICT_REASONS = ['enrolmentClosed', 'alreadyEnrolled', 'alreadyCancelled'] as const;

/**
 * Why the server refused to enrol (or take off) a child, as one of our reasons: the code of a
 * 400 at `#/childId`, the `reason` member of a 409, a child the caller does not know (404) or
 * may not enrol (403). Null for anything else (network, server trouble).
 */
export function refusalOf(error: unknown): EnrolmentRefusal | null {
  if (!(error instanceof ApiError)) return null;
  if (error.status === 400) {
    const codes = (error.problem?.errors ?? []).map((param) => param.code);
    return INVALID_CODES.find((code) => codes.includes(code)) ?? null;
  }
  if (error.status === 409) {
    const reason = (error.problem as { reason?: unknown } | null)?.reason;
    return CONFLICT_REASONS.find((known) => known === reason) ?? null;
  }
  if (error.status === 404) return 'unknownChild';
  if (error.status === 403) return 'notAllowed';
  return null;
}
