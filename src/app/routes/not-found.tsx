import { Button, Stack, Text, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <Stack p="xl" align="flex-start">
      <Title order={2}>Page not found</Title>
      <Text c="dimmed">
        Nothing lives at <code>{location.pathname}</code>. The link may be old, or the object may have been deleted.
      </Text>
      <Button component={Link} to="/">
        Go to your load balancers
      </Button>
    </Stack>
  );
}
