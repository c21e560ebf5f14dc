import { Heading } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { OrganisationUse } from '@/features/room-reports/types';

/** Per organisation a line of text (name and hours) and its bar under it, in CSS pixels. */
const ROW = 46;
const BAR_TOP = 22;
const BAR = 16;
const MAX_LABEL = 40;

function shorten(name: string): string {
  return name.length > MAX_LABEL ? `${name.slice(0, MAX_LABEL - 1)}…` : name;
}

/**
 * Hours per organisation as horizontal bars (plain SVG, no chart library): the whole bar is
 * its hours, the dark part the hours in rooms of others. The SVG is one image to assistive
 * technology, named as such; its figures are in the "Per organisatie" table, its alternative.
 */
export function OrganisationChart({ organisations }: { organisations: OrganisationUse[] }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const headingId = useId();
  const titleId = useId();
  const rows = [...organisations]
    .filter((organisation) => organisation.bookedHours > 0)
    .sort((a, b) => b.bookedHours - a.bookedHours || a.organisationName.localeCompare(b.organisationName));
  if (rows.length === 0) return null;
  const max = Math.max(...rows.map((row) => row.bookedHours));
  // Bar widths in percent of the chart's width and no viewBox: the chart fills the column at
  // any width while its text stays at the page's size (a scaled viewBox shrank it on a phone).
  const percent = (hours: number) => `${max > 0 ? (hours / max) * 100 : 0}%`;
  const height = rows.length * ROW;

  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('utilisation.chart.title')}
      </Heading>
      <figure className="kc-chart" data-testid="organisation-chart">
        <svg width="100%" height={height} role="img" aria-labelledby={titleId} focusable="false">
          <title id={titleId}>{t('utilisation.chart.label')}</title>
          {rows.map((row, index) => {
            const y = index * ROW;
            return (
              <g key={row.organisationId} data-testid="chart-bar" data-hours={row.bookedHours}>
                <text className="kc-chart__label" x={0} y={y + 15}>
                  {shorten(row.organisationName)}: {format.hoursText(row.bookedHours)}
                </text>
                <rect className="kc-chart__bar" x={0} y={y + BAR_TOP} width={percent(row.bookedHours)} height={BAR} />
                {row.hoursInRoomsOfOthers > 0 ? (
                  <rect
                    className="kc-chart__bar--others"
                    x={0}
                    y={y + BAR_TOP}
                    width={percent(Math.min(row.hoursInRoomsOfOthers, row.bookedHours))}
                    height={BAR}
                  />
                ) : null}
              </g>
            );
          })}
        </svg>
        <figcaption>
          <ul className="kc-chart__legend">
            <li>
              <span className="kc-chart__swatch kc-chart__swatch--total" aria-hidden="true" />
              {t('utilisation.chart.total')}
            </li>
            <li>
              <span className="kc-chart__swatch kc-chart__swatch--others" aria-hidden="true" />
              {t('utilisation.chart.others')}
            </li>
          </ul>
        </figcaption>
      </figure>
    </section>
  );
}
