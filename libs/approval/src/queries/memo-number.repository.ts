import type { DataSource, EntityManager } from 'typeorm';

/** A submitted memo's number (ที่), from its approval; null before the first submission. */
export async function memoDocumentNo(
  db: DataSource | EntityManager,
  organisationId: string,
  memoId: string,
): Promise<string | null> {
  const rows: { document_no: string | null }[] = await db.query(
    'SELECT document_no FROM memo_workflows WHERE memo_id = $1 AND organisation_id = $2',
    [memoId, organisationId],
  );
  return rows[0]?.document_no ?? null;
}
