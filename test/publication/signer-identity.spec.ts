import { randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { SignStage } from '@saraban/pipeline';
import { DocumentCheckpointReader } from '../../libs/pipeline/src/stages/document-checkpoint.reader';
import { createTestApp, type TestApp } from '../utils/test-app';
import { createWorld, type World } from '../utils/factories';
import { SignedDocument } from '../utils/entities';

/** A one-page print carrying its verification code, as every real print does (two prints never have the same bytes). */
async function blankPdf(code = 'blank'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.setTitle(code);
  doc.addPage([595, 842]);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

/**
 * Verification says who signed from what was recorded when the document was signed (the
 * organisation's name, code and certificate fingerprint then), not from what the organisation
 * is called today; a file that fails verification never shows a signer.
 */
describe('verification: the signer as it was at signing', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let other: World;
  let signStage: SignStage;
  let certificates: CertificateService;
  const http = () => request(t.app.getHttpServer());

  /** A print of a memo version of `org`, signed by the real sign stage; answers the signed file and its code. */
  async function signedDocument(org: World): Promise<{ pdf: Buffer; code: string; sha256: string }> {
    const memoId = randomUUID();
    const code = `C${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
    const { sha256 } = await signStage.run(
      { organisationId: org.org.id, memoId, memoVersion: 1 },
      {
        pdf: await blankPdf(code),
        verificationCode: code,
        subject: 'รายงานผลการดำเนินการ',
        documentNo: 'นพ ๗๑๕๐๑/๑',
        datedOn: '2026-11-20',
        chain: [],
      },
    );
    const rows: { signed_pdf: Buffer }[] = await db.query(
      'SELECT signed_pdf FROM signed_documents WHERE memo_id = $1',
      [memoId],
    );
    return { pdf: rows[0].signed_pdf, code, sha256 };
  }

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    certificates = t.app.get(CertificateService);
    signStage = new SignStage(db, new DocumentCheckpointReader(db), certificates);
    w = await createWorld(db, { name: 'องค์การบริหารส่วนตำบลต้นทาง' });
    other = await createWorld(db, { name: 'องค์การบริหารส่วนตำบลปลายทาง' });
    await certificates.installSelfSigned(w.org.id, w.org.name);
    // The other organisation's certificate claims the first one's name: certificates say what their owner wrote.
    await certificates.installSelfSigned(other.org.id, w.org.name);
  });
  afterAll(() => t.close());

  it('the sign stage stores the organisation’s name, code and certificate fingerprint with the signed document', async () => {
    const fingerprint = (await certificates.info(w.org.id))!.fingerprint;
    const { code } = await signedDocument(w);
    const row = await db.getRepository(SignedDocument).findOneByOrFail({ verificationCode: code });
    expect(row).toMatchObject({
      organisationName: 'องค์การบริหารส่วนตำบลต้นทาง',
      organisationCode: w.org.code,
      certificateFingerprint: fingerprint,
    });
  });

  it('a print stored unsigned (by a worker of the time when signing was a job of its own) is signed in place, the same way', async () => {
    const memoId = randomUUID();
    const code = `C${randomUUID().replace(/-/g, '').slice(0, 9).toUpperCase()}`;
    await db.getRepository(SignedDocument).insert({
      organisationId: w.org.id,
      memoId,
      memoVersion: 1,
      verificationCode: code,
      stage: 'rendered',
      unsignedPdf: await blankPdf(code),
      subject: 'รายงานผลการดำเนินการ',
      documentNo: 'นพ ๗๑๕๐๑/๒',
      datedOn: '2026-11-20',
    });
    const p = { organisationId: w.org.id, memoId, memoVersion: 1 };
    const checkpoint = await new DocumentCheckpointReader(db).read(p);
    const first = await signStage.signStored(p, checkpoint!);
    expect(first.signed).toBe(true);
    // A racing worker that read the same checkpoint: the stored signature stands.
    const again = await signStage.signStored(p, checkpoint!);
    expect(again).toEqual({ documentId: first.documentId, sha256: first.sha256, signed: false });
    const stored: { unsigned: boolean }[] = await db.query(
      'SELECT unsigned_pdf IS NOT NULL AS unsigned FROM signed_documents WHERE memo_id = $1',
      [memoId],
    );
    expect(stored).toEqual([{ unsigned: false }]);
    const row = await db.getRepository(SignedDocument).findOneByOrFail({ verificationCode: code });
    expect(row).toMatchObject({
      stage: 'signed',
      sha256: first.sha256,
      organisationName: 'องค์การบริหารส่วนตำบลต้นทาง',
      organisationCode: w.org.code,
    });
  });

  it('after a rename and a new certificate, verification still shows the name and certificate of the signing', async () => {
    const signedFingerprint = (await certificates.info(w.org.id))!.fingerprint;
    const signed = await signedDocument(w);
    await db.query(`UPDATE organisations SET name = 'องค์การบริหารส่วนตำบลชื่อใหม่' WHERE id = $1`, [w.org.id]);
    await certificates.installSelfSigned(w.org.id, 'องค์การบริหารส่วนตำบลชื่อใหม่');
    try {
      const byCode = await http().get(`/public/verify/code/${signed.code}`).expect(200);
      expect(byCode.body).toMatchObject({
        issuedHere: true,
        verdict: 'genuine',
        signedWithOrganisationCertificate: true,
        document: {
          organisation: { code: w.org.code, name: 'องค์การบริหารส่วนตำบลต้นทาง' },
          certificateFingerprint: signedFingerprint,
        },
      });
      // The file still verifies against the certificate it was signed with, though another is installed now.
      const upload = await http().post('/public/verify').attach('file', signed.pdf, 'memo.pdf').expect(201);
      expect(upload.body).toMatchObject({
        verdict: 'genuine',
        signedWithOrganisationCertificate: true,
        signature: { valid: true, signer: { certificateSha256: signedFingerprint } },
        document: { organisation: { name: 'องค์การบริหารส่วนตำบลต้นทาง' } },
      });
      const page = await http().get(`/verify/${signed.code}`).expect(200);
      expect(page.text).toContain('องค์การบริหารส่วนตำบลต้นทาง');
      expect(page.text).toContain(signedFingerprint);
      expect(page.text).not.toContain('องค์การบริหารส่วนตำบลชื่อใหม่');
    } finally {
      await db.query(`UPDATE organisations SET name = $2 WHERE id = $1`, [w.org.id, w.org.name]);
    }
  });

  it('another organisation’s document names that organisation, whatever its certificate claims', async () => {
    const theirs = await signedDocument(other);
    const res = await http().post('/public/verify').attach('file', theirs.pdf, 'memo.pdf').expect(201);
    expect(res.body.document.organisation).toEqual({
      code: other.org.code,
      name: 'องค์การบริหารส่วนตำบลปลายทาง',
    });
    const page = await http().post('/verify').attach('file', theirs.pdf, 'memo.pdf').expect(200);
    expect(page.text).toContain('องค์การบริหารส่วนตำบลปลายทาง');
    // The certificate's own name (the first organisation's) is not offered as the signer.
    expect(page.text).not.toContain('องค์การบริหารส่วนตำบลต้นทาง');
  });

  it('a tampered file never shows a signer, and signedWithOrganisationCertificate is false, not null', async () => {
    const signed = await signedDocument(w);
    const tampered = Buffer.from(signed.pdf);
    const at = tampered.indexOf('/MediaBox');
    tampered[at + 12] = tampered[at + 12] === 0x30 ? 0x31 : 0x30;
    const res = await http().post('/public/verify').attach('file', tampered, 'memo.pdf').expect(201);
    expect(res.body).toMatchObject({
      issuedHere: false,
      verdict: 'unknown',
      document: null,
      signedWithOrganisationCertificate: false,
      signature: { valid: false, signer: null },
    });
    const page = await http().post('/verify').attach('file', tampered, 'memo.pdf').expect(200);
    expect(page.text).toContain('ไม่พบเอกสารนี้ในระบบ');
    expect(page.text).not.toContain('ผู้ลงนาม');
    expect(page.text).not.toContain(w.org.name);

    // Not a PDF we signed, by hash: false as well.
    const unknown = await http()
      .get(`/public/verify?sha256=${'0'.repeat(64)}`)
      .expect(200);
    expect(unknown.body.signedWithOrganisationCertificate).toBe(false);
    const unsigned = await http()
      .post('/public/verify')
      .attach('file', await blankPdf(), 'x.pdf')
      .expect(201);
    expect(unsigned.body).toMatchObject({
      signedWithOrganisationCertificate: false,
      signature: { signer: null },
    });
  });
});
