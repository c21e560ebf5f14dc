import { useDocumentTitle } from '@/hooks/use-document-title';
import { AnnualReport } from '@/features/outcomes/components/annual-report';
import { OutcomesGate } from '@/features/outcomes/components/outcomes-gate';
import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';

/** /rapportage/jaarverslag?schooljaar=2025-2026[&centrum=]: the printable yearly report. */
export default function OutcomesAnnualReportPage() {
  const { t } = useOutcomesTexts();
  useDocumentTitle(t('outcomes.annual.nav'));
  return <OutcomesGate>{(me) => <AnnualReport me={me} />}</OutcomesGate>;
}
