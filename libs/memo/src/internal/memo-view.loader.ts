import type { EntityManager } from 'typeorm';
import { authorAndPostNames } from '@saraban/organisation';
import type { MemoView } from '../dto/memo.view';
import type { Memo } from '../entities/memo.entity';
import { listAttachmentViews } from './attachment-view';

/** Completes a memo row into the read model: author and signer as printed, attachments in order. */
export async function loadMemoView(manager: EntityManager, memo: Memo): Promise<MemoView> {
  // One after the other: inside a transaction the manager holds a single connection.
  const { author, positionTitle } = await authorAndPostNames(
    manager,
    memo.organisationId,
    memo.authorId,
    memo.signerPositionId,
  );
  const attachments = await listAttachmentViews(manager, memo.organisationId, memo.id);
  return {
    id: memo.id,
    organisationId: memo.organisationId,
    author: { id: memo.authorId, prefix: author?.prefix ?? '', fullName: author?.fullName ?? '' },
    unitId: memo.unitId,
    unitLine: memo.unitLine,
    subject: memo.subject,
    addressee: memo.addressee,
    body: memo.body,
    closing: memo.closing,
    urgency: memo.urgency,
    secrecy: memo.secrecy,
    signerPosition: { id: memo.signerPositionId, title: positionTitle ?? '' },
    publish: memo.publish,
    oitItem: memo.oitItem,
    purpose: memo.purpose,
    status: memo.status,
    version: memo.version,
    createdAt: memo.createdAt,
    updatedAt: memo.updatedAt,
    attachments,
  };
}
