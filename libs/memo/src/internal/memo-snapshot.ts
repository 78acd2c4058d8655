import type { EntityManager } from 'typeorm';
import { MemoAttachment } from '../entities/memo-attachment.entity';
import type { Memo } from '../entities/memo.entity';
import type { MemoContent, MemoSnapshot } from '../memo-content';

/** The letter's own words, unit line to secrecy: a memo's content and its read model both carry them, in this order. */
export type MemoLetter = Pick<
  MemoContent,
  'unitId' | 'unitLine' | 'subject' | 'addressee' | 'body' | 'closing' | 'urgency' | 'secrecy'
>;

export function letterOf(memo: Memo): MemoLetter {
  return {
    unitId: memo.unitId,
    unitLine: memo.unitLine,
    subject: memo.subject,
    addressee: memo.addressee,
    body: memo.body,
    closing: memo.closing,
    urgency: memo.urgency,
    secrecy: memo.secrecy,
  };
}

/** The editable fields of a memo row. */
export function contentOf(memo: Memo): MemoContent {
  return {
    ...letterOf(memo),
    purpose: memo.purpose,
    signerPositionId: memo.signerPositionId,
    publish: memo.publish,
    oitItem: memo.oitItem,
    publishFiscalYear: memo.publishFiscalYear ?? null,
    copies: memo.copies ?? [],
  };
}

/** The memo's content and attachment list as they stand in this transaction. */
export async function snapshotOf(manager: EntityManager, memo: Memo): Promise<MemoSnapshot> {
  const attachments = await manager.find(MemoAttachment, {
    where: { memoId: memo.id, organisationId: memo.organisationId },
    order: { seq: 'ASC' },
  });
  return {
    ...contentOf(memo),
    attachments: attachments.map((a) => ({
      id: a.id,
      kind: a.kind,
      title: a.title,
      seq: a.seq,
      sha256: a.sha256,
    })),
  };
}
