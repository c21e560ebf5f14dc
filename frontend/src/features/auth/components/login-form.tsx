import {
  Button,
  ButtonGroup,
  FormFieldTextbox,
  Paragraph,
} from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { ApiError } from '@/lib/api-client';
import { useLogin } from '@/features/auth/api/login';

type FieldErrors = { email?: string; password?: string };

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const loginMutation = useLogin({ onSuccess });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (loginMutation.isPending) return;
    const errors: FieldErrors = {};
    if (!email.trim()) errors.email = t('login.emailRequired');
    if (!password) errors.password = t('login.passwordRequired');
    setFieldErrors(errors);
    if (errors.email || errors.password) return;
    loginMutation.mutate({ email: email.trim(), password });
  }

  const error = loginMutation.error;
  const retryMinutes =
    error instanceof ApiError && error.retryAfterSeconds
      ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60))
      : null;

  return (
    <form onSubmit={submit} noValidate className="kc-form">
      <Paragraph>{t('login.intro')}</Paragraph>
      {error ? (
        <ProblemAlert
          error={error}
          messages={{
            401: t('login.wrongCredentials'),
            429: retryMinutes
              ? t('login.tooManyAttemptsWait', { count: retryMinutes })
              : t('login.tooManyAttempts'),
          }}
        />
      ) : null}
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
      <ButtonGroup>
        <Button
          type="submit"
          appearance="primary-action-button"
          busy={loginMutation.isPending}
        >
          {t('login.submit')}
        </Button>
      </ButtonGroup>
      {loginMutation.isPending ? (
        <Paragraph role="status">{t('login.busy')}</Paragraph>
      ) : null}
    </form>
  );
}
