import { screen, within } from '@testing-library/react';
import { useState } from 'react';
import { DataTable, type DataTableColumn, type RowKey } from '@/components/data-table/data-table';
import type { SortState } from '@/components/data-table/sort';
import { useUrlSort } from '@/components/url-state';
import { renderWithProviders } from '@/testing/render';

interface Item {
  id: number;
  name: string;
  port: number | null;
}

const columns: DataTableColumn<Item>[] = [
  { id: 'name', header: 'Name', cell: (row) => row.name, sortValue: (row) => row.name },
  { id: 'port', header: 'Port', cell: (row) => row.port ?? '—', sortValue: (row) => row.port },
  { id: 'id', header: 'Id', cell: (row) => row.id },
];

const items: Item[] = [
  { id: 1, name: 'web 10', port: 443 },
  { id: 2, name: 'api', port: null },
  { id: 3, name: 'web 9', port: 80 },
];

function Sorted({ data = items }: { data?: Item[] }) {
  const [sort, setSort] = useUrlSort();
  return <DataTable label="Items" data={data} columns={columns} getRowKey={(row) => row.id} sort={sort} onSortChange={setSort} />;
}

const bodyNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('DataTable', () => {
  it('sorts by a clicked header, ascending then descending then unsorted, and says so with aria-sort', async () => {
    const { user, router } = renderWithProviders(<Sorted />);
    const nameHeader = screen.getByRole('columnheader', { name: /name/i });
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Id' })).not.toHaveAttribute('aria-sort');
    expect(bodyNames()).toEqual(['web 10', 'api', 'web 9']);

    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(bodyNames()).toEqual(['api', 'web 9', 'web 10']); // natural order: 9 before 10
    expect(router.state.location.search).toBe('?sort=name%3Aasc');

    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending');
    expect(bodyNames()).toEqual(['web 10', 'web 9', 'api']);

    await user.click(within(nameHeader).getByRole('button'));
    expect(nameHeader).toHaveAttribute('aria-sort', 'none');
    expect(bodyNames()).toEqual(['web 10', 'api', 'web 9']);
    expect(router.state.location.search).toBe('');
  });

  it('reads the sort from the URL and keeps empty values last in both directions', async () => {
    const { user } = renderWithProviders(<Sorted />, { route: '/?sort=port:desc' });
    expect(screen.getByRole('columnheader', { name: /port/i })).toHaveAttribute('aria-sort', 'descending');
    expect(bodyNames()).toEqual(['web 10', 'web 9', 'api']);
    await user.click(within(screen.getByRole('columnheader', { name: /port/i })).getByRole('button'));
    await user.click(within(screen.getByRole('columnheader', { name: /port/i })).getByRole('button'));
    expect(bodyNames()).toEqual(['web 9', 'web 10', 'api']);
  });

  it('selects rows one by one and all visible rows at once', async () => {
    const changes: RowKey[][] = [];
    function Selectable({ data }: { data: Item[] }) {
      const [selected, setSelected] = useState<Set<RowKey>>(new Set());
      return (
        <DataTable
          label="Items"
          data={data}
          columns={columns}
          getRowKey={(row) => row.id}
          getRowLabel={(row) => row.name}
          selection={{
            selected,
            onChange: (next) => {
              changes.push([...next]);
              setSelected(next);
            },
          }}
        />
      );
    }
    const { user } = renderWithProviders(<Selectable data={items.slice(0, 2)} />);
    const all = screen.getByRole('checkbox', { name: 'Select all 2 rows' });
    await user.click(screen.getByRole('checkbox', { name: 'Select api' }));
    expect(changes.at(-1)).toEqual([2]);
    expect(all).not.toBeChecked();
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    await user.click(all);
    expect(new Set(changes.at(-1))).toEqual(new Set([1, 2]));
    expect(screen.getByRole('checkbox', { name: 'Select web 10' })).toBeChecked();
    await user.click(all);
    expect(changes.at(-1)).toEqual([]);
  });

  it('shows the empty slot and a loading skeleton', () => {
    const { rerender } = renderWithProviders(
      <DataTable label="Items" data={[]} columns={columns} getRowKey={(row) => row.id} empty="No items yet — create one" />,
    );
    expect(screen.getByText('No items yet — create one')).toBeInTheDocument();
    rerender(<div />);
    renderWithProviders(<DataTable label="Loading items" data={[]} columns={columns} getRowKey={(row) => row.id} loading />);
    expect(screen.getByRole('table', { name: 'Loading items' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getAllByTestId('data-table-skeleton')).toHaveLength(5);
  });

  describe('with 5,000 rows', () => {
    const many: Item[] = Array.from({ length: 5000 }, (_, index) => ({ id: index + 1, name: `server ${index + 1}`, port: index }));
    // jsdom has no layout: give the scroll area a height so the virtualizer computes a real window
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
    beforeAll(() => {
      Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
        configurable: true,
        get() {
          return (this as HTMLElement).dataset.testid === 'data-table-scroll' ? 480 : 0;
        },
      });
    });
    afterAll(() => {
      if (original) Object.defineProperty(HTMLElement.prototype, 'clientHeight', original);
    });

    it('renders only a window of rows, with spacer rows keeping the full height', () => {
      renderWithProviders(<DataTable label="Servers" data={many} columns={columns} getRowKey={(row) => row.id} rowHeight={40} />);
      const table = screen.getByRole('table', { name: 'Servers' });
      expect(table).toHaveAttribute('aria-rowcount', '5001');
      const rendered = within(table).getAllByRole('row').slice(1);
      expect(rendered.length).toBeGreaterThan(5);
      expect(rendered.length).toBeLessThan(60);
      expect(screen.getByText('server 1')).toBeInTheDocument();
      expect(screen.queryByText('server 2500')).not.toBeInTheDocument();
      const spacer = table.querySelector('tr[aria-hidden="true"]') as HTMLElement;
      expect(parseInt(spacer.style.height, 10)).toBeGreaterThan(40 * 4900);
    });

    it('sorts all rows, not only the rendered window', async () => {
      function Sorting() {
        const [sort, setSort] = useState<SortState | null>(null);
        return <DataTable label="Servers" data={many} columns={columns} getRowKey={(row) => row.id} sort={sort} onSortChange={setSort} />;
      }
      const { user } = renderWithProviders(<Sorting />);
      const port = screen.getByRole('columnheader', { name: /port/i });
      await user.click(within(port).getByRole('button'));
      await user.click(within(port).getByRole('button'));
      expect(screen.getByText('server 5000')).toBeInTheDocument();
      expect(screen.queryByText('server 1')).not.toBeInTheDocument();
    });
  });
});
