import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Runs axe (WCAG 2.0 A/AA, 2.1 AA) on the page as it is, attaches the full result to the test
 * report, and fails on every serious or critical violation, listing each with its elements.
 */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  await testInfo.attach(`axe-${screen}.json`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const blocking = results.violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = blocking
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
  if (blocking.length > 0) console.log(`axe on ${screen}:\n${report}`);
  const minor = results.violations.filter((v) => !BLOCKING.has(v.impact ?? ''));
  if (minor.length > 0) {
    console.log(`axe on ${screen} (not failing): ${minor.map((v) => `${v.id} [${v.impact}]`).join(', ')}`);
  }
  expect(blocking.map((v) => `${v.id} [${v.impact}] x${v.nodes.length}`), `axe on ${screen}:\n${report}`).toEqual([]);
}
