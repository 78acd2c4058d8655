import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { historyHead, linkedHistoryAfter } from './approval-history.repository';
import { GENESIS_HASH, historyCanonicalJson, historyHash } from './history-hash.util';

export type ChainBreak = 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'head_mismatch';

export interface ChainVerification {
  ok: boolean;
  entriesChecked: number;
  lastSeq: string | null;
  /** The first entry that does not fit the chain, or null when the chain is whole. */
  firstBroken: { seq: string; memoId: string | null; problem: ChainBreak } | null;
}

const BATCH = 2000;

/** Recomputes an organisation's history chain from its first entry and names the first broken one. */
@Injectable()
export class ApprovalAuditService {
  constructor(private readonly db: DataSource) {}

  async verify(organisationId: string): Promise<ChainVerification> {
    let expectedSeq = 1n;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    let after = '0';
    for (;;) {
      const rows = await linkedHistoryAfter(this.db.manager, organisationId, after, BATCH);
      for (const r of rows) {
        const broken = (problem: ChainBreak): ChainVerification => ({
          ok: false,
          entriesChecked: checked,
          lastSeq: r.seq,
          firstBroken: { seq: r.seq, memoId: r.memo_id, problem },
        });
        if (BigInt(r.seq) !== expectedSeq) return broken('seq_gap');
        if (r.prev_hash !== prevHash) return broken('prev_hash_mismatch');
        const canonical = historyCanonicalJson({
          organisationId,
          memoId: r.memo_id,
          round: r.round,
          stepSeq: r.step_seq,
          action: r.action,
          actorId: r.actor_id,
          actorName: r.actor_name,
          capacity: r.capacity,
          text: r.text,
          orderKind: r.order_kind,
          details: r.details,
          occurredAt: r.occurred_at,
        });
        if (historyHash(prevHash, r.seq, canonical) !== r.hash) return broken('hash_mismatch');
        prevHash = r.hash;
        expectedSeq++;
        checked++;
      }
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1].seq;
    }
    const lastSeq = checked > 0 ? String(expectedSeq - 1n) : null;
    // A deleted tail leaves a chain that is whole but shorter than the head says.
    const head = await historyHead(this.db.manager, organisationId);
    const headSeq = head?.last_seq ?? null;
    if (headSeq !== lastSeq || (head && head.last_hash !== prevHash)) {
      return {
        ok: false,
        entriesChecked: checked,
        lastSeq,
        firstBroken: { seq: String(expectedSeq), memoId: null, problem: 'head_mismatch' },
      };
    }
    return { ok: true, entriesChecked: checked, lastSeq, firstBroken: null };
  }
}
