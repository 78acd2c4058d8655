import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { binaryBody } from '../utils/binary-body';
import { pdfText, squash } from '../document/poppler';
import { createWorld, signIn, type World } from '../utils/factories';
import { hostilePageText, hostilePdf, internalLinks } from '../utils/hostile-pdf';
import { activeContentNames, scanPdfForActiveContent } from '../utils/pdf-active-content';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startAppWithTwoWorlds } from '../utils/app-world';
import { chromiumDescendants, processAlive, waitFor } from '../utils/wait-for';

describe('preview of a memo before it is submitted', () => {
  let t: TestApp;
  let w: World;
  let other: World;
  beforeAll(async () => ({ t, w, other } = await startAppWithTwoWorlds()));
  afterAll(() => t.close());

  it('prints the draft as it will look, marked as a draft, for its author only', async () => {
    const author = await signIn(t.app, w.org, w.people.author);
    const memo = await request(t.app.getHttpServer())
      .post('/memos')
      .set('Authorization', `Bearer ${author}`)
      .send({
        subject: 'ขออนุมัติเผยแพร่ <b>รายงาน</b>',
        body: [{ type: 'paragraph', text: 'ข้อความทดสอบตัวอย่าง' }],
      })
      .expect(201);
    const res = await request(t.app.getHttpServer())
      .get(`/memos/${memo.body.id}/preview.pdf`)
      .set('Authorization', `Bearer ${author}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preview-'));
    writeFileSync(path.join(dir, 'p.pdf'), res.body as Buffer);
    const text = execFileSync('pdftotext', [path.join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).replace(
      /\s+/g,
      '',
    );
    expect(text).toContain('บันทึกข้อความ');
    expect(text).toContain('(ร่าง)');
    expect(text).toContain('ขออนุมัติเผยแพร่<b>รายงาน</b>');
    expect(text).toContain('(นายสมชายใจดี)');

    const strangerSameOrg = await signIn(t.app, w.org, w.people.mayor);
    await request(t.app.getHttpServer())
      .get(`/memos/${memo.body.id}/preview.pdf`)
      .set('Authorization', `Bearer ${strangerSameOrg}`)
      .expect(404);
    const otherOrg = await signIn(t.app, other.org, other.people.admin);
    await request(t.app.getHttpServer())
      .get(`/memos/${memo.body.id}/preview.pdf`)
      .set('Authorization', `Bearer ${otherOrg}`)
      .expect(404);
    await request(t.app.getHttpServer()).get(`/memos/${memo.body.id}/preview.pdf`).expect(401);
  });

  it('previews a memo with a hostile PDF attached, uploaded now or stored before uploads were sanitised: the preview is inert', async () => {
    const author = await signIn(t.app, w.org, w.people.author);
    const http = () => request(t.app.getHttpServer());
    const memo = await http()
      .post('/memos')
      .set('Authorization', `Bearer ${author}`)
      .send({ subject: 'ขอส่งรายงาน', body: [{ type: 'paragraph', text: 'ตามที่แนบมาพร้อมนี้' }] })
      .expect(201);
    const hostile = await hostilePdf(2);
    let version = memo.body.version as number;
    const attachmentIds: string[] = [];
    for (const title of ['แนบตอนนี้', 'แนบก่อนมีการตรวจไฟล์']) {
      const added = await http()
        .post(`/memos/${memo.body.id}/attachments/pdf`)
        .set('Authorization', `Bearer ${author}`)
        .field('title', title)
        .field('version', String(version))
        .attach('file', hostile, { filename: 'report.pdf', contentType: 'application/pdf' })
        .expect(201);
      version = added.body.memoVersion as number;
      attachmentIds.push(added.body.attachment.id as string);
    }
    // A row stored before this change holds the upload as it came.
    await t.app
      .get(DataSource)
      .query('UPDATE memo_attachments SET content = $1 WHERE id = $2', [hostile, attachmentIds[1]]);

    const res = await http()
      .get(`/memos/${memo.body.id}/preview.pdf`)
      .set('Authorization', `Bearer ${author}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const preview = res.body as Buffer;
    expect(activeContentNames(await scanPdfForActiveContent(preview))).toEqual([]);
    const text = squash(await pdfText(preview));
    expect(text.split(squash(hostilePageText(2))).length - 1).toBe(2);
    // The memo lists its attachments by their titles under สิ่งที่ส่งมาด้วย.
    expect(text).toContain(squash('สิ่งที่ส่งมาด้วย'));
    expect(text).toContain(squash('แนบตอนนี้'));
    expect(text).toContain(squash('แนบก่อนมีการตรวจไฟล์'));
    // Each attachment's own link from its first page to its second still leads there.
    const pages = (await PDFDocument.load(preview)).getPageCount();
    expect(await internalLinks(preview)).toEqual(
      expect.arrayContaining([
        [pages - 3, pages - 2],
        [pages - 1, pages],
      ]),
    );
  });
});

describe('the preview renderer heals itself', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ RENDER_TIMEOUT_MS: '2000', RENDER_WATCHDOG_MS: '500' });
    w = await createWorld(t.app.get(DataSource));
  });
  afterAll(() => t.close());

  it('after a preview times out on a hung Chromium (SIGSTOP), readiness is 503 until the next preview prints, within 10 s', async () => {
    const author = await signIn(t.app, w.org, w.people.author);
    const http = () => request(t.app.getHttpServer());
    const memo = await http()
      .post('/memos')
      .set('Authorization', `Bearer ${author}`)
      .send({ subject: 'ทดสอบ', body: [{ type: 'paragraph', text: 'ขอรายงานให้ทราบ' }] })
      .expect(201);
    const preview = () =>
      http()
        .get(`/memos/${memo.body.id}/preview.pdf`)
        .set('Authorization', `Bearer ${author}`)
        .buffer(true)
        .parse(binaryBody);
    expect((await preview()).status).toBe(200);
    await http().get('/health/ready').expect(200);

    const [chromium] = chromiumDescendants(process.pid, true);
    expect(chromium).toBeDefined();
    process.kill(-chromium, 'SIGSTOP');
    const failed = await preview();
    expect(failed.status).toBe(503);
    expect(JSON.parse((failed.body as Buffer).toString('utf8'))).toMatchObject({
      code: 'DOCUMENT_RENDER_FAILED',
    });
    await waitFor(
      async () => (await http().get('/health/ready')).status === 503,
      'readiness to say the renderer is down',
    );

    const started = Date.now();
    expect((await preview()).status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    await waitFor(async () => (await http().get('/health/ready')).status === 200, 'readiness ok again');
    await waitFor(() => !processAlive(chromium), 'the hung Chromium gone');
  }, 60_000);
});
