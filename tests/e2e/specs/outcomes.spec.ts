import { test, expect } from '../support/fixtures';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { OutcomesPage } from '../pages/outcomes-page';

/**
 * Issue 13, "does the integraal kindcentrum deliver?": the municipality's analyst reads the
 * outcome report, filters it by a kind of support, downloads a table as CSV and prints the
 * yearly report for the council; the centre's administrator also sees the caseload, which the
 * analyst never does. The demo's figures change as its history grows: the test checks the
 * structure (sections, readings, CSV header and rows), not the numbers.
 */

const INDICATOR_COUNT_ANALYST = 12; // 14 indicators, less the two caseload ones

test('the analyst filters the outcome report, downloads a table and prints the yearly report', async ({ loginPage, page }, testInfo) => {
  // Two whole reports, two axe runs and a PDF: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const outcomes = new OutcomesPage(page);
  await loginPage.loginAs('analyst');
  await outcomes.open();
  await expect(outcomes.heading(outcomes.t.titleMunicipality)).toBeVisible();

  // Every indicator a section with a reading; a hidden figure reads "te weinig kinderen", never 0.
  await expect(outcomes.readings).toHaveCount(INDICATOR_COUNT_ANALYST);
  for (const reading of await outcomes.readings.all()) {
    await expect(reading).toHaveText(/^Uitkomst: (In .+\.|Er zijn geen cijfers voor deze periode\.)$/);
  }
  await expect(outcomes.section('waitingTime').getByRole('table')).toHaveCount(2);
  // The caseload is for the centre's management only.
  await expect(outcomes.section('caseload')).toHaveCount(0);
  await expect(outcomes.section('caseloadByOrganisation')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, testInfo, 'outcomes');

  // Filter by a kind of support: it is in the address, and the waiting times are about it.
  await outcomes.filterByTrajectoryType('Logopedie');
  await expect(page).toHaveURL(/[?&]hulp=logopedie/);
  const waiting = outcomes.section('waitingTime');
  await expect(waiting.getByTestId('reading')).toHaveText(/logopedie|te weinig kinderen|niets te meten/);
  const perPeriod = waiting.getByRole('table', { name: 'Wachttijden per periode', exact: true });
  await expect(perPeriod.getByRole('row').filter({ hasNot: page.getByRole('columnheader') }).first()).toContainText('Logopedie');

  // Download CSV: a header row and at least one row, semicolons (Dutch), named after the table.
  const csv = await outcomes.downloadCsv('waitingTime');
  expect(csv.name).toMatch(/^wachttijden-per-periode-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe(
    'Periode;Soort hulp;Aanvragen;Werkdagen tot de intake (mediaan);Werkdagen tot de intake (9 van de 10 binnen);' +
      'Intake binnen de norm (%);Werkdagen tot de start (mediaan);Werkdagen tot de start (9 van de 10 binnen);Start binnen de norm (%)',
  );
  expect(lines.length).toBeGreaterThan(1);
  for (const line of lines.slice(1)) {
    expect(line.split(';')).toHaveLength(9);
    expect(line).toContain(';Logopedie;');
  }

  // The yearly report: the school year next to the year before, with readings and tables.
  await outcomes.annualLink.click();
  await expect(page).toHaveURL(/\/rapportage\/jaarverslag\?schooljaar=\d{4}-\d{4}/);
  await expect(outcomes.heading(outcomes.t.annualTitle)).toBeVisible();
  await expect(outcomes.readings).toHaveCount(INDICATOR_COUNT_ANALYST);
  const parents = outcomes.section('parents').getByRole('table');
  await expect(parents.getByRole('columnheader')).toHaveText(['Cijfer', /^\d{4}-\d{4}$/, /^\d{4}-\d{4}$/]);
  await expectNoSeriousA11yViolations(page, testInfo, 'outcomes-annual');

  // "Afdrukken" opens the browser's print dialog (counted here instead).
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed += 1;
    };
  });
  await outcomes.printButton.click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // On paper: no menu, no buttons; the report itself stays.
  await page.emulateMedia({ media: 'print' });
  await expect(outcomes.mainNav).toBeHidden();
  await expect(outcomes.printButton).toBeHidden();
  await expect(page.getByRole('button', { name: /^Download CSV/ }).first()).toBeHidden();
  await expect(outcomes.heading(outcomes.t.annualTitle)).toBeVisible();
  await expect(outcomes.section('waitingTime')).toBeVisible();
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
  await expect(outcomes.mainNav).toBeVisible();
});

test("the centre's administrator also sees the caseload", async ({ loginPage, page }) => {
  const outcomes = new OutcomesPage(page);
  await loginPage.loginAs('admin');
  await outcomes.open();
  await expect(outcomes.heading(outcomes.t.titleCentre)).toBeVisible();
  await expect(outcomes.readings).toHaveCount(INDICATOR_COUNT_ANALYST + 2);
  const caseload = outcomes.section('caseload');
  await expect(caseload).toBeVisible();
  await expect(caseload.getByRole('table', { name: 'Open trajecten per professional per periode', exact: true })).toBeVisible();
  await expect(outcomes.section('caseloadByOrganisation')).toBeVisible();
});
