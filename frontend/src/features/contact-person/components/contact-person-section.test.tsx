import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ContactPersonSection } from '@/features/contact-person/components/contact-person-section';
import { invalid, json, mockFetch, renderWithProviders, setupApi } from '@/test/utils';

const CHILD = '00000000-0000-4000-8000-0000000000c1';
const SIBLING = '00000000-0000-4000-8000-0000000000c2';
const ORG = 'aaaaaaaa-0000-4000-8000-0000000000a1';

function api({ refuseNote = false } = {}) {
  const puts: { path: string; body: unknown }[] = [];
  const mock = mockFetch(async (request) => {
    const path = new URL(request.url).pathname.replace('/api/v1', '');
    if (request.method === 'PUT') {
      const body = (await request.json()) as { userId: string; handoverNote: string | null };
      puts.push({ path, body });
      if (refuseNote && puts.length === 1) return invalid('#/handoverNote', 'required');
      return json({
        userId: body.userId,
        displayName: 'Petra Mulder',
        email: 'pm@regenboog.demo',
        phone: null,
        since: '2026-12-01T10:00:00Z',
        siblings: [{ childId: SIBLING, givenName: 'Emma', contactPerson: { userId: 'u-ib', displayName: 'Ingrid Bakker' } }],
      });
    }
    if (path === `/organisations/${ORG}/professionals`) {
      return json([
        { userId: 'u-ib', displayName: 'Ingrid Bakker', role: 'staff' },
        { userId: 'u-pm', displayName: 'Petra Mulder', role: 'staff' },
      ]);
    }
    if (path === `/children/${CHILD}/contact-person/history`) {
      return json([
        { contactPerson: { userId: 'u-pm', displayName: 'Petra Mulder' }, startedAt: '2026-12-01T10:00:00Z', endedAt: null, assignedBy: { userId: 'u-admin', displayName: 'Bea Beheer' }, handoverNote: 'Let op de zwemles.' },
        { contactPerson: { userId: 'u-ib', displayName: 'Ingrid Bakker' }, startedAt: '2026-09-01T10:00:00Z', endedAt: '2026-12-01T10:00:00Z', assignedBy: null, handoverNote: null },
      ]);
    }
    return json({}, { status: 404 });
  });
  return { ...mock, puts };
}

function renderSection(canChange = true) {
  return renderWithProviders(
    <ContactPersonSection
      childId={CHILD}
      childName="Noah"
      currentName="Ingrid Bakker"
      currentUserId="u-ib"
      canChange={canChange}
      organisations={[{ id: ORG, name: 'Kinderopvang De Regenboog' }]}
    />,
    setupApi(),
  );
}

describe('the contact-person handover', () => {
  it('needs a professional and a note, then offers the siblings with the same note', async () => {
    const { puts } = api();
    renderSection();
    await userEvent.click(await screen.findByRole('button', { name: 'Contactpersoon wijzigen' }));
    const dialog = screen.getByTestId('handover-dialog');
    expect(within(dialog).getByRole('heading', { name: 'Contactpersoon wijzigen voor Noah' })).toHaveFocus();

    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(within(dialog).getByText('Kies de nieuwe contactpersoon.')).toBeInTheDocument();
    expect(within(dialog).getByText('Schrijf een overdrachtsnotitie voor de nieuwe contactpersoon.')).toBeInTheDocument();
    expect(puts).toEqual([]);

    await userEvent.selectOptions(within(dialog).getByLabelText('Organisatie'), ORG);
    const person = within(dialog).getByLabelText(/Nieuwe contactpersoon/);
    // The current contact person is not offered again.
    await waitFor(() => expect(within(person).getAllByRole('option').map((o) => o.textContent)).toEqual(['Kies een medewerker', 'Petra Mulder']));
    await userEvent.selectOptions(person, 'u-pm');
    await userEvent.type(within(dialog).getByLabelText(/Overdrachtsnotitie/), 'Let op de zwemles.');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));

    const done = await screen.findByTestId('handover-done');
    expect(done).toHaveTextContent('Petra Mulder is nu de contactpersoon van Noah.');
    expect(puts).toEqual([{ path: `/children/${CHILD}/contact-person`, body: { userId: 'u-pm', handoverNote: 'Let op de zwemles.' } }]);
    const siblings = within(done).getByTestId('handover-siblings');
    expect(within(siblings).getByRole('checkbox', { name: 'Emma (nu: Ingrid Bakker)' })).toBeChecked();
    await userEvent.click(within(siblings).getByRole('button', { name: 'Ook voor deze kinderen instellen' }));
    expect(await within(done).findByText('Ook ingesteld voor: Emma.')).toBeInTheDocument();
    expect(puts[1]).toEqual({ path: `/children/${SIBLING}/contact-person`, body: { userId: 'u-pm', handoverNote: 'Let op de zwemles.' } });
  });

  it("shows the server's refusal of a missing note at the note", async () => {
    api({ refuseNote: true });
    renderWithProviders(
      <ContactPersonSection childId={CHILD} childName="Noah" currentName={null} currentUserId={null} canChange organisations={[{ id: ORG, name: 'Kinderopvang' }]} />,
      setupApi(),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Contactpersoon wijzigen' }));
    const dialog = screen.getByTestId('handover-dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText('Organisatie'), ORG);
    await waitFor(() => expect(within(dialog).getAllByRole('option', { name: 'Petra Mulder' })).toHaveLength(1));
    await userEvent.selectOptions(within(dialog).getByLabelText(/Nieuwe contactpersoon/), 'u-pm');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Opslaan' }));
    expect(await within(dialog).findByText('Schrijf een overdrachtsnotitie voor de nieuwe contactpersoon.')).toBeInTheDocument();
  });

  it('offers no change to who may not make it, and shows the history with the note when returned', async () => {
    const { requests } = api();
    renderSection(false);
    expect(await screen.findByText('Nu: Ingrid Bakker')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Contactpersoon wijzigen' })).not.toBeInTheDocument();
    expect(requests).toHaveLength(0);
    await userEvent.click(screen.getByText('Eerdere contactpersonen'));
    const history = await screen.findByTestId('handover-history');
    const items = within(history).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('Petra Mulder');
    expect(items[0]).toHaveTextContent('Ingesteld door Bea Beheer');
    expect(items[0]).toHaveTextContent('Overdrachtsnotitie voor u: Let op de zwemles.');
    expect(items[1]).not.toHaveTextContent('Overdrachtsnotitie');
  });
});
