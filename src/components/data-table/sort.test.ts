import { nextSort, parseSort, sortRows } from '@/components/data-table/sort';

describe('sort helpers', () => {
  it('cycles a column ascending → descending → none, and restarts on another column', () => {
    expect(nextSort(null, 'name')).toEqual({ columnId: 'name', direction: 'asc' });
    expect(nextSort({ columnId: 'name', direction: 'asc' }, 'name')).toEqual({ columnId: 'name', direction: 'desc' });
    expect(nextSort({ columnId: 'name', direction: 'desc' }, 'name')).toBeNull();
    expect(nextSort({ columnId: 'name', direction: 'desc' }, 'port')).toEqual({ columnId: 'port', direction: 'asc' });
  });

  it('parses URL sort values and refuses malformed ones', () => {
    expect(parseSort('port:desc')).toEqual({ columnId: 'port', direction: 'desc' });
    expect(parseSort('port')).toEqual({ columnId: 'port', direction: 'asc' });
    expect(parseSort('port:sideways')).toBeNull();
    expect(parseSort('')).toBeNull();
  });

  it('sorts numbers numerically, text naturally, and is stable', () => {
    const rows = [{ v: 10 }, { v: 9 }, { v: null }, { v: 9 }];
    expect(sortRows(rows, (row) => row.v, 'asc')).toEqual([rows[1], rows[3], rows[0], rows[2]]);
    expect(sortRows(['b2', 'b10', 'a'], (row) => row, 'asc')).toEqual(['a', 'b2', 'b10']);
  });
});
