import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import {
  certificateMatchesKey,
  parseCertificateChainPem,
  parseCertificatePem,
  parsePemBlocks,
  PemError,
  privateKeyToPkcs8,
  type CertificateInfo,
} from '@/lib/pem/pem';

/** What the user pasted or picked, as text. */
export interface CertificateUploadInput {
  certificate: string;
  key: string;
  chain: string;
}

/** One finding about the upload: `error` blocks the submit, `warning` only informs. */
export interface UploadFinding {
  field: keyof CertificateUploadInput;
  level: 'error' | 'warning';
  message: string;
}

export interface CertificateUploadCheck {
  /** the parsed certificate, when it could be read */
  certificate: CertificateInfo | null;
  /** the parsed chain certificates, in the order given */
  chain: CertificateInfo[];
  /** null when the key or the certificate could not be read (or the key is empty) */
  keyMatches: boolean | null;
  findings: UploadFinding[];
}

const dayMs = 24 * 3600 * 1000;

function message(error: unknown): string {
  return error instanceof PemError ? error.message : error instanceof Error ? error.message : String(error);
}

/** The DER of every CERTIFICATE block of a PEM text, in order. */
function certificatesOf(pem: string): X509Certificate[] {
  return parsePemBlocks(pem)
    .filter((block) => block.label === 'CERTIFICATE')
    .map((block) => new X509Certificate(block.der));
}

/** True when `issuer` signed `subject` (signature check with the issuer's public key). */
export async function isSignedBy(subject: X509Certificate, issuer: X509Certificate): Promise<boolean> {
  try {
    return await subject.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    return false;
  }
}

/**
 * Problems of a chain for a certificate: the chain's first certificate must be the certificate's
 * issuer (same name and a valid signature), and each next one the issuer of the previous one.
 * Returns English sentences; empty when the chain is in order.
 */
export async function checkChainOrder(certificatePem: string, chainPem: string): Promise<string[]> {
  const [leaf] = certificatesOf(certificatePem);
  const chain = certificatesOf(chainPem);
  if (!leaf || chain.length === 0) return [];
  const problems: string[] = [];
  const links: [X509Certificate, X509Certificate, string][] = [[leaf, chain[0]!, 'the certificate']];
  for (let index = 1; index < chain.length; index += 1) {
    links.push([chain[index - 1]!, chain[index]!, `chain certificate ${index}`]);
  }
  for (const [child, parent, childLabel] of links) {
    const parentLabel = parent === chain[0] ? 'the first chain certificate' : `chain certificate ${chain.indexOf(parent) + 1}`;
    if (child.issuer !== parent.subject) {
      problems.push(
        `${capitalise(parentLabel)} (${parent.subject}) is not the issuer of ${childLabel} (issued by ${child.issuer})`,
      );
    } else if (!(await isSignedBy(child, parent))) {
      problems.push(`${capitalise(parentLabel)} has the issuer's name but did not sign ${childLabel}`);
    }
  }
  return problems;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whole days from `now` to `date` (negative once passed). */
export function daysUntil(date: string | Date, now: number = Date.now()): number {
  return Math.floor((new Date(date).getTime() - now) / dayMs);
}

/**
 * Checks an upload in the browser before it is sent: the certificate must be PEM, the key PEM and
 * the certificate's own, the optional chain PEM certificates; warns on an expired (or not yet valid)
 * certificate and on a chain that does not lead from the certificate to its issuers.
 * Empty fields give no finding (the form says they are required).
 */
export async function checkCertificateUpload(
  input: CertificateUploadInput,
  now: number = Date.now(),
): Promise<CertificateUploadCheck> {
  const findings: UploadFinding[] = [];
  const result: CertificateUploadCheck = { certificate: null, chain: [], keyMatches: null, findings };
  const certificateText = input.certificate.trim();
  const keyText = input.key.trim();
  const chainText = input.chain.trim();

  if (certificateText) {
    try {
      result.certificate = await parseCertificatePem(certificateText);
      const certificate = result.certificate;
      const blocks = parsePemBlocks(certificateText);
      if (blocks.some((block) => block.label.includes('PRIVATE KEY'))) {
        findings.push({ field: 'certificate', level: 'error', message: 'This field holds a private key: paste it in the Private key field' });
      } else if (blocks.filter((block) => block.label === 'CERTIFICATE').length > 1) {
        findings.push({
          field: 'certificate',
          level: 'warning',
          message: 'Only the first certificate is used: put the intermediate certificates in the Chain field',
        });
      }
      if (new Date(certificate.notAfter).getTime() < now) {
        findings.push({ field: 'certificate', level: 'warning', message: `This certificate expired on ${certificate.notAfter.slice(0, 10)}` });
      } else if (new Date(certificate.notBefore).getTime() > now) {
        findings.push({ field: 'certificate', level: 'warning', message: `This certificate is not valid before ${certificate.notBefore.slice(0, 10)}` });
      }
    } catch (error) {
      findings.push({ field: 'certificate', level: 'error', message: message(error) });
    }
  }

  let keyReadable = false;
  if (keyText) {
    try {
      privateKeyToPkcs8(keyText);
      keyReadable = true;
    } catch (error) {
      findings.push({ field: 'key', level: 'error', message: message(error) });
    }
  }
  if (keyReadable && result.certificate) {
    try {
      result.keyMatches = await certificateMatchesKey(certificateText, keyText);
      if (!result.keyMatches) {
        findings.push({ field: 'key', level: 'error', message: 'This private key does not belong to the certificate' });
      }
    } catch (error) {
      findings.push({ field: 'key', level: 'error', message: message(error) });
    }
  }

  if (chainText) {
    try {
      result.chain = await parseCertificateChainPem(chainText);
      if (result.certificate) {
        for (const problem of await checkChainOrder(certificateText, chainText)) {
          findings.push({ field: 'chain', level: 'warning', message: problem });
        }
      }
    } catch (error) {
      findings.push({ field: 'chain', level: 'error', message: message(error) });
    }
  }
  return result;
}

/** The findings of one field at one level. */
export function findingFor(check: CertificateUploadCheck | null, field: keyof CertificateUploadInput, level: UploadFinding['level']) {
  return check?.findings.filter((finding) => finding.field === field && finding.level === level) ?? [];
}
