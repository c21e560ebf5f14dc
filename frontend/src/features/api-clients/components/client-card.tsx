import {
  Button,
  ButtonGroup,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActions } from '@/components/ui/confirm-actions';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useConfirmStep } from '@/hooks/use-confirm-step';
import { useFormatters } from '@/hooks/use-formatters';
import { formatNumber } from '@/lib/format';
import { useRevokeApiClient } from '@/features/api-clients/api/revoke-api-client';
import { ClientDetails } from '@/features/api-clients/components/client-details';
import { EditClientForm } from '@/features/api-clients/components/edit-client-form';
import { RotateSecretForm } from '@/features/api-clients/components/rotate-secret-form';
import { scopeKey, type ApiClientRead } from '@/features/api-clients/types';
import { usageOfToday } from '@/features/api-clients/utils/usage';

type Panel = 'edit' | 'rotate' | null;

/**
 * One client: what it may do, when it was last used, today's calls and errors, and its working
 * secrets (hints only). A live client can be changed, get a new secret or be revoked; a revoked
 * one only shows what it did.
 */
export function ClientCard({
  organisationId,
  client,
  announce,
}: {
  organisationId: string;
  client: ApiClientRead;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const detailsId = useId();
  const [panel, setPanel] = useState<Panel>(null);
  const [details, setDetails] = useState(false);
  const editRef = useRef<HTMLButtonElement>(null);
  const rotateRef = useRef<HTMLButtonElement>(null);
  const revoked = Boolean(client.revokedAt);
  const today = usageOfToday(client);
  const number = (value: number) => formatNumber(value, format.language);

  const closePanel = () => {
    const opener = panel === 'edit' ? editRef.current : rotateRef.current;
    setPanel(null);
    opener?.focus();
  };

  return (
    <li
      className={revoked ? 'kc-card kc-api-client kc-api-client--revoked' : 'kc-card kc-api-client'}
      aria-labelledby={headingId}
      data-testid="api-client"
      data-revoked={revoked ? 'true' : undefined}
    >
      <Heading level={3} id={headingId}>
        {client.name}
      </Heading>
      {client.revokedAt ? (
        <Paragraph className="kc-api-client__revoked">
          <strong>{t('apiClients.client.revokedOn', { date: format.dateTime(client.revokedAt) })}</strong>
        </Paragraph>
      ) : null}
      <DataList className="kc-data-list">
        <DataListItem>
          <DataListKey>{t('apiClients.client.clientId')}</DataListKey>
          <DataListValue>
            <code className="kc-api-client__id">{client.clientId}</code>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('apiClients.client.scopes')}</DataListKey>
          <DataListValue>
            <ul className="kc-api-client__scopes">
              {client.scopes.map((scope) => (
                <li key={scope}>{t(`apiClients.scopes.${scopeKey(scope)}`)}</li>
              ))}
            </ul>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('apiClients.client.lastUsed')}</DataListKey>
          <DataListValue>
            {client.lastUsedAt ? (
              <time dateTime={client.lastUsedAt}>{format.dateTime(client.lastUsedAt)}</time>
            ) : (
              t('apiClients.client.neverUsed')
            )}
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('apiClients.client.callsToday')}</DataListKey>
          <DataListValue>
            <span data-testid="api-client-calls-today">{number(today.calls)}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('apiClients.client.errorsToday')}</DataListKey>
          <DataListValue>
            <span data-testid="api-client-errors-today">{number(today.errors)}</span>
          </DataListValue>
        </DataListItem>
        <DataListItem>
          <DataListKey>{t('apiClients.client.created')}</DataListKey>
          <DataListValue>
            <time dateTime={client.createdAt}>{format.dateTime(client.createdAt)}</time>
          </DataListValue>
        </DataListItem>
        {revoked ? null : (
          <DataListItem>
            <DataListKey>{t('apiClients.client.secrets')}</DataListKey>
            <DataListValue>
              {client.secrets.length === 0 ? (
                t('apiClients.client.noSecrets')
              ) : (
                <ul className="kc-api-client__secrets">
                  {client.secrets.map((secret) => (
                    <li key={secret.id}>
                      {secret.expiresAt
                        ? t('apiClients.client.secretUntil', { hint: secret.hint, date: format.dateTime(secret.expiresAt) })
                        : t('apiClients.client.secretHint', { hint: secret.hint })}
                    </li>
                  ))}
                </ul>
              )}
            </DataListValue>
          </DataListItem>
        )}
      </DataList>
      <ButtonGroup>
        <Button
          type="button"
          appearance="secondary-action-button"
          aria-expanded={details}
          aria-controls={detailsId}
          onClick={() => setDetails((open) => !open)}
        >
          {details ? t('apiClients.client.hideDetails') : t('apiClients.client.showDetails')}
        </Button>
        {revoked ? null : (
          <>
            <Button
              ref={editRef}
              type="button"
              appearance="secondary-action-button"
              aria-label={t('apiClients.edit.openLabel', { name: client.name })}
              aria-expanded={panel === 'edit'}
              onClick={() => setPanel(panel === 'edit' ? null : 'edit')}
            >
              {t('apiClients.edit.open')}
            </Button>
            <Button
              ref={rotateRef}
              type="button"
              appearance="secondary-action-button"
              aria-label={t('apiClients.rotate.openLabel', { name: client.name })}
              aria-expanded={panel === 'rotate'}
              onClick={() => setPanel(panel === 'rotate' ? null : 'rotate')}
            >
              {t('apiClients.rotate.open')}
            </Button>
          </>
        )}
      </ButtonGroup>
      {panel === 'edit' && !revoked ? (
        <EditClientForm
          organisationId={organisationId}
          client={client}
          onCancel={closePanel}
          onSaved={(name) => {
            closePanel();
            announce(t('apiClients.edit.done', { name }));
          }}
        />
      ) : null}
      {panel === 'rotate' && !revoked ? (
        <RotateSecretForm organisationId={organisationId} client={client} onClose={closePanel} />
      ) : null}
      {revoked ? null : (
        <RevokeClient
          organisationId={organisationId}
          client={client}
          onRevoked={() => announce(t('apiClients.revoke.done', { name: client.name }))}
        />
      )}
      <div id={detailsId}>{details ? <ClientDetails client={client} /> : null}</div>
    </li>
  );
}

/** Revoking takes two steps, and the question says what it does: the system stops at once. */
function RevokeClient({
  organisationId,
  client,
  onRevoked,
}: {
  organisationId: string;
  client: ApiClientRead;
  onRevoked: () => void;
}) {
  const { t } = useTranslation();
  const questionId = useId();
  const { confirming, startRef, questionRef, ask, cancel } = useConfirmStep();
  const revoke = useRevokeApiClient(organisationId, client.clientId, { onSuccess: onRevoked });

  if (!confirming) {
    return (
      <ButtonGroup>
        <Button
          ref={startRef}
          type="button"
          appearance="secondary-action-button"
          hint="danger"
          aria-label={t('apiClients.revoke.openLabel', { name: client.name })}
          onClick={ask}
        >
          {t('apiClients.revoke.open')}
        </Button>
      </ButtonGroup>
    );
  }

  return (
    <div role="group" aria-labelledby={questionId} className="kc-confirm" data-testid="revoke-api-client-confirm">
      <Paragraph id={questionId} ref={questionRef} tabIndex={-1}>
        {t('apiClients.revoke.question', { name: client.name })}
      </Paragraph>
      {revoke.isError ? (
        <ProblemAlert error={revoke.error} messages={{ 403: t('apiClients.forbidden'), 404: t('apiClients.gone') }} />
      ) : null}
      <ConfirmActions
        danger
        confirmLabel={t('apiClients.revoke.confirm')}
        keepLabel={t('apiClients.revoke.cancel')}
        busy={revoke.isPending}
        onConfirm={() => revoke.mutate()}
        onKeep={() => {
          revoke.reset();
          cancel();
        }}
      />
    </div>
  );
}
