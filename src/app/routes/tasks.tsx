import { useParams } from 'react-router';
import { TasksPage } from '@/features/tasks/components/tasks-page';

/** `/services/:serviceName/tasks` */
export function TasksRoute() {
  const { serviceName = '' } = useParams();
  return <TasksPage key={serviceName} serviceName={serviceName} />;
}
