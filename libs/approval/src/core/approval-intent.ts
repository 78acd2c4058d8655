import type { SkipReason } from './approval-event';
import type { OrderKind } from './order-kind';

/**
 * What a transition asks the outside world to do, in order: the machine's named actions as
 * returned by xstate's pure `transition()`. The service turns record* intents into history
 * entries and outbox events, and the register intents into RegisterService calls.
 */
export type ApprovalIntent =
  | { type: 'issueRegisterNumber' }
  | { type: 'cancelRegisterEntry' }
  | { type: 'recordSubmission'; params: { round: number; resubmission: boolean } }
  | { type: 'recordEndorsement'; params: { seq: number; opinion: string } }
  | { type: 'recordSkip'; params: { seq: number; reason: SkipReason } }
  | { type: 'recordReturn'; params: { seq: number; reason: string } }
  | { type: 'recordDecision'; params: { seq: number; order: OrderKind; text: string | null } }
  | { type: 'recordWithdrawal'; params: { seq: number | null } }
  | { type: 'recordCancellation'; params: { seq: number | null; reason: string } }
  | {
      type: 'recordReroute';
      params: { seq: number; fromPositionId: string; toPositionId: string; note: string };
    };

export type ApprovalIntentType = ApprovalIntent['type'];

export const APPROVAL_INTENT_TYPES: readonly ApprovalIntentType[] = [
  'issueRegisterNumber',
  'cancelRegisterEntry',
  'recordSubmission',
  'recordEndorsement',
  'recordSkip',
  'recordReturn',
  'recordDecision',
  'recordWithdrawal',
  'recordCancellation',
  'recordReroute',
];
