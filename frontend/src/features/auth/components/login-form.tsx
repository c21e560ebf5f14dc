import {
  Button,
  ButtonGroup,
  FormFieldTextbox,
  Paragraph,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError, hasProblemType } from '@/lib/api-client';
import { useLogin } from '@/features/auth/api/login';

type FieldErrors = { email?: string; password?: string; totp?: string };

/**
 * Step one asks e-mail address and password. When the account uses two-factor login the server
 * answers `two-factor-required`, and step two asks the code from the authenticator app.
 */
export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [step, setStep] = useState<'credentials' | 'totp'>('credentials');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const totpRef = useRef<HTMLInputElement>(null);
  const loginMutation = useLogin({ onSuccess });

  const error = loginMutation.error;
  const needsCode = hasProblemType(error, 'two-factor-required');
  const wrongCode = hasProblemType(error, 'two-factor-invalid');

  useEffect(() => {
    if (needsCode && step === 'credentials') setStep('totp');
  }, [needsCode, step]);

  useEffect(() => {
    if (step === 'totp') totpRef.current?.focus();
  }, [step]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loginMutation.isPending) return;
    const errors: FieldErrors = {};
    if (step === 'credentials') {
      if (!email.trim()) errors.email = t('login.emailRequired');
      if (!password) errors.password = t('login.passwordRequired');
    } else if (!totp.trim()) {
      errors.totp = t('login.totpRequired');
    }
    setFieldErrors(errors);
    if (errors.email || errors.password || errors.totp) return;
    loginMutation.mutate({
      email: email.trim(),
      password,
      ...(step === 'totp' ? { totp: totp.replace(/\s+/g, '') } : {}),
    });
  }

  function startOver() {
    loginMutation.reset();
    setTotp('');
    setPassword('');
    setFieldErrors({});
    setStep('credentials');
  }

  const retryMinutes =
    error instanceof ApiError && error.retryAfterSeconds
      ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
      : null;
  // "Code required" is the way to step two, not an error to show.
  const showError = error && !needsCode;

  return (
    <form onSubmit={submit} noValidate className="kc-form">
      <Paragraph>{step === 'credentials' ? t('login.intro') : t('login.totpIntro')}</Paragraph>
      {showError ? (
        <ProblemAlert
          error={error}
          messages={{
            401: wrongCode ? t('login.totpInvalid') : t('login.wrongCredentials'),
            429: retryMinutes
              ? t('login.tooManyAttemptsWait', { count: retryMinutes })
              : t('login.tooManyAttempts'),
          }}
        />
      ) : null}
      {step === 'credentials' ? (
        <>
          <FormFieldTextbox
            name="email"
            type="email"
            autoComplete="username"
            label={t('login.email')}
            value={email}
            onChange={(event) => setEmail((event.target as HTMLInputElement).value)}
            required
            invalid={Boolean(fieldErrors.email)}
            errorMessage={fieldErrors.email}
          />
          <FormFieldTextbox
            name="password"
            type="password"
            autoComplete="current-password"
            label={t('login.password')}
            value={password}
            onChange={(event) => setPassword((event.target as HTMLInputElement).value)}
            required
            invalid={Boolean(fieldErrors.password)}
            errorMessage={fieldErrors.password}
          />
        </>
      ) : (
        <FormFieldTextbox
          name="totp"
          inputRef={totpRef}
          autoComplete="one-time-code"
          label={t('login.totp')}
          description={t('login.totpHint')}
          value={totp}
          onChange={(event) => setTotp((event.target as HTMLInputElement).value)}
          maxLength={64}
          required
          invalid={Boolean(fieldErrors.totp) || wrongCode}
          errorMessage={fieldErrors.totp}
        />
      )}
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={loginMutation.isPending}
        >
          {t('login.submit')}
        </Button>
        {step === 'totp' ? (
          <Button type="button" appearance="subtle-button" onClick={startOver}>
            {t('login.startOver')}
          </Button>
        ) : null}
      </ButtonGroup>
      {loginMutation.isPending ? (
        <Paragraph role="status">{t('login.busy')}</Paragraph>
      ) : null}
    </form>
  );
}
