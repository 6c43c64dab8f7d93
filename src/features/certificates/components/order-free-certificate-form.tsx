import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { ListInput } from '@/components/list-input/list-input';
import { firstEntryError } from '@/components/list-input/list-entries';
import { useOrderFreeCertificate } from '@/features/certificates/api/certificate-mutations';
import { describeError } from '@/lib/describe-error';
import { validateFqdn } from '@/lib/validation/fields';

/** A name a free certificate can cover: a full host name, no wildcard, no IP address. */
export function validateFreeCertificateName(value: string): string | null {
  if (value.startsWith('*.')) return `${value}: free certificates cannot be wildcards; list each host name`;
  if (/^\d+(\.\d+){3}$/.test(value)) return `${value}: an IP address cannot be in a free certificate`;
  if (/^[^.]+\.[0-9]+$/.test(value)) return `${value} does not end with a top-level domain`;
  return validateFqdn(value);
}

/** Problems of the whole list: empty, or a name listed twice (names are case-insensitive). */
export function validateFreeCertificateNames(names: readonly string[]): string | null {
  if (names.length === 0) return 'List at least one domain name';
  const entryError = firstEntryError(names, validateFreeCertificateName);
  if (entryError) return entryError;
  const seen = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) return `${name} is listed twice`;
    seen.add(lower);
  }
  return null;
}

/**
 * Orders a free certificate (`POST /freeCertificate`). The names must already point to this load
 * balancer for the validation to succeed. The order is a task: the task panel follows it, and the
 * certificate list reloads when it is done.
 */
export function OrderFreeCertificateForm({
  serviceName,
  onDone,
}: {
  serviceName: string;
  onDone: () => void;
}) {
  const order = useOrderFreeCertificate(serviceName);
  const form = useForm<{ fqdn: string[] }>({
    mode: 'controlled',
    initialValues: { fqdn: [] },
    validate: { fqdn: validateFreeCertificateNames },
    validateInputOnChange: true,
  });
  return (
    <form
      aria-label="Order a free certificate"
      noValidate
      onSubmit={form.onSubmit(({ fqdn }) =>
        order.mutate(fqdn, {
          onSuccess: (task) => {
            notifications.show({
              closeButtonProps: { 'aria-label': 'Close notification' },
              color: 'blue',
              title: 'Free certificate ordered',
              message: `Task ${task.id} delivers it; the certificate list updates when it is done.`,
            });
            onDone();
          },
        }),
      )}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          OVHcloud issues a domain-validated certificate for these names and renews it. Each name must already
          resolve to this load balancer for OVHcloud to validate it.
        </Text>
        <ListInput
          label="Domain names"
          description="Full host names, e.g. www.example.com; separate them with spaces, commas or Enter. No wildcard."
          placeholder="www.example.com"
          value={form.values.fqdn}
          onChange={(value) => form.setFieldValue('fqdn', value)}
          validateEntry={validateFreeCertificateName}
          // entry problems are shown on the entries themselves; only list-wide ones here
          error={
            firstEntryError(form.values.fqdn, validateFreeCertificateName) ? undefined : form.errors.fqdn
          }
        />
        {order.error ? (
          <Alert color="red" role="alert" title="The API refused the order">
            {describeError(order.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={order.isPending}>
            Order certificate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
