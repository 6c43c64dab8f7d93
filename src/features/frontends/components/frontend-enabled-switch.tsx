import { Switch } from '@mantine/core';
import { useSetFrontendDisabled } from '@/features/frontends/api/frontend-mutations';
import { frontendName } from '@/lib/iplb/frontend-queries';
import type { FrontendByProtocol, Protocol } from '@/lib/iplb/protocol';

/** The row switch: saves at once; the label says the state in words, not only by colour. */
export function FrontendEnabledSwitch<P extends Protocol>({
  serviceName,
  protocol,
  frontend,
}: {
  serviceName: string;
  protocol: P;
  frontend: FrontendByProtocol[P];
}) {
  const setDisabled = useSetFrontendDisabled(serviceName, protocol);
  const enabled = !frontend.disabled;
  return (
    <Switch
      checked={enabled}
      onChange={(event) => setDisabled.mutate({ frontend, disabled: !event.currentTarget.checked })}
      disabled={setDisabled.isPending}
      label={enabled ? 'Enabled' : 'Disabled'}
      aria-label={`Enabled: ${frontendName(frontend)}`}
      size="sm"
    />
  );
}
