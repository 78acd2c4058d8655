import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { DOCUMENT_QUEUE, MAINTENANCE_QUEUE, MaintenanceJob } from '@saraban/pipeline';
import { createWorld, type World } from '../utils/factories';
import { draftAndDecide, signInWorld, type SignedInWorld } from '../utils/memo-flow';
import { AppProcess, buildApps, freePort, removeBuild } from '../utils/processes';
import { createTestApp, type TestApp } from '../utils/test-app';
import { waitFor } from '../utils/wait-for';

// Issue 10, item 7: two API processes and three worker processes on one PostgreSQL and one
// Redis. Every memo is published exactly once, no job is lost, and the scheduled work (relay
// poll, reconciler) runs once per tick, not once per process.

const RECONCILE_MS = 1000;
const POLL_MS = 500;

/** supertest takes a URL as well as a server: the memo-flow helpers drive a separate API process. */
function remote(base: string): INestApplication {
  return { getHttpServer: () => base } as unknown as INestApplication;
}

describe('scale-out: 2 API processes and 3 workers', () => {
  let out: string;
  let t: TestApp;
  let db: DataSource;
  let w: World;
  const apis: { process: AppProcess; base: string }[] = [];
  const workers: { process: AppProcess; health: string }[] = [];

  beforeAll(async () => {
    out = buildApps();
    t = await createTestApp({ RECONCILE_MS: String(RECONCILE_MS), OUTBOX_POLL_MS: String(POLL_MS) });
    db = t.app.get(DataSource);
    w = await createWorld(db);
    await t.app.get(CertificateService).installSelfSigned(w.org.id, w.org.name);
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const api = new AppProcess(path.join(out, 'apps/api/src/main.js'), {
        ...t.env,
        PORT: String(port),
        HOST: '127.0.0.1',
      });
      api.start();
      apis.push({ process: api, base: `http://127.0.0.1:${port}` });
    }
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), {
        ...t.env,
        WORKER_HEALTH_PORT: String(port),
        HOST: '127.0.0.1',
      });
      worker.start();
      workers.push({ process: worker, health: `http://127.0.0.1:${port}` });
    }
    for (const base of [...apis.map((a) => a.base), ...workers.map((x) => x.health)]) {
      await waitFor(
        async () => (await fetch(`${base}/health/ready`).catch(() => null))?.ok,
        `${base} ready`,
        { timeoutMs: 60_000 },
      );
    }
  }, 180_000);

  afterAll(async () => {
    await Promise.all([...apis, ...workers].map((p) => p.process.stop()));
    await t?.close();
    if (out) removeBuild(out);
  });

  it('every memo decided through either API is published exactly once, no job is lost, and each tick runs once', async () => {
    const queues = [DOCUMENT_QUEUE, MAINTENANCE_QUEUE].map(
      (name) =>
        new Queue(name, {
          connection: { url: t.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
          prefix: t.queuePrefix,
        }),
    );
    const [documents, maintenance] = queues;
    try {
      const tokens: SignedInWorld[] = [];
      for (const api of apis) tokens.push(await signInWorld(remote(api.base), w));
      const windowStart = Date.now();
      // Three lanes at once, alternating between the two APIs.
      const memoIds = (
        await Promise.all(
          [0, 1, 2].map(async (lane) => {
            const ids: string[] = [];
            for (let i = 0; i < 6; i++) {
              const which = (lane + i) % 2;
              const { memoId } = await draftAndDecide(remote(apis[which].base), tokens[which], {
                subject: `เรื่องที่ ${lane}-${i}`,
              });
              ids.push(memoId);
            }
            return ids;
          }),
        )
      ).flat();
      expect(memoIds).toHaveLength(18);

      await waitFor(
        async () => {
          const rows: { n: string }[] = await db.query(
            'SELECT count(*) AS n FROM publications WHERE memo_id = ANY($1)',
            [memoIds],
          );
          return Number(rows[0].n) === memoIds.length;
        },
        'every memo published',
        { timeoutMs: 90_000 },
      );
      // Let a few more ticks pass, then count.
      await waitFor(() => Date.now() - windowStart > 5 * RECONCILE_MS, 'five reconcile intervals');
      const windowEnd = Date.now();

      const per: { docs: string; pubs: string }[] = await db.query(
        `SELECT (SELECT count(*) FROM signed_documents d WHERE d.memo_id = m.id AND d.stage = 'signed') AS docs,
                (SELECT count(*) FROM publications p WHERE p.memo_id = m.id) AS pubs
           FROM memos m WHERE m.id = ANY($1)`,
        [memoIds],
      );
      expect(per).toHaveLength(18);
      expect(per.every((r) => r.docs === '1' && r.pubs === '1')).toBe(true);

      // No job lost or failed: one completed job per memo.
      const counts = await documents.getJobCounts('completed', 'failed', 'waiting', 'active', 'delayed');
      expect(counts).toMatchObject({ completed: 18, failed: 0, waiting: 0, active: 0, delayed: 0 });

      // Scheduled work: one job per tick, whichever worker took it — never one per worker.
      const ticks = await maintenance.getJobs(['completed', 'failed', 'active'], 0, 5000);
      for (const [name, every] of [
        [MaintenanceJob.Reconcile, RECONCILE_MS],
        [MaintenanceJob.RelayPoll, POLL_MS],
      ] as const) {
        const inWindow = ticks.filter(
          (j) => j.name === String(name) && j.timestamp >= windowStart && j.timestamp <= windowEnd,
        );
        const perTick = Math.floor((windowEnd - windowStart) / every) + 2;
        expect(inWindow.length).toBeGreaterThan(0);
        expect(inWindow.length).toBeLessThanOrEqual(perTick);
        expect(new Set(inWindow.map((j) => j.id)).size).toBe(inWindow.length);
        // A scheduler's job id names its slot (repeat:<scheduler>:<slot ms>): one job per slot,
        // whichever worker took it — three workers never ran a tick three times.
        const slots = inWindow.map((j) => Number(String(j.id).split(':').pop()));
        expect(slots.every((slot) => Number.isFinite(slot))).toBe(true);
        expect(new Set(slots).size).toBe(inWindow.length);
      }
    } finally {
      await Promise.all(queues.map((q) => q.close()));
    }
  }, 180_000);
});
