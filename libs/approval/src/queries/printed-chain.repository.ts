import type { EntityManager } from 'typeorm';
import { memoSignerSql } from '@saraban/memo';
import { personNameSql, positionTitleSql } from '@saraban/organisation';
import type { RouteStep } from '../core/route-step';

/* What the printed signature chain reads of the memo: its author and signer, with its workflow. */

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
