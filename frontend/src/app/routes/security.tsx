import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { SecurityOverview } from '@/features/security/components/security-overview';
import { NotificationSettingsForm } from '@/features/notification-settings/components/notification-settings-form';
import type { ProtectedOutletContext } from '@/app/routes/protected-layout';

export default function SecurityRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const { endSession } = useOutletContext<ProtectedOutletContext>();
  useDocumentTitle(t('security.title'));

  return (
    <>
      <Heading level={1}>{t('security.title')}</Heading>
      <Paragraph>{t('security.intro')}</Paragraph>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemAlert error={me.error} /> : null}
      {me.data ? (
        <SecurityOverview
          twoFactor={me.data.twoFactor}
          isCentreAdmin={me.data.roles.includes('centre_admin')}
          onPasswordChanged={() => endSession('passwordChanged')}
          onSignedOutEverywhere={() => endSession('signedOutEverywhere')}
        />
      ) : null}
      {me.data && !me.data.twoFactor.enrolmentRequired ? <NotificationSettingsForm /> : null}
    </>
  );
}
