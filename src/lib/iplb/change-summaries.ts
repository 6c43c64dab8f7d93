/**
 * The words the Apply dialog shows for each configuration write made from this browser (see
 * change-journal.ts): one place, so frontends, farms and servers read alike.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ChangeRecord } from '@/lib/iplb/change-journal';
import { farmLabel, farmQueries } from '@/lib/iplb/farm-queries';
import { frontendName } from '@/lib/iplb/frontend-queries';
import { protocolLabels, type AnyFrontend, type Protocol } from '@/lib/iplb/protocol';
import { serverLabel } from '@/lib/iplb/server-queries';

export const frontendChange = (
  serviceName: string,
  protocol: Protocol,
  frontend: AnyFrontend,
  verb: string,
): ChangeRecord => ({
  serviceName,
  zone: frontend.zone,
  summary: `${protocolLabels[protocol]} frontend ${frontendName(frontend)} (port ${frontend.port}) ${verb}`,
});

export const farmChange = (
  serviceName: string,
  protocol: Protocol,
  farm: { farmId: number; displayName: string | null; zone: string },
  verb: string,
): ChangeRecord => ({
  serviceName,
  zone: farm.zone,
  summary: `${protocolLabels[protocol]} farm ${farmLabel(farm)} ${verb}`,
});

/** The zone of a farm, from the farms already loaded (a server write only knows its farm's id). */
export function cachedFarmZone(
  queryClient: QueryClient,
  serviceName: string,
  protocol: Protocol,
  farmId: number,
): string | undefined {
  const fromList = queryClient
    .getQueryData(farmQueries.list(serviceName, protocol).queryKey)
    ?.find((farm) => farm.farmId === farmId);
  return (fromList ?? queryClient.getQueryData(farmQueries.detail(serviceName, protocol, farmId).queryKey))?.zone;
}

/** A server write, or null when its farm's zone is not known here (nothing is recorded then). */
export function serverChange(
  queryClient: QueryClient,
  serviceName: string,
  protocol: Protocol,
  server: { backendId: number; address: string; displayName: string | null; port: number | null },
  verb: string,
): ChangeRecord | null {
  const zone = cachedFarmZone(queryClient, serviceName, protocol, server.backendId);
  if (!zone) return null;
  return {
    serviceName,
    zone,
    summary: `${protocolLabels[protocol]} server ${serverLabel(server)} of farm #${server.backendId} ${verb}`,
  };
}
