import {
  Alert,
  Button,
  ButtonGroup,
  FormFieldTextarea,
  Heading,
  Paragraph,
} from '@utrecht/component-library-react';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '@/components/ui/select-field';
import { useCreateSignal } from '@/features/support/api/signals';
import { FormProblem } from '@/features/support/components/form-problem';
import { SIGNAL_CATEGORIES, type SignalCategory } from '@/features/support/types';

type SignalFormProps = {
  childId: string;
  childName: string;
  onRaised: () => void;
};

type FieldErrors = { category?: string; description?: string };

/**
 * A professional raises a signal: what they see, in plain words. Before sending, the form says
 * who will read it (the contact person and the intern begeleider) and that the parents' consent
 * comes only when support by a partner organisation is asked for.
 */
export function SignalForm({ childId, childName, onRaised }: SignalFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [category, setCategory] = useState<SignalCategory | ''>('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const categoryRef = useRef<HTMLSelectElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const raise = useCreateSignal(childId, {
    onSuccess: () => {
      setCategory('');
      setDescription('');
      onRaised();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (raise.isPending) return;
    const next: FieldErrors = {};
    if (!category) next.category = t('support.signalForm.categoryRequired');
    if (!description.trim()) next.description = t('support.signalForm.descriptionRequired');
    setErrors(next);
    const first = next.category ? categoryRef.current : next.description ? descriptionRef.current : null;
    if (first) {
      first.focus();
      return;
    }
    raise.mutate({ category: category as SignalCategory, description: description.trim() });
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="signal-form">
      <Heading level={3} id={headingId}>
        {t('support.signalForm.title')}
      </Heading>
      <Paragraph>{t('support.signalForm.intro', { name: childName })}</Paragraph>
      <SelectField
        ref={categoryRef}
        label={t('support.signalForm.category')}
        name="category"
        value={category}
        onChange={(value) => setCategory(value as SignalCategory | '')}
        placeholder={t('support.signalForm.chooseCategory')}
        options={SIGNAL_CATEGORIES.map((value) => ({ value, label: t(`support.categories.${value}`) }))}
        errorMessage={errors.category}
        required
      />
      <FormFieldTextarea
        inputRef={descriptionRef}
        name="description"
        label={t('support.signalForm.description')}
        description={t('support.signalForm.descriptionHelp')}
        value={description}
        rows={4}
        maxLength={2000}
        onChange={(event) => setDescription(event.target.value)}
        invalid={Boolean(errors.description)}
        errorMessage={errors.description}
        required
      />
      <Alert type="info" role="note" className="kc-alert" data-testid="signal-who-sees">
        <Paragraph>
          <strong>{t('support.signalForm.whoTitle')}</strong>
        </Paragraph>
        <Paragraph>{t('support.signalForm.who')}</Paragraph>
        <Paragraph>{t('support.signalForm.consent')}</Paragraph>
      </Alert>
      {raise.isError ? (
        <FormProblem
          error={raise.error}
          messages={{ 403: t('support.signalForm.forbidden') }}
          fields={{ category: t('support.signalForm.category'), description: t('support.signalForm.description') }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={raise.isPending} data-testid="signal-submit">
          {t('support.signalForm.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
