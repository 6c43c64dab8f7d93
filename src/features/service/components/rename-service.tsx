import { ActionIcon, Button, Group, Modal, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import type { Ip, IpWithIAM } from '@/api/generated';
import { useUpdateService } from '@/features/service/api/service-mutations';
import { describeError } from '@/lib/describe-error';

const maxLength = 50;

/** Renames the load balancer (`PUT /ipLoadbalancing/{serviceName}` with the whole object). */
export function RenameService({ service }: { service: IpWithIAM }) {
  const [opened, { open, close }] = useDisclosure();
  const [name, setName] = useState(service.displayName ?? '');
  const update = useUpdateService(service.serviceName);
  const error = name.length > maxLength ? `At most ${maxLength} characters (${name.length} now)` : null;

  const submit = () => {
    const { iam: _iam, ...ip } = service;
    const body: Ip = { ...ip, displayName: name.trim() || null };
    update.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: 'Load balancer renamed' });
        close();
      },
    });
  };

  return (
    <>
      <Tooltip label="Rename">
        <ActionIcon variant="subtle" aria-label="Rename load balancer" onClick={open}>
          <IconPencil size={18} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title="Rename load balancer">
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!error) submit();
          }}
        >
          <TextInput
            label="Display name"
            description="Shown in this console and in the OVHcloud Control Panel. Empty keeps only the service name."
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={error}
            data-autofocus
          />
          {update.error ? (
            <Text c="red" size="sm" mt="xs" role="alert">
              {describeError(update.error)}
            </Text>
          ) : null}
          <Group justify="flex-end" mt="md">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending} disabled={Boolean(error)}>
              Save
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
