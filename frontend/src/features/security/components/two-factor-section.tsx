import { Alert, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '@/api/schema';
import { RecoveryCodes } from '@/features/security/components/recovery-codes';
import { TwoFactorDeactivation } from '@/features/security/components/two-factor-deactivation';
import { TwoFactorEnrolment } from '@/features/security/components/two-factor-enrolment';

export type TwoFactorStatus = components['schemas']['TwoFactorStatus'];

/** Whether two-factor login is on, and the way to turn it on or off. */
export function TwoFactorSection({ status }: { status: TwoFactorStatus }) {
  const { t } = useTranslation();
  // Kept here, not in the enrolment: /me reports "on" at once, and the codes must stay in view.
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [message, setMessage] = useState('');

  return (
    <section aria-labelledby="security-two-factor-heading" className="kc-section">
      <Heading level={2} id="security-two-factor-heading">
        {t('security.twoFactor.title')}
      </Heading>
      {status.enrolmentRequired ? (
        <Alert type="warning" className="kc-alert">
          <Paragraph>{t('security.twoFactor.required')}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph>
        <strong>{status.enabled ? t('security.twoFactor.on') : t('security.twoFactor.off')}</strong>
      </Paragraph>
      <Paragraph>{t('security.twoFactor.explanation')}</Paragraph>
      <div aria-live="polite">{message ? <Paragraph>{message}</Paragraph> : null}</div>
      {recoveryCodes ? (
        <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
      ) : status.enabled ? (
        <>
          <Paragraph>{t('security.twoFactor.codesLeft', { count: status.recoveryCodesLeft })}</Paragraph>
          {status.mandatory ? (
            <Paragraph>{t('security.deactivate.mandatory')}</Paragraph>
          ) : (
            <TwoFactorDeactivation onDeactivated={() => setMessage(t('security.deactivate.done'))} />
          )}
        </>
      ) : (
        <TwoFactorEnrolment
          onConfirmed={(codes) => {
            setMessage(t('security.enrolment.done'));
            setRecoveryCodes(codes);
          }}
        />
      )}
    </section>
  );
}
