import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { signPdf } from '@saraban/signing';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentCheckpointReader } from './document-checkpoint.reader';

export interface SignResult {
  documentId: string;
  sha256: string;
  /** False when an earlier run (or a racing worker) had already signed it. */
  signed: boolean;
}

/**
 * The second stage: a PAdES signature over the stored print with the organisation's
 * certificate; the signed PDF and its SHA-256 replace the unsigned one, once.
 */
@Injectable()
export class SignStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly certificates: CertificateService,
  ) {}

  async run(p: DocumentJobPayload): Promise<SignResult> {
    const doc = await this.checkpoints.read(p);
    // The flow runs this only after the render completed; without its row, retry (with backoff).
    if (!doc) throw new Error(`memo ${p.memoId} v${p.memoVersion} has no print to sign yet`);
    if (doc.stage === 'signed' && doc.sha256) {
      return { documentId: doc.documentId, sha256: doc.sha256, signed: false };
    }

    const [unsigned, identity] = await Promise.all([
      this.checkpoints.unsignedPdf(p, doc.documentId),
      this.certificates.identity(p.organisationId),
    ]);
    if (!unsigned) throw new Error(`memo ${p.memoId} v${p.memoVersion}: the print is missing`);
    const signedAt = new Date();
    const signed = await signPdf(unsigned, identity, { signingTime: signedAt });
    // Guarded by the stage: of two racing signers only one stores its (equally valid) signature.
    // Who signed is kept as they are now (the organisation's name and code, the certificate's
    // fingerprint): verification shows that, whatever the organisation is called later.
    const updated: { id: string }[] = await this.db.query(
      `UPDATE signed_documents d
          SET stage = 'signed', signed_pdf = $2, sha256 = $3, signed_at = $4, signer_subject = $5, unsigned_pdf = NULL,
              organisation_name = o.name, organisation_code = o.code, certificate_fingerprint = $6
         FROM organisations o
        WHERE d.id = $1 AND d.stage = 'rendered' AND o.id = d.organisation_id
        RETURNING d.id`,
      [
        doc.documentId,
        signed.pdf,
        signed.sha256,
        signedAt,
        identity.certificate.subject,
        identity.certificate.fingerprint256,
      ],
    );
    if (updated.length > 0) return { documentId: doc.documentId, sha256: signed.sha256, signed: true };
    // A racing worker signed it first: its signature is the one stored.
    const winner = await this.checkpoints.read(p);
    if (!winner?.sha256) throw new Error(`memo ${p.memoId} v${p.memoVersion}: the stored signature vanished`);
    return { documentId: doc.documentId, sha256: winner.sha256, signed: false };
  }
}
