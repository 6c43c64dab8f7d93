import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Ssl } from '@/api/generated';
import { useUploadCertificate } from '@/features/certificates/api/certificate-mutations';
import { formatDate } from '@/features/certificates/certificate-expiry';
import { CertificatePreview } from '@/features/certificates/components/certificate-preview';
import { PemField } from '@/features/certificates/components/pem-field';
import { useUploadCheck } from '@/features/certificates/use-upload-check';
import { describeError } from '@/lib/describe-error';
import { certificateLabel, type CertificateUploadBody } from '@/lib/iplb/ssl-queries';
import { checkCertificateUpload, findingFor, type CertificateUploadCheck } from '@/lib/pem/upload-checks';
import { MAX_DISPLAY_NAME_LENGTH, validateDisplayName } from '@/lib/validation/fields';

interface UploadValues {
  displayName: string;
  certificate: string;
  key: string;
  chain: string;
}

export function toUploadBody(values: UploadValues): CertificateUploadBody {
  const body: CertificateUploadBody = { certificate: values.certificate.trim(), key: values.key.trim() };
  if (values.chain.trim()) body.chain = values.chain.trim();
  if (values.displayName.trim()) body.displayName = values.displayName.trim();
  return body;
}

/**
 * Upload of a custom certificate: PEM texts pasted or loaded from files, read in the browser before
 * sending. Text that is not PEM, and a key that is not the certificate's, are refused here; an expired
 * certificate or a chain out of order is flagged. The API's refusal is shown with its request id and
 * the form keeps everything typed.
 */
export function UploadCertificateForm({
  serviceName,
  onDone,
  onCancel,
}: {
  serviceName: string;
  onDone: (certificate: Ssl) => void;
  onCancel: () => void;
}) {
  const upload = useUploadCertificate(serviceName);
  const form = useForm<UploadValues>({
    mode: 'controlled',
    initialValues: { displayName: '', certificate: '', key: '', chain: '' },
    validate: {
      displayName: (value) => validateDisplayName(value.trim() || null),
      certificate: (value) => (value.trim() ? null : 'Paste the certificate (PEM) or load it from a file'),
      key: (value) => (value.trim() ? null : 'Paste the private key (PEM) or load it from a file'),
    },
    validateInputOnChange: ['displayName'],
    validateInputOnBlur: true,
  });
  const { values } = form;
  const { check, checking, lastCheck } = useUploadCheck(values);
  const shown = check ?? lastCheck;
  const pemError = (field: 'certificate' | 'key' | 'chain') => findingFor(shown, field, 'error')[0]?.message;
  const pemWarning = (field: 'certificate' | 'key' | 'chain') =>
    findingFor(shown, field, 'warning')
      .map((finding) => finding.message)
      .join('. ');
  const hasError = (result: CertificateUploadCheck | null) =>
    Boolean(result?.findings.some((finding) => finding.level === 'error'));
  const blocked = hasError(check);

  const submit = async (submitted: UploadValues) => {
    // never send on a stale check: read the texts once more as they are now
    const fresh = check ?? (await checkCertificateUpload(submitted));
    if (hasError(fresh)) return;
    upload.mutate(toUploadBody(submitted), {
      onSuccess: (certificate) => {
        notifications.show({
          closeButtonProps: { 'aria-label': 'Close notification' },
          color: 'green',
          title: 'Certificate uploaded',
          message: `${certificateLabel(certificate)} expires on ${formatDate(certificate.expireDate)}.`,
        });
        onDone(certificate);
      },
    });
  };

  return (
    <form
      onSubmit={form.onSubmit((submitted) => void submit(submitted))}
      noValidate
      aria-label="Upload certificate"
    >
      <Stack gap="sm">
        <TextInput
          label="Name"
          description={`Optional, up to ${MAX_DISPLAY_NAME_LENGTH} characters. Empty: shown by its subject.`}
          placeholder="shop.example.com 2026"
          data-autofocus
          {...form.getInputProps('displayName')}
        />
        <PemField
          label="Certificate"
          required
          description="The server certificate, -----BEGIN CERTIFICATE-----. Intermediates go in Chain."
          placeholder="-----BEGIN CERTIFICATE-----"
          value={values.certificate}
          onChange={(value) => form.setFieldValue('certificate', value)}
          onBlur={() => form.validateField('certificate')}
          error={form.errors.certificate ?? pemError('certificate')}
          warning={pemWarning('certificate')}
        />
        <PemField
          label="Private key"
          required
          description="Unencrypted, -----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----. It never leaves this browser except to the API."
          placeholder="-----BEGIN PRIVATE KEY-----"
          value={values.key}
          onChange={(value) => form.setFieldValue('key', value)}
          onBlur={() => form.validateField('key')}
          error={form.errors.key ?? pemError('key')}
        />
        <PemField
          label="Chain"
          description="Optional: the intermediate certificates, the certificate's issuer first."
          placeholder="-----BEGIN CERTIFICATE-----"
          value={values.chain}
          onChange={(value) => form.setFieldValue('chain', value)}
          error={pemError('chain')}
          warning={pemWarning('chain')}
        />
        {shown?.certificate ? <CertificatePreview check={shown} /> : null}
        {upload.error ? (
          <Alert color="red" title="The API refused the certificate" role="alert">
            {describeError(upload.error)}
          </Alert>
        ) : null}
        <Group justify="space-between" mt="xs">
          <Text size="xs" c="dimmed" aria-live="polite">
            {checking && (values.certificate || values.key || values.chain) ? 'Reading the PEM text…' : ''}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button type="submit" loading={upload.isPending} disabled={blocked}>
              Upload
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
