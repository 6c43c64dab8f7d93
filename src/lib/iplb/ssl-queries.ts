import { queryOptions } from '@tanstack/react-query';
import type { FrontendHttp, FrontendTcp, Operations, Ssl, SslTypeEnum, Task } from '@/api/generated';
import { api } from '@/lib/api-client';
import { iplbKeys } from '@/lib/iplb/keys';

/** Body of `POST /ssl`, as generated from the API description. */
export type CertificateUploadBody = Operations['POST /ipLoadbalancing/{serviceName}/ssl']['body'];

export const certificatesPath = (serviceName: string) => ['ipLoadbalancing', serviceName, 'ssl'];
export const certificatePath = (serviceName: string, id: number) => [...certificatesPath(serviceName), id];

/** Every certificate of the load balancer, full objects, in one expanded-list request. */
export const listCertificates = (serviceName: string, signal?: AbortSignal) =>
  api().list<Ssl>(certificatesPath(serviceName), { signal });

export const getCertificate = (serviceName: string, id: number, signal?: AbortSignal) =>
  api().request<Ssl>('GET', certificatePath(serviceName, id), { signal });

export const uploadCertificate = (serviceName: string, body: CertificateUploadBody) =>
  api().request<Ssl>('POST', certificatesPath(serviceName), { body });

/** PUT takes the whole object as GET returned it; only `displayName` is writable. */
export const updateCertificate = (serviceName: string, certificate: Ssl) =>
  api().request<null>('PUT', certificatePath(serviceName, certificate.id), { body: certificate });

export const deleteCertificate = (serviceName: string, id: number) =>
  api().request<null>('DELETE', certificatePath(serviceName, id));

/** Orders a free (domain-validated) certificate; the API answers with the task that delivers it. */
export const orderFreeCertificate = (serviceName: string, fqdn: string[]) =>
  api().request<Task>('POST', ['ipLoadbalancing', serviceName, 'freeCertificate'], { body: { fqdn } });

/** A frontend that serves a certificate by default. */
export interface CertificateUser {
  protocol: 'http' | 'tcp';
  frontendId: number;
  displayName: string | null;
  port: string;
  zone: string;
  defaultSslId: number;
}

/**
 * Who serves which certificate by default, from the HTTP and TCP frontend lists (UDP has no TLS):
 * read them with `frontendQueries.list(service, 'http' | 'tcp')` so the frontends page shares the cache.
 */
export function certificateUsers(http: readonly FrontendHttp[] | undefined, tcp: readonly FrontendTcp[] | undefined): CertificateUser[] {
  const users = (protocol: CertificateUser['protocol'], frontends: readonly (FrontendHttp | FrontendTcp)[] | undefined) =>
    (frontends ?? [])
      .filter((frontend) => typeof frontend.defaultSslId === 'number')
      .map((frontend) => ({
        protocol,
        frontendId: frontend.frontendId,
        displayName: frontend.displayName,
        port: frontend.port,
        zone: frontend.zone,
        defaultSslId: frontend.defaultSslId as number,
      }));
  return [...users('http', http), ...users('tcp', tcp)];
}

/** Frontends per certificate id. */
export function usersByCertificate(users: readonly CertificateUser[] | undefined): Map<number, CertificateUser[]> {
  const map = new Map<number, CertificateUser[]>();
  for (const user of users ?? []) map.set(user.defaultSslId, [...(map.get(user.defaultSslId) ?? []), user]);
  return map;
}

export const frontendLabel = (user: Pick<CertificateUser, 'displayName' | 'frontendId' | 'protocol' | 'port'>) =>
  `${user.displayName?.trim() || `Frontend #${user.frontendId}`} (${user.protocol.toUpperCase()} ${user.port})`;

/** A certificate's label for people: its display name, else its subject's CN, else "Certificate #id". */
export function certificateLabel(certificate: Pick<Ssl, 'displayName' | 'subject' | 'id'>): string {
  if (certificate.displayName?.trim()) return certificate.displayName;
  return subjectCommonName(certificate.subject) ?? `Certificate #${certificate.id}`;
}

/** The CN of a distinguished name such as `CN=shop.example.com, O=Example` (or `/CN=…/O=…`). */
export function subjectCommonName(subject: string | null | undefined): string | null {
  const match = /(?:^|[,/]\s*)CN\s*=\s*([^,/]+)/i.exec(subject ?? '');
  return match ? match[1]!.trim() : null;
}

export const certificateTypeLabels: Record<SslTypeEnum | 'unknown', { label: string; description: string }> = {
  custom: { label: 'Custom', description: 'Uploaded by you; renew it yourself before it expires.' },
  built: { label: 'Managed', description: 'Issued and renewed by OVHcloud (free certificate).' },
  built_not_routed: {
    label: 'Managed, not routed',
    description:
      'Issued by OVHcloud, but not served: its domains do not seem to point to this load balancer (the API does not document this type further).',
  },
  unknown: { label: 'Unknown', description: 'The API gives no type for this certificate.' },
};

export const sslQueries = {
  /** prefix of every certificate query of a service: invalidate it after any certificate write */
  all: (serviceName: string) => iplbKeys.resource(serviceName, 'ssl'),
  list: (serviceName: string) =>
    queryOptions({
      queryKey: [...sslQueries.all(serviceName), 'list'] as const,
      queryFn: ({ signal }) => listCertificates(serviceName, signal),
    }),
  detail: (serviceName: string, id: number) =>
    queryOptions({
      queryKey: [...sslQueries.all(serviceName), 'detail', id] as const,
      queryFn: ({ signal }) => getCertificate(serviceName, id, signal),
    }),
};
