import { Alert, Button, Group, List, Loader, Modal, Text } from '@mantine/core';
import { useId } from 'react';
import { notifications } from '@mantine/notifications';
import type { Ssl } from '@/api/generated';
import { useDeleteCertificate } from '@/features/certificates/api/certificate-mutations';
import { describeError } from '@/lib/describe-error';
import { certificateLabel, frontendLabel, type CertificateUser } from '@/lib/iplb/ssl-queries';

export const certificateInUseReason = 'Choose another certificate for these frontends first';

/**
 * Confirms a delete, naming the certificate and the frontends that serve it by default. Like a farm in use,
 * a certificate in use cannot be deleted (the API refuses): the Delete button is disabled with the reason.
 * If the API still refuses (a frontend started using it meanwhile), its message and request id are shown.
 */
export function DeleteCertificateModal({
  serviceName,
  certificate,
  users,
  usersState = 'ready',
  onClose,
}: {
  serviceName: string;
  certificate: Ssl | null;
  users: CertificateUser[];
  /** whether the frontend lists that say who uses the certificate are loaded */
  usersState?: 'loading' | 'error' | 'ready';
  onClose: () => void;
}) {
  const remove = useDeleteCertificate(serviceName);
  const reasonId = useId();
  const close = () => {
    remove.reset();
    onClose();
  };
  const label = certificate ? certificateLabel(certificate) : '';
  const inUse = users.length > 0;
  const blockedReason =
    usersState === 'loading' ? 'Checking which frontends use it…' : inUse ? certificateInUseReason : null;
  return (
    <Modal
      closeButtonProps={{ 'aria-label': 'Close' }}
      opened={certificate !== null}
      onClose={close}
      title={`Delete certificate ${label}?`}
    >
      {certificate ? (
        <>
          <Text size="sm">
            Certificate <strong>{label}</strong> (#{certificate.id}, {certificate.subject}) will be removed
            from this load balancer.
          </Text>
          {usersState === 'loading' ? (
            <Group gap="xs" mt="sm">
              <Loader size="xs" />
              <Text size="sm">Checking which frontends use it…</Text>
            </Group>
          ) : usersState === 'error' ? (
            <Text size="sm" mt="sm" c="red">
              Could not check which frontends use it: the API refuses the delete if one still does.
            </Text>
          ) : inUse ? (
            <Alert
              color="red"
              mt="sm"
              title={`In use: ${users.length} frontend${users.length > 1 ? 's serve' : ' serves'} it by default`}
            >
              <List size="sm">
                {users.map((user) => (
                  <List.Item key={`${user.protocol}-${user.frontendId}`}>
                    {frontendLabel(user)}, zone {user.zone}
                  </List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                The API refuses to delete a certificate that a frontend serves by default: choose another
                default certificate on these frontends first.
              </Text>
            </Alert>
          ) : (
            <Text size="sm" mt="sm" c="dimmed">
              No frontend uses it as its default certificate.
            </Text>
          )}
          {remove.error ? (
            <Alert color="red" mt="sm" role="alert" title="The API refused to delete it">
              {describeError(remove.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end" mt="md" wrap="nowrap">
            {blockedReason ? (
              <Text id={reasonId} size="sm" c="dimmed" mr="auto">
                {blockedReason}
              </Text>
            ) : null}
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              disabled={blockedReason !== null}
              aria-describedby={blockedReason ? reasonId : undefined}
              onClick={() =>
                remove.mutate(certificate.id, {
                  onSuccess: () => {
                    notifications.show({
                      closeButtonProps: { 'aria-label': 'Close notification' },
                      color: 'green',
                      message: `Certificate ${label} deleted`,
                    });
                    close();
                  },
                })
              }
            >
              Delete certificate
            </Button>
          </Group>
        </>
      ) : null}
    </Modal>
  );
}
