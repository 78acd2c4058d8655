import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PrintedChainService } from '@saraban/approval';
import { MemoDraftService } from '@saraban/memo';
import { PublicationService, SignedDocument } from '@saraban/publication';
import type { DocumentJobPayload } from '../jobs/document-job';

/** Puts the signed document on the portal when the memo asks for it and the order allows it. */
@Injectable()
export class PublishStage {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly memos: MemoDraftService,
    private readonly chain: PrintedChainService,
    private readonly publications: PublicationService,
  ) {}

  async run(p: DocumentJobPayload): Promise<{ published: boolean; publicationId: string | null }> {
    const doc = await this.db
      .getRepository(SignedDocument)
      .findOne({ where: { memoId: p.memoId, memoVersion: p.memoVersion } });
    if (!doc || doc.stage !== 'signed')
      throw new Error(`memo ${p.memoId} v${p.memoVersion} is not signed yet`);
    const memo = await this.memos.getForOrganisation(p.organisationId, p.memoId);
    const printed = await this.chain.printedChain(p.organisationId, p.memoId);
    if (!memo.publish || !printed.approved) return { published: false, publicationId: null };

    const { publication } = await this.db.transaction((m) =>
      this.publications.publish(m, {
        organisationId: p.organisationId,
        memoId: p.memoId,
        memoVersion: p.memoVersion,
        documentId: doc.id,
        title: memo.subject,
        documentNo: doc.documentNo,
        datedOn: doc.datedOn!,
        orderText: printed.endorsements.at(-1)?.text ?? '',
        oitItem: memo.oitItem,
        at: new Date(),
      }),
    );
    return { published: true, publicationId: publication.id };
  }
}
