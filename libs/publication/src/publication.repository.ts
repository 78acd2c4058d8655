import type { EntityManager } from 'typeorm';
import { Publication } from './entities/publication.entity';
import { SignedDocument } from './entities/signed-document.entity';
import type { PublicListingItem, PublicationView } from './public-listing';
import type { PublishInput } from './publication.service';

/* The statements on publications beside TypeORM's finds: the idempotent insert, replacing, the years, the listing. */

/** A publication as the library answers it: the entity's columns as a plain view, in the API's order. */
export function publicationView(p: Publication): PublicationView {
  return {
    id: p.id,
    organisationId: p.organisationId,
    memoId: p.memoId,
    memoVersion: p.memoVersion,
    documentId: p.documentId,
    fiscalYear: p.fiscalYear,
    oitItem: p.oitItem,
    title: p.title,
    documentNo: p.documentNo,
    datedOn: p.datedOn,
    orderText: p.orderText,
    publishedAt: p.publishedAt,
    status: p.status,
    replacedById: p.replacedById,
    withdrawnAt: p.withdrawnAt,
    withdrawReason: p.withdrawReason,
  };
}

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

/**
 * What the portal lists of one organisation (at most 500, newest first), each publication with
 * its signed PDF's hash and verification code, as plain objects.
 */
export async function listedPublications(
  manager: EntityManager,
  organisationId: string,
  filter: { fiscalYear?: number; oitItem?: string },
): Promise<PublicListingItem[]> {
  const qb = manager
    .getRepository(Publication)
    .createQueryBuilder('p')
    .innerJoin(SignedDocument, 'd', 'd.id = p.documentId')
    .addSelect(['d.sha256', 'd.verificationCode'])
    .where('p.organisationId = :org', { org: organisationId })
    .orderBy('p.publishedAt', 'DESC')
    .limit(500);
  if (filter.fiscalYear) qb.andWhere('p.fiscalYear = :fy', { fy: filter.fiscalYear });
  if (filter.oitItem) qb.andWhere('p.oitItem = :item', { item: filter.oitItem });
  const { entities, raw } = await qb.getRawAndEntities<{
    d_sha256: string | null;
    d_verification_code: string;
  }>();
  return entities.map((p, i) => ({
    ...publicationView(p),
    sha256: raw[i].d_sha256,
    verificationCode: raw[i].d_verification_code,
  }));
}
