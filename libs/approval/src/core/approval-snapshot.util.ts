import { initialTransition, transition, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import type { ApprovalEvent, ApprovalEventType } from './approval-event';
import { APPROVAL_INTENT_TYPES, type ApprovalIntent } from './approval-intent';
import { APPROVAL_SNAPSHOT_MIGRATIONS, type JsonRecord } from './approval-snapshot-migrations';
import { APPROVAL_MACHINE_VERSION, approvalMachine } from './approval.machine';
import { ORDER_KINDS } from './order-kind';
import type { RouteStep } from './route-step';

export type ApprovalSnapshot = SnapshotFrom<typeof approvalMachine>;

export const APPROVAL_STATE_NAMES = [
  'draft',
  'review',
  'returned',
  'decided',
  'withdrawn',
  'cancelled',
] as const;
export type ApprovalStateName = (typeof APPROVAL_STATE_NAMES)[number];

/** What is stored: the persisted snapshot and the version of the machine that wrote it. */
export interface StoredApproval {
  machineVersion: number;
  snapshot: JsonRecord;
}

export interface ApprovalStep {
  snapshot: ApprovalSnapshot;
  intents: ApprovalIntent[];
  /** False when the event was not allowed: the snapshot is unchanged and nothing is to be done. */
  changed: boolean;
}

export function startApproval(route: RouteStep[]): ApprovalSnapshot {
  const [snapshot] = initialTransition(approvalMachine, { route });
  return snapshot;
}

function toIntent(action: { type: string; params?: unknown }): ApprovalIntent {
  if (!(APPROVAL_INTENT_TYPES as readonly string[]).includes(action.type)) {
    throw new Error(`approval machine returned an unknown action ${action.type}`);
  }
  // The machine's setup() types each named action's params; this only re-labels them.
  return (action.params === undefined ? { type: action.type } : action) as ApprovalIntent;
}

/** Applies one event with xstate's pure `transition()`. */
export function applyApprovalEvent(snapshot: ApprovalSnapshot, event: ApprovalEvent): ApprovalStep {
  if (!snapshot.can(event)) return { snapshot, intents: [], changed: false };
  const [next, actions] = transition(approvalMachine, snapshot, event);
  return {
    snapshot: next,
    intents: actions.map((a) => toIntent({ type: a.type, params: a.params })),
    changed: true,
  };
}

export function approvalStateName(snapshot: ApprovalSnapshot): ApprovalStateName {
  return snapshot.value;
}

/** The route step waiting for action, or null outside review. */
export function currentRouteStep(snapshot: ApprovalSnapshot): RouteStep | null {
  return snapshot.value === 'review' ? (snapshot.context.route[snapshot.context.stepIndex] ?? null) : null;
}

/** Representative events: `can()` evaluates guards, so payload-dependent ones need a well-formed sample. */
const SAMPLE_EVENTS: Record<ApprovalEventType, (s: ApprovalSnapshot) => ApprovalEvent> = {
  SUBMIT: () => ({ type: 'SUBMIT' }),
  ENDORSE: () => ({ type: 'ENDORSE', opinion: 'เห็นควร' }),
  SKIP: () => ({ type: 'SKIP', reason: 'author_only' }),
  RETURN: () => ({ type: 'RETURN', reason: 'แก้ไข' }),
  DECIDE: () => ({ type: 'DECIDE', order: 'approved', text: null }),
  WITHDRAW: () => ({ type: 'WITHDRAW' }),
  CANCEL: () => ({ type: 'CANCEL', reason: 'ยกเลิก' }),
  REROUTE: (s) => ({
    type: 'REROUTE',
    positionId: `not-${currentRouteStep(s)?.positionId ?? ''}`,
    positionTitle: '',
    heading: '',
    note: '',
  }),
};

/** The event types the machine accepts now, by `snapshot.can()`; permissions are checked elsewhere. */
export function acceptedEventTypes(snapshot: ApprovalSnapshot): ApprovalEventType[] {
  return (Object.keys(SAMPLE_EVENTS) as ApprovalEventType[]).filter((type) =>
    snapshot.can(SAMPLE_EVENTS[type](snapshot)),
  );
}

export function persistApproval(snapshot: ApprovalSnapshot): StoredApproval {
  return {
    machineVersion: APPROVAL_MACHINE_VERSION,
    snapshot: approvalMachine.getPersistedSnapshot(snapshot),
  };
}

const routeStepSchema = z.object({
  seq: z.number().int().min(0),
  positionId: z.string(),
  positionTitle: z.string(),
  heading: z.string(),
});

const contextSchema = z.object({
  route: z.array(routeStepSchema),
  round: z.number().int().min(0),
  stepIndex: z.number().int().min(0),
  marks: z.array(z.object({ seq: z.number().int().min(0), outcome: z.enum(['endorsed', 'skipped']) })),
  numberIssued: z.boolean(),
  returnReason: z.string().nullable(),
  decision: z.object({ order: z.enum(ORDER_KINDS), text: z.string().nullable() }).nullable(),
}) satisfies z.ZodType<unknown>;

const persistedSchema = z.object({
  value: z.enum(APPROVAL_STATE_NAMES),
  context: contextSchema,
});

/**
 * Loads a stored snapshot, lifting it through every migration from the version that wrote
 * it to the current one, then checking its shape before xstate sees it.
 */
export function loadApproval(stored: StoredApproval): ApprovalSnapshot {
  if (!Number.isInteger(stored.machineVersion) || stored.machineVersion < 1) {
    throw new Error(`approval snapshot has no valid machine version (${String(stored.machineVersion)})`);
  }
  if (stored.machineVersion > APPROVAL_MACHINE_VERSION) {
    throw new Error(
      `approval snapshot was written by machine version ${stored.machineVersion}, newer than ${APPROVAL_MACHINE_VERSION}`,
    );
  }
  let raw = stored.snapshot;
  for (let v = stored.machineVersion; v < APPROVAL_MACHINE_VERSION; v++) {
    const migrate = APPROVAL_SNAPSHOT_MIGRATIONS[v];
    if (!migrate) throw new Error(`no approval snapshot migration from version ${v}`);
    raw = migrate(raw);
  }
  const parsed = persistedSchema.parse(raw);
  return approvalMachine.resolveState({ value: parsed.value, context: parsed.context });
}
