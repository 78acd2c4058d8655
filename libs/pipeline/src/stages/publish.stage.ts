import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isGoAhead } from '@saraban/approval';
import { appendOutboxEvents } from '@saraban/outbox';
import { PublicationService } from '@saraban/publication';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentCheckpointReader, type DocumentCheckpoint } from './document-checkpoint.reader';

export interface PublishResult {
  documentId: string;
  published: boolean;
  publicationId: string | null;
}

/** What the memo asks of the portal: marked for publication, and the order it was decided with. */
interface MemoPublicationRow {
  publish: boolean;
  oit_item: string | null;
  decided: boolean;
  order_kind: string | null;
}

/**
 * The last stage: puts the signed document on the organisation's portal when the memo is
 * marked for publication and was decided with a go-ahead order (ทราบ, อนุมัติ, เห็นชอบ,
 * อนุญาต), with what was printed on it (title, number, date, the order). Once: publications
 * are unique per memo version.
 */
@Injectable()
export class PublishStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly checkpoints: DocumentCheckpointReader,
    private readonly publications: PublicationService,
  ) {}

  /** `stored`: the document's checkpoint when the caller has just read or written it. */
  async run(p: DocumentJobPayload, stored?: DocumentCheckpoint): Promise<PublishResult> {
    const [doc, rows] = await Promise.all([
      stored ?? this.checkpoints.read(p),
      this.db.query<MemoPublicationRow[]>(
        `SELECT m.publish, m.oit_item, w.state = 'decided' AS decided,
                w.snapshot #>> '{context,decision,order}' AS order_kind
           FROM memos m JOIN memo_workflows w ON w.memo_id = m.id
          WHERE m.id = $1 AND m.organisation_id = $2`,
        [p.memoId, p.organisationId],
      ),
    ]);
    if (!doc || doc.stage !== 'signed') {
      throw new Error(`memo ${p.memoId} v${p.memoVersion} is not signed yet`);
    }
    if (doc.publicationId)
      return { documentId: doc.documentId, published: true, publicationId: doc.publicationId };
    const memo = rows[0];
    if (!memo?.publish || !memo.decided || !isGoAhead(memo.order_kind)) {
      return { documentId: doc.documentId, published: false, publicationId: null };
    }
    if (!doc.datedOn) throw new Error(`memo ${p.memoId} v${p.memoVersion}: the print has no date`);
    const { datedOn } = doc;
    const decision = doc.chain.find((line) => line.role === 'decision');
    const { publication } = await this.db.transaction(async (m) => {
      const published = await this.publications.publish(m, {
        organisationId: p.organisationId,
        memoId: p.memoId,
        memoVersion: p.memoVersion,
        documentId: doc.documentId,
        title: doc.subject,
        documentNo: doc.documentNo,
        datedOn,
        orderText: decision?.text ?? '',
        oitItem: memo.oit_item,
        at: new Date(),
      });
      // With the publication: the writer is told, integrators get document.published.
      await appendOutboxEvents(m, [
        {
          organisationId: p.organisationId,
          type: 'document.published',
          payload: {
            memoId: p.memoId,
            memoVersion: p.memoVersion,
            documentId: doc.documentId,
            publicationId: published.publication.id,
            documentNo: doc.documentNo,
          },
        },
      ]);
      return published;
    });
    return { documentId: doc.documentId, published: true, publicationId: publication.id };
  }
}
