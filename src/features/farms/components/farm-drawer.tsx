import { Drawer } from '@mantine/core';
import { FarmForm, type FarmFormMode } from '@/features/farms/components/farm-form';
import { farmLabel } from '@/lib/iplb/farm-queries';
import { protocolLabels, type Protocol } from '@/lib/iplb/protocol';

/** The farm form in a side drawer; `mode` null = closed. */
export function FarmDrawer<P extends Protocol>({
  serviceName,
  protocol,
  mode,
  onClose,
  onDone,
}: {
  serviceName: string;
  protocol: P;
  mode: FarmFormMode<P> | null;
  onClose: () => void;
  onDone: (farm: { farmId: number }) => void;
}) {
  const title = !mode
    ? ''
    : mode.kind === 'create'
      ? `New ${protocolLabels[protocol]} farm`
      : mode.kind === 'edit'
        ? `Edit ${farmLabel(mode.farm)}`
        : `Clone ${farmLabel(mode.farm)}`;
  return (
    <Drawer opened={mode !== null} onClose={onClose} title={title} position="right" size="lg" closeButtonProps={{ 'aria-label': 'Close' }}>
      {mode ? (
        <FarmForm
          key={mode.kind === 'create' ? 'create' : `${mode.kind}-${mode.farm.farmId}`}
          serviceName={serviceName}
          protocol={protocol}
          mode={mode}
          onDone={onDone}
          onCancel={onClose}
        />
      ) : null}
    </Drawer>
  );
}
