import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useFormatters } from '@/hooks/use-formatters';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { FloorAreaReport } from '@/features/room-reports/types';

/** Whole square metres are what an ordinance and a building plan speak of. */
const SAME = 0.5;

/**
 * The figures in sentences a civil servant reads without help: the pupils, the norm worked
 * out ("200 m² + 5,03 m² per leerling × 212 leerlingen = 1.266 m²"), the building's floor
 * area and the difference, and what childcare's use of the school's rooms amounts to.
 */
export function FloorAreaFigures({ report, buildingName }: { report: FloorAreaReport; buildingName: string }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const { date } = useFormatters();
  const headingId = useId();
  const difference = report.differenceM2;

  let differenceText: string;
  if (difference === null) differenceText = t('floorArea.differenceUnknown');
  else if (difference >= SAME) differenceText = t('floorArea.moreThanNorm', { m2: format.m2(difference) });
  else if (difference <= -SAME) differenceText = t('floorArea.lessThanNorm', { m2: format.m2(-difference) });
  else differenceText = t('floorArea.sameAsNorm');

  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('floorArea.figuresTitle')}
      </Heading>
      <dl className="kc-figures">
        <div className="kc-figures__item">
          <dt>{t('floorArea.pupils', { date: date(report.referenceDate) })}</dt>
          <dd data-testid="floor-pupils">
            {format.integer(report.pupils)}
            <span className="kc-figures__help">{t('floorArea.pupilsHelp')}</span>
          </dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('floorArea.norm')}</dt>
          <dd data-testid="floor-norm">
            {t('floorArea.normLine', {
              count: report.pupils,
              base: format.m2(report.baseM2, 2),
              perPupil: format.m2(report.perPupilM2, 2),
              pupils: format.integer(report.pupils),
              normed: format.m2(report.normedM2),
            })}
          </dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('floorArea.actual')}</dt>
          <dd data-testid="floor-actual">
            {report.actualM2 === null ? (
              t('floorArea.actualUnknown')
            ) : (
              <>
                {format.m2(report.actualM2)}
                <span className="kc-figures__help">{t('floorArea.actualHelp', { building: buildingName })}</span>
              </>
            )}
          </dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('floorArea.difference')}</dt>
          <dd data-testid="floor-difference">{differenceText}</dd>
        </div>
        <div className="kc-figures__item">
          <dt>{t('floorArea.childcareHours')}</dt>
          <dd data-testid="floor-childcare-hours">
            {t('floorArea.childcareHoursValue', {
              hours: format.hoursText(report.childcareHoursInEducationRooms),
              from: date(report.from),
              to: date(report.to),
            })}
            <span className="kc-figures__help">{t('floorArea.childcareHoursHelp')}</span>
          </dd>
        </div>
      </dl>
      <Paragraph data-testid="floor-equivalent">
        <strong>{t('floorArea.equivalent', { m2: format.m2(report.childcareEquivalentM2) })}</strong>
      </Paragraph>
      <Paragraph>{t('floorArea.equivalentHelp')}</Paragraph>
    </section>
  );
}
