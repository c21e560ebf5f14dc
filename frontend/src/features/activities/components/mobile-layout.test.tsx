import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ActivityCatalogue } from '@/features/activities/components/activity-catalogue';
import { ActivityDetailPage } from '@/features/activities/components/activity-detail-page';
import {
  activitiesApi,
  activity,
  attendanceRow,
  coach,
  FOOTBALL_ID,
  guardian,
  session,
} from '@/features/activities/testing/fixtures';
import { renderWithProviders, setupApi } from '@/test/utils';

/*
 * jsdom lays nothing out, so "no horizontal scrolling at 360 px" is checked where it can be:
 * the rules that apply at that width (outside the `min-width` media queries) ask for no box
 * wider than what is left of 360 px inside the page's and a card's padding, and keep no text on
 * one line; the screens render no table and no fixed widths of their own; the attendance
 * buttons are at least 44 px high.
 */

// The stylesheet as shipped (the tests run without CSS, so it is read from disk).
const css = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'activities.css'), 'utf8');

const PHONE = 360;
/** The page's padding (1rem each side) and a card's (1rem each side). */
const ROOM_FOR_CONTENT = PHONE - 2 * 16 - 2 * 16;
const REM = 16;

/** The stylesheet without the blocks that only apply from a wider screen on. */
function phoneRules(source: string): string {
  let text = source.replace(/\/\*[\s\S]*?\*\//g, '');
  for (;;) {
    const start = text.search(/@media\s*\(\s*min-width/);
    if (start === -1) return text;
    let depth = 0;
    let end = text.indexOf('{', start);
    for (let i = end; i < text.length; i += 1) {
      if (text[i] === '{') depth += 1;
      if (text[i] === '}') depth -= 1;
      if (depth === 0) {
        end = i;
        break;
      }
    }
    text = text.slice(0, start) + text.slice(end + 1);
  }
}

/** The fixed lengths (px) a declaration asks for, leaving out `min(100%, …)` which gives way. */
function fixedLengths(value: string): number[] {
  const withoutGivingWay = value.replace(/min\(\s*100%\s*,[^)]*\)/g, '');
  return [...withoutGivingWay.matchAll(/(\d+(?:\.\d+)?)(rem|em|px)\b/g)].map(([, n, unit]) =>
    unit === 'px' ? Number(n) : Number(n) * REM,
  );
}

function declarations(rules: string, property: RegExp) {
  return [...rules.matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)]
    .filter(([, name]) => property.test(name!))
    .map(([, name, value]) => ({ name: name!, value: value!.trim() }));
}

describe('the activities screens at 360 px', () => {
  let width: number;
  beforeEach(() => {
    width = window.innerWidth;
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: PHONE });
    window.dispatchEvent(new Event('resize'));
  });
  afterEach(() => {
    Object.defineProperty(window, 'innerWidth', { configurable: true, value: width });
  });

  it('asks for no box wider than a phone leaves, and lets long words wrap', () => {
    const rules = phoneRules(css);
    expect(rules).not.toMatch(/@media\s*\(\s*min-width/);
    const sizes = declarations(rules, /^(width|min-width|inline-size|min-inline-size|flex|flex-basis|grid-template-columns)$/);
    expect(sizes.length).toBeGreaterThan(0);
    for (const { name, value } of sizes) {
      for (const px of fixedLengths(value)) expect(px, `${name}: ${value}`).toBeLessThanOrEqual(ROOM_FOR_CONTENT);
    }
    expect(rules).not.toMatch(/white-space\s*:\s*nowrap/);
    // The grids of the phone layout shrink with the screen (minmax(0, 1fr), never a bare fixed track).
    for (const { value } of declarations(rules, /^grid-template-columns$/)) {
      expect(value).toMatch(/minmax\((0|min\(100%)/);
    }
    expect(rules).toMatch(/\.kc-activities\s*{[^}]*overflow-wrap:\s*anywhere/);
  });

  it('gives the attendance buttons big tap targets', () => {
    const rule = /\.kc-attendance__choice\.utrecht-button,[^{]*{([^}]*)}/.exec(css)?.[1] ?? '';
    const height = /min-block-size:\s*([\d.]+)rem/.exec(rule)?.[1];
    expect(Number(height) * REM).toBeGreaterThanOrEqual(44);
    expect(rule).toMatch(/inline-size:\s*100%/);
  });

  it('renders the catalogue as a list of cards, without tables or fixed widths', async () => {
    activitiesApi({
      me: guardian,
      activities: () => [
        activity({ title: 'Programmeren-met-robots-en-microcontrollers-voor-gevorderden-en-beginners' }),
        activity({ id: 'a2', title: 'Tekenen', weekdays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] }),
      ],
    });
    const { container } = renderWithProviders(<ActivityCatalogue />, setupApi(), '/activiteiten');
    const list = await screen.findByTestId('activity-list');
    await waitFor(() => expect(within(list).getAllByRole('button', { name: /Inschrijven voor/ })).toHaveLength(2));
    expect(list.tagName).toBe('UL');
    expect(list).toHaveClass('kc-activity-list');
    expect(container.querySelector('table')).toBeNull();
    for (const element of container.querySelectorAll<HTMLElement>('[style]')) {
      expect(element.getAttribute('style'), element.outerHTML).not.toMatch(/width|inline-size/);
    }
    // The buttons take the card's width on a phone (the rule above), so nothing sticks out.
    for (const group of within(list).getAllByRole('button', { name: /Inschrijven voor/ }).map((b) => b.parentElement!)) {
      expect(group).toHaveClass('kc-activity-actions');
    }
  });

  it('renders the attendance list as rows with a group of three buttons each', async () => {
    activitiesApi({
      me: coach,
      sessions: () => [session()],
      attendance: () => [attendanceRow(), attendanceRow({ childId: 'c2', childName: 'Noor Jansen', reportedAbsent: true })],
    });
    const { container } = renderWithProviders(
      <ActivityDetailPage activityId={FOOTBALL_ID} now={new Date('2026-09-08T10:00:00Z')} />,
      setupApi(),
    );
    const rows = await screen.findAllByTestId('attendance-row');
    for (const row of rows) {
      const group = within(row).getByRole('group');
      expect(group).toHaveClass('kc-attendance__choices');
      expect(within(group).getAllByRole('button')).toHaveLength(3);
    }
    expect(container.querySelector('table')).toBeNull();
  });
});
