import { X509Certificate } from 'node:crypto';
import { OIDS, bytesOf, children, fromDer, isContext, issuerAndSerial, oidOf, toDer } from './asn1.util';
import type { Asn1 } from './asn1.util';

/*
 * Reading a detached CMS SignedData (the /Contents of a PDF signature): what the verifier needs
 * to check it, nothing checked here.
 */

export interface ParsedCms {
  digestAlgorithm: string;
  /** DER of the signed attributes as a SET OF: what the signature is over. */
  signedAttributes: Buffer;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  signature: Buffer;
  signerCertificate: X509Certificate;
}

/** The one SignerInfo of a SignedData, with its certificate; throws on anything else. */
export function parseCms(der: Buffer): ParsedCms {
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

/** UTCTime "250413020000Z" or GeneralizedTime "20250413020000Z". */
function asn1Time(s: string): Date | null {
  const m = /^(\d{2}|\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s);
  if (!m) return null;
  const year = m[1].length === 2 ? (Number(m[1]) < 50 ? 2000 : 1900) + Number(m[1]) : Number(m[1]);
  return new Date(
    Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)),
  );
}
