import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  readDocumentCheckpoint,
  readUnsignedPdf,
  type ApprovalChainLine,
  type SignedDocumentStage,
} from '@saraban/publication';
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

/** Reads a memo version's checkpoints (the publication library's statement): what a retried job can skip. */
@Injectable()
export class DocumentCheckpointReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async read(p: DocumentJobPayload): Promise<DocumentCheckpoint | null> {
    const row = await readDocumentCheckpoint(this.db.manager, p);
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
    return readUnsignedPdf(this.db.manager, p.organisationId, documentId);
  }
}
