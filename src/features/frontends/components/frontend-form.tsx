import { Alert, Button, Divider, Group, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormSubmitRow } from '@/components/form-submit-row';
import { ListInput } from '@/components/list-input/list-input';
import { describeError } from '@/lib/describe-error';
import { farmLabel, farmQueries } from '@/lib/iplb/farm-queries';
import { frontendQueries } from '@/lib/iplb/frontend-queries';
import { protocolLabels, type AnyFarm, type FrontendByProtocol, type Protocol } from '@/lib/iplb/protocol';
import { certificateLabel, sslQueries } from '@/lib/iplb/ssl-queries';
import { OvhApiError } from '@/lib/ovh/errors';
import { MAX_DISPLAY_NAME_LENGTH } from '@/lib/validation/fields';
import { useCreateFrontend, useUpdateFrontend } from '@/features/frontends/api/frontend-mutations';
import {
  emptyFrontendValues,
  farmFitsZone,
  frontendToValues,
  hasTls,
  sourcesConflict,
  toCreateBody,
  toUpdateBody,
  validateBlock,
  validateFrontendValues,
  type FrontendFormValues,
} from '@/features/frontends/components/frontend-form-values';
import { summarizePortSpec } from '@/features/frontends/components/port-summary';

export interface FrontendFormProps<P extends Protocol> {
  serviceName: string;
  protocol: P;
  /** the frontend to edit, as GET returned it; absent to create one */
  frontend?: FrontendByProtocol[P];
  onDone: () => void;
  onCancel: () => void;
}

const fieldNames: readonly (keyof FrontendFormValues)[] = [
  'displayName', 'zone', 'port', 'defaultFarmId', 'defaultSslId', 'ssl', 'hsts', 'redirectLocation', 'httpHeader',
  'allowedSource', 'deniedSource', 'dedicatedIpfo', 'disabled',
];

/** Words of an API message that point at one field, most specific first. */
const apiMessageFields: readonly [RegExp, keyof FrontendFormValues][] = [
  [/\ballowedSource\b/, 'allowedSource'],
  [/\bdeniedSource\b/, 'deniedSource'],
  [/\bdedicatedIpfo\b/, 'dedicatedIpfo'],
  [/\bredirectLocation\b/, 'redirectLocation'],
  [/\bhttpHeader\b/, 'httpHeader'],
  [/\bdisplayName\b|\bdisplay name\b/i, 'displayName'],
  [/\bdefaultSslId\b|\bcertificate\b/i, 'defaultSslId'],
  [/\bdefaultFarmId\b|\bfarm\b/i, 'defaultFarmId'],
  [/\bports?\b/i, 'port'],
  [/\bzone\b/i, 'zone'],
];

/** The field an API refusal is about, when its message names one (`[port] …`, `Default farm 12 …`). */
function fieldOfApiError(message: string): keyof FrontendFormValues | null {
  const bracket = /^\[(\w+)/.exec(message)?.[1];
  if (bracket && fieldNames.includes(bracket as keyof FrontendFormValues)) return bracket as keyof FrontendFormValues;
  return apiMessageFields.find(([pattern]) => pattern.test(message))?.[1] ?? null;
}

/** Creates or edits a frontend: every writable field of the protocol, checked as the API checks it, as the user types. */
export function FrontendForm<P extends Protocol>({ serviceName, protocol, frontend, onDone, onCancel }: FrontendFormProps<P>) {
  const farms = useQuery(farmQueries.list(serviceName, protocol));
  const zones = useQuery(frontendQueries.zones(serviceName));
  const certificates = useQuery({ ...sslQueries.list(serviceName), enabled: hasTls(protocol) });
  const failoverIps = useQuery(frontendQueries.failoverIps(serviceName));
  const create = useCreateFrontend(serviceName, protocol);
  const update = useUpdateFrontend(serviceName, protocol);
  const mutation = frontend ? update : create;

  // what the form offers to choose from: without them nothing is sent (a missing list would look empty)
  const lookups = [
    ...(frontend ? [] : [{ what: 'zones', query: zones }]),
    { what: `${protocolLabels[protocol]} farms`, query: farms },
    ...(hasTls(protocol) ? [{ what: 'certificates', query: certificates }] : []),
  ];
  const failedLookups = lookups.filter(({ query }) => query.isError);
  const blockedReason =
    failedLookups.length > 0 ? `Nothing can be sent until the ${failedLookups.map(({ what }) => what).join(' and ')} are loaded.` : null;
  const queryClient = useQueryClient();
  const defaultZone = zones.data?.length === 1 ? zones.data[0]! : '';
  const form = useForm<FrontendFormValues>({
    mode: 'controlled',
    initialValues: frontend ? frontendToValues(frontend) : emptyFrontendValues(defaultZone),
    validate: (values) =>
      validateFrontendValues(protocol, values, queryClient.getQueryData<AnyFarm[]>(farmQueries.list(serviceName, protocol).queryKey)),
    validateInputOnChange: true,
  });
  const { values } = form;
  const onlyZone = !frontend && zones.data?.length === 1 ? zones.data[0] : undefined;
  const { setFieldValue } = form;
  useEffect(() => {
    // a load balancer with one zone: choose it for the user (once: the guard stops at the first value)
    if (onlyZone && values.zone === '') setFieldValue('zone', onlyZone);
  }, [onlyZone, values.zone, setFieldValue]);

  // one field's change can make another valid or invalid: re-check those the user has touched
  const setAndRecheck = <K extends keyof FrontendFormValues>(field: K, value: FrontendFormValues[K], dependents: (keyof FrontendFormValues)[]) => {
    form.setFieldValue(field, value as never);
    for (const dependent of dependents) {
      if (form.isTouched(dependent) || form.errors[dependent] || form.isDirty(dependent)) form.validateField(dependent);
    }
  };

  const zoneOptions = [...(zones.data ?? []), ...(frontend && frontend.zone !== 'all' && !zones.data?.includes(frontend.zone) ? [frontend.zone] : [])];
  const farmOptions = (farms.data ?? [])
    .filter((farm) => farmFitsZone(farm, values.zone) || String(farm.farmId) === values.defaultFarmId)
    .map((farm) => ({ value: String(farm.farmId), label: `${farmLabel(farm)} (#${farm.farmId}, ${farm.zone})` }));
  const certificateOptions = (certificates.data ?? []).map((certificate) => ({
    value: String(certificate.id),
    label: `${certificateLabel(certificate)} (#${certificate.id})`,
  }));
  const ports = values.port.trim() === '' ? null : summarizePortSpec(values.port);
  const label = protocolLabels[protocol];
  const hasAllowed = values.allowedSource.length > 0;
  const hasDenied = values.deniedSource.length > 0;

  const submit = (submitted: FrontendFormValues) => {
    if (blockedReason) return; // Enter in a field: the reason is shown next to the disabled button
    mutation.reset();
    const onError = (error: Error) => {
      const message = error instanceof OvhApiError ? error.message : '';
      const field = message ? fieldOfApiError(message) : null;
      if (field) form.setFieldError(field, describeError(error));
    };
    if (frontend) update.mutate(toUpdateBody(protocol, frontend, submitted), { onSuccess: onDone, onError });
    else create.mutate(toCreateBody(protocol, submitted), { onSuccess: onDone, onError });
  };

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={frontend ? 'Edit frontend' : `New ${label} frontend`}>
      <Stack gap="md">
        <TextInput
          label="Name"
          description={`Optional, up to ${MAX_DISPLAY_NAME_LENGTH} characters. Empty: shown as "Frontend #id".`}
          placeholder="shop-https"
          data-autofocus
          {...form.getInputProps('displayName')}
        />
        <Group grow align="flex-start">
          <Select
            label="Zone"
            withAsterisk
            description="Where it listens. all: every zone of this load balancer."
            placeholder={zones.isPending ? 'Loading zones…' : zones.isError ? 'Zones unavailable' : 'Choose a zone'}
            data={[...zoneOptions.map((zone) => ({ value: zone, label: zone })), { value: 'all', label: 'all zones' }]}
            allowDeselect={false}
            {...form.getInputProps('zone')}
            onChange={(zone) => setAndRecheck('zone', zone ?? '', ['defaultFarmId'])}
          />
          <TextInput
            label="Port(s)"
            withAsterisk
            placeholder="443 or 80,443 or 8000-8010"
            description={
              ports && 'summary' in ports ? `Listens on ${ports.summary}` : 'One port, a range or a comma list, within 1–49151'
            }
            {...form.getInputProps('port')}
          />
        </Group>
        <Select
          label="Default farm"
          description={`Where traffic goes when no route matches. Only ${label} farms of the frontend's zone are offered (any zone when it listens in all zones). Empty: no default farm.`}
          placeholder={farms.isPending ? 'Loading farms…' : farms.isError ? 'Farms unavailable' : farmOptions.length ? 'No default farm' : `No ${label} farm in this zone`}
          data={farmOptions}
          clearable
          searchable
          nothingFoundMessage="No matching farm"
          {...form.getInputProps('defaultFarmId')}
        />
        {hasTls(protocol) ? (
          <>
            <Divider label="TLS" labelPosition="left" />
            <Switch
              label="SSL"
              description={protocol === 'http' ? 'Decrypt HTTPS here: clients connect with https://.' : 'Decrypt TLS here before passing traffic to the farm.'}
              {...form.getInputProps('ssl', { type: 'checkbox' })}
              onChange={(event) => setAndRecheck('ssl', event.currentTarget.checked, [])}
            />
            <Select
              label="Default certificate"
              description={
                values.ssl
                  ? 'Presented to clients whose requested name (SNI) matches no other certificate. Empty: the load balancer chooses.'
                  : 'Only used when SSL is on.'
              }
              placeholder={
                certificates.isPending ? 'Loading certificates…' : certificates.isError ? 'Certificates unavailable' : 'No default certificate'
              }
              data={certificateOptions}
              clearable
              searchable
              {...form.getInputProps('defaultSslId')}
            />
            {protocol === 'http' ? (
              <Switch
                label="HSTS"
                description={
                  values.ssl
                    ? 'Tell browsers to use only HTTPS for this site from now on (Strict-Transport-Security header).'
                    : 'Only meaningful with SSL on: browsers ignore HSTS sent over plain HTTP.'
                }
                disabled={!values.ssl && !values.hsts}
                {...form.getInputProps('hsts', { type: 'checkbox' })}
              />
            ) : null}
          </>
        ) : null}
        {protocol === 'http' ? (
          <>
            <Divider label="HTTP" labelPosition="left" />
            <TextInput
              label="Redirect to URL"
              description="Answer every request with a redirect to this URL, e.g. http → https. Empty: no redirect."
              placeholder="https://www.example.com"
              {...form.getInputProps('redirectLocation')}
            />
            <Textarea
              label="HTTP headers to add"
              description="One header per line: the name, a space, the value. %ci is the client's IP, %cp its port, e.g. X-Client-IP %ci. Empty: no header added."
              placeholder={'X-Client-IP %ci\nX-Client-Port %cp'}
              rows={3}
              {...form.getInputProps('httpHeader')}
            />
          </>
        ) : null}
        <Divider label="Addresses" labelPosition="left" />
        {hasTls(protocol) ? (
          <>
            <ListInput
              label="Allowed sources"
              description={
                hasDenied && !hasAllowed
                  ? 'Cannot be combined with denied sources: clear those to use an allow-list.'
                  : 'Only these client blocks may connect (CIDR, e.g. 203.0.113.0/24). Empty: open to everyone.'
              }
              placeholder="203.0.113.0/24"
              value={values.allowedSource}
              onChange={(next) => setAndRecheck('allowedSource', next, ['allowedSource', 'deniedSource'])}
              validateEntry={validateBlock('Allowed source')}
              error={form.errors.allowedSource === sourcesConflict ? sourcesConflict : undefined}
              disabled={hasDenied && !hasAllowed}
            />
            <ListInput
              label="Denied sources"
              description={
                hasAllowed && !hasDenied
                  ? 'Cannot be combined with allowed sources: clear those to use a deny-list.'
                  : 'These client blocks are refused (CIDR). Empty: nobody is refused.'
              }
              placeholder="192.0.2.0/24"
              value={values.deniedSource}
              onChange={(next) => setAndRecheck('deniedSource', next, ['allowedSource', 'deniedSource'])}
              validateEntry={validateBlock('Denied source')}
              error={form.errors.deniedSource === sourcesConflict ? sourcesConflict : undefined}
              disabled={hasAllowed && !hasDenied}
            />
          </>
        ) : null}
        <ListInput
          label="Failover IPs"
          description={`Listen only on these failover IPs (dedicatedIpfo). Empty: listens on all IPs of the load balancer. ${
            failoverIps.data
              ? failoverIps.data.length
                ? `Failover IPs of this load balancer: ${failoverIps.data.join(', ')}.`
                : 'This load balancer has no failover IP.'
              : ''
          }`}
          placeholder="198.51.100.20/32"
          value={values.dedicatedIpfo}
          onChange={(next) => setAndRecheck('dedicatedIpfo', next, ['dedicatedIpfo'])}
          validateEntry={validateBlock('Failover IP')}
        />
        <Switch
          label="Enabled"
          description="A disabled frontend keeps its configuration but does not listen."
          checked={!values.disabled}
          onChange={(event) => form.setFieldValue('disabled', !event.currentTarget.checked)}
        />
        {failedLookups.length > 0 ? (
          <Alert color="red" title={`The ${failedLookups.map(({ what }) => what).join(' and ')} could not be loaded`} role="alert">
            <Text size="sm">{describeError(failedLookups[0]!.query.error)}</Text>
            <Text size="sm">The frontend cannot be {frontend ? 'saved' : 'created'} without them. What you typed is kept.</Text>
            <Button size="xs" variant="light" color="red" mt="xs" onClick={() => failedLookups.forEach(({ query }) => void query.refetch())}>
              Retry
            </Button>
          </Alert>
        ) : null}
        {mutation.error ? (
          <Alert color="red" title="The API refused the change" role="alert">
            <Text size="sm">{describeError(mutation.error)}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              Your input is kept: fix it and save again.
            </Text>
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <FormSubmitRow
            submitLabel={frontend ? 'Save' : 'Create frontend'}
            onCancel={onCancel}
            pending={mutation.isPending}
            blockedReason={blockedReason}
          />
        </Group>
      </Stack>
    </form>
  );
}
