import { useDocumentTitle } from '@/hooks/use-document-title';
import { OutcomesDashboard } from '@/features/outcomes/components/outcomes-dashboard';
import { OutcomesGate } from '@/features/outcomes/components/outcomes-gate';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';

/**
 * /rapportage: does the integraal kindcentrum deliver? For the centre's management (its own
 * centre, with the caseload) and the municipality's analysts (every centre).
 */
export default function OutcomesPage() {
  const { t } = useOutcomesTexts();
  useDocumentTitle(t('outcomes.title'));
  return <OutcomesGate>{(me) => <OutcomesDashboard me={me} />}</OutcomesGate>;
}
