import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { DocumentQueueService, OutboxRelayService, documentJobId } from '@saraban/pipeline';
import { binaryBody } from '../utils/binary-body';
import { createActingOrder, createWorld, type World } from '../utils/factories';
import { draftAndDecide, signInWorld, type SignedInWorld } from '../utils/memo-flow';
import { createTestApp, type TestApp } from '../utils/test-app';
import { startTestWorker } from '../utils/test-worker';
import { waitForIdleQueue } from '../utils/queue-idle';
import { waitFor } from '../utils/wait-for';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saraban-pdf-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

function pdfsig(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'saraban-sig-'));
  const file = path.join(dir, 'memo.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdfsig', [file], { encoding: 'utf8' });
  } catch (error) {
    // pdfsig exits non-zero when the (self-signed) certificate is not trusted; its report is still complete.
    return String((error as { stdout?: string }).stdout ?? '');
  }
}

describe('the document pipeline: decision → signed PDF → portal', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let tokens: SignedInWorld;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    w = await createWorld(db);
    await t.app.get(CertificateService).installSelfSigned(w.org.id, w.org.name);
    // The head of office also acts as chief administrator: the chief signs nothing himself.
    await createActingOrder(db, w.org, w.people.head, w.positions.chief, 'acting');
    tokens = await signInWorld(t.app, w);
    tokens.chief = tokens.head;
    worker = await startTestWorker(t.env);
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });

  it('publishes the approved memo as a signed PDF with every endorsement printed', async () => {
    const { memoId, decidedVersion } = await draftAndDecide(t.app, tokens);
    const publication = await waitFor(
      async () => {
        const rows: { id: string; memo_version: number }[] = await db.query(
          'SELECT id, memo_version FROM publications WHERE memo_id = $1',
          [memoId],
        );
        return rows[0];
      },
      'the publication',
      { timeoutMs: 60_000 },
    );
    expect(publication.memo_version).toBe(decidedVersion);

    const pdf = await request(t.app.getHttpServer())
      .get(`/public/${w.org.code}/documents/${publication.id}/pdf`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const bytes = pdf.body as Buffer;
    const text = pdfText(bytes).replace(/\s+/g, '');
    const inOrder = [
      'บันทึกข้อความ',
      'ส่วนราชการ',
      'ที่',
      'เรื่อง',
      'เรียน',
      'เรื่องเดิม',
      `(นายสมชายใจดี)`,
      'นิติกร',
      'ความเห็นของหัวหน้าสำนักปลัด',
      'เห็นควรอนุมัติ',
      '(นายสมประสงค์วีระวัฒน์)',
      'หัวหน้าสำนักปลัด',
      'ความเห็นของปลัดองค์การบริหารส่วนตำบล',
      'เห็นควรอนุมัติและเผยแพร่',
      '(นายสมประสงค์วีระวัฒน์)',
      'หัวหน้าสำนักปลัดรักษาราชการแทน',
      'ปลัดองค์การบริหารส่วนตำบล',
      'ความเห็น/คำสั่งนายกองค์การบริหารส่วนตำบล',
      'อนุมัติ',
      '(นายสมหมายปกครอง)',
    ];
    let at = 0;
    for (const piece of inOrder) {
      const found = text.indexOf(piece, at);
      if (found < 0) throw new Error(`"${piece}" missing after offset ${at} in: ${text.slice(at, at + 400)}`);
      at = found + piece.length;
    }
    expect(pdfsig(bytes)).toMatch(/Signature is Valid/);

    const verified = await request(t.app.getHttpServer())
      .post('/public/verify')
      .attach('file', bytes, 'memo.pdf')
      .expect(201);
    expect(verified.body).toMatchObject({ issuedHere: true, signedWithOrganisationCertificate: true });
    expect(verified.body.signature.valid).toBe(true);
    // Who signed, as recorded by the sign stage.
    expect(verified.body.document).toMatchObject({
      organisation: { code: w.org.code, name: w.org.name },
      certificateFingerprint: verified.body.signature.signer.certificateSha256,
    });
    expect(verified.body.document.approvalChain.map((l: { role: string }) => l.role)).toEqual([
      'author',
      'endorsement',
      'endorsement',
      'decision',
    ]);
    expect(verified.body.document.approvalChain[2].positionLines).toEqual([
      'หัวหน้าสำนักปลัด รักษาราชการแทน',
      'ปลัดองค์การบริหารส่วนตำบล',
    ]);
  });

  it('prints the verification link at the public address the organisation is served at', async () => {
    await db.query(`UPDATE organisations SET public_url = 'https://saraban.khampee.go.th' WHERE id = $1`, [
      w.org.id,
    ]);
    try {
      const { memoId } = await draftAndDecide(t.app, tokens);
      const signed = await waitFor(
        async () => {
          const rows: { verification_code: string; signed_pdf: Buffer | null }[] = await db.query(
            `SELECT verification_code, signed_pdf FROM signed_documents WHERE memo_id = $1`,
            [memoId],
          );
          return rows[0]?.signed_pdf ? rows[0] : undefined;
        },
        'the signed document',
        { timeoutMs: 60_000 },
      );
      // In content order (the layout puts the wrapped link beside the signer's name).
      const dir = mkdtempSync(path.join(os.tmpdir(), 'saraban-pdf-'));
      writeFileSync(path.join(dir, 'memo.pdf'), signed.signed_pdf as Buffer);
      const raw = execFileSync('pdftotext', ['-raw', path.join(dir, 'memo.pdf'), '-'], { encoding: 'utf8' });
      expect(raw.replace(/\s+/g, '')).toContain(
        `https://saraban.khampee.go.th/verify/${signed.verification_code}`,
      );
    } finally {
      await db.query(`UPDATE organisations SET public_url = NULL WHERE id = $1`, [w.org.id]);
    }
  });

  it('relaying or enqueueing the same decision again publishes nothing twice', async () => {
    const { memoId, decidedVersion } = await draftAndDecide(t.app, tokens);
    await waitFor(
      async () => {
        const rows: unknown[] = await db.query('SELECT 1 FROM publications WHERE memo_id = $1', [memoId]);
        return rows.length > 0;
      },
      'the publication',
      { timeoutMs: 60_000 },
    );
    // As if the relay crashed before marking the event: it is relayed again, and enqueued again.
    await db.query(`UPDATE outbox SET processed_at = NULL WHERE payload->>'memoId' = $1`, [memoId]);
    await worker.get(OutboxRelayService).drain();
    const again = await worker
      .get(DocumentQueueService)
      .enqueue({ organisationId: w.org.id, memoId, memoVersion: decidedVersion });
    expect(again).toBe('exists');
    // Whatever the relay or the enqueue started has run: nothing waits, runs or is delayed in the
    // document queue (a second job would be there until it finished and signed a second time).
    const queue = worker.get(DocumentQueueService).queue;
    await waitForIdleQueue(queue);
    const counts: { docs: string; pubs: string }[] = await db.query(
      `SELECT (SELECT count(*) FROM signed_documents WHERE memo_id = $1) AS docs,
              (SELECT count(*) FROM publications WHERE memo_id = $1) AS pubs`,
      [memoId],
    );
    expect(counts[0]).toEqual({ docs: '1', pubs: '1' });
    // The job was not run again: a second run would answer "signed before".
    const version = { memoId, memoVersion: decidedVersion };
    expect((await queue.getJob(documentJobId(version)))?.returnvalue).toMatchObject({
      signed: true,
      published: true,
    });
  });

  it('runs render → sign → publish in one job per memo version, storing the print once, signed', async () => {
    const { memoId, decidedVersion } = await draftAndDecide(t.app, tokens);
    const queue = worker.get(DocumentQueueService).queue;
    const id = documentJobId({ memoId, memoVersion: decidedVersion });
    await waitFor(async () => (await queue.getJob(id))?.isCompleted(), 'the document job', {
      timeoutMs: 60_000,
    });
    const job = await queue.getJob(id);
    expect(job?.returnvalue).toMatchObject({
      signed: true,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      published: true,
      publicationId: expect.any(String),
    });
    expect(await queue.getJobCounts('completed', 'waiting', 'delayed', 'failed')).toMatchObject({
      waiting: 0,
      delayed: 0,
      failed: 0,
    });
    const rows: { stage: string; unsigned: boolean; sha256: string }[] = await db.query(
      `SELECT stage, unsigned_pdf IS NOT NULL AS unsigned, sha256 FROM signed_documents WHERE memo_id = $1`,
      [memoId],
    );
    expect(rows).toEqual([{ stage: 'signed', unsigned: false, sha256: job?.returnvalue.sha256 }]);
  });

  it('a memo not approved, or not marked for publication, is signed but not published', async () => {
    const refused = await draftAndDecide(t.app, tokens, { order: 'not_approved' });
    const internal = await draftAndDecide(t.app, tokens, { publish: false, oitItem: null });
    for (const { memoId } of [refused, internal]) {
      await waitFor(
        async () => {
          const rows: unknown[] = await db.query(
            `SELECT 1 FROM signed_documents WHERE memo_id = $1 AND stage = 'signed'`,
            [memoId],
          );
          return rows.length > 0;
        },
        'the signed document',
        { timeoutMs: 60_000 },
      );
    }
    const queue = worker.get(DocumentQueueService).queue;
    for (const { memoId, decidedVersion } of [refused, internal]) {
      const id = documentJobId({ memoId, memoVersion: decidedVersion });
      await waitFor(async () => (await queue.getJob(id))?.isCompleted(), 'the document job', {
        timeoutMs: 60_000,
      });
      expect((await queue.getJob(id))?.returnvalue).toMatchObject({
        published: false,
        publicationId: null,
      });
    }
    const pubs: unknown[] = await db.query('SELECT 1 FROM publications WHERE memo_id = ANY($1)', [
      [refused.memoId, internal.memoId],
    ]);
    expect(pubs).toEqual([]);
  });
});
