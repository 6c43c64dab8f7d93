import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Ssl } from '@/api/generated';
import { useRenameCertificate } from '@/features/certificates/api/certificate-mutations';
import { describeError } from '@/lib/describe-error';
import { certificateLabel } from '@/lib/iplb/ssl-queries';
import { MAX_DISPLAY_NAME_LENGTH, validateDisplayName } from '@/lib/validation/fields';

/** Renames a certificate (`PUT /ssl/{id}` with the whole object; only the display name changes). */
export function RenameCertificateForm({
  serviceName,
  certificate,
  onDone,
}: {
  serviceName: string;
  certificate: Ssl;
  onDone: () => void;
}) {
  const rename = useRenameCertificate(serviceName);
  const form = useForm({
    mode: 'controlled',
    initialValues: { displayName: certificate.displayName ?? '' },
    validate: { displayName: (value: string) => validateDisplayName(value.trim() || null) },
    validateInputOnChange: true,
  });
  return (
    <form
      aria-label="Rename certificate"
      noValidate
      onSubmit={form.onSubmit(({ displayName }) =>
        rename.mutate(
          { certificate, displayName: displayName.trim() || null },
          {
            onSuccess: () => {
              notifications.show({
                closeButtonProps: { 'aria-label': 'Close notification' },
                color: 'green',
                message: `Certificate renamed to ${displayName.trim() || certificateLabel({ ...certificate, displayName: null })}`,
              });
              onDone();
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          description={`Up to ${MAX_DISPLAY_NAME_LENGTH} characters. Empty: shown by its subject.`}
          data-autofocus
          {...form.getInputProps('displayName')}
        />
        {rename.error ? (
          <Alert color="red" role="alert" title="The API refused the new name">
            {describeError(rename.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={rename.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
