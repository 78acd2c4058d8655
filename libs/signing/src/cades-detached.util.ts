import { createHash, sign as cryptoSign } from 'node:crypto';
import {
  OIDS,
  clone,
  derSet,
  fromDer,
  int,
  issuerAndSerial,
  nullValue,
  octets,
  oid,
  seq,
  set,
  tagged,
  toDer,
} from './asn1.util';
import type { Asn1 } from './asn1.util';
import type { SigningIdentity } from './signing-identity';

function signatureAlgorithm(identity: SigningIdentity): Asn1 {
  const type = identity.privateKey.asymmetricKeyType;
  if (type === 'rsa') return seq([oid(OIDS.sha256WithRsa), nullValue()]);
  if (type === 'ec') return seq([oid(OIDS.ecdsaWithSha256)]);
  throw new Error(`unsupported signing key type: ${type ?? 'unknown'}`);
}

/**
 * A detached CMS SignedData over `content`, as PAdES (ETSI EN 319 142-1, baseline B-B) wants
 * it in a PDF whose SubFilter is ETSI.CAdES.detached: SHA-256, signed attributes
 * content-type, message-digest and ESS signing-certificate-v2 (which binds the certificate
 * to the signature), and no signing-time attribute (the claimed time is the /M entry of the
 * signature dictionary). The signature value comes from Node's OpenSSL.
 */
export function buildCadesDetachedSignature(content: Buffer, identity: SigningIdentity): Buffer {
  const certDer = identity.certificate.raw;
  const { issuer, serial } = issuerAndSerial(certDer);
  const sha256 = seq([oid(OIDS.sha256)]);

  const essCertIdV2 = seq([
    octets(createHash('sha256').update(certDer).digest()),
    // IssuerSerial: GeneralNames (directoryName [4]) and the serial number.
    seq([seq([tagged(4, [clone(issuer)])]), clone(serial)]),
  ]);
  const signedAttributes = [
    seq([oid(OIDS.contentType), set([oid(OIDS.data)])]),
    seq([oid(OIDS.messageDigest), set([octets(createHash('sha256').update(content).digest())])]),
    seq([oid(OIDS.signingCertificateV2), set([seq([seq([essCertIdV2])])])]),
  ];
  // What is signed is the DER of the attributes as a SET OF (tag 0x31); in the SignerInfo
  // the same members sit under an implicit [0].
  const attributesSet = derSet(signedAttributes);
  const signature = cryptoSign('sha256', toDer(attributesSet), identity.privateKey);

  const signerInfo = seq([
    int(1),
    seq([clone(issuer), clone(serial)]),
    sha256,
    tagged(0, attributesSet.value as Asn1[]),
    signatureAlgorithm(identity),
    octets(signature),
  ]);
  const certificates = [identity.certificate, ...identity.chain].map((c) => fromDer(c.raw));
  const signedData = seq([
    int(1),
    set([seq([oid(OIDS.sha256)])]),
    seq([oid(OIDS.data)]),
    tagged(0, certificates),
    set([signerInfo]),
  ]);
  return toDer(seq([oid(OIDS.signedData), tagged(0, [signedData])]));
}
