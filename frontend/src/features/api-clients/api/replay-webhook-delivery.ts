import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';
import { webhookDeliveriesQueryKey } from '@/features/api-clients/api/get-webhook-deliveries';
import type { WebhookDeliveryRead } from '@/features/api-clients/types';

/**
 * POST /webhook-deliveries/{deliveryId}/replay (202): the delivery goes again now, with the same
 * `webhook-id` (the receiver can tell it is the same event); 409 while the subscription is off.
 */
export function replayWebhookDelivery(deliveryId: string): Promise<WebhookDeliveryRead> {
  return unwrap(api().POST('/webhook-deliveries/{deliveryId}/replay', { params: { path: { deliveryId } } }));
}

export function useReplayWebhookDelivery(subscriptionId: string, options: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (deliveryId: string) => replayWebhookDelivery(deliveryId),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: webhookDeliveriesQueryKey(subscriptionId) });
      options.onSuccess?.();
    },
  });
}
