import { Alert, Anchor, Card, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useFarmUsage } from '@/features/farms/api/farm-usage';
import { describeError } from '@/lib/describe-error';
import { protocolWithArticle, type Protocol } from '@/lib/iplb/protocol';

/** "Used by": the frontends whose default farm this is and the routes that send traffic here, with links. */
export function FarmUsedBy({ serviceName, protocol, farmId }: { serviceName: string; protocol: Protocol; farmId: number }) {
  const { usage, error } = useFarmUsage(serviceName, protocol, farmId);
  const frontendsPath = `/services/${encodeURIComponent(serviceName)}/frontends/${protocol}`;
  return (
    <Card withBorder component="section" aria-labelledby="farm-used-by">
      <Stack gap="xs">
        <Title order={3} size="h5" id="farm-used-by">
          Used by
        </Title>
        {error ? (
          <Alert color="red" title="What uses this farm could not be loaded">
            {describeError(error)}
          </Alert>
        ) : !usage ? (
          <Skeleton h={20} w="60%" />
        ) : usage.frontends.length + usage.routes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No frontend or route uses this farm: it receives no traffic.{' '}
            <Anchor component={Link} to={frontendsPath} size="sm" underline="always">
              Point {protocolWithArticle[protocol]} frontend at it
            </Anchor>{' '}
            to put it to work.
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {usage.frontends.map((frontend) => (
              <List.Item key={`f${frontend.frontendId}`}>
                Frontend{' '}
                <Anchor component={Link} to={frontend.url} size="sm" underline="always">
                  {frontend.name}
                </Anchor>{' '}
                (port {frontend.port}) — default farm
              </List.Item>
            ))}
            {usage.routes.map((route) => (
              <List.Item key={`r${route.routeId}`}>
                Route {route.name} — sends the requests it matches here
                {route.frontend ? (
                  <>
                    {' '}
                    (on frontend{' '}
                    <Anchor component={Link} to={route.frontend.url} size="sm" underline="always">
                      {route.frontend.name}
                    </Anchor>
                    )
                  </>
                ) : null}
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Card>
  );
}
