import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
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
