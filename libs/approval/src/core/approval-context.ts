import type { Decision } from './order-kind';
import type { RouteStep } from './route-step';

/** What became of a step in the current round. */
export interface StepMark {
  seq: number;
  outcome: 'endorsed' | 'skipped';
}

/**
 * The machine's context (machine version 2). Only plain JSON: it is persisted as is.
 * Version 1 called `stepIndex` "currentStep" and `returnReason` "returnNote"; see
 * approval-snapshot-migrations.ts.
 */
export interface ApprovalContext {
  /** The frozen route; a re-route replaces the position of one step, nothing else changes it. */
  route: RouteStep[];
  /** 0 before the first submission; each (re)submission starts a new round at step 0. */
  round: number;
  /** The step waiting for action while under review. */
  stepIndex: number;
  /** Steps passed in the current round, in order. */
  marks: StepMark[];
  /** True once the register number was issued; a resubmission keeps the number. */
  numberIssued: boolean;
  returnReason: string | null;
  decision: Decision | null;
}

export interface ApprovalInput {
  route: RouteStep[];
}
