import request from 'supertest';
import type { TestApp } from '../utils/test-app';
import {
  command,
  createDraft,
  startApprovalApp,
  submissionRecords,
  type ApprovalWorld,
} from './approval-world';

describe('approval under races, and the tamper-evident history', () => {
  let t: TestApp;
  let w: ApprovalWorld;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => ({ t, w } = await startApprovalApp()));
  afterAll(() => t.close());

  it('50 parallel endorsements of the same step: one transition, 49 × 409 with the current state, one history entry', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const submitted = await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    const version = submitted.body.version as number;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: `เห็นควรอนุมัติ (${i})`, version }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const conflict = answers.find((a) => a.status === 409)!;
    expect(conflict.body.code).toBe('VERSION_CONFLICT');
    expect(conflict.body.details.current).toMatchObject({
      memoId: draft.id,
      version: version + 1,
      currentStep: { positionId: w.positions.chief.id },
    });
    const endorsed: unknown[] = await w.db.query(
      `SELECT 1 FROM approval_history WHERE memo_id = $1 AND action = 'endorsed'`,
      [draft.id],
    );
    expect(endorsed).toHaveLength(1);
    const events: unknown[] = await w.db.query(
      `SELECT 1 FROM outbox WHERE payload->>'memoId' = $1 AND type = 'memo.endorsed'`,
      [draft.id],
    );
    expect(events).toHaveLength(1);
    const memo: { version: number; status: string }[] = await w.db.query(
      'SELECT version, status FROM memos WHERE id = $1',
      [draft.id],
    );
    expect(memo[0]).toEqual({ version: version + 1, status: 'in_review' });
  });

  it('10 concurrent submits of one draft without a version or key: one 200, nine 409, one register number', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => command(t.app, w.tokens.author, draft.id, 'submit')),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(9);
    expect(answers.find((a) => a.status === 409)!.body.code).toBe('VERSION_CONFLICT');
    const records = await submissionRecords(w, draft.id);
    expect(records.registerEntries).toHaveLength(1);
    expect(records.submittedHistory).toHaveLength(1);
  });

  it('a stale version answers 409 VERSION_CONFLICT even before any race', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    const res = await command(t.app, w.tokens.author, draft.id, 'submit', {
      version: draft.version + 5,
    }).expect(409);
    expect(res.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { state: 'draft', version: 1 } },
    });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of the history', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    await expect(
      w.db.query(`UPDATE approval_history SET text = 'x' WHERE memo_id = $1`, [draft.id]),
    ).rejects.toThrow(/append-only/);
    await expect(w.db.query('DELETE FROM approval_history WHERE memo_id = $1', [draft.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(w.db.query('TRUNCATE approval_history')).rejects.toThrow(/append-only/);
  });

  it('an entry changed directly in SQL (trigger disabled) is named by the check', async () => {
    const draft = await createDraft(t.app, w.tokens.author);
    await command(t.app, w.tokens.author, draft.id, 'submit').expect(200);
    await command(t.app, w.tokens.head, draft.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(200);
    await command(t.app, w.tokens.chief, draft.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(200);
    const before = await http().get('/audit/verify').auth(w.tokens.admin, { type: 'bearer' }).expect(200);
    expect(before.body).toMatchObject({ ok: true, firstBroken: null });
    await http().get('/audit/verify').auth(w.tokens.clerk, { type: 'bearer' }).expect(403);

    const target: { seq: string }[] = await w.db.query(
      `SELECT seq::text AS seq FROM approval_history WHERE memo_id = $1 AND action = 'endorsed' ORDER BY approval_history.seq LIMIT 1`,
      [draft.id],
    );
    await w.db.query('ALTER TABLE approval_history DISABLE TRIGGER approval_history_append_only');
    try {
      await w.db.query(
        `UPDATE approval_history SET text = 'ไม่เห็นควรอนุมัติ' WHERE organisation_id = $1 AND seq = $2::bigint`,
        [w.org.id, target[0].seq],
      );
    } finally {
      await w.db.query('ALTER TABLE approval_history ENABLE TRIGGER approval_history_append_only');
    }
    const after = await http().get('/audit/verify').auth(w.tokens.admin, { type: 'bearer' }).expect(200);
    expect(after.body).toMatchObject({
      ok: false,
      firstBroken: { seq: target[0].seq, memoId: draft.id, problem: 'hash_mismatch' },
    });
    expect(after.body.entriesChecked).toBe(Number(target[0].seq) - 1);
  });
});
