import type { components } from '@/api/schema';

/* The care team reaches this feature with the child page (`embedded.careTeam` of
   GET /children/{childId}?expand=…). */

export type CareTeamMemberRead = components['schemas']['CareTeamMemberRead'];
