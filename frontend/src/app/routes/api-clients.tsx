import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { ApiClientsScreen } from '@/features/api-clients/components/api-clients-screen';
import { administeredOrganisations, isCentreAdmin } from '@/features/api-clients/utils/organisations';
import { managesApiClients } from '@/features/api-clients/utils/roles';

/**
 * /koppelingen: an organisation's administrators (and the centre administrators of its
 * centres) register, change and revoke the systems that use the API for it. Nobody else gets the
 * screen; the API decides per organisation.
 */
export default function ApiClientsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('apiClients.title'));
  const me = useMe();
  const admin = managesApiClients(me.data);
  // A centre administrator's organisations follow from the centres (OrganisationRead.centreIds).
  const centreAdmin = isCentreAdmin(me.data);
  const organisations = useOrganisations({ enabled: centreAdmin });
  const administered = useMemo(
    () => administeredOrganisations(me.data, organisations.data),
    [me.data, organisations.data],
  );

  let body;
  if (me.isPending) body = <Loading />;
  else if (me.isError) body = <ProblemAlert error={me.error} />;
  else if (!admin) body = <Paragraph data-testid="api-clients-not-admin">{t('apiClients.onlyAdmins')}</Paragraph>;
  else if (centreAdmin && organisations.isError) body = <ProblemAlert error={organisations.error} />;
  else if (centreAdmin && organisations.isPending) body = <Loading />;
  else body = <ApiClientsScreen organisations={administered} />;

  return (
    <>
      <Heading level={1}>{t('apiClients.title')}</Heading>
      <Paragraph>{t('apiClients.intro')}</Paragraph>
      {body}
    </>
  );
}
