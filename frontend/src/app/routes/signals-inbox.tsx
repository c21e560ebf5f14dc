import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { SignalInbox } from '@/features/support/components/signal-inbox';
import { SupportNav } from '@/features/support/components/support-nav';

/** /zorg/signalen: the open signals to decide on. */
export default function SignalsInboxRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.inbox.title'));
  const me = useMe();
  const organisations = useOrganisations();
  const organisationOptions = useMemo(
    () =>
      (organisations.data ?? [])
        .map((org) => ({ id: org.id, name: org.name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    [organisations.data],
  );
  return (
    <>
      <SupportNav />
      <Heading level={1}>{t('support.inbox.title')}</Heading>
      <Paragraph>{t('support.inbox.intro')}</Paragraph>
      {me.data ? (
        <SignalInbox me={{ id: me.data.id }} organisations={organisationOptions} />
      ) : (
        <Loading />
      )}
    </>
  );
}
