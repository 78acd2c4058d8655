import { X509Certificate, createPrivateKey } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppException, ErrorCode } from '@saraban/errors';

/** An organisation's signing key and certificate, decrypted once and kept for many signatures. */
export interface SigningIdentity {
  privateKey: KeyObject;
  certificate: X509Certificate;
  /** The other certificates of the PKCS#12 (issuers), carried in each signature. */
  chain: X509Certificate[];
}

type ForgeBag = forge.pkcs12.Bag & { asn1?: forge.asn1.Asn1 };

function invalid(reason: string): AppException {
  return new AppException(ErrorCode.SigningCertificateInvalid, { reason });
}

function derOf(node: forge.asn1.Asn1): Buffer {
  return Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
}

/**
 * Opens a PKCS#12 (.p12/.pfx): the private key (RSA or EC) and the certificate that matches
 * it, plus any issuer certificates. A wrong password or a file without a matching pair is a
 * SIGNING_CERTIFICATE_INVALID error.
 */
export function loadSigningIdentity(p12: Buffer, password: string): SigningIdentity {
  let pfx: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary')));
    pfx = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    throw invalid(`cannot open the PKCS#12: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { pkcs8ShroudedKeyBag, keyBag, certBag } = forge.pki.oids;
  const keyBags = [
    ...(pfx.getBags({ bagType: pkcs8ShroudedKeyBag })[pkcs8ShroudedKeyBag] ?? []),
    ...(pfx.getBags({ bagType: keyBag })[keyBag] ?? []),
  ] as ForgeBag[];
  const certBags = (pfx.getBags({ bagType: certBag })[certBag] ?? []) as ForgeBag[];
  if (keyBags.length === 0) throw invalid('the PKCS#12 holds no private key');

  // node-forge decodes RSA keys itself and hands other key types (EC) over as ASN.1.
  const keyBagOf = keyBags[0];
  let keyDer: Buffer;
  if (keyBagOf.key) keyDer = derOf(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBagOf.key)));
  else if (keyBagOf.asn1) keyDer = derOf(keyBagOf.asn1);
  else throw invalid('unreadable private key');
  const privateKey = createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' });

  const certificates = certBags.map((bag) => {
    if (bag.cert) return new X509Certificate(derOf(forge.pki.certificateToAsn1(bag.cert)));
    if (bag.asn1) return new X509Certificate(derOf(bag.asn1));
    throw invalid('unreadable certificate');
  });
  const certificate = certificates.find((c) => c.checkPrivateKey(privateKey));
  if (!certificate) throw invalid('no certificate in the PKCS#12 matches its private key');
  return { privateKey, certificate, chain: certificates.filter((c) => c !== certificate) };
}
