import { ActionIcon, Menu } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDatabase, IconPlugConnected, IconRefresh, IconSettings } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { apiTarget } from '@/lib/api-client';
import { sandboxSeedNames, type SandboxSeedName } from '@/lib/sandbox-seed';

async function resetSandbox(seed: SandboxSeedName) {
  const { resetBrowserSandbox } = await import('@/app/sandbox-worker');
  resetBrowserSandbox(seed);
  window.location.assign('/');
}

const confirmReset = (seed: SandboxSeedName) =>
  modals.openConfirmModal({
    title: `Load the "${seed}" sandbox data?`,
    children: 'Everything you changed in the sandbox is replaced by the seed data. Real endpoints are not affected.',
    labels: { confirm: `Load ${seed} data`, cancel: 'Cancel' },
    confirmProps: { color: 'red' },
    onConfirm: () => void resetSandbox(seed),
  });

export function SettingsMenu() {
  const navigate = useNavigate();
  const isSandbox = apiTarget().kind === 'sandbox';
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label="Settings">
          <IconSettings size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPlugConnected size={16} />} onClick={() => navigate('/connection')}>
          Connection…
        </Menu.Item>
        {isSandbox ? (
          <>
            <Menu.Divider />
            <Menu.Label>Sandbox data</Menu.Label>
            {sandboxSeedNames.map((seed) => (
              <Menu.Item
                key={seed}
                leftSection={seed === 'demo' ? <IconRefresh size={16} /> : <IconDatabase size={16} />}
                onClick={() => confirmReset(seed)}
              >
                {seed === 'demo' ? 'Reset to demo data' : `Load ${seed} data`}
              </Menu.Item>
            ))}
          </>
        ) : null}
      </Menu.Dropdown>
    </Menu>
  );
}
