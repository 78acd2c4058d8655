import { DataSource } from 'typeorm';
import { createPosition } from '../utils/factories';
import { bearerHttp } from '../utils/bearer-http';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createMemoWorld, createSeedDraft, type MemoWorld } from './memo-world';
import { SEED_000 } from './seed-memos';
import { PersonPosition } from '../utils/entities';

describe('memo drafting', () => {
  let t: TestApp;
  let w: MemoWorld;
  let db: DataSource;
  const as = (...a: Parameters<ReturnType<typeof bearerHttp>>) => bearerHttp(t.app)(...a);

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    w = await createMemoWorld(t.app);
  });
  afterAll(() => t.close());

  it('creates a draft like seed 000 with the organisation defaults resolved', async () => {
    const res = await as('post', '/memos', w.tokens.author)
      .send({ subject: SEED_000.subject, body: SEED_000.body, closing: SEED_000.closing })
      .expect(201);
    expect(res.body).toMatchObject({
      organisationId: w.org.id,
      author: { id: w.people.author.id, prefix: 'นาย', fullName: 'สมชาย ใจดี' },
      unitId: w.unit.id,
      unitLine: SEED_000.unitLine,
      subject: SEED_000.subject,
      addressee: SEED_000.addressee,
      body: SEED_000.body,
      closing: SEED_000.closing,
      urgency: 'normal',
      secrecy: 'normal',
      signerPosition: { id: w.positions.legal.id, title: SEED_000.authorPosition },
      publish: false,
      oitItem: null,
      purpose: 'decision',
      status: 'draft',
      version: 1,
      attachments: [],
    });
    const headings = (res.body.body as { type: string; text?: string }[])
      .filter((b) => b.type === 'heading')
      .map((b) => b.text);
    expect(headings).toEqual(['เรื่องเดิม', 'ข้อเท็จจริง', 'ข้อระเบียบ/กฎหมาย', 'ข้อเสนอ/ข้อพิจารณา']);
  });

  it('defaults the closing request and keeps what the author chose over the defaults', async () => {
    const plain = await as('post', '/memos', w.tokens.author)
      .send({ subject: 'ขออนุญาตใช้ห้องประชุม' })
      .expect(201);
    expect(plain.body).toMatchObject({ closing: 'จึงเรียนมาเพื่อโปรดพิจารณา', body: [] });

    const choices = {
      unitLine: 'งานนิติการ โทร. ๐๔๒-๐๐๐-๐๐๐',
      addressee: 'ปลัดองค์การบริหารส่วนตำบลคำพี่',
      urgency: 'most_urgent',
      secrecy: 'confidential',
      publish: true,
      oitItem: 'o28',
    };
    const chosen = await as('post', '/memos', w.tokens.author)
      .send({ subject: 'ขออนุมัติเดินทางไปราชการ', ...choices })
      .expect(201);
    expect(chosen.body).toMatchObject(choices);
  });

  it('signs only with a position the author holds', async () => {
    await as('post', '/memos', w.tokens.author)
      .send({ subject: 'ทดสอบ', signerPositionId: w.positions.mayor.id })
      .expect(400)
      .expect((res) => expect(res.body.details[0].field).toBe('signerPositionId'));

    const second = await createPosition(db, w.org, 'รักษาการหัวหน้างานนิติการ', { unitId: w.unit.id });
    await db.getRepository(PersonPosition).save({
      personId: w.people.author.id,
      positionId: second.id,
      organisationId: w.org.id,
      primary: false,
    });
    const res = await as('post', '/memos', w.tokens.author)
      .send({ subject: 'ทดสอบ', signerPositionId: second.id })
      .expect(201);
    expect(res.body.signerPosition).toEqual({ id: second.id, title: 'รักษาการหัวหน้างานนิติการ' });
  });

  it('keeps every earlier version as a revision when the author edits', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const first = await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, subject: 'เรื่องที่แก้ครั้งที่ ๑' })
      .expect(200);
    expect(first.body).toMatchObject({ version: 2, subject: 'เรื่องที่แก้ครั้งที่ ๑', body: SEED_000.body });

    const newBody = [...SEED_000.body, { type: 'paragraph', text: 'ย่อหน้าที่เพิ่ม' }];
    const second = await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 2, body: newBody, urgency: 'urgent', oitItem: null })
      .expect(200);
    expect(second.body).toMatchObject({
      version: 3,
      subject: 'เรื่องที่แก้ครั้งที่ ๑',
      body: newBody,
      urgency: 'urgent',
    });

    const revisions = await as('get', `/memos/${memo.id}/revisions`, w.tokens.author).expect(200);
    expect(revisions.body.map((r: { version: number }) => r.version)).toEqual([2, 1]);
    expect(revisions.body[1].content).toMatchObject({
      subject: SEED_000.subject,
      body: SEED_000.body,
      attachments: [],
    });
    expect(revisions.body[0].content).toMatchObject({ subject: 'เรื่องที่แก้ครั้งที่ ๑', urgency: 'normal' });
    expect(revisions.body[0].savedById).toBe(w.people.author.id);
  });

  it('makes no new version for a save that changes nothing', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const res = await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, subject: SEED_000.subject })
      .expect(200);
    expect(res.body.version).toBe(1);
    const revisions = await as('get', `/memos/${memo.id}/revisions`, w.tokens.author);
    expect(revisions.body).toEqual([]);
  });

  it('answers 409 VERSION_CONFLICT with the current version to a stale edit', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, subject: 'แก้จากหน้าต่างที่ ๑' })
      .expect(200);
    const stale = await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, subject: 'แก้จากหน้าต่างที่ ๒' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    const current = await as('get', `/memos/${memo.id}`, w.tokens.author);
    expect(current.body.subject).toBe('แก้จากหน้าต่างที่ ๑');
  });

  it('lets exactly one of several simultaneous edits of the same version through', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    const results = await Promise.all(
      ['ก', 'ข', 'ค', 'ง'].map((s) =>
        as('patch', `/memos/${memo.id}`, w.tokens.author).send({ version: 1, subject: `ฉบับ ${s}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    const revisions = await as('get', `/memos/${memo.id}/revisions`, w.tokens.author);
    expect(revisions.body).toHaveLength(1);
    const current = await as('get', `/memos/${memo.id}`, w.tokens.author);
    expect(current.body.version).toBe(2);
  });

  it.each([
    ['an unknown top-level field', { subject: 'x', isApproved: true }, 'isApproved'],
    [
      'an unknown field in a block',
      { subject: 'x', body: [{ type: 'heading', text: 'ก', items: ['x'] }] },
      'body.0',
    ],
    ['a block of an unknown type', { subject: 'x', body: [{ type: 'image', src: 'x' }] }, 'body.0'],
    ['a null block', { subject: 'x', body: [null] }, 'body'],
    [
      'numbered items that are not strings',
      { subject: 'x', body: [{ type: 'numbered', items: [1] }] },
      'body.0',
    ],
    ['a blank subject', { subject: '   ' }, 'subject'],
    ['a NUL in the subject', { subject: 'a\u0000b' }, 'subject'],
    ['a too long subject', { subject: 'ก'.repeat(501) }, 'subject'],
    ['too many blocks', { subject: 'x', body: Array(201).fill({ type: 'paragraph', text: 'ก' }) }, 'body'],
    ['an unknown urgency', { subject: 'x', urgency: 'asap' }, 'urgency'],
  ])('rejects %s with 400 VALIDATION_FAILED', async (_label, payload, field) => {
    const res = await as('post', '/memos', w.tokens.author).send(payload).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('rejects an edit without a version and one with unknown fields', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await as('patch', `/memos/${memo.id}`, w.tokens.author).send({ subject: 'ไม่มีเวอร์ชัน' }).expect(400);
    await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, status: 'decided' })
      .expect(400);
  });

  it('stores HTML in the subject and body verbatim and answers it only as JSON data', async () => {
    const subject = '<script>alert("x")</script> รายงาน <img src=x onerror=alert(1)>';
    const body = [{ type: 'paragraph', text: '<iframe src="file:///etc/passwd"></iframe> & &amp;' }];
    const created = await as('post', '/memos', w.tokens.author).send({ subject, body }).expect(201);
    const res = await as('get', `/memos/${created.body.id}`, w.tokens.author).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.subject).toBe(subject);
    expect(res.body.body).toEqual(body);
    const [row] = await db.query<{ subject: string }[]>('SELECT subject FROM memos WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.subject).toBe(subject);
  });

  it('lists my editable drafts with mine=true; the organisation list is for clerks and admins', async () => {
    const mine = await createSeedDraft(t.app, w.tokens.author, { subject: 'ร่างเพื่อรายการ' });
    const headsOwn = await createSeedDraft(t.app, w.tokens.head, { subject: 'ร่างของหัวหน้าสำนักปลัด' });

    const list = await as('get', '/memos?mine=true', w.tokens.author).expect(200);
    const ids = list.body.items.map((m: { id: string }) => m.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(headsOwn.id);
    expect(list.body.items.every((m: { authorId: string }) => m.authorId === w.people.author.id)).toBe(true);
    expect(list.body.total).toBe(ids.length);

    await as('get', '/memos', w.tokens.author).expect(403);
    const clerkList = await as('get', '/memos?limit=200', w.tokens.clerk).expect(200);
    expect(clerkList.body.items.map((m: { id: string }) => m.id)).toEqual(
      expect.arrayContaining([mine.id, headsOwn.id]),
    );
    await as('get', '/memos?mine=maybe', w.tokens.author).expect(400);
  });

  it('lets the author read, clerks and admins read only, other officers not even see it', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await as('get', `/memos/${memo.id}`, w.tokens.author).expect(200);
    await as('get', `/memos/${memo.id}`, w.tokens.clerk).expect(200);
    await as('get', `/memos/${memo.id}`, w.tokens.admin).expect(200);
    await as('get', `/memos/${memo.id}`, w.tokens.head).expect(404);
    const edit = await as('patch', `/memos/${memo.id}`, w.tokens.clerk)
      .send({ version: 1, subject: 'ธุรการแก้' })
      .expect(403);
    expect(edit.body.code).toBe('FORBIDDEN');
    await as('patch', `/memos/${memo.id}`, w.tokens.head)
      .send({ version: 1, subject: 'หัวหน้าแก้' })
      .expect(404);
  });

  it('refuses edits and deletion once the memo has left the draft', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await db.query(`UPDATE memos SET status = 'in_review', version = version + 1 WHERE id = $1`, [memo.id]);
    const edit = await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 2, subject: 'แก้ระหว่างเสนอ' })
      .expect(409);
    expect(edit.body).toMatchObject({ code: 'MEMO_NOT_EDITABLE', details: { status: 'in_review' } });
    const del = await as('delete', `/memos/${memo.id}`, w.tokens.author).expect(409);
    expect(del.body.code).toBe('MEMO_NOT_DELETABLE');

    await db.query(`UPDATE memos SET status = 'returned', version = version + 1 WHERE id = $1`, [memo.id]);
    await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 3, subject: 'แก้ตามที่ส่งคืน' })
      .expect(200);
    await as('delete', `/memos/${memo.id}`, w.tokens.author).expect(409);
  });

  it('deletes a draft with its revisions; never a memo that took a register number', async () => {
    const memo = await createSeedDraft(t.app, w.tokens.author);
    await as('patch', `/memos/${memo.id}`, w.tokens.author)
      .send({ version: 1, subject: 'ก่อนลบ' })
      .expect(200);
    await as('delete', `/memos/${memo.id}`, w.tokens.clerk).expect(403);
    await as('delete', `/memos/${memo.id}?version=1`, w.tokens.author).expect(409);
    await as('delete', `/memos/${memo.id}?version=2`, w.tokens.author).expect(204);
    await as('get', `/memos/${memo.id}`, w.tokens.author).expect(404);
    const [{ count }] = await db.query<{ count: string }[]>(
      'SELECT count(*) FROM memo_revisions WHERE memo_id = $1',
      [memo.id],
    );
    expect(count).toBe('0');

    const numbered = await createSeedDraft(t.app, w.tokens.author);
    await db.query(
      `INSERT INTO register_entries (organisation_id, register, year, number, document_no, registered_at, dated_on,
         from_text, to_text, subject, memo_id)
       VALUES ($1, 'outgoing', 2568, 935, 'นพ ๗๑๕๐๑/๙๓๕', now(), '2025-04-13', 'งานนิติการ', 'นายก', 'ทดสอบ', $2)`,
      [w.org.id, numbered.id],
    );
    const res = await as('delete', `/memos/${numbered.id}`, w.tokens.author).expect(409);
    expect(res.body).toMatchObject({ code: 'MEMO_NOT_DELETABLE', details: { numbered: true } });
  });

  it('answers 400 to an id that is not a UUID', async () => {
    await as('get', '/memos/not-a-uuid', w.tokens.author).expect(400);
  });
});
