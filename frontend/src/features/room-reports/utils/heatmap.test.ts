import { describe, expect, it } from 'vitest';
import { heatmap } from '@/features/room-reports/testing/fixtures';
import { heatmapHours, heatmapRows } from '@/features/room-reports/utils/heatmap';

describe('the hour-of-week heatmap', () => {
  it('shows the blocks 7:00 to 22:00, Monday first, with a colour level by share of the busiest', () => {
    expect(heatmapHours()).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    const { rows, max } = heatmapRows(heatmap([[0, 8, 40], [0, 9, 10], [6, 21, 0.5], [2, 3, 100]]));
    expect(rows.map((row) => row.weekday)).toEqual([
      'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
    ]);
    // The night's 100 hours are not shown, so they do not set the scale.
    expect(max).toBe(40);
    const monday = rows[0]!.cells;
    expect(monday.find((cell) => cell.hour === 8)).toEqual({ hour: 8, hours: 40, level: 5 });
    expect(monday.find((cell) => cell.hour === 9)).toEqual({ hour: 9, hours: 10, level: 2 });
    expect(monday.find((cell) => cell.hour === 10)).toEqual({ hour: 10, hours: 0, level: 0 });
    // Something booked never looks like nothing booked.
    expect(rows[6]!.cells.at(-1)).toEqual({ hour: 21, hours: 0.5, level: 1 });
  });

  it('counts the hours booked outside the window', () => {
    expect(heatmapRows(heatmap([[2, 3, 2], [4, 22, 1.5], [0, 8, 1]])).outside).toBe(3.5);
    expect(heatmapRows(heatmap([[0, 8, 0.1], [0, 9, 0.2]])).outside).toBe(0);
  });

  it('copes with an empty or short answer', () => {
    const { rows, outside, max } = heatmapRows([]);
    expect(rows).toHaveLength(7);
    expect(rows.every((row) => row.cells.every((cell) => cell.hours === 0 && cell.level === 0))).toBe(true);
    expect([outside, max]).toEqual([0, 0]);
  });
});
