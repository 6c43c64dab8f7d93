import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { formatSort, parseSort, type SortState } from '@/components/data-table/sort';

/**
 * One URL search parameter as state: reads `key` (or `defaultValue` when absent) and writes it back by
 * replacing the history entry, so filters and sorts survive a reload and can be shared, without filling
 * the Back button with keystrokes. Writing the default removes the parameter to keep URLs short.
 */
export function useUrlState(key: string, defaultValue = ''): [string, (value: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get(key) ?? defaultValue;
  const setValue = useCallback(
    (next: string) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === defaultValue || next === '') updated.delete(key);
          else updated.set(key, next);
          return updated;
        },
        { replace: true },
      );
    },
    [key, defaultValue, setParams],
  );
  return [value, setValue];
}

/**
 * A DataTable sort kept in the URL as `?sort=column:asc|desc`. Without the parameter the sort is
 * `defaultSort`; clearing a non-null default is written as `?sort=none`.
 */
export function useUrlSort(
  key = 'sort',
  defaultSort: SortState | null = null,
): [SortState | null, (sort: SortState | null) => void] {
  const defaultText = formatSort(defaultSort) ?? '';
  const [text, setText] = useUrlState(key, defaultText);
  const sort = useMemo(() => (text === 'none' ? null : parseSort(text)), [text]);
  const setSort = useCallback(
    (next: SortState | null) => setText(formatSort(next) ?? (defaultSort ? 'none' : '')),
    [setText, defaultSort],
  );
  return [sort, setSort];
}

/**
 * Removes several search parameters in ONE navigation ("Clear filters"): calling several
 * `useUrlState` setters in the same event would each start from the same URL and keep only the last.
 */
export function useClearUrlParams(...keys: string[]): () => void {
  const [, setParams] = useSearchParams();
  const joined = keys.join('\n');
  return useCallback(() => {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const key of joined.split('\n')) updated.delete(key);
        return updated;
      },
      { replace: true },
    );
  }, [joined, setParams]);
}
