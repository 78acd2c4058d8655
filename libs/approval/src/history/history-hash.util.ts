import { createHash } from 'node:crypto';
import type { Capacity } from '../core/capacity';
import type { HistoryAction } from '../entities/approval-history-entry.entity';
import { canonicalJson } from './canonical-json.util';

/** The prev_hash of an organisation's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed fields of a history entry (everything but seq, prev_hash and hash). */
export interface HashedHistoryFields {
  organisationId: string;
  memoId: string;
  round: number;
  stepSeq: number | null;
  action: HistoryAction;
  actorId: string | null;
  actorName: string | null;
  capacity: Capacity | null;
  text: string | null;
  orderKind: string | null;
  details: Record<string, unknown> | null;
  occurredAt: Date;
}

export function historyCanonicalJson(e: HashedHistoryFields): string {
  return canonicalJson({
    organisationId: e.organisationId,
    memoId: e.memoId,
    round: e.round,
    stepSeq: e.stepSeq,
    action: e.action,
    actorId: e.actorId,
    actorName: e.actorName,
    capacity: e.capacity,
    text: e.text,
    orderKind: e.orderKind,
    details: e.details,
    occurredAt: e.occurredAt.toISOString(),
  });
}

/**
 * hash = hex SHA-256 of "prev_hash|seq|canonical JSON" in UTF-8. The append statement computes
 * the same in SQL (approval-history.writer.ts); the audit recomputes it here.
 */
export function historyHash(prevHash: string, seq: string | number, canonical: string): string {
  return createHash('sha256')
    .update(`${prevHash}|${String(seq)}|${canonical}`, 'utf8')
    .digest('hex');
}
