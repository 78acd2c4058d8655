import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PublicationService } from '@saraban/publication';
import { createTestApp, type TestApp } from '../utils/test-app';
import { worldWithSignedPage } from '../utils/app-world';
import { type World } from '../utils/factories';
import { SignedDocument } from '../utils/entities';

describe('citizen pages: the portal and verification', () => {
  let t: TestApp;
  let w: World;
  let signed: { pdf: Buffer; sha256: string };
  let publicationId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const started = await worldWithSignedPage(t);
    const db = started.db;
    ({ w, signed } = started);
    const memoId = randomUUID();
    const saved = await db.getRepository(SignedDocument).save({
      organisationId: w.org.id,
      memoId,
      memoVersion: 5,
      verificationCode: 'PQRST23456',
      stage: 'signed',
      signedPdf: signed.pdf,
      sha256: signed.sha256,
      signedAt: new Date(),
      subject: 'รายงาน <script>alert(1)</script>',
      documentNo: 'นพ ๗๑๕๐๑/๒',
      datedOn: '2026-11-20',
      approvalChain: [
        {
          role: 'author',
          heading: null,
          text: null,
          name: 'นายสมชาย ใจดี',
          positionLines: ['นิติกร'],
          date: '2026-11-20',
        },
        {
          role: 'decision',
          heading: 'ความเห็น/คำสั่งนายก',
          text: 'อนุมัติ',
          name: 'นายสมหมาย ปกครอง',
          positionLines: ['นายกองค์การบริหารส่วนตำบล'],
          date: '2026-11-21',
        },
      ],
    });
    const { publication } = await db.transaction((m) =>
      t.app.get(PublicationService).publish(m, {
        organisationId: w.org.id,
        memoId,
        memoVersion: 5,
        documentId: saved.id,
        title: 'รายงาน <script>alert(1)</script>',
        documentNo: 'นพ ๗๑๕๐๑/๒',
        datedOn: '2026-11-20',
        orderText: 'อนุมัติ',
        oitItem: 'o28',
        at: new Date(),
      }),
    );
    publicationId = publication.id;
  });
  afterAll(() => t.close());

  it('lists the fiscal year’s documents, escaped, with filters, in Thai', async () => {
    const res = await request(t.app.getHttpServer()).get(`/p/${w.org.code}?fy=2570`).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('lang="th"');
    expect(res.text).toContain('ปีงบประมาณ พ.ศ. 2570');
    expect(res.text).toContain('รายงาน &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain(`/public/${w.org.code}/documents/${publicationId}/pdf`);
    const other = await request(t.app.getHttpServer()).get(`/p/${w.org.code}?fy=2569`).expect(200);
    expect(other.text).not.toContain(publicationId);
  });

  it('shows a document with its verification and approval chain', async () => {
    const res = await request(t.app.getHttpServer())
      .get(`/p/${w.org.code}/documents/${publicationId}`)
      .expect(200);
    expect(res.text).toContain('เอกสารถูกต้อง');
    expect(res.text).toContain('นายสมหมาย ปกครอง');
  });

  it('verifies an uploaded PDF, a hash and the printed code; a changed file is refused', async () => {
    const ok = await request(t.app.getHttpServer())
      .post('/verify')
      .attach('file', signed.pdf, 'memo.pdf')
      .expect(200);
    expect(ok.text).toContain('เอกสารถูกต้อง');
    expect(ok.text).toContain(signed.sha256);
    const tampered = Buffer.from(signed.pdf);
    tampered[tampered.indexOf('/MediaBox') + 12] ^= 1;
    const bad = await request(t.app.getHttpServer())
      .post('/verify')
      .attach('file', tampered, 'memo.pdf')
      .expect(200);
    expect(bad.text).toContain('ไม่พบเอกสารนี้ในระบบ');
    const byHash = await request(t.app.getHttpServer()).get(`/verify?sha256=${signed.sha256}`).expect(200);
    expect(byHash.text).toContain('เอกสารถูกต้อง');
    const byCode = await request(t.app.getHttpServer()).get('/verify/PQRST23456').expect(200);
    expect(byCode.text).toContain('นพ ๗๑๕๐๑/๒');
    const form = await request(t.app.getHttpServer()).get('/verify').expect(200);
    expect(form.text).toContain('<label for="file">');
    await request(t.app.getHttpServer()).get('/verify?sha256=nope').expect(400);
  });
});
