import type { OrderKind } from '../core/order-kind';

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
