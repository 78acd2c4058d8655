import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PublicationService } from '@saraban/publication';
import type { AssembledMemo } from '../assembly/memo-document.assembler';
import type { DocumentJobPayload } from '../jobs/document-job';
import type { PrintedAndSigned } from './print-and-sign.stage';

/** Whether the memo goes on the portal: marked for publication, and decided with a go-ahead order. */
export function publicationDue(memo: Pick<AssembledMemo, 'publish' | 'approved'>): boolean {
  return memo.publish && memo.approved;
}

/** The facts a publication row copies, as printed on the document. */
export interface PublishedFacts {
  title: string;
  documentNo: string;
  datedOn: string;
  orderText: string | null;
  oitItem: string | null;
}

/**
 * The job's checkpoints, written exactly once per memo version: the signed document and, when
 * due, its publication — in one transaction, so a kill leaves both or neither. Two workers
 * racing on the same version (a lapsed lock) both reach here; the unique (memo, version) keys
 * let the first one win and the second adopt its rows.
 */
@Injectable()
export class StoreDocumentStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publications: PublicationService,
  ) {}

  async store(
    p: DocumentJobPayload,
    memo: AssembledMemo,
    verificationCode: string,
    signed: PrintedAndSigned,
  ): Promise<{ documentId: string; stored: boolean; publicationId: string | null }> {
    return this.db.transaction(async (m) => {
      // A row the former three-job flow left half done ('rendered', unsigned) is completed with
      // this signed print; a signed one is never touched.
      const inserted: { id: string }[] = await m.query(
        `INSERT INTO signed_documents (organisation_id, memo_id, memo_version, verification_code, stage, signed_pdf,
                                       sha256, signed_at, signer_subject, subject, document_no, dated_on, approval_chain)
         VALUES ($1, $2, $3, $4, 'signed', $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (memo_id, memo_version) DO UPDATE
            SET verification_code = EXCLUDED.verification_code, stage = 'signed', unsigned_pdf = NULL,
                signed_pdf = EXCLUDED.signed_pdf, sha256 = EXCLUDED.sha256, signed_at = EXCLUDED.signed_at,
                signer_subject = EXCLUDED.signer_subject, subject = EXCLUDED.subject,
                document_no = EXCLUDED.document_no, dated_on = EXCLUDED.dated_on,
                approval_chain = EXCLUDED.approval_chain
          WHERE signed_documents.stage = 'rendered'
         RETURNING id`,
        [
          p.organisationId,
          p.memoId,
          p.memoVersion,
          verificationCode,
          signed.pdf,
          signed.sha256,
          signed.signedAt,
          signed.signerSubject,
          memo.subject,
          memo.documentNo,
          memo.datedOn,
          JSON.stringify(memo.chain),
        ],
      );
      let documentId = inserted[0]?.id;
      const stored = documentId !== undefined;
      if (!stored) {
        const winner: { id: string }[] = await m.query(
          'SELECT id FROM signed_documents WHERE memo_id = $1 AND memo_version = $2',
          [p.memoId, p.memoVersion],
        );
        documentId = winner[0].id;
      }
      const publicationId = publicationDue(memo)
        ? await this.publishIn(m, p, documentId, { ...memo, title: memo.subject })
        : null;
      return { documentId, stored, publicationId };
    });
  }

  /** Publishes a document stored earlier (a retry after its publication was not yet due or written). */
  async publish(p: DocumentJobPayload, documentId: string, facts: PublishedFacts): Promise<string> {
    return this.db.transaction((m) => this.publishIn(m, p, documentId, facts));
  }

  private async publishIn(
    m: EntityManager,
    p: DocumentJobPayload,
    documentId: string,
    facts: PublishedFacts,
  ): Promise<string> {
    const { publication } = await this.publications.publish(m, {
      organisationId: p.organisationId,
      memoId: p.memoId,
      memoVersion: p.memoVersion,
      documentId,
      title: facts.title,
      documentNo: facts.documentNo,
      datedOn: facts.datedOn,
      orderText: facts.orderText ?? '',
      oitItem: facts.oitItem,
      at: new Date(),
    });
    return publication.id;
  }
}
