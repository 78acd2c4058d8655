import type { EntityManager } from 'typeorm';
import type { Capacity } from '../core/capacity';
import type { OrderKind } from '../core/order-kind';
import type { HistoryAction } from '../entities/approval-history-entry.entity';

/* Reads of the linked history (approval_history, approval_history_heads): the audit's chain, who acted. */

/** A linked history entry's own columns as the reads answer them (`seq` as text: a bigint). */
export interface HistoryEntryRow {
  seq: string;
  memo_id: string;
  round: number;
  step_seq: number | null;
  action: HistoryAction;
  actor_id: string | null;
  actor_name: string | null;
  capacity: Capacity | null;
  text: string | null;
  order_kind: OrderKind | null;
  details: Record<string, unknown> | null;
  occurred_at: Date;
}

/** An entry with its links in the chain, as the audit reads it. */
export interface HistoryRow extends HistoryEntryRow {
  prev_hash: string;
  hash: string;
}

const ENTRY_COLUMNS = `h.seq::text AS seq, h.memo_id, h.round, h.step_seq, h.action, h.actor_id, h.actor_name, h.capacity,
  h.text, h.order_kind, h.details, h.occurred_at`;

/** Up to `limit` linked entries of the organisation after `afterSeq`, in chain order. */
export function linkedHistoryAfter(
  manager: EntityManager,
  organisationId: string,
  afterSeq: string,
  limit: number,
): Promise<HistoryRow[]> {
  return manager.query(
    `SELECT ${ENTRY_COLUMNS}, h.prev_hash, h.hash
       FROM approval_history h WHERE h.organisation_id = $1 AND h.seq > $2::bigint ORDER BY h.seq LIMIT $3`,
    [organisationId, afterSeq, limit],
  );
}

/** The chain's head: the last seq and hash linked; null before the first entry. */
export async function historyHead(
  manager: EntityManager,
  organisationId: string,
): Promise<{ last_seq: string; last_hash: string } | null> {
  const rows: { last_seq: string; last_hash: string }[] = await manager.query(
    'SELECT last_seq::text AS last_seq, last_hash FROM approval_history_heads WHERE organisation_id = $1',
    [organisationId],
  );
  return rows[0] ?? null;
}

/** Whether the person is named as the actor of any history entry of the memo. */
export async function hasActedOn(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
  personId: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    'SELECT 1 FROM approval_history WHERE organisation_id = $1 AND memo_id = $2 AND actor_id = $3 LIMIT 1',
    [organisationId, memoId, personId],
  );
  return rows.length > 0;
}

/**
 * The linked entries of a memo in chain order; only those of `round` and with one of `actions`
 * when given (the printed chain reads the last round's signatures).
 */
export function historyOfMemo(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
  only: { round?: number; actions?: readonly HistoryAction[] } = {},
): Promise<HistoryEntryRow[]> {
  return manager.query(
    `SELECT ${ENTRY_COLUMNS}
       FROM approval_history h
      WHERE h.organisation_id = $1 AND h.memo_id = $2
        AND ($3::int IS NULL OR h.round = $3) AND ($4::text[] IS NULL OR h.action = ANY($4::text[]))
      ORDER BY h.seq`,
    [organisationId, memoId, only.round ?? null, only.actions ?? null],
  );
}
