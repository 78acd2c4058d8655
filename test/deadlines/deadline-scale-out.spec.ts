import path from 'node:path';
import { Queue } from 'bullmq';
import { DEADLINE_QUEUE, DeadlineJob } from '@saraban/deadlines';
import { command, createApprovalWorld, createDraft, type ApprovalWorld } from '../approval/approval-world';
import { AppProcess, buildApps, freePort, removeBuild } from '../utils/processes';
import { createTestApp, type TestApp } from '../utils/test-app';
import { waitFor } from '../utils/wait-for';

// Issue 13 item 9: reminders and escalations run as BullMQ job schedulers. With three worker
// processes sweeping every 300 ms, each step's reminder and escalation is written exactly once
// (one timeline entry, one outbox event), and each tick is one job taken by one worker.

const SWEEP_MS = 300;
const MEMOS = 6;

describe('deadline sweeps across three workers', () => {
  let out: string;
  let t: TestApp;
  let w: ApprovalWorld;
  const workers: AppProcess[] = [];

  beforeAll(async () => {
    out = buildApps();
    t = await createTestApp({ DEADLINE_SWEEP_MS: String(SWEEP_MS) });
    w = await createApprovalWorld(t.app);
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const worker = new AppProcess(path.join(out, 'apps/worker/src/main.js'), {
        ...t.env,
        DEADLINE_SWEEP_MS: String(SWEEP_MS),
        WORKER_HEALTH_PORT: String(port),
        HOST: '127.0.0.1',
      });
      worker.start();
      workers.push(worker);
      await waitFor(
        async () => (await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => null))?.ok,
        `worker ${i} ready`,
        { timeoutMs: 60_000 },
      );
    }
    // Building the apps and starting three workers (each with its Chromium pool) on a shared 2-core machine.
  }, 420_000);

  afterAll(async () => {
    await Promise.all(workers.map((p) => p.stop()));
    await t?.close();
    if (out) removeBuild(out);
  });

  it('each reminder and each escalation is written once, and each tick runs on one worker', async () => {
    const queue = new Queue(DEADLINE_QUEUE, {
      connection: { url: t.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
      prefix: t.queuePrefix,
    });
    try {
      const ids: string[] = [];
      for (let i = 0; i < MEMOS; i++) {
        const d = await createDraft(t.app, w.tokens.author, {
          subject: `เรื่องด่วนที่สุด ${i}`,
          urgency: 'most_urgent',
        });
        await command(t.app, w.tokens.author, d.id, 'submit').expect(200);
        ids.push(d.id);
      }
      // Time passes: every step's reminder comes in about a second and its due time a second later,
      // while the three workers sweep.
      await w.db.query(
        `UPDATE memo_workflows SET remind_at = now() + interval '1 second', due_at = now() + interval '2 seconds'
          WHERE memo_id = ANY($1)`,
        [ids],
      );
      const windowStart = Date.now();
      const count = async (sql: string): Promise<number> =>
        Number((await w.db.query<{ n: string }[]>(sql, [ids]))[0].n);
      await waitFor(
        async () =>
          (await count(`SELECT count(*) AS n FROM deadline_notices WHERE memo_id = ANY($1)`)) === 2 * MEMOS,
        'every reminder and escalation written',
        { timeoutMs: 30_000 },
      );
      // Many more ticks on every worker after that: none writes anything again.
      const completed = async (name: DeadlineJob) =>
        (await queue.getJobs(['completed'], 0, 5000)).filter(
          (j) => j.name === String(name) && j.timestamp >= windowStart,
        ).length;
      const before = {
        remind: await completed(DeadlineJob.Remind),
        escalate: await completed(DeadlineJob.Escalate),
      };
      await waitFor(
        async () =>
          (await completed(DeadlineJob.Remind)) >= before.remind + 10 &&
          (await completed(DeadlineJob.Escalate)) >= before.escalate + 10,
        'ten more ticks of each sweep',
        { timeoutMs: 30_000 },
      );

      const per: { memo_id: string; kind: string; n: string }[] = await w.db.query(
        `SELECT memo_id, kind, count(*) AS n FROM deadline_notices WHERE memo_id = ANY($1) GROUP BY memo_id, kind`,
        [ids],
      );
      expect(per).toHaveLength(2 * MEMOS);
      expect(per.every((r) => r.n === '1')).toBe(true);
      const events: { memo_id: string; type: string; n: string }[] = await w.db.query(
        `SELECT payload->>'memoId' AS memo_id, type, count(*) AS n FROM outbox
          WHERE type IN ('memo.step_reminder', 'memo.step_escalated') AND payload->>'memoId' = ANY($1)
          GROUP BY 1, 2`,
        [ids],
      );
      expect(events).toHaveLength(2 * MEMOS);
      expect(events.every((e) => e.n === '1')).toBe(true);

      // One job per scheduler slot (repeat:<scheduler>:<slot ms>), whichever worker took it.
      const ticks = (await queue.getJobs(['completed', 'failed', 'active'], 0, 5000)).filter(
        (j) => j.timestamp >= windowStart,
      );
      for (const name of [DeadlineJob.Remind, DeadlineJob.Escalate]) {
        const mine = ticks.filter((j) => j.name === String(name));
        const slots = mine.map((j) => Number(String(j.id).split(':').pop()));
        expect(slots.every((slot) => Number.isFinite(slot))).toBe(true);
        expect(new Set(slots).size).toBe(mine.length);
        expect(mine.filter((j) => j.failedReason)).toEqual([]);
      }
    } finally {
      await queue.close();
    }
  }, 180_000);
});
