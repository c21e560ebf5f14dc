import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useMe } from '@/features/auth/api/get-me';
import { useOrganisations } from '@/features/children/api/get-organisations';
import { useCentres } from '@/features/support/api/get-partners';
import { CareCoordinators, type CentreOption } from '@/features/support/components/care-coordinators';
import { SupportNav } from '@/features/support/components/support-nav';
import { administeredCentreIds, isCentreAdmin } from '@/features/support/utils/roles';

/**
 * /zorg/intern-begeleiders: a centre administrator names the care coordinators of the centres
 * they administer (those their organisations take part in), from the professionals of the
 * centre's partner organisations. Nobody else gets the screen.
 */
export default function CareCoordinatorsRoute() {
  const { t } = useTranslation();
  useDocumentTitle(t('support.careCoordinators.title'));
  const me = useMe();
  const admin = isCentreAdmin(me.data);
  const organisations = useOrganisations({ enabled: admin });
  const centres = useCentres();

  const options = useMemo<CentreOption[]>(() => {
    const all = organisations.data ?? [];
    const names = new Map((centres.data ?? []).map((centre) => [centre.id, centre.name]));
    return administeredCentreIds(me.data, all)
      .map((id) => ({
        id,
        name: names.get(id) ?? id,
        partners: all.filter((org) => org.centreIds.includes(id)).map((org) => ({ id: org.id, name: org.name })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  }, [organisations.data, centres.data, me.data]);

  let body;
  if (me.isPending) body = <Loading />;
  else if (!admin) body = <Paragraph data-testid="care-coordinators-not-admin">{t('support.careCoordinators.onlyAdmins')}</Paragraph>;
  else if (organisations.isError) body = <ProblemAlert error={organisations.error} />;
  else if (organisations.isPending || centres.isPending) body = <Loading />;
  else body = <CareCoordinators centres={options} />;

  return (
    <>
      <SupportNav />
      <Heading level={1}>{t('support.careCoordinators.title')}</Heading>
      <Paragraph>{t('support.careCoordinators.intro')}</Paragraph>
      {body}
    </>
  );
}
