import { Alert, Anchor, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { api } from '@/lib/api-client';
import { loadConnection } from '../connection-settings';
import { ConnectionForm } from './connection-form';
import { CurrentConnection } from './current-connection';

export interface ConnectionPageProps {
  /** leaves the page with a full load (default `window.location.assign`), so the app restarts on the new target */
  navigate?: (url: string) => void;
}

const fullLoad = (url: string) => window.location.assign(url);

/** `/connection`: which API the console talks to, with which keys; create a consumer key; log out. */
export function ConnectionPage({ navigate = fullLoad }: ConnectionPageProps) {
  const [params] = useSearchParams();
  const loggedOut = params.get('logged-out');

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Group justify="space-between" align="baseline">
          <Title order={1} size="h2">
            Connection
          </Title>
          <Anchor component={Link} to="/">
            Back to the dashboard
          </Anchor>
        </Group>

        {loggedOut ? (
          <Alert color={loggedOut === '1' ? 'green' : 'yellow'} title="Logged out" role="status">
            {loggedOut === '1'
              ? 'The consumer key was revoked and nothing is kept in this browser any more.'
              : 'The API did not confirm the logout, so the consumer key may still be valid: revoke it in your OVHcloud account. Nothing is kept in this browser any more.'}
          </Alert>
        ) : null}

        <CurrentConnection client={api()} returning={params.get('validated') === '1'} navigate={navigate} />

        <section aria-labelledby="change-connection-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="change-connection-title">
              Change connection
            </Title>
            <Text size="sm" c="dimmed">
              Keys are kept in this tab only, unless you choose to remember them on this device.
            </Text>
            <ConnectionForm initial={loadConnection()} origin={window.location.origin} navigate={navigate} />
          </Stack>
        </section>
      </Stack>
    </Container>
  );
}
