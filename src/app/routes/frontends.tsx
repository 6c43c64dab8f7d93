import { Navigate, useParams } from 'react-router';
import { FrontendsPage } from '@/features/frontends/components/frontends-page';
import { isProtocol } from '@/lib/iplb/protocol';

/** `/services/:serviceName/frontends/:protocol`; a missing or unknown protocol goes to HTTP. */
export function FrontendsRoute() {
  const { serviceName = '', protocol } = useParams();
  if (!isProtocol(protocol)) {
    return <Navigate to={`/services/${encodeURIComponent(serviceName)}/frontends/http`} replace />;
  }
  return <FrontendsPage key={protocol} serviceName={serviceName} protocol={protocol} />;
}
