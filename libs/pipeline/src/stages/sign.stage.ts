import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { SignedDocument } from '@saraban/publication';
import { signPdf } from '@saraban/signing';
import type { DocumentJobPayload } from '../jobs/document-job';

/** Signs the rendered PDF with the organisation's certificate, once. */
@Injectable()
export class SignStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly certificates: CertificateService,
  ) {}

  async run(p: DocumentJobPayload): Promise<{ sha256: string; signed: boolean }> {
    const doc = await this.db
      .getRepository(SignedDocument)
      .createQueryBuilder('d')
      .addSelect('d.unsignedPdf')
      .where('d.memoId = :memoId AND d.memoVersion = :v', { memoId: p.memoId, v: p.memoVersion })
      .getOne();
    if (!doc) throw new Error(`no rendered document for memo ${p.memoId} v${p.memoVersion}`);
    if (doc.stage === 'signed' && doc.sha256) return { sha256: doc.sha256, signed: false };

    const identity = await this.certificates.identity(p.organisationId);
    const signedAt = new Date();
    const signed = await signPdf(doc.unsignedPdf!, identity, { signingTime: signedAt });
    // Guarded by the stage: of two racing signers only one stores its (equally valid) signature.
    const result: [unknown[], number] = await this.db.query(
      `UPDATE signed_documents
          SET stage = 'signed', signed_pdf = $2, sha256 = $3, signed_at = $4, signer_subject = $5, unsigned_pdf = NULL
        WHERE id = $1 AND stage = 'rendered'`,
      [doc.id, signed.pdf, signed.sha256, signedAt, identity.certificate.subject],
    );
    if (result[1] === 1) return { sha256: signed.sha256, signed: true };
    const winner = await this.db.getRepository(SignedDocument).findOneByOrFail({ id: doc.id });
    return { sha256: winner.sha256!, signed: false };
  }
}
