import 'reflect-metadata';
import {
  BasicConstraintsExtension,
  PemConverter,
  SubjectAlternativeNameExtension,
  X509CertificateGenerator,
} from '@peculiar/x509';

/** Test helper: a certificate and its key generated on the spot with Web Crypto (never commit real keys). */
export interface TestCertificateOptions {
  commonName?: string;
  san?: string[];
  notBefore?: Date;
  notAfter?: Date;
  /** `rsa` (2048 bits, default) or `ec` (P-256, much faster to generate) */
  keyType?: 'rsa' | 'ec';
  /** sign with a generated intermediate CA instead of self-signing, and return it as chainPem */
  withChain?: boolean;
  serialNumber?: string;
}

export interface TestCertificate {
  certificatePem: string;
  keyPem: string;
  chainPem?: string;
}

const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const ec = { name: 'ECDSA', namedCurve: 'P-256' };

async function generateKeys(keyType: 'rsa' | 'ec'): Promise<CryptoKeyPair> {
  return (await globalThis.crypto.subtle.generateKey(keyType === 'rsa' ? rsa : ec, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function keyPem(keys: CryptoKeyPair): Promise<string> {
  const pkcs8 = await globalThis.crypto.subtle.exportKey('pkcs8', keys.privateKey);
  return PemConverter.encode(pkcs8, 'PRIVATE KEY');
}

export async function createTestCertificate(options: TestCertificateOptions = {}): Promise<TestCertificate> {
  const commonName = options.commonName ?? 'www.example.com';
  const san = options.san ?? [commonName];
  const keyType = options.keyType ?? 'ec';
  const notBefore = options.notBefore ?? new Date(Date.now() - 24 * 3600 * 1000);
  const notAfter = options.notAfter ?? new Date(Date.now() + 90 * 24 * 3600 * 1000);
  const signingAlgorithm = keyType === 'rsa' ? rsa : { name: 'ECDSA', hash: 'SHA-256' };
  const keys = await generateKeys(keyType);
  const extensions = [new SubjectAlternativeNameExtension(san.map((value) => ({ type: 'dns' as const, value })))];
  const serialNumber = options.serialNumber ?? Array.from(globalThis.crypto.getRandomValues(new Uint8Array(8)), (b) => (b & 0x7f).toString(16).padStart(2, '0')).join('');

  if (!options.withChain) {
    const certificate = await X509CertificateGenerator.createSelfSigned({
      serialNumber,
      name: `CN=${commonName}`,
      notBefore,
      notAfter,
      keys,
      signingAlgorithm,
      extensions,
    });
    return { certificatePem: certificate.toString('pem'), keyPem: await keyPem(keys) };
  }

  const caKeys = await generateKeys(keyType);
  const ca = await X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: 'CN=Sandbox Test Intermediate CA, O=IPLB Console',
    notBefore,
    notAfter: new Date(notAfter.getTime() + 365 * 24 * 3600 * 1000),
    keys: caKeys,
    signingAlgorithm,
    extensions: [new BasicConstraintsExtension(true, 0, true)],
  });
  const certificate = await X509CertificateGenerator.create({
    serialNumber,
    subject: `CN=${commonName}`,
    issuer: ca.subject,
    notBefore,
    notAfter,
    publicKey: keys.publicKey,
    signingKey: caKeys.privateKey,
    signingAlgorithm,
    extensions,
  });
  return { certificatePem: certificate.toString('pem'), keyPem: await keyPem(keys), chainPem: ca.toString('pem') };
}
