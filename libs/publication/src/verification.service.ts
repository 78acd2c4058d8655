import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationCertificate } from '@saraban/certificates';
import { AppException, ErrorCode } from '@saraban/errors';
import { Organisation } from '@saraban/organisation';
import { verifySignedPdf, type SignedPdfVerification } from '@saraban/signing';
import { Publication } from './entities/publication.entity';
import { SignedDocument, type ApprovalChainLine } from './entities/signed-document.entity';

export interface VerifiedDocument {
  organisation: { code: string; name: string };
  subject: string;
  documentNo: string;
  datedOn: string | null;
  signedAt: Date | null;
  verificationCode: string;
  approvalChain: ApprovalChainLine[];
  publications: { id: string; status: string; publishedAt: Date; memoVersion: number }[];
}

export interface VerificationResult {
  sha256: string;
  /** The hash is the SHA-256 of a PDF this system signed. */
  issuedHere: boolean;
  document: VerifiedDocument | null;
  /** Only for an uploaded file: the signature checked cryptographically. */
  signature: SignedPdfVerification | null;
  /** The file was signed with the issuing organisation's installed certificate. */
  signedWithOrganisationCertificate: boolean | null;
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
    let signedWithOrganisationCertificate: boolean | null = null;
    if (found && signature.signer) {
      const cert = await this.db
        .getRepository(OrganisationCertificate)
        .findOne({ where: { organisationId: found.organisationId } });
      signedWithOrganisationCertificate = cert?.fingerprint === signature.signer.certificateSha256;
    }
    return {
      sha256,
      issuedHere: found !== null,
      document: found ? await this.describe(found) : null,
      signature,
      signedWithOrganisationCertificate,
    };
  }

  async verifyHash(sha256: string): Promise<VerificationResult> {
    const normalised = sha256.trim().toLowerCase();
    if (!SHA256.test(normalised)) {
      throw new AppException(ErrorCode.ValidationFailed, [
        { field: 'sha256', problems: ['ต้องเป็น SHA-256 ๖๔ อักขระ'] },
      ]);
    }
    const found = await this.findBy({ sha256: normalised });
    return {
      sha256: normalised,
      issuedHere: found !== null,
      document: found ? await this.describe(found) : null,
      signature: null,
      signedWithOrganisationCertificate: null,
    };
  }

  /** The page the printed QR code leads to. */
  async byCode(code: string): Promise<VerificationResult> {
    const found = await this.findBy({ verificationCode: code.trim().toUpperCase() });
    if (!found || !found.sha256) throw new AppException(ErrorCode.NotFound);
    return {
      sha256: found.sha256,
      issuedHere: true,
      document: await this.describe(found),
      signature: null,
      signedWithOrganisationCertificate: null,
    };
  }

  private findBy(where: { sha256?: string; verificationCode?: string }): Promise<SignedDocument | null> {
    return this.db.getRepository(SignedDocument).findOne({ where: { ...where, stage: 'signed' } });
  }

  private async describe(doc: SignedDocument): Promise<VerifiedDocument> {
    const org = await this.db
      .getRepository(Organisation)
      .findOneOrFail({ where: { id: doc.organisationId } });
    const publications = await this.db
      .getRepository(Publication)
      .find({ where: { documentId: doc.id }, order: { publishedAt: 'DESC' } });
    return {
      organisation: { code: org.code, name: org.name },
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
}
