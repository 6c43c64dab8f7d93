import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import type { Ssl } from '@/api/generated';
import { certificateExpiry, formatDate, plural, shortFingerprint } from '@/features/certificates/certificate-expiry';
import { certificateTypeLabels } from '@/lib/iplb/ssl-queries';

/** Expiry date over a badge in words: days left, expired, or "Renewed automatically" (managed certificates). */
export function ExpiryCell({
  certificate,
  now,
  detailed = false,
}: {
  certificate: Pick<Ssl, 'expireDate' | 'type'>;
  now?: number;
  /** in the drawer: also the days left of a managed certificate */
  detailed?: boolean;
}) {
  const { expireDate } = certificate;
  const state = certificateExpiry(certificate, now);
  return (
    <Stack gap={2} align="flex-start">
      <Text size="sm" lh={1.2}>
        {formatDate(expireDate)}
      </Text>
      <Badge
        color={state.color}
        variant="light"
        leftSection={state.level === 'ok' ? null : <IconAlertTriangle size={10} aria-hidden />}
        size="xs"
        styles={{
          root: { flexShrink: 0, maxWidth: 'none', overflow: 'visible' },
          label: { overflow: 'visible' },
        }}
      >
        {state.text}
      </Badge>
      {detailed && state.renewedAutomatically ? (
        <Text size="xs" c="dimmed">
          {plural(state.days, 'day')} left; OVHcloud renews it before it expires.
        </Text>
      ) : null}
    </Stack>
  );
}

/** The certificate's type in words (no badge: it must never be cut short in a narrow column). */
export function TypeBadge({ type }: { type: Ssl['type'] }) {
  return <Text size="sm">{certificateTypeLabels[type ?? 'unknown'].label}</Text>;
}

export function FingerprintCell({
  fingerprint,
  label,
  full = false,
}: {
  fingerprint: string;
  label: string;
  full?: boolean;
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Code title={fingerprint} style={{ wordBreak: full ? 'break-all' : undefined }}>
        {full ? fingerprint : shortFingerprint(fingerprint)}
      </Code>
      <CopyButton value={fingerprint} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : 'Copy fingerprint'}>
            <ActionIcon
              variant="subtle"
              size="sm"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={`Copy fingerprint of ${label}`}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/**
 * The first alternative name and "+N more": the whole list on hover or keyboard focus of "+N more" (a
 * button that opens the details, which list them all), never cut mid-name in a tooltip-only cell.
 */
export function SanCell({ san, label, onShowAll }: { san: readonly string[]; label: string; onShowAll: () => void }) {
  if (san.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const [first, ...others] = san;
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" truncate title={first} maw={180}>
        {first}
      </Text>
      {others.length ? (
        <Tooltip
          label={san.join(', ')}
          multiline
          maw={320}
          events={{ hover: true, focus: true, touch: true }}
          withinPortal
        >
          <UnstyledButton
            onClick={onShowAll}
            aria-label={`${others.length} more alternative names of ${label}: ${others.join(', ')}`}
            fz="sm"
            c="var(--mantine-color-blue-light-color)"
            style={{ whiteSpace: 'nowrap', flexShrink: 0, textDecoration: 'underline dotted' }}
          >
            +{others.length} more
          </UnstyledButton>
        </Tooltip>
      ) : null}
    </Group>
  );
}
