import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { OnMarkedDownEnumValues, ProxyProtocolVersionEnumValues } from '@/api/generated';
import { useCreateServer, useUpdateServer } from '@/features/servers/api/server-mutations';
import {
  emptyServerValues,
  serverToValues,
  validateServerValues,
  valuesToCreateBody,
  valuesToUpdatedServer,
  type ServerFormValues,
} from '@/features/servers/components/server-values';
import { describeError } from '@/lib/describe-error';
import { protocolLabels, type Protocol, type ServerByProtocol } from '@/lib/iplb/protocol';
import { serverLabel } from '@/lib/iplb/server-queries';
import { MAX_DISPLAY_NAME_LENGTH } from '@/lib/validation/fields';
import { MAX_PORT, MIN_PORT } from '@/lib/validation/port-spec';

export type ServerFormMode<P extends Protocol> =
  | { kind: 'create' }
  | { kind: 'edit'; server: ServerByProtocol[P] }
  | { kind: 'clone'; server: ServerByProtocol[P] };

export interface ServerFormProps<P extends Protocol> {
  serviceName: string;
  protocol: P;
  farmId: number;
  /** the farm's port, to say what an empty port means */
  farmPort: number | null;
  mode: ServerFormMode<P>;
  onDone: () => void;
  onCancel: () => void;
}

const proxyProtocolHints: Record<string, string> = {
  v1: 'v1: text header',
  v2: 'v2: binary header',
  'v2-ssl': 'v2-ssl: v2 with TLS information',
  'v2-ssl-cn': 'v2-ssl-cn: v2 with TLS information and the client certificate CN',
};

function initialValues<P extends Protocol>(mode: ServerFormMode<P>): ServerFormValues {
  if (mode.kind === 'create') return emptyServerValues;
  // a clone starts as a full copy (often the same machine on another port, or a neighbour address)
  return serverToValues(mode.server);
}

/** Add, edit or clone a server of one protocol: every writable field, checked as the user types. */
export function ServerForm<P extends Protocol>({ serviceName, protocol, farmId, farmPort, mode, onDone, onCancel }: ServerFormProps<P>) {
  const creating = mode.kind !== 'edit';
  const create = useCreateServer(serviceName, protocol);
  const update = useUpdateServer(serviceName, protocol);
  const form = useForm<ServerFormValues>({
    mode: 'controlled',
    initialValues: initialValues(mode),
    validate: (values) => validateServerValues(values, protocol, creating),
    validateInputOnChange: true,
  });
  const apiError = creating ? create.error : update.error;
  const full = protocol !== 'udp';
  const farmPortText = farmPort ? `the farm port (${farmPort})` : "the farm port (itself the frontend's port when empty)";

  const submit = form.onSubmit((values) => {
    if (mode.kind === 'edit') {
      update.mutate(valuesToUpdatedServer(mode.server, values), {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: `Server ${serverLabel({ ...mode.server, displayName: values.displayName || null })} saved`,
            message: 'Apply the configuration to make the change live.',
          });
          onDone();
        },
      });
      return;
    }
    create.mutate(
      { farmId, body: valuesToCreateBody(protocol, values) },
      {
        onSuccess: (server) => {
          notifications.show({
            color: 'green',
            title: `Server ${serverLabel(server)} created`,
            message: 'Apply the configuration to make it live.',
          });
          onDone();
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate aria-label={`${protocolLabels[protocol]} server`}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {creating ? (
            <TextInput
              label="Address"
              description="IPv4 address of the machine, such as 203.0.113.10"
              withAsterisk
              autoComplete="off"
              data-autofocus
              {...form.getInputProps('address')}
            />
          ) : (
            <TextInput
              label="Address"
              value={form.values.address}
              readOnly
              description="A server's address cannot be changed; delete and add a new server"
            />
          )}
          <NumberInput
            label="Port"
            description={`Empty = ${farmPortText}`}
            min={MIN_PORT}
            max={MAX_PORT}
            clampBehavior="none"
            {...form.getInputProps('port')}
          />
        </SimpleGrid>
        <TextInput
          label="Name"
          description={`Optional, up to ${MAX_DISPLAY_NAME_LENGTH} characters`}
          {...form.getInputProps('displayName')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="server-status-label">
            Status
          </Text>
          <SegmentedControl
            aria-labelledby="server-status-label"
            data={[
              { value: 'active', label: 'Active' },
              { value: 'inactive', label: 'Inactive' },
            ]}
            value={form.values.status}
            onChange={(next) => form.setFieldValue('status', next as ServerFormValues['status'])}
          />
          <Text size="xs" c="dimmed">
            An inactive server receives no traffic and is not checked.
          </Text>
        </Stack>
        {full ? (
          <>
            <NumberInput
              label="Weight"
              description="0–256, 1 by default (empty = 1). Higher gets more traffic; 0 = no balanced traffic (kept for stickiness and backup)."
              clampBehavior="none"
              {...form.getInputProps('weight')}
            />
            <Checkbox
              label="Backup: used only when no other server is up"
              {...form.getInputProps('backup', { type: 'checkbox' })}
            />
            <Checkbox
              label="Health check (probe): check this server with the farm's probe and take it out when it fails"
              description="Off (the default): traffic is sent to it whether it answers or not."
              {...form.getInputProps('probe', { type: 'checkbox' })}
            />
            <Checkbox
              label="SSL: encrypt traffic to this server (probes too)"
              {...form.getInputProps('ssl', { type: 'checkbox' })}
            />
            {form.values.ssl ? (
              <Textarea
                label="CA chain (PEM)"
                description="Optional: certificates used to verify the server's certificate. Empty = not verified."
                placeholder="-----BEGIN CERTIFICATE-----"
                rows={5}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
                {...form.getInputProps('chain')}
              />
            ) : null}
            {protocol === 'http' ? (
              <TextInput
                label="Cookie value"
                description='Used by "cookie" stickiness to send a client back to this server. Empty = generated by the load balancer.'
                {...form.getInputProps('cookie')}
              />
            ) : null}
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <Select
                label="PROXY protocol"
                description={form.values.proxyProtocolVersion ? proxyProtocolHints[form.values.proxyProtocolVersion] : 'Empty = off. The server must support it.'}
                placeholder="Off (default)"
                data={[...ProxyProtocolVersionEnumValues]}
                clearable
                comboboxProps={{ withinPortal: false }}
                value={form.values.proxyProtocolVersion || null}
                onChange={(next) => form.setFieldValue('proxyProtocolVersion', next ?? '')}
              />
              <Select
                label="When marked down"
                description="shutdown-sessions closes its open sessions. Empty = they are left to end."
                placeholder="Nothing (default)"
                data={[...OnMarkedDownEnumValues]}
                clearable
                comboboxProps={{ withinPortal: false }}
                value={form.values.onMarkedDown || null}
                onChange={(next) => form.setFieldValue('onMarkedDown', next ?? '')}
              />
            </SimpleGrid>
          </>
        ) : null}
        {apiError ? (
          <Alert color="red" role="alert" title="The API refused the change">
            {describeError(apiError)}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {mode.kind === 'edit' ? 'Save' : 'Add server'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
