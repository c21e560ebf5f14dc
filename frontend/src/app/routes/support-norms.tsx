import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { SupportNav } from '@/features/support/components/support-nav';
import { TrajectoryNorms } from '@/features/support/components/trajectory-norms';
import { isCentreAdmin } from '@/features/support/utils/roles';

/** /zorg/normen: the waiting-time norms; centre administrators change them, other professionals read. */
export default function SupportNormsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.norms.title'));
  const me = useMe();
  return (
    <>
      <SupportNav />
      <Heading level={1}>{t('support.norms.title')}</Heading>
      <Paragraph>{t('support.norms.intro')}</Paragraph>
      {me.data ? <TrajectoryNorms canEdit={isCentreAdmin(me.data)} /> : <Loading />}
    </>
  );
}
