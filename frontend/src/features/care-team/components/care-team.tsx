import {
  Heading,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/loading';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/hooks/use-formatters';
import { useCareTeam } from '@/features/care-team/api/get-care-team';

/** The professionals around the child; hidden for whoever the server does not show it to. */
export function CareTeam({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const team = useCareTeam(childId);

  if (team.data === null) return null;

  const columns = {
    name: t('careTeam.name'),
    organisation: t('careTeam.organisation'),
    role: t('careTeam.role'),
    since: t('careTeam.since'),
    until: t('careTeam.until'),
    consent: t('careTeam.consent'),
  };

  return (
    <section aria-labelledby="child-care-team-heading" className="kc-section">
      <Heading level={2} id="child-care-team-heading">
        {t('careTeam.title')}
      </Heading>
      {team.isPending ? <Loading /> : null}
      {team.isError ? <ProblemAlert error={team.error} /> : null}
      {team.data?.length === 0 ? <Paragraph>{t('careTeam.empty')}</Paragraph> : null}
      {team.data && team.data.length > 0 ? (
        <Table className="kc-table kc-table--cards" role="table">
          <TableCaption className="kc-visually-hidden">{t('careTeam.caption')}</TableCaption>
          <TableHeader role="rowgroup">
            <TableRow role="row">
              {Object.values(columns).map((label) => (
                <TableHeaderCell key={label} scope="col" role="columnheader">
                  {label}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody role="rowgroup">
            {team.data.map((member) => (
              <TableRow key={member.id} role="row">
                <TableCell role="cell" data-label={columns.name}>
                  {member.displayName}
                </TableCell>
                <TableCell role="cell" data-label={columns.organisation}>
                  {member.organisationName}
                </TableCell>
                <TableCell role="cell" data-label={columns.role}>
                  {member.role}
                </TableCell>
                <TableCell role="cell" data-label={columns.since}>
                  <time dateTime={member.sinceDate}>{format.date(member.sinceDate)}</time>
                </TableCell>
                <TableCell role="cell" data-label={columns.until}>
                  {member.untilDate ? (
                    <time dateTime={member.untilDate}>{format.date(member.untilDate)}</time>
                  ) : (
                    t('careTeam.noEnd')
                  )}
                </TableCell>
                <TableCell role="cell" data-label={columns.consent}>
                  {member.consentInForce ? t('careTeam.consentYes') : t('careTeam.consentNo')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </section>
  );
}
