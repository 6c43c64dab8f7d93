import { Alert, Button, Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, Navigate, useParams } from 'react-router';
import { FarmDetails } from '@/features/farms/components/farm-details';
import { FarmServers } from '@/features/servers/components/farm-servers';
import { describeError } from '@/lib/describe-error';
import { farmQueries } from '@/lib/iplb/farm-queries';
import { isProtocol, type Protocol } from '@/lib/iplb/protocol';
import { OvhApiError } from '@/lib/ovh/errors';

function FarmDetailPage<P extends Protocol>({ serviceName, protocol, farmId }: { serviceName: string; protocol: P; farmId: number }) {
  const farm = useQuery(farmQueries.detail(serviceName, protocol, farmId));
  const listPath = `/services/${encodeURIComponent(serviceName)}/farms/${protocol}`;
  if (farm.isPending) return <Skeleton h={200} />;
  if (!farm.data) {
    const missing = farm.error instanceof OvhApiError && farm.error.status === 404;
    return (
      <Stack align="flex-start">
        <Alert color={missing ? 'yellow' : 'red'} title={missing ? `Farm #${farmId} does not exist (any more)` : 'The farm could not be loaded'}>
          {describeError(farm.error)}
        </Alert>
        <Button component={Link} to={listPath} variant="default">
          Back to the farms
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="lg">
      {farm.error ? (
        // a failed reload keeps the page (and any open form) as it was, with the reason
        <Alert color="yellow" title="This farm could not be reloaded">
          {describeError(farm.error)}
        </Alert>
      ) : null}
      <FarmDetails serviceName={serviceName} protocol={protocol} farm={farm.data} />
      <FarmServers serviceName={serviceName} protocol={protocol} farm={farm.data} />
    </Stack>
  );
}

export function FarmDetailRoute() {
  const { serviceName = '', protocol, farmId } = useParams();
  const id = Number(farmId);
  if (!isProtocol(protocol) || !Number.isInteger(id)) {
    return <Navigate to={`/services/${encodeURIComponent(serviceName)}/farms/http`} replace />;
  }
  return <FarmDetailPage key={`${protocol}-${id}`} serviceName={serviceName} protocol={protocol} farmId={id} />;
}
