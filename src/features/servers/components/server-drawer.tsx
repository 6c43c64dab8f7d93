import { Drawer } from '@mantine/core';
import { ServerForm, type ServerFormMode } from '@/features/servers/components/server-form';
import type { Protocol } from '@/lib/iplb/protocol';

export interface ServerDrawerState<P extends Protocol> {
  farmId: number;
  farmPort: number | null;
  farmName: string;
  mode: ServerFormMode<P>;
}

/** The server form in a side drawer; `state` null = closed. */
export function ServerDrawer<P extends Protocol>({
  serviceName,
  protocol,
  state,
  onClose,
}: {
  serviceName: string;
  protocol: P;
  state: ServerDrawerState<P> | null;
  onClose: () => void;
}) {
  const title = !state
    ? ''
    : state.mode.kind === 'edit'
      ? `Edit server ${state.mode.server.address} of ${state.farmName}`
      : state.mode.kind === 'clone'
        ? `Clone server ${state.mode.server.address} into ${state.farmName}`
        : `Add a server to ${state.farmName}`;
  return (
    <Drawer opened={state !== null} onClose={onClose} title={title} position="right" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {state ? (
        <ServerForm
          key={`${state.mode.kind}-${state.farmId}-${state.mode.kind === 'create' ? 'new' : state.mode.server.serverId}`}
          serviceName={serviceName}
          protocol={protocol}
          farmId={state.farmId}
          farmPort={state.farmPort}
          mode={state.mode}
          onDone={onClose}
          onCancel={onClose}
        />
      ) : null}
    </Drawer>
  );
}
