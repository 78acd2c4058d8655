import type { EntityManager } from 'typeorm';
import type { PublishInput } from './publication.service';

/* The statements on publications beside TypeORM's finds: the idempotent insert, replacing, the years. */

/** Inserts the publication of one memo version unless it exists (a retried job); whether it did. */
export async function insertPublication(
  manager: EntityManager,
  input: PublishInput & { fiscalYear: number },
): Promise<boolean> {
  const inserted: { id: string }[] = await manager.query(
    `INSERT INTO publications (organisation_id, memo_id, memo_version, document_id, fiscal_year, oit_item,
                               title, document_no, dated_on, order_text, published_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (memo_id, memo_version) DO NOTHING
     RETURNING id`,
    [
      input.organisationId,
      input.memoId,
      input.memoVersion,
      input.documentId,
      input.fiscalYear,
      input.oitItem,
      input.title,
      input.documentNo,
      input.datedOn,
      input.orderText,
      input.at,
    ],
  );
  return inserted.length > 0;
}

/** Marks the memo's older published versions replaced by `replacedById` (they stay as history). */
export async function replaceOlderPublications(
  manager: EntityManager,
  memoId: string,
  memoVersion: number,
  replacedById: string,
): Promise<void> {
  await manager.query(
    `UPDATE publications SET status = 'replaced', replaced_by_id = $3
      WHERE memo_id = $1 AND memo_version < $2 AND status = 'published'`,
    [memoId, memoVersion, replacedById],
  );
}

/** The fiscal years the organisation has publications in, newest first. */
export async function publishedFiscalYears(
  manager: EntityManager,
  organisationId: string,
): Promise<number[]> {
  const rows: { fiscal_year: number }[] = await manager.query(
    'SELECT DISTINCT fiscal_year FROM publications WHERE organisation_id = $1 ORDER BY 1 DESC',
    [organisationId],
  );
  return rows.map((r) => r.fiscal_year);
}
