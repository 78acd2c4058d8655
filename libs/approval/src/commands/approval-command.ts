import type { OrderKind } from '../core/order-kind';
import type { ApprovalCommandBody, ApprovalCommandKind } from '../dto/approval-command.schema';

/** A command as the controllers pass it on, after validation. */
export type ApprovalCommand =
  | { kind: 'submit' }
  /** Without an opinion (absent or empty) the block prints the signature alone. */
  | { kind: 'endorse'; opinion?: string }
  | { kind: 'return'; reason: string }
  | { kind: 'decide'; order: OrderKind; text: string | null }
  | { kind: 'withdraw' }
  | { kind: 'cancel'; reason: string }
  | { kind: 'reroute'; positionId: string; note: string };

export interface CommandOptions {
  /** The memo version the caller saw. */
  expectedVersion?: number;
  /** The Idempotency-Key, with the hash of method, path and body compared on a repeat. */
  idempotency?: { key: string; requestHash: string };
}

/** Each command's body → the command; see approvalCommandOf. */
const COMMAND_OF: { [K in ApprovalCommandKind]: (body: ApprovalCommandBody<K>) => ApprovalCommand } = {
  submit: () => ({ kind: 'submit' }),
  withdraw: () => ({ kind: 'withdraw' }),
  endorse: (b) => ({ kind: 'endorse', opinion: b.opinion ?? '' }),
  return: (b) => ({ kind: 'return', reason: b.reason }),
  // An empty order text is no text.
  decide: (b) => ({ kind: 'decide', order: b.order, text: b.text || null }),
  cancel: (b) => ({ kind: 'cancel', reason: b.reason }),
  reroute: (b) => ({ kind: 'reroute', positionId: b.positionId, note: b.note }),
};

/**
 * The command a validated body asks for: one mapping for the API's JSON bodies and the web's
 * form posts, so both give the approval chain the same command (and the same idempotency hash).
 */
export function approvalCommandOf<K extends ApprovalCommandKind>(
  kind: K,
  body: ApprovalCommandBody<K>,
): ApprovalCommand {
  return (COMMAND_OF[kind] as (b: ApprovalCommandBody<K>) => ApprovalCommand)(body);
}
