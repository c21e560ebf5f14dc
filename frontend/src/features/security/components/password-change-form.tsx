import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { hasInvalidParamCode } from '@/lib/api-client';
import { useChangePassword } from '@/features/security/api/change-password';

/** The server's minimum (auth/passwords.py); it checks again. */
export const MIN_PASSWORD_LENGTH = 12;

type FieldErrors = { current?: string; next?: string; repeat?: string };

/** A new password ends every session, this one too: `onChanged` logs out here. */
export function PasswordChangeForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const change = useChangePassword({ onSuccess: onChanged });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const found: FieldErrors = {};
    if (!current) found.current = t('security.password.currentRequired');
    if (next.length < MIN_PASSWORD_LENGTH) {
      found.next = t('security.password.tooShort', { count: MIN_PASSWORD_LENGTH });
    } else if (next === current) found.next = t('security.password.same');
    if (repeat !== next) found.repeat = t('security.password.noMatch');
    setErrors(found);
    if (found.current || found.next || found.repeat) return;
    change.mutate({ currentPassword: current, newPassword: next });
  }

  const wrongCurrent = hasInvalidParamCode(change.error, 'wrong_password');
  const currentError = errors.current ?? (wrongCurrent ? t('security.password.wrongCurrent') : undefined);

  return (
    <section aria-labelledby="security-password-heading" className="kc-section">
      <Heading level={2} id="security-password-heading">
        {t('security.password.title')}
      </Heading>
      <form onSubmit={submit} noValidate className="kc-form">
        <Paragraph>{t('security.password.intro')}</Paragraph>
        {change.isError && !wrongCurrent ? (
          <ProblemAlert error={change.error} messages={{ 400: t('security.password.rejected') }} />
        ) : null}
        <FormFieldTextbox
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t('security.password.current')}
          value={current}
          onChange={(event) => setCurrent((event.target as HTMLInputElement).value)}
          required
          invalid={Boolean(currentError)}
          errorMessage={currentError}
        />
        <FormFieldTextbox
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t('security.password.new')}
          description={t('security.password.newHelp', { count: MIN_PASSWORD_LENGTH })}
          minLength={MIN_PASSWORD_LENGTH}
          value={next}
          onChange={(event) => setNext((event.target as HTMLInputElement).value)}
          required
          invalid={Boolean(errors.next)}
          errorMessage={errors.next}
        />
        <FormFieldTextbox
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          label={t('security.password.repeat')}
          value={repeat}
          onChange={(event) => setRepeat((event.target as HTMLInputElement).value)}
          required
          invalid={Boolean(errors.repeat)}
          errorMessage={errors.repeat}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={change.isPending}>
            {t('security.password.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
