import { PlaceholderRoute } from '@/app/routes/placeholder';

export function FarmsRoute() {
  return <PlaceholderRoute title="Farms" />;
}
