import { useParams } from 'react-router';
import { ServiceOverview } from '@/features/service/components/service-overview';

export function OverviewRoute() {
  const { serviceName = '' } = useParams();
  return <ServiceOverview serviceName={serviceName} />;
}
