import {
  Button,
  ButtonGroup,
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useWebhookDeliveries } from '@/features/api-clients/api/get-webhook-deliveries';
import { useWebhookSubscriptions } from '@/features/api-clients/api/get-webhook-subscriptions';
import { useReplayWebhookDelivery } from '@/features/api-clients/api/replay-webhook-delivery';
import {
  eventKey,
  type ApiClientRead,
  type WebhookDeliveryRead,
  type WebhookSubscriptionRead,
} from '@/features/api-clients/types';

/**
 * The client's webhook subscriptions (the system sets them up itself, through the API): where
 * they go, which events, on or off and why; per subscription its deliveries, each of which can
 * be sent again.
 */
export function WebhooksSection({ client }: { client: ApiClientRead }) {
  const { t } = useTranslation();
  const subscriptions = useWebhookSubscriptions(client.clientId);

  return (
    <div className="kc-api-client__webhooks" data-testid="api-client-webhooks">
      <Heading level={4}>{t('apiClients.webhooks.title')}</Heading>
      <Paragraph className="kc-muted">{t('apiClients.webhooks.intro')}</Paragraph>
      {subscriptions.isPending ? <Loading /> : null}
      {subscriptions.isError ? <ProblemAlert error={subscriptions.error} /> : null}
      {subscriptions.data?.length === 0 ? <Paragraph>{t('apiClients.webhooks.empty')}</Paragraph> : null}
      {subscriptions.data && subscriptions.data.length > 0 ? (
        <ul className="kc-plain-list kc-api-client__subscriptions" aria-label={t('apiClients.webhooks.listLabel', { name: client.name })}>
          {subscriptions.data.map((subscription) => (
            <SubscriptionItem key={subscription.id} subscription={subscription} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function SubscriptionItem({ subscription }: { subscription: WebhookSubscriptionRead }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const deliveriesId = useId();
  const [open, setOpen] = useState(false);
  const events = subscription.eventTypes.map((type) => t(`apiClients.webhooks.events.${eventKey(type)}`)).join(', ');

  let state: string;
  if (!subscription.enabled) {
    state = subscription.disabledAt
      ? t('apiClients.webhooks.disabledSince', { date: format.dateTime(subscription.disabledAt) })
      : t('apiClients.webhooks.disabled');
  } else if (subscription.failingSince) {
    state = t('apiClients.webhooks.failingSince', { date: format.dateTime(subscription.failingSince) });
  } else {
    state = t('apiClients.webhooks.enabled');
  }

  return (
    <li
      className={subscription.enabled ? 'kc-api-client__subscription' : 'kc-api-client__subscription kc-api-client__subscription--off'}
      aria-labelledby={headingId}
      data-testid="webhook-subscription"
    >
      <Heading level={5} id={headingId} className="kc-api-client__url">
        {subscription.url}
      </Heading>
      <Paragraph>
        <strong>{t('apiClients.webhooks.events.label')}</strong> {events}
      </Paragraph>
      <Paragraph data-testid="webhook-subscription-state">
        <strong>{t('apiClients.webhooks.state')}</strong> {state}
        {!subscription.enabled && subscription.disabledReason ? (
          <> {t(`apiClients.webhooks.reasons.${subscription.disabledReason}`)}</>
        ) : null}
      </Paragraph>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={open}
          aria-controls={deliveriesId}
          onClick={() => setOpen((value) => !value)}
        >
          {open ? t('apiClients.webhooks.hideDeliveries') : t('apiClients.webhooks.showDeliveries')}
        </Button>
      </ButtonGroup>
      <div id={deliveriesId}>{open ? <Deliveries subscription={subscription} /> : null}</div>
    </li>
  );
}

/** The deliveries, newest change first, 20 at a time; each can be sent again while the subscription is on. */
function Deliveries({ subscription }: { subscription: WebhookSubscriptionRead }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const deliveries = useWebhookDeliveries(subscription.id);
  const [replayed, setReplayed] = useState(false);
  const replay = useReplayWebhookDelivery(subscription.id, { onSuccess: () => setReplayed(true) });
  const items = useMemo(() => deliveries.data?.pages.flatMap((page) => page.items) ?? [], [deliveries.data]);
  const columns: { label: string; render: (delivery: WebhookDeliveryRead) => ReactNode }[] = [
    {
      label: t('apiClients.webhooks.deliveries.time'),
      render: (delivery) => <time dateTime={delivery.createdAt}>{format.dateTime(delivery.createdAt)}</time>,
    },
    {
      label: t('apiClients.webhooks.deliveries.event'),
      render: (delivery) => t(`apiClients.webhooks.events.${eventKey(delivery.eventType)}`),
    },
    {
      label: t('apiClients.webhooks.deliveries.status'),
      render: (delivery) => <DeliveryStatus delivery={delivery} />,
    },
    { label: t('apiClients.webhooks.deliveries.attempts'), render: (delivery) => delivery.attempts },
    {
      label: t('apiClients.webhooks.deliveries.answer'),
      render: (delivery) =>
        [delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : null, delivery.lastError].filter(Boolean).join(': ') ||
        t('apiClients.webhooks.deliveries.noAnswer'),
    },
  ];
  if (subscription.enabled) {
    columns.push({
      label: t('apiClients.webhooks.deliveries.action'),
      render: (delivery) => (
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-label={t('apiClients.webhooks.deliveries.replayLabel', {
            event: t(`apiClients.webhooks.events.${eventKey(delivery.eventType)}`),
            date: format.dateTime(delivery.createdAt),
          })}
          busy={replay.isPending && replay.variables === delivery.id}
          onClick={() => {
            if (replay.isPending) return;
            setReplayed(false);
            replay.mutate(delivery.id);
          }}
        >
          {t('apiClients.webhooks.deliveries.replay')}
        </Button>
      ),
    });
  }

  return (
    <div className="kc-api-client__deliveries" data-testid="webhook-deliveries">
      {deliveries.isPending ? <Loading /> : null}
      {deliveries.isError ? <ProblemAlert error={deliveries.error} /> : null}
      {deliveries.isSuccess && items.length === 0 ? <Paragraph>{t('apiClients.webhooks.deliveries.empty')}</Paragraph> : null}
      {replay.isError ? (
        <ProblemAlert error={replay.error} messages={{ 409: t('apiClients.webhooks.deliveries.replayOff') }} />
      ) : null}
      <div aria-live="polite">{replayed ? <Paragraph>{t('apiClients.webhooks.deliveries.replayed')}</Paragraph> : null}</div>
      {items.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">
            {t('apiClients.webhooks.deliveries.caption', { url: subscription.url })}
          </TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {columns.map((column) => (
                <TableHeaderCell key={column.label} scope="col" role="columnheader">
                  {column.label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {items.map((delivery) => (
              <TableRow key={delivery.id} role="row" data-testid="webhook-delivery">
                {columns.map((column) => (
                  <TableCell key={column.label} role="cell" data-label={column.label}>
                    {column.render(delivery)}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      {deliveries.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={deliveries.isFetchingNextPage}
            onClick={() => {
              if (!deliveries.isFetchingNextPage) void deliveries.fetchNextPage();
            }}
          >
            {t('apiClients.webhooks.deliveries.more')}
          </Button>
        </ButtonGroup>
      ) : null}
    </div>
  );
}

function DeliveryStatus({ delivery }: { delivery: WebhookDeliveryRead }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = t(`apiClients.webhooks.deliveries.statuses.${delivery.status}`);
  if (delivery.status === 'delivered' && delivery.deliveredAt) {
    return <>{t('apiClients.webhooks.deliveries.deliveredAt', { status: label, date: format.dateTime(delivery.deliveredAt) })}</>;
  }
  if (delivery.status === 'pending' && delivery.nextAttemptAt) {
    return <>{t('apiClients.webhooks.deliveries.nextAttempt', { status: label, date: format.dateTime(delivery.nextAttemptAt) })}</>;
  }
  return <>{label}</>;
}
