import type { Bar } from '@/features/outcomes/utils/chart';
import type { MeasureKind } from '@/features/outcomes/types';

/** Per bar a line of text (name and figure) and the bar under it, in CSS pixels. */
const ROW = 40;
const BAR_TOP = 20;
const BAR = 12;
const MAX_LABEL = 44;

function shorten(text: string): string {
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/**
 * Horizontal bars in plain SVG (no chart library: this chunk stays small). The SVG is hidden
 * from assistive technology: the table beside it holds the same figures, and the caption says
 * so. A hidden figure draws no bar and says "verborgen" in words, so no meaning rests on colour.
 * Shares are drawn against 100%, other figures against the largest.
 */
export function OutcomeChart({
  bars,
  kind,
  caption,
  hiddenText,
}: {
  bars: Bar[];
  kind: MeasureKind;
  caption: string;
  hiddenText: string;
}) {
  if (bars.length === 0) return null;
  const values = bars.map((bar) => (bar.shown.state === 'value' ? Math.abs(bar.shown.value) : 0));
  const max = kind === 'share' ? Math.max(1, ...values) : Math.max(...values);
  const width = (value: number) => `${max > 0 ? (Math.abs(value) / max) * 100 : 0}%`;
  return (
    <figure className="kc-outcome__chart" data-testid="chart">
      <svg width="100%" height={bars.length * ROW} aria-hidden="true" focusable="false">
        {bars.map((bar, index) => {
          const y = index * ROW;
          const figure = bar.shown.state === 'value' ? bar.shown.text : bar.shown.state === 'hidden' ? hiddenText : '–';
          return (
            <g key={bar.key} data-state={bar.shown.state}>
              <text className="kc-outcome__chart-label" x={0} y={y + 14}>
                {shorten(bar.label)}: {figure}
              </text>
              {bar.shown.state === 'value' ? (
                <rect
                  className={bar.shown.value < 0 ? 'kc-outcome__bar kc-outcome__bar--negative' : 'kc-outcome__bar'}
                  x={0}
                  y={y + BAR_TOP}
                  width={width(bar.shown.value)}
                  height={BAR}
                />
              ) : (
                <rect className="kc-outcome__bar-empty" x={0} y={y + BAR_TOP} width="100%" height={BAR} />
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="kc-outcome__note">{caption}</figcaption>
    </figure>
  );
}
