import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decisionOf, isGoAhead } from '@saraban/approval';
import { publicationWishOf } from '@saraban/memo';
import { appendOutboxEvents } from '@saraban/outbox';
import { PublicationService } from '@saraban/publication';
import { fiscalYearOf } from '@saraban/thai-format';
import type { DocumentJobPayload } from '../jobs/document-job';
import { DocumentCheckpointReader, type DocumentCheckpoint } from './document-checkpoint.reader';

export interface PublishResult {
  documentId: string;
  published: boolean;
  publicationId: string | null;
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
    const [doc, wish, decided] = await Promise.all([
      stored ?? this.checkpoints.read(p),
      publicationWishOf(this.db.manager, p.organisationId, p.memoId),
      decisionOf(this.db.manager, p.organisationId, p.memoId),
    ]);
    if (!doc || doc.stage !== 'signed') {
      throw new Error(`memo ${p.memoId} v${p.memoVersion} is not signed yet`);
    }
    if (doc.publicationId)
      return { documentId: doc.documentId, published: true, publicationId: doc.publicationId };
    if (!wish?.publish || !decided?.decided || !isGoAhead(decided.order)) {
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
        oitItem: wish.oitItem,
        // The year it reports on, as the writer chose; else the year of the decision's date.
        fiscalYear: wish.fiscalYear ?? fiscalYearOf(new Date(`${decision?.date ?? datedOn}T12:00:00+07:00`)),
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
