import type { EntityManager } from 'typeorm';
import type { Capacity } from '../core/capacity';
import type { OrderKind } from '../core/order-kind';
import type { HistoryAction } from '../entities/approval-history-entry.entity';

/* Reads of the linked history (approval_history, approval_history_heads): the audit's chain, who acted. */

/** A linked history entry as stored, with its place in the chain. */
export interface HistoryRow {
  seq: string;
  memo_id: string;
  round: number;
  step_seq: number | null;
  action: HistoryAction;
  actor_id: string | null;
  actor_name: string | null;
  capacity: Capacity | null;
  text: string | null;
  order_kind: string | null;
  details: Record<string, unknown> | null;
  occurred_at: Date;
  prev_hash: string;
  hash: string;
}

/** Up to `limit` linked entries of the organisation after `afterSeq`, in chain order. */
export function linkedHistoryAfter(
  manager: EntityManager,
  organisationId: string,
  afterSeq: string,
  limit: number,
): Promise<HistoryRow[]> {
  return manager.query(
    `SELECT seq::text AS seq, memo_id, round, step_seq, action, actor_id, actor_name, capacity, text, order_kind,
            details, occurred_at, prev_hash, hash
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

export interface MemoHistoryRow {
  seq: string;
  action: HistoryAction;
  round: number;
  step_seq: number | null;
  actor_id: string | null;
  actor_name: string | null;
  capacity: Capacity | null;
  text: string | null;
  order_kind: OrderKind | null;
  details: Record<string, unknown> | null;
  occurred_at: Date;
}

/** Every linked history entry of a memo, in chain order. */
export function historyOfMemo(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<MemoHistoryRow[]> {
  return manager.query(
    `SELECT seq::text AS seq, action, round, step_seq, actor_id, actor_name, capacity, text, order_kind, details,
            occurred_at
       FROM approval_history h WHERE organisation_id = $1 AND memo_id = $2 ORDER BY h.seq`,
    [organisationId, memoId],
  );
}
