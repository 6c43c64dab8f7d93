import { Alert, Button, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { serviceQueries } from '@/features/service/api/service-queries';
import { describeError } from '@/lib/describe-error';
import { OvhApiError } from '@/lib/ovh/errors';

/** Renders the service's pages only once the load balancer is known to exist, with a clear page when it does not. */
export function KnownService({ serviceName, children }: { serviceName: string; children: ReactNode }) {
  const service = useQuery(serviceQueries.detail(serviceName));
  if (service.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label="Loading the load balancer" />
      </Center>
    );
  }
  if (service.error instanceof OvhApiError && service.error.status === 404) {
    return (
      <Stack align="flex-start" maw={640}>
        <Title order={2}>No load balancer named “{serviceName}”</Title>
        <Text c="dimmed">
          This account has no IP Load Balancer with that name: the link may be old, or the service may have been
          terminated. Choose one in the picker above.
        </Text>
        <Button component={Link} to="/">
          Open my first load balancer
        </Button>
      </Stack>
    );
  }
  if (service.error) {
    return (
      <Alert color="red" title="Could not load this load balancer" maw={720}>
        <Text size="sm">{describeError(service.error)}</Text>
        <Group mt="sm">
          <Button size="xs" onClick={() => void service.refetch()}>
            Try again
          </Button>
        </Group>
      </Alert>
    );
  }
  return children;
}
