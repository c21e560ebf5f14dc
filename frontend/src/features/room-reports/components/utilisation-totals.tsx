import { Heading } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { UtilisationReport } from '@/features/room-reports/types';

/** The building's totals: hours booked, the share of the opening hours, after school, in the holidays. */
export function UtilisationTotals({ report }: { report: UtilisationReport }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const headingId = useId();
  const share = format.percent(report.utilisation);
  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('utilisation.totals.title')}
      </Heading>
      <dl className="kc-figures kc-figures--totals">
        <div className="kc-figures__item">
          <dt>{t('utilisation.totals.booked')}</dt>
          <dd data-testid="total-booked">{format.hoursText(report.bookedHours)}</dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('utilisation.totals.share')}</dt>
          <dd data-testid="total-share">
            {share ?? t('noOpeningHours')}
            {share !== null && report.openingHours !== null ? (
              <span className="kc-figures__help">
                {t('utilisation.totals.shareHelp', {
                  booked: format.hoursText(report.bookedHours),
                  opening: format.hoursText(report.openingHours),
                })}
              </span>
            ) : null}
          </dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('utilisation.totals.afterSchool')}</dt>
          <dd data-testid="total-after-school">
            {format.hoursText(report.afterSchoolHours)}
            <span className="kc-figures__help">{t('utilisation.totals.afterSchoolHelp')}</span>
          </dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('utilisation.totals.holidays')}</dt>
          <dd data-testid="total-holidays">{format.hoursText(report.holidayHours)}</dd>
        </div>
      </dl>
    </section>
  );
}
