import { Alert, Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '@/hooks/use-formatters';
import type { IssuedSecret } from '@/features/api-clients/types';

/**
 * The client's id and secret, shown this once in a modal dialog: the server keeps only the
 * secret's hash. Nothing here is stored: the dialog gets the secret from the request that made
 * it and the caller drops that (`mutation.reset()`) in `onClose`. The fields are read-only,
 * `autocomplete="off"`, so a browser or password manager does not offer to keep them.
 */
export function SecretDialog({ secret, onClose }: { secret: IssuedSecret; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const headingId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  const [copied, setCopied] = useState<'clientId' | 'clientSecret' | 'failed' | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // jsdom has no showModal(); there the open attribute alone shows it.
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal();
    } else {
      dialog.setAttribute('open', '');
    }
    headingRef.current?.focus();
    return () => {
      if (typeof dialog.close === 'function' && dialog.open) dialog.close();
    };
  }, []);

  async function copy(what: 'clientId' | 'clientSecret') {
    try {
      if (!navigator.clipboard) throw new Error('No clipboard');
      await navigator.clipboard.writeText(secret[what]);
      setCopied(what);
    } catch {
      setCopied('failed');
    }
  }

  const title =
    secret.kind === 'created'
      ? t('apiClients.secret.createdTitle', { name: secret.clientName })
      : t('apiClients.secret.rotatedTitle', { name: secret.clientName });

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      aria-modal="true"
      className="kc-secret-dialog"
      data-testid="api-client-secret"
      onCancel={(event) => {
        // Escape closes it like the button does: the secret goes with it.
        event.preventDefault();
        onCloseRef.current();
      }}
    >
      <Heading level={2} id={headingId} ref={headingRef} tabIndex={-1}>
        {title}
      </Heading>
      <Alert type="warning" className="kc-alert">
        <Paragraph>{t('apiClients.secret.warning')}</Paragraph>
      </Alert>
      <form autoComplete="off" className="kc-form" onSubmit={(event) => event.preventDefault()}>
        <FormFieldTextbox
          name="kc-issued-client-id"
          label={t('apiClients.secret.clientId')}
          value={secret.clientId}
          readOnly
          autoComplete="off"
          className="kc-secret-field"
        />
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => void copy('clientId')}>
            {t('apiClients.secret.copyId')}
          </Button>
        </ButtonGroup>
        <FormFieldTextbox
          name="kc-issued-client-secret"
          label={t('apiClients.secret.clientSecret')}
          value={secret.clientSecret}
          readOnly
          autoComplete="off"
          className="kc-secret-field"
        />
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => void copy('clientSecret')}>
            {t('apiClients.secret.copySecret')}
          </Button>
        </ButtonGroup>
      </form>
      <div aria-live="polite" data-testid="api-client-secret-copied">
        {copied === 'failed' ? (
          <Paragraph>{t('apiClients.secret.copyFailed')}</Paragraph>
        ) : copied ? (
          <Paragraph>{t('apiClients.secret.copied')}</Paragraph>
        ) : null}
      </div>
      {secret.kind === 'rotated' ? (
        <Paragraph>
          {secret.previousSecretsExpireAt
            ? t('apiClients.secret.previousUntil', { date: format.dateTime(secret.previousSecretsExpireAt) })
            : t('apiClients.secret.previousEnded')}
        </Paragraph>
      ) : null}
      <ButtonGroup>
        <Button type="button" appearance="primary-action-button" onClick={onClose}>
          {t('apiClients.secret.done')}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}
