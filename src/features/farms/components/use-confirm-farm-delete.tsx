import { List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useDeleteFarm, type DeletedFarm, type DeleteFarmOptions } from '@/features/farms/api/farm-mutations';
import { fetchFarmUsage } from '@/features/farms/api/farm-usage';
import { describeError } from '@/lib/describe-error';
import { farmLabel } from '@/lib/iplb/farm-queries';
import type { Protocol } from '@/lib/iplb/protocol';

/**
 * "Delete farm X?": checks afresh what uses the farm, names it (the API refuses the delete until those
 * point elsewhere, so the button is disabled then), says how many servers go with it, then deletes.
 * One flow for the farm page and the farm list's row menu.
 */
export function useConfirmFarmDelete(serviceName: string, protocol: Protocol, options: DeleteFarmOptions = {}) {
  const queryClient = useQueryClient();
  const [checking, setChecking] = useState<number | null>(null);
  const remove = useDeleteFarm(serviceName, protocol, options);

  const confirm = async (farm: DeletedFarm, serverCount: number | undefined) => {
    const name = farmLabel(farm);
    setChecking(farm.farmId);
    let usage;
    try {
      usage = await fetchFarmUsage(queryClient, serviceName, protocol, farm.farmId);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Could not check what uses this farm', message: describeError(error) });
      return;
    } finally {
      setChecking(null);
    }
    const used = usage.frontends.length + usage.routes.length > 0;
    modals.openConfirmModal({
      closeButtonProps: { 'aria-label': 'Close' },
      title: `Delete farm ${name}?`,
      children: (
        <Stack gap="xs">
          {used ? (
            <>
              <Text size="sm" c="red" fw={500}>
                This farm is still in use. The API refuses to delete it until these point to another farm:
              </Text>
              <List size="sm">
                {usage.frontends.map((frontend) => (
                  <List.Item key={`f${frontend.frontendId}`}>
                    Frontend {frontend.name} (port {frontend.port}) — default farm
                  </List.Item>
                ))}
                {usage.routes.map((route) => (
                  <List.Item key={`r${route.routeId}`}>Route {route.name} — sends traffic here</List.Item>
                ))}
              </List>
            </>
          ) : (
            <Text size="sm">No frontend or route uses this farm.</Text>
          )}
          <Text size="sm">
            {serverCount === undefined
              ? 'Its servers are deleted with it.'
              : serverCount > 0
                ? `Its ${serverCount} server${serverCount === 1 ? ' is' : 's are'} deleted with it.`
                : 'It has no server.'}{' '}
            This cannot be undone.
          </Text>
        </Stack>
      ),
      labels: { confirm: 'Delete farm', cancel: 'Cancel' },
      confirmProps: { color: 'red', disabled: used },
      onConfirm: () => remove.mutate(farm),
    });
  };

  return {
    confirm,
    /** the farm whose users are being checked, if any */
    checking,
    deleting: remove.isPending ? (remove.variables?.farmId ?? null) : null,
  };
}
