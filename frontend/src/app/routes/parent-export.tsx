import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { ChildHeading } from '@/features/parent/components/child-badge';
import { DataExportPanel } from '@/features/parent/components/data-export';
import { useFamily } from '@/features/parent/hooks/use-family';

/** /ouder/kinderen/:childId/gegevens: everything stored about the child and the parent, to download. */
export default function ParentExportRoute() {
  const { t } = useTranslation();
  const { childId = '' } = useParams();
  const family = useFamily();
  const child = family.child(childId);
  useDocumentTitle(child ? t('parent.export.title', { name: child.givenName }) : t('parent.export.titleGeneric'));

  if (family.isPending) return <Loading />;
  if (family.isError && !child) return <ProblemAlert error={family.error} />;
  if (!child) {
    return (
      <>
        <Heading level={1}>{t('parent.export.titleGeneric')}</Heading>
        <Paragraph>{t('parent.notYourChild')}</Paragraph>
      </>
    );
  }
  return (
    <>
      <ChildHeading childId={child.id}>{t('parent.export.title', { name: child.givenName })}</ChildHeading>
      <DataExportPanel key={child.id} child={child} />
    </>
  );
}
