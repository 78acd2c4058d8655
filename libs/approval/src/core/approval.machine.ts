import { and, assign, setup } from 'xstate';
import type { ApprovalContext, ApprovalInput } from './approval-context';
import type { ApprovalEvent, SkipReason } from './approval-event';
import type { OrderKind } from './order-kind';

/** Bump on any change to the context or state names, and add a migration for the old shape. */
export const APPROVAL_MACHINE_VERSION = 2;

/** Intent actions have no body: `transition()` hands them to the service, which carries them out. */
function intent(): void {}

function nonBlank(s: string | null | undefined): boolean {
  return typeof s === 'string' && s.trim().length > 0;
}

/** The step in hand is marked (endorsed or skipped) and the next one waits. */
function markAndMoveOn(outcome: ApprovalContext['marks'][number]['outcome']) {
  return assign<ApprovalContext, ApprovalEvent, undefined, ApprovalEvent, never>(({ context }) => ({
    marks: [...context.marks, { seq: context.stepIndex, outcome }],
    stepIndex: context.stepIndex + 1,
  }));
}

/**
 * A memo's approval as a pure machine. The route comes in as input and lives in the context,
 * so a snapshot is self-contained. The machine knows nothing of people, dates or the database:
 * who may act, whether a step resolves only to the author, and whether it is stuck are decided
 * outside (who-may-act.util.ts) and arrive here as events.
 */
export const approvalMachine = setup({
  types: {
    context: {} as ApprovalContext,
    events: {} as ApprovalEvent,
    input: {} as ApprovalInput,
  },
  actions: {
    issueRegisterNumber: intent,
    cancelRegisterEntry: intent,
    recordSubmission: (_, _params: { round: number; resubmission: boolean }) => intent(),
    recordEndorsement: (_, _params: { seq: number; opinion: string }) => intent(),
    recordSkip: (_, _params: { seq: number; reason: SkipReason }) => intent(),
    recordReturn: (_, _params: { seq: number; reason: string }) => intent(),
    recordDecision: (_, _params: { seq: number; order: OrderKind; text: string | null }) => intent(),
    recordWithdrawal: (_, _params: { seq: number | null }) => intent(),
    recordCancellation: (_, _params: { seq: number | null; reason: string }) => intent(),
    recordReroute: (
      _,
      _params: { seq: number; fromPositionId: string; toPositionId: string; note: string },
    ) => intent(),
  },
  guards: {
    hasRoute: ({ context }) => context.route.length > 0,
    beforeLastStep: ({ context }) => context.stepIndex < context.route.length - 1,
    atLastStep: ({ context }) => context.stepIndex === context.route.length - 1,
    validOrder: ({ event }) => event.type === 'DECIDE' && (event.order !== 'custom' || nonBlank(event.text)),
    hasReason: ({ event }) => (event.type === 'RETURN' || event.type === 'CANCEL') && nonBlank(event.reason),
    otherPosition: ({ context, event }) =>
      event.type === 'REROUTE' && event.positionId !== context.route[context.stepIndex]?.positionId,
  },
}).createMachine({
  id: 'memoApproval',
  // xstate's pure transition() first builds an inert actor without input and discards its
  // initial snapshot: a context that threw here would cost an Error (and its stack) per event.
  context: ({ input }) => ({
    route: input?.route ?? [],
    round: 0,
    stepIndex: 0,
    marks: [],
    numberIssued: false,
    returnReason: null,
    decision: null,
  }),
  initial: 'draft',
  states: {
    draft: {
      on: {
        SUBMIT: {
          guard: 'hasRoute',
          target: 'review',
          actions: [
            'issueRegisterNumber',
            { type: 'recordSubmission', params: () => ({ round: 1, resubmission: false }) },
            assign({ round: 1, stepIndex: 0, marks: [], numberIssued: true }),
          ],
        },
      },
    },
    review: {
      on: {
        ENDORSE: {
          // An endorsement may carry no written opinion: the level signs and forwards, and
          // the printed block is its heading and signature alone (as on paper).
          guard: 'beforeLastStep',
          target: 'review',
          actions: [
            {
              type: 'recordEndorsement',
              params: ({ context, event }) => ({ seq: context.stepIndex, opinion: event.opinion }),
            },
            markAndMoveOn('endorsed'),
          ],
        },
        SKIP: {
          guard: 'beforeLastStep',
          target: 'review',
          actions: [
            {
              type: 'recordSkip',
              params: ({ context, event }) => ({ seq: context.stepIndex, reason: event.reason }),
            },
            markAndMoveOn('skipped'),
          ],
        },
        DECIDE: {
          guard: and(['atLastStep', 'validOrder']),
          target: 'decided',
          actions: [
            {
              type: 'recordDecision',
              params: ({ context, event }) => ({
                seq: context.stepIndex,
                order: event.order,
                text: event.text,
              }),
            },
            assign(({ event }) => ({ decision: { order: event.order, text: event.text } })),
          ],
        },
        RETURN: {
          guard: 'hasReason',
          target: 'returned',
          actions: [
            {
              type: 'recordReturn',
              params: ({ context, event }) => ({ seq: context.stepIndex, reason: event.reason }),
            },
            assign(({ event }) => ({ returnReason: event.reason })),
          ],
        },
        REROUTE: {
          guard: 'otherPosition',
          target: 'review',
          actions: [
            {
              type: 'recordReroute',
              params: ({ context, event }) => ({
                seq: context.stepIndex,
                fromPositionId: context.route[context.stepIndex].positionId,
                toPositionId: event.positionId,
                note: event.note,
              }),
            },
            assign(({ context, event }) => ({
              route: context.route.map((step) =>
                step.seq === context.stepIndex
                  ? {
                      ...step,
                      positionId: event.positionId,
                      positionTitle: event.positionTitle,
                      heading: event.heading,
                    }
                  : step,
              ),
            })),
          ],
        },
        WITHDRAW: {
          target: 'withdrawn',
          actions: [
            { type: 'recordWithdrawal', params: ({ context }) => ({ seq: context.stepIndex }) },
            'cancelRegisterEntry',
          ],
        },
        CANCEL: {
          guard: 'hasReason',
          target: 'cancelled',
          actions: [
            {
              type: 'recordCancellation',
              params: ({ context, event }) => ({ seq: context.stepIndex, reason: event.reason }),
            },
            'cancelRegisterEntry',
          ],
        },
      },
    },
    returned: {
      on: {
        SUBMIT: {
          guard: 'hasRoute',
          target: 'review',
          actions: [
            {
              type: 'recordSubmission',
              params: ({ context }) => ({ round: context.round + 1, resubmission: true }),
            },
            assign(({ context }) => ({
              round: context.round + 1,
              stepIndex: 0,
              marks: [],
              returnReason: null,
            })),
          ],
        },
        WITHDRAW: {
          target: 'withdrawn',
          actions: [{ type: 'recordWithdrawal', params: () => ({ seq: null }) }, 'cancelRegisterEntry'],
        },
        CANCEL: {
          guard: 'hasReason',
          target: 'cancelled',
          actions: [
            { type: 'recordCancellation', params: ({ event }) => ({ seq: null, reason: event.reason }) },
            'cancelRegisterEntry',
          ],
        },
      },
    },
    decided: { type: 'final' },
    withdrawn: { type: 'final' },
    cancelled: { type: 'final' },
  },
});

export type ApprovalMachine = typeof approvalMachine;
