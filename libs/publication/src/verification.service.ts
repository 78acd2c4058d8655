import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { installedCertificateFingerprint } from '@saraban/certificates';
import { AppException, ErrorCode } from '@saraban/errors';
import { findOrganisationSummary } from '@saraban/organisation';
import { verifySignedPdf, type SignedPdfVerification } from '@saraban/signing';
import { Publication } from './entities/publication.entity';
import { SignedDocument, type ApprovalChainLine } from './entities/signed-document.entity';

export interface VerifiedDocument {
  /** The organisation as it was when the document was signed (it may be called otherwise today). */
  organisation: { code: string; name: string };
  /** SHA-256 fingerprint of the certificate it was signed with (null: signed before this was kept). */
  certificateFingerprint: string | null;
  subject: string;
  documentNo: string;
  datedOn: string | null;
  signedAt: Date | null;
  verificationCode: string;
  approvalChain: ApprovalChainLine[];
  publications: { id: string; status: string; publishedAt: Date; memoVersion: number }[];
}

/**
 * genuine: a document this system signed (and, for a file, its signature holds with the
 * organisation's certificate); mismatch: ours by hash, but the file's signature fails or was made
 * with another certificate; unknown: not a document this system signed.
 */
export type VerificationVerdict = 'genuine' | 'mismatch' | 'unknown';

export interface VerificationResult {
  sha256: string;
  verdict: VerificationVerdict;
  /** The hash is the SHA-256 of a PDF this system signed. */
  issuedHere: boolean;
  document: VerifiedDocument | null;
  /** Only for an uploaded file: the signature checked cryptographically; its signer only when genuine. */
  signature: SignedPdfVerification | null;
  /**
   * The document was signed with the issuing organisation's certificate: for a file, its signature
   * holds and was made with the certificate recorded at signing; by hash or code, it is a document
   * this system signed. Never null: false whenever that is not shown.
   */
  signedWithOrganisationCertificate: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Answers "is this the document that was approved?" for anyone, from a file, its hash or the printed code. */
@Injectable()
export class VerificationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async verifyFile(pdf: Buffer): Promise<VerificationResult> {
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    const signature = verifySignedPdf(pdf);
    const found = await this.findBy({ sha256 });
    const signer = signature.valid ? signature.signer : null;
    const withOrganisationCertificate =
      found !== null &&
      signer !== null &&
      (await this.signingFingerprint(found)) === signer.certificateSha256;
    const verdict: VerificationVerdict = !found
      ? 'unknown'
      : withOrganisationCertificate
        ? 'genuine'
        : 'mismatch';
    return {
      sha256,
      verdict,
      issuedHere: found !== null,
      document: found ? await this.describe(found) : null,
      // A file that fails verification names no signer, whatever its certificate claims.
      signature: { ...signature, signer: verdict === 'genuine' ? signer : null },
      signedWithOrganisationCertificate: withOrganisationCertificate,
    };
  }

  async verifyHash(sha256: string): Promise<VerificationResult> {
    const normalised = sha256.trim().toLowerCase();
    if (!SHA256.test(normalised)) {
      throw new AppException(ErrorCode.ValidationFailed, [
        { field: 'sha256', problems: ['ต้องเป็น SHA-256 ๖๔ อักขระ'] },
      ]);
    }
    return this.stored(normalised, await this.findBy({ sha256: normalised }));
  }

  /** The page the printed QR code leads to. */
  async byCode(code: string): Promise<VerificationResult> {
    const found = await this.findBy({ verificationCode: code.trim().toUpperCase() });
    if (!found || !found.sha256) throw new AppException(ErrorCode.NotFound);
    return this.stored(found.sha256, found);
  }

  /** By hash or code: what was stored when this system signed it (no file to check). */
  private async stored(sha256: string, found: SignedDocument | null): Promise<VerificationResult> {
    return {
      sha256,
      verdict: found ? 'genuine' : 'unknown',
      issuedHere: found !== null,
      document: found ? await this.describe(found) : null,
      signature: null,
      signedWithOrganisationCertificate: found !== null,
    };
  }

  private findBy(where: { sha256?: string; verificationCode?: string }): Promise<SignedDocument | null> {
    return this.db.getRepository(SignedDocument).findOne({ where: { ...where, stage: 'signed' } });
  }

  /** The certificate it was signed with; for a document signed before that was kept, the one installed now. */
  private async signingFingerprint(doc: SignedDocument): Promise<string | null> {
    if (doc.certificateFingerprint) return doc.certificateFingerprint;
    return installedCertificateFingerprint(this.db.manager, doc.organisationId);
  }

  private async describe(doc: SignedDocument): Promise<VerifiedDocument> {
    const [organisation, publications] = await Promise.all([
      this.signingOrganisation(doc),
      this.db
        .getRepository(Publication)
        .find({ where: { documentId: doc.id }, order: { publishedAt: 'DESC' } }),
    ]);
    return {
      organisation,
      certificateFingerprint: doc.certificateFingerprint,
      subject: doc.subject,
      documentNo: doc.documentNo,
      datedOn: doc.datedOn,
      signedAt: doc.signedAt,
      verificationCode: doc.verificationCode,
      approvalChain: doc.approvalChain,
      publications: publications.map((p) => ({
        id: p.id,
        status: p.status,
        publishedAt: p.publishedAt,
        memoVersion: p.memoVersion,
      })),
    };
  }

  /** As recorded at signing; the migration filled it in for documents signed before, so this fallback is rare. */
  private async signingOrganisation(doc: SignedDocument): Promise<{ code: string; name: string }> {
    if (doc.organisationCode && doc.organisationName) {
      return { code: doc.organisationCode, name: doc.organisationName };
    }
    const org = await findOrganisationSummary(this.db.manager, doc.organisationId);
    if (!org) throw new Error(`signed document ${doc.id}: organisation ${doc.organisationId} not found`);
    return { code: org.code, name: org.name };
  }
}
