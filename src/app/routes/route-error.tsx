import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { describeError } from '@/lib/describe-error';

export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : describeError(error);
  return (
    <Stack p="xl" maw={720}>
      <Alert color="red" icon={<IconAlertTriangle />} title="This page failed to load">
        <Text size="sm">{message}</Text>
        {error instanceof Error && error.stack ? (
          <Code block mt="sm" fz="xs">
            {error.stack.split('\n').slice(0, 4).join('\n')}
          </Code>
        ) : null}
      </Alert>
      <Group>
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <Button variant="default" component={Link} to="/">
          Back to the start
        </Button>
      </Group>
    </Stack>
  );
}
