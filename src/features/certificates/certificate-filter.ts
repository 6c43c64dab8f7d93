import type { Ssl } from '@/api/generated';
import { certificateExpiry } from '@/features/certificates/certificate-expiry';
import { certificateLabel, frontendLabel, type CertificateUser } from '@/lib/iplb/ssl-queries';

export type CertificateShow = 'all' | 'expiring';

/** Certificates matching the text (name, subject, SAN, fingerprint, id, frontends) and the expiry filter
 * (expired or expiring soon; managed certificates renewed by OVHcloud only once expired). */
export function filterCertificates(
  certificates: readonly Ssl[],
  { text, show }: { text: string; show: CertificateShow },
  users: Map<number, CertificateUser[]>,
  now: number = Date.now(),
): Ssl[] {
  const needle = text.trim().toLowerCase();
  return certificates.filter((certificate) => {
    if (show === 'expiring' && certificateExpiry(certificate, now).level === 'ok') return false;
    if (!needle) return true;
    const haystack = [
      certificateLabel(certificate),
      certificate.subject,
      ...certificate.san,
      certificate.fingerprint,
      String(certificate.id),
      certificate.type ?? '',
      ...(users.get(certificate.id) ?? []).map(frontendLabel),
    ]
      .join('\n')
      .toLowerCase();
    return haystack.includes(needle);
  });
}
