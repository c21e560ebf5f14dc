import { useTranslation } from 'react-i18next';
import { TableSection } from '@/components/ui/table-section';
import { useFormatters } from '@/hooks/use-formatters';
import { type CareTeamMemberRead, useCareTeam } from '@/features/care-team/api/get-care-team';

/** The professionals around the child; hidden for whoever the server does not show it to. */
export function CareTeam({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const team = useCareTeam(childId);

  if (team.data === null) return null;

  return (
    <TableSection<CareTeamMemberRead>
      id="child-care-team"
      title={t('careTeam.title')}
      caption={t('careTeam.caption')}
      empty={t('careTeam.empty')}
      rows={team.data}
      rowKey={(member) => member.id}
      isPending={team.isPending}
      error={team.error}
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
