import { Heading } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import type { OrganisationUse } from '@/features/room-reports/types';

const WIDTH = 640;
const LABEL_WIDTH = 210;
const VALUE_WIDTH = 110;
const ROW = 32;
const BAR = 20;
const MAX_LABEL = 26;

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
  const area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const scale = (hours: number) => (max > 0 ? (hours / max) * area : 0);
  const height = rows.length * ROW + 8;

  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('utilisation.chart.title')}
      </Heading>
      <figure className="kc-chart" data-testid="organisation-chart">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={titleId} focusable="false">
          <title id={titleId}>{t('utilisation.chart.label')}</title>
          {rows.map((row, index) => {
            const y = index * ROW + 4;
            const total = scale(row.bookedHours);
            const others = scale(Math.min(row.hoursInRoomsOfOthers, row.bookedHours));
            return (
              <g key={row.organisationId} data-testid="chart-bar" data-hours={row.bookedHours}>
                <text
                  className="kc-chart__label"
                  x={LABEL_WIDTH - 8}
                  y={y + BAR / 2}
                  textAnchor="end"
                  dominantBaseline="central"
                >
                  {shorten(row.organisationName)}
                </text>
                <rect className="kc-chart__bar" x={LABEL_WIDTH} y={y} width={Math.max(total, 1)} height={BAR} />
                {others > 0 ? (
                  <rect className="kc-chart__bar--others" x={LABEL_WIDTH} y={y} width={others} height={BAR} />
                ) : null}
                <text className="kc-chart__value" x={LABEL_WIDTH + total + 6} y={y + BAR / 2} dominantBaseline="central">
                  {format.hoursText(row.bookedHours)}
                </text>
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
