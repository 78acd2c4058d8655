import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SignedDocumentStage } from '@saraban/publication';
import type { DocumentJobPayload } from '../jobs/document-job';

/** How far a memo version got: its document row (if any) and its publication (if any). */
export interface DocumentCheckpoint {
  documentId: string;
  /** 'rendered' only for rows left by the former three-job flow (an unsigned PDF, no signature). */
  stage: SignedDocumentStage;
  sha256: string | null;
  /** As printed on the document. */
  documentNo: string;
  datedOn: string | null;
  publicationId: string | null;
}

/** Reads a memo version's checkpoints in one statement: what a retried job can skip. */
@Injectable()
export class DocumentCheckpointReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(p: DocumentJobPayload): Promise<DocumentCheckpoint | null> {
    const rows: {
      id: string;
      stage: SignedDocumentStage;
      sha256: string | null;
      document_no: string;
      dated_on: string | null;
      publication_id: string | null;
    }[] = await this.db.query(
      `SELECT d.id, d.stage, d.sha256, d.document_no, d.dated_on::text AS dated_on, p.id AS publication_id
         FROM signed_documents d
         LEFT JOIN publications p ON p.memo_id = d.memo_id AND p.memo_version = d.memo_version
        WHERE d.memo_id = $1 AND d.memo_version = $2 AND d.organisation_id = $3`,
      [p.memoId, p.memoVersion, p.organisationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      documentId: row.id,
      stage: row.stage,
      sha256: row.sha256,
      documentNo: row.document_no,
      datedOn: row.dated_on,
      publicationId: row.publication_id,
    };
  }
}
