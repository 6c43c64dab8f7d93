// @vitest-environment node
import 'reflect-metadata';
import { AsnConvert } from '@peculiar/asn1-schema';
import { PrivateKeyInfo } from '@peculiar/asn1-pkcs8';
import { PemConverter } from '@peculiar/x509';
import { certificateMatchesKey, parseCertificateChainPem, parseCertificatePem, PemError } from './pem';
import { createTestCertificate } from './test-certificates';

const notAfter = new Date('2031-05-01T12:00:00Z');

describe('parseCertificatePem', () => {
  it('reads subject, common name, SAN, serial, dates and a SHA-256 fingerprint', async () => {
    const { certificatePem } = await createTestCertificate({
      commonName: 'shop.example.com',
      san: ['shop.example.com', 'www.shop.example.com'],
      notAfter,
      serialNumber: '0a1b2c3d',
    });
    const info = await parseCertificatePem(certificatePem);
    expect(info).toMatchObject({
      subject: 'CN=shop.example.com',
      commonName: 'shop.example.com',
      san: ['shop.example.com', 'www.shop.example.com'],
      issuer: 'CN=shop.example.com',
      serial: '0a1b2c3d',
      notAfter: '2031-05-01T12:00:00.000Z',
      selfSigned: true,
    });
    const der = PemConverter.decodeFirst(certificatePem);
    const digest = Buffer.from(await crypto.subtle.digest('SHA-256', der)).toString('hex');
    expect(info.fingerprint).toBe(digest);
    expect(info.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses text that is not a PEM certificate', async () => {
    await expect(parseCertificatePem('hello')).rejects.toThrow(
      new PemError('The certificate must be in PEM format (-----BEGIN CERTIFICATE-----)'),
    );
    await expect(parseCertificatePem('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----')).rejects.toThrow(
      'The CERTIFICATE block could not be decoded as an X.509 certificate',
    );
    const { keyPem } = await createTestCertificate();
    await expect(parseCertificatePem(keyPem)).rejects.toThrow('No CERTIFICATE block found in the PEM text');
  });

  it('parses a chain and refuses a key inside it', async () => {
    const { chainPem, keyPem } = await createTestCertificate({ withChain: true });
    const chain = await parseCertificateChainPem(chainPem!);
    expect(chain[0]!.subject).toBe('CN=Sandbox Test Intermediate CA, O=IPLB Console');
    await expect(parseCertificateChainPem(`${chainPem}\n${keyPem}`)).rejects.toThrow(
      'The chain may only contain certificates, not a PRIVATE KEY block',
    );
  });
});

describe('certificateMatchesKey', () => {
  it('matches an EC certificate with its own key only', async () => {
    const first = await createTestCertificate({ keyType: 'ec' });
    const second = await createTestCertificate({ keyType: 'ec' });
    expect(await certificateMatchesKey(first.certificatePem, first.keyPem)).toBe(true);
    expect(await certificateMatchesKey(first.certificatePem, second.keyPem)).toBe(false);
  });

  it('matches RSA keys given as PKCS#8 or PKCS#1, and tells an RSA key from an EC certificate', async () => {
    const rsa = await createTestCertificate({ keyType: 'rsa' });
    expect(await certificateMatchesKey(rsa.certificatePem, rsa.keyPem)).toBe(true);
    const pkcs1 = AsnConvert.parse(PemConverter.decodeFirst(rsa.keyPem), PrivateKeyInfo).privateKey.buffer as ArrayBuffer;
    expect(await certificateMatchesKey(rsa.certificatePem, PemConverter.encode(pkcs1, 'RSA PRIVATE KEY'))).toBe(true);
    const ec = await createTestCertificate({ keyType: 'ec' });
    expect(await certificateMatchesKey(ec.certificatePem, rsa.keyPem)).toBe(false);
  });

  it('refuses unreadable keys', async () => {
    const { certificatePem } = await createTestCertificate();
    await expect(certificateMatchesKey(certificatePem, 'not a key')).rejects.toThrow(
      'The private key must be in PEM format (-----BEGIN PRIVATE KEY-----)',
    );
    await expect(certificateMatchesKey(certificatePem, certificatePem)).rejects.toThrow('No PRIVATE KEY block found in the key PEM text');
  });
});
