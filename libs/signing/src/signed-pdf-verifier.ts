import { createHash, verify as cryptoVerify } from 'node:crypto';
import { OIDS } from './asn1.util';
import { certificateSubject } from './certificate-subject.util';
import { parseCms, type ParsedCms } from './cms-signed-data.util';
import { findLastSignature } from './pdf-signature-field.util';

export interface SignedPdfSigner {
  commonName: string | null;
  organisation: string | null;
  serialNumber: string;
  /** SHA-256 fingerprint of the signing certificate ("AB:CD:…"): compare with the organisation's. */
  certificateSha256: string;
  validFrom: Date;
  validTo: Date;
}

export interface SignedPdfVerification {
  /** The signature is intact and covers the whole file as it is. */
  valid: boolean;
  /** Why not (English, for logs and the verification page); empty when valid. */
  problems: string[];
  /** Who the certificate names, only when the signature is valid: a failed one names nobody. */
  signer: SignedPdfSigner | null;
  /** The claimed signing time (/M of the signature, else the CMS signing-time). */
  signedAt: Date | null;
  subFilter: string | null;
  /** SHA-256 of the file as given, hex. */
  sha256: string;
}

const HASHES: Record<string, string> = {
  [OIDS.sha256]: 'sha256',
  [OIDS.sha384]: 'sha384',
  [OIDS.sha512]: 'sha512',
};

/**
 * Checks the last signature of a PDF cryptographically, on its own (no trust decision: the
 * caller compares the certificate with the organisation's): the byte range must cover the
 * whole file except the signature; the message digest must be the hash of those bytes; the
 * signature over the signed attributes must verify with the certificate it names. Finding the
 * signature is pdf-signature-field.util.ts's work, reading its CMS cms-signed-data.util.ts's.
 */
export function verifySignedPdf(pdf: Buffer): SignedPdfVerification {
  const result: SignedPdfVerification = {
    valid: false,
    problems: [],
    signer: null,
    signedAt: null,
    subFilter: null,
    sha256: createHash('sha256').update(pdf).digest('hex'),
  };
  const field = findLastSignature(pdf);
  if ('problem' in field) {
    result.problems.push(field.problem);
    return result;
  }
  const [a, b, c, d] = field.byteRange;
  if (c + d !== pdf.length)
    result.problems.push('the file was changed after it was signed (bytes after the signed range)');
  result.subFilter = field.subFilter;
  result.signedAt = field.signedAt;

  const contents = field.contents;
  if (!/^<[0-9A-Fa-f\s]*>$/.test(contents)) {
    result.problems.push('the signature contents are not a hex string');
    return result;
  }
  let cms: ParsedCms;
  try {
    cms = parseCms(Buffer.from(contents.slice(1, -1).replace(/\s/g, ''), 'hex'));
  } catch (err) {
    result.problems.push(
      `the signature is not a readable CMS: ${err instanceof Error ? err.message : String(err)}`,
    );
    return result;
  }
  const cert = cms.signerCertificate;
  const signer: SignedPdfSigner = {
    ...certificateSubject(cert),
    serialNumber: cert.serialNumber,
    certificateSha256: cert.fingerprint256,
    validFrom: new Date(cert.validFrom),
    validTo: new Date(cert.validTo),
  };
  result.signedAt ??= cms.signingTime;

  const hash = HASHES[cms.digestAlgorithm];
  if (!hash) {
    result.problems.push(`unsupported digest algorithm ${cms.digestAlgorithm}`);
    return result;
  }
  const digest = createHash(hash)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  if (!cms.messageDigest || !digest.equals(cms.messageDigest)) {
    result.problems.push('the document does not match the signature (message digest differs)');
  }
  let signatureOk: boolean;
  try {
    signatureOk = cryptoVerify(hash, cms.signedAttributes, cert.publicKey, cms.signature);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) result.problems.push('the signature value does not verify with the signing certificate');
  if (result.signedAt && (result.signedAt < signer.validFrom || result.signedAt > signer.validTo)) {
    result.problems.push('the signing time is outside the certificate validity');
  }
  result.valid = result.problems.length === 0;
  if (result.valid) result.signer = signer;
  return result;
}
