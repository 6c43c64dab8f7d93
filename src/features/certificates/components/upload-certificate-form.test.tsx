import { notifications } from '@mantine/notifications';
import { act, screen, waitFor } from '@testing-library/react';
import { acceptForeignArrayBuffersInWebCrypto } from '@/testing/jsdom-web-crypto';
import { UploadCertificateForm } from '@/features/certificates/components/upload-certificate-form';
import { createTestCertificate } from '@/lib/pem/test-certificates';
import { renderWithProviders } from '@/testing/render';
import { useTestSandbox } from '@/testing/sandbox-server';

acceptForeignArrayBuffersInWebCrypto();
const serviceName = 'loadbalancer-demo-gra';
const day = 24 * 3600 * 1000;

describe('UploadCertificateForm', () => {
  const context = useTestSandbox();
  afterEach(() => act(() => notifications.clean()));
  const writes = () => context.requests.filter((request) => request.method !== 'GET');

  it('refuses text that is not PEM in the form, with no API call', async () => {
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <UploadCertificateForm serviceName={serviceName} onDone={onDone} onCancel={() => {}} />,
    );
    await user.click(screen.getByRole('textbox', { name: /^Certificate/ }));
    await user.paste('this is not a certificate');
    await user.click(screen.getByRole('textbox', { name: /^Private key/ }));
    await user.paste('nor a key');
    expect(await screen.findByText(/The certificate must be in PEM format/)).toBeVisible();
    expect(screen.getByText(/The private key must be in PEM format/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    // Enter in the name field submits the form: still nothing sent
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'bad{Enter}');
    expect(writes()).toEqual([]);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('blocks a key that is not the certificate’s', async () => {
    const [pair, other] = await Promise.all([createTestCertificate(), createTestCertificate()]);
    const { user } = renderWithProviders(
      <UploadCertificateForm serviceName={serviceName} onDone={() => {}} onCancel={() => {}} />,
    );
    await user.click(screen.getByRole('textbox', { name: /^Certificate/ }));
    await user.paste(pair.certificatePem);
    await user.click(screen.getByRole('textbox', { name: /^Private key/ }));
    await user.paste(other.keyPem);
    expect(await screen.findByText('This private key does not belong to the certificate')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();
    expect(writes()).toEqual([]);
  });

  it('shows what the certificate is, warns on a chain out of order, and sends the texts as typed', async () => {
    const pair = await createTestCertificate({
      commonName: 'shop.example.net',
      san: ['shop.example.net', 'cdn.example.net'],
      withChain: true,
    });
    const stranger = await createTestCertificate({ commonName: 'Unrelated CA' });
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <UploadCertificateForm serviceName={serviceName} onDone={onDone} onCancel={() => {}} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Shop 2026');
    await user.click(screen.getByRole('textbox', { name: /^Certificate/ }));
    await user.paste(pair.certificatePem);
    await user.click(screen.getByRole('textbox', { name: /^Private key/ }));
    await user.paste(pair.keyPem);
    await user.click(screen.getByRole('textbox', { name: /^Chain/ }));
    await user.paste(stranger.certificatePem);

    const preview = await screen.findByRole('region', { name: 'Certificate read from the PEM text' });
    expect(preview).toHaveTextContent('shop.example.net, cdn.example.net');
    expect(preview).toHaveTextContent('CN=Sandbox Test Intermediate CA, O=IPLB Console');
    expect(preview).toHaveTextContent('matches the certificate');
    expect(
      await screen.findByText(/The first chain certificate \(CN=Unrelated CA\) is not the issuer/),
    ).toBeVisible();

    // fix the chain: the warning goes
    await user.clear(screen.getByRole('textbox', { name: /^Chain/ }));
    await user.click(screen.getByRole('textbox', { name: /^Chain/ }));
    await user.paste(pair.chainPem!);
    await waitFor(() => expect(screen.queryByText(/is not the issuer/)).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(writes()).toEqual([
      {
        method: 'POST',
        path: `/ipLoadbalancing/${serviceName}/ssl`,
        body: {
          certificate: pair.certificatePem.trim(),
          key: pair.keyPem.trim(),
          chain: pair.chainPem!.trim(),
          displayName: 'Shop 2026',
        },
      },
    ]);
    expect(onDone.mock.calls[0]![0]).toMatchObject({
      displayName: 'Shop 2026',
      san: ['shop.example.net', 'cdn.example.net'],
      type: 'custom',
    });
  });

  it('warns on an expired certificate, shows the API refusal with its request id and keeps what was typed', async () => {
    const expired = await createTestCertificate({
      notBefore: new Date(Date.now() - 100 * day),
      notAfter: new Date(Date.now() - 2 * day),
    });
    const onDone = vi.fn();
    const { user } = renderWithProviders(
      <UploadCertificateForm serviceName={serviceName} onDone={onDone} onCancel={() => {}} />,
    );
    await user.type(screen.getByRole('textbox', { name: /^Name/ }), 'Old one');
    await user.click(screen.getByRole('textbox', { name: /^Certificate/ }));
    await user.paste(expired.certificatePem);
    await user.click(screen.getByRole('textbox', { name: /^Private key/ }));
    await user.paste(expired.keyPem);
    expect(await screen.findByText(/This certificate expired on/)).toBeVisible();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Upload' })).toBeEnabled());
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const alert = (await screen.findByText('The API refused the certificate')).closest('[role="alert"]');
    expect(alert).toHaveTextContent(/expired/);
    expect(alert).toHaveTextContent(/request id \S+/);
    expect(onDone).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveValue('Old one');
    expect(screen.getByRole('textbox', { name: /^Certificate/ })).toHaveValue(expired.certificatePem);
  });

  it('loads a PEM file picked from disk', async () => {
    const pair = await createTestCertificate({ commonName: 'file.example.com' });
    const { user } = renderWithProviders(
      <UploadCertificateForm serviceName={serviceName} onDone={() => {}} onCancel={() => {}} />,
    );
    await user.upload(
      screen.getByLabelText('Certificate file'),
      new File([pair.certificatePem], 'cert.pem', { type: 'application/x-pem-file' }),
    );
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: /^Certificate/ })).toHaveValue(pair.certificatePem),
    );
    expect(
      await screen.findByRole('region', { name: 'Certificate read from the PEM text' }),
    ).toHaveTextContent('file.example.com');
  });
});
