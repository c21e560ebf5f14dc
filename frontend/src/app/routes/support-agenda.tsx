import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { AgendaWeek } from '@/features/support/components/agenda-week';
import { SupportNav } from '@/features/support/components/support-nav';

/** /zorg/agenda: the professional's own sessions, a week at a time. */
export default function SupportAgendaRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.agenda.title'));
  return (
    <>
      <SupportNav />
      <Heading level={1}>{t('support.agenda.title')}</Heading>
      <Paragraph>{t('support.agenda.intro')}</Paragraph>
      <AgendaWeek />
    </>
  );
}
