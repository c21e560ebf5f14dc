import { Button, ButtonGroup, FormFieldTextbox, Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useRegisterApiClient } from '@/features/api-clients/api/register-api-client';
import { ScopeFields, scopeList } from '@/features/api-clients/components/scope-fields';
import { SecretDialog } from '@/features/api-clients/components/secret-dialog';
import type { AdministeredOrganisation, ApiScope } from '@/features/api-clients/types';
import { validateClient, type ClientErrors } from '@/features/api-clients/utils/validate';

/**
 * "Nieuwe koppeling": a name and at least one scope. The answer's secret is shown once in a
 * dialog; closing it forgets the answer (`reset()`), and the list shows the new client.
 */
export function NewClientForm({
  organisation,
  announce,
}: {
  organisation: AdministeredOrganisation;
  announce: (text: string) => void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Set<ApiScope>>(() => new Set());
  const [errors, setErrors] = useState<ClientErrors>({});
  const nameRef = useRef<HTMLInputElement>(null);
  const scopesRef = useRef<HTMLInputElement>(null);
  const register = useRegisterApiClient(organisation.id);
  const created = register.data;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (register.isPending) return;
    const next = validateClient(name, scopes);
    setErrors(next);
    if (next.name) nameRef.current?.focus();
    else if (next.scopes) scopesRef.current?.focus();
    if (next.name || next.scopes) return;
    register.mutate(
      { name: name.trim(), scopes: scopeList(scopes) },
      {
        onSuccess: () => {
          setName('');
          setScopes(new Set());
        },
      },
    );
  }

  return (
    <>
      <form
        onSubmit={submit}
        noValidate
        autoComplete="off"
        className="kc-form kc-subform"
        aria-labelledby={headingId}
        data-testid="new-api-client-form"
      >
        <Heading level={2} id={headingId}>
          {t('apiClients.create.title')}
        </Heading>
        <Paragraph>{t('apiClients.create.intro')}</Paragraph>
        <FormFieldTextbox
          inputRef={nameRef}
          name="name"
          label={t('apiClients.create.name')}
          description={t('apiClients.create.nameHelp')}
          value={name}
          autoComplete="off"
          onChange={(event) => setName((event.target as HTMLInputElement).value)}
          invalid={Boolean(errors.name)}
          errorMessage={errors.name ? t(`apiClients.create.${errors.name}`) : undefined}
          required
        />
        <ScopeFields
          ref={scopesRef}
          name="scopes"
          value={scopes}
          onChange={(next) => {
            setScopes(next);
            if (next.size > 0) setErrors((current) => ({ ...current, scopes: undefined }));
          }}
          errorMessage={errors.scopes ? t('apiClients.create.scopesRequired') : undefined}
        />
        {register.isError ? <ProblemAlert error={register.error} messages={{ 403: t('apiClients.forbidden') }} /> : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={register.isPending}>
            {t('apiClients.create.submit')}
          </Button>
        </ButtonGroup>
      </form>
      {created ? (
        <SecretDialog
          secret={{ kind: 'created', clientId: created.clientId, clientSecret: created.clientSecret, clientName: created.name }}
          onClose={() => {
            const clientName = created.name;
            register.reset();
            announce(t('apiClients.create.done', { name: clientName }));
          }}
        />
      ) : null}
    </>
  );
}
