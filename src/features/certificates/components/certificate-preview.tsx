import { Badge, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { expiryState, formatDate } from '@/features/certificates/certificate-expiry';
import type { CertificateUploadCheck } from '@/lib/pem/upload-checks';

/** What the pasted certificate is, read in the browser: subject, SAN, issuer, validity, key and chain. */
export function CertificatePreview({ check }: { check: CertificateUploadCheck }) {
  const info = check.certificate;
  if (!info) return null;
  const expiry = expiryState(info.notAfter);
  const rows: [string, React.ReactNode][] = [
    ['Subject', info.subject],
    ['Alternative names', info.san.length ? info.san.join(', ') : 'none'],
    ['Issuer', info.selfSigned ? `${info.issuer} (self-signed)` : info.issuer],
    [
      'Valid',
      <Group gap="xs" key="valid">
        <span>
          {formatDate(info.notBefore)} → {formatDate(info.notAfter)}
        </span>
        <Badge color={expiry.color} variant="light">
          {expiry.text}
        </Badge>
      </Group>,
    ],
    [
      'Private key',
      check.keyMatches === null
        ? 'not checked yet'
        : check.keyMatches
          ? 'matches the certificate'
          : 'does NOT match the certificate',
    ],
    ['Chain', check.chain.length ? check.chain.map((item) => item.subject).join(' → ') : 'none'],
  ];
  return (
    <Paper withBorder p="sm" radius="sm" aria-label="Certificate read from the PEM text" role="region">
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {info.commonName ?? info.subject}
        </Text>
        <Table withRowBorders={false} verticalSpacing={2} fz="sm">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={140} fw={500} c="dimmed">
                  {label}
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
