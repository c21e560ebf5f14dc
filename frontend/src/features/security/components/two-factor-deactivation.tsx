import {
  Button,
  ButtonGroup,
  FormFieldTextbox,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasInvalidParamCode } from '@/lib/api-client';
import { useDeactivateTwoFactor } from '@/features/security/api/deactivate-two-factor';

/** Turning two-factor off asks for the password again, so a borrowed session cannot do it. */
export function TwoFactorDeactivation({ onDeactivated }: { onDeactivated: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const deactivate = useDeactivateTwoFactor({
    onSuccess: () => {
      setPassword('');
      onDeactivated();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (deactivate.isPending) return;
    if (!password) {
      setError(t('security.deactivate.passwordRequired'));
      return;
    }
    setError(undefined);
    deactivate.mutate(password);
  }

  const wrongPassword = hasInvalidParamCode(deactivate.error, 'wrong_password');
  const fieldError = error ?? (wrongPassword ? t('security.wrongPassword') : undefined);

  return (
    <form onSubmit={submit} noValidate className="kc-form" aria-labelledby={headingId}>
      <Heading level={3} id={headingId}>
        {t('security.deactivate.title')}
      </Heading>
      <Paragraph>{t('security.deactivate.intro')}</Paragraph>
      {deactivate.isError && !wrongPassword ? (
        <ProblemAlert error={deactivate.error} messages={{ 403: t('security.deactivate.mandatory') }} />
      ) : null}
      <FormFieldTextbox
        name="password"
        type="password"
        autoComplete="current-password"
        label={t('security.deactivate.password')}
        value={password}
        onChange={(event) => setPassword((event.target as HTMLInputElement).value)}
        required
        invalid={Boolean(fieldError)}
        errorMessage={fieldError}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={deactivate.isPending}>
          {t('security.deactivate.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
