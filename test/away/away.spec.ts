import request from 'supertest';
import { bangkokDateString } from '@saraban/thai-format';
import { command, createApprovalWorld, createDraft, type ApprovalWorld } from '../approval/approval-world';
import { createTestApp, type TestApp } from '../utils/test-app';
import { Organisation } from '../utils/entities';

interface AwayView {
  id: string;
  status: string;
  actingOrders: number;
  actingPersonName: string;
  kindLabel: string;
}

// Issue 13 item 7: a person marks themselves away and names who acts; the notice becomes acting
// orders (approved by the administrator where the organisation requires it), and the acting
// person finds the work and signs in that capacity.
describe('away and hand-over', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const http = () => request(t.app.getHttpServer());
  const day = (offset: number) => bangkokDateString(new Date(Date.now() + offset * 86_400_000));
  const declare = (token: string, body: Record<string, unknown>) =>
    http().post('/me/away').auth(token, { type: 'bearer' }).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    w = await createApprovalWorld(t.app);
  });
  afterAll(() => t.close());

  it('refuses bad input with 400 and a Thai message, and changes nothing', async () => {
    const base = { from: day(0), to: day(2), actingPersonId: w.people.clerk.id };
    for (const body of [
      { ...base, to: day(-1) },
      { ...base, from: day(-3) },
      { ...base, from: '2026-02-30' },
      { ...base, actingPersonId: w.people.head.id },
      { ...base, actingPersonId: 'not-a-uuid' },
      { ...base, kind: 'boss' },
    ]) {
      const res = await declare(w.tokens.head, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    // Someone who holds no post has nobody to hand over to.
    await declare(w.tokens.admin, { ...base, actingPersonId: w.people.head.id }).expect(400);
    const mine = await http().get('/me/away').auth(w.tokens.head, { type: 'bearer' }).expect(200);
    expect(mine.body.items).toEqual([]);
  });

  it('the administrator approves (one winner); the acting person then finds the work and acts as รักษาราชการแทน', async () => {
    const memo = await createDraft(t.app, w.tokens.author, { subject: 'เรื่องระหว่างหัวหน้าสำนักปลัดไม่อยู่' });
    await command(t.app, w.tokens.author, memo.id, 'submit').expect(200);
    const inboxOf = async (token: string) =>
      (await http().get('/inbox').auth(token, { type: 'bearer' }).expect(200)).body as {
        items: { memoId: string; capacity: { kind: string; lines: string[] } }[];
      };

    const created = await declare(w.tokens.head, {
      from: day(0),
      to: day(4),
      actingPersonId: w.people.clerk.id,
      note: 'ลาพักผ่อน',
    }).expect(201);
    const notice = created.body as AwayView;
    expect(notice).toMatchObject({ status: 'pending', actingOrders: 0, kindLabel: 'รักษาราชการแทน' });
    // Not yet approved: the clerk has nothing of the head's.
    expect((await inboxOf(w.tokens.clerk)).items.some((i) => i.memoId === memo.id)).toBe(false);
    // Overlapping days: 409.
    await declare(w.tokens.head, { from: day(2), to: day(6), actingPersonId: w.people.chief.id }).expect(409);

    await http().get('/admin/away').auth(w.tokens.head, { type: 'bearer' }).expect(403);
    const pending = await http().get('/admin/away').auth(w.tokens.admin, { type: 'bearer' }).expect(200);
    expect((pending.body.items as AwayView[]).map((i) => i.id)).toEqual([notice.id]);

    const decisions = await Promise.all([
      http().post(`/admin/away/${notice.id}/approve`).auth(w.tokens.admin, { type: 'bearer' }).send({}),
      http().post(`/admin/away/${notice.id}/approve`).auth(w.tokens.admin, { type: 'bearer' }).send({}),
    ]);
    expect(decisions.map((r) => r.status).sort()).toEqual([200, 409]);
    const approve = decisions.find((r) => r.status === 200)!;
    expect(approve.body).toMatchObject({ status: 'approved', actingOrders: 1 });

    const [order] = await w.db.query<
      { kind: string; reference: string; from_date: string; to_date: string }[]
    >(`SELECT kind, reference, from_date::text, to_date::text FROM acting_orders WHERE away_notice_id = $1`, [
      notice.id,
    ]);
    expect(order).toMatchObject({ kind: 'acting', from_date: day(0), to_date: day(4) });
    expect(order.reference).toContain('แจ้งไม่อยู่');

    const item = (await inboxOf(w.tokens.clerk)).items.find((i) => i.memoId === memo.id);
    expect(item?.capacity.kind).toBe('acting');
    expect(item?.capacity.lines.join(' ')).toContain('รักษาราชการแทน');
    await command(t.app, w.tokens.clerk, memo.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);

    // Back early: orders that begin today or later are removed (earlier days would stay on record).
    const cancelled = await http()
      .post(`/me/away/${notice.id}/cancel`)
      .auth(w.tokens.head, { type: 'bearer' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
    const left = await w.db.query<unknown[]>('SELECT 1 FROM acting_orders WHERE away_notice_id = $1', [
      notice.id,
    ]);
    expect(left).toEqual([]);
    await http().post(`/me/away/${notice.id}/cancel`).auth(w.tokens.head, { type: 'bearer' }).expect(409);
    await http()
      .post(`/admin/away/${notice.id}/reject`)
      .auth(w.tokens.admin, { type: 'bearer' })
      .send({})
      .expect(409);
    // Somebody else's notice is not found.
    await http().post(`/me/away/${notice.id}/cancel`).auth(w.tokens.chief, { type: 'bearer' }).expect(404);
  });

  it('where the organisation does not require approval, the acting order exists at once', async () => {
    await w.db.getRepository(Organisation).update({ id: w.org.id }, { awayRequiresApproval: false });
    const res = await declare(w.tokens.chief, {
      from: day(10),
      to: day(12),
      actingPersonId: w.people.head.id,
    }).expect(201);
    expect(res.body).toMatchObject({ status: 'approved', actingOrders: 1 });
  });
});
