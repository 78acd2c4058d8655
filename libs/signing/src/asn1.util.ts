import forge from 'node-forge';

// Small helpers over node-forge's ASN.1 codec, which the CMS builder and the verifier share.
// Parsing keeps BIT STRINGs undecoded, so a parsed certificate re-encodes to the same bytes.

export type Asn1 = forge.asn1.Asn1;

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;

interface FromDerOptions {
  strict: boolean;
  parseAllBytes: boolean;
  decodeBitStrings: boolean;
}

// node-forge 1.x takes an options object; @types/node-forge only knows the older boolean.
const fromDerWithOptions = asn1.fromDer as unknown as (
  bytes: forge.util.ByteStringBuffer,
  o: FromDerOptions,
) => Asn1;

/** Trailing bytes are ignored: a PDF signature's /Contents is zero-padded after the CMS. */
export function fromDer(der: Buffer): Asn1 {
  return fromDerWithOptions(forge.util.createBuffer(der.toString('binary')), {
    strict: true,
    parseAllBytes: false,
    decodeBitStrings: false,
  });
}

export function toDer(node: Asn1): Buffer {
  return Buffer.from(asn1.toDer(node).getBytes(), 'binary');
}

export function oid(dotted: string): Asn1 {
  return asn1.create(U, asn1.Type.OID, false, asn1.oidToDer(dotted).getBytes());
}

export function seq(items: Asn1[]): Asn1 {
  return asn1.create(U, asn1.Type.SEQUENCE, true, items);
}

export function set(items: Asn1[]): Asn1 {
  return asn1.create(U, asn1.Type.SET, true, items);
}

/** DER orders the members of a SET OF by their encodings. */
export function derSet(items: Asn1[]): Asn1 {
  return set([...items].sort((a, b) => Buffer.compare(toDer(a), toDer(b))));
}

export function octets(bytes: Buffer): Asn1 {
  return asn1.create(U, asn1.Type.OCTETSTRING, false, bytes.toString('binary'));
}

export function int(n: number): Asn1 {
  return asn1.create(U, asn1.Type.INTEGER, false, asn1.integerToDer(n).getBytes());
}

export function nullValue(): Asn1 {
  return asn1.create(U, asn1.Type.NULL, false, '');
}

/** A context-specific tag [n] around `items` (constructed). */
export function tagged(n: number, items: Asn1[]): Asn1 {
  return asn1.create(asn1.Class.CONTEXT_SPECIFIC, n, true, items);
}

export function children(node: Asn1): Asn1[] {
  if (!Array.isArray(node.value)) throw new Error('ASN.1: expected a constructed value');
  return node.value;
}

export function bytesOf(node: Asn1): Buffer {
  if (typeof node.value !== 'string') throw new Error('ASN.1: expected a primitive value');
  return Buffer.from(node.value, 'binary');
}

export function oidOf(node: Asn1): string {
  if (node.tagClass !== U || node.type !== asn1.Type.OID || typeof node.value !== 'string') {
    throw new Error('ASN.1: expected an OID');
  }
  return asn1.derToOid(node.value);
}

export function isContext(node: Asn1, n: number): boolean {
  return node.tagClass === asn1.Class.CONTEXT_SPECIFIC && (node.type as number) === n;
}

/** A deep copy, so one parsed node can appear twice in a new structure. */
export function clone(node: Asn1): Asn1 {
  return fromDer(toDer(node));
}

/** The issuer Name and serialNumber of an X.509 certificate, as ASN.1. */
export function issuerAndSerial(certDer: Buffer): { issuer: Asn1; serial: Asn1 } {
  const tbs = children(children(fromDer(certDer))[0]);
  const offset = isContext(tbs[0], 0) ? 1 : 0; // [0] version is optional
  return { serial: tbs[offset], issuer: tbs[offset + 2] };
}

export const OIDS = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;
