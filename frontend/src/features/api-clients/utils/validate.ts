import type { ApiScope } from '@/features/api-clients/types';
import { MAX_OVERLAP_HOURS } from '@/features/api-clients/api/rotate-api-client-secret';

export type ClientErrors = { name?: 'nameRequired' | 'nameTooLong'; scopes?: 'scopesRequired' };

/** What the API would refuse in a client's name and scopes, said before it is sent. */
export function validateClient(name: string, scopes: ReadonlySet<ApiScope>): ClientErrors {
  const errors: ClientErrors = {};
  const trimmed = name.trim();
  if (!trimmed) errors.name = 'nameRequired';
  else if (trimmed.length > 100) errors.name = 'nameTooLong';
  if (scopes.size === 0) errors.scopes = 'scopesRequired';
  return errors;
}

/** The overlap of a rotation in whole hours, 0 to 168; null when the input is not that. */
export function parseOverlapHours(value: string): number | null {
  if (!/^\s*\d+\s*$/.test(value)) return null;
  const hours = Number(value);
  return hours >= 0 && hours <= MAX_OVERLAP_HOURS ? hours : null;
}
