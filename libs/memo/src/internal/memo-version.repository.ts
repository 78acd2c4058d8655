import type { EntityManager } from 'typeorm';
import { type Memo } from '../entities/memo.entity';
import { EDITABLE_STATUSES } from '../memo-vocabulary';
import type { MemoContent } from '../memo-content';

/* The memo row's version-guarded writes: a content save or bump, and a draft's deletion. */

interface VersionRow {
  version: number;
  updated_at: Date;
}

const EDITABLE_SQL = EDITABLE_STATUSES.map((s) => `'${s}'`).join(', ');

// Written by hand because TypeORM's @VersionColumn does not compare versions on save(): the WHERE
// clause is the optimistic lock, and the row lock it takes serialises every change to one memo.
const BUMP_SQL = `UPDATE memos SET version = version + 1, updated_at = now()
  WHERE id = $1 AND organisation_id = $2 AND version = $3 AND status IN (${EDITABLE_SQL})
  RETURNING version, updated_at`;

const SAVE_SQL = `UPDATE memos SET unit_line = $4, subject = $5, addressee = $6, body = $7::jsonb, closing = $8,
    urgency = $9, secrecy = $10, signer_position_id = $11, publish = $12, oit_item = $13, purpose = $14,
    copies = $15::jsonb, publish_fiscal_year = $16,
    version = version + 1, updated_at = now()
  WHERE id = $1 AND organisation_id = $2 AND version = $3 AND status IN (${EDITABLE_SQL})
  RETURNING version, updated_at`;

/**
 * Moves the memo (as loaded, at `memo.version`) to the next version, saving `content` if given;
 * null when the row has moved on or is no longer editable (nothing written). The row stays locked.
 */
export async function moveMemoVersion(
  manager: EntityManager,
  memo: Pick<Memo, 'id' | 'organisationId' | 'version'>,
  content?: MemoContent,
): Promise<{ version: number; updatedAt: Date } | null> {
  const params: unknown[] = [memo.id, memo.organisationId, memo.version];
  if (content) {
    params.push(
      content.unitLine,
      content.subject,
      content.addressee,
      JSON.stringify(content.body),
      content.closing,
      content.urgency,
      content.secrecy,
      content.signerPositionId,
      content.publish,
      content.oitItem,
      content.purpose,
      JSON.stringify(content.copies),
      content.publishFiscalYear,
    );
  }
  const [rows] = await manager.query<[VersionRow[], number]>(content ? SAVE_SQL : BUMP_SQL, params);
  return rows[0] ? { version: rows[0].version, updatedAt: rows[0].updated_at } : null;
}

/** Deletes the memo if it is still a draft at `version`; whether it did. */
export async function deleteDraftAtVersion(
  manager: EntityManager,
  memo: Pick<Memo, 'id' | 'organisationId'>,
  version: number,
): Promise<boolean> {
  const [, deleted] = await manager.query<[unknown[], number]>(
    `DELETE FROM memos WHERE id = $1 AND organisation_id = $2 AND version = $3 AND status = 'draft'`,
    [memo.id, memo.organisationId, version],
  );
  return deleted > 0;
}
