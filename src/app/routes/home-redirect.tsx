import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Navigate } from 'react-router';
import { serviceQueries } from '@/features/service/api/service-queries';
import { describeError } from '@/lib/describe-error';

/** `/` opens the first load balancer of the account. */
export function HomeRedirect() {
  const { data: services, error, isPending, refetch } = useQuery(serviceQueries.list());
  if (isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading load balancers" />
      </Center>
    );
  }
  if (error) {
    return (
      <Stack p="xl" align="flex-start">
        <Title order={2}>Could not list your load balancers</Title>
        <Text c="red">{describeError(error)}</Text>
        <Button onClick={() => void refetch()}>Try again</Button>
      </Stack>
    );
  }
  const first = services[0];
  if (!first) {
    return (
      <Stack p="xl" align="flex-start">
        <Title order={2}>No load balancer on this account</Title>
        <Text c="dimmed">Order an IP Load Balancer in the OVHcloud Control Panel, then come back here.</Text>
      </Stack>
    );
  }
  return <Navigate to={`/services/${encodeURIComponent(first.serviceName)}/overview`} replace />;
}
