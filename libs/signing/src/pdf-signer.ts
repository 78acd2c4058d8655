import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import signpdf from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED, Signer } from '@signpdf/utils';
import { AppException, ErrorCode } from '@saraban/errors';
import { buildCadesDetachedSignature } from './cades-detached.util';
import type { SigningIdentity } from './signing-identity';

export interface SignPdfOptions {
  /** The claimed signing time (/M); default now. */
  signingTime?: Date;
  /** Printable ASCII only (see PLACEHOLDER_TEXT). Default "Approved document". */
  reason?: string;
  location?: string;
  contactInfo?: string;
}

/**
 * @signpdf/placeholder-plain 3.3 writes non-ASCII strings as UTF-16 and then encodes that as
 * UTF-8 again, which garbles them (and may unbalance the parentheses): the signature
 * dictionary's free-text entries are kept to printable ASCII. Nothing is lost: the signer's
 * name (in Thai) comes from the certificate, which viewers show.
 */
const PLACEHOLDER_TEXT = /^[\x20-\x7e]*$/;

function placeholderText(value: string, field: string): string {
  if (!PLACEHOLDER_TEXT.test(value) || /[()\\]/.test(value)) {
    throw new AppException(
      ErrorCode.DocumentInvalid,
      { field },
      `ข้อความ ${field} ของลายมือชื่อต้องเป็นอักขระ ASCII`,
    );
  }
  return value;
}

export interface SignedPdf {
  pdf: Buffer;
  /** SHA-256 of the signed file, hex: what the verification page looks documents up by. */
  sha256: string;
}

/** @signpdf calls this with the PDF minus the signature placeholder. */
class CadesDetachedSigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super();
  }

  override sign(content: Buffer): Promise<Buffer> {
    return Promise.resolve(buildCadesDetachedSignature(content, this.identity));
  }
}

/**
 * Signs the final PDF (PAdES, SubFilter ETSI.CAdES.detached) with the organisation's key:
 * an invisible signature field added as an incremental update, the CMS over the whole file
 * except the signature itself.
 */
export async function signPdf(
  pdf: Buffer,
  identity: SigningIdentity,
  options: SignPdfOptions = {},
): Promise<SignedPdf> {
  const signingTime = options.signingTime ?? new Date();
  const cert = identity.certificate;
  if (signingTime < new Date(cert.validFrom) || signingTime > new Date(cert.validTo)) {
    throw new AppException(ErrorCode.SigningCertificateInvalid, {
      reason: `the certificate is valid from ${cert.validFrom} to ${cert.validTo}`,
    });
  }
  const certificatesLength = [cert, ...identity.chain].reduce((n, c) => n + c.raw.length, 0);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: placeholderText(options.reason ?? 'Approved document', 'reason'),
    contactInfo: placeholderText(options.contactInfo ?? '', 'contactInfo'),
    name: '',
    location: placeholderText(options.location ?? '', 'location'),
    signingTime,
    // Room for the CMS: the certificates plus attributes and a 4096-bit signature, with margin.
    signatureLength: certificatesLength + 4096,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'SarabanFlow', // a PDF name: no spaces
  });
  const signed = await signpdf.sign(withPlaceholder, new CadesDetachedSigner(identity), signingTime);
  return { pdf: signed, sha256: createHash('sha256').update(signed).digest('hex') };
}
