import {
  Button,
  ButtonGroup,
  Code,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError, hasProblemType } from '@/lib/api-client';
import { useConfirmTwoFactorEnrolment } from '@/features/security/api/confirm-two-factor-enrolment';
import { useStartTwoFactorEnrolment } from '@/features/security/api/start-two-factor-enrolment';
import { QrCode } from '@/features/security/components/qr-code';

/** Start, scan the QR code (or type the secret), confirm with the first code. */
export function TwoFactorEnrolment({ onConfirmed }: { onConfirmed: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const stepsHeadingId = useId();
  const secretId = useId();
  const stepsHeadingRef = useRef<HTMLHeadingElement>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const start = useStartTwoFactorEnrolment();
  const confirm = useConfirmTwoFactorEnrolment({
    onSuccess: (result) => onConfirmed(result.recoveryCodes),
  });
  const enrolment = start.data;

  useEffect(() => {
    if (enrolment) stepsHeadingRef.current?.focus();
  }, [enrolment]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm.isPending) return;
    const value = code.replace(/\s+/g, '');
    if (!value) {
      setCodeError(t('security.enrolment.codeRequired'));
      return;
    }
    // The app shows 6 (sometimes 8) digits; the server accepts nothing else here.
    if (!/^\d{6,8}$/.test(value)) {
      setCodeError(t('security.enrolment.codeDigits'));
      return;
    }
    setCodeError(undefined);
    confirm.mutate(value);
  }

  if (!enrolment) {
    return (
      <>
        {start.isError ? <ProblemAlert error={start.error} /> : null}
        <ButtonGroup>
          <Button
            type="button"
            appearance="primary-action-button"
            busy={start.isPending}
            onClick={() => {
              if (!start.isPending) start.mutate();
            }}
          >
            {t('security.enrolment.start')}
          </Button>
        </ButtonGroup>
      </>
    );
  }

  const wrongCode =
    confirm.isError &&
    (hasProblemType(confirm.error, 'two-factor-invalid') ||
      (confirm.error instanceof ApiError && confirm.error.status === 400));

  return (
    <div className="kc-enrolment">
      <Heading level={3} id={stepsHeadingId} ref={stepsHeadingRef} tabIndex={-1}>
        {t('security.enrolment.title')}
      </Heading>
      <ol className="kc-steps" aria-labelledby={stepsHeadingId}>
        <li>
          <Paragraph>{t('security.enrolment.stepApp')}</Paragraph>
        </li>
        <li>
          <Paragraph>{t('security.enrolment.stepScan')}</Paragraph>
          <QrCode value={enrolment.otpauthUri} alt={t('security.enrolment.qrAlt')} />
          <Paragraph id={secretId}>{t('security.enrolment.manual')}</Paragraph>
          <Paragraph>
            <Code className="kc-secret" aria-describedby={secretId}>
              {enrolment.secret}
            </Code>
          </Paragraph>
        </li>
        <li>
          <form onSubmit={submit} noValidate className="kc-form">
            <Paragraph>{t('security.enrolment.stepCode')}</Paragraph>
            {confirm.isError && !wrongCode ? <ProblemAlert error={confirm.error} /> : null}
            <FormFieldTextbox
              name="code"
              label={t('login.totp')}
              autoComplete="one-time-code"
              value={code}
              onChange={(event) => setCode((event.target as HTMLInputElement).value)}
              required
              invalid={Boolean(codeError) || wrongCode}
              errorMessage={codeError ?? (wrongCode ? t('security.enrolment.wrongCode') : undefined)}
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={confirm.isPending}>
                {t('security.enrolment.confirm')}
              </Button>
            </ButtonGroup>
          </form>
        </li>
      </ol>
    </div>
  );
}
