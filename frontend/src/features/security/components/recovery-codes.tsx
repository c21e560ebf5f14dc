import { Alert, Button, ButtonGroup, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The recovery codes, shown this once: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <div className="kc-recovery-codes" role="region" aria-labelledby={headingId}>
      <Heading level={3} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('security.recoveryCodes.title')}
      </Heading>
      <Alert type="warning" className="kc-alert">
        <Paragraph>{t('security.recoveryCodes.notice')}</Paragraph>
      </Alert>
      <Paragraph>{t('security.recoveryCodes.howTo')}</Paragraph>
      <ol className="kc-recovery-codes__list">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onDone}>
          {t('security.recoveryCodes.done')}
        </Button>
      </ButtonGroup>
    </div>
  );
}
