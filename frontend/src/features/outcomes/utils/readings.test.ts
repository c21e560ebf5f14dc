import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { hidden, indicatorOf, outcomeReport, row, value, testT } from '@/features/outcomes/testing/fixtures';
import { numberFormatter } from '@/features/outcomes/utils/format';
import { naturalEnd, reading, type ReadingContext } from '@/features/outcomes/utils/readings';
import type { OutcomeReport } from '@/features/outcomes/types';

const t = testT;

function context(report: OutcomeReport, extra: Partial<ReadingContext> = {}): ReadingContext {
  return { report, t, language: 'nl', format: numberFormatter('nl'), ...extra };
}

function read(report: OutcomeReport, id: Parameters<typeof indicatorOf>[1], extra: Partial<ReadingContext> = {}) {
  return reading(indicatorOf(report, id), context(report, extra));
}

describe('the reading of an indicator', () => {
  it('says the latest period in plain Dutch and sets it beside the period before', () => {
    const report = outcomeReport();
    expect(read(report, 'waitingTime')).toBe('In 2025-2026 begon 60% van alle hulp binnen de norm, tegen 50% in 2024-2025.');
    expect(read(report, 'referrals')).toBe(
      'In 2025-2026 werden 4,1 per 100 kinderen doorverwezen naar hulp buiten het kindcentrum, tegen 6,3 in 2024-2025.',
    );
  });

  it('names the chosen kind of support and its norm in working days', () => {
    const report = outcomeReport({ trajectoryType: 'logopedie' });
    expect(read(report, 'waitingTime', { startNorms: { logopedie: 10 } })).toBe(
      'In 2025-2026 begon 78% van de logopedie binnen de norm van 10 werkdagen, tegen 64% in 2024-2025.',
    );
    expect(read(report, 'waitingTime')).toBe(
      'In 2025-2026 begon 78% van de logopedie binnen de norm, tegen 64% in 2024-2025.',
    );
  });

  it('says there were too few children when the figure is hidden, and never shows it as 0', () => {
    const report = outcomeReport({ trajectoryType: 'passend_onderwijs' });
    const sentence = read(report, 'waitingTime');
    expect(sentence).toBe('In 2025-2026 waren er te weinig kinderen om dit cijfer te tonen.');
    expect(sentence).not.toMatch(/\b0\b/);
    // The funnel's share needs both counts: one hidden hides the reading.
    expect(read(report, 'signalFunnel')).toBe('In 2025-2026 waren er te weinig kinderen om dit cijfer te tonen.');
    expect(read(report, 'parents')).toContain('te weinig kinderen');
  });

  it('says there was nothing to measure for an empty figure', () => {
    const report = outcomeReport({ trajectoryType: 'fysiotherapie' });
    expect(read(report, 'waitingTime')).toBe('In 2025-2026 was er niets te meten.');
  });

  it('leaves the comparison out when the period before is hidden', () => {
    const report = outcomeReport();
    const referrals = indicatorOf(report, 'referrals');
    referrals.series[1] = row('2024-2025', null, { referrals: hidden, per100Children: hidden });
    expect(read(report, 'referrals')).toBe(
      'In 2025-2026 werden 4,1 per 100 kinderen doorverwezen naar hulp buiten het kindcentrum.',
    );
  });

  it('names the group with the largest figure where there is no total (the caseload)', () => {
    const report = outcomeReport();
    expect(read(report, 'caseload')).toBe(
      'In 2025-2026 had Lisa Logopedie de meeste open trajecten: 24 (van de cijfers die we tonen).',
    );
    const caseload = indicatorOf(report, 'caseload');
    caseload.series = caseload.series.filter((r) => r.label !== 'Petra Mulder');
    expect(read(report, 'caseload')).toBe('In 2025-2026 had Lisa Logopedie de meeste open trajecten: 24.');
    for (const r of caseload.series) r.values.openTrajectories = value(0);
    expect(read(report, 'caseload')).toBe('In 2025-2026 was er niets te meten.');
    caseload.series[0]!.values.openTrajectories = hidden;
    expect(read(report, 'caseload')).toBe('In 2025-2026 waren er te weinig kinderen om dit cijfer te tonen.');
  });

  it('says whether the building has more or less room than the norm', () => {
    const report = outcomeReport();
    expect(read(report, 'floorArea')).toBe('In 2025-2026 had het gebouw 460\u00a0m² meer dan de norm voor 157 leerlingen.');
    indicatorOf(report, 'floorArea').series[1]!.values.differenceM2 = value(-25);
    expect(read(report, 'floorArea')).toBe('In 2025-2026 had het gebouw 25\u00a0m² minder dan de norm voor 157 leerlingen.');
  });

  it('says a period still running ends today', () => {
    const report = outcomeReport({
      to: '2026-12-01',
      periods: [
        { key: '2025-2026', from: '2025-08-01', to: '2026-07-31' },
        { key: '2026-2027', from: '2026-08-01', to: '2026-12-01' },
      ],
    });
    indicatorOf(report, 'referrals').series = [
      row('2025-2026', null, { referrals: value(15), per100Children: value(6.3) }),
      row('2026-2027', null, { referrals: value(4), per100Children: value(2) }),
    ];
    expect(read(report, 'referrals')).toBe(
      'In 2026-2027 (tot en met 1 december 2026) werden 2 per 100 kinderen doorverwezen naar hulp buiten het kindcentrum, tegen 6,3 in 2025-2026.',
    );
  });

  it('reads terms and months as a reader says them', () => {
    const report = outcomeReport({
      interval: 'month',
      periods: [
        { key: '2025-09', from: '2025-09-01', to: '2025-09-30' },
        { key: '2025-10', from: '2025-10-01', to: '2025-10-31' },
      ],
    });
    indicatorOf(report, 'referrals').series = [
      row('2025-09', null, { referrals: value(3), per100Children: value(1.5) }),
      row('2025-10', null, { referrals: value(2), per100Children: value(1) }),
    ];
    expect(read(report, 'referrals')).toMatch(/^In oktober 2025 werden 1 per 100 .*, tegen 1,5 in september 2025\.$/);
    expect(naturalEnd('2025-2026-T2')).toBe('2026-03-31');
    expect(naturalEnd('2026-02')).toBe('2026-02-28');
  });

  it('has no figures to read without periods', () => {
    expect(read(outcomeReport({ periods: [] }), 'referrals')).toBe('Er zijn geen cijfers voor deze periode.');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    const report = outcomeReport({ trajectoryType: 'logopedie' });
    const en = { language: 'en' as const, format: numberFormatter('en') };
    expect(read(report, 'waitingTime', { ...en, startNorms: { logopedie: 10 } })).toBe(
      'In 2025-2026, 78% of speech therapy started within the norm of 10 working days, compared with 64% in 2024-2025.',
    );
    expect(read(outcomeReport({ trajectoryType: 'passend_onderwijs' }), 'waitingTime', en)).toBe(
      'In 2025-2026 there were too few children to show this figure.',
    );
  });
});
