import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconCertificate, IconDots, IconPlus, IconSearch, IconShieldCheck } from '@tabler/icons-react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Ssl } from '@/api/generated';
import { DataTable, type DataTableColumn } from '@/components/data-table/data-table';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { useClearUrlParams, useUrlSort, useUrlState } from '@/components/url-state';
import { certificateExpiry, expiringSoonDays } from '@/features/certificates/certificate-expiry';
import { filterCertificates, type CertificateShow } from '@/features/certificates/certificate-filter';
import { ExpiryCell, FingerprintCell, SanCell, TypeBadge } from '@/features/certificates/components/certificate-cells';
import { CertificateDrawer } from '@/features/certificates/components/certificate-drawer';
import { DeleteCertificateModal } from '@/features/certificates/components/delete-certificate-modal';
import { OrderFreeCertificateForm } from '@/features/certificates/components/order-free-certificate-form';
import { RenameCertificateForm } from '@/features/certificates/components/rename-certificate-form';
import { UploadCertificateForm } from '@/features/certificates/components/upload-certificate-form';
import { describeError } from '@/lib/describe-error';
import { frontendName, frontendQueries } from '@/lib/iplb/frontend-queries';
import {
  certificateLabel,
  certificateTypeLabels,
  certificateUsers,
  sslQueries,
  subjectCommonName,
  usersByCertificate,
  type CertificateUser,
} from '@/lib/iplb/ssl-queries';

type Dialog = { kind: 'upload' } | { kind: 'order' } | { kind: 'rename'; certificate: Ssl } | null;

/**
 * The load balancer's certificates: expiry with days left, SAN, fingerprint and the frontends serving
 * each; text and "expiring soon" filters and the sort in the URL; details, upload, rename, delete and
 * free-certificate order.
 */
export function CertificatesPage({ serviceName }: { serviceName: string }) {
  const certificates = useQuery(sslQueries.list(serviceName));
  const [http, tcp] = useQueries({
    queries: [frontendQueries.list(serviceName, 'http'), frontendQueries.list(serviceName, 'tcp')],
  });
  const users = useMemo(
    () => usersByCertificate(certificateUsers(http?.data, tcp?.data)),
    [http?.data, tcp?.data],
  );

  const [text, setText] = useUrlState('q');
  const [showText, setShow] = useUrlState('show', 'all');
  const show: CertificateShow = showText === 'expiring' ? 'expiring' : 'all';
  const [sort, setSort] = useUrlSort('sort', { columnId: 'expires', direction: 'asc' });
  const [selectedText, setSelected] = useUrlState('certificate');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [deleting, setDeleting] = useState<Ssl | null>(null);

  const all = useMemo(() => certificates.data ?? [], [certificates.data]);
  const visible = useMemo(() => filterCertificates(all, { text, show }, users), [all, text, show, users]);
  // managed (`built`) certificates renewed by OVHcloud raise no warning unless expired: see certificateExpiry
  const attention = all.filter((certificate) => certificateExpiry(certificate).level !== 'ok');
  const expired = attention.filter((certificate) => certificateExpiry(certificate).level === 'expired');
  const selected = all.find((certificate) => String(certificate.id) === selectedText) ?? null;
  const usersOf = (certificate: Ssl): CertificateUser[] => users.get(certificate.id) ?? [];
  const usersLoading = http?.isPending || tcp?.isPending;

  const columns: DataTableColumn<Ssl>[] = [
    {
      id: 'name',
      header: 'Name',
      sortValue: (row) => certificateLabel(row).toLowerCase(),
      cell: (row) => (
        <Anchor
          component="button"
          c="var(--mantine-color-blue-light-color)"
          type="button"
          size="sm"
          fw={600}
          onClick={() => setSelected(String(row.id))}
          aria-label={`Details of ${certificateLabel(row)}`}
          title={certificateLabel(row)}
          maw={220}
          truncate
          ta="left"
          display="block"
        >
          {certificateLabel(row)}
        </Anchor>
      ),
    },
    {
      id: 'cn',
      header: 'Common name',
      sortValue: (row) => subjectCommonName(row.subject),
      cell: (row) => (
        <Text size="sm" truncate maw={200} title={subjectCommonName(row.subject) ?? undefined}>
          {subjectCommonName(row.subject) ?? '—'}
        </Text>
      ),
    },
    {
      id: 'san',
      header: 'Alternative names',
      cell: (row) => (
        <SanCell san={row.san} label={certificateLabel(row)} onShowAll={() => setSelected(String(row.id))} />
      ),
    },
    {
      id: 'type',
      header: 'Type',
      sortValue: (row) => certificateTypeLabels[row.type ?? 'unknown'].label,
      cell: (row) => <TypeBadge type={row.type} />,
    },
    {
      id: 'expires',
      header: 'Expires',
      sortValue: (row) => row.expireDate,
      cell: (row) => <ExpiryCell certificate={row} />,
    },
    {
      id: 'fingerprint',
      header: 'Fingerprint',
      cell: (row) => <FingerprintCell fingerprint={row.fingerprint} label={certificateLabel(row)} />,
    },
    {
      id: 'usedBy',
      header: 'Used by',
      sortValue: (row) => usersOf(row).length,
      cell: (row) => {
        const list = usersOf(row);
        if (usersLoading)
          return (
            <Text size="sm" c="dimmed">
              …
            </Text>
          );
        return list.length ? (
          <Text size="sm" title={list.map((user) => frontendName(user)).join(', ')} truncate maw={180}>
            {list.map((user) => frontendName(user)).join(', ')}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No frontend
          </Text>
        );
      },
    },
    {
      id: 'actions',
      header: <VisuallyHidden>Actions</VisuallyHidden>,
      width: 48,
      cell: (row) => (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${certificateLabel(row)}`}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => setSelected(String(row.id))}>Details</Menu.Item>
            <Menu.Item onClick={() => setDialog({ kind: 'rename', certificate: row })}>Rename</Menu.Item>
            <Menu.Item color="red" onClick={() => setDeleting(row)}>
              Delete
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];

  const filtered = Boolean(text) || show !== 'all';
  const clearFilters = useClearUrlParams('q', 'show');
  const empty = filtered ? (
    <EmptyState icon={<IconSearch size={24} />} title="No certificate matches these filters">
      <Button variant="subtle" onClick={clearFilters}>
        Clear filters
      </Button>
    </EmptyState>
  ) : (
    <EmptyState
      icon={<IconCertificate size={24} />}
      title="No certificate yet"
      actions={
        <Group justify="center">
          <Button onClick={() => setDialog({ kind: 'upload' })}>Upload certificate</Button>
          <Button variant="default" onClick={() => setDialog({ kind: 'order' })}>
            Order free certificate
          </Button>
        </Group>
      }
    >
      HTTPS and TLS frontends need a certificate. Upload yours (PEM), or order a free one that OVHcloud issues
      and renews.
    </EmptyState>
  );

  return (
    <>
      <PageHeader
        title="Certificates"
        description="TLS certificates of this load balancer, with their expiry and the frontends that serve them."
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconShieldCheck size={16} />}
              onClick={() => setDialog({ kind: 'order' })}
            >
              Order free certificate
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ kind: 'upload' })}>
              Upload certificate
            </Button>
          </>
        }
      />
      {certificates.isError ? (
        <Alert color="red" title="Could not load the certificates" role="alert" mb="md">
          {describeError(certificates.error)}{' '}
          <Button size="compact-sm" variant="subtle" onClick={() => void certificates.refetch()}>
            Retry
          </Button>
        </Alert>
      ) : null}
      {attention.length > 0 ? (
        <Alert
          color={expired.length ? 'red' : 'orange'}
          mb="md"
          title={expired.length ? `${expired.length} expired` : 'Expiring soon'}
        >
          {attention.length} certificate{attention.length > 1 ? 's' : ''} expired or expire
          {attention.length > 1 ? '' : 's'} within {expiringSoonDays} days.{' '}
          {show !== 'expiring' ? (
            <Anchor
              component="button"
              type="button"
              size="sm"
              c="var(--mantine-color-blue-light-color)"
              onClick={() => setShow('expiring')}
            >
              Show only those
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <Group mb="sm" gap="sm" wrap="wrap">
        <TextInput
          aria-label="Filter certificates"
          placeholder="Name, domain, fingerprint…"
          leftSection={<IconSearch size={16} />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          w={340}
        />
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(value) => setShow(value)}
          data={[
            { value: 'all', label: `All (${all.length})` },
            { value: 'expiring', label: `Expiring soon (${attention.length})` },
          ]}
        />
        {filtered ? (
          <Text size="sm" c="dimmed" aria-live="polite">
            {visible.length} of {all.length} shown
          </Text>
        ) : null}
      </Group>
      <DataTable
        label="Certificates"
        data={visible}
        columns={columns}
        getRowKey={(row) => row.id}
        sort={sort}
        onSortChange={setSort}
        loading={certificates.isPending}
        empty={empty}
        rowHeight={52}
      />
      <Text size="xs" c="dimmed" mt="xs">
        Types — Custom: {certificateTypeLabels.custom.description} Managed:{' '}
        {certificateTypeLabels.built.description} Managed, not routed:{' '}
        {certificateTypeLabels.built_not_routed.description}
      </Text>

      <CertificateDrawer
        certificate={selected}
        users={selected ? usersOf(selected) : []}
        onClose={() => setSelected('')}
        onRename={(certificate) => setDialog({ kind: 'rename', certificate })}
        onDelete={setDeleting}
      />
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={dialog?.kind === 'upload'}
        onClose={() => setDialog(null)}
        title="Upload certificate"
        size="xl"
      >
        <UploadCertificateForm
          serviceName={serviceName}
          onCancel={() => setDialog(null)}
          onDone={(certificate) => {
            setDialog(null);
            setSelected(String(certificate.id));
          }}
        />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={dialog?.kind === 'order'}
        onClose={() => setDialog(null)}
        title="Order a free certificate"
        size="lg"
      >
        <OrderFreeCertificateForm serviceName={serviceName} onDone={() => setDialog(null)} />
      </Modal>
      <Modal
        closeButtonProps={{ 'aria-label': 'Close' }}
        opened={dialog?.kind === 'rename'}
        onClose={() => setDialog(null)}
        title="Rename certificate"
      >
        {dialog?.kind === 'rename' ? (
          <RenameCertificateForm
            serviceName={serviceName}
            certificate={dialog.certificate}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
      <DeleteCertificateModal
        serviceName={serviceName}
        certificate={deleting}
        users={deleting ? usersOf(deleting) : []}
        usersState={usersLoading ? 'loading' : http?.isError || tcp?.isError ? 'error' : 'ready'}
        onClose={() => {
          if (deleting && selected?.id === deleting.id) setSelected('');
          setDeleting(null);
        }}
      />
    </>
  );
}
