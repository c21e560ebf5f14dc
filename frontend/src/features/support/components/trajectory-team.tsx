import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { useFormatters } from '@/hooks/use-formatters';
import type { TeamMemberRead } from '@/features/support/types';

/** Who works on this trajectory (`embedded.team`), as far as the reader may see them. */
export function TrajectoryTeam({ members }: { members: TeamMemberRead[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <div data-testid="trajectory-team">
      <TableSection<TeamMemberRead>
        id="trajectory-team"
        title={t('support.team.title')}
        caption={t('support.team.caption')}
        empty={t('support.team.empty')}
        rows={members}
        rowKey={(member) => member.id}
        columns={[
          { label: t('support.team.name'), render: (member) => member.displayName },
          { label: t('support.team.organisation'), render: (member) => member.organisationName },
          { label: t('support.team.role'), render: (member) => member.role },
          {
            label: t('support.team.since'),
            render: (member) => <time dateTime={member.sinceDate}>{format.date(member.sinceDate)}</time>,
          },
        ]}
      />
    </div>
  );
}
