import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/test-app';
import { command, createApprovalWorld, createDraft, type ApprovalWorld } from '../approval/approval-world';

/**
 * The memo's search text lives in memo_search_texts, kept by a trigger on memos (migration
 * MemoSearchTexts): an edit of the subject, เรียน or body is found at once, and an approval command
 * (which changes only the memo's status and version) leaves the search row and its index alone.
 */
describe('memo search text: kept in step with the draft, untouched by approval commands', () => {
  let t: TestApp;
  let w: ApprovalWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await createApprovalWorld(t.app);
  }, 60000);
  afterAll(() => t.close());

  const found = async (q: string): Promise<string[]> => {
    const res = await request(t.app.getHttpServer())
      .get(`/search/memos?limit=50&q=${encodeURIComponent(q)}`)
      .auth(w.tokens.author, { type: 'bearer' })
      .expect(200);
    return (res.body as { items: { memoId: string }[] }).items.map((i) => i.memoId);
  };
  const searchRow = async (memoId: string): Promise<{ xmin: string; search_text: string }> => {
    const rows = await w.db.query<{ xmin: string; search_text: string }[]>(
      `SELECT xmin::text AS xmin, search_text FROM memo_search_texts WHERE memo_id = $1`,
      [memoId],
    );
    expect(rows).toHaveLength(1);
    return rows[0];
  };

  it('an edited body is found by its new words, not its old ones; Thai digits match Arabic', async () => {
    const d = await createDraft(t.app, w.tokens.author, {
      subject: 'จัดซื้อวัสดุสำนักงาน ครั้งที่ ๑๒',
      body: [{ type: 'paragraph', text: 'กระดาษถ่ายเอกสารขนาดเอสี่' }],
    });
    expect(await found('กระดาษถ่ายเอกสาร')).toContain(d.id);
    expect(await found('ครั้งที่ 12')).toContain(d.id);

    await request(t.app.getHttpServer())
      .patch(`/memos/${d.id}`)
      .auth(w.tokens.author, { type: 'bearer' })
      .send({ version: d.version, body: [{ type: 'paragraph', text: 'หมึกพิมพ์เลเซอร์สีดำ' }] })
      .expect(200);
    expect(await found('หมึกพิมพ์เลเซอร์')).toContain(d.id);
    expect(await found('กระดาษถ่ายเอกสาร')).not.toContain(d.id);
    expect((await searchRow(d.id)).search_text).toContain('หมึกพิมพ์');
  });

  it('submitting and endorsing do not rewrite the search row', async () => {
    const d = await createDraft(t.app, w.tokens.author, { subject: 'ขออนุมัติซ่อมแซมถนนลูกรัง' });
    const before = await searchRow(d.id);
    await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
    await command(t.app, w.tokens.head, d.id, 'endorse', { opinion: 'เห็นควรอนุมัติ' }).expect(200);
    const [memo] = await w.db.query<{ status: string }[]>(`SELECT status FROM memos WHERE id = $1`, [d.id]);
    expect(memo.status).not.toBe('draft');
    expect(await searchRow(d.id)).toEqual(before);
    expect(await found('ซ่อมแซมถนน')).toContain(d.id);
  });

  it('a deleted draft takes its search row with it', async () => {
    const d = await createDraft(t.app, w.tokens.author, { subject: 'ร่างที่จะลบทิ้ง' });
    await searchRow(d.id);
    await request(t.app.getHttpServer())
      .delete(`/memos/${d.id}?version=${d.version}`)
      .auth(w.tokens.author, { type: 'bearer' })
      .expect(204);
    const rows = await w.db.query(`SELECT 1 FROM memo_search_texts WHERE memo_id = $1`, [d.id]);
    expect(rows).toHaveLength(0);
  });
});
