import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Ssl } from '@/api/generated';
import { invalidatePendingChanges } from '@/lib/iplb/pending-changes';
import {
  deleteCertificate,
  orderFreeCertificate,
  sslQueries,
  updateCertificate,
  uploadCertificate,
  type CertificateUploadBody,
} from '@/lib/iplb/ssl-queries';
import { trackTask } from '@/lib/iplb/task-queries';

/** After any certificate write: the lists and details, and the pending changes. */
function useInvalidateCertificates(serviceName: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sslQueries.all(serviceName) }),
      invalidatePendingChanges(queryClient, serviceName),
    ]);
}

export function useUploadCertificate(serviceName: string) {
  const invalidate = useInvalidateCertificates(serviceName);
  return useMutation(
    mutationOptions({
      mutationFn: (body: CertificateUploadBody) => uploadCertificate(serviceName, body),
      onSettled: invalidate,
    }),
  );
}

/** Rename: the whole object as read, with the new display name (null to clear it). */
export function useRenameCertificate(serviceName: string) {
  const invalidate = useInvalidateCertificates(serviceName);
  return useMutation(
    mutationOptions({
      mutationFn: ({ certificate, displayName }: { certificate: Ssl; displayName: string | null }) =>
        updateCertificate(serviceName, { ...certificate, displayName }),
      onSettled: invalidate,
    }),
  );
}

export function useDeleteCertificate(serviceName: string) {
  const invalidate = useInvalidateCertificates(serviceName);
  return useMutation(
    mutationOptions({
      mutationFn: (id: number) => deleteCertificate(serviceName, id),
      onSettled: invalidate,
    }),
  );
}

/** Orders a free certificate and hands its task to the task panel (which reloads the list when it is done). */
export function useOrderFreeCertificate(serviceName: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: (fqdn: string[]) => orderFreeCertificate(serviceName, fqdn),
      onSuccess: (task) => trackTask(queryClient, serviceName, task),
    }),
  );
}
