import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { OvhClient } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { OvhApiError } from '@/lib/ovh/errors';
import type { ApiCredential, CredentialStatus } from '@/lib/ovh/auth-types';
import { connectionQueries, logout } from '../api/credential-api';
import { clearConnection, loadConnection, saveConnection } from '../connection-settings';

const statusLabel: Record<CredentialStatus, { label: string; color: string }> = {
  validated: { label: 'Validated', color: 'green' },
  pendingValidation: { label: 'Waiting for validation', color: 'yellow' },
  refused: { label: 'Refused', color: 'red' },
  expired: { label: 'Expired', color: 'gray' },
};

function formatDate(iso: string | null, empty: string): string {
  if (!iso) return empty;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function CredentialDetails({ credential }: { credential: ApiCredential }) {
  const status = statusLabel[credential.status] ?? { label: credential.status, color: 'gray' };
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Text size="sm">Consumer key:</Text>
        <Badge color={status.color} variant="light">
          {status.label}
        </Badge>
      </Group>
      <Text size="sm">
        Expires: {formatDate(credential.expiration, 'never')} · Created:{' '}
        {formatDate(credential.creation, '—')} · Last used: {formatDate(credential.lastUse, 'never')}
      </Text>
      <Table withTableBorder striped aria-label="Rights of this consumer key" maw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Method</Table.Th>
            <Table.Th>Path</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {credential.rules.map((rule) => (
            <Table.Tr key={`${rule.method} ${rule.path}`}>
              <Table.Td>{rule.method}</Table.Td>
              <Table.Td ff="monospace">{rule.path}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export interface CurrentConnectionProps {
  client: OvhClient;
  /** `?validated=1`: the user just came back from the validation page */
  returning: boolean;
  navigate: (url: string) => void;
}

/** No HTTP answer at all (server down, DNS, proxy, CORS): says nothing about the key itself. */
const isUnreachable = (error: unknown) => error instanceof OvhApiError && error.status === 0;

/** What the app is connected to now, the state of its consumer key, and Log out. */
export function CurrentConnection({ client, returning, navigate }: CurrentConnectionProps) {
  const target = client.target;
  const remembered = loadConnection()?.remember ?? false;
  const hasConsumerKey = target.kind !== 'sandbox' && Boolean(target.credentials?.consumerKey);
  const credentialQuery = useQuery({
    ...connectionQueries.currentCredential(target.requestBase),
    enabled: hasConsumerKey,
  });
  const credential = credentialQuery.data;
  const [loggingOut, setLoggingOut] = useState(false);

  // Once the user has validated the key, it is no longer pending.
  useEffect(() => {
    const saved = loadConnection();
    if (credential?.status === 'validated' && saved?.pendingValidation) {
      const { pendingValidation: _done, ...rest } = saved;
      saveConnection(rest);
    }
  }, [credential?.status]);

  const logOut = async () => {
    setLoggingOut(true);
    let confirmed = true;
    if (hasConsumerKey) {
      try {
        await logout(client);
      } catch {
        confirmed = false;
      }
    }
    clearConnection();
    navigate(`/connection?logged-out=${confirmed ? '1' : 'unconfirmed'}`);
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="current-connection-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="current-connection-title">
            Connected to {target.label}
          </Title>
          {target.kind !== 'sandbox' ? (
            <Button variant="light" color="red" onClick={() => void logOut()} loading={loggingOut}>
              Log out
            </Button>
          ) : null}
        </Group>
        {target.kind === 'sandbox' ? (
          <Text size="sm">The simulated API runs in this browser: no keys needed, no account involved.</Text>
        ) : (
          <Text size="sm">
            Requests go to <code>{target.requestBase}</code>
            {target.signatureBase !== target.requestBase ? (
              <>
                {' '}
                and are signed for <code>{target.signatureBase}</code>
              </>
            ) : null}
            . Application key <code>{target.credentials?.applicationKey ?? '—'}</code>
            {remembered ? ', remembered on this device.' : ', kept until this tab closes.'}
          </Text>
        )}

        {target.kind !== 'sandbox' && !hasConsumerKey ? (
          <Text size="sm">No consumer key yet: create one below.</Text>
        ) : null}

        {hasConsumerKey && credentialQuery.isPending ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Checking the consumer key…</Text>
          </Group>
        ) : null}

        {credentialQuery.error ? (
          <Alert
            color="red"
            title={
              isUnreachable(credentialQuery.error)
                ? 'The API cannot be reached: the key could not be checked'
                : 'The consumer key was refused'
            }
            role="alert"
          >
            {describeError(credentialQuery.error)}
          </Alert>
        ) : null}

        {credential?.status === 'pendingValidation' ? (
          <Alert color="yellow" title={returning ? 'Checking your validation…' : 'Waiting for validation'}>
            <Stack gap="xs">
              <Text size="sm">
                Validate the key on the page the API opened, then come back here. This page checks every 2
                seconds for 2 minutes.
              </Text>
              <Button
                size="xs"
                variant="default"
                w="fit-content"
                loading={credentialQuery.isFetching}
                onClick={() => void credentialQuery.refetch()}
              >
                Check now
              </Button>
            </Stack>
          </Alert>
        ) : null}

        {credential?.status === 'validated' && returning ? (
          <Alert color="green" title="Consumer key validated">
            <Group gap="sm">
              <Text size="sm">You can now use the dashboard.</Text>
              <Button size="xs" onClick={() => navigate('/')}>
                Open the dashboard
              </Button>
            </Group>
          </Alert>
        ) : null}

        {credential?.status === 'refused' || credential?.status === 'expired' ? (
          <Alert
            color="red"
            title={credential.status === 'refused' ? 'The key was refused' : 'The key has expired'}
          >
            Create a new consumer key below, or log out.
          </Alert>
        ) : null}

        {credential ? <CredentialDetails credential={credential} /> : null}
      </Stack>
    </Card>
  );
}
