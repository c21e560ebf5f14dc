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
import { useCreateSupportRequest } from '@/features/support/api/signals';
import { FormProblem } from '@/features/support/components/form-problem';
import {
  SIGNAL_CATEGORIES,
  TRAJECTORY_TYPES,
  type SignalCategory,
  type SupportRequestCreate,
  type TrajectoryType,
} from '@/features/support/types';

type SupportRequestFormProps = {
  childId: string;
  childName: string;
  /** Who reads the question; null when the child has no contact person. */
  contactPersonName: string | null;
  onSent: () => void;
};

/**
 * A parent with parental authority asks for support. Before sending, it says in plain words what
 * happens next: the contact person gets in touch, and support by a partner organisation starts
 * only after the parent's consent.
 */
export function SupportRequestForm({ childId, childName, contactPersonName, onSent }: SupportRequestFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [description, setDescription] = useState('');
  const [category, setCategory] = useState<SignalCategory | ''>('');
  const [trajectoryType, setTrajectoryType] = useState<TrajectoryType | ''>('');
  const [error, setError] = useState<string | undefined>();
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const send = useCreateSupportRequest(childId, {
    onSuccess: () => {
      setDescription('');
      setCategory('');
      setTrajectoryType('');
      onSent();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    if (!description.trim()) {
      setError(t('support.requestForm.descriptionRequired'));
      descriptionRef.current?.focus();
      return;
    }
    setError(undefined);
    const body: SupportRequestCreate = {
      description: description.trim(),
      category: category || 'other',
      ...(trajectoryType ? { trajectoryType } : {}),
    };
    send.mutate(body);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-form kc-subform" aria-labelledby={headingId} data-testid="support-request-form">
      <Heading level={3} id={headingId}>
        {t('support.requestForm.title')}
      </Heading>
      <Paragraph>{t('support.requestForm.intro', { name: childName })}</Paragraph>
      <FormFieldTextarea
        inputRef={descriptionRef}
        name="description"
        label={t('support.requestForm.description')}
        description={t('support.requestForm.descriptionHelp')}
        value={description}
        rows={4}
        maxLength={2000}
        onChange={(event) => setDescription(event.target.value)}
        invalid={Boolean(error)}
        errorMessage={error}
        required
      />
      <SelectField
        label={t('support.requestForm.category')}
        name="category"
        value={category}
        onChange={(value) => setCategory(value as SignalCategory | '')}
        placeholder={t('support.requestForm.noChoice')}
        options={SIGNAL_CATEGORIES.map((value) => ({ value, label: t(`support.categories.${value}`) }))}
      />
      <SelectField
        label={t('support.requestForm.trajectoryType')}
        name="trajectoryType"
        value={trajectoryType}
        onChange={(value) => setTrajectoryType(value as TrajectoryType | '')}
        placeholder={t('support.requestForm.dontKnow')}
        options={TRAJECTORY_TYPES.map((value) => ({ value, label: t(`consents.trajectoryTypes.${value}`) }))}
      />
      <Alert type="info" role="note" className="kc-alert" data-testid="request-what-next">
        <Paragraph>
          <strong>{t('support.requestForm.nextTitle')}</strong>
        </Paragraph>
        <Paragraph>
          {contactPersonName
            ? t('support.requestForm.next', { name: contactPersonName })
            : t('support.requestForm.nextNoContact')}
        </Paragraph>
        <Paragraph>{t('support.requestForm.consent')}</Paragraph>
      </Alert>
      {send.isError ? (
        <FormProblem
          error={send.error}
          messages={{ 403: t('support.requestForm.forbidden') }}
          fields={{ description: t('support.requestForm.description') }}
        />
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={send.isPending} data-testid="support-request-submit">
          {t('support.requestForm.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
