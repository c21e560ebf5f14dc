import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Paragraph role="status" className="kc-loading">
      {label ?? t('app.loading')}
    </Paragraph>
  );
}
