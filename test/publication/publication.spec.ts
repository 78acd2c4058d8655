import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PublicationService } from '@saraban/publication';
import type { TestApp } from '../utils/test-app';
import { startAppWithTwoWorlds } from '../utils/app-world';
import { signIn, type World } from '../utils/factories';
import { SignedDocument } from '../utils/entities';

describe('publication portal', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let other: World;
  const memoId = randomUUID();

  async function signedDocument(version: number): Promise<SignedDocument> {
    return db.getRepository(SignedDocument).save({
      organisationId: w.org.id,
      memoId,
      memoVersion: version,
      verificationCode: `code${version}${randomUUID().slice(0, 6)}`,
      stage: 'signed',
      signedPdf: Buffer.from(`%PDF-1.7 version ${version}`),
      sha256: randomUUID().replace(/-/g, '').padEnd(64, '0'),
      subject: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม',
      documentNo: 'นพ ๗๑๕๐๑/๙๓๕',
      datedOn: '2026-11-20',
    });
  }

  const publish = (doc: SignedDocument) =>
    db.transaction((m) =>
      t.app.get(PublicationService).publish(m, {
        organisationId: w.org.id,
        memoId,
        memoVersion: doc.memoVersion,
        documentId: doc.id,
        title: '<b>รายงาน</b> ผลการดำเนินการ',
        documentNo: doc.documentNo,
        datedOn: '2026-11-20',
        orderText: 'อนุมัติ',
        oitItem: 'o28',
        at: new Date(),
      }),
    );

  beforeAll(async () => ({ t, db, w, other } = await startAppWithTwoWorlds()));
  afterAll(() => t.close());

  it('publishes a memo version once, however often the job runs', async () => {
    const doc = await signedDocument(5);
    const runs = await Promise.all([publish(doc), publish(doc), publish(doc)]);
    expect(runs.filter((r) => r.created)).toHaveLength(1);
    const rows = await db.query('SELECT id, fiscal_year FROM publications WHERE memo_id = $1', [memoId]);
    expect(rows).toHaveLength(1);
    // 20 Nov 2026 (พ.ศ. ๒๕๖๙) falls in fiscal year ๒๕๗๐.
    expect(rows[0].fiscal_year).toBe(2570);
  });

  it('lists by fiscal year and open-data item, and a newer version replaces the old one visibly', async () => {
    const v7 = await signedDocument(7);
    await publish(v7);
    const res = await request(t.app.getHttpServer())
      .get(`/public/${w.org.code}/documents?fiscalYear=2570&oitItem=o28`)
      .expect(200);
    expect(
      res.body.items.map((i: { memoVersion: number; status: string }) => [i.memoVersion, i.status]),
    ).toEqual([
      [7, 'published'],
      [5, 'replaced'],
    ]);
    const none = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/documents?fiscalYear=2569`);
    expect(none.body.items).toEqual([]);
    const detail = await request(t.app.getHttpServer())
      .get(`/public/${w.org.code}/documents/${res.body.items[1].id}`)
      .expect(200);
    expect(detail.body.history.map((h: { memoVersion: number }) => h.memoVersion)).toEqual([7, 5]);
    // Each listed item is the document as GET /documents/:id answers it, with its hash and code after.
    for (const item of res.body.items as { id: string }[]) {
      const one = await request(t.app.getHttpServer())
        .get(`/public/${w.org.code}/documents/${item.id}`)
        .expect(200);
      const signed = await db
        .getRepository(SignedDocument)
        .findOneByOrFail({ id: one.body.publication.documentId });
      expect(JSON.stringify(item)).toBe(
        JSON.stringify({
          ...one.body.publication,
          sha256: signed.sha256,
          verificationCode: signed.verificationCode,
        }),
      );
      expect(res.text).toContain(JSON.stringify(item));
    }
    expect(Object.keys(res.body)).toEqual(['organisation', 'fiscalYear', 'oitItem', 'items']);
    expect(Object.keys(res.body.items[0])).toEqual([
      'id',
      'organisationId',
      'memoId',
      'memoVersion',
      'documentId',
      'fiscalYear',
      'oitItem',
      'title',
      'documentNo',
      'datedOn',
      'orderText',
      'publishedAt',
      'status',
      'replacedById',
      'withdrawnAt',
      'withdrawReason',
      'sha256',
      'verificationCode',
    ]);
  });

  it('serves the signed PDF and an Atom feed (escaped)', async () => {
    const list = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/documents`);
    const pdf = await request(t.app.getHttpServer())
      .get(`/public/${w.org.code}/documents/${list.body.items[0].id}/pdf`)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.toString()).toBe('%PDF-1.7 version 7');
    const feed = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/feed.atom`).expect(200);
    expect(feed.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(feed.text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(feed.text).toContain('&lt;b&gt;รายงาน&lt;/b&gt;');
    expect(feed.text).not.toContain('<b>');
  });

  /** POST /admin/publications/:id/withdraw as someone (the body sent by the caller). */
  const withdraw = (id: string, token: string) =>
    request(t.app.getHttpServer())
      .post(`/admin/publications/${id}/withdraw`)
      .set('Authorization', `Bearer ${token}`);

  it('withdrawing keeps the document listed as withdrawn; only its own admin may', async () => {
    const list = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/documents`);
    const id = list.body.items[0].id;
    const otherAdmin = await signIn(t.app, other.org, other.people.admin);
    await withdraw(id, otherAdmin).send({ reason: 'x' }).expect(404);
    const officer = await signIn(t.app, w.org, w.people.author);
    await withdraw(id, officer).send({ reason: 'x' }).expect(403);
    const admin = await signIn(t.app, w.org, w.people.admin);
    await withdraw(id, admin).send({ reason: 'เผยแพร่ผิดฉบับ', extra: true }).expect(400);
    await withdraw(id, admin).send({ reason: 'เผยแพร่ผิดฉบับ' }).expect(201);
    const after = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/documents`);
    expect(after.body.items[0]).toMatchObject({ status: 'withdrawn', withdrawReason: 'เผยแพร่ผิดฉบับ' });
    const otherPortal = await request(t.app.getHttpServer()).get(`/public/${other.org.code}/documents`);
    expect(otherPortal.body.items).toEqual([]);
    await request(t.app.getHttpServer()).get(`/public/${other.org.code}/documents/${id}`).expect(404);
    await request(t.app.getHttpServer()).get(`/public/no-such-org/documents`).expect(404);
  });

  it('the open-data catalogue is per fiscal year, defaulting to the bundled one', async () => {
    const def = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/catalogue/2570`).expect(200);
    expect(def.body.isDefault).toBe(true);
    expect(def.body.items.map((i: { code: string }) => i.code)).toContain('o28');
    const admin = await signIn(t.app, w.org, w.people.admin);
    await request(t.app.getHttpServer())
      .put('/admin/oit-catalogue/2570')
      .set('Authorization', `Bearer ${admin}`)
      .send({ items: [{ code: 'o27', title: 'รายงานผลตามมาตรการ' }] })
      .expect(200);
    const own = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/catalogue/2570`);
    expect(own.body).toEqual({ isDefault: false, items: [{ code: 'o27', title: 'รายงานผลตามมาตรการ' }] });
    const otherYear = await request(t.app.getHttpServer()).get(`/public/${w.org.code}/catalogue/2569`);
    expect(otherYear.body.isDefault).toBe(true);
    const otherOrg = await request(t.app.getHttpServer()).get(`/public/${other.org.code}/catalogue/2570`);
    expect(otherOrg.body.isDefault).toBe(true);
    await request(t.app.getHttpServer())
      .put('/admin/oit-catalogue/2570')
      .set('Authorization', `Bearer ${admin}`)
      .send({ items: [{ code: 'bad code', title: 'x' }] })
      .expect(400);
    // One schema (publicationInputSchemas): a code twice (the code names the item; it answered
    // 500 on the table's key), a title past 300 characters, a year no integer column holds.
    const refused = async (path: string, items: unknown) =>
      (
        await request(t.app.getHttpServer())
          .put(path)
          .set('Authorization', `Bearer ${admin}`)
          .send({ items })
          .expect(400)
      ).body as { code: string; details: { field: string; problems: string[] }[] };
    const twice = await refused('/admin/oit-catalogue/2570', [
      { code: 'o27', title: 'ก' },
      { code: 'o27', title: 'ข' },
    ]);
    expect(twice.details).toEqual([{ field: 'items.1.code', problems: ['รหัสหมวด o27 ซ้ำกัน'] }]);
    const long = await refused('/admin/oit-catalogue/2570', [{ code: 'o27', title: 'ก'.repeat(301) }]);
    expect(long.details).toEqual([{ field: 'items.0.title', problems: ['ชื่อหมวดยาวเกิน 300 ตัวอักษร'] }]);
    const year = await refused('/admin/oit-catalogue/99999999999', [{ code: 'o27', title: 'ก' }]);
    expect(year.code).toBe('VALIDATION_FAILED');
    await request(t.app.getHttpServer()).get(`/public/${w.org.code}/catalogue/99999999999`).expect(400);
    expect(
      (await request(t.app.getHttpServer()).get(`/public/${w.org.code}/catalogue/2570`)).body.items,
    ).toEqual([{ code: 'o27', title: 'รายงานผลตามมาตรการ' }]);
  });
});
