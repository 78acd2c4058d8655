import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, ErrorCode } from '@saraban/errors';
import { capacityLines } from '../core/capacity';
import { orderText } from '../core/order-kind';
import { historyOfMemo } from '../history/approval-history.repository';
import { printedMemoHead } from './printed-chain.repository';

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
    const memo = await printedMemoHead(this.db.manager, organisationId, memoId);
    if (!memo) throw new AppException(ErrorCode.NotFound);
    const entries = memo.round
      ? await historyOfMemo(this.db.manager, organisationId, memoId, {
          round: memo.round,
          actions: ['submitted', 'resubmitted', 'endorsed', 'decided'],
        })
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
