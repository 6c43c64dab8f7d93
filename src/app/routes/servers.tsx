import { Navigate, useParams } from 'react-router';
import { ServersPage } from '@/features/servers/components/servers-page';
import { isProtocol } from '@/lib/iplb/protocol';

export function ServersRoute() {
  const { serviceName = '', protocol } = useParams();
  if (!isProtocol(protocol)) return <Navigate to={`/services/${encodeURIComponent(serviceName)}/servers/http`} replace />;
  return <ServersPage key={protocol} serviceName={serviceName} protocol={protocol} />;
}
