import { PlaceholderRoute } from '@/app/routes/placeholder';

export function TasksRoute() {
  return <PlaceholderRoute title="Tasks" />;
}
