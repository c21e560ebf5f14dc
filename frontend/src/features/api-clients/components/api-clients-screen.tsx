import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { SelectField } from '@/components/ui/select-field';
import { useApiClients } from '@/features/api-clients/api/get-api-clients';
import { ClientCard } from '@/features/api-clients/components/client-card';
import { NewClientForm } from '@/features/api-clients/components/new-client-form';
import type { AdministeredOrganisation } from '@/features/api-clients/types';
import { sortClients } from '@/features/api-clients/utils/usage';
import './api-clients.css';

/**
 * "Koppelingen": per organisation this person administers (a choice when there are more), its
 * API clients with their use, and a form for a new one. What happened is said in a status line
 * that takes the focus (a client revoked, a secret dialog closed).
 */
export function ApiClientsScreen({ organisations }: { organisations: AdministeredOrganisation[] }) {
  const { t } = useTranslation();
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [message, setMessage] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);
  const organisation = organisations.find((option) => option.id === organisationId) ?? organisations[0];

  if (!organisation) {
    return <Paragraph data-testid="api-clients-no-organisations">{t('apiClients.noOrganisations')}</Paragraph>;
  }

  const announce = (text: string) => {
    setMessage(text);
    statusRef.current?.focus();
  };

  return (
    <div data-testid="api-clients">
      {organisations.length > 1 ? (
        <SelectField
          label={t('apiClients.organisation')}
          name="organisationId"
          value={organisation.id}
          onChange={(value) => {
            setMessage('');
            setOrganisationId(value);
          }}
          options={organisations.map((option) => ({ value: option.id, label: option.name }))}
        />
      ) : null}
      <div ref={statusRef} tabIndex={-1} aria-live="polite" className="kc-status" data-testid="api-clients-message">
        {message ? <Paragraph>{message}</Paragraph> : null}
      </div>
      <OrganisationClients key={organisation.id} organisation={organisation} announce={announce} />
    </div>
  );
}

function OrganisationClients({
  organisation,
  announce,
}: {
  organisation: AdministeredOrganisation;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const clients = useApiClients(organisation.id);
  const sorted = useMemo(() => sortClients(clients.data ?? []), [clients.data]);
  const live = sorted.filter((client) => !client.revokedAt);
  const revoked = sorted.filter((client) => client.revokedAt);

  return (
    <>
      <section aria-labelledby="api-clients-heading" className="kc-section">
        <Heading level={2} id="api-clients-heading">
          {t('apiClients.listTitle', { organisation: organisation.name })}
        </Heading>
        {clients.isPending ? <Loading /> : null}
        {clients.isError ? <ProblemAlert error={clients.error} messages={{ 403: t('apiClients.forbidden') }} /> : null}
        {clients.isSuccess && live.length === 0 ? (
          <Paragraph>{t('apiClients.empty', { organisation: organisation.name })}</Paragraph>
        ) : null}
        {live.length > 0 ? (
          <ul className="kc-cards" data-testid="api-client-list">
            {live.map((client) => (
              <ClientCard key={client.clientId} organisationId={organisation.id} client={client} announce={announce} />
            ))}
          </ul>
        ) : null}
      </section>
      <NewClientForm organisation={organisation} announce={announce} />
      {revoked.length > 0 ? (
        <section aria-labelledby="api-clients-revoked-heading" className="kc-section kc-api-clients__revoked">
          <Heading level={2} id="api-clients-revoked-heading">
            {t('apiClients.revokedTitle')}
          </Heading>
          <Paragraph className="kc-muted">{t('apiClients.revokedIntro')}</Paragraph>
          <ul className="kc-cards" data-testid="api-client-revoked-list">
            {revoked.map((client) => (
              <ClientCard key={client.clientId} organisationId={organisation.id} client={client} announce={announce} />
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
