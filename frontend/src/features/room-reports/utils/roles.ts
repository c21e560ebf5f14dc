import type { Me } from '@/features/auth/api/get-me';
import { READER_ROLES } from '@/features/room-reports/types';

/** Has a role that reads the reports; the API still decides per building (403). */
export function isReportReader(me: Pick<Me, 'roles'> | undefined): boolean {
  return Boolean(me?.roles.some((role) => (READER_ROLES as readonly string[]).includes(role)));
}

/** A centre administrator: sets the municipality's room norm (PUT /room-norm). */
export function isCentreAdmin(me: Pick<Me, 'roles'> | undefined): boolean {
  return Boolean(me?.roles.includes('centre_admin'));
}
