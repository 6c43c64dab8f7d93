import { PlaceholderRoute } from '@/app/routes/placeholder';

export function FarmDetailRoute() {
  return <PlaceholderRoute title="Farm" />;
}
