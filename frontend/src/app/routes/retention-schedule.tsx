import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { RetentionScheduleSection } from '@/features/retention/components/retention-schedule-form';

/** /bewaartermijnen: the municipality's retention schedule, for centre administrators (the API
 * refuses everyone else). */
export default function RetentionScheduleRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('retention.title'));
  const me = useMe();
  const isCentreAdmin = me.data?.roles.includes('centre_admin') ?? false;
  return (
    <>
      <Heading level={1}>{t('retention.title')}</Heading>
      <Paragraph>{t('retention.intro')}</Paragraph>
      {me.isPending ? <Loading /> : null}
      {me.isError ? <ProblemAlert error={me.error} /> : null}
      {me.data && !isCentreAdmin ? <Paragraph>{t('errors.forbidden')}</Paragraph> : null}
      {isCentreAdmin ? <RetentionScheduleSection /> : null}
    </>
  );
}
