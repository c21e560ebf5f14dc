import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { useCentres } from '@/features/support/api/get-partners';
import { SupportNav } from '@/features/support/components/support-nav';
import { TrajectoryBoard } from '@/features/support/components/trajectory-board';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'nl');

/** /zorg: the trajectory board of the centre(s) this professional works in. */
export default function SupportBoardRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.board.title'));
  const organisations = useOrganisations();
  const centres = useCentres();
  const organisationOptions = useMemo(
    () => (organisations.data ?? []).map((org) => ({ id: org.id, name: org.name })).sort(byName),
    [organisations.data],
  );
  const centreOptions = useMemo(
    () => (centres.data ?? []).map((centre) => ({ id: centre.id, name: centre.name })).sort(byName),
    [centres.data],
  );
  return (
    <>
      <SupportNav />
      <Heading level={1}>{t('support.board.title')}</Heading>
      <Paragraph>{t('support.board.intro')}</Paragraph>
      <TrajectoryBoard organisations={organisationOptions} centres={centreOptions} />
    </>
  );
}
