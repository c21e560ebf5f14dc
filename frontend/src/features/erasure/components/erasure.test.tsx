import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ChildMergePage } from '@/features/erasure/components/child-merge-page';
import { ErasureRequestPage } from '@/features/erasure/components/erasure-request-page';
import { json, mockFetch, problem, renderWithProviders, setupApi, typedProblem } from '@/test/utils';

const CHILD = '00000000-0000-4000-8000-000000000001';
const DUPLICATE = '00000000-0000-4000-8000-000000000002';

const category = (name: string, count: number, reason: string | null) => ({
  category: name,
  count,
  parts: {},
  erasable: reason === null,
  reason,
});

const assessment = {
  childId: CHILD,
  onLegalHold: false,
  categories: [
    category('messages', 5, null),
    category('activities', 2, null),
    category('dataExports', 0, null),
    category('pupilRecord', 4, 'pupilAdministration'),
    category('attendance', 0, 'attendanceRegister'),
    category('care', 1, 'youthCareFile'),
    category('consents', 1, 'consentHistory'),
    category('accessLog', 9, 'accessLogAccountability'),
  ],
};

const recorded = {
  id: 'rrrrrrrr-0000-4000-8000-000000000001',
  centreId: 'c',
  childId: CHILD,
  handledById: 'u-admin',
  handledAt: '2026-12-02T10:00:00Z',
  requestReceivedOn: '2026-12-01',
  categories: ['messages', 'care'],
  erased: [
    {
      category: 'messages',
      parts: [
        { kind: 'messages', handling: 'anonymised', count: 2 },
        { kind: 'attachments', handling: 'deleted', count: 1 },
        { kind: 'notifications', handling: 'deleted', count: 0 },
      ],
    },
  ],
  kept: [{ category: 'care', reason: 'youthCareFile', count: 1 }],
  note: null,
};

function erasureApi() {
  return mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (path === `/children/${CHILD}/erasure-assessment`) return json(assessment);
    if (path === '/erasure-requests' && request.method === 'POST') return json(recorded, { status: 201 });
    if (path === `/erasure-requests/${recorded.id}`) return json(recorded);
    return problem(404, 'Not found');
  });
}

describe('ErasureRequestPage', () => {
  it('shows what can go and what must stay, and why', async () => {
    erasureApi();
    renderWithProviders(<ErasureRequestPage childId={CHILD} childName="Pim Pupil" />, setupApi());
    const table = await screen.findByRole('table', { name: 'Onderdelen van het dossier' });
    const care = within(table).getByRole('row', { name: /Zorg en ondersteuning/ });
    expect(care).toHaveTextContent('Nee, blijft bewaard');
    expect(care).toHaveTextContent('Jeugdwet, WGBO');
    const messages = within(table).getByRole('row', { name: /Berichten/ });
    expect(messages).toHaveTextContent('5');
    expect(messages).toHaveTextContent('Ja');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Verzoek tot verwijdering: Pim Pupil');
  });

  it('asks for at least one part, confirms, sends the request and shows the recorded outcome', async () => {
    const { requests } = erasureApi();
    const user = userEvent.setup();
    renderWithProviders(<ErasureRequestPage childId={CHILD} />, setupApi());
    await screen.findByRole('table');
    await user.click(screen.getByRole('button', { name: 'Verder' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies minstens één onderdeel.');

    await user.click(screen.getByRole('checkbox', { name: /Berichten, mededelingen/ }));
    await user.click(screen.getByRole('checkbox', { name: /Zorg en ondersteuning/ }));
    await user.click(screen.getByRole('button', { name: 'Verder' }));
    const confirm = screen.getByRole('region', { name: 'Weet u het zeker?' });
    expect(confirm).toHaveTextContent('Dit wordt gewist:Berichten, mededelingen, gesprekken en meldingen');
    expect(confirm).toHaveTextContent('Dit blijft bewaard:Zorg en ondersteuning: Het dossier van jeugdhulp');
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Ja, verzoek afhandelen' }));
    const outcome = await screen.findByTestId('erasure-outcome');
    const posted = requests.find((r) => r.method === 'POST')!;
    const body = (await posted.json()) as Record<string, unknown>;
    expect(body.childId).toBe(CHILD);
    expect(body.categories).toEqual(['messages', 'care']);
    expect(body.requestReceivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(outcome).toHaveTextContent('Verzoek afgehandeld');
    expect(outcome).toHaveTextContent('2 berichten: zonder inhoud bewaard voor de cijfers');
    expect(outcome).toHaveTextContent('1 bijlagen: verwijderd');
    expect(outcome).not.toHaveTextContent('meldingen');
    expect(outcome).toHaveTextContent('Zorg en ondersteuning (1): Het dossier van jeugdhulp');
  });
});

describe('ChildMergePage', () => {
  it('finds the duplicate, shows what would move, and merges after confirmation', async () => {
    const { requests } = mockFetch(async (request) => {
      const url = new URL(request.url);
      const path = url.pathname.replace('/api/v1', '');
      if (path === '/children' && request.method === 'GET') {
        return json({
          items: [
            { id: CHILD, givenName: 'Pim', familyName: 'Pupil', dateOfBirth: '2018-05-01' },
            { id: DUPLICATE, givenName: 'Pim', familyName: 'Pupil', dateOfBirth: '2018-05-01' },
          ],
          nextCursor: null,
        });
      }
      const plan = {
        survivorId: CHILD,
        duplicateId: DUPLICATE,
        parts: [
          { kind: 'placement', moved: 1, dropped: 0 },
          { kind: 'guardian', moved: 0, dropped: 2 },
        ],
        mergedAt: null,
      };
      if (path === '/child-merges/preview') return json(plan);
      if (path === '/child-merges') return json({ ...plan, mergedAt: '2026-12-02T10:00:00Z' }, { status: 201 });
      return problem(404, 'Not found');
    });
    const user = userEvent.setup();
    renderWithProviders(<ChildMergePage childId={CHILD} childName="Pim Pupil" />, setupApi());
    await user.type(screen.getByRole('searchbox', { name: /dubbele inschrijving/ }), 'Pim');
    // The child itself is not offered as its own duplicate.
    const pick = await screen.findAllByRole('button', { name: /Kies Pim Pupil/ });
    expect(pick).toHaveLength(1);
    await user.click(pick[0]!);
    const table = await screen.findByRole('table', { name: /dubbele inschrijving naar deze/ });
    expect(within(table).getByRole('row', { name: /ouders en verzorgers/ })).toHaveTextContent('02');
    expect(requests.some((r) => new URL(r.url).pathname.endsWith('/child-merges'))).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Ja, samenvoegen' }));
    expect(await screen.findByTestId('merge-done')).toHaveTextContent('alles staat nu bij Pim Pupil');
    const merge = requests.find((r) => new URL(r.url).pathname.endsWith('/child-merges'))!;
    expect(await merge.json()).toEqual({ survivorId: CHILD, duplicateId: DUPLICATE });
  });

  it('shows the refusal of a merge that may not happen', async () => {
    mockFetch(async (request) => {
      const path = new URL(request.url).pathname.replace('/api/v1', '');
      if (path === '/children') {
        return json({
          items: [{ id: DUPLICATE, givenName: 'Pia', familyName: 'Pupil', dateOfBirth: '2018-05-01' }],
          nextCursor: null,
        });
      }
      if (path === '/child-merges/preview') {
        return typedProblem(409, 'merge-refused', 'The two records have different BSNs: they are not the same child.');
      }
      return problem(404, 'Not found');
    });
    const user = userEvent.setup();
    renderWithProviders(<ChildMergePage childId={CHILD} />, setupApi());
    await user.type(screen.getByRole('searchbox'), 'Pia');
    await user.click(await screen.findByRole('button', { name: /Kies Pia Pupil/ }));
    await waitFor(() => expect(screen.getByRole('alert')).toBeInTheDocument());
  });
});
