import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { appendOutboxEvents } from '@saraban/outbox';
import { insertSignedDocument, storeSignature } from '@saraban/publication';
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
    const inserted = await this.storedOnce(p, signed.sha256, async (m) => {
      const id = await insertSignedDocument(m, p, {
        verificationCode: printed.verificationCode,
        subject: printed.subject,
        documentNo: printed.documentNo,
        datedOn: printed.datedOn,
        chain: printed.chain,
        pdf: signed.pdf,
        sha256: signed.sha256,
        signedAt,
        signerSubject: identity.certificate.subject,
        certificateFingerprint: identity.certificate.fingerprint256,
      });
      return id ? [{ id }] : [];
    });
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
    const updated = await this.storedOnce(p, signed.sha256, async (m) => {
      const stored = await storeSignature(m, doc.documentId, {
        pdf: signed.pdf,
        sha256: signed.sha256,
        signedAt,
        signerSubject: identity.certificate.subject,
        certificateFingerprint: identity.certificate.fingerprint256,
      });
      return stored ? [{ id: doc.documentId }] : [];
    });
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
