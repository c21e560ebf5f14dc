import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

/**
 * Said instead of the parts a guardian without parental authority does not get (care team,
 * support, consents): why they are not shown, and whom to ask. Never an empty section that
 * would look as if there were nothing.
 */
export function NoAuthorityNote({ name, what }: { name: string; what: 'care' | 'consents' | 'accessLog' | 'absence' | 'enrol' }) {
  const { t } = useTranslation();
  return (
    <Alert type="info" className="kc-alert kc-no-authority" data-testid="no-authority">
      <Heading level={2} className="kc-no-authority__title">
        {t('parentChild.noAuthority.title')}
      </Heading>
      <Paragraph>{t(`parentChild.noAuthority.${what}`, { name })}</Paragraph>
      <Paragraph>{t('parentChild.noAuthority.why')}</Paragraph>
      <Paragraph>{t('parentChild.noAuthority.ask')}</Paragraph>
    </Alert>
  );
}
