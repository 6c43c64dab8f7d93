import { screen, waitFor, within } from '@testing-library/react';
import { TasksPage, filtersFromUrl } from '@/features/tasks/components/tasks-page';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

const serviceName = 'loadbalancer-demo-gra';

function Page() {
  return <TasksPage serviceName={serviceName} />;
}

describe('TasksPage', () => {
  const context = useTestSandbox();

  it('lists every task, newest first, and filters by action through the API with the filter in the URL', async () => {
    const { user, router } = renderWithProviders(<Page />, { route: '/tasks' });
    const table = await screen.findByRole('table', { name: 'Tasks' });
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    const firstRow = within(table).getAllByRole('row')[1]!;
    expect(firstRow).toHaveTextContent('Apply configuration');
    expect(firstRow).toHaveTextContent('Done');

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: 'Order free certificate' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2));
    expect(router.state.location.search).toBe('?action=orderFreeCertificate');
    expect(context.requests.map((request) => request.path)).toContain(
      `/ipLoadbalancing/${serviceName}/task?action=orderFreeCertificate`,
    );

    await user.click(within(table).getByRole('button', { name: /Details of task/ }));
    const details = await screen.findByRole('table', { name: /^Task \d+ details$/ });
    expect(details).toHaveTextContent('Order free certificate (orderFreeCertificate)');
    expect(router.state.location.search).toMatch(/task=\d+/);
  });

  it('reads the filters from the URL', async () => {
    renderWithProviders(<Page />, { route: '/tasks?status=error' });
    expect(await screen.findByText('No task matches these filters')).toBeVisible();
    expect(context.requests.map((request) => request.path)).toContain(
      `/ipLoadbalancing/${serviceName}/task?status=error`,
    );
  });
});

describe('filtersFromUrl', () => {
  it('turns days into an instant range covering them, and ignores unknown values', () => {
    const filters = filtersFromUrl('doing', 'nonsense', '2026-03-01', '2026-03-02');
    expect(filters.status).toBe('doing');
    expect(filters.action).toBeUndefined();
    expect(Date.parse(filters['creationDate.to']!) - Date.parse(filters['creationDate.from']!)).toBe(
      2 * 24 * 3600 * 1000,
    );
  });
});
