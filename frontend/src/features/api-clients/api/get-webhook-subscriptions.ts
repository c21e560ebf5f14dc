import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, fetchAllPages, unwrap } from '@/lib/api-client';
import type { WebhookSubscriptionRead } from '@/features/api-clients/types';

/** GET /webhook-subscriptions?clientId=: the client's subscriptions (a handful), every page. */
export function getWebhookSubscriptions(clientId: string): Promise<WebhookSubscriptionRead[]> {
  return fetchAllPages((cursor) =>
    unwrap(api().GET('/webhook-subscriptions', { params: { query: { clientId, limit: 100, cursor } } })),
  );
}

export const webhookSubscriptionsQueryOptions = (clientId: string) =>
  queryOptions({
    queryKey: ['webhook-subscriptions', { clientId }],
    queryFn: () => getWebhookSubscriptions(clientId),
  });

export function useWebhookSubscriptions(clientId: string) {
  return useQuery(webhookSubscriptionsQueryOptions(clientId));
}
