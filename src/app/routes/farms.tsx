import { Navigate, useParams } from 'react-router';
import { FarmsPage } from '@/features/farms/components/farms-page';
import { isProtocol } from '@/lib/iplb/protocol';

export function FarmsRoute() {
  const { serviceName = '', protocol } = useParams();
  if (!isProtocol(protocol)) return <Navigate to={`/services/${encodeURIComponent(serviceName)}/farms/http`} replace />;
  return <FarmsPage key={protocol} serviceName={serviceName} protocol={protocol} />;
}
