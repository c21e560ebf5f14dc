import { useOutcomesTexts } from '@/features/outcomes/hooks/use-outcomes-texts';
import { showCell } from '@/features/outcomes/utils/format';
import type { MeasureKind, OutcomeCell } from '@/features/outcomes/types';

/**
 * One figure of a table. A suppressed cell says "verborgen" (never 0; the table explains why);
 * a cell with nothing to measure shows "–", read out as "niets te meten".
 */
export function Figure({ cell, kind }: { cell: OutcomeCell | undefined; kind: MeasureKind }) {
  const { t, format } = useOutcomesTexts();
  const shown = showCell(cell, kind, format);
  if (shown.state === 'hidden') {
    return (
      <span className="kc-outcome__hidden" data-state="hidden">
        {t('outcomes.hidden.cell')}
      </span>
    );
  }
  if (shown.state === 'none') {
    return (
      <span data-state="none">
        <span aria-hidden="true">–</span>
        <span className="kc-visually-hidden">{t('outcomes.none.cell')}</span>
      </span>
    );
  }
  return <span data-state="value">{shown.text}</span>;
}
