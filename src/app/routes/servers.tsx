import { PlaceholderRoute } from '@/app/routes/placeholder';

export function ServersRoute() {
  return <PlaceholderRoute title="Servers" />;
}
