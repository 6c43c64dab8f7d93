import { Checkbox, Skeleton, Table, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, type CSSProperties, type ReactNode } from 'react';
import { nextSort, sortRows, type SortState, type SortValue } from '@/components/data-table/sort';
import classes from '@/components/data-table/data-table.module.css';

export type RowKey = string | number;

export interface DataTableColumn<T> {
  /** stable id, used in the sort state (and so in URLs) */
  id: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** makes the column sortable: the value rows are compared by */
  sortValue?: (row: T) => SortValue;
  width?: CSSProperties['width'];
  align?: 'left' | 'center' | 'right';
}

export interface DataTableSelection {
  selected: ReadonlySet<RowKey>;
  onChange: (selected: Set<RowKey>) => void;
}

export interface DataTableProps<T> {
  /** accessible name of the table */
  label: string;
  data: readonly T[];
  columns: readonly DataTableColumn<T>[];
  getRowKey: (row: T) => RowKey;
  /** controlled sort (e.g. from the URL); null = data order */
  sort?: SortState | null;
  onSortChange?: (sort: SortState | null) => void;
  /** row checkboxes for bulk actions; the header checkbox selects every row of `data` (the visible, filtered rows) */
  selection?: DataTableSelection;
  /** how a row is named for screen readers, e.g. in "Select frontend web" */
  getRowLabel?: (row: T) => string;
  loading?: boolean;
  /** shown in the table body when `data` is empty and not loading */
  empty?: ReactNode;
  /** fixed row height in px; rows are virtualised above `virtualizeAbove` rows */
  rowHeight?: number;
  virtualizeAbove?: number;
  /** height limit of the scrolling area (the header sticks to its top) */
  maxHeight?: CSSProperties['maxHeight'];
  /**
   * a click anywhere on a row (except on its own links, buttons and inputs) — a mouse shortcut only:
   * keep a link or button in the row for keyboard users
   */
  onRowClick?: (row: T) => void;
}

const interactive = 'a, button, input, select, textarea, label, [role="menuitem"], [role="switch"]';

const skeletonRows = 5;

/**
 * A real <table> with sortable headers (aria-sort), optional row selection, a sticky header, an empty
 * state and a loading skeleton. Above `virtualizeAbove` rows only the visible window is rendered, with
 * spacer rows above and below keeping the scroll height, so 5,000+ rows stay smooth.
 */
export function DataTable<T>({
  label,
  data,
  columns,
  getRowKey,
  sort,
  onSortChange,
  selection,
  getRowLabel,
  loading = false,
  empty,
  rowHeight = 48,
  virtualizeAbove = 100,
  maxHeight = 'max(320px, calc(100dvh - 260px))',
  onRowClick,
}: DataTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const sortColumn = sort ? columns.find((column) => column.id === sort.columnId) : undefined;
  const rows = useMemo(
    () => (sort && sortColumn?.sortValue ? sortRows(data, sortColumn.sortValue, sort.direction) : data),
    [data, sort, sortColumn],
  );
  const virtual = rows.length > virtualizeAbove;
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: virtual ? rows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
  });
  const columnCount = columns.length + (selection ? 1 : 0);

  const items = virtual ? virtualizer.getVirtualItems() : [];
  const visibleRows = virtual ? items.map((item) => ({ row: rows[item.index]!, index: item.index })) : rows.map((row, index) => ({ row, index }));
  const paddingTop = virtual && items.length > 0 ? items[0]!.start : 0;
  const paddingBottom = virtual && items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  const selectedVisible = selection ? rows.filter((row) => selection.selected.has(getRowKey(row))).length : 0;
  const toggleAll = () => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (selectedVisible === rows.length) rows.forEach((row) => next.delete(getRowKey(row)));
    else rows.forEach((row) => next.add(getRowKey(row)));
    selection.onChange(next);
  };
  const toggleRow = (key: RowKey) => {
    if (!selection) return;
    const next = new Set(selection.selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    selection.onChange(next);
  };

  return (
    <div ref={scrollRef} className={classes.scroll} style={{ maxHeight }} data-testid="data-table-scroll">
      <Table
        stickyHeader
        highlightOnHover
        verticalSpacing="xs"
        aria-label={label}
        aria-busy={loading || undefined}
        aria-rowcount={rows.length + 1}
      >
        <Table.Thead>
          <Table.Tr aria-rowindex={1}>
            {selection ? (
              <Table.Th w={44}>
                <Checkbox
                  aria-label={`Select all ${rows.length} rows`}
                  checked={rows.length > 0 && selectedVisible === rows.length}
                  indeterminate={selectedVisible > 0 && selectedVisible < rows.length}
                  disabled={rows.length === 0}
                  onChange={toggleAll}
                />
              </Table.Th>
            ) : null}
            {columns.map((column) => {
              const direction = sort?.columnId === column.id ? sort.direction : undefined;
              const ariaSort = direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : column.sortValue ? 'none' : undefined;
              const Icon = direction === 'asc' ? IconArrowUp : direction === 'desc' ? IconArrowDown : IconArrowsSort;
              return (
                <Table.Th key={column.id} w={column.width} ta={column.align} aria-sort={ariaSort}>
                  {column.sortValue && onSortChange ? (
                    <UnstyledButton className={classes.headerButton} onClick={() => onSortChange(nextSort(sort, column.id))}>
                      {column.header}
                      <Icon size={14} stroke={1.8} aria-hidden opacity={direction ? 1 : 0.45} />
                      {!direction ? <VisuallyHidden>(sortable)</VisuallyHidden> : null}
                    </UnstyledButton>
                  ) : (
                    column.header
                  )}
                </Table.Th>
              );
            })}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {loading ? (
            Array.from({ length: skeletonRows }, (_, index) => (
              <Table.Tr key={`skeleton-${index}`} h={rowHeight} data-testid="data-table-skeleton">
                {Array.from({ length: columnCount }, (_, cell) => (
                  <Table.Td key={cell}>
                    <Skeleton height={12} radius="sm" />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))
          ) : rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={columnCount} className={classes.emptyCell}>
                {empty ?? 'Nothing to show'}
              </Table.Td>
            </Table.Tr>
          ) : (
            <>
              {paddingTop > 0 ? (
                <tr className={classes.spacer} aria-hidden="true" style={{ height: paddingTop }}>
                  <td colSpan={columnCount} />
                </tr>
              ) : null}
              {visibleRows.map(({ row, index }) => {
                const key = getRowKey(row);
                const selected = selection?.selected.has(key) ?? false;
                return (
                  <Table.Tr
                    key={key}
                    className={classes.row}
                    h={rowHeight}
                    aria-rowindex={index + 2}
                    data-selected={selected || undefined}
                    style={onRowClick ? { cursor: 'pointer' } : undefined}
                    onClick={
                      onRowClick
                        ? (event) => {
                            if (!(event.target as HTMLElement).closest(interactive)) onRowClick(row);
                          }
                        : undefined
                    }
                  >
                    {selection ? (
                      <Table.Td>
                        <Checkbox
                          aria-label={`Select ${getRowLabel ? getRowLabel(row) : `row ${String(key)}`}`}
                          checked={selected}
                          onChange={() => toggleRow(key)}
                        />
                      </Table.Td>
                    ) : null}
                    {columns.map((column) => (
                      <Table.Td key={column.id} ta={column.align} className={classes.cell}>
                        {column.cell(row)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
              {paddingBottom > 0 ? (
                <tr className={classes.spacer} aria-hidden="true" style={{ height: paddingBottom }}>
                  <td colSpan={columnCount} />
                </tr>
              ) : null}
            </>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
