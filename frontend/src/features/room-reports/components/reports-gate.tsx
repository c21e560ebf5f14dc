import type { ReactNode } from 'react';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useMe } from '@/features/auth/api/get-me';
import { ReportsForbidden } from '@/features/room-reports/components/report-problem';
import { isCentreAdmin, isReportReader } from '@/features/room-reports/utils/roles';

/**
 * Shows the report only to those with a reader's role (centre administrators, organisation
 * administrators, municipality analysts); everyone else reads why, and no report is asked for.
 */
export function ReportsGate({ children }: { children: (me: { canEditNorm: boolean }) => ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (!isReportReader(me.data)) return <ReportsForbidden />;
  return <>{children({ canEditNorm: isCentreAdmin(me.data) })}</>;
}
