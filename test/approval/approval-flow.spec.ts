import request from 'supertest';
import { createPerson, createPosition } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { command, createDraft, headActsAsChief, startApprovalApp, submissionRecords } from './approval-world';
import type { ApprovalWorld } from './approval-world';
import { ApprovalChainStep } from '../utils/entities';

describe('approval flow', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const http = () => request(t.app.getHttpServer());
  const timelineOf = (memoId: string, token: string) =>
    http().get(`/memos/${memoId}/timeline`).auth(token, { type: 'bearer' }).expect(200);

  beforeAll(async () => ({ t, w } = await startApprovalApp()));
  afterAll(() => t.close());

  it('climbs the chain: submit takes a number and a date, head and chief endorse, the mayor decides', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const before = await http()
      .get(`/memos/${draft.id}/approval`)
      .auth(w.tokens.author, { type: 'bearer' })
      .expect(200);
    expect(before.body).toMatchObject({
      state: 'draft',
      status: 'draft',
      allowedCommands: ['submit'],
      round: 0,
    });
    expect(before.body.route.map((s: { positionId: string }) => s.positionId)).toEqual([
      w.positions.head.id,
      w.positions.chief.id,
      w.positions.mayor.id,
    ]);

    const submitted = await command(t.app, w.tokens.author, draft.id, 'submit', {
      version: draft.version,
    }).expect(200);
    expect(submitted.body).toMatchObject({
      state: 'review',
      status: 'in_review',
      round: 1,
      currentStep: { seq: 0, positionId: w.positions.head.id, heading: 'ความเห็นของหัวหน้าสำนักปลัด' },
      allowedCommands: ['withdraw'],
      stuck: false,
      documentNo: expect.stringMatching(/^นพ ๗๑๕๐๑\/[๐-๙]+$/),
      datedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(submitted.body.waitingFor).toEqual([
      expect.objectContaining({ personId: w.people.head.id, name: 'นายสมประสงค์ วีระวัฒน์' }),
    ]);

    const headView = await http()
      .get(`/memos/${draft.id}/approval`)
      .auth(w.tokens.head, { type: 'bearer' })
      .expect(200);
    expect(headView.body.allowedCommands).toEqual(['endorse', 'return']);
    expect(headView.body.myCapacity).toMatchObject({ kind: 'own', lines: ['หัวหน้าสำนักปลัด'] });
    // The approver on the route may read the memo itself (libs/memo's policy, through the grant).
    await http().get(`/memos/${draft.id}`).auth(w.tokens.head, { type: 'bearer' }).expect(200);

    const e1 = await command(t.app, w.tokens.head, draft.id, 'endorse', {
      opinion: 'เห็นควรอนุมัติ',
      version: submitted.body.version,
    }).expect(200);
    expect(e1.body.currentStep.positionId).toBe(w.positions.chief.id);
    expect(e1.body.allowedCommands).toEqual([]);
    const e2 = await command(t.app, w.tokens.chief, draft.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(
      200,
    );
    const mayorView = await http()
      .get(`/memos/${draft.id}/approval`)
      .auth(w.tokens.mayor, { type: 'bearer' })
      .expect(200);
    expect(mayorView.body.allowedCommands).toEqual(['return', 'decide']);
    const decided = await command(t.app, w.tokens.mayor, draft.id, 'decide', {
      order: 'approved',
      version: e2.body.version,
    }).expect(200);
    expect(decided.body).toMatchObject({
      state: 'decided',
      status: 'decided',
      currentStep: null,
      decision: { order: 'approved', text: null, printed: 'อนุมัติ' },
      allowedCommands: [],
    });

    const timeline = await timelineOf(draft.id, w.tokens.author);
    expect(
      timeline.body.entries.map((e: { action: string; actorName: string | null; heading: string | null }) => [
        e.action,
        e.actorName,
        e.heading,
      ]),
    ).toEqual([
      ['submitted', 'นายสมชาย ใจดี', null],
      ['endorsed', 'นายสมประสงค์ วีระวัฒน์', 'ความเห็นของหัวหน้าสำนักปลัด'],
      ['endorsed', 'นายสมศักดิ์ รักงาน', 'ความเห็นของปลัดองค์การบริหารส่วนตำบล'],
      ['decided', 'นายสมหมาย ปกครอง', 'ความเห็น/คำสั่งนายกองค์การบริหารส่วนตำบล'],
    ]);

    const outbox: { type: string; payload: { memoVersion: number } }[] = await w.db.query(
      "SELECT type, payload FROM outbox WHERE organisation_id = $1 AND payload->>'memoId' = $2 ORDER BY created_at",
      [w.org.id, draft.id],
    );
    expect(outbox.map((o) => o.type)).toEqual([
      'memo.submitted',
      'memo.endorsed',
      'memo.endorsed',
      'memo.decided',
    ]);
    expect(outbox[3].payload.memoVersion).toBe(decided.body.version);

    const entries: { status: string; memo_id: string }[] = await w.db.query(
      'SELECT status, memo_id FROM register_entries WHERE memo_id = $1',
      [draft.id],
    );
    expect(entries).toEqual([{ status: 'issued', memo_id: draft.id }]);

    const sent = await http().get('/memos/sent').auth(w.tokens.author, { type: 'bearer' }).expect(200);
    expect(sent.body.items[0]).toMatchObject({ memoId: draft.id, state: 'decided', status: 'decided' });

    const audit = await http().get('/audit/verify').auth(w.tokens.admin, { type: 'bearer' }).expect(200);
    expect(audit.body).toMatchObject({ ok: true, entriesChecked: 4, firstBroken: null });
  });

  it('the head of office acting as chief administrator endorses twice, in two capacities', async () => {
    await headActsAsChief(w);
    const draft = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    const first = await command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(
      200,
    );
    expect(first.body.myCapacity).toMatchObject({
      kind: 'acting',
      stepPositionId: w.positions.chief.id,
      orderReference: 'คำสั่งที่ ๑/๒๕๖๘',
      lines: ['หัวหน้าสำนักปลัด รักษาราชการแทน', 'ปลัดองค์การบริหารส่วนตำบล'],
    });
    const inbox = await http().get('/inbox').auth(w.tokens.head, { type: 'bearer' }).expect(200);
    expect(
      inbox.body.items.map((i: { memoId: string; capacity: { kind: string } }) => [
        i.memoId,
        i.capacity.kind,
      ]),
    ).toContainEqual([draft.id, 'acting']);
    expect(inbox.body.capacities.map((c: { capacity: { kind: string } }) => c.capacity.kind).sort()).toEqual([
      'acting',
      'own',
    ]);
    await command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(200);

    const timeline = await timelineOf(draft.id, w.tokens.head);
    const endorsements = timeline.body.entries.filter((e: { action: string }) => e.action === 'endorsed');
    expect(
      endorsements.map((e: { actorId: string; capacity: { kind: string; lines: string[] } }) => [
        e.actorId,
        e.capacity.kind,
        e.capacity.lines,
      ]),
    ).toEqual([
      [w.people.head.id, 'own', ['หัวหน้าสำนักปลัด']],
      [w.people.head.id, 'acting', ['หัวหน้าสำนักปลัด รักษาราชการแทน', 'ปลัดองค์การบริหารส่วนตำบล']],
    ]);
    const stored: {
      capacity: { kind: string; ownPositionTitle: string | null; orderReference: string | null };
    }[] = await w.db.query(
      `SELECT capacity FROM approval_history WHERE memo_id = $1 AND action = 'endorsed' ORDER BY seq`,
      [draft.id],
    );
    expect(stored[1].capacity).toMatchObject({
      kind: 'acting',
      ownPositionTitle: 'หัวหน้าสำนักปลัด',
      orderReference: 'คำสั่งที่ ๑/๒๕๖๘',
    });
    await w.db.query('DELETE FROM acting_orders WHERE person_id = $1', [w.people.head.id]);
  });

  it('a returned memo is resubmitted: the chain starts again, the number is kept, the history too', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const s = await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    await command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    const returned = await command(t.app, w.tokens.chief, draft.id, 'return', {
      reason: 'กรุณาแนบรายงาน',
    }).expect(200);
    expect(returned.body).toMatchObject({
      state: 'returned',
      status: 'returned',
      returnReason: 'กรุณาแนบรายงาน',
    });
    expect(returned.body.allowedCommands).toEqual([]);
    // The author may edit a returned memo (libs/memo), then resubmit.
    const edited = await http()
      .patch(`/memos/${draft.id}`)
      .auth(w.tokens.author, { type: 'bearer' })
      .send({ subject: 'ขอความเห็นชอบรายงาน (แก้ไข)', version: returned.body.version })
      .expect(200);
    const again = await command(t.app, w.tokens.author, draft.id, 'submit', {
      version: edited.body.version,
    }).expect(200);
    expect(again.body).toMatchObject({ state: 'review', round: 2, documentNo: s.body.documentNo });
    expect(again.body.currentStep.positionId).toBe(w.positions.head.id);
    const numbers: unknown[] = await w.db.query('SELECT 1 FROM register_entries WHERE memo_id = $1', [
      draft.id,
    ]);
    expect(numbers).toHaveLength(1);
    const timeline = await timelineOf(draft.id, w.tokens.author);
    expect(
      timeline.body.entries.map((e: { action: string; round: number }) => `${e.round}:${e.action}`),
    ).toEqual(['1:submitted', '1:endorsed', '1:returned', '2:resubmitted']);
  });

  it('a step that resolves only to the author is skipped and the skip recorded', async () => {
    const draft = await createDraft(t.app, w.tokens.head);
    const res = await command(t.app, w.tokens.head, draft.id, 'submit').expect(200);
    expect(res.body.currentStep.positionId).toBe(w.positions.chief.id);
    const timeline = await timelineOf(draft.id, w.tokens.head);
    expect(
      timeline.body.entries.map((e: { action: string; stepSeq: number | null; actorId: string | null }) => [
        e.action,
        e.stepSeq,
        e.actorId,
      ]),
    ).toEqual([
      ['submitted', null, w.people.head.id],
      ['skipped', 0, null],
    ]);
    expect(timeline.body.entries[1].details).toMatchObject({
      reason: 'author_only',
      positionId: w.positions.head.id,
    });
    // The author's own inbox never shows their memo.
    const inbox = await http().get('/inbox').auth(w.tokens.head, { type: 'bearer' }).expect(200);
    expect(inbox.body.items.map((i: { memoId: string }) => i.memoId)).not.toContain(draft.id);
  });

  it('a later change of the chain does not move memos under way; new memos take the new chain', async () => {
    const underWay = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, underWay.id, 'submit').expect(200);
    const deputy = await createPosition(w.db, w.org, 'รองนายกองค์การบริหารส่วนตำบล');
    const deputyPerson = await createPerson(w.db, w.org, { positions: [deputy] });
    await w.db
      .getRepository(ApprovalChainStep)
      .update({ unitId: w.unit.id, seq: 1 }, { positionId: deputy.id });
    try {
      await command(t.app, w.tokens.head, underWay.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
      const view = await http()
        .get(`/memos/${underWay.id}/approval`)
        .auth(w.tokens.chief, { type: 'bearer' })
        .expect(200);
      expect(view.body.currentStep.positionId).toBe(w.positions.chief.id);
      expect(view.body.allowedCommands).toEqual(['endorse', 'return']);
      const fresh = await createDraft(t.app, w.tokens.author);
      const s = await command(t.app, w.tokens.author, fresh.id, 'submit').expect(200);
      expect(s.body.route.map((r: { positionId: string }) => r.positionId)).toEqual([
        w.positions.head.id,
        deputy.id,
        w.positions.mayor.id,
      ]);
      expect(deputyPerson.id).toBeDefined();
    } finally {
      await w.db
        .getRepository(ApprovalChainStep)
        .update({ unitId: w.unit.id, seq: 1 }, { positionId: w.positions.chief.id });
    }
  });

  it('a stuck step shows to clerk and admin, who re-route it (recorded)', async () => {
    const vacant = await createPosition(w.db, w.org, 'ผู้อำนวยการกองคลัง');
    const draft = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    // The head leaves (deactivated): the waiting step has nobody to act.
    await w.db.query('UPDATE people SET active = false WHERE id = $1', [w.people.head.id]);
    try {
      const view = await http()
        .get(`/memos/${draft.id}/approval`)
        .auth(w.tokens.clerk, { type: 'bearer' })
        .expect(200);
      expect(view.body).toMatchObject({ stuck: true, allowedCommands: ['cancel', 'reroute'] });
      const stuck = await http().get('/approval/stuck').auth(w.tokens.admin, { type: 'bearer' }).expect(200);
      expect(stuck.body.items).toContainEqual(
        expect.objectContaining({ memoId: draft.id, reason: 'nobody' }),
      );
      await http().get('/approval/stuck').auth(w.tokens.author, { type: 'bearer' }).expect(403);
      // Re-routing to a post nobody may act for either is refused.
      await command(t.app, w.tokens.admin, draft.id, 'reroute', {
        positionId: vacant.id,
        note: 'ว่าง',
      }).expect(400);
      const moved = await command(t.app, w.tokens.admin, draft.id, 'reroute', {
        positionId: w.positions.chief.id,
        note: 'หัวหน้าสำนักปลัดลาออก',
      }).expect(200);
      expect(moved.body).toMatchObject({
        stuck: false,
        currentStep: { seq: 0, positionId: w.positions.chief.id },
      });
      const timeline = await timelineOf(draft.id, w.tokens.admin);
      expect(timeline.body.entries[1]).toMatchObject({
        action: 'rerouted',
        actorId: w.people.admin.id,
        text: 'หัวหน้าสำนักปลัดลาออก',
        details: { fromPositionId: w.positions.head.id, toPositionId: w.positions.chief.id },
      });
      // The chief now acts on step 0 and again, in the same capacity, on step 1.
      await command(t.app, w.tokens.chief, draft.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    } finally {
      await w.db.query('UPDATE people SET active = true WHERE id = $1', [w.people.head.id]);
    }
  });

  it('withdraw and cancel keep the register number, marked cancelled', async () => {
    const a = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, a.id, 'submit').expect(200);
    const withdrawn = await command(t.app, w.tokens.author, a.id, 'withdraw').expect(200);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', status: 'withdrawn', allowedCommands: [] });
    const b = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, b.id, 'submit').expect(200);
    await command(t.app, w.tokens.clerk, b.id, 'cancel', { reason: 'ออกเลขซ้ำกับหนังสือกระดาษ' }).expect(200);
    const rows: { memo_id: string; status: string; cancel_reason: string }[] = await w.db.query(
      'SELECT memo_id, status, cancel_reason FROM register_entries WHERE memo_id = ANY($1::uuid[]) ORDER BY number',
      [[a.id, b.id]],
    );
    expect(rows).toEqual([
      { memo_id: a.id, status: 'cancelled', cancel_reason: 'ถอนเรื่องโดยเจ้าของเรื่อง' },
      { memo_id: b.id, status: 'cancelled', cancel_reason: 'ออกเลขซ้ำกับหนังสือกระดาษ' },
    ]);
  });

  it('a repeated submit with the same Idempotency-Key does nothing twice; another body with it answers 422', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const key = `submit-${draft.id}`;
    const first = await command(t.app, w.tokens.author, draft.id, 'submit', {}, key).expect(200);
    const again = await command(t.app, w.tokens.author, draft.id, 'submit', {}, key).expect(200);
    expect(again.body).toEqual(first.body);
    const [both] = await Promise.all([
      command(t.app, w.tokens.author, draft.id, 'submit', {}, key).expect(200),
      command(t.app, w.tokens.author, draft.id, 'submit', {}, key).expect(200),
    ]);
    expect(both.body.documentNo).toBe(first.body.documentNo);
    const records = await submissionRecords(w, draft.id);
    expect(records.registerEntries).toHaveLength(1);
    expect(records.submittedHistory).toHaveLength(1);
    const reused = await command(t.app, w.tokens.author, draft.id, 'submit', { version: 1 }, key).expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Without the key, a second submit is refused by the machine.
    const refused = await command(t.app, w.tokens.author, draft.id, 'submit').expect(409);
    expect(refused.body.code).toBe('TRANSITION_NOT_ALLOWED');
  });
});
