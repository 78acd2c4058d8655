import type { EntityManager } from 'typeorm';

/*
 * What the approval library publishes of a decision, for the pipeline and the status pages:
 * the decided memo versions with the order as a column (decision_order, written with the
 * snapshot by every command). Nobody outside this library reads the saved snapshot.
 */

/**
 * A relation (for `FROM (…) w`) of the decided memo versions: memo_id, organisation_id,
 * version, subject, document_no, decided_at (the decided row's last change), decision_order.
 * A plain sub-select: PostgreSQL pulls it up into the caller's statement, so it plans as if
 * the caller had named the table.
 */
export function decidedVersionsSql(): string {
  return `SELECT memo_id, organisation_id, version, subject, document_no, updated_at AS decided_at, decision_order
    FROM memo_workflows WHERE state = 'decided'`;
}

/** A relation of every submitted memo's workflow summary: memo_id, organisation_id, subject, document_no. */
export function workflowSummariesSql(): string {
  return `SELECT memo_id, organisation_id, subject, document_no FROM memo_workflows`;
}

/** Whether the memo is decided, and with which order (an OrderKind), or null before. */
export async function decisionOf(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<{ decided: boolean; order: string | null } | null> {
  const rows = await manager.query<{ decided: boolean; decision_order: string | null }[]>(
    `SELECT state = 'decided' AS decided, decision_order FROM memo_workflows WHERE memo_id = $1 AND organisation_id = $2`,
    [memoId, organisationId],
  );
  return rows[0] ? { decided: rows[0].decided, order: rows[0].decision_order } : null;
}
