import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { useFormatters } from '@/hooks/use-formatters';
import type { CareTeamMemberRead } from '@/features/care-team/types';

/**
 * The professionals around the child, as the child page received them (`embedded.careTeam`).
 * Whoever the server does not show the team to gets no `careTeam`, and the page no section.
 */
export function CareTeam({ members }: { members: CareTeamMemberRead[] }) {
  const { t } = useTranslation();
  const format = useFormatters();

  return (
    <TableSection<CareTeamMemberRead>
      id="child-care-team"
      title={t('careTeam.title')}
      caption={t('careTeam.caption')}
      empty={t('careTeam.empty')}
      rows={members}
      rowKey={(member) => member.id}
      columns={[
        { label: t('careTeam.name'), render: (member) => member.displayName },
        { label: t('careTeam.organisation'), render: (member) => member.organisationName },
        { label: t('careTeam.role'), render: (member) => member.role },
        {
          label: t('careTeam.since'),
          render: (member) => <time dateTime={member.sinceDate}>{format.date(member.sinceDate)}</time>,
        },
        {
          label: t('careTeam.until'),
          render: (member) =>
            member.untilDate ? (
              <time dateTime={member.untilDate}>{format.date(member.untilDate)}</time>
            ) : (
              t('careTeam.noEnd')
            ),
        },
        {
          label: t('careTeam.consent'),
          render: (member) =>
            member.consentInForce ? t('careTeam.consentYes') : t('careTeam.consentNo'),
        },
      ]}
    />
  );
}
