import { Checkbox, Group, NumberInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import type { FarmAvailableProbe } from '@/api/generated';
import { adaptToType, patternHints, type ProbeValues, type TypedNumber } from '@/features/farms/components/probe-values';
import { MAX_PORT, MIN_PORT } from '@/lib/validation/port-spec';
import { MIN_PROBE_INTERVAL } from '@/lib/validation/probe';

export interface ProbeEditorProps {
  value: ProbeValues;
  onChange: (next: ProbeValues) => void;
  errors: Partial<Record<keyof ProbeValues, string>>;
  /** the catalogue from `GET /availableFarmProbes` */
  available: readonly FarmAvailableProbe[];
  /** the farm's port, to say which port is probed by default */
  farmPort: TypedNumber;
}

const matchLabels: Record<string, string> = {
  default: 'Default check of this probe type',
  status: 'HTTP status is one of',
  contains: 'Reply contains',
  matches: 'Reply matches a regular expression',
};

/**
 * The farm's health check. Which fields appear follows `GET /availableFarmProbes`: the URL only for
 * types that take one, the port only for types that allow a custom port, methods and matches from
 * the type's own lists, "negate" only for negatable matches.
 */
export function ProbeEditor({ value, onChange, errors, available, farmPort }: ProbeEditorProps) {
  // `internal` is reserved for OVHcloud-managed objects: shown when present, never offered.
  const types = available.filter((entry) => entry.type !== 'internal');
  const kind = available.find((entry) => entry.type === value.type);
  const set = (patch: Partial<ProbeValues>) => onChange({ ...value, ...patch });
  const portHint = farmPort === '' ? 'the farm port' : `the farm port (${farmPort})`;

  return (
    <Stack gap="sm">
      <Switch
        label="Custom health check"
        description={
          value.enabled
            ? 'Servers with "probe" on are checked as set below; a server that fails is taken out of the rotation.'
            : 'Off: the load balancer opens a TCP connection to each probed server on the farm port (the API default).'
        }
        checked={value.enabled}
        onChange={(event) => set({ enabled: event.currentTarget.checked })}
      />
      {value.enabled ? (
        <Stack gap="sm" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}>
          <Select
            label="Probe type"
            data={types.map((entry) => entry.type)}
            value={value.type}
            onChange={(next) => {
              if (!next) return;
              onChange(adaptToType({ ...value, type: next }, available.find((entry) => entry.type === next)));
            }}
            allowDeselect={false}
            error={errors.type}
            comboboxProps={{ withinPortal: false }}
          />
          {kind?.url ? (
            <TextInput
              label="URL"
              description='Path to check, optionally with a host: "/health" or "www.example.com/health". Empty = "/".'
              value={value.url}
              onChange={(event) => set({ url: event.currentTarget.value })}
              error={errors.url}
            />
          ) : null}
          {kind?.method ? (
            <Select
              label="HTTP method"
              description="HEAD saves bandwidth when the server supports it."
              data={kind.method.filter((method) => method !== 'internal')}
              value={value.method || null}
              onChange={(next) => set({ method: next ?? '' })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: false }}
            />
          ) : null}
          {kind?.port ? (
            <NumberInput
              label="Probe port"
              description={`Empty = ${portHint}.`}
              value={value.port}
              onChange={(next) => set({ port: next })}
              min={MIN_PORT}
              max={MAX_PORT}
              clampBehavior="none"
              error={errors.port}
            />
          ) : (
            <Text size="xs" c="dimmed">
              This probe type always uses {portHint}.
            </Text>
          )}
          <Select
            label="Check the reply"
            data={(kind?.matches ?? ['default'])
              .filter((match) => match !== 'internal')
              .map((match) => ({ value: match, label: matchLabels[match] ?? match }))}
            value={value.match || 'default'}
            onChange={(next) => {
              if (!next) return;
              set({
                match: next,
                pattern: next === 'default' ? '' : value.pattern,
                negate: kind?.negatableMatches.includes(next) ? value.negate : false,
              });
            }}
            allowDeselect={false}
            error={errors.match}
            comboboxProps={{ withinPortal: false }}
          />
          {value.match && value.match !== 'default' ? (
            <TextInput
              label={patternHints[value.match]?.label ?? 'Expected reply'}
              description={patternHints[value.match]?.description}
              placeholder={patternHints[value.match]?.placeholder}
              value={value.pattern}
              onChange={(event) => set({ pattern: event.currentTarget.value })}
              error={errors.pattern}
              withAsterisk
            />
          ) : null}
          {kind?.negatableMatches.includes(value.match) ? (
            <Checkbox
              label="Negate: the server is up when the reply does NOT match"
              checked={value.negate}
              onChange={(event) => set({ negate: event.currentTarget.checked })}
            />
          ) : null}
          <Group grow align="flex-start">
            <NumberInput
              label="Interval (seconds)"
              description={`At least ${MIN_PROBE_INTERVAL}; empty = ${MIN_PROBE_INTERVAL}.`}
              value={value.interval}
              onChange={(next) => set({ interval: next })}
              clampBehavior="none"
              error={errors.interval}
            />
          </Group>
          <Checkbox
            label="Run the check over TLS (force SSL)"
            checked={value.forceSsl}
            onChange={(event) => set({ forceSsl: event.currentTarget.checked })}
          />
        </Stack>
      ) : null}
    </Stack>
  );
}
