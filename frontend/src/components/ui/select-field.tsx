import {
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
} from '@utrecht/component-library-react';
import { forwardRef, useId, type ReactNode } from 'react';

export type SelectFieldOption = { value: string; label: string };

type SelectFieldProps = {
  label: ReactNode;
  name: string;
  value: string;
  onChange: (value: string) => void;
  options: SelectFieldOption[];
  /** The first, empty choice ("Kies …"); absent when a value is always chosen. */
  placeholder?: string;
  description?: ReactNode;
  errorMessage?: string;
  required?: boolean;
};

/** A labelled NL Design System select, its description and error tied to it for screen readers. */
export const SelectField = forwardRef<HTMLSelectElement, SelectFieldProps>(function SelectField(
  { label, name, value, onChange, options, placeholder, description, errorMessage, required },
  ref,
) {
  const id = useId();
  const descriptionId = useId();
  const errorId = useId();
  const describedBy =
    [description ? descriptionId : null, errorMessage ? errorId : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <FormField invalid={Boolean(errorMessage)}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description ? (
        <FormFieldDescription id={descriptionId}>{description}</FormFieldDescription>
      ) : null}
      {errorMessage ? (
        <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage>
      ) : null}
      <div className="utrecht-form-field__input">
        <Select
          ref={ref}
          id={id}
          name={name}
          value={value}
          required={required}
          invalid={Boolean(errorMessage)}
          aria-invalid={errorMessage ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          {placeholder !== undefined ? <SelectOption value="">{placeholder}</SelectOption> : null}
          {options.map((option) => (
            <SelectOption key={option.value} value={option.value}>
              {option.label}
            </SelectOption>
          ))}
        </Select>
      </div>
    </FormField>
  );
});
