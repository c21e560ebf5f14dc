import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useUpdateApiClient } from '@/features/api-clients/api/update-api-client';
import { ScopeFields, scopeList } from '@/features/api-clients/components/scope-fields';
import type { ApiClientRead, ApiScope } from '@/features/api-clients/types';
import { validateClient, type ClientErrors } from '@/features/api-clients/utils/validate';

/** A client's name and scopes; taking a scope away holds from its next call. */
export function EditClientForm({
  organisationId,
  client,
  onCancel,
  onSaved,
}: {
  organisationId: string;
  client: ApiClientRead;
  onCancel: () => void;
  onSaved: (name: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const scopesRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(client.name);
  const [scopes, setScopes] = useState<Set<ApiScope>>(() => new Set(client.scopes));
  const [errors, setErrors] = useState<ClientErrors>({});
  const update = useUpdateApiClient(organisationId, client.clientId);

  useEffect(() => headingRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (update.isPending) return;
    const next = validateClient(name, scopes);
    setErrors(next);
    if (next.name) nameRef.current?.focus();
    else if (next.scopes) scopesRef.current?.focus();
    if (next.name || next.scopes) return;
    update.mutate({ name: name.trim(), scopes: scopeList(scopes) }, { onSuccess: (saved) => onSaved(saved.name) });
  }

  return (
    <form
      onSubmit={submit}
      noValidate
      autoComplete="off"
      className="kc-form kc-subform"
      aria-labelledby={headingId}
      data-testid="edit-api-client-form"
    >
      <Heading level={4} id={headingId} ref={headingRef} tabIndex={-1}>
        {t('apiClients.edit.title', { name: client.name })}
      </Heading>
      <FormFieldTextbox
        inputRef={nameRef}
        name="name"
        label={t('apiClients.create.name')}
        value={name}
        autoComplete="off"
        onChange={(event) => setName((event.target as HTMLInputElement).value)}
        invalid={Boolean(errors.name)}
        errorMessage={errors.name ? t(`apiClients.create.${errors.name}`) : undefined}
        required
      />
      <ScopeFields
        ref={scopesRef}
        name={`scopes-${client.clientId}`}
        value={scopes}
        onChange={(next) => {
          setScopes(next);
          if (next.size > 0) setErrors((current) => ({ ...current, scopes: undefined }));
        }}
        errorMessage={errors.scopes ? t('apiClients.create.scopesRequired') : undefined}
      />
      <Paragraph className="kc-muted">{t('apiClients.edit.fewerScopes')}</Paragraph>
      {update.isError ? (
        <ProblemAlert error={update.error} messages={{ 403: t('apiClients.forbidden'), 404: t('apiClients.gone') }} />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={update.isPending}>
          {t('apiClients.edit.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={update.isPending} onClick={onCancel}>
          {t('apiClients.edit.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
