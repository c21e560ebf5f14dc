import { Button, FormFieldTextbox } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { isIsoDate } from '@/features/room-reports/utils/period';

/** The reference date: the pupils count on it, the hours in the year up to it. */
export function ReferenceDateForm({ value, onChange }: { value: string; onChange: (date: string) => void }) {
  const { t } = useRoomReportsTranslation();
  const [date, setDate] = useState(value);
  const [error, setError] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isIsoDate(date)) {
      setError(t('floorArea.referenceDateMissing'));
      inputRef.current?.focus();
      return;
    }
    setError(undefined);
    onChange(date);
  }

  return (
    <form onSubmit={submit} noValidate className="kc-reports__period" data-testid="reference-date-form">
      <FormFieldTextbox
        inputRef={inputRef}
        name="referenceDate"
        type="date"
        label={t('floorArea.referenceDate')}
        description={t('floorArea.referenceDateHelp')}
        value={date}
        onChange={(event) => setDate((event.target as HTMLInputElement).value)}
        invalid={Boolean(error)}
        errorMessage={error}
        required
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('floorArea.submit')}
      </Button>
    </form>
  );
}
