// @vitest-environment node
import { createTestCertificate } from '@/lib/pem/test-certificates';
import { parseCertificatePem } from '@/lib/pem/pem';
import { demoSandbox, GRA } from './testing/demo';

const day = 86_400_000;
const bad = (message: string) => ({ class: 'Client::BadRequest', message });

describe('certificates', () => {
  it('lists the demo certificates, one expiring within 30 days', async () => {
    const { call, clock } = demoSandbox();
    expect((await call('GET', `${GRA}/ssl`)).body).toEqual([301, 302, 303]);
    const soon = new Date(clock.now() + 30 * day).toISOString();
    expect((await call('GET', `${GRA}/ssl?expireDate=${soon}`)).body).toEqual([302]);
    expect((await call('GET', `${GRA}/ssl?type=custom`)).body).toEqual([301, 303]);
    const fingerprint = ((await call<{ fingerprint: string }>('GET', `${GRA}/ssl/303`)).body.fingerprint).slice(0, 10);
    expect((await call('GET', `${GRA}/ssl?fingerprint=${fingerprint}`)).body).toEqual([303]);
  });

  it('uploads a PEM certificate with its key and chain, reading its details', async () => {
    const { call, clock } = demoSandbox();
    const generated = await createTestCertificate({
      commonName: 'upload.example.com',
      san: ['upload.example.com', 'cdn.example.com'],
      notBefore: new Date(clock.now() - day),
      notAfter: new Date(clock.now() + 100 * day),
      withChain: true,
    });
    const info = await parseCertificatePem(generated.certificatePem);
    const created = await call('POST', `${GRA}/ssl`, {
      body: { certificate: generated.certificatePem, key: generated.keyPem, chain: generated.chainPem, displayName: 'upload' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: 305,
      displayName: 'upload',
      type: 'custom',
      subject: 'CN=upload.example.com',
      san: ['upload.example.com', 'cdn.example.com'],
      serial: info.serial,
      fingerprint: info.fingerprint,
      expireDate: info.notAfter,
    });
    const again = await call('POST', `${GRA}/ssl`, { body: { certificate: generated.certificatePem, key: generated.keyPem } });
    expect(again).toMatchObject({ status: 409, body: { class: 'Client::Conflict', message: 'This certificate is already installed (id 305)' } });
  });

  it('refuses non-PEM text, a key that does not match, a bad chain and an expired certificate', async () => {
    const { call, clock } = demoSandbox();
    const valid = { notBefore: new Date(clock.now() - day), notAfter: new Date(clock.now() + 10 * day) };
    const one = await createTestCertificate(valid);
    const other = await createTestCertificate(valid);
    const post = (body: object) => call('POST', `${GRA}/ssl`, { body });
    expect((await post({ certificate: 'hello', key: one.keyPem })).body).toEqual(
      bad('Invalid certificate: The certificate must be in PEM format (-----BEGIN CERTIFICATE-----)'),
    );
    expect((await post({ certificate: one.certificatePem, key: 'secret' })).body).toEqual(
      bad('Invalid key: The private key must be in PEM format (-----BEGIN PRIVATE KEY-----)'),
    );
    expect((await post({ certificate: one.certificatePem, key: other.keyPem })).body).toEqual(bad('The private key does not match the certificate'));
    expect((await post({ certificate: one.certificatePem, key: one.keyPem, chain: one.keyPem })).body).toEqual(
      bad('Invalid chain: The chain may only contain certificates, not a PRIVATE KEY block'),
    );
    expect((await post({ certificate: one.certificatePem })).body).toEqual(bad('Missing parameter(s): key'));
    const expired = await createTestCertificate({ notBefore: new Date(clock.now() - 20 * day), notAfter: new Date(clock.now() - day) });
    expect((await post({ certificate: expired.certificatePem, key: expired.keyPem })).body).toEqual(
      bad(`The certificate expired on ${new Date(clock.now() - day).toISOString()}`),
    );
  });

  it('renames only (displayName) and refuses to delete a certificate used as defaultSslId', async () => {
    const { call } = demoSandbox();
    const current = await call<Record<string, unknown>>('GET', `${GRA}/ssl/303`);
    expect((await call('PUT', `${GRA}/ssl/303`, { body: { ...current.body, displayName: 'Wildcard 2026' } })).status).toBe(200);
    expect((await call('GET', `${GRA}/ssl/303`)).body).toMatchObject({ displayName: 'Wildcard 2026' });
    expect((await call('PUT', `${GRA}/ssl/303`, { body: { ...current.body, expireDate: '2040-01-01T00:00:00.000Z' } })).status).toBe(400);
    expect(await call('DELETE', `${GRA}/ssl/301`)).toMatchObject({
      status: 409,
      body: { class: 'Client::Conflict', message: 'Certificate 301 is still used by frontend 1001 (defaultSslId): detach it first' },
    });
    expect((await call('DELETE', `${GRA}/ssl/303`)).body).toBeNull();
    expect((await call('GET', `${GRA}/ssl/303`)).status).toBe(404);
  });
});
