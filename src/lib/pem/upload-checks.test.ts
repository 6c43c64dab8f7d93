// @vitest-environment node
import 'reflect-metadata';
import { checkCertificateUpload, checkChainOrder, daysUntil } from '@/lib/pem/upload-checks';
import { createTestCertificate } from '@/lib/pem/test-certificates';

const day = 24 * 3600 * 1000;

describe('checkCertificateUpload', () => {
  it('reads a valid certificate with its key and chain, with no finding', async () => {
    const pair = await createTestCertificate({ commonName: 'shop.example.com', san: ['shop.example.com', 'www.shop.example.com'], withChain: true });
    const check = await checkCertificateUpload({ certificate: pair.certificatePem, key: pair.keyPem, chain: pair.chainPem! });
    expect(check.findings).toEqual([]);
    expect(check.keyMatches).toBe(true);
    expect(check.certificate).toMatchObject({
      commonName: 'shop.example.com',
      san: ['shop.example.com', 'www.shop.example.com'],
      issuer: 'CN=Sandbox Test Intermediate CA, O=IPLB Console',
    });
    expect(check.chain).toHaveLength(1);
  });

  it('refuses text that is not PEM, in each field', async () => {
    const check = await checkCertificateUpload({ certificate: 'hello', key: 'not a key', chain: 'garbage' });
    expect(check.certificate).toBeNull();
    expect(check.findings).toEqual([
      { field: 'certificate', level: 'error', message: expect.stringMatching(/PEM format/) },
      { field: 'key', level: 'error', message: expect.stringMatching(/PEM format/) },
      { field: 'chain', level: 'error', message: expect.stringMatching(/PEM certificates/) },
    ]);
  });

  it('refuses a PEM block whose content is not a certificate', async () => {
    const check = await checkCertificateUpload({
      certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      key: '',
      chain: '',
    });
    expect(check.findings).toEqual([{ field: 'certificate', level: 'error', message: expect.stringMatching(/could not be decoded/) }]);
  });

  it('warns on an expired certificate without blocking', async () => {
    const pair = await createTestCertificate({ notBefore: new Date(Date.now() - 100 * day), notAfter: new Date(Date.now() - 10 * day) });
    const check = await checkCertificateUpload({ certificate: pair.certificatePem, key: pair.keyPem, chain: '' });
    expect(check.findings).toEqual([{ field: 'certificate', level: 'warning', message: expect.stringMatching(/^This certificate expired on \d{4}-\d{2}-\d{2}$/) }]);
  });

  it('blocks a key that belongs to another certificate', async () => {
    const [first, second] = await Promise.all([createTestCertificate(), createTestCertificate()]);
    const check = await checkCertificateUpload({ certificate: first.certificatePem, key: second.keyPem, chain: '' });
    expect(check.keyMatches).toBe(false);
    expect(check.findings).toEqual([{ field: 'key', level: 'error', message: 'This private key does not belong to the certificate' }]);
  });

  it('blocks a private key pasted as the certificate', async () => {
    const pair = await createTestCertificate();
    const check = await checkCertificateUpload({ certificate: `${pair.certificatePem}\n${pair.keyPem}`, key: pair.keyPem, chain: '' });
    expect(check.findings).toContainEqual({ field: 'certificate', level: 'error', message: expect.stringMatching(/private key/) });
  });

  it('warns when the chain is not the issuer of the certificate', async () => {
    const [leaf, other] = await Promise.all([createTestCertificate({ withChain: true }), createTestCertificate({ withChain: true })]);
    // other's CA has the same name but another key: names match, signature does not
    const sameName = await checkCertificateUpload({ certificate: leaf.certificatePem, key: leaf.keyPem, chain: other.chainPem! });
    expect(sameName.findings).toEqual([{ field: 'chain', level: 'warning', message: expect.stringMatching(/did not sign the certificate/) }]);

    const selfSigned = await createTestCertificate({ commonName: 'unrelated.example.com' });
    const wrongName = await checkCertificateUpload({ certificate: leaf.certificatePem, key: leaf.keyPem, chain: selfSigned.certificatePem });
    expect(wrongName.findings).toEqual([
      { field: 'chain', level: 'warning', message: expect.stringMatching(/^The first chain certificate \(CN=unrelated\.example\.com\) is not the issuer/) },
    ]);
  });
});

describe('checkChainOrder', () => {
  it('accepts the issuer first, and reports a chain given in the wrong order', async () => {
    const leaf = await createTestCertificate({ withChain: true });
    const root = await createTestCertificate({ commonName: 'Some Root' });
    expect(await checkChainOrder(leaf.certificatePem, leaf.chainPem!)).toEqual([]);
    // the issuer comes second: the first is wrong, and the second does not follow the first
    const problems = await checkChainOrder(leaf.certificatePem, `${root.certificatePem}\n${leaf.chainPem!}`);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^The first chain certificate \(CN=Some Root\) is not the issuer of the certificate/);
  });
});

describe('daysUntil', () => {
  it('counts whole days, negative once passed', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(daysUntil('2026-01-31T12:00:00Z', now)).toBe(30);
    expect(daysUntil('2025-12-31T00:00:00Z', now)).toBe(-1);
  });
});
