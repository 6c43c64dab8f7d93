import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { checkCertificateUpload, type CertificateUploadInput } from '@/lib/pem/upload-checks';

/**
 * Checks the PEM texts in the browser as the user types, so the form can show what the certificate is
 * and refuse what the API would refuse before anything is sent. Local work only (no request); the
 * previous result stays shown while the new one is computed.
 */
export function useUploadCheck({ certificate, key, chain }: CertificateUploadInput) {
  const query = useQuery({
    queryKey: ['local', 'certificate-upload-check', certificate, key, chain],
    queryFn: () => checkCertificateUpload({ certificate, key, chain }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    gcTime: 30_000,
    retry: false,
  });
  const current = query.isPlaceholderData ? null : (query.data ?? null);
  return { check: current, checking: current === null, lastCheck: query.data ?? null };
}
