import { Heading } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { StaffTalks } from '@/features/talks/components/staff-talks';

/** /gesprekken: the gespreksplanner — talk slots for a group's families, and who booked. */
export default function TalksRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('talks.title'));
  return (
    <>
      <Heading level={1}>{t('talks.title')}</Heading>
      <StaffTalks />
    </>
  );
}
