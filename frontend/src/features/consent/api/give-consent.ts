import { useMutation } from '@tanstack/react-query';
import type { components } from '@/api/schema';
import { api, unwrap } from '@/lib/api-client';
import { useInvalidateConsentQueries } from '@/features/consent/hooks/use-invalidate-consent-queries';

export type ConsentCreate = components['schemas']['ConsentCreate'];

/** POST /children/{childId}/consents: only a guardian with parental authority may give consent. */
export function giveConsent(childId: string, body: ConsentCreate) {
  return unwrap(
    api().POST('/children/{childId}/consents', { params: { path: { childId } }, body }),
  );
}

export function useGiveConsent(childId: string, options: { onSuccess?: () => void } = {}) {
  const invalidate = useInvalidateConsentQueries(childId);
  return useMutation({
    mutationFn: (body: ConsentCreate) => giveConsent(childId, body),
    onSuccess: async () => {
      await invalidate();
      options.onSuccess?.();
    },
  });
}
