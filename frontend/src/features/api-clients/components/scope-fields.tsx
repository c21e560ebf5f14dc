import { Fieldset, FieldsetLegend, FormFieldCheckbox, FormFieldErrorMessage } from '@utrecht/component-library-react';
import { forwardRef, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, scopeKey, type ApiScope } from '@/features/api-clients/types';

type ScopeFieldsProps = {
  /** The name of the checkboxes: unique per form on the page. */
  name: string;
  value: ReadonlySet<ApiScope>;
  onChange: (next: Set<ApiScope>) => void;
  errorMessage?: string;
};

/**
 * A checkbox per scope, each with its plain label and what it allows. The ref is the first
 * checkbox: where focus goes when none is chosen.
 */
export const ScopeFields = forwardRef<HTMLInputElement, ScopeFieldsProps>(function ScopeFields(
  { name, value, onChange, errorMessage },
  ref,
) {
  const { t } = useTranslation();
  const errorId = useId();

  function toggle(scope: ApiScope, on: boolean) {
    const next = new Set(value);
    if (on) next.add(scope);
    else next.delete(scope);
    onChange(next);
  }

  return (
    <Fieldset invalid={Boolean(errorMessage)} aria-describedby={errorMessage ? errorId : undefined}>
      <FieldsetLegend>{t('apiClients.create.scopes')}</FieldsetLegend>
      {errorMessage ? <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage> : null}
      {API_SCOPES.map((scope, index) => (
        <FormFieldCheckbox
          key={scope}
          inputRef={index === 0 ? ref : undefined}
          name={name}
          value={scope}
          label={t(`apiClients.scopes.${scopeKey(scope)}`)}
          description={t(`apiClients.scopeHelp.${scopeKey(scope)}`)}
          checked={value.has(scope)}
          onChange={(event) => toggle(scope, (event.target as HTMLInputElement).checked)}
        />
      ))}
    </Fieldset>
  );
});

/** The chosen scopes in the order of the list (the API sorts them too). */
export function scopeList(value: ReadonlySet<ApiScope>): ApiScope[] {
  return API_SCOPES.filter((scope) => value.has(scope));
}
