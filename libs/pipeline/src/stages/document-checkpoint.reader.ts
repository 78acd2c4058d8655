import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ApprovalChainLine, SignedDocumentStage } from '@saraban/publication';
import type { DocumentJobPayload } from '../jobs/document-job';

/**
 * How far a memo version got, as the stages left it in the database: its document row
 * ('rendered': the unsigned print; 'signed': the final PDF) and its publication, if any.
 */
export interface DocumentCheckpoint {
  documentId: string;
  stage: SignedDocumentStage;
  sha256: string | null;
  /** As printed on the document. */
  subject: string;
  documentNo: string;
  datedOn: string | null;
  chain: ApprovalChainLine[];
  publicationId: string | null;
}

interface CheckpointRow {
  id: string;
  stage: SignedDocumentStage;
  sha256: string | null;
  subject: string;
  document_no: string;
  dated_on: string | null;
  approval_chain: ApprovalChainLine[];
  publication_id: string | null;
}

/** Reads a memo version's checkpoints in one statement: what a retried job can skip. */
@Injectable()
export class DocumentCheckpointReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(p: DocumentJobPayload): Promise<DocumentCheckpoint | null> {
    const rows: CheckpointRow[] = await this.db.query(
      `SELECT d.id, d.stage, d.sha256, d.subject, d.document_no, d.dated_on::text AS dated_on, d.approval_chain,
              p.id AS publication_id
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
      subject: row.subject,
      documentNo: row.document_no,
      datedOn: row.dated_on,
      chain: row.approval_chain,
      publicationId: row.publication_id,
    };
  }

  /** The unsigned print a render stored, while it waits for its signature. */
  async unsignedPdf(p: DocumentJobPayload, documentId: string): Promise<Buffer | null> {
    const rows: { unsigned_pdf: Buffer | null }[] = await this.db.query(
      'SELECT unsigned_pdf FROM signed_documents WHERE id = $1 AND organisation_id = $2',
      [documentId, p.organisationId],
    );
    return rows[0]?.unsigned_pdf ?? null;
  }
}
