import { Button, Drawer, Group, List, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Ssl } from '@/api/generated';
import { ExpiryCell, FingerprintCell, TypeBadge } from '@/features/certificates/components/certificate-cells';
import {
  certificateLabel,
  certificateTypeLabels,
  frontendLabel,
  subjectCommonName,
  type CertificateUser,
} from '@/lib/iplb/ssl-queries';

interface CertificateDrawerProps {
  certificate: Ssl | null;
  users: CertificateUser[];
  onClose: () => void;
  onRename: (certificate: Ssl) => void;
  onDelete: (certificate: Ssl) => void;
}

/** Every field of a certificate, and the frontends that serve it. */
export function CertificateDrawer({
  certificate,
  users,
  onClose,
  onRename,
  onDelete,
}: CertificateDrawerProps) {
  const label = certificate ? certificateLabel(certificate) : '';
  const rows: [string, ReactNode][] = certificate
    ? [
        ['Id', certificate.id],
        [
          'Name',
          certificate.displayName ?? (
            <Text c="dimmed" size="sm">
              none
            </Text>
          ),
        ],
        ['Subject', certificate.subject],
        ['Common name', subjectCommonName(certificate.subject) ?? '—'],
        ['Alternative names', certificate.san.length ? certificate.san.join(', ') : 'none'],
        [
          'Type',
          <Stack gap={2} key="type">
            <TypeBadge type={certificate.type} />
            <Text size="xs" c="dimmed">
              {certificateTypeLabels[certificate.type ?? 'unknown'].description}
            </Text>
          </Stack>,
        ],
        [
          'Expires',
          <Stack gap={2} key="expires">
            <ExpiryCell certificate={certificate} detailed />
            <Text size="xs" c="dimmed">
              {new Date(certificate.expireDate).toISOString()}
            </Text>
          </Stack>,
        ],
        [
          'Fingerprint',
          <FingerprintCell key="fp" fingerprint={certificate.fingerprint} label={label} full />,
        ],
        [
          'Serial',
          <Text key="serial" size="sm" style={{ wordBreak: 'break-all' }}>
            {certificate.serial}
          </Text>,
        ],
      ]
    : [];
  return (
    <Drawer
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={certificate !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={certificate ? `Certificate ${label}` : ''}
    >
      {certificate ? (
        <Stack gap="md">
          <Table withRowBorders={false} verticalSpacing={4} aria-label="Certificate details">
            <Table.Tbody>
              {rows.map(([name, value]) => (
                <Table.Tr key={name}>
                  <Table.Th w={150} fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
                    {name}
                  </Table.Th>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <div>
            <Text fw={600} size="sm" mb={4}>
              Served by default by
            </Text>
            {users.length ? (
              <List size="sm">
                {users.map((user) => (
                  <List.Item key={`${user.protocol}-${user.frontendId}`}>
                    {frontendLabel(user)}, zone {user.zone}
                  </List.Item>
                ))}
              </List>
            ) : (
              <Text size="sm" c="dimmed">
                No frontend uses it as its default certificate.
              </Text>
            )}
          </div>
          <Group>
            <Button variant="default" onClick={() => onRename(certificate)}>
              Rename
            </Button>
            <Button color="red" variant="light" onClick={() => onDelete(certificate)}>
              Delete
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Drawer>
  );
}
