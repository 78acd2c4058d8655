import type { EntityManager } from 'typeorm';
import { authorAndPostNames, personDisplayNames, unitNamesAmong } from '@saraban/organisation';
import type { MemoView } from '../dto/memo.view';
import type { Memo } from '../entities/memo.entity';
import { listAttachmentViews } from './memo-attachment.repository';
import { letterOf } from './memo-snapshot';

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
  const copies = memo.copies ?? [];
  const people = await personDisplayNames(
    manager,
    copies.filter((c) => c.kind === 'person').map((c) => c.id),
  );
  const units = await unitNamesAmong(
    manager,
    memo.organisationId,
    copies.filter((c) => c.kind === 'unit').map((c) => c.id),
  );
  return {
    id: memo.id,
    organisationId: memo.organisationId,
    author: { id: memo.authorId, prefix: author?.prefix ?? '', fullName: author?.fullName ?? '' },
    ...letterOf(memo),
    signerPosition: { id: memo.signerPositionId, title: positionTitle ?? '' },
    publish: memo.publish,
    oitItem: memo.oitItem,
    publishFiscalYear: memo.publishFiscalYear ?? null,
    purpose: memo.purpose,
    copies: copies.map((c) => ({
      kind: c.kind,
      id: c.id,
      name: (c.kind === 'person' ? people.get(c.id) : units.get(c.id)) ?? '',
    })),
    status: memo.status,
    version: memo.version,
    createdAt: memo.createdAt,
    updatedAt: memo.updatedAt,
    attachments,
  };
}
