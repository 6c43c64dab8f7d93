import { useSyncExternalStore } from 'react';
import { changesIn, journalSnapshot, subscribe, type JournalEntry } from '@/lib/iplb/change-journal';

/**
 * The configuration writes made from this browser since the last apply of each zone (from the change
 * journal the MutationCache feeds), per zone of the service; `all`-zone writes are listed in each zone.
 */
export function useBrowserChanges(
  serviceName: string,
  zones: readonly string[],
): Map<string, JournalEntry[]> {
  const entries = useSyncExternalStore(subscribe, journalSnapshot, journalSnapshot);
  return new Map(zones.map((zone) => [zone, changesIn(entries, serviceName, zone)]));
}
