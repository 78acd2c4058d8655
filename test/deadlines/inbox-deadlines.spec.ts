import request from 'supertest';
import { DataSource } from 'typeorm';
import { StaffingReader } from '@saraban/approval';
import { DeadlineSweepService } from '@saraban/deadlines';
import { workingCalendarOf, type WorkingTimeSettings } from '@saraban/organisation';
import { command, createApprovalWorld, createDraft, type ApprovalWorld } from '../approval/approval-world';
import { createPerson, signIn } from '../utils/factories';
import { createTestApp, type TestApp } from '../utils/test-app';
// The sweep's collaborator is internal to the library; the worker module wires the same two.
import { DeadlineRecipients } from '../../libs/deadlines/src/sweep/deadline-recipients';
import { Organisation } from '../utils/entities';

interface InboxItem {
  memoId: string;
  waitingSince: string;
  dueAt: string | null;
  deadline: 'on_time' | 'due_soon' | 'overdue' | null;
  waitingWorkingHours: number;
  remainingWorkingHours: number | null;
}

// Issue 13 item 6: each step's due time in the organisation's working time, the inbox's time
// waiting and due/overdue, and reminders and escalations written once however many sweeps run.
describe('deadlines: due times, the inbox, reminders and escalations', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  let db: DataSource;
  const settings: WorkingTimeSettings = {
    officeHours: { start: '08:00', end: '16:00' },
    holidays: { '2026': [{ date: '2026-12-30', name: 'วันหยุดพิเศษของหน่วยงาน' }] },
    deadlines: { most_urgent: { hours: 3 }, urgent: { days: 2 }, remindBefore: { hours: 1 } },
  };
  const calendar = workingCalendarOf(settings);
  const http = () => request(t.app.getHttpServer());
  const inbox = async (token: string): Promise<InboxItem[]> =>
    ((await http().get('/inbox').auth(token, { type: 'bearer' }).expect(200)).body as { items: InboxItem[] })
      .items;
  /** Time passes: the step's reminder and due times are moved relative to now. */
  const shiftTimes = (memoId: string, remindInMs: number, dueInMs: number) =>
    db.query(
      `UPDATE memo_workflows SET remind_at = now() + make_interval(secs => $2::float8 / 1000),
              due_at = now() + make_interval(secs => $3::float8 / 1000) WHERE memo_id = $1`,
      [memoId, remindInMs, dueInMs],
    );

  beforeAll(async () => {
    t = await createTestApp();
    w = await createApprovalWorld(t.app);
    db = w.db;
    await db.getRepository(Organisation).update({ id: w.org.id }, { workingTime: settings });
  });
  afterAll(() => t.close());

  it('a submitted step is due after its urgency’s working time; the next step gets its own; a return clears it', async () => {
    const d = await createDraft(t.app, w.tokens.author, { subject: 'เรื่องด่วนที่สุด', urgency: 'most_urgent' });
    await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
    const [item] = (await inbox(w.tokens.head)).filter((i) => i.memoId === d.id);
    expect(item.dueAt).not.toBeNull();
    const started = new Date(item.waitingSince);
    const due = new Date(item.dueAt!);
    // Three working hours of 08:00–16:00 on working days, measured by the organisation's calendar.
    expect(calendar.workingTimeBetween(started, due).hours).toBeCloseTo(3, 6);
    expect(calendar.isWorkingDay(due)).toBe(true);
    expect(item.waitingWorkingHours).toBeGreaterThanOrEqual(0);
    expect(item.remainingWorkingHours).toBeGreaterThan(0);
    expect(item.deadline === 'on_time' || item.deadline === 'due_soon').toBe(true);

    await command(t.app, w.tokens.head, d.id, 'endorse', { opinion: 'เห็นควร' }).expect(200);
    expect((await inbox(w.tokens.head)).some((i) => i.memoId === d.id)).toBe(false);
    const [atChief] = (await inbox(w.tokens.chief)).filter((i) => i.memoId === d.id);
    expect(new Date(atChief.waitingSince).getTime()).toBeGreaterThan(started.getTime());
    expect(
      calendar.workingTimeBetween(new Date(atChief.waitingSince), new Date(atChief.dueAt!)).hours,
    ).toBeCloseTo(3, 6);

    await command(t.app, w.tokens.chief, d.id, 'return', { reason: 'แก้ไขตัวเลข' }).expect(200);
    const [row] = await db.query<{ due_at: Date | null; remind_at: Date | null }[]>(
      'SELECT due_at, remind_at FROM memo_workflows WHERE memo_id = $1',
      [d.id],
    );
    expect(row).toEqual({ due_at: null, remind_at: null });
  });

  it('the inbox says on time, due soon (past the reminder) or overdue, with the working hours left', async () => {
    const d = await createDraft(t.app, w.tokens.author, { subject: 'เรื่องด่วน', urgency: 'urgent' });
    await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
    const standing = async () => (await inbox(w.tokens.head)).find((i) => i.memoId === d.id)!;

    await shiftTimes(d.id, 30 * 86_400_000, 31 * 86_400_000);
    expect((await standing()).deadline).toBe('on_time');
    await shiftTimes(d.id, -60_000, 31 * 86_400_000);
    expect((await standing()).deadline).toBe('due_soon');
    await shiftTimes(d.id, -20 * 86_400_000, -10 * 86_400_000);
    const overdue = await standing();
    expect(overdue.deadline).toBe('overdue');
    // Ten calendar days ago holds at least five working days of eight hours.
    expect(overdue.remainingWorkingHours!).toBeLessThanOrEqual(-40);
  });

  it('reminders go to who may act, escalations to the clerks and the next up the chain, each once however many sweeps run', async () => {
    const sweeps = new DeadlineSweepService(db, new DeadlineRecipients(new StaffingReader()));
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const d = await createDraft(t.app, w.tokens.author, { subject: `เรื่องที่ ${i}`, urgency: 'most_urgent' });
      await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
      await shiftTimes(d.id, -2_000, -1_000);
      ids.push(d.id);
    }
    // Four sweeps of each kind at once (as from four workers), then once more later.
    const results = await Promise.all(
      [0, 1, 2, 3].flatMap(() => [sweeps.sweep('reminder'), sweeps.sweep('escalation')]),
    );
    expect(results.reduce((n, r) => n + r.written, 0)).toBeGreaterThanOrEqual(6);
    await sweeps.sweep('reminder');
    await sweeps.sweep('escalation');

    const outbox: { type: string; memo_id: string; payload: Record<string, unknown> }[] = await db.query(
      `SELECT type, payload->>'memoId' AS memo_id, payload FROM outbox
        WHERE type IN ('memo.step_reminder', 'memo.step_escalated') AND payload->>'memoId' = ANY($1)`,
      [ids],
    );
    for (const id of ids) {
      const mine = outbox.filter((e) => e.memo_id === id);
      expect(mine.map((e) => e.type).sort()).toEqual(['memo.step_escalated', 'memo.step_reminder']);
      const reminder = mine.find((e) => e.type === 'memo.step_reminder')!.payload;
      expect(reminder).toMatchObject({
        memoId: id,
        organisationId: w.org.id,
        stepSeq: 0,
        recipientUserIds: [w.people.head.id],
      });
      expect(typeof reminder.dueAt).toBe('string');
      expect(typeof reminder.memoVersion).toBe('number');
      const escalation = mine.find((e) => e.type === 'memo.step_escalated')!.payload;
      expect((escalation.recipientUserIds as string[]).sort()).toEqual(
        [w.people.clerk.id, w.people.chief.id].sort(),
      );
    }

    // The memo's deadline timeline, for whoever may read the memo.
    const timeline = await http()
      .get(`/memos/${ids[0]}/deadline-notices`)
      .auth(w.tokens.author, { type: 'bearer' })
      .expect(200);
    const notices = (timeline.body as { notices: { kind: string; recipientNames: string[] }[] }).notices;
    // Both sweeps ran at once here: the timeline's order between the two is when each was written.
    expect(notices.map((n) => n.kind).sort()).toEqual(['escalation', 'reminder']);
    expect(notices.find((n) => n.kind === 'escalation')!.recipientNames).toEqual(
      expect.arrayContaining([`${w.people.chief.prefix}${w.people.chief.fullName}`]),
    );
    // Someone not on the memo may not learn it exists.
    const outsider = await createPerson(db, w.org, { unit: w.unit, fullName: 'คนนอก เรื่องนี้' });
    await http()
      .get(`/memos/${ids[0]}/deadline-notices`)
      .auth(await signIn(t.app, w.org, outsider), { type: 'bearer' })
      .expect(404);
  });
});
