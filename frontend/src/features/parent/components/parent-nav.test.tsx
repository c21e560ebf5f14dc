import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ParentNav } from '@/features/parent/components/parent-nav';
import { mockFetch, problem, renderWithProviders, setupApi } from '@/test/utils';

function Page() {
  const { pathname } = useLocation();
  return (
    <main>
      <p data-testid="path">{pathname}</p>
      <button type="button">Elders op de pagina</button>
    </main>
  );
}

function renderNav(path: string, { noChild = false } = {}) {
  mockFetch(() => problem(404, 'Not found'));
  return renderWithProviders(
    <>
      <ParentNav childId={noChild ? undefined : 'c1'} messagesBadge={<span data-testid="badge"> 2</span>} />
      <Page />
    </>,
    setupApi(),
    path,
  );
}

const nav = () => screen.getByRole('navigation', { name: 'Hoofdmenu' });
const more = () => within(nav()).getByRole('button', { name: 'Meer' });

describe('the parent app’s main navigation', () => {
  it('has one row of five: four links and "Meer", the current page marked', () => {
    renderNav('/ouder');
    const items = within(nav()).getAllByRole('listitem');
    expect(items).toHaveLength(5);
    expect(items.map((item) => item.firstElementChild?.textContent)).toEqual(['Overzicht', 'Berichten 2', 'Mijn kind', 'Mededelingen', 'Meer']);
    expect(within(nav()).getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav()).getByRole('link', { name: /^Berichten/ })).toHaveAttribute('href', '/ouder/berichten');
    expect(within(nav()).getByRole('link', { name: 'Mijn kind' })).toHaveAttribute('href', '/ouder/kinderen/c1');
    expect(within(nav()).getByRole('link', { name: 'Mededelingen' })).toHaveAttribute('href', '/ouder/mededelingen');
    // "Meer" is a closed disclosure: its links are not shown.
    expect(more()).toHaveAttribute('aria-expanded', 'false');
    expect(within(nav()).queryByRole('link', { name: 'Activiteiten' })).not.toBeInTheDocument();
    expect(within(nav()).queryByRole('link', { name: 'Gesprekken' })).not.toBeInTheDocument();
  });

  it('opens "Meer" with focus on its first link, and Escape closes it with focus back on the button', async () => {
    const user = userEvent.setup();
    renderNav('/ouder');
    await user.click(more());

    expect(more()).toHaveAttribute('aria-expanded', 'true');
    const panel = document.getElementById(more().getAttribute('aria-controls')!)!;
    expect(panel).toBeVisible();
    const links = within(panel).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Activiteiten', '/ouder/kinderen/c1/activiteiten'],
      ['Ziek melden', '/ouder/kinderen/c1/afmelden'],
      ['Gesprekken', '/ouder/gesprekken'],
      ['Account', '/ouder/account'],
    ]);
    await waitFor(() => expect(links[0]).toHaveFocus());

    await user.keyboard('{ArrowDown}{Tab}');
    expect(links[1]).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(more()).toHaveAttribute('aria-expanded', 'false');
    expect(panel).not.toBeVisible();
    expect(more()).toHaveFocus();
  });

  it('works with the keyboard alone: Enter opens, a link is followed, the panel closes', async () => {
    const user = userEvent.setup();
    renderNav('/ouder');
    more().focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(nav()).getByRole('link', { name: 'Activiteiten' })).toHaveFocus());
    await user.tab();
    await user.tab();
    expect(within(nav()).getByRole('link', { name: 'Gesprekken' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(screen.getByTestId('path')).toHaveTextContent('/ouder/gesprekken');
    expect(more()).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when focus leaves it or a click lands elsewhere', async () => {
    const user = userEvent.setup();
    renderNav('/ouder');
    await user.click(more());
    const account = within(nav()).getByRole('link', { name: 'Account' });
    account.focus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Elders op de pagina' })).toHaveFocus();
    expect(more()).toHaveAttribute('aria-expanded', 'false');

    await user.click(more());
    expect(more()).toHaveAttribute('aria-expanded', 'true');
    await user.click(screen.getByTestId('path'));
    expect(more()).toHaveAttribute('aria-expanded', 'false');
  });

  it.each([
    ['/ouder/kinderen/c1/activiteiten', 'Activiteiten'],
    ['/ouder/kinderen/c1/afmelden', 'Ziek melden'],
    ['/ouder/gesprekken', 'Gesprekken'],
    ['/ouder/account', 'Account'],
  ])('on %s marks "Meer" and, inside it, %s as the current page', async (path, name) => {
    const user = userEvent.setup();
    renderNav(path);
    expect(more()).toHaveClass('kc-parent-nav__link--active');
    expect(within(nav()).getByRole('link', { name: 'Mijn kind' })).not.toHaveAttribute('aria-current');
    await user.click(more());
    expect(within(nav()).getByRole('link', { name })).toHaveAttribute('aria-current', 'page');
  });

  it('marks "Mijn kind" on every other page about the child', () => {
    renderNav('/ouder/kinderen/c1/toestemming');
    expect(within(nav()).getByRole('link', { name: 'Mijn kind' })).toHaveAttribute('aria-current', 'page');
    expect(more()).not.toHaveClass('kc-parent-nav__link--active');
  });

  it('leaves out the child’s pages while no child is known', async () => {
    const user = userEvent.setup();
    renderNav('/ouder', { noChild: true });
    expect(within(nav()).getAllByRole('listitem')).toHaveLength(4);
    expect(within(nav()).queryByRole('link', { name: 'Mijn kind' })).not.toBeInTheDocument();
    await user.click(more());
    const panel = document.getElementById(more().getAttribute('aria-controls')!)!;
    expect(within(panel).getAllByRole('link').map((link) => link.textContent)).toEqual(['Gesprekken', 'Account']);
  });
});
