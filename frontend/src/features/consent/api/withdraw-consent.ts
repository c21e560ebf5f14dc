import { useMutation } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '@/lib/api-client';
import { useInvalidateConsentQueries } from '@/features/consent/hooks/use-invalidate-consent-queries';

/** POST /children/{childId}/consents/{consentId}/withdrawal: in force from the next request on. */
export function withdrawConsent(childId: string, consentId: string) {
  return unwrap(
    api().POST('/children/{childId}/consents/{consentId}/withdrawal', {
      params: { path: { childId, consentId } },
    }),
  );
}

export function useWithdrawConsent(childId: string, options: { onSuccess?: () => void } = {}) {
  const invalidate = useInvalidateConsentQueries(childId);
  return useMutation({
    mutationFn: (consentId: string) => withdrawConsent(childId, consentId),
    onSuccess: async () => {
      await invalidate();
      options.onSuccess?.();
    },
    // 409: someone withdrew it a moment ago; show the list as it is now.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) void invalidate();
    },
  });
}
