import { HEATMAP_END_HOUR, HEATMAP_FIRST_HOUR, WEEKDAYS } from '@/features/room-reports/types';

export type HeatmapCell = { hour: number; hours: number; level: number };
export type HeatmapRow = { weekday: (typeof WEEKDAYS)[number]; cells: HeatmapCell[] };

/** The number of colour steps above "nothing booked" (level 0). */
export const HEATMAP_LEVELS = 5;

/** The hours shown as columns: 7, 8, …, 21 (the block 21:00–22:00 is the last). */
export function heatmapHours(): number[] {
  return Array.from({ length: HEATMAP_END_HOUR - HEATMAP_FIRST_HOUR }, (_, index) => HEATMAP_FIRST_HOUR + index);
}

/**
 * The API's 7×24 booked hours (Monday first, local hours) cut to 7:00–22:00, each cell with a
 * colour level: 0 for nothing booked, else 1…HEATMAP_LEVELS by its share of the busiest cell
 * shown. Also the booked hours outside the window, so the page can say they exist.
 */
export function heatmapRows(heatmap: number[][]): { rows: HeatmapRow[]; outside: number; max: number } {
  const hours = heatmapHours();
  const at = (day: number, hour: number) => heatmap[day]?.[hour] ?? 0;
  let max = 0;
  let total = 0;
  WEEKDAYS.forEach((_, day) => {
    for (let hour = 0; hour < 24; hour += 1) total += at(day, hour);
    for (const hour of hours) max = Math.max(max, at(day, hour));
  });
  let shown = 0;
  const rows = WEEKDAYS.map((weekday, day) => ({
    weekday,
    cells: hours.map((hour) => {
      const value = at(day, hour);
      shown += value;
      const level = value <= 0 || max <= 0 ? 0 : Math.max(1, Math.ceil((value / max) * HEATMAP_LEVELS));
      return { hour, hours: value, level };
    }),
  }));
  // Round off float noise (0.1 + 0.2): a remainder under a minute is nothing.
  const outside = Math.max(0, Math.round((total - shown) * 60) / 60);
  return { rows, outside: outside < 1 / 60 ? 0 : outside, max };
}
