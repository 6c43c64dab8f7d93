import 'reflect-metadata';
import { PemConverter, SubjectAlternativeNameExtension, X509Certificate } from '@peculiar/x509';

/** What the dashboard and the sandbox need to know about a PEM certificate. */
export interface CertificateInfo {
  /** distinguished name, e.g. `CN=shop.example.com, O=Example` */
  subject: string;
  /** CN of the subject, or null when it has none */
  commonName: string | null;
  /** DNS names (and IP addresses) of the subjectAltName extension */
  san: string[];
  issuer: string;
  /** serial number, lowercase hex */
  serial: string;
  /** SHA-256 of the DER certificate, lowercase hex without colons */
  fingerprint: string;
  /** ISO-8601 */
  notBefore: string;
  /** ISO-8601 */
  notAfter: string;
  selfSigned: boolean;
}

export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

interface PemBlock {
  label: string;
  der: ArrayBuffer;
}

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/** Every PEM block of a text, with its label (`CERTIFICATE`, `PRIVATE KEY`…). */
export function parsePemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(blockPattern)) {
    const label = match[1]!;
    const body = match[2]!.replace(/\s+/g, '');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body) || body.length === 0) {
      throw new PemError(`The ${label} block is not valid base64`);
    }
    blocks.push({ label, der: PemConverter.decodeFirst(`-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`) });
  }
  return blocks;
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function loadCertificate(pem: string): X509Certificate {
  if (typeof pem !== 'string' || !pem.includes('-----BEGIN')) {
    throw new PemError('The certificate must be in PEM format (-----BEGIN CERTIFICATE-----)');
  }
  const blocks = parsePemBlocks(pem);
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE');
  if (certificates.length === 0) throw new PemError('No CERTIFICATE block found in the PEM text');
  try {
    return new X509Certificate(certificates[0]!.der);
  } catch {
    throw new PemError('The CERTIFICATE block could not be decoded as an X.509 certificate');
  }
}

/** Parse the first certificate of a PEM text. Throws PemError with an English message when it is not one. */
export async function parseCertificatePem(pem: string): Promise<CertificateInfo> {
  const certificate = loadCertificate(pem);
  const sanExtension = certificate.getExtension(SubjectAlternativeNameExtension);
  const san = sanExtension
    ? sanExtension.names.items.filter((name) => name.type === 'dns' || name.type === 'ip').map((name) => name.value)
    : [];
  const commonName = certificate.subjectName.getField('CN')[0] ?? null;
  return {
    subject: certificate.subject,
    commonName,
    san,
    issuer: certificate.issuer,
    serial: certificate.serialNumber.toLowerCase(),
    fingerprint: hex(await certificate.getThumbprint('SHA-256')),
    notBefore: certificate.notBefore.toISOString(),
    notAfter: certificate.notAfter.toISOString(),
    selfSigned: certificate.subject === certificate.issuer,
  };
}

/** Every certificate of a chain PEM text (intermediates), parsed. Throws PemError when a block is not one. */
export async function parseCertificateChainPem(pem: string): Promise<CertificateInfo[]> {
  const blocks = parsePemBlocks(pem);
  if (blocks.length === 0) throw new PemError('The chain must be PEM certificates (-----BEGIN CERTIFICATE-----)');
  const other = blocks.find((block) => block.label !== 'CERTIFICATE');
  if (other) throw new PemError(`The chain may only contain certificates, not a ${other.label} block`);
  return Promise.all(
    blocks.map((block) =>
      parseCertificatePem(PemConverter.encode(block.der, 'CERTIFICATE')),
    ),
  );
}

// DER helpers to wrap a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY) into PKCS#8.
function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return [0x80 | bytes.length, ...bytes];
}
function derTlv(tag: number, content: Uint8Array): Uint8Array {
  return Uint8Array.from([tag, ...derLength(content.length), ...content]);
}
function wrapPkcs1(pkcs1: ArrayBuffer): ArrayBuffer {
  const version = Uint8Array.from([0x02, 0x01, 0x00]);
  // AlgorithmIdentifier { rsaEncryption, NULL }
  const algorithm = Uint8Array.from([0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00]);
  const key = derTlv(0x04, new Uint8Array(pkcs1));
  const content = new Uint8Array([...version, ...algorithm, ...key]);
  return derTlv(0x30, content).buffer as ArrayBuffer;
}

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto;
  if (!crypto?.subtle) throw new PemError('Web Crypto is not available in this environment');
  return crypto.subtle;
}

/** Private key in PKCS#8 DER form, from a `PRIVATE KEY` or `RSA PRIVATE KEY` PEM. */
export function privateKeyToPkcs8(keyPem: string): ArrayBuffer {
  if (typeof keyPem !== 'string' || !keyPem.includes('-----BEGIN')) {
    throw new PemError('The private key must be in PEM format (-----BEGIN PRIVATE KEY-----)');
  }
  const blocks = parsePemBlocks(keyPem);
  const pkcs8 = blocks.find((block) => block.label === 'PRIVATE KEY');
  if (pkcs8) return pkcs8.der;
  const pkcs1 = blocks.find((block) => block.label === 'RSA PRIVATE KEY');
  if (pkcs1) return wrapPkcs1(pkcs1.der);
  if (blocks.some((block) => block.label === 'ENCRYPTED PRIVATE KEY')) {
    throw new PemError('Encrypted private keys are not accepted: remove the passphrase first');
  }
  throw new PemError('No PRIVATE KEY block found in the key PEM text');
}

type KeyJwk = JsonWebKey & { n?: string; e?: string; x?: string; y?: string; crv?: string };

async function importAlgorithmFor(certificate: X509Certificate): Promise<RsaHashedImportParams | EcKeyImportParams | Algorithm> {
  const algorithm = certificate.publicKey.algorithm as Algorithm & { namedCurve?: string };
  if (algorithm.name === 'ECDSA' || algorithm.name === 'ECDH') return { name: 'ECDSA', namedCurve: algorithm.namedCurve ?? 'P-256' };
  if (algorithm.name === 'Ed25519' || algorithm.name === 'Ed448') return { name: algorithm.name };
  return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' } as RsaHashedImportParams;
}

/**
 * True when the private key belongs to the certificate: the public part derived from the key
 * (through a Web Crypto pkcs8 import + JWK export) equals the certificate's public key.
 * Throws PemError when either text cannot be read.
 */
export async function certificateMatchesKey(certPem: string, keyPem: string): Promise<boolean> {
  const certificate = loadCertificate(certPem);
  const pkcs8 = privateKeyToPkcs8(keyPem);
  const algorithm = await importAlgorithmFor(certificate);
  let privateJwk: KeyJwk;
  try {
    const privateKey = await subtle().importKey('pkcs8', pkcs8, algorithm, true, ['sign']);
    privateJwk = (await subtle().exportKey('jwk', privateKey)) as KeyJwk;
  } catch {
    // wrong key type for the certificate's algorithm, or an unreadable key
    try {
      // tell an unreadable key apart from a key of another algorithm
      await subtle().importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, true, ['sign']);
      return false;
    } catch {
      for (const namedCurve of ['P-256', 'P-384', 'P-521']) {
        try {
          await subtle().importKey('pkcs8', pkcs8, { name: 'ECDSA', namedCurve }, true, ['sign']);
          return false;
        } catch {
          // try the next curve
        }
      }
      throw new PemError('The private key could not be read');
    }
  }
  let publicJwk: KeyJwk;
  try {
    const publicKey = await certificate.publicKey.export(algorithm, ['verify']);
    publicJwk = (await subtle().exportKey('jwk', publicKey)) as KeyJwk;
  } catch {
    throw new PemError("The certificate's public key could not be read");
  }
  return (
    privateJwk.kty === publicJwk.kty &&
    privateJwk.n === publicJwk.n &&
    privateJwk.e === publicJwk.e &&
    privateJwk.crv === publicJwk.crv &&
    privateJwk.x === publicJwk.x &&
    privateJwk.y === publicJwk.y
  );
}
