import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api-client';

export const DELIVERIES_PAGE_SIZE = 20;

/** GET /webhook-subscriptions/{subscriptionId}/deliveries: one page, newest change first. */
export function getWebhookDeliveries(subscriptionId: string, cursor?: string) {
  return unwrap(
    api().GET('/webhook-subscriptions/{subscriptionId}/deliveries', {
      params: { path: { subscriptionId }, query: { limit: DELIVERIES_PAGE_SIZE, cursor } },
    }),
  );
}

export const webhookDeliveriesQueryKey = (subscriptionId: string) => ['webhook-deliveries', { subscriptionId }] as const;

export const webhookDeliveriesQueryOptions = (subscriptionId: string) =>
  infiniteQueryOptions({
    queryKey: webhookDeliveriesQueryKey(subscriptionId),
    queryFn: ({ pageParam }) => getWebhookDeliveries(subscriptionId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });

export function useWebhookDeliveries(subscriptionId: string) {
  return useInfiniteQuery(webhookDeliveriesQueryOptions(subscriptionId));
}
