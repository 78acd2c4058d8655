import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { appendOutboxEvents } from '@saraban/outbox';
import { queryPrepared } from '@saraban/postgres';
import { signPdf, type SignedPdf, type SigningIdentity } from '@saraban/signing';
import type { DocumentJobPayload } from '../jobs/document-job';
import type { DocumentCheckpoint } from './document-checkpoint.reader';
import { DocumentCheckpointReader } from './document-checkpoint.reader';
import type { PrintedMemo } from './render.stage';

export interface SignResult {
  documentId: string;
  sha256: string;
  /** False when an earlier run (or a racing worker) had already signed it. */
  signed: boolean;
}

/** Who signed, kept as they are now: verification shows that, whatever the organisation is called later. */
const SIGNER_COLUMNS = `organisation_name = o.name, organisation_code = o.code`;

/**
 * The second step: a PAdES signature with the organisation's certificate over the print, and
 * the signed PDF with its SHA-256 stored as the memo version's document — once: of two racing
 * workers only the first insert is kept, and a retry finds the row and does nothing.
 */
@Injectable()
export class SignStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly certificates: CertificateService,
  ) {}

  /** Signs a fresh print and stores it. */
  async run(p: DocumentJobPayload, printed: PrintedMemo): Promise<SignResult> {
    const { signed, identity, signedAt } = await this.sign(p, printed.pdf);
    const inserted = await this.storedOnce(p, signed.sha256, (m) =>
      m.query<{ id: string }[]>(
        `INSERT INTO signed_documents (organisation_id, memo_id, memo_version, verification_code, stage,
                                     subject, document_no, dated_on, approval_chain,
                                     signed_pdf, sha256, signed_at, signer_subject, certificate_fingerprint,
                                     organisation_name, organisation_code)
       SELECT $1, $2, $3, $4, 'signed', $5, $6, $7, $8, $9, $10, $11, $12, $13, o.name, o.code
         FROM organisations o WHERE o.id = $1
       ON CONFLICT (memo_id, memo_version) DO NOTHING
       RETURNING id`,
        [
          p.organisationId,
          p.memoId,
          p.memoVersion,
          printed.verificationCode,
          printed.subject,
          printed.documentNo,
          printed.datedOn,
          JSON.stringify(printed.chain),
          signed.pdf,
          signed.sha256,
          signedAt,
          identity.certificate.subject,
          identity.certificate.fingerprint256,
        ],
      ),
    );
    if (inserted.length > 0) return { documentId: inserted[0].id, sha256: signed.sha256, signed: true };
    return this.winner(p);
  }

  /**
   * Signs a print stored unsigned ('rendered'): documents whose print was stored by a worker of
   * the time when rendering and signing were separate jobs.
   */
  async signStored(p: DocumentJobPayload, doc: DocumentCheckpoint): Promise<SignResult> {
    const unsigned = await this.checkpoints.unsignedPdf(p, doc.documentId);
    // Gone: a racing worker signed it since the checkpoint was read (its signature stands).
    if (!unsigned) return this.winner(p);
    const { signed, identity, signedAt } = await this.sign(p, unsigned);
    // queryPrepared answers the rows (TypeORM's query() answers [rows, count] for an UPDATE).
    const updated = await this.storedOnce(p, signed.sha256, (m) =>
      queryPrepared<{ id: string }>(
        m,
        `UPDATE signed_documents d
          SET stage = 'signed', signed_pdf = $2, sha256 = $3, signed_at = $4, signer_subject = $5, unsigned_pdf = NULL,
              certificate_fingerprint = $6, ${SIGNER_COLUMNS}
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
      ),
    );
    if (updated.length > 0) return { documentId: doc.documentId, sha256: signed.sha256, signed: true };
    return this.winner(p);
  }

  /**
   * Runs the storing statement with, when it stored the document, the `document.signed` outbox
   * event in the same transaction (integrators follow it through outgoing webhooks): only the
   * worker whose signature is kept tells.
   */
  private storedOnce(
    p: DocumentJobPayload,
    sha256: string,
    store: (m: EntityManager) => Promise<{ id: string }[]>,
  ): Promise<{ id: string }[]> {
    return this.db.transaction(async (m) => {
      const rows = await store(m);
      if (rows.length > 0) {
        await appendOutboxEvents(m, [
          {
            organisationId: p.organisationId,
            type: 'document.signed',
            payload: { memoId: p.memoId, memoVersion: p.memoVersion, documentId: rows[0].id, sha256 },
          },
        ]);
      }
      return rows;
    });
  }

  private async sign(
    p: DocumentJobPayload,
    pdf: Buffer,
  ): Promise<{ signed: SignedPdf; identity: SigningIdentity; signedAt: Date }> {
    const identity = await this.certificates.identity(p.organisationId);
    const signedAt = new Date();
    const signed = await signPdf(pdf, identity, { signingTime: signedAt });
    return { signed, identity, signedAt };
  }

  /** A racing worker stored its (equally valid) signed document first: that one is kept. */
  private async winner(p: DocumentJobPayload): Promise<SignResult> {
    const winner = await this.checkpoints.read(p);
    if (!winner?.sha256) throw new Error(`memo ${p.memoId} v${p.memoVersion}: the stored signature vanished`);
    return { documentId: winner.documentId, sha256: winner.sha256, signed: false };
  }
}
