import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccessLogEntry } from '@/features/access-log/api/get-access-log';
import { type AccessLogLine, PART_ORDER } from '@/features/access-log/utils/group-access-log';
import { type AccessResource, isAccessResource } from '@/features/access-log/utils/resources';

/** The staff log has no words (yet) for these parts of the file: they read as "andere gegevens". */
const UNNAMED = ['daily-team', 'actions', 'data-export'] as const;
const ACTIONS = ['read', 'list', 'create', 'update', 'delete'] as const;
// `api_client`: an organisation's connected system (its name says "(koppeling)"). A role the
// server adds later reads as no role rather than as a key.
const ROLES = ['centre_admin', 'org_admin', 'staff', 'care_professional', 'municipality_analyst', 'api_client'] as const;

/** Pairs that read better in their own words than in the general pattern. */
const SPECIAL = [
  'consents_create',
  'consents_update',
  'care-team_create',
  'care-team_delete',
  'signal_create',
  'support-request_create',
] as const;

type Resource = Exclude<AccessResource, (typeof UNNAMED)[number]>;
type Special = (typeof SPECIAL)[number];
type Action = (typeof ACTIONS)[number];
type Role = (typeof ROLES)[number];

const isResource = (value: string): value is Resource =>
  isAccessResource(value) && !(UNNAMED as readonly string[]).includes(value);
const isAction = (value: string): value is Action => (ACTIONS as readonly string[]).includes(value);
const isSpecial = (value: string): value is Special => (SPECIAL as readonly string[]).includes(value);
const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
type Part = (typeof PART_ORDER)[number];
const isPart = (value: string): value is Part => (PART_ORDER as readonly string[]).includes(value);

/**
 * "bekeek de gegevens van het kind": what someone did, in plain words. A resource or action the
 * server adds later still reads as a sentence ("bekeek andere gegevens van het kind"). A visit
 * (one person's reads close together, or one read of several parts) reads as
 * "bekeek het dossier (gegevens, plaatsingen, zorgteam)".
 */
export function useDescribeAccess() {
  const { t } = useTranslation();

  const what = useCallback(
    (entry: AccessLogEntry) => {
      const resource = isResource(entry.resource) ? entry.resource : 'other';
      const action = isAction(entry.action) ? entry.action : 'other';
      const pair = `${resource}_${action}`;
      if (entry.result !== 'denied' && isSpecial(pair)) return t(`accessLog.special.${pair}`);
      const object = t(`accessLog.resources.${resource}`);
      return entry.result === 'denied'
        ? t(`accessLog.denied.${action}`, { what: object })
        : t(`accessLog.allowed.${action}`, { what: object });
    },
    [t],
  );

  const who = useCallback(
    (entry: AccessLogEntry) => {
      const role = !entry.role
        ? null
        : isRole(entry.role)
          ? t(`roles.${entry.role}`)
          : entry.role === 'guardian'
            ? t('accessLog.guardian')
            : null;
      // A connected system is named after its organisation already: "De Regenboog (koppeling)".
      const organisation =
        entry.role === 'api_client' && entry.organisationName && entry.actorName.startsWith(entry.organisationName)
          ? null
          : entry.organisationName;
      if (organisation && role) {
        return t('accessLog.whoWithOrganisationAndRole', { name: entry.actorName, organisation, role });
      }
      if (organisation) {
        return t('accessLog.whoWithOrganisation', { name: entry.actorName, organisation });
      }
      if (role) return t('accessLog.whoWithRole', { name: entry.actorName, role });
      return entry.actorName;
    },
    [t],
  );

  const line = useCallback(
    (accessLine: AccessLogLine) => {
      const [newest] = accessLine.entries;
      if (!accessLine.isVisit || (accessLine.entries.length === 1 && newest.parts.length === 0)) {
        return what(newest);
      }
      const labels = [
        ...new Set(accessLine.parts.map((part) => t(`accessLog.parts.${isPart(part) ? part : 'other'}`))),
      ];
      return t('accessLog.visit', { parts: labels.join(', ') });
    },
    [t, what],
  );

  return { what, who, line };
}
