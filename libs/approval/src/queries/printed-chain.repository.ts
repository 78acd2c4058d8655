import type { EntityManager } from 'typeorm';
import { memoSignerSql } from '@saraban/memo';
import { personNameSql, positionTitleSql } from '@saraban/organisation';
import type { Capacity } from '../core/capacity';
import type { OrderKind } from '../core/order-kind';
import type { RouteStep } from '../core/route-step';

/* What the printed signature chain reads: the memo's author and signer with its workflow, and the round's history. */

export interface PrintedMemoHead {
  author_id: string;
  author_name: string;
  signer_title: string | null;
  state: string | null;
  round: number | null;
  route: RouteStep[] | null;
  submitted_at: Date | null;
  created_at: Date;
}

export interface PrintedHistoryEntry {
  action: string;
  step_seq: number | null;
  actor_id: string | null;
  actor_name: string | null;
  capacity: Capacity | null;
  text: string | null;
  order_kind: OrderKind | null;
  details: Record<string, unknown> | null;
  occurred_at: Date;
}

/** The memo's author, signer title and workflow state; null when there is no such memo. */
export async function printedMemoHead(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
): Promise<PrintedMemoHead | null> {
  const rows: PrintedMemoHead[] = await manager.query(
    `SELECT m.author_id, ${personNameSql('m.author_id')} AS author_name,
            ${positionTitleSql('m.signer_position_id')} AS signer_title, w.state, w.round, w.route,
            w.submitted_at, m.created_at
       FROM (${memoSignerSql('$1', '$2')}) m
       LEFT JOIN memo_workflows w ON w.memo_id = m.id`,
    [memoId, organisationId],
  );
  return rows[0] ?? null;
}

/** The submissions, endorsements and decision of one round, in chain order. */
export function printedHistoryOfRound(
  manager: EntityManager,
  organisationId: string,
  memoId: string,
  round: number,
): Promise<PrintedHistoryEntry[]> {
  return manager.query(
    `SELECT action, step_seq, actor_id, actor_name, capacity, text, order_kind, details, occurred_at FROM approval_history
      WHERE organisation_id = $1 AND memo_id = $2 AND round = $3 AND action IN ('submitted', 'resubmitted', 'endorsed', 'decided')
      ORDER BY seq`,
    [organisationId, memoId, round],
  );
}
