import { PlaceholderRoute } from '@/app/routes/placeholder';

export function FrontendsRoute() {
  return <PlaceholderRoute title="Frontends" />;
}
