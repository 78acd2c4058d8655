import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { type World } from '../utils/factories';
import { draftAndDecide, type SignedInWorld } from '../utils/memo-flow';
import { AppProcess, buildApps, freePort, removeBuild } from '../utils/processes';
import { createTestApp, type TestApp } from '../utils/test-app';
import { certifiedWorld } from '../utils/app-world';
import { waitFor } from '../utils/wait-for';

// Issue 10: a renderer that cannot stay broken, readiness that tells the truth, one bad document
// that never blocks the others, and nothing silently left behind — against the compiled worker
// as it is deployed, on real PostgreSQL, Redis and Chromium.

interface FailureRow {
  stage: string;
  error_code: string;
  reason: string;
  cause: string;
  attempts: number;
  set_aside_at: Date | null;
  next_retry_at: Date | null;
}

async function onePagePdf(): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage();
  page.drawText('attachment', { font: await pdf.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await pdf.save());
}

describe('document recovery: the renderer heals, failures are set aside and retried', () => {
  let out: string;
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let tokens: SignedInWorld;
  let worker: AppProcess;
  let healthPort: number;

  beforeAll(async () => {
    out = buildApps();
    t = await createTestApp({
      RENDER_TIMEOUT_MS: '2000',
      RENDER_WATCHDOG_MS: '500',
      DOCUMENT_JOB_ATTEMPTS: '2',
      DOCUMENT_RETRY_MS: '1000',
      RECONCILE_MS: '500',
      OUTBOX_POLL_MS: '200',
    });
    ({ db, w, tokens } = await certifiedWorld(t));
    healthPort = await freePort();
    worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), {
      ...t.env,
      WORKER_HEALTH_PORT: String(healthPort),
      HOST: '127.0.0.1',
    });
    worker.start();
    await waitFor(() => ready(), 'the worker to be ready', { timeoutMs: 60_000 });
  }, 180_000);

  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    if (out) removeBuild(out);
  });

  async function ready(): Promise<boolean> {
    try {
      return (await fetch(`http://127.0.0.1:${healthPort}/health/ready`)).ok;
    } catch {
      return false;
    }
  }

  async function published(memoId: string): Promise<boolean> {
    const rows: unknown[] = await db.query('SELECT 1 FROM publications WHERE memo_id = $1', [memoId]);
    return rows.length === 1;
  }

  async function failure(memoId: string): Promise<FailureRow | undefined> {
    const rows: FailureRow[] = await db.query('SELECT * FROM document_failures WHERE memo_id = $1', [memoId]);
    return rows[0];
  }

  it('a render that times out on a hung Chromium (SIGSTOP) heals: the next memo is published within 10 s, readiness false only meanwhile', async () => {
    const warm = await draftAndDecide(t.app, tokens, { subject: 'ก่อนหยุด' });
    await waitFor(() => published(warm.memoId), 'the first memo published', { timeoutMs: 30_000 });
    expect(await ready()).toBe(true);

    // Watch readiness all along, from outside, as an orchestrator would.
    const seen: boolean[] = [];
    // A sample every 100 ms (a sampler, not a wait): what an orchestrator polling it would see.
    const sampling: Promise<void>[] = [];
    const sampler = setInterval(() => sampling.push(ready().then((ok) => void seen.push(ok))), 100);

    const [chromium] = worker.children(/chrom/i);
    expect(chromium).toBeDefined();
    process.kill(-chromium, 'SIGSTOP');
    const stuck = await draftAndDecide(t.app, tokens, {
      subject: 'ระหว่างหยุด',
      paragraphs: ['ขอรายงานให้ทราบ'],
    });
    // Its first render times out (2 s) …
    await waitFor(async () => (await failure(stuck.memoId))?.attempts, 'the timed-out render recorded', {
      timeoutMs: 30_000,
    });
    const healedFrom = Date.now();
    // … and a one-paragraph memo decided now is printed, signed and published within 10 s.
    const next = await draftAndDecide(t.app, tokens, { subject: 'หลังหยุด', paragraphs: ['ขอรายงานให้ทราบ'] });
    await waitFor(() => published(next.memoId), 'the next memo published', { timeoutMs: 10_000 });
    expect(Date.now() - healedFrom).toBeLessThan(10_000);
    // The one that timed out is not left behind, and its failure record goes with it.
    await waitFor(() => published(stuck.memoId), 'the timed-out memo published', { timeoutMs: 30_000 });
    await waitFor(async () => (await failure(stuck.memoId)) === undefined, 'its failure cleared');
    await waitFor(() => ready(), 'readiness ok again');
    clearInterval(sampler);
    await Promise.all(sampling);
    // Readiness said so while the renderer was down, and says ok once it is back.
    expect(seen).toContain(false);
    expect(seen[seen.length - 1]).toBe(true);
    expect(worker.children(/chrom/i)).not.toContain(chromium);
  }, 120_000);

  it('one bad document is set aside with its cause at once, while the others are published', async () => {
    const pdf = await onePagePdf();
    const bad = await draftAndDecide(t.app, tokens, {
      subject: 'แนบไฟล์ที่เสียหาย',
      beforeSubmit: async (memoId) => {
        await request(t.app.getHttpServer())
          .post(`/memos/${memoId}/attachments/pdf`)
          .set('Authorization', `Bearer ${tokens.author}`)
          .field('title', 'ไฟล์แนบ')
          .attach('file', pdf, { filename: 'a.pdf', contentType: 'application/pdf' })
          .expect(201);
        // Damaged at rest after it was checked: no attempt can print it.
        await db.query(`UPDATE memo_attachments SET content = 'not a pdf any more' WHERE memo_id = $1`, [
          memoId,
        ]);
      },
    });
    const others: string[] = [];
    for (let i = 0; i < 5; i++)
      others.push((await draftAndDecide(t.app, tokens, { subject: `ปกติ ${i}` })).memoId);

    for (const id of others)
      await waitFor(() => published(id), `memo ${id} published`, { timeoutMs: 60_000 });
    const f = await waitFor(async () => {
      const row = await failure(bad.memoId);
      return row?.set_aside_at ? row : undefined;
    }, 'the bad document set aside');
    expect(f).toMatchObject({
      stage: 'render',
      error_code: 'DOCUMENT_INVALID',
      attempts: 1,
      next_retry_at: null,
    });
    expect(f.reason).toMatch(/[ก-๙]/);
    expect(f.cause.length).toBeGreaterThan(0);
    expect(await published(bad.memoId)).toBe(false);
  }, 120_000);

  it('a document whose jobs gave up is retried automatically once its cause is gone, with no manual step', async () => {
    // The organisation's certificate missing: every signature fails until it is back.
    await db.query('DELETE FROM organisation_certificates WHERE organisation_id = $1', [w.org.id]);
    const memo = await draftAndDecide(t.app, tokens, { subject: 'รอใบรับรอง' });
    const first = await waitFor(async () => {
      const row = await failure(memo.memoId);
      return row?.set_aside_at ? row : undefined;
    }, 'the document set aside after its attempts');
    expect(first).toMatchObject({ stage: 'sign', error_code: 'SIGNING_CERTIFICATE_MISSING', attempts: 2 });
    expect(first.next_retry_at).not.toBeNull();
    // The reconciler tries again when its time comes (it still fails: nothing changed yet).
    await waitFor(async () => ((await failure(memo.memoId))?.attempts ?? 0) > 2, 'an automatic retry', {
      timeoutMs: 30_000,
    });
    await t.app.get(CertificateService).installSelfSigned(w.org.id, w.org.name);
    await waitFor(() => published(memo.memoId), 'the memo published after the certificate came back', {
      timeoutMs: 60_000,
    });
    expect(await failure(memo.memoId)).toBeUndefined();
  }, 120_000);
});
