import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';

export type TwoFactorEnrolment = components['schemas']['EnrolmentStarted'];

/** POST /me/two-factor/enrolment (201): a new secret; two-factor is on once a code confirms it. */
export function startTwoFactorEnrolment(): Promise<TwoFactorEnrolment> {
  return unwrap(api().POST('/me/two-factor/enrolment'));
}

export function useStartTwoFactorEnrolment() {
  return useMutation({ mutationFn: startTwoFactorEnrolment });
}
