import { X509Certificate, createHash, verify as cryptoVerify } from 'node:crypto';
import { OIDS, bytesOf, children, fromDer, isContext, issuerAndSerial, oidOf, toDer } from './asn1.util';
import type { Asn1 } from './asn1.util';
import { certificateSubject } from './certificate-subject.util';

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
 * signature over the signed attributes must verify with the certificate it names.
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
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last || last.index === undefined) {
    result.problems.push('the PDF has no signature');
    return result;
  }
  const [a, b, c, d] = last.slice(1, 5).map(Number);
  if (a !== 0 || b <= 0 || c <= b || c + d > pdf.length) {
    result.problems.push('the signature byte range is malformed');
    return result;
  }
  if (c + d !== pdf.length)
    result.problems.push('the file was changed after it was signed (bytes after the signed range)');

  const dictionary = signatureDictionary(text, last.index, b, c);
  result.subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]+)/.exec(dictionary)?.[1] ?? null;
  result.signedAt = pdfDate(/\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1]);

  const contents = text.slice(b, c);
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

interface ParsedCms {
  digestAlgorithm: string;
  /** DER of the signed attributes as a SET OF: what the signature is over. */
  signedAttributes: Buffer;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signature: Buffer;
  signerCertificate: X509Certificate;
}

function parseCms(der: Buffer): ParsedCms {
  const contentInfo = children(fromDer(der));
  if (oidOf(contentInfo[0]) !== OIDS.signedData) throw new Error('not a SignedData');
  const signedData = children(children(contentInfo[1])[0]);
  const certificatesNode = signedData.find((n) => isContext(n, 0));
  const certificates = certificatesNode
    ? children(certificatesNode).map((n) => new X509Certificate(toDer(n)))
    : [];
  const signerInfos = children(signedData[signedData.length - 1]);
  if (signerInfos.length !== 1) throw new Error(`expected one SignerInfo, found ${signerInfos.length}`);
  const si = children(signerInfos[0]);
  const sid = si[1];
  const digestAlgorithm = oidOf(children(si[2])[0]);
  const attrsNode = si[3];
  if (!isContext(attrsNode, 0)) throw new Error('the SignerInfo has no signed attributes');
  const signature = bytesOf(si[5]);

  // Re-encode [0] IMPLICIT as the SET OF it stands for (tag 0x31), as the signer signed it.
  const attrsDer = toDer(attrsNode);
  attrsDer[0] = 0x31;
  let messageDigest: Buffer | null = null;
  let signingTime: Date | null = null;
  for (const attr of children(attrsNode)) {
    const [type, values] = children(attr);
    const first = children(values)[0];
    if (oidOf(type) === OIDS.messageDigest) messageDigest = bytesOf(first);
    if (oidOf(type) === OIDS.signingTime) signingTime = asn1Time(bytesOf(first).toString('latin1'));
  }

  // The signer is identified by issuer and serial number (IssuerAndSerialNumber).
  const signerCertificate = certificates.find((c) => {
    const { issuer, serial } = issuerAndSerial(c.raw);
    return Buffer.concat([toDer(issuer), toDer(serial)]).equals(Buffer.from(childrenDer(sid)));
  });
  if (!signerCertificate) throw new Error('the signing certificate is not in the signature');
  return {
    digestAlgorithm,
    signedAttributes: attrsDer,
    messageDigest,
    signingTime,
    signature,
    signerCertificate,
  };
}

function childrenDer(node: Asn1): Buffer {
  return Buffer.concat(children(node).map(toDer));
}

/** The signature dictionary around a /ByteRange, without the (large) /Contents string. */
function signatureDictionary(
  text: string,
  byteRangeAt: number,
  contentsStart: number,
  contentsEnd: number,
): string {
  const start = Math.max(text.lastIndexOf(' obj', Math.min(byteRangeAt, contentsStart)), 0);
  const endAt = text.indexOf('endobj', Math.max(byteRangeAt, contentsEnd));
  const end = endAt < 0 ? text.length : endAt;
  return text.slice(start, contentsStart) + text.slice(contentsEnd, end);
}

/** PDF date "D:20250413090000+07'00'" (ISO 32000-1 §7.9.4). */
function pdfDate(s: string | undefined): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(s ?? '');
  if (!m) return null;
  const [, y, mo = '01', da = '01', h = '00', mi = '00', se = '00', tz] = m;
  let offset = 'Z';
  if (tz && tz !== 'Z') offset = `${tz.slice(0, 3)}:${tz.replace(/'/g, '').slice(3, 5) || '00'}`;
  const date = new Date(`${y}-${mo}-${da}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** UTCTime "250413020000Z" or GeneralizedTime "20250413020000Z". */
function asn1Time(s: string): Date | null {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (!m) return null;
  const year = m[1].length === 2 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
}
