import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createTestApp, type TestApp } from '../utils/test-app';
import { worldWithSignedPage } from '../utils/app-world';
import { type World } from '../utils/factories';
import { SignedDocument } from '../utils/entities';

describe('public verification', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let signed: { pdf: Buffer; sha256: string };

  beforeAll(async () => {
    t = await createTestApp();
    ({ db, w, signed } = await worldWithSignedPage(t));
    await db.getRepository(SignedDocument).save({
      organisationId: w.org.id,
      memoId: randomUUID(),
      memoVersion: 3,
      verificationCode: 'ABCDE23456',
      stage: 'signed',
      signedPdf: signed.pdf,
      sha256: signed.sha256,
      signedAt: new Date(),
      subject: 'รายงานผลการดำเนินการ',
      documentNo: 'นพ ๗๑๕๐๑/๑',
      datedOn: '2026-11-20',
      approvalChain: [
        {
          role: 'decision',
          heading: 'ความเห็น/คำสั่งนายก',
          text: 'อนุมัติ',
          name: 'นายสมหมาย ปกครอง',
          positionLines: ['นายกองค์การบริหารส่วนตำบล'],
          date: '2026-11-20',
        },
      ],
    });
  });
  afterAll(() => t.close());

  it('an uploaded PDF that we signed verifies: hash, signature, certificate and chain', async () => {
    const res = await request(t.app.getHttpServer())
      .post('/public/verify')
      .attach('file', signed.pdf, 'memo.pdf')
      .expect(201);
    expect(res.body).toMatchObject({
      sha256: signed.sha256,
      issuedHere: true,
      signedWithOrganisationCertificate: true,
      signature: { valid: true, problems: [] },
      document: { subject: 'รายงานผลการดำเนินการ', organisation: { code: w.org.code } },
    });
    expect(res.body.document.approvalChain[0]).toMatchObject({ text: 'อนุมัติ', name: 'นายสมหมาย ปกครอง' });
  });

  it('one changed byte: not ours, and the signature fails', async () => {
    const tampered = Buffer.from(signed.pdf);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 12] = tampered[at + 12] === 0x30 ? 0x31 : 0x30;
    const res = await request(t.app.getHttpServer())
      .post('/public/verify')
      .attach('file', tampered, 'memo.pdf')
      .expect(201);
    expect(res.body.issuedHere).toBe(false);
    expect(res.body.document).toBeNull();
    expect(res.body.signature.valid).toBe(false);
  });

  it('by hash and by the printed code', async () => {
    const byHash = await request(t.app.getHttpServer())
      .get(`/public/verify?sha256=${signed.sha256.toUpperCase()}`)
      .expect(200);
    expect(byHash.body.issuedHere).toBe(true);
    const byCode = await request(t.app.getHttpServer()).get('/public/verify/code/abcde23456').expect(200);
    expect(byCode.body.document.documentNo).toBe('นพ ๗๑๕๐๑/๑');
    const unknown = await request(t.app.getHttpServer())
      .get(`/public/verify?sha256=${'0'.repeat(64)}`)
      .expect(200);
    expect(unknown.body).toMatchObject({ issuedHere: false, document: null });
    await request(t.app.getHttpServer()).get('/public/verify?sha256=xyz').expect(400);
    await request(t.app.getHttpServer()).get('/public/verify/code/NOPE').expect(404);
    await request(t.app.getHttpServer()).post('/public/verify').expect(400);
  });
});
