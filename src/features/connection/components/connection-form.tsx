import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  PasswordInput,
  Radio,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { describeError } from '@/lib/describe-error';
import { createOvhClient } from '@/lib/ovh/client';
import { OvhApiError } from '@/lib/ovh/errors';
import { ovhEndpoints } from '@/lib/ovh/target';
import { getCurrentCredential, requestConsumerKey } from '../api/credential-api';
import {
  checkRequestsPerSecond,
  clearConnection,
  type ConnectionSettings,
  type ConnectionTargetKind,
  isOvhTarget,
  parseCustomBase,
  requestsPerSecondRange,
  saveConnection,
  targetFromSettings,
  type Transport,
} from '../connection-settings';

export interface ConnectionFormValues {
  target: ConnectionTargetKind;
  transport: Transport;
  customBase: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
  remember: boolean;
  requestsPerSecond: number | string;
}

const targetChoices: { value: ConnectionTargetKind; label: string; description: string }[] = [
  {
    value: 'sandbox',
    label: 'Sandbox',
    description: 'A simulated API running in this browser. No account, no keys; nothing leaves this browser.',
  },
  { value: 'ovh-eu', label: ovhEndpoints['ovh-eu'].label, description: ovhEndpoints['ovh-eu'].base },
  { value: 'ovh-ca', label: ovhEndpoints['ovh-ca'].label, description: ovhEndpoints['ovh-ca'].base },
  { value: 'ovh-us', label: ovhEndpoints['ovh-us'].label, description: ovhEndpoints['ovh-us'].base },
  {
    value: 'custom',
    label: 'Custom base URL',
    description: 'Another API base, e.g. a sandbox server started with npm run sandbox:serve.',
  },
];

const keyPattern = /^[\w-]+$/;

function checkKey(value: string, label: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return `Paste the ${label}`;
  if (trimmed.length > 128) return `The ${label} is at most 128 characters`;
  if (!keyPattern.test(trimmed)) return `The ${label} has only letters, digits, "_" and "-"`;
  return null;
}

/** A sentence that says what to check for the common refusals, in addition to the API's own message. */
function hintFor(error: unknown): string | null {
  if (!(error instanceof OvhApiError)) return null;
  switch (error.errorCode) {
    case 'INVALID_SIGNATURE':
      return 'Check the application secret and the consumer key.';
    case 'INVALID_KEY':
      return 'Check the application key.';
    case 'NOT_CREDENTIAL':
      return 'This consumer key was not created for this application key.';
    case 'INVALID_CREDENTIAL':
      return 'This consumer key is expired, refused or not validated yet: create a new one.';
    case 'QUERY_TIME_OUT':
      return "Your computer's clock is far from the API's.";
    default:
      if (error.status === 0)
        return 'The API could not be reached. With "Direct", the browser may have blocked the call: use the proxy.';
      return null;
  }
}

export interface ConnectionFormProps {
  initial: ConnectionSettings | null;
  /** this app's origin, e.g. `https://console.example` */
  origin: string;
  /** leaves the page (a full load, so the whole app starts on the new target) */
  navigate: (url: string) => void;
}

export function ConnectionForm({ initial, origin, navigate }: ConnectionFormProps) {
  const form = useForm<ConnectionFormValues>({
    mode: 'controlled',
    initialValues: {
      target: initial?.target ?? 'sandbox',
      transport: initial?.transport ?? 'proxy',
      customBase: initial?.customBase ?? '',
      applicationKey: initial?.credentials?.applicationKey ?? '',
      applicationSecret: initial?.credentials?.applicationSecret ?? '',
      consumerKey: initial?.credentials?.consumerKey ?? '',
      remember: initial?.remember ?? false,
      requestsPerSecond: initial?.requestsPerSecond ?? requestsPerSecondRange.default,
    },
    validate: {
      customBase: (value, values) => {
        if (values.target !== 'custom') return null;
        const parsed = parseCustomBase(value);
        return 'error' in parsed ? parsed.error : null;
      },
      applicationKey: (value, values) =>
        values.target === 'sandbox' ? null : checkKey(value, 'application key'),
      applicationSecret: (value, values) =>
        values.target === 'sandbox' ? null : checkKey(value, 'application secret'),
      consumerKey: (value, values) =>
        values.target === 'sandbox' || value.trim() === '' ? null : checkKey(value, 'consumer key'),
      requestsPerSecond: (value, values) => (values.target === 'sandbox' ? null : checkRequestsPerSecond(value)),
    },
  });
  const [busy, setBusy] = useState<'connect' | 'create' | null>(null);
  const [failure, setFailure] = useState<{ title: string; error: unknown } | null>(null);

  const values = form.getValues();
  const isSandbox = values.target === 'sandbox';
  const ovhEndpoint = isOvhTarget(values.target) ? ovhEndpoints[values.target] : null;

  const settingsOf = (formValues: ConnectionFormValues, consumerKey?: string): ConnectionSettings => ({
    target: formValues.target,
    transport: formValues.transport,
    customBase: formValues.customBase.trim(),
    remember: formValues.remember,
    requestsPerSecond: Number(formValues.requestsPerSecond),
    credentials: {
      applicationKey: formValues.applicationKey.trim(),
      applicationSecret: formValues.applicationSecret.trim(),
      ...(consumerKey ? { consumerKey } : {}),
    },
  });

  const connect = async (formValues: ConnectionFormValues) => {
    setFailure(null);
    if (formValues.target === 'sandbox') {
      clearConnection();
      navigate('/');
      return;
    }
    const consumerKey = formValues.consumerKey.trim();
    if (!consumerKey) {
      form.setFieldError('consumerKey', 'Paste your consumer key, or create one with the button below');
      return;
    }
    const settings = settingsOf(formValues, consumerKey);
    setBusy('connect');
    try {
      // Check the keys before keeping them: a wrong secret is reported here, not on every page.
      const client = createOvhClient(targetFromSettings(settings, origin), { retry: false });
      const credential = await getCurrentCredential(client);
      if (credential.status === 'refused' || credential.status === 'expired') {
        setFailure({
          title: 'This consumer key cannot be used',
          error: new Error(`Its state is "${credential.status}". Create a new one.`),
        });
        return;
      }
      const pending = credential.status === 'pendingValidation';
      saveConnection({ ...settings, ...(pending ? { pendingValidation: true } : {}) });
      navigate(pending ? '/connection' : '/');
    } catch (error) {
      setFailure({ title: 'Could not connect with these keys', error });
    } finally {
      setBusy(null);
    }
  };

  const createConsumerKey = async () => {
    setFailure(null);
    const check = form.validate();
    if (check.hasErrors || form.getValues().target === 'sandbox') return;
    const formValues = form.getValues();
    const withoutConsumerKey = settingsOf(formValues);
    setBusy('create');
    try {
      const client = createOvhClient(targetFromSettings(withoutConsumerKey, origin), { retry: false });
      const created = await requestConsumerKey(client, origin);
      const validationUrl = new URL(created.validationUrl);
      if (validationUrl.protocol !== 'https:' && validationUrl.protocol !== 'http:') {
        throw new Error('The API answered with a validation link that is not a web address');
      }
      saveConnection({ ...settingsOf(formValues, created.consumerKey), pendingValidation: true });
      navigate(validationUrl.href);
    } catch (error) {
      setFailure({ title: 'Could not create a consumer key', error });
    } finally {
      setBusy(null);
    }
  };

  return (
    <form onSubmit={form.onSubmit((formValues) => void connect(formValues))} noValidate>
      <Stack gap="lg">
        <Radio.Group label="API" {...form.getInputProps('target')}>
          <Stack gap="xs" mt="xs">
            {targetChoices.map((choice) => (
              <Radio
                key={choice.value}
                value={choice.value}
                label={choice.label}
                description={choice.description}
              />
            ))}
          </Stack>
        </Radio.Group>

        {ovhEndpoint ? (
          <Radio.Group
            label="How the browser reaches the API"
            description="OVHcloud's API lets other web sites use only GET and POST, and hides the request id and paging headers from them. The proxy of this app forwards calls unchanged (your keys sign them in this browser) so every action works."
            {...form.getInputProps('transport')}
          >
            <Stack gap="xs" mt="xs">
              <Radio
                value="proxy"
                label="Through this app's proxy (recommended)"
                description={`Calls go to ${new URL(ovhEndpoint.proxyPath, origin).href}, which passes them to ${new URL(ovhEndpoint.base).host}.`}
              />
              <Radio
                value="direct"
                label="Direct"
                description={`Calls go straight to ${ovhEndpoint.base}: changes (PUT, DELETE) and request ids may be blocked by the browser.`}
              />
            </Stack>
          </Radio.Group>
        ) : null}

        {values.target === 'custom' ? (
          <TextInput
            label="API base URL"
            placeholder="http://127.0.0.1:8787/1.0"
            description="Requests are sent to, and signed over, this URL."
            {...form.getInputProps('customBase')}
          />
        ) : null}

        {!isSandbox ? (
          <Fieldset legend="Keys">
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {ovhEndpoint ? (
                  <>
                    Create an application on{' '}
                    <Anchor
                      href={`${new URL(ovhEndpoint.base).origin}/createApp/`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {new URL(ovhEndpoint.base).host}/createApp
                    </Anchor>{' '}
                    to get an application key and secret. The secret stays in this browser: it signs each call
                    and is never sent.
                  </>
                ) : (
                  'The secret stays in this browser: it signs each call and is never sent.'
                )}
              </Text>
              <TextInput
                label="Application key"
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('applicationKey')}
              />
              <PasswordInput
                label="Application secret"
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('applicationSecret')}
              />
              <PasswordInput
                label="Consumer key"
                description="Leave empty and use “Create a consumer key” to get one."
                autoComplete="off"
                spellCheck={false}
                {...form.getInputProps('consumerKey')}
              />
              <NumberInput
                label="Requests per second"
                description="The console waits rather than send more calls than this, so OVHcloud does not throttle your keys (it answers 429 when too many calls arrive)."
                min={requestsPerSecondRange.min}
                max={requestsPerSecondRange.max}
                allowDecimal={false}
                clampBehavior="none"
                w={220}
                {...form.getInputProps('requestsPerSecond')}
              />
              <Checkbox
                label="Remember on this device"
                description="Off: the keys are forgotten when this tab closes."
                {...form.getInputProps('remember', { type: 'checkbox' })}
              />
              {values.remember ? (
                <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Stored in plain text">
                  The keys will be kept in this browser's local storage, readable by anyone who uses this
                  browser profile and by any script running on this site. Only tick this on a computer that
                  you alone use. Log out to remove them.
                </Alert>
              ) : null}
            </Stack>
          </Fieldset>
        ) : null}

        {failure ? (
          <Alert color="red" title={failure.title} role="alert">
            <Text size="sm">{describeError(failure.error)}</Text>
            {hintFor(failure.error) ? <Text size="sm">{hintFor(failure.error)}</Text> : null}
          </Alert>
        ) : null}

        <Group>
          <Button type="submit" loading={busy === 'connect'} disabled={busy !== null && busy !== 'connect'}>
            {isSandbox ? 'Use the sandbox' : 'Connect'}
          </Button>
          {!isSandbox ? (
            <Button
              variant="default"
              loading={busy === 'create'}
              disabled={busy !== null && busy !== 'create'}
              onClick={() => void createConsumerKey()}
            >
              Create a consumer key
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}
