/*
 * The publication library's rows as relations for other libraries' statements (the pipeline's
 * status and reconciler scans): plain sub-selects with named columns, which PostgreSQL pulls up
 * into the caller's statement, so they plan as if the caller had named the tables.
 */

/** signed_documents: memo_id, memo_version, stage, verification_code, signed_at. */
export function signedDocumentsSql(): string {
  return `SELECT memo_id, memo_version, stage, verification_code, signed_at FROM signed_documents`;
}

/** publications: id, memo_id, memo_version, status, published_at. */
export function publicationsSql(): string {
  return `SELECT id, memo_id, memo_version, status, published_at FROM publications`;
}
