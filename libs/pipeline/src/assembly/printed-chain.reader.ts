import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ApprovalHistoryEntry,
  MemoWorkflow,
  capacityLines,
  orderText,
  type Capacity,
  type OrderKind,
} from '@saraban/approval';
import { AppException, ErrorCode } from '@saraban/errors';
import { MemoDraftService } from '@saraban/memo';

/** One signature as printed: the heading and text above it, the name, the position lines, the date. */
export interface PrintedSignature {
  heading: string | null;
  text: string | null;
  name: string;
  positionLines: string[];
  date: Date;
}

export interface PrintedChain {
  author: PrintedSignature;
  /** In order, the decision (if any) last. */
  endorsements: PrintedSignature[];
  decided: boolean;
  /** Decided with an order that allows publication: ทราบ, อนุมัติ, เห็นชอบ, อนุญาต. */
  approved: boolean;
}

const PUBLISHABLE_ORDERS: readonly OrderKind[] = ['noted', 'approved', 'agreed', 'permitted'];

/**
 * What is printed on a memo from its approval history: the last round's endorsements and the
 * decision, each signed in the capacity recorded when it was given (an acting signer's two lines).
 */
@Injectable()
export class PrintedChainReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly memos: MemoDraftService,
  ) {}

  async printedChain(organisationId: string, memoId: string): Promise<PrintedChain> {
    const memo = await this.memos.getForOrganisation(organisationId, memoId);
    const workflow = await this.db.getRepository(MemoWorkflow).findOne({ where: { memoId, organisationId } });
    if (!workflow) throw new AppException(ErrorCode.NotFound, { memoId }, 'บันทึกข้อความนี้ยังไม่ได้เสนอ');
    const entries = await this.db.getRepository(ApprovalHistoryEntry).find({
      where: { organisationId, memoId, round: workflow.round },
      order: { seq: 'ASC' },
    });
    const heading = (seq: number | null) => (seq === null ? null : (workflow.route[seq]?.heading ?? null));
    const lines = (capacity: Capacity | null) => (capacity ? capacityLines(capacity) : []);
    const submitted = entries.find((e) => e.action === 'submitted' || e.action === 'resubmitted');

    const endorsements: PrintedSignature[] = [];
    let decision: ApprovalHistoryEntry | undefined;
    for (const e of entries) {
      if (e.action === 'endorsed') {
        endorsements.push({
          heading: heading(e.stepSeq),
          text: e.text,
          name: e.actorName ?? '',
          positionLines: lines(e.capacity),
          date: e.occurredAt,
        });
      } else if (e.action === 'decided') {
        decision = e;
        endorsements.push({
          heading: heading(e.stepSeq),
          text: orderText({ order: e.orderKind as OrderKind, text: e.text }),
          name: e.actorName ?? '',
          positionLines: lines(e.capacity),
          date: e.occurredAt,
        });
      }
    }
    return {
      author: {
        heading: null,
        text: null,
        name: `${memo.author.prefix}${memo.author.fullName}`,
        positionLines: [memo.signerPosition.title],
        date: submitted?.occurredAt ?? workflow.submittedAt,
      },
      endorsements,
      decided: decision !== undefined,
      approved: decision !== undefined && PUBLISHABLE_ORDERS.includes(decision.orderKind as OrderKind),
    };
  }
}
