import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  List,
  NumberInput,
  Progress,
  Select,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormSubmitRow } from '@/components/form-submit-row';
import { BalanceHTTPEnumValues, BalanceTCPEnumValues, StickinessHTTPEnumValues, StickinessTCPEnumValues } from '@/api/generated';
import { useCloneFarm } from '@/features/farms/api/clone-farm';
import { serviceContextQuery } from '@/features/farms/api/farm-context-queries';
import { useCreateFarm, useUpdateFarm } from '@/features/farms/api/farm-mutations';
import {
  emptyFarmValues,
  farmToValues,
  validateFarmValues,
  valuesToCreateBody,
  valuesToUpdatedFarm,
  type FarmFormValues,
} from '@/features/farms/components/farm-values';
import { ProbeEditor } from '@/features/farms/components/probe-editor';
import { validateProbeValues } from '@/features/farms/components/probe-values';
import { describeError } from '@/lib/describe-error';
import { farmLabel, farmQueries } from '@/lib/iplb/farm-queries';
import { protocolLabels, type FarmByProtocol, type Protocol, type ServerByProtocol } from '@/lib/iplb/protocol';
import { MAX_DISPLAY_NAME_LENGTH } from '@/lib/validation/fields';
import { MAX_PORT, MIN_PORT } from '@/lib/validation/port-spec';

const balanceHints: Record<string, string> = {
  roundrobin: 'roundrobin: each server in turn, by weight',
  leastconn: 'leastconn: the server with the fewest connections',
  first: 'first: fill the first server before using the next',
  source: 'source: the same client IP goes to the same server',
  uri: 'uri: the same URI goes to the same server',
};

export type FarmFormMode<P extends Protocol> =
  | { kind: 'create' }
  | { kind: 'edit'; farm: FarmByProtocol[P] }
  | { kind: 'clone'; farm: FarmByProtocol[P]; servers: readonly ServerByProtocol[P][] };

export interface FarmFormProps<P extends Protocol> {
  serviceName: string;
  protocol: P;
  mode: FarmFormMode<P>;
  onDone: (farm: { farmId: number }) => void;
  onCancel: () => void;
}

function initialValues<P extends Protocol>(mode: FarmFormMode<P>): FarmFormValues {
  if (mode.kind === 'create') return emptyFarmValues();
  const values = farmToValues(mode.farm);
  if (mode.kind === 'clone') {
    values.displayName = `Copy of ${farmLabel(mode.farm)}`.slice(0, MAX_DISPLAY_NAME_LENGTH);
  }
  return values;
}

/** Create, edit or clone a farm of one protocol: every writable field, checked as the user types. */
export function FarmForm<P extends Protocol>({ serviceName, protocol, mode, onDone, onCancel }: FarmFormProps<P>) {
  const probes = useQuery({ ...farmQueries.availableProbes(serviceName), enabled: protocol !== 'udp' });
  const context = useQuery(serviceContextQuery(serviceName));
  const available = probes.data ?? [];
  const creating = mode.kind !== 'edit';
  const create = useCreateFarm(serviceName, protocol);
  const update = useUpdateFarm(serviceName, protocol);
  const clone = useCloneFarm(serviceName, protocol);
  const [cloneError, setCloneError] = useState<unknown>(null);
  const [copyServers, setCopyServers] = useState(true);

  const form = useForm<FarmFormValues>({
    mode: 'controlled',
    initialValues: initialValues(mode),
    validate: (values) => validateFarmValues(values, protocol, available, creating),
    validateInputOnChange: true,
  });

  const zones = context.data?.zone ?? [];
  const onlyZone = creating && zones.length === 1 ? zones[0] : undefined;
  const { setFieldValue } = form;
  const zoneValue = form.values.zone;
  useEffect(() => {
    // a load balancer with one zone: choose it for the user (once: the guard stops at the first value)
    if (onlyZone && zoneValue === '') setFieldValue('zone', onlyZone);
  }, [onlyZone, zoneValue, setFieldValue]);

  const apiError = mode.kind === 'edit' ? update.error : mode.kind === 'clone' ? cloneError : create.error;
  // what the form needs from the API before it can send anything: the zones (to create) and the probe types
  const needsZones = creating;
  const needsProbes = protocol !== 'udp';
  const lookups = [
    ...(needsZones ? [{ what: 'zones', query: context }] : []),
    ...(needsProbes ? [{ what: 'probe types', query: probes }] : []),
  ];
  const failedLookups = lookups.filter(({ query }) => query.isError);
  const loadingLookups = lookups.filter(({ query }) => query.isPending);
  const retryLookups = () => failedLookups.forEach(({ query }) => void query.refetch());
  const blockedReason =
    failedLookups.length > 0
      ? `Nothing can be sent until the ${failedLookups.map(({ what }) => what).join(' and ')} are loaded.`
      : loadingLookups.length > 0
        ? `Loading the ${loadingLookups.map(({ what }) => what).join(' and ')}…`
        : null;
  const pending = create.isPending || update.isPending || Boolean(clone.progress?.running);
  const showVrack = Boolean(context.data?.vrackName) || form.values.vrackNetworkId !== '';
  // probe errors are computed from the current values on every render: always in step with what is typed
  const probeErrors = validateProbeValues(
    form.values.probe,
    available.find((entry) => entry.type === form.values.probe.type),
  );

  const submit = form.onSubmit(async (values) => {
    if (blockedReason) return; // Enter in a field: the reason is shown next to the disabled button
    if (mode.kind === 'edit') {
      update.mutate(valuesToUpdatedFarm(mode.farm, values, available), {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            title: `Farm ${farmLabel({ farmId: mode.farm.farmId, displayName: values.displayName || null })} saved`,
            message: 'Apply the configuration to make the change live.',
          });
          onDone(mode.farm);
        },
      });
      return;
    }
    const body = valuesToCreateBody(protocol, values, available);
    if (mode.kind === 'create') {
      create.mutate(body, {
        onSuccess: (farm) => {
          notifications.show({
            color: 'green',
            title: `Farm ${farmLabel(farm)} created`,
            message: 'Apply the configuration to make it live.',
          });
          onDone(farm);
        },
      });
      return;
    }
    setCloneError(null);
    try {
      const result = await clone.run(body, copyServers ? mode.servers : []);
      const failed = result.results.filter((item) => !item.ok).length;
      notifications.show({
        color: failed ? 'yellow' : 'green',
        title: failed
          ? `Farm cloned, but ${failed} of ${result.results.length} servers could not be copied`
          : `Farm cloned with ${result.results.length} server${result.results.length === 1 ? '' : 's'}`,
        message: 'Apply the configuration to make it live.',
      });
      if (!failed) onDone(result.farm!);
    } catch (error) {
      setCloneError(error);
    }
  });

  const balanceValues = protocol === 'http' ? BalanceHTTPEnumValues : BalanceTCPEnumValues;
  const stickinessValues = protocol === 'http' ? StickinessHTTPEnumValues : StickinessTCPEnumValues;
  const progress = clone.progress;

  return (
    <form onSubmit={submit} noValidate aria-label={`${protocolLabels[protocol]} farm`}>
      <Stack gap="sm">
        <TextInput
          label="Name"
          description={`Optional, up to ${MAX_DISPLAY_NAME_LENGTH} characters. Without a name the farm is shown as "Farm #id".`}
          {...form.getInputProps('displayName')}
          data-autofocus
        />
        {creating ? (
          context.isPending ? (
            <Skeleton h={60} />
          ) : context.isError ? (
            <TextInput label="Zone" withAsterisk value="" placeholder="Zones unavailable" disabled error="The zones could not be loaded" />
          ) : (
            <Select
              label="Zone"
              description="Where the farm runs. It cannot be changed after creation."
              data={zones}
              withAsterisk
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
              {...form.getInputProps('zone')}
            />
          )
        ) : (
          <TextInput
            label="Zone"
            value={form.values.zone}
            readOnly
            description="A farm's zone cannot be changed after creation (delete and recreate it)"
          />
        )}
        <NumberInput
          label="Port"
          description={
            protocol === 'udp'
              ? 'Port of the servers (required for UDP farms); a server may override it.'
              : 'Port of the servers. Empty = the port of the frontend that sends the traffic. A server may override it.'
          }
          withAsterisk={protocol === 'udp'}
          min={MIN_PORT}
          max={MAX_PORT}
          clampBehavior="none"
          {...form.getInputProps('port')}
        />
        {protocol !== 'udp' ? (
          <>
            <Select
              label="Balancing algorithm"
              description={form.values.balance ? balanceHints[form.values.balance] : 'Empty = roundrobin (the API default)'}
              placeholder="roundrobin (default)"
              data={balanceValues.map((value) => ({ value, label: value }))}
              clearable
              comboboxProps={{ withinPortal: false }}
              value={form.values.balance || null}
              onChange={(next) => form.setFieldValue('balance', next ?? '')}
            />
            <Select
              label="Stickiness"
              description={
                protocol === 'http'
                  ? 'Keep a client on the same server: by cookie or by source IP. Empty = none.'
                  : 'Keep a client on the same server by its source IP. Empty = none.'
              }
              placeholder="None (default)"
              data={stickinessValues.map((value) => ({ value, label: value === 'sourceIp' ? 'source IP' : value }))}
              clearable
              comboboxProps={{ withinPortal: false }}
              value={form.values.stickiness || null}
              onChange={(next) => form.setFieldValue('stickiness', next ?? '')}
            />
          </>
        ) : null}
        {showVrack ? (
          <NumberInput
            label="vRack network id"
            description="Required when the load balancer is attached to a vRack: the private network the servers are on."
            clampBehavior="none"
            {...form.getInputProps('vrackNetworkId')}
          />
        ) : null}
        {protocol !== 'udp' ? (
          <>
            <Divider label="Health check" labelPosition="left" />
            {probes.isPending ? (
              <Skeleton h={60} />
            ) : probes.error ? (
              <Text size="sm" c="red">
                Health check unavailable: the probe types could not be loaded.
              </Text>
            ) : (
              <ProbeEditor
                value={form.values.probe}
                onChange={(next) => form.setFieldValue('probe', next)}
                errors={probeErrors}
                available={available}
                farmPort={form.values.port}
              />
            )}
          </>
        ) : null}
        {mode.kind === 'clone' ? (
          <Checkbox
            label={`Also copy its ${mode.servers.length} server${mode.servers.length === 1 ? '' : 's'}`}
            checked={copyServers}
            disabled={mode.servers.length === 0}
            onChange={(event) => setCopyServers(event.currentTarget.checked)}
          />
        ) : null}
        {progress ? (
          <Stack gap={4} aria-live="polite">
            <Progress value={(progress.done / progress.total) * 100} aria-label="Clone progress" />
            <Text size="sm">
              {progress.running ? 'Cloning…' : 'Done'} {progress.done} of {progress.total} steps (the farm, then each server)
            </Text>
            {progress.results.length > 0 ? (
              <List size="sm" spacing={2}>
                {progress.results.map((item, index) => (
                  <List.Item key={index} c={item.ok ? undefined : 'red'}>
                    {item.ok ? '✓' : '✗'} {item.label}
                    {item.ok ? ' copied' : ` not copied: ${item.error}`}
                  </List.Item>
                ))}
              </List>
            ) : null}
          </Stack>
        ) : null}
        {failedLookups.length > 0 ? (
          <Alert color="red" role="alert" title={`The ${failedLookups.map(({ what }) => what).join(' and ')} could not be loaded`}>
            <Text size="sm">{describeError(failedLookups[0]!.query.error)}</Text>
            <Text size="sm">The farm cannot be {mode.kind === 'edit' ? 'saved' : 'created'} without them. What you typed is kept.</Text>
            <Button size="xs" variant="light" color="red" mt="xs" onClick={retryLookups}>
              Retry
            </Button>
          </Alert>
        ) : null}
        {apiError ? (
          <Alert color="red" role="alert" title="The API refused the change">
            {describeError(apiError)}
          </Alert>
        ) : null}
        <Group justify="flex-end" mt="sm">
          {progress && !progress.running && progress.farm ? (
            <Button onClick={() => onDone(progress.farm!)}>Open the new farm</Button>
          ) : (
            <FormSubmitRow
              submitLabel={mode.kind === 'edit' ? 'Save' : mode.kind === 'clone' ? 'Clone farm' : 'Create farm'}
              onCancel={onCancel}
              pending={pending}
              blockedReason={blockedReason}
            />
          )}
        </Group>
      </Stack>
    </form>
  );
}
