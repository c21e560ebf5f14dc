import {
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  RadioButton,
} from '@utrecht/component-library-react';
import { useId, type Ref } from 'react';

type RadioGroupProps<Value extends string> = {
  legend: string;
  name: string;
  value: Value | '';
  onChange: (value: Value) => void;
  options: { value: Value; label: string; description?: string }[];
  errorMessage?: string;
  /** The first radio, to move focus to when nothing was chosen. */
  firstRef?: Ref<HTMLInputElement>;
  testIdPrefix?: string;
};

/** A few choices side by side: a fieldset of labelled radio buttons, its error tied to it. */
export function RadioGroup<Value extends string>({
  legend,
  name,
  value,
  onChange,
  options,
  errorMessage,
  firstRef,
  testIdPrefix,
}: RadioGroupProps<Value>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <Fieldset invalid={Boolean(errorMessage)} aria-describedby={errorMessage ? errorId : undefined}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {errorMessage ? <FormFieldErrorMessage id={errorId}>{errorMessage}</FormFieldErrorMessage> : null}
      {options.map((option, index) => {
        const inputId = `${id}-${option.value}`;
        const descriptionId = `${inputId}-description`;
        return (
          <FormField key={option.value} type="radio">
            <div className="utrecht-form-field__input">
              <RadioButton
                ref={index === 0 ? firstRef : undefined}
                id={inputId}
                name={name}
                value={option.value}
                checked={value === option.value}
                invalid={Boolean(errorMessage)}
                aria-describedby={option.description ? descriptionId : undefined}
                data-testid={testIdPrefix ? `${testIdPrefix}-${option.value}` : undefined}
                onChange={() => onChange(option.value)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={inputId} type="radio">
                {option.label}
              </FormLabel>
            </div>
            {option.description ? (
              <FormFieldDescription id={descriptionId}>{option.description}</FormFieldDescription>
            ) : null}
          </FormField>
        );
      })}
    </Fieldset>
  );
}
