import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/**
 * Said instead of the parts a guardian without parental authority does not get (care team,
 * support, consents): why they are not shown, and whom to ask. Never an empty section that
 * would look as if there were nothing.
 */
export function NoAuthorityNote({
  name,
  what,
}: {
  name: string;
  what: 'care' | 'consents' | 'accessLog' | 'absence' | 'enrol' | 'supportRequest';
}) {
  const { t } = useTranslation();
  // Asking for help keeps its texts together, under parentChild.supportRequest.
  const line =
    what === 'supportRequest'
      ? t('parentChild.supportRequest.noAuthority', { name })
      : t(`parentChild.noAuthority.${what}`, { name });
  return (
    <Alert type="info" className="kc-alert kc-no-authority" data-testid="no-authority">
      <Heading level={2} className="kc-no-authority__title">
        {t('parentChild.noAuthority.title')}
      </Heading>
      <Paragraph>{line}</Paragraph>
      <Paragraph>{t('parentChild.noAuthority.why')}</Paragraph>
      <Paragraph>{t('parentChild.noAuthority.ask')}</Paragraph>
    </Alert>
  );
}
