import { Heading, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '@/components/ui/router-link';

/** On the child page, for the centre's administrators: the erasure request and the merge of a
 * duplicate registration (the server refuses anyone else). */
export function ChildAdminLinks({ childId }: { childId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="kc-child-admin" className="kc-section">
      <Heading level={2} id="kc-child-admin">
        {t('erasure.adminTitle')}
      </Heading>
      <Paragraph>{t('erasure.adminIntro')}</Paragraph>
      <UnorderedList>
        <UnorderedListItem>
          <RouterLink to={`/children/${childId}/verwijderverzoek`}>{t('erasure.requestLink')}</RouterLink>
        </UnorderedListItem>
        <UnorderedListItem>
          <RouterLink to={`/children/${childId}/samenvoegen`}>{t('erasure.mergeLink')}</RouterLink>
        </UnorderedListItem>
      </UnorderedList>
    </section>
  );
}
