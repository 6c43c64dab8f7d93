/** Sorting of a DataTable: which column, which way. Kept outside the table (e.g. in the URL). */
export type SortDirection = 'asc' | 'desc';

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export type SortValue = string | number | boolean | null | undefined;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Compares two sort values: empty values always last, text compared naturally ("port 9" < "port 10"). */
export function compareSortValues(a: SortValue, b: SortValue): number {
  const aEmpty = a === null || a === undefined || a === '';
  const bEmpty = b === null || b === undefined || b === '';
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  return collator.compare(String(a), String(b));
}

/** A stable sort of `rows` by `sortValue`; empty values stay last in both directions. */
export function sortRows<T>(rows: readonly T[], sortValue: (row: T) => SortValue, direction: SortDirection): T[] {
  const factor = direction === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: sortValue(row) }))
    .sort((x, y) => {
      const xEmpty = x.value === null || x.value === undefined || x.value === '';
      const yEmpty = y.value === null || y.value === undefined || y.value === '';
      if (xEmpty !== yEmpty) return xEmpty ? 1 : -1;
      return factor * compareSortValues(x.value, y.value) || x.index - y.index;
    })
    .map((entry) => entry.row);
}

/** Next sort when a header is clicked: ascending, then descending, then back to unsorted. */
export function nextSort(current: SortState | null | undefined, columnId: string): SortState | null {
  if (!current || current.columnId !== columnId) return { columnId, direction: 'asc' };
  if (current.direction === 'asc') return { columnId, direction: 'desc' };
  return null;
}

/** `name:desc` ⇄ { columnId: 'name', direction: 'desc' } — the form used in URLs. */
export function parseSort(text: string | null | undefined): SortState | null {
  if (!text) return null;
  const [columnId, direction = 'asc'] = text.split(':');
  if (!columnId || (direction !== 'asc' && direction !== 'desc')) return null;
  return { columnId, direction };
}

export const formatSort = (sort: SortState | null): string | null => (sort ? `${sort.columnId}:${sort.direction}` : null);
