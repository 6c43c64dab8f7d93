import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { describeError } from '@/lib/describe-error';
import type { Protocol, ServerByProtocol } from '@/lib/iplb/protocol';
import { deleteServer, serverLabel, updateServer } from '@/lib/iplb/server-queries';
import { recordChange } from '@/lib/iplb/change-journal';
import { serverChange } from '@/lib/iplb/change-summaries';
import { invalidateServerData } from '@/features/servers/api/server-mutations';

export type BulkAction =
  | { kind: 'enable' }
  | { kind: 'disable' }
  | { kind: 'weight'; weight: number }
  | { kind: 'delete' };

export interface BulkItemResult {
  serverId: number;
  label: string;
  ok: boolean;
  error?: string;
}

export const bulkActionLabels: Record<BulkAction['kind'], string> = {
  enable: 'Enable',
  disable: 'Disable',
  weight: 'Set weight',
  delete: 'Delete',
};

/** At most this many writes in flight: the API throttles bursts, and the results stay readable. */
const concurrency = 4;

function runOne<P extends Protocol>(serviceName: string, protocol: P, server: ServerByProtocol[P], action: BulkAction) {
  switch (action.kind) {
    case 'enable':
      return updateServer(serviceName, protocol, { ...server, status: 'active' });
    case 'disable':
      return updateServer(serviceName, protocol, { ...server, status: 'inactive' });
    case 'weight':
      return updateServer(serviceName, protocol, { ...server, weight: action.weight } as ServerByProtocol[P]);
    case 'delete':
      return deleteServer(serviceName, protocol, server.backendId, server.serverId);
  }
}

/** Runs one action on many servers; one failure never stops the others; returns a result per server. */
export async function runBulkAction<P extends Protocol>(
  serviceName: string,
  protocol: P,
  servers: readonly ServerByProtocol[P][],
  action: BulkAction,
): Promise<BulkItemResult[]> {
  const results: BulkItemResult[] = new Array(servers.length);
  let next = 0;
  const worker = async () => {
    while (next < servers.length) {
      const index = next++;
      const server = servers[index]!;
      const base = { serverId: server.serverId, label: serverLabel(server) };
      try {
        await runOne(serviceName, protocol, server, action);
        results[index] = { ...base, ok: true };
      } catch (error) {
        results[index] = { ...base, ok: false, error: describeError(error) };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, servers.length) }, worker));
  return results;
}

export function useBulkServerAction<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  const [running, setRunning] = useState(false);
  const run = useCallback(
    async (servers: readonly ServerByProtocol[P][], action: BulkAction) => {
      setRunning(true);
      try {
        const results = await runBulkAction(serviceName, protocol, servers, action);
        // each write that went through shows in the Apply preview
        const verb = { enable: 'enabled', disable: 'disabled', weight: 'weight changed', delete: 'deleted' }[action.kind];
        servers.forEach((server, index) => {
          const change = results[index]?.ok
            ? serverChange(queryClient, serviceName, protocol, server, verb)
            : null;
          if (change) recordChange(change);
        });
        return results;
      } finally {
        setRunning(false);
        await invalidateServerData(queryClient, serviceName);
      }
    },
    [queryClient, serviceName, protocol],
  );
  return { run, running };
}
