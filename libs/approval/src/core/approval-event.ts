import type { OrderKind } from './order-kind';

/** Why a step was passed over without anyone acting. */
export type SkipReason = 'author_only';

/** Everything that can happen to a memo's approval; the service sends these, people never do directly. */
export type ApprovalEvent =
  | { type: 'SUBMIT' }
  | { type: 'ENDORSE'; opinion: string }
  | { type: 'SKIP'; reason: SkipReason }
  | { type: 'RETURN'; reason: string }
  | { type: 'DECIDE'; order: OrderKind; text: string | null }
  | { type: 'WITHDRAW' }
  | { type: 'CANCEL'; reason: string }
  | { type: 'REROUTE'; positionId: string; positionTitle: string; heading: string; note: string };

export type ApprovalEventType = ApprovalEvent['type'];

export const APPROVAL_EVENT_TYPES: readonly ApprovalEventType[] = [
  'SUBMIT',
  'ENDORSE',
  'SKIP',
  'RETURN',
  'DECIDE',
  'WITHDRAW',
  'CANCEL',
  'REROUTE',
];
