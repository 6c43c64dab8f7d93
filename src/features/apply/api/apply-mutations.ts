import { mutationOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Task } from '@/api/generated';
import { api } from '@/lib/api-client';
import type { ApplyRequest } from '@/features/apply/apply-plan';
import { describeError } from '@/lib/describe-error';
import { clearZone } from '@/lib/iplb/change-journal';
import { trackTask } from '@/lib/iplb/task-queries';

/** `POST /refresh`: deploys the pending configuration of one zone, or of every zone when `zone` is omitted. */
export const applyConfiguration = (serviceName: string, zone?: string) =>
  api().request<Task>('POST', ['ipLoadbalancing', serviceName, 'refresh'], { body: zone ? { zone } : {} });

export interface ApplyResult {
  tasks: Task[];
  /** zones whose refresh the API refused, with its message (and request id) */
  failures: { zone: string | null; message: string }[];
}

/**
 * Starts the apply tasks and hands each one to the task panel as soon as it exists, so a zone refused
 * by the API does not hide the zones that started.
 */
export function useApplyConfiguration(serviceName: string) {
  const queryClient = useQueryClient();
  return useMutation(
    mutationOptions({
      mutationFn: async (request: ApplyRequest): Promise<ApplyResult> => {
        const result: ApplyResult = { tasks: [], failures: [] };
        const zones: (string | undefined)[] = request.all ? [undefined] : request.zones;
        for (const zone of zones) {
          try {
            const task = await applyConfiguration(serviceName, zone);
            result.tasks.push(task);
            trackTask(queryClient, serviceName, task);
            // the writes made from this browser are being applied: no longer listed as pending
            clearZone(serviceName, zone);
          } catch (error) {
            result.failures.push({ zone: zone ?? null, message: describeError(error) });
          }
        }
        return result;
      },
    }),
  );
}
