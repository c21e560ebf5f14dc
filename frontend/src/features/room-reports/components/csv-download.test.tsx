import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CsvDownload } from '@/features/room-reports/components/csv-download';
import { utilisationReport } from '@/features/room-reports/testing/fixtures';
import { renderWithProviders, setupApi } from '@/test/utils';

/** jsdom's Blob has no arrayBuffer(): read it as a browser from before 2020 would. */
function read(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('"Download CSV"', () => {
  it('hands the browser a UTF-8 file with a BOM, named after the building and period', async () => {
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:report';
    });
    // jsdom has no object URLs: a URL class with them, for this test only (unstubGlobals).
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const user = userEvent.setup();
    renderWithProviders(<CsvDownload report={utilisationReport()} buildingName="Hoofdgebouw De Regenboog" />, setupApi());

    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    expect(names).toEqual(['ruimtegebruik_hoofdgebouw-de-regenboog_2026-08-01_2027-07-31.csv']);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await read(blobs[0]!));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.startsWith('Gebouw;Hoofdgebouw De Regenboog\r\n')).toBe(true);
    expect(text).toContain('\r\nBSO Zonnestraal;Kinderopvang;234,5;234,5;2\r\n');
  });
});
