import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { invalidateFarmData } from '@/features/farms/api/farm-mutations';
import { describeError } from '@/lib/describe-error';
import { createFarm, farmLabel, type FarmCreateBodyByProtocol } from '@/lib/iplb/farm-queries';
import { recordChange } from '@/lib/iplb/change-journal';
import { farmChange } from '@/lib/iplb/change-summaries';
import { protocolLabels, type FarmByProtocol, type Protocol, type ServerByProtocol } from '@/lib/iplb/protocol';
import { createServer, serverLabel, serverToCreateBody } from '@/lib/iplb/server-queries';

export interface CloneItemResult {
  label: string;
  ok: boolean;
  error?: string;
}

export interface CloneProgress {
  /** steps done out of `total` (the farm, then each server) */
  done: number;
  total: number;
  farm?: { farmId: number };
  results: CloneItemResult[];
  running: boolean;
}

/**
 * Creates a farm, then a copy of each server in it, one after the other, reporting progress.
 * A failed server does not stop the others; a failed farm stops everything (and is thrown).
 */
export function useCloneFarm<P extends Protocol>(serviceName: string, protocol: P) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<CloneProgress | null>(null);

  const run = useCallback(
    async (body: FarmCreateBodyByProtocol[P], servers: readonly ServerByProtocol[P][]): Promise<CloneProgress> => {
      const total = 1 + servers.length;
      let state: CloneProgress = { done: 0, total, results: [], running: true };
      setProgress(state);
      try {
        let farm: FarmByProtocol[P];
        try {
          farm = await createFarm(serviceName, protocol, body);
        } catch (error) {
          setProgress(null);
          throw error;
        }
        recordChange(farmChange(serviceName, protocol, farm, `created (copy of ${body.displayName ?? 'a farm'})`));
        state = { ...state, done: 1, farm: { farmId: farm.farmId } };
        setProgress(state);
        for (const server of servers) {
          const label = serverLabel(server);
          try {
            const created = await createServer(serviceName, protocol, farm.farmId, serverToCreateBody<P>(server));
            recordChange({
              serviceName,
              zone: farm.zone,
              summary: `${protocolLabels[protocol]} server ${serverLabel(created)} added to farm ${farmLabel(farm)}`,
            });
            state = { ...state, done: state.done + 1, results: [...state.results, { label, ok: true }] };
          } catch (error) {
            state = {
              ...state,
              done: state.done + 1,
              results: [...state.results, { label, ok: false, error: describeError(error) }],
            };
          }
          setProgress(state);
        }
        state = { ...state, running: false };
        setProgress(state);
        return state;
      } finally {
        await invalidateFarmData(queryClient, serviceName);
      }
    },
    [queryClient, serviceName, protocol],
  );

  return { run, progress, reset: () => setProgress(null) };
}
