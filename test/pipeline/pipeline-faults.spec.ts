import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { DOCUMENT_QUEUE } from '@saraban/pipeline';
import { REDIS } from '@saraban/redis';
import { draftAndDecide, type SignedInWorld } from '../utils/memo-flow';
import { AppProcess, buildApps, freePort, removeBuild } from '../utils/processes';
import { createTestApp, type TestApp } from '../utils/test-app';
import { certifiedWorld } from '../utils/app-world';
import { waitForIdleQueue } from '../utils/queue-idle';
import { waitFor } from '../utils/wait-for';

/** A Redis of the test's own, without persistence: a restart loses every queue, as a real one may. */
class PrivateRedis {
  private child?: ChildProcess;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
    const probe = new Redis({
      port: this.port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    await waitFor(
      async () => {
        try {
          await probe.connect();
          return (await probe.ping()) === 'PONG';
        } catch {
          probe.disconnect();
          return false;
        }
      },
      'redis',
      { timeoutMs: 90_000 },
    );
    probe.disconnect();
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }
}

describe('pipeline faults: every decided memo ends published exactly once', () => {
  let t: TestApp;
  let db: DataSource;
  let tokens: SignedInWorld;
  let redis: PrivateRedis;
  let worker: AppProcess;
  let out: string;

  beforeAll(async () => {
    out = buildApps();
    redis = new PrivateRedis(await freePort());
    await redis.start();
    t = await createTestApp({
      REDIS_URL: `redis://127.0.0.1:${redis.port}`,
      JOB_LOCK_MS: '3000',
      RECONCILE_MS: '1500',
      OUTBOX_POLL_MS: '200',
    });
    ({ db, tokens } = await certifiedWorld(t));
    worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), t.env);
  }, 180_000);

  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await t?.close();
    await redis?.stop();
    if (out) removeBuild(out);
  });

  async function decideSeveral(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++)
      ids.push((await draftAndDecide(t.app, tokens, { subject: `เรื่องทดสอบ ${i}` })).memoId);
    return ids;
  }

  async function expectPublishedOnce(memoIds: string[]): Promise<void> {
    await waitFor(
      async () => {
        const rows: { n: string }[] = await db.query(
          'SELECT count(DISTINCT memo_id) AS n FROM publications WHERE memo_id = ANY($1)',
          [memoIds],
        );
        return Number(rows[0].n) === memoIds.length;
      },
      'every memo published',
      { timeoutMs: 90_000 },
    );
    // And nothing is left that could publish again.
    const queue = new Queue(DOCUMENT_QUEUE, {
      connection: { host: '127.0.0.1', port: redis.port },
      prefix: t.queuePrefix,
    });
    try {
      await waitForIdleQueue(queue, 90_000);
    } finally {
      await queue.close();
    }
    const rows: { memo_id: string; docs: string; pubs: string }[] = await db.query(
      `SELECT m.id AS memo_id,
              (SELECT count(*) FROM signed_documents d WHERE d.memo_id = m.id) AS docs,
              (SELECT count(*) FROM publications p WHERE p.memo_id = m.id) AS pubs
         FROM memos m WHERE m.id = ANY($1)`,
      [memoIds],
    );
    expect(rows.every((r) => r.docs === '1' && r.pubs === '1')).toBe(true);
    expect(rows).toHaveLength(memoIds.length);
  }

  /**
   * Waits until the worker holds an active document job (each starts with its render), as the
   * moment to strike. A job is active for tens of milliseconds: the test gives the worker a
   * backlog (see withBacklog) and looks often.
   */
  async function activeStage(): Promise<void> {
    const q = new Redis({ port: redis.port });
    try {
      const key = `${t.queuePrefix}:documents:active`;
      await waitFor(async () => (await q.lrange(key, 0, -1)).length > 0, 'an active document job', {
        timeoutMs: 30_000,
        intervalMs: 5,
      });
    } finally {
      q.disconnect();
    }
  }

  /** n memos decided while the worker is stopped, then the worker started: it has a backlog. */
  async function withBacklog(n: number): Promise<string[]> {
    await worker.stop();
    const memoIds = await decideSeveral(n);
    worker.start();
    return memoIds;
  }

  it('the worker killed with SIGKILL during a render, then during a publish held inside its transaction', async () => {
    const memoIds = await decideSeveral(4);
    worker.start();
    await activeStage(); // a job starts with its render
    await worker.stop('SIGKILL');

    // Publications held up: the publish stage's INSERT waits on this lock, inside its transaction.
    const blocker = db.createQueryRunner();
    await blocker.connect();
    try {
      await blocker.startTransaction();
      await blocker.query('LOCK TABLE publications IN SHARE ROW EXCLUSIVE MODE');
      worker.start();
      await waitFor(
        async () => {
          const rows: unknown[] = await db.query(
            `SELECT 1 FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%INSERT INTO publications%'`,
          );
          return rows.length > 0;
        },
        'a publish waiting on the lock',
        { timeoutMs: 90_000 },
      );
      await worker.stop('SIGKILL');
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
    worker.start();
    await expectPublishedOnce(memoIds);
    await worker.stop();
  }, 180_000);

  it('the worker killed with SIGKILL mid-job, three times, then started again', async () => {
    const memoIds = await decideSeveral(12);
    for (let i = 0; i < 3; i++) {
      worker.start();
      await activeStage();
      await worker.stop('SIGKILL');
    }
    worker.start();
    await expectPublishedOnce(memoIds);
  }, 180_000);

  it('Redis restarted mid-flow, losing every queue', async () => {
    const memoIds = await withBacklog(8);
    await activeStage();
    await redis.stop();
    // The apps have seen Redis go (their connections dropped) before it comes back empty.
    const apiRedis = t.app.get<Redis>(REDIS);
    await waitFor(() => apiRedis.status !== 'ready', 'the API to lose its Redis connection');
    await redis.start();
    await expectPublishedOnce(memoIds);
  });

  it('Chromium killed while rendering', async () => {
    const memoIds = await withBacklog(8);
    await activeStage(); // a job starts with its render
    const browsers = worker.children(/chrom/i);
    expect(browsers.length).toBeGreaterThan(0);
    for (const pid of browsers) process.kill(pid, 'SIGKILL');
    await expectPublishedOnce(memoIds);
  });
});
