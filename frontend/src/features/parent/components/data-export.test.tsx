import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appRoutes } from '@/app/router';
import { exportFileName } from '@/features/parent/components/data-export';
import { NOAH, dataExport, parentApi } from '@/features/parent/testing/fixtures';
import { json, problem, renderRoutes, setupApi } from '@/test/utils';

const PATH = `/ouder/kinderen/${NOAH}/gegevens`;

type Saved = { href: string; download: string; blob: Blob };

/** The object URLs made and the links clicked: what the browser would have saved. */
function captureDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: Saved[] = [];
  let counter = 0;
  vi.stubGlobal('URL', Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      counter += 1;
      const url = `blob:test/${counter}`;
      blobs.set(url, blob);
      return url;
    }),
    revokeObjectURL: vi.fn(),
  }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const href = this.getAttribute('href') ?? '';
    saved.push({ href, download: this.download, blob: blobs.get(href)! });
  });
  return saved;
}

/** POST answers queued; each GET the next state in `states`, the last one from then on. */
function exportApi(states: ReturnType<typeof dataExport>[], content: Record<string, () => Response> = {}) {
  let polls = 0;
  return parentApi({
    write: (request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'POST' && path === `/api/v1/children/${NOAH}/data-exports`) {
        return json(dataExport(), { status: 202 });
      }
      return undefined;
    },
    read: (path, query) => {
      if (path === '/data-exports/exp-1') {
        const state = states[Math.min(polls, states.length - 1)]!;
        polls += 1;
        return json(state);
      }
      if (path === '/data-exports/exp-1/content') return content[query.get('format') ?? '']?.();
      return undefined;
    },
  });
}

describe('the data export', () => {
  beforeEach(() => {
    vi.restoreAllMocks();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('explains what it holds, that it is logged, and names the child', async () => {
    exportApi([dataExport()]);
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });

    const heading = await screen.findByRole('heading', { level: 1, name: 'Gegevens van Noah' });
    expect(heading.querySelector('.kc-child-badge')).toHaveTextContent('N');
    expect(screen.getByText(/Alles over Noah: groep, opvang/)).toBeInTheDocument();
    expect(screen.getByText(/Alles over u: uw naam/)).toBeInTheDocument();
    expect(screen.getByText(/Wij schrijven in het logboek dat u de gegevens heeft opgehaald/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bekijk wie het dossier van Noah heeft bekeken' })).toHaveAttribute(
      'href',
      `/ouder/kinderen/${NOAH}/bekeken`,
    );
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('starts the export, shows its progress each second, then saves both files with the token', async () => {
    const saved = captureDownloads();
    const { requests } = exportApi(
      [
        dataExport({ status: 'running', progress: 40 }),
        dataExport({ status: 'ready', progress: 100, readyAt: '2026-03-25T09:00:05Z' }),
      ],
      {
        html: () =>
          new Response('<html><body><h1>Noah de Vries</h1></body></html>', {
            headers: { 'Content-Type': 'text/html' },
          }),
        json: () =>
          new Response(JSON.stringify({ child: { givenName: 'Noah' } }), {
            headers: {
              'Content-Type': 'application/json',
              'Content-Disposition': 'attachment; filename="kindcentraal-noah-de-vries.json"',
            },
          }),
      },
    );
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });

    await user.click(await screen.findByRole('button', { name: 'Gegevens van Noah klaarzetten' }));

    // Running: the progress bar and the same in words.
    const bar = await screen.findByRole('progressbar', { name: 'Hoe ver zijn we?' });
    await waitFor(() => expect(bar).toHaveAttribute('value', '40'));
    expect(screen.getByTestId('export-progress-text')).toHaveTextContent('40% klaar');
    expect(screen.getByText(/^We zetten de gegevens klaar/).closest('[role="status"]')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Leesbare versie/ })).not.toBeInTheDocument();

    // A second later: ready, the bar gone, the two downloads offered.
    const html = await screen.findByRole('button', { name: 'Leesbare versie (HTML, te printen als PDF)' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByText('De gegevens van Noah staan klaar.')).toBeInTheDocument();
    const polls = requests.filter((r) => new URL(r.url).pathname === '/api/v1/data-exports/exp-1');
    expect(polls).toHaveLength(2);
    const post = requests.find((r) => r.method === 'POST')!;
    expect(new URL(post.url).pathname).toBe(`/api/v1/children/${NOAH}/data-exports`);

    await user.click(html);
    await waitFor(() => expect(saved).toHaveLength(1));
    const today = new Date().toISOString().slice(0, 10);
    expect(saved[0]!.download).toBe(`gegevens-noah-de-vries-${today}.html`);
    expect(await saved[0]!.blob.text()).toContain('<h1>Noah de Vries</h1>');

    await user.click(screen.getByRole('button', { name: 'Bestand voor computers (JSON)' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]!.download).toBe('kindcentraal-noah-de-vries.json');
    expect(JSON.parse(await saved[1]!.blob.text())).toEqual({ child: { givenName: 'Noah' } });

    const downloads = requests.filter((r) => new URL(r.url).pathname === '/api/v1/data-exports/exp-1/content');
    expect(downloads.map((r) => new URL(r.url).searchParams.get('format'))).toEqual(['html', 'json']);
    for (const request of downloads) expect(request.headers.get('Authorization')).toBe('Bearer access-1');
    expect(screen.getAllByText('Gedownload. Kijk in de map Downloads.')).toHaveLength(2);
  });

  it('says so when preparing failed, stops asking, and lets the parent try again', async () => {
    const { requests } = exportApi([dataExport({ status: 'failed', progress: 30 })]);
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await user.click(await screen.findByRole('button', { name: 'Gegevens van Noah klaarzetten' }));
    expect(await screen.findByText('Het klaarzetten is niet gelukt. Probeer het opnieuw.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Opnieuw proberen' })).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    // Failed is final: no more polling.
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(requests.filter((r) => new URL(r.url).pathname === '/api/v1/data-exports/exp-1')).toHaveLength(1);
  });

  it('tells the parent when a file is no longer there', async () => {
    captureDownloads();
    exportApi([dataExport({ status: 'ready', progress: 100 })], { html: () => problem(404, 'Not found') });
    const user = userEvent.setup();
    renderRoutes({ routes: appRoutes, path: PATH, store: setupApi() });
    await user.click(await screen.findByRole('button', { name: 'Gegevens van Noah klaarzetten' }));
    await user.click(await screen.findByRole('button', { name: /Leesbare versie/ }));
    const alert = await screen.findByText('De bestanden zijn niet meer beschikbaar. Zet de gegevens opnieuw klaar.');
    expect(within(alert.closest('.kc-alert')!).queryByText(/Gedownload/)).not.toBeInTheDocument();
    expect(screen.queryByText('Gedownload. Kijk in de map Downloads.')).not.toBeInTheDocument();
  });
});

describe('exportFileName', () => {
  it('makes a plain file name from the child’s name', () => {
    expect(exportFileName({ givenName: 'Zoë', familyName: "d'Ancona" }, '2026-03-25', 'json')).toBe(
      'gegevens-zoe-d-ancona-2026-03-25.json',
    );
  });
});
