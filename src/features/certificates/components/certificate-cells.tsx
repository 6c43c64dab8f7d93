import { ActionIcon, Badge, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { Ssl } from '@/api/generated';
import { expiryState, formatDate, shortFingerprint } from '@/features/certificates/certificate-expiry';
import { certificateTypeLabels } from '@/lib/iplb/ssl-queries';

export function ExpiryCell({ expireDate, now }: { expireDate: string; now?: number }) {
  const state = expiryState(expireDate, now);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm">{formatDate(expireDate)}</Text>
      <Badge color={state.color} variant={state.level === 'ok' ? 'light' : 'filled'} size="sm">
        {state.text}
      </Badge>
    </Group>
  );
}

export function TypeBadge({ type }: { type: Ssl['type'] }) {
  const info = certificateTypeLabels[type ?? 'unknown'];
  return (
    <Badge variant="light" color={type === 'custom' ? 'blue' : type === 'built' ? 'teal' : 'gray'} size="sm">
      {info.label}
    </Badge>
  );
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
