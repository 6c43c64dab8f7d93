import { PlaceholderRoute } from '@/app/routes/placeholder';

export function CertificatesRoute() {
  return <PlaceholderRoute title="Certificates" />;
}
