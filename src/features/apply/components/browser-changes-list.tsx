import { List, Stack, Text } from '@mantine/core';
import type { JournalEntry } from '@/lib/iplb/change-journal';

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
/** beyond this many, "and N more" */
const shown = 8;

/**
 * The writes made from this browser in one zone since its last apply — labelled as such: the API has no
 * diff, and changes made elsewhere (another browser, the API, OVHcloud) are counted but not listed.
 */
export function BrowserChangesList({
  zone,
  entries,
  pending,
}: {
  zone: string;
  entries: JournalEntry[];
  pending: number;
}) {
  if (entries.length === 0) return null;
  const elsewhere = Math.max(0, pending - entries.length);
  return (
    <Stack gap={2} ml={32}>
      <Text size="xs" fw={600} id={`browser-changes-${zone}`}>
        Changes made from this browser ({entries.length})
      </Text>
      <List size="xs" spacing={0} aria-labelledby={`browser-changes-${zone}`}>
        {entries.slice(-shown).map((entry) => (
          <List.Item key={entry.id}>
            {entry.summary}{' '}
            <Text span size="xs" c="dimmed">
              ({timeFormat.format(entry.at)}
              {entry.zone === 'all' ? ', all zones' : ''})
            </Text>
          </List.Item>
        ))}
      </List>
      {entries.length > shown ? (
        <Text size="xs" c="dimmed">
          and {entries.length - shown} earlier
        </Text>
      ) : null}
      {elsewhere > 0 ? (
        <Text size="xs" c="dimmed">
          The load balancer counts {elsewhere} more change{elsewhere === 1 ? '' : 's'}, made elsewhere.
        </Text>
      ) : null}
    </Stack>
  );
}
