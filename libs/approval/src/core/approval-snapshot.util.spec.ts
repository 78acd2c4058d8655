import v1Fixture from './fixtures/approval-snapshot.v1.json';
import {
  acceptedEventTypes,
  applyApprovalEvent,
  approvalStateName,
  currentRouteStep,
  loadApproval,
  persistApproval,
  startApproval,
  type StoredApproval,
} from './approval-snapshot.util';
import { migrateApprovalSnapshotV1toV2 } from './approval-snapshot-migrations';
import { APPROVAL_MACHINE_VERSION } from './approval.machine';
import type { RouteStep } from './route-step';

const route: RouteStep[] = [
  { seq: 0, positionId: 'p-head', positionTitle: 'หัวหน้าสำนักปลัด', heading: 'ความเห็นของหัวหน้าสำนักปลัด' },
  { seq: 1, positionId: 'p-mayor', positionTitle: 'นายก', heading: 'ความเห็น/คำสั่งนายก' },
];

describe('approval snapshots', () => {
  it('persists with the machine version and plain JSON only', () => {
    const [s] = [applyApprovalEvent(startApproval(route), { type: 'SUBMIT' }).snapshot];
    const stored = persistApproval(s);
    expect(stored.machineVersion).toBe(APPROVAL_MACHINE_VERSION);
    expect(JSON.parse(JSON.stringify(stored))).toEqual(stored);
    expect(JSON.stringify(stored)).not.toContain('_nodes');
  });

  it('loads a snapshot saved by machine version 1 (before the stepIndex/returnReason rename)', () => {
    const loaded = loadApproval(v1Fixture);
    expect(approvalStateName(loaded)).toBe('review');
    expect(loaded.context.stepIndex).toBe(1);
    expect(loaded.context.returnReason).toBeNull();
    expect(loaded.context).not.toHaveProperty('currentStep');
    expect(currentRouteStep(loaded)?.positionId).toBe('p-chief');
    expect(acceptedEventTypes(loaded)).toEqual([
      'ENDORSE',
      'SKIP',
      'RETURN',
      'WITHDRAW',
      'CANCEL',
      'REROUTE',
    ]);
    // …and carries on from there with the current machine.
    const next = applyApprovalEvent(loaded, { type: 'ENDORSE', opinion: 'เห็นควรอนุมัติ' });
    expect(next.intents).toEqual([{ type: 'recordEndorsement', params: { seq: 1, opinion: 'เห็นควรอนุมัติ' } }]);
    expect(persistApproval(next.snapshot).machineVersion).toBe(2);
  });

  it('migrates a returned v1 snapshot, keeping its reason under the new name', () => {
    const returned = structuredClone(v1Fixture) as StoredApproval;
    Object.assign(returned.snapshot, { value: 'returned' });
    Object.assign(returned.snapshot.context as object, { returnNote: 'แก้ไขข้อ ๒' });
    expect(migrateApprovalSnapshotV1toV2(returned.snapshot).context).toMatchObject({
      stepIndex: 1,
      returnReason: 'แก้ไขข้อ ๒',
    });
    expect(loadApproval(returned).context.returnReason).toBe('แก้ไขข้อ ๒');
  });

  it('refuses a snapshot from a newer machine, or one of the wrong shape', () => {
    const stored = persistApproval(startApproval(route));
    expect(() => loadApproval({ ...stored, machineVersion: APPROVAL_MACHINE_VERSION + 1 })).toThrow(/newer/);
    expect(() => loadApproval({ ...stored, machineVersion: 0 })).toThrow(/machine version/);
    expect(() => loadApproval({ ...stored, snapshot: { ...stored.snapshot, value: 'limbo' } })).toThrow();
  });
});

describe('approval machine, by example', () => {
  it('refuses what the state does not allow, leaving the snapshot as it was', () => {
    const draft = startApproval(route);
    const refused = applyApprovalEvent(draft, { type: 'DECIDE', order: 'approved', text: null });
    expect(refused).toEqual({ snapshot: draft, intents: [], changed: false });
    expect(acceptedEventTypes(draft)).toEqual(['SUBMIT']);
  });

  it('endorses without an opinion (the signature alone), but refuses a blank reason and a custom order without text', () => {
    const review = applyApprovalEvent(startApproval(route), { type: 'SUBMIT' }).snapshot;
    const silent = applyApprovalEvent(review, { type: 'ENDORSE', opinion: '' });
    expect(silent.changed).toBe(true);
    expect(silent.intents).toEqual([{ type: 'recordEndorsement', params: { seq: 0, opinion: '' } }]);
    expect(applyApprovalEvent(review, { type: 'RETURN', reason: '' }).changed).toBe(false);
    const atMayor = applyApprovalEvent(review, { type: 'ENDORSE', opinion: 'ทราบ' }).snapshot;
    expect(acceptedEventTypes(atMayor)).toEqual(['RETURN', 'DECIDE', 'WITHDRAW', 'CANCEL', 'REROUTE']);
    expect(applyApprovalEvent(atMayor, { type: 'DECIDE', order: 'custom', text: ' ' }).changed).toBe(false);
    expect(
      applyApprovalEvent(atMayor, { type: 'DECIDE', order: 'custom', text: 'ให้กองคลังพิจารณา' }).changed,
    ).toBe(true);
  });

  it('re-routes only the waiting step, to another position', () => {
    const review = applyApprovalEvent(startApproval(route), { type: 'SUBMIT' }).snapshot;
    const same = { type: 'REROUTE', positionId: 'p-head', positionTitle: '', heading: '', note: '' } as const;
    expect(applyApprovalEvent(review, same).changed).toBe(false);
    const moved = applyApprovalEvent(review, {
      ...same,
      positionId: 'p-x',
      positionTitle: 'รองนายก',
      heading: 'ความเห็นของรองนายก',
    });
    expect(moved.snapshot.context.route.map((s) => s.positionId)).toEqual(['p-x', 'p-mayor']);
    expect(moved.intents).toEqual([
      { type: 'recordReroute', params: { seq: 0, fromPositionId: 'p-head', toPositionId: 'p-x', note: '' } },
    ]);
  });

  it('resubmission starts again at step 0, keeps the number and does not issue another', () => {
    let s = applyApprovalEvent(startApproval(route), { type: 'SUBMIT' }).snapshot;
    s = applyApprovalEvent(s, { type: 'ENDORSE', opinion: 'เห็นควร' }).snapshot;
    s = applyApprovalEvent(s, { type: 'RETURN', reason: 'แนบเอกสารเพิ่ม' }).snapshot;
    expect(s.context.returnReason).toBe('แนบเอกสารเพิ่ม');
    const again = applyApprovalEvent(s, { type: 'SUBMIT' });
    expect(again.intents).toEqual([{ type: 'recordSubmission', params: { round: 2, resubmission: true } }]);
    expect(again.snapshot.context).toMatchObject({ round: 2, stepIndex: 0, marks: [], returnReason: null });
  });
});
