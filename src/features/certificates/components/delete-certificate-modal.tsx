import { Alert, Button, Group, List, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Ssl } from '@/api/generated';
import { useDeleteCertificate } from '@/features/certificates/api/certificate-mutations';
import { describeError } from '@/lib/describe-error';
import { certificateLabel, frontendLabel, type CertificateUser } from '@/lib/iplb/ssl-queries';

/** Confirms a delete, naming the certificate and the frontends that serve it. */
export function DeleteCertificateModal({
  serviceName,
  certificate,
  users,
  onClose,
}: {
  serviceName: string;
  certificate: Ssl | null;
  users: CertificateUser[];
  onClose: () => void;
}) {
  const remove = useDeleteCertificate(serviceName);
  const close = () => {
    remove.reset();
    onClose();
  };
  const label = certificate ? certificateLabel(certificate) : '';
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
          {users.length ? (
            <Alert
              color="orange"
              mt="sm"
              title={`${users.length} frontend${users.length > 1 ? 's serve' : ' serves'} it by default`}
            >
              <List size="sm">
                {users.map((user) => (
                  <List.Item key={`${user.protocol}-${user.frontendId}`}>{frontendLabel(user)}</List.Item>
                ))}
              </List>
              <Text size="sm" mt="xs">
                The API may refuse to delete a certificate still in use: choose another default certificate on
                these frontends first.
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
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
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
