import { Heading, Paragraph } from '@utrecht/component-library-react';
import { useId, useMemo } from 'react';
import { useNumberFormat } from '@/features/room-reports/hooks/use-number-format';
import { useRoomReportsTranslation } from '@/features/room-reports/hooks/use-room-reports-translation';
import { HEATMAP_LEVELS, heatmapHours, heatmapRows } from '@/features/room-reports/utils/heatmap';

/**
 * Booked hours per weekday and hour, 7:00–22:00, as a real table (a header per day and per
 * hour, so a screen reader names both for every cell). Each cell shows its number; the colour
 * only repeats it, so nothing depends on seeing the colour.
 */
export function HourHeatmap({ heatmap }: { heatmap: number[][] }) {
  const { t } = useRoomReportsTranslation();
  const format = useNumberFormat();
  const headingId = useId();
  const captionId = useId();
  const { rows, outside } = useMemo(() => heatmapRows(heatmap), [heatmap]);
  const hours = heatmapHours();

  return (
    <section aria-labelledby={headingId} className="kc-section">
      <Heading level={2} id={headingId}>
        {t('utilisation.heatmap.title')}
      </Heading>
      <Paragraph>{t('utilisation.heatmap.intro')}</Paragraph>
      {/* Wider than a phone: it scrolls, so it can take focus to scroll with the keyboard. */}
      <div className="kc-heatmap__scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="kc-heatmap" data-testid="heatmap">
          <caption id={captionId} className="kc-visually-hidden">
            {t('utilisation.heatmap.caption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('utilisation.heatmap.day')}</th>
              {hours.map((hour) => (
                <th key={hour} scope="col">
                  {hour}:00
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.weekday}>
                <th scope="row">{t(`weekdays.${row.weekday}`)}</th>
                {row.cells.map((cell) => (
                  <td key={cell.hour} className={`kc-heat--${cell.level}`} data-level={cell.level}>
                    {format.hours(cell.hours)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="kc-reports__actions" aria-hidden="true">
        <span>{t('utilisation.heatmap.legendLess')}</span>
        <ul className="kc-heatmap__legend">
          {Array.from({ length: HEATMAP_LEVELS + 1 }, (_, level) => (
            <li key={level} className={`kc-heat--${level}`} />
          ))}
        </ul>
        <span>{t('utilisation.heatmap.legendMore')}</span>
      </div>
      {outside > 0 ? (
        <Paragraph data-testid="heatmap-outside">
          {t('utilisation.heatmap.outside', { hours: format.hoursText(outside) })}
        </Paragraph>
      ) : null}
    </section>
  );
}
