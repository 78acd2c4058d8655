import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@saraban/config';
import { MemoDocumentAssembler } from '../assembly/memo-document.assembler';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentCheckpointReader } from './document-checkpoint.reader';
import { PrintAndSignStage } from './print-and-sign.stage';
import { StoreDocumentStage, publicationDue } from './store-document.stage';
import { verificationCode } from './verification-code.util';

/** What the job answers (kept with the completed job, shown on the queue dashboard). */
export interface DocumentJobResult {
  documentId: string;
  /** False when an earlier run (or a racing worker) had already stored the signed document. */
  printed: boolean;
  published: boolean;
  publicationId: string | null;
}

/**
 * A decided memo version becomes a signed PDF and, when due, a publication — exactly once.
 * Checkpoints live in the database, not in the queue: the signed document row and the
 * publication row. A run first reads them and does only what is missing, so a job retried
 * after a crash, duplicated by a relay or re-enqueued after Redis lost it converges on the
 * same single document and single publication.
 */
@Injectable()
export class ProduceDocumentUseCase {
  constructor(
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly assembler: MemoDocumentAssembler,
    private readonly printAndSign: PrintAndSignStage,
    private readonly store: StoreDocumentStage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(p: DocumentJobPayload): Promise<DocumentJobResult> {
    // The checkpoint and the memo are read side by side: almost every run is a first run.
    const code = verificationCode();
    const verification = { url: `${this.config.PUBLIC_BASE_URL}/verify/${code}`, shortCode: code };
    const [done, memo] = await Promise.all([
      this.checkpoints.read(p),
      this.assembler.assemble(p.organisationId, p.memoId, verification),
    ]);

    if (done?.stage === 'signed') {
      if (done.publicationId || !publicationDue(memo)) {
        return {
          documentId: done.documentId,
          printed: false,
          published: done.publicationId !== null,
          publicationId: done.publicationId,
        };
      }
      // Signed by an earlier run whose publication is missing: publish what was printed.
      const publicationId = await this.store.publish(p, done.documentId, {
        title: memo.subject,
        documentNo: done.documentNo,
        datedOn: done.datedOn ?? memo.datedOn,
        orderText: memo.orderText,
        oitItem: memo.oitItem,
      });
      return { documentId: done.documentId, printed: false, published: true, publicationId };
    }

    const signed = await this.printAndSign.run(p.organisationId, memo);
    const stored = await this.store.store(p, memo, code, signed);
    return {
      documentId: stored.documentId,
      printed: stored.stored,
      published: stored.publicationId !== null,
      publicationId: stored.publicationId,
    };
  }
}
