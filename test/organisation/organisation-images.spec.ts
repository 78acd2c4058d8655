import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import QRCode from 'qrcode';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { binaryBody } from '../utils/binary-body';
import { createTestApp, type TestApp } from '../utils/test-app';
import { bearerHttp } from '../utils/bearer-http';
import { createWorld, signIn, type World } from '../utils/factories';

function imagesIn(pdf: Buffer): number {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'images-'));
  writeFileSync(path.join(dir, 'p.pdf'), pdf);
  return (
    execFileSync('pdfimages', ['-list', path.join(dir, 'p.pdf')], { encoding: 'utf8' })
      .trim()
      .split('\n').length - 2
  );
}

describe('the emblem and signature images printed on documents', () => {
  let t: TestApp;
  let w: World;
  let png: Buffer;
  const as = (...a: Parameters<ReturnType<typeof bearerHttp>>) => bearerHttp(t.app)(...a);
  /** The test's PNG as the form field `file`, under a file name. */
  const uploadPng = (method: 'put' | 'post', url: string, token: string, name: string) =>
    as(method, url, token).attach('file', png, name);
  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t.app.get(DataSource));
    png = await QRCode.toBuffer('ตราครุฑ', { type: 'png', width: 120 });
  });
  afterAll(() => t.close());

  const preview = async (token: string, memoId: string): Promise<Buffer> =>
    (await as('get', `/memos/${memoId}/preview.pdf`, token).buffer(true).parse(binaryBody).expect(200))
      .body as Buffer;

  it('an admin sets the emblem, a person their signature, and both are printed', async () => {
    const admin = await signIn(t.app, w.org, w.people.admin);
    const author = await signIn(t.app, w.org, w.people.author);
    const memo = await as('post', '/memos', author)
      .send({ subject: 'ทดสอบตราและลายมือชื่อ', body: [{ type: 'paragraph', text: 'ข้อความ' }] })
      .expect(201);
    const before = imagesIn(await preview(author, memo.body.id));

    await uploadPng('put', '/admin/organisation/emblem', admin, 'garuda.png').expect(204);
    await uploadPng('put', '/me/signature', author, 'signature.png').expect(204);
    expect(imagesIn(await preview(author, memo.body.id))).toBeGreaterThanOrEqual(before + 2);

    // The administrator's page does the same through a plain form.
    await uploadPng('post', '/app/admin/emblem', admin, 'garuda.png')
      .expect(303)
      .expect('Location', '/app/admin/certificate?done=emblem');
    const page = await as('get', '/app/admin/certificate', admin).expect(200);
    expect(page.text).toContain('มีตราของหน่วยงานแล้ว');
    // Publication settings on the same page: the fiscal year's open-data catalogue.
    const fy = /name="fiscalYear" value="(\d{4})"/.exec(page.text)![1];
    await as('post', '/app/admin/catalogue', admin)
      .type('form')
      .send({ fiscalYear: fy, items: 'o27 มาตรการส่งเสริมคุณธรรม\no28 รายงานผลตามมาตรการ' })
      .expect(303);
    const catalogue = await request(t.app.getHttpServer())
      .get(`/public/${w.org.code}/catalogue/${fy}`)
      .expect(200);
    expect(catalogue.body).toEqual({
      isDefault: false,
      items: [
        { code: 'o27', title: 'มาตรการส่งเสริมคุณธรรม' },
        { code: 'o28', title: 'รายงานผลตามมาตรการ' },
      ],
    });
    await as('post', '/app/admin/catalogue', admin)
      .type('form')
      .send({ fiscalYear: fy, items: 'bad line' })
      .expect(400);
    // The API's words for the same refusal, naming the line.
    const twice = await as('post', '/app/admin/catalogue', admin)
      .type('form')
      .send({ fiscalYear: fy, items: 'o27 ก\no27 ข' })
      .expect(400);
    expect(twice.text).toContain('บรรทัด &quot;o27 ข&quot;: รหัสหมวด o27 ซ้ำกัน');
    await uploadPng('post', '/app/me/signature', author, 'signature.png')
      .expect(303)
      .expect('Location', '/app/memos/mine?done=signature');
    const mine = await as('get', '/app/memos/mine?done=signature', author).expect(200);
    expect(mine.text).toContain('มีภาพลายมือชื่อแล้ว');
  });

  it('refuses what is not a PNG (415), what is too large (413), and non-admins for the emblem (403)', async () => {
    const admin = await signIn(t.app, w.org, w.people.admin);
    const author = await signIn(t.app, w.org, w.people.author);
    await as('put', '/admin/organisation/emblem', admin)
      .attach('file', Buffer.from('%PDF-1.7 not an image'), 'garuda.png')
      .expect(415);
    await as('put', '/me/signature', author)
      .attach('file', Buffer.concat([png, Buffer.alloc(600 * 1024)]), 'big.png')
      .expect(413);
    await uploadPng('put', '/admin/organisation/emblem', author, 'garuda.png').expect(403);
    await as('delete', '/me/signature', author).expect(204);
  });
});
