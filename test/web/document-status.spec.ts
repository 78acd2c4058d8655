import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PublicationService } from '@saraban/publication';
import { formatThaiDateTime } from '@saraban/thai-format';
import { createWorld, signIn, type World } from '../utils/factories';
import { draftAndDecide, signInWorld, type MemoFlowOptions, type SignedInWorld } from '../utils/memo-flow';
import { createTestApp, type TestApp } from '../utils/test-app';
import { waitFor } from '../utils/wait-for';
import { SignedDocument } from '../utils/entities';

interface Decided {
  memoId: string;
  version: number;
  subject: string;
  documentNo: string;
}

interface FailureRow {
  set_aside_at: Date | null;
  next_retry_at: Date | null;
}

/**
 * Where a decided memo's document stands, for people (memo page), administrators (failures, retry)
 * and the stuck list. No worker runs: each memo is put in its state by writing the pipeline's rows.
 */
describe('document status: the memo page, the failures and the overdue documents', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let other: World;
  let tokens: SignedInWorld;
  let admin: string;
  let otherAdmin: string;
  let otherAuthor: string;
  const memos = {} as Record<
    | 'producing'
    | 'retrying'
    | 'failedAuto'
    | 'failedAdmin'
    | 'signed'
    | 'notApproved'
    | 'publishing'
    | 'published',
    Decided
  >;
  let undecidedId: string;
  let retryAt: Date;
  let publicationId: string;
  let publishedCode: string;

  const http = () => request(t.app.getHttpServer());

  async function decide(subject: string, o: MemoFlowOptions = {}): Promise<Decided> {
    const d = await draftAndDecide(t.app, tokens, { subject, ...o });
    return { memoId: d.memoId, version: d.decidedVersion, subject, documentNo: d.documentNo };
  }

  async function fail(
    m: Decided,
    f: { reason: string; cause: string; errorCode: string; setAside: boolean; retryAt: Date | null },
  ): Promise<void> {
    await db.query(
      `INSERT INTO document_failures (memo_id, memo_version, organisation_id, stage, error_code, reason, cause,
         attempts, set_aside_count, set_aside_at, next_retry_at, first_failed_at, last_failed_at)
       VALUES ($1, $2, $3, 'render', $4, $5, $6, 5, $7, $8, $9, now() - interval '10 minutes', now())`,
      [
        m.memoId,
        m.version,
        w.org.id,
        f.errorCode,
        f.reason,
        f.cause,
        f.setAside ? 1 : 0,
        f.setAside ? new Date() : null,
        f.retryAt,
      ],
    );
  }

  async function sign(m: Decided): Promise<SignedDocument> {
    return db.getRepository(SignedDocument).save({
      organisationId: w.org.id,
      memoId: m.memoId,
      memoVersion: m.version,
      verificationCode: randomBytes(5).toString('hex').toUpperCase(),
      stage: 'signed',
      sha256: randomBytes(32).toString('hex'),
      signedAt: new Date(),
      subject: m.subject,
      documentNo: m.documentNo,
      datedOn: '2026-11-20',
    });
  }

  async function documentOf(id: string, token = tokens.author) {
    const res = await http().get(`/memos/${id}/document`).set('Authorization', `Bearer ${token}`).expect(200);
    return (res.body as { document: Record<string, unknown> | null }).document;
  }

  async function page(path: string, token: string, status = 200): Promise<string> {
    const res = await http().get(path).set('Authorization', `Bearer ${token}`).expect(status);
    return res.text;
  }

  async function failureRow(m: Decided): Promise<FailureRow | undefined> {
    const rows: FailureRow[] = await db.query(
      'SELECT set_aside_at, next_retry_at FROM document_failures WHERE memo_id = $1 AND memo_version = $2',
      [m.memoId, m.version],
    );
    return rows[0];
  }

  beforeAll(async () => {
    t = await createTestApp({ DOCUMENT_OVERDUE_MS: '1000' });
    db = t.app.get(DataSource);
    w = await createWorld(db);
    other = await createWorld(db);
    tokens = await signInWorld(t.app, w);
    admin = await signIn(t.app, w.org, w.people.admin);
    otherAdmin = await signIn(t.app, other.org, other.people.admin);
    otherAuthor = await signIn(t.app, other.org, other.people.author);

    memos.retrying = await decide('รายงานการใช้จ่ายงบประมาณ (ลองใหม่)');
    memos.failedAuto = await decide('รายงานผลการจัดซื้อจัดจ้าง (รอลองใหม่อัตโนมัติ)');
    memos.failedAdmin = await decide('รายงานแผนการดำเนินงาน (เอกสารใหญ่เกิน)');
    memos.signed = await decide('บันทึกภายในไม่เผยแพร่', { publish: false, oitItem: null });
    memos.notApproved = await decide('ขออนุมัติโครงการที่ไม่อนุมัติ', { order: 'not_approved' });
    memos.publishing = await decide('ประกาศผลการสอบราคา (รอเผยแพร่)');
    memos.published = await decide('ประกาศรายชื่อผู้ได้รับเบี้ยยังชีพ');
    memos.producing = await decide('รายงานการประชุมสภา (กำลังจัดทำ)');
    const draft = await http()
      .post('/memos')
      .set('Authorization', `Bearer ${tokens.author}`)
      .send({ subject: 'ร่างที่ยังไม่สั่งการ', body: [{ type: 'paragraph', text: 'ข้อความ' }], publish: false })
      .expect(201);
    undecidedId = (draft.body as { id: string }).id;

    retryAt = new Date(Date.now() + 10 * 60_000);
    await fail(memos.retrying, {
      reason: 'สร้างไฟล์ PDF ไม่สำเร็จ',
      cause: 'Protocol error (Page.printToPDF): Target closed',
      errorCode: 'DOCUMENT_RENDER_FAILED',
      setAside: false,
      retryAt: null,
    });
    await fail(memos.failedAuto, {
      reason: 'สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง',
      cause: 'render timed out after 30000 ms',
      errorCode: 'DOCUMENT_RENDER_FAILED',
      setAside: true,
      retryAt,
    });
    await fail(memos.failedAdmin, {
      reason: 'เอกสารมีตารางใหญ่เกินกว่าจะพิมพ์ได้',
      cause: 'tableCells 250000 over the limit 200000',
      errorCode: 'DOCUMENT_TOO_LARGE',
      setAside: true,
      retryAt: null,
    });
    await sign(memos.signed);
    await sign(memos.notApproved);
    await sign(memos.publishing);
    const doc = await sign(memos.published);
    publishedCode = doc.verificationCode;
    const { publication } = await db.transaction((m) =>
      t.app.get(PublicationService).publish(m, {
        organisationId: w.org.id,
        memoId: memos.published.memoId,
        memoVersion: memos.published.version,
        documentId: doc.id,
        title: memos.published.subject,
        documentNo: memos.published.documentNo,
        datedOn: '2026-11-20',
        orderText: 'อนุมัติ',
        oitItem: 'o28',
        at: new Date(),
      }),
    );
    publicationId = publication.id;
  });
  afterAll(() => t?.close());

  it('GET /memos/:id/document answers each state of the decided version, null before the decision', async () => {
    expect(await documentOf(undecidedId)).toBeNull();
    expect(await documentOf(memos.producing.memoId)).toMatchObject({
      state: 'producing',
      memoVersion: memos.producing.version,
      retrying: null,
      failure: null,
    });
    expect(await documentOf(memos.retrying.memoId)).toMatchObject({
      state: 'producing',
      retrying: { reason: 'สร้างไฟล์ PDF ไม่สำเร็จ', attempts: 5 },
    });
    expect(await documentOf(memos.failedAuto.memoId)).toMatchObject({
      state: 'failed',
      failure: {
        reason: 'สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง',
        next: 'automatic_retry',
        nextRetryAt: retryAt.toISOString(),
        attempts: 5,
      },
    });
    expect(await documentOf(memos.failedAdmin.memoId)).toMatchObject({
      state: 'failed',
      failure: { reason: 'เอกสารมีตารางใหญ่เกินกว่าจะพิมพ์ได้', next: 'administrator', nextRetryAt: null },
    });
    expect(await documentOf(memos.signed.memoId)).toMatchObject({ state: 'signed', shouldPublish: false });
    // Marked for publication, but the order was not a go-ahead: it stays signed, as the publish stage decides.
    expect(await documentOf(memos.notApproved.memoId)).toMatchObject({
      state: 'signed',
      shouldPublish: false,
    });
    expect(await documentOf(memos.publishing.memoId)).toMatchObject({
      state: 'publishing',
      shouldPublish: true,
    });
    expect(await documentOf(memos.published.memoId)).toMatchObject({
      state: 'published',
      verificationCode: publishedCode,
      verifyUrl: `/verify/${publishedCode}`,
      publication: {
        id: publicationId,
        portalUrl: `/p/${w.org.code}/documents/${publicationId}`,
        pdfUrl: `/public/${w.org.code}/documents/${publicationId}/pdf`,
      },
    });
    // The portal link leads to the published document.
    const portal = await http().get(`/p/${w.org.code}/documents/${publicationId}`).expect(200);
    expect(portal.text).toContain(memos.published.subject);

    // Another organisation's reader: 404, as for the memo itself.
    await http()
      .get(`/memos/${memos.published.memoId}/document`)
      .set('Authorization', `Bearer ${otherAuthor}`)
      .expect(404);
  });

  it('GET /admin/pipeline lists this organisation’s failures with their cause; another organisation sees none', async () => {
    const res = await http().get('/admin/pipeline').set('Authorization', `Bearer ${admin}`).expect(200);
    const failures = (
      res.body as { failures: { memoId: string; firstFailedAt: string; lastFailedAt: string }[] }
    ).failures;
    expect(failures).toHaveLength(3);
    expect(failures.find((f) => f.memoId === memos.failedAdmin.memoId)).toMatchObject({
      memoVersion: memos.failedAdmin.version,
      subject: memos.failedAdmin.subject,
      documentNo: memos.failedAdmin.documentNo,
      stage: 'render',
      errorCode: 'DOCUMENT_TOO_LARGE',
      reason: 'เอกสารมีตารางใหญ่เกินกว่าจะพิมพ์ได้',
      cause: 'tableCells 250000 over the limit 200000',
      attempts: 5,
      next: 'administrator',
      nextRetryAt: null,
    });
    expect(failures.find((f) => f.memoId === memos.failedAuto.memoId)).toMatchObject({
      next: 'automatic_retry',
      nextRetryAt: retryAt.toISOString(),
    });
    expect(failures.find((f) => f.memoId === memos.retrying.memoId)).toMatchObject({
      next: 'retrying',
      setAsideAt: null,
    });
    for (const f of failures) expect(f.firstFailedAt < f.lastFailedAt).toBe(true);

    // The counts are this organisation's documents by state (the last week's decisions).
    expect(res.body.counts).toEqual({ producing: 2, publishing: 1, signed: 2, published: 1, failed: 2 });

    const theirs = await http()
      .get('/admin/pipeline')
      .set('Authorization', `Bearer ${otherAdmin}`)
      .expect(200);
    expect((theirs.body as { failures: unknown[] }).failures).toEqual([]);
    expect(theirs.body.counts).toEqual({ producing: 0, publishing: 0, signed: 0, published: 0, failed: 0 });
  });

  it('the memo page shows the document’s state in Thai', async () => {
    const memoPage = (m: Decided) => page(`/app/memos/${m.memoId}`, tokens.author);
    const at = formatThaiDateTime(retryAt, 'thai');
    const auto = await memoPage(memos.failedAuto);
    expect(auto).toContain('จัดทำเอกสารไม่สำเร็จ: สร้างไฟล์ PDF ไม่สำเร็จ กรุณาลองใหม่อีกครั้ง');
    expect(auto).toContain(`ระบบจะลองใหม่อัตโนมัติในวันที่ <time datetime="${retryAt.toISOString()}">${at}</time>`);
    const byHand = await memoPage(memos.failedAdmin);
    expect(byHand).toContain('จัดทำเอกสารไม่สำเร็จ: เอกสารมีตารางใหญ่เกินกว่าจะพิมพ์ได้');
    expect(byHand).toContain('รอผู้ดูแลระบบตรวจสอบ');
    expect(byHand).not.toContain('ระบบจะลองใหม่อัตโนมัติ');
    // The technical cause is for administrators, not on the memo page.
    expect(byHand).not.toContain('tableCells');

    expect(await memoPage(memos.producing)).toContain('กำลังจัดทำเอกสาร…');
    expect(await memoPage(memos.retrying)).toContain('ครั้งล่าสุดไม่สำเร็จ: สร้างไฟล์ PDF ไม่สำเร็จ');
    const signed = await memoPage(memos.signed);
    expect(signed).toContain('ลงนามแล้ว');
    expect(signed).not.toContain('เผยแพร่แล้ว');
    expect(await memoPage(memos.publishing)).toContain('กำลังเผยแพร่');
    const published = await memoPage(memos.published);
    expect(published).toContain('เผยแพร่แล้ว');
    expect(published).toContain(`href="/p/${w.org.code}/documents/${publicationId}"`);
    expect(published).toContain(publishedCode);
    // A memo not yet decided has no document state.
    expect(await page(`/app/memos/${undecidedId}`, tokens.author)).not.toContain('id="document-state"');
  });

  it('the administrator’s page lists the failures with their cause and a retry button; another organisation’s does not', async () => {
    const html = await page('/app/admin/documents', admin);
    expect(html).toContain(memos.failedAdmin.subject);
    expect(html).toContain(memos.failedAdmin.documentNo);
    expect(html).toContain('เอกสารมีตารางใหญ่เกินกว่าจะพิมพ์ได้');
    expect(html).toContain('tableCells 250000 over the limit 200000');
    expect(html).toContain('render timed out after 30000 ms');
    expect(html).toContain('พยายามแล้ว ๕ ครั้ง');
    expect(html).toContain(
      `action="/app/admin/documents/${memos.failedAdmin.memoId}/v/${memos.failedAdmin.version}/retry"`,
    );
    expect(html).toContain(`ระบบจะลองใหม่อัตโนมัติในวันที่ ${formatThaiDateTime(retryAt, 'thai')}`);

    const theirs = await page('/app/admin/documents', otherAdmin);
    expect(theirs).not.toContain(memos.failedAdmin.subject);
    expect(theirs).toContain('ไม่มีเอกสารที่จัดทำไม่สำเร็จ');
    // Officers do not see it.
    await page('/app/admin/documents', tokens.author, 403);
  });

  it('another organisation’s administrator gets 404 on retry; the retry puts the document back to work', async () => {
    const m = memos.failedAuto;
    const url = `/admin/pipeline/failures/${m.memoId}/v/${m.version}/retry`;
    await http().post(url).set('Authorization', `Bearer ${otherAdmin}`).expect(404);
    await http().post(url).set('Authorization', `Bearer ${tokens.author}`).expect(403);
    await http()
      .post(`/admin/pipeline/failures/${m.memoId}/v/${m.version + 1}/retry`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
    expect((await failureRow(m))?.set_aside_at).not.toBeNull();

    const res = await http().post(url).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body).toEqual({ memoId: m.memoId, memoVersion: m.version, outcome: 'added' });
    expect(await failureRow(m)).toEqual({ set_aside_at: null, next_retry_at: null });
    expect(await documentOf(m.memoId)).toMatchObject({ state: 'producing', retrying: { attempts: 5 } });
  });

  it('the retry form puts the document back to work and comes back with a Thai message', async () => {
    const m = memos.failedAdmin;
    const action = `/app/admin/documents/${m.memoId}/v/${m.version}/retry`;
    await http().post(action).set('Authorization', `Bearer ${otherAdmin}`).type('form').send('').expect(404);
    expect((await failureRow(m))?.set_aside_at).not.toBeNull();

    const res = await http()
      .post(action)
      .set('Authorization', `Bearer ${admin}`)
      .type('form')
      .send('')
      .expect(303);
    expect(res.headers.location).toBe('/app/admin/documents?done=document-retried');
    expect(await failureRow(m)).toEqual({ set_aside_at: null, next_retry_at: null });
    const back = await page(res.headers.location, admin);
    expect(back).toContain('สั่งจัดทำเอกสารใหม่แล้ว');
    expect(back).toContain('ระบบกำลังลองใหม่');
  });

  it('the stuck page lists decided memos whose document is overdue, with their state', async () => {
    // The jobs of one give up again, for a person to look at.
    await db.query(
      `UPDATE document_failures SET set_aside_at = now(), next_retry_at = NULL WHERE memo_id = $1 AND memo_version = $2`,
      [memos.retrying.memoId, memos.retrying.version],
    );
    const expected = [memos.producing, memos.retrying, memos.failedAuto, memos.failedAdmin, memos.publishing];
    const html = await waitFor(async () => {
      const text = await page('/app/stuck', admin);
      return expected.every((m) => text.includes(m.subject)) ? text : null;
    }, 'the overdue documents on the stuck page');
    const section = html.slice(html.indexOf('id="overdue-documents"'));
    expect(section).toContain('เอกสารยังไม่ออกเกิน 1 วินาทีหลังสั่งการ');
    const item = (m: Decided) => {
      const from = section.indexOf(m.subject);
      return section.slice(from, section.indexOf('</li>', from));
    };
    expect(item(memos.producing)).toContain('กำลังจัดทำเอกสาร…');
    expect(item(memos.publishing)).toContain('กำลังเผยแพร่');
    expect(item(memos.failedAuto)).toContain('ระบบกำลังลองใหม่');
    expect(item(memos.retrying)).toContain('จัดทำเอกสารไม่สำเร็จ');
    expect(item(memos.retrying)).toContain('สร้างไฟล์ PDF ไม่สำเร็จ · รอผู้ดูแลระบบตรวจสอบ');
    // Signed and not for publication, or published: their document is there.
    for (const m of [memos.signed, memos.notApproved, memos.published])
      expect(section).not.toContain(m.subject);

    // The clerk sees them too; another organisation does not.
    const clerk = await signIn(t.app, w.org, w.people.clerk);
    expect(await page('/app/stuck', clerk)).toContain(memos.producing.subject);
    expect(await page('/app/stuck', otherAdmin)).not.toContain(memos.producing.subject);
  });
});
