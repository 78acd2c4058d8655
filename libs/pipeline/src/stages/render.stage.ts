import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { PdfRenderer } from '@saraban/document-render';
import { MemoDocumentAssembler } from '../assembly/memo-document.assembler';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentCheckpointReader } from './document-checkpoint.reader';
import { verificationCode } from './verification-code.util';

export interface RenderResult {
  documentId: string;
  /** False when an earlier run (or a racing worker) had already stored the print. */
  rendered: boolean;
}

/**
 * The first stage: prints the memo version, with the QR code and short link of the
 * verification page it will have, and stores the unsigned PDF as its checkpoint — once: a
 * retry finds the stored row and does nothing.
 */
@Injectable()
export class RenderStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly assembler: MemoDocumentAssembler,
    private readonly renderer: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(p: DocumentJobPayload): Promise<RenderResult> {
    const done = await this.checkpoints.read(p);
    if (done) return { documentId: done.documentId, rendered: false };

    const code = verificationCode();
    const verification = { url: `${this.config.PUBLIC_BASE_URL}/verify/${code}`, shortCode: code };
    const memo = await this.assembler.assemble(p.organisationId, p.memoId, verification);
    // A large document waits in the queue while another one prints, rather than in a job slot.
    const pdf = await this.renderer.render(memo.document, {
      orgCode: memo.orgCode,
      whenHeavyLaneBusy: 'refuse',
    });

    // Two workers may render the same version after a lapsed lock: the first insert wins.
    const inserted: { id: string }[] = await this.db.query(
      `INSERT INTO signed_documents (organisation_id, memo_id, memo_version, verification_code, stage, unsigned_pdf,
                                     subject, document_no, dated_on, approval_chain)
       VALUES ($1, $2, $3, $4, 'rendered', $5, $6, $7, $8, $9)
       ON CONFLICT (memo_id, memo_version) DO NOTHING
       RETURNING id`,
      [
        p.organisationId,
        p.memoId,
        p.memoVersion,
        code,
        pdf,
        memo.subject,
        memo.documentNo,
        memo.datedOn,
        JSON.stringify(memo.chain),
      ],
    );
    if (inserted.length > 0) return { documentId: inserted[0].id, rendered: true };
    const winner = await this.checkpoints.read(p);
    if (!winner) throw new Error(`memo ${p.memoId} v${p.memoVersion}: the stored print vanished`);
    return { documentId: winner.documentId, rendered: false };
  }
}
