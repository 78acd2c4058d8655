import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { memoSignerSql } from '@saraban/memo';
import { personNameSql, positionTitleSql } from '@saraban/organisation';
import { capacityLines, type Capacity } from '../core/capacity';
import { orderText, type OrderKind } from '../core/order-kind';
import type { RouteStep } from '../core/route-step';

/** One signature block as printed: heading, text, "(name)", position lines, short date. */
export interface PrintedSignature {
  /** Null for the author's own signature. */
  heading: string | null;
  /** The opinion or the order as written; null for the author. */
  text: string | null;
  /** Prefix and full name, e.g. "นายสมประสงค์ วีระวัฒน์" (the template adds the parentheses). */
  name: string;
  positionLines: string[];
  date: Date;
  /** Who signed (for their signature image); null where nobody acted. */
  personId: string | null;
}

export interface PrintedChain {
  author: PrintedSignature;
  /** The endorsements and the order of the last round, in order (skipped steps print nothing). */
  endorsements: PrintedSignature[];
  decided: boolean;
}

/** What the document renderer prints under the memo, from the history (the capacities as signed). */
@Injectable()
export class PrintedChainService {
  constructor(private readonly db: DataSource) {}

  async printedChain(organisationId: string, memoId: string): Promise<PrintedChain> {
    const memos: {
      author_id: string;
      author_name: string;
      signer_title: string | null;
      state: string | null;
      round: number | null;
      route: RouteStep[] | null;
      submitted_at: Date | null;
      created_at: Date;
    }[] = await this.db.query(
      `SELECT m.author_id, ${personNameSql('m.author_id')} AS author_name,
                ${positionTitleSql('m.signer_position_id')} AS signer_title, w.state, w.round, w.route,
                w.submitted_at, m.created_at
           FROM (${memoSignerSql('$1', '$2')}) m
           LEFT JOIN memo_workflows w ON w.memo_id = m.id`,
      [memoId, organisationId],
    );
    const memo = memos[0];
    if (!memo) throw new AppException(ErrorCode.NotFound);
    const entries: {
      action: string;
      step_seq: number | null;
      actor_id: string | null;
      actor_name: string | null;
      capacity: Capacity | null;
      text: string | null;
      order_kind: OrderKind | null;
      details: Record<string, unknown> | null;
      occurred_at: Date;
    }[] = memo.round
      ? await this.db.query(
          `SELECT action, step_seq, actor_id, actor_name, capacity, text, order_kind, details, occurred_at FROM approval_history
            WHERE organisation_id = $1 AND memo_id = $2 AND round = $3 AND action IN ('submitted', 'resubmitted', 'endorsed', 'decided')
            ORDER BY seq`,
          [organisationId, memoId, memo.round],
        )
      : [];
    const submitted = entries.find((e) => e.action === 'submitted' || e.action === 'resubmitted');
    return {
      author: {
        heading: null,
        text: null,
        name: memo.author_name,
        positionLines: memo.signer_title ? [memo.signer_title] : [],
        date: submitted?.occurred_at ?? memo.submitted_at ?? memo.created_at,
        personId: memo.author_id,
      },
      endorsements: entries
        .filter((e) => e.action === 'endorsed' || e.action === 'decided')
        .map((e) => ({
          heading:
            (typeof e.details?.heading === 'string' ? e.details.heading : null) ??
            (e.step_seq !== null ? (memo.route?.[e.step_seq]?.heading ?? null) : null),
          text:
            e.action === 'decided' && e.order_kind
              ? orderText({ order: e.order_kind, text: e.text })
              : e.text,
          name: e.actor_name ?? '',
          positionLines: e.capacity ? capacityLines(e.capacity) : [],
          date: e.occurred_at,
          personId: e.actor_id,
        })),
      decided: memo.state === 'decided',
    };
  }
}
