import { getSimplePaths } from '@xstate/graph';
import type { ApprovalEvent, ApprovalEventType } from './approval-event';
import type { ApprovalIntent } from './approval-intent';
import {
  acceptedEventTypes,
  applyApprovalEvent,
  approvalStateName,
  loadApproval,
  persistApproval,
  startApproval,
  type ApprovalSnapshot,
} from './approval-snapshot.util';
import { approvalMachine } from './approval.machine';
import type { RouteStep } from './route-step';

/**
 * Model-based tests: @xstate/graph enumerates every simple path of the machine for routes of
 * 1 to 4 steps; each path is replayed through the same pure functions the service uses, and the
 * intents it produced (what the service turns into history) are checked against the invariants.
 */

function route(n: number): RouteStep[] {
  return Array.from({ length: n }, (_, seq) => ({
    seq,
    positionId: `pos-${seq}`,
    positionTitle: `ตำแหน่ง ${seq}`,
    heading: `ความเห็นของตำแหน่ง ${seq}`,
  }));
}

const EVENTS: ApprovalEvent[] = [
  { type: 'SUBMIT' },
  { type: 'ENDORSE', opinion: 'เห็นควรอนุมัติ' },
  { type: 'SKIP', reason: 'author_only' },
  { type: 'RETURN', reason: 'แก้ไขข้อ ๒' },
  { type: 'DECIDE', order: 'approved', text: null },
  { type: 'WITHDRAW' },
  { type: 'CANCEL', reason: 'ออกเลขผิด' },
  {
    type: 'REROUTE',
    positionId: 'pos-alt',
    positionTitle: 'ตำแหน่งแทน',
    heading: 'ความเห็นของตำแหน่งแทน',
    note: 'ว่าง',
  },
];

/**
 * Bounds that keep the graph finite: one return per path (the return → resubmit loop would
 * otherwise never end) and one re-route per path (each re-route changes the route).
 */
function eventsFor(snapshot: ApprovalSnapshot): ApprovalEvent[] {
  const rerouted = snapshot.context.route.some((s) => s.positionId === 'pos-alt');
  return EVENTS.filter(
    (e) => !(e.type === 'RETURN' && snapshot.context.round >= 2) && !(e.type === 'REROUTE' && rerouted),
  );
}

/** ENDORSE and SKIP lead to the same vertex by two edges, so simple paths take each of them. */
function serialize(snapshot: ApprovalSnapshot): string {
  const c = snapshot.context;
  return JSON.stringify([snapshot.value, c.round, c.stepIndex, c.route.map((s) => s.positionId)]);
}

/** Every simple path from the draft to a final state; each prefix is a path to a non-final state. */
function pathsFor(n: number): ApprovalEvent[][] {
  const paths = getSimplePaths(approvalMachine, {
    input: { route: route(n) },
    events: eventsFor,
    serializeState: serialize,
    toState: (s) => s.status === 'done',
  });
  return paths.map((p) => p.steps.map((s) => s.event).filter((e) => !e.type.startsWith('xstate.')));
}

interface Replay {
  final: ApprovalSnapshot;
  intents: ApprovalIntent[];
}

/** The paths share long prefixes: walked as a trie, each prefix is replayed and checked once. */
interface TrieNode {
  children: Map<string, { event: ApprovalEvent; node: TrieNode }>;
}

function trieOf(paths: ApprovalEvent[][]): TrieNode {
  const root: TrieNode = { children: new Map() };
  for (const p of paths) {
    let node = root;
    for (const event of p) {
      const key = JSON.stringify(event);
      let child = node.children.get(key);
      if (!child) {
        child = { event, node: { children: new Map() } };
        node.children.set(key, child);
      }
      node = child.node;
    }
  }
  return root;
}

/** Visits every prefix of every path with its snapshot and the intents produced so far. */
function walk(
  n: number,
  paths: ApprovalEvent[][],
  visit: (replay: Replay, events: ApprovalEvent[]) => void,
): void {
  const go = (node: TrieNode, replayed: Replay, events: ApprovalEvent[]): void => {
    visit(replayed, events);
    for (const { event, node: child } of node.children.values()) {
      const step = applyApprovalEvent(replayed.final, event);
      expect(step.changed).toBe(true);
      go(child, { final: step.snapshot, intents: [...replayed.intents, ...step.intents] }, [
        ...events,
        event,
      ]);
    }
  };
  go(trieOf(paths), { final: startApproval(route(n)), intents: [] }, []);
}

/** Every snapshot survives the database round trip, with the same accepted events. */
function checkRoundTrip(snapshot: ApprovalSnapshot): void {
  const reloaded = loadApproval(JSON.parse(JSON.stringify(persistApproval(snapshot))));
  expect(reloaded.value).toEqual(snapshot.value);
  expect(reloaded.context).toEqual(snapshot.context);
  expect(acceptedEventTypes(reloaded)).toEqual(acceptedEventTypes(snapshot));
}

/** Splits the intents into rounds, each starting at a submission. */
function rounds(intents: ApprovalIntent[]): ApprovalIntent[][] {
  const result: ApprovalIntent[][] = [];
  for (const i of intents) {
    if (i.type === 'recordSubmission') result.push([]);
    result[result.length - 1]?.push(i);
  }
  return result;
}

function checkInvariants(n: number, { final, intents }: Replay): void {
  const count = (type: ApprovalIntent['type']) => intents.filter((i) => i.type === type).length;
  const state = approvalStateName(final);

  // One decision at most, and exactly one when decided.
  expect(count('recordDecision')).toBe(state === 'decided' ? 1 : 0);

  // The number is issued once, at the first submission, and kept through resubmissions.
  const submissions = count('recordSubmission');
  expect(count('issueRegisterNumber')).toBe(submissions > 0 ? 1 : 0);
  if (submissions > 0) expect(intents[0].type).toBe('issueRegisterNumber');
  expect(final.context.numberIssued).toBe(submissions > 0);

  // The register entry is cancelled exactly when the memo ends withdrawn or cancelled.
  expect(count('cancelRegisterEntry')).toBe(state === 'withdrawn' || state === 'cancelled' ? 1 : 0);

  for (const [r, round] of rounds(intents).entries()) {
    const head = round[0];
    expect(head).toEqual({ type: 'recordSubmission', params: { round: r + 1, resubmission: r > 0 } });
    // History in order, no step skipped unless recorded: the passed steps of a round are 0, 1, 2 … each once.
    const passed = round.flatMap((i) =>
      i.type === 'recordEndorsement' || i.type === 'recordSkip' ? [i.params.seq] : [],
    );
    expect(passed).toEqual(passed.map((_, k) => k));
    for (const i of round) {
      if (i.type === 'recordDecision') {
        expect(i.params.seq).toBe(n - 1);
        expect(passed).toHaveLength(n - 1);
      }
      if (i.type === 'recordReturn' || i.type === 'recordReroute')
        expect(i.params.seq).toBeLessThanOrEqual(passed.length);
      if (i.type === 'recordSkip' || i.type === 'recordEndorsement') expect(i.params.seq).toBeLessThan(n - 1);
    }
    // After a return only the author's withdrawal or the clerk's cancellation may come in the same
    // round; after a decision, withdrawal or cancellation nothing but the register's cancellation.
    const returnedAt = round.findIndex((i) => i.type === 'recordReturn');
    if (returnedAt >= 0) {
      const after = round.slice(returnedAt + 1).map((i) => i.type);
      expect(['recordWithdrawal', 'recordCancellation', 'cancelRegisterEntry']).toEqual(
        expect.arrayContaining(after),
      );
    }
    const closedAt = round.findIndex((i) =>
      ['recordDecision', 'recordWithdrawal', 'recordCancellation'].includes(i.type),
    );
    if (closedAt >= 0) {
      expect(round.slice(closedAt + 1).every((i) => i.type === 'cancelRegisterEntry')).toBe(true);
    }
  }
  expect(final.context.marks.map((m) => m.seq)).toEqual(final.context.marks.map((_, k) => k));

  // A final state accepts nothing more.
  if (['decided', 'withdrawn', 'cancelled'].includes(state)) expect(acceptedEventTypes(final)).toEqual([]);
}

describe('approval machine, every path', () => {
  for (const n of [1, 2, 3, 4]) {
    describe(`a route of ${n} step(s)`, () => {
      const paths = pathsFor(n);

      it('passes through every state, uses every event, and decides after every endorse/skip pattern', () => {
        const seen = new Set<string>();
        const used = new Set<ApprovalEventType>();
        const decidedPatterns = new Set<string>();
        walk(n, paths, ({ final }, events) => {
          seen.add(approvalStateName(final));
          events.forEach((e) => used.add(e.type));
          if (approvalStateName(final) === 'decided')
            decidedPatterns.add(JSON.stringify(final.context.marks));
        });
        expect([...seen].sort()).toEqual([
          'cancelled',
          'decided',
          'draft',
          'returned',
          'review',
          'withdrawn',
        ]);
        expect(decidedPatterns.size).toBe(2 ** (n - 1));
        const expected: ApprovalEventType[] = ['SUBMIT', 'RETURN', 'DECIDE', 'WITHDRAW', 'CANCEL', 'REROUTE'];
        if (n > 1) expected.push('ENDORSE', 'SKIP');
        expect([...used].sort()).toEqual([...expected].sort());
      });

      it('keeps the invariants on every path and every prefix, and every snapshot reloads', () => {
        expect(paths.length).toBeGreaterThan(0);
        let prefixes = 0;
        const reloaded = new Set<string>();
        walk(n, paths, (replayed) => {
          prefixes++;
          checkInvariants(n, replayed);
          const key = JSON.stringify([replayed.final.value, replayed.final.context]);
          if (!reloaded.has(key)) checkRoundTrip(replayed.final);
          reloaded.add(key);
        });
        expect(prefixes).toBeGreaterThan(paths.length);
      });

      it('includes a resubmission that reaches the decision and keeps the number', () => {
        const resubmitted = paths.filter(
          (p) => p.filter((e) => e.type === 'SUBMIT').length === 2 && p[p.length - 1].type === 'DECIDE',
        );
        expect(resubmitted.length).toBeGreaterThan(0);
      });
    });
  }
});
