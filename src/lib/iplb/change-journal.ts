/**
 * Journal of the configuration writes made from THIS browser tab since the last apply of their zone, so the
 * Apply dialog can preview them (the API has no diff endpoint: it only counts pending changes per zone).
 * Framework-free: the QueryClient's MutationCache feeds it from each successful mutation whose `meta.change`
 * describes the write (see `changesFromMeta`); the apply feature reads and clears it. Kept in sessionStorage
 * so a reload of the tab keeps it; it never claims to be the server's full list of pending changes.
 */

/** One configuration write, in words: what a mutation's `meta.change` carries. */
export interface ChangeRecord {
  serviceName: string;
  /** the zone of the object written; `all` for an object of every zone (e.g. a frontend in zone `all`) */
  zone: string;
  /** e.g. "Frontend #1003 'postgres' updated", "Server 10.0.0.5 added to farm shop-web" */
  summary: string;
}

export interface JournalEntry extends ChangeRecord {
  id: number;
  /** when the write succeeded (ms since epoch) */
  at: number;
  /** for a `zone: 'all'` entry: the zones applied since (it stays pending in the others) */
  appliedIn: string[];
}

/**
 * `meta.change` of a mutation: a record, several, or a function of the mutation's result and variables
 * returning them (null or undefined: nothing to record).
 */
export type ChangeMeta =
  | ChangeRecord
  | ChangeRecord[]
  | ((data: unknown, variables: unknown) => ChangeRecord | ChangeRecord[] | null | undefined);

const storageKey = 'iplb-console:change-journal';
/** oldest entries are dropped beyond this many per service */
const maxEntriesPerService = 200;

let entries: readonly JournalEntry[] = load();
let nextId = entries.reduce((max, entry) => Math.max(max, entry.id), 0) + 1;
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function load(): JournalEntry[] {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as unknown[]).filter(isEntry) : [];
  } catch {
    return [];
  }
}

function isEntry(value: unknown): value is JournalEntry {
  const entry = value as Partial<JournalEntry> | null;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.id === 'number' &&
    typeof entry.at === 'number' &&
    Array.isArray(entry.appliedIn) &&
    isChangeRecord(entry)
  );
}

function isChangeRecord(value: unknown): value is ChangeRecord {
  const record = value as Partial<ChangeRecord> | null;
  return (
    typeof record === 'object' &&
    record !== null &&
    typeof record.serviceName === 'string' &&
    record.serviceName !== '' &&
    typeof record.zone === 'string' &&
    record.zone !== '' &&
    typeof record.summary === 'string' &&
    record.summary !== ''
  );
}

function commit(next: readonly JournalEntry[]): void {
  entries = next;
  try {
    storage()?.setItem(storageKey, JSON.stringify(next));
  } catch {
    // storage full or disabled: the journal still works for this page
  }
  for (const listener of [...listeners]) listener();
}

/** Records one successful configuration write. */
export function recordChange(change: ChangeRecord, at: number = Date.now()): void {
  if (!isChangeRecord(change)) return;
  const entry: JournalEntry = {
    id: nextId++,
    serviceName: change.serviceName,
    zone: change.zone,
    summary: change.summary,
    at,
    appliedIn: [],
  };
  const same = entries.filter((item) => item.serviceName === change.serviceName);
  const dropped = new Set(
    same.slice(0, Math.max(0, same.length + 1 - maxEntriesPerService)).map((item) => item.id),
  );
  commit([...entries.filter((item) => !dropped.has(item.id)), entry]);
}

/**
 * The writes of a service still waiting in `zone` (its own entries and `all` entries not applied there yet),
 * oldest first; without `zone`, every entry of the service.
 */
export const listChanges = (serviceName: string, zone?: string): JournalEntry[] =>
  changesIn(entries, serviceName, zone);

/** `listChanges` over a snapshot. */
export function changesIn(
  snapshot: readonly JournalEntry[],
  serviceName: string,
  zone?: string,
): JournalEntry[] {
  return snapshot.filter(
    (entry) =>
      entry.serviceName === serviceName &&
      (zone === undefined ||
        entry.zone === zone ||
        (entry.zone === 'all' && !entry.appliedIn.includes(zone))),
  );
}

/** After an apply of `zone` (or of every zone when omitted) started: its writes are no longer pending. */
export function clearZone(serviceName: string, zone?: string): void {
  const next = entries.flatMap((entry) => {
    if (entry.serviceName !== serviceName) return [entry];
    if (zone === undefined || entry.zone === zone) return [];
    if (entry.zone === 'all' && !entry.appliedIn.includes(zone))
      return [{ ...entry, appliedIn: [...entry.appliedIn, zone] }];
    return [entry];
  });
  if (next.length !== entries.length || next.some((entry, index) => entry !== entries[index])) commit(next);
}

/** Calls `listener` after every change of the journal; returns the unsubscribe function. */
export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The whole journal; a new array after each change (a stable snapshot for `useSyncExternalStore`). */
export const journalSnapshot = (): readonly JournalEntry[] => entries;

/** Empties the journal (tests, sign-out). */
export function resetChangeJournal(): void {
  commit([]);
}

/**
 * The changes a successful mutation declares in its `meta.change` (see `ChangeMeta`); nothing when it
 * declares none or something malformed (a journal entry is never worth breaking a mutation).
 */
export function changesFromMeta(
  meta: Record<string, unknown> | undefined,
  data: unknown,
  variables: unknown,
): ChangeRecord[] {
  const declared = meta?.change as ChangeMeta | undefined;
  if (declared === undefined || declared === null) return [];
  let value: unknown;
  try {
    value = typeof declared === 'function' ? declared(data, variables) : declared;
  } catch {
    return [];
  }
  return (Array.isArray(value) ? value : [value]).filter(isChangeRecord);
}
