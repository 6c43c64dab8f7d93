import { useParams } from 'react-router';
import { CertificatesPage } from '@/features/certificates/components/certificates-page';

/** `/services/:serviceName/certificates` */
export function CertificatesRoute() {
  const { serviceName = '' } = useParams();
  return <CertificatesPage key={serviceName} serviceName={serviceName} />;
}
