import { Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { Me } from '@/features/auth/api/get-me';
import { useCentres } from '@/features/activities/api/centres';
import { NewActivityForm } from '@/features/activities/components/activity-form';
import { runnerOrganisations } from '@/features/activities/utils/roles';

/**
 * "Nieuwe activiteit" on the catalogue, for the staff of an organisation. The centres are
 * asked once the form opens; closing it puts the focus back on the button.
 */
export function NewActivity({ me }: { me: Pick<Me, 'memberships'> }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    window.setTimeout(() => startRef.current?.focus(), 0);
  };

  if (!open) {
    return (
      <ButtonGroup className="kc-activity-actions">
        <Button ref={startRef} type="button" appearance="primary-action-button" onClick={() => setOpen(true)} data-testid="activity-new">
          {t('activities.form.new')}
        </Button>
      </ButtonGroup>
    );
  }
  return <NewActivityLoader me={me} onCancel={close} />;
}

function NewActivityLoader({ me, onCancel }: { me: Pick<Me, 'memberships'>; onCancel: () => void }) {
  const { t } = useTranslation();
  const centres = useCentres();
  if (centres.isError) {
    return (
      <div className="kc-subform">
        <ProblemAlert error={centres.error} />
        <CancelButton onCancel={onCancel} />
      </div>
    );
  }
  if (centres.isPending) return <Loading />;
  if (centres.data.length === 0) {
    return (
      <div className="kc-subform">
        <Paragraph data-testid="activity-no-centres">{t('activities.form.noCentres')}</Paragraph>
        <CancelButton onCancel={onCancel} />
      </div>
    );
  }
  return <NewActivityForm organisations={runnerOrganisations(me)} centres={centres.data} onCancel={onCancel} />;
}

function CancelButton({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <ButtonGroup className="kc-activity-actions">
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
        {t('activities.form.cancel')}
      </Button>
    </ButtonGroup>
  );
}
