import type { Me } from '@/features/auth/api/get-me';
import type { CentreRef, OutcomeReport } from '@/features/outcomes/types';

/**
 * The centres a reader may pick: every centre for the municipality's analyst; for the centre's
 * management the centres it manages (those with a caseload, or where it coordinates care),
 * else all (the API answers 404 for another centre, and the page says so).
 */
export function pickableCentres(
  report: OutcomeReport | undefined,
  me: Pick<Me, 'roles' | 'careCoordinatorCentreIds'>,
): CentreRef[] {
  if (!report) return [];
  if (me.roles.includes('municipality_analyst')) return report.centres;
  const own = new Set(me.careCoordinatorCentreIds ?? []);
  for (const indicator of report.indicators) {
    if (indicator.id !== 'caseload') continue;
    for (const row of indicator.byCentre) if (row.centreId) own.add(row.centreId);
  }
  const mine = report.centres.filter((centre) => own.has(centre.centreId));
  return mine.length > 0 ? mine : report.centres;
}
