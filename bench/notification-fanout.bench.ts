/**
 * Notification fan-out (issue 13): the worker's notification queue delivering to the local
 * doubles (the mail catcher over SMTP, the LINE double over HTTP), real PostgreSQL and Redis.
 * The compiled API and worker run as processes, as deployed; the two doubles run in this
 * process. Everything shares the machine's cores.
 *   1. fan-out: one event naming 10,000 people (a reminder, `memo.step_reminder`, as the
 *      deadlines library writes it), each with an email address and a linked LINE account: from
 *      the hand-over to the queue to the last of the 20,000 sends recorded (an email each; LINE
 *      by multicast, 500 people a request). Rate in recipients/s (both channels delivered) and in
 *      sends/s. Target ≥ 1,000 notifications/s.
 *   2. latency: memos waiting at the mayor's step, decided over HTTP at 5/s (open loop); from
 *      the decision's answer to the writer's LINE push arriving at the LINE double. The decision
 *      also starts each memo's document flow (Chromium), as in production. Target p99 ≤ 2 s.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@saraban/database';
import { NOTIFICATION_QUEUE, NotificationJob, notificationJobId } from '@saraban/notification';
import { startLineDouble } from '../apps/line-double/src/line-double';
import { parseMail, startMailCatcher } from '../apps/mail-catcher/src/mail-catcher';
import { createWorld, TEST_PASSWORD } from '../test/utils/factories';
import { AppProcess, buildApps, freePort, removeBuild, waitForReady } from '../test/utils/processes';
import { dropQueueKeys } from '../test/utils/test-app';
import { createBenchDatabase } from './lib/bench-database';
import { benchNodeArgs, isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { benchAppEnv } from './lib/bench-stack';
import { processCpuMs } from './lib/process-stats';
import { percentile } from './lib/percentile.util';
import { Person } from '../test/utils/entities';

const RECIPIENTS = isQuickRun() ? 1000 : 10_000;
const DECISIONS = isQuickRun() ? 20 : 100;
const DECISION_INTERVAL_MS = 200;
const SECRET = 'bench-line-channel-secret-0123456789';

async function until(
  what: string,
  probe: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function call<T>(
  base: string,
  token: string | null,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

export async function run(): Promise<BenchRow[]> {
  // The mail catcher stands in for the organisation's SMTP server: it keeps each mail's envelope
  // and bytes as it accepts them (parsing 10,000 mails is the receiver's work, not the sender's);
  // a sample is parsed after the timing to check what was sent.
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0, parse: false });
  const line = await startLineDouble();
  const database = await createBenchDatabase();
  const db = new DataSource(dataSourceOptions(database.url, 4));
  await db.initialize();
  const port = await freePort();
  const workerPort = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...benchAppEnv(database.url, port),
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    LINE_API_BASE_URL: line.baseUrl,
    PUBLIC_BASE_URL: 'http://saraban.bench',
    LOG_LEVEL: 'warn',
  };
  const build = buildApps();
  const api = new AppProcess(path.join(build, 'apps/api/src/main.js'), env, benchNodeArgs());
  const worker = new AppProcess(
    path.join(build, 'apps/worker/src/main.js'),
    { ...env, WORKER_HEALTH_PORT: String(workerPort) },
    benchNodeArgs(),
  );
  const queue = new Queue(NOTIFICATION_QUEUE, {
    connection: { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    prefix: env.QUEUE_PREFIX,
  });
  try {
    const w = await createWorld(db);
    api.start();
    worker.start();
    if (!(await waitForReady(base))) throw new Error('the API did not start');
    if (!(await waitForReady(`http://127.0.0.1:${workerPort}`, 120_000)))
      throw new Error('the worker did not start');
    const login = async (p: Person) =>
      (
        await call<{ token: string }>(base, null, 'POST', '/auth/login', {
          organisation: w.org.code,
          username: p.username,
          password: TEST_PASSWORD,
        })
      ).token;
    const tokens = {
      author: await login(w.people.author),
      head: await login(w.people.head),
      chief: await login(w.people.chief),
      mayor: await login(w.people.mayor),
      admin: await login(w.people.admin),
    };
    await call(base, tokens.admin, 'POST', '/admin/certificate/self-signed').catch(() => undefined);
    await call(base, tokens.admin, 'PUT', '/admin/line', {
      channelSecret: SECRET,
      accessToken: 'bench-line-access-token-0123',
    });
    // 10,000 people with an email address and a linked LINE account (fixture rows, in bulk).
    const ids: string[] = [];
    for (let i = 0; i < RECIPIENTS; i += 1000) {
      const rows = Array.from({ length: Math.min(1000, RECIPIENTS - i) }, (_, k) => ({
        organisationId: w.org.id,
        username: `bench${i + k}`,
        prefix: 'นาย',
        fullName: `ผู้รับ ${i + k}`,
        roles: ['officer' as const],
      }));
      const inserted = await db.getRepository(Person).insert(rows);
      ids.push(...inserted.identifiers.map((x) => x.id as string));
    }
    await db.query(
      `INSERT INTO notification_settings (person_id, organisation_id, email, email_digest, quiet_hours)
       SELECT id, $2, 'p' || ord || '@bench.local', false, false FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [ids, w.org.id],
    );
    await db.query(
      `INSERT INTO line_links (person_id, organisation_id, line_user_id)
       SELECT id, $2, 'Ubench' || ord FROM unnest($1::uuid[]) WITH ORDINALITY AS u(id, ord)`,
      [ids, w.org.id],
    );
    // A memo for the reminder to be about; the writer with an address and a LINE account too.
    const draft = (subject: string) =>
      call<{ id: string }>(base, tokens.author, 'POST', '/memos', {
        subject,
        body: [{ type: 'paragraph', text: 'เพื่อโปรดพิจารณา' }],
        closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
        publish: false,
        oitItem: null,
      }).then((m) => m.id);
    const memoId = await draft('ขอให้ส่งรายงานผลการดำเนินงาน');
    await db.query(
      `INSERT INTO notification_settings (person_id, organisation_id, email, email_digest, quiet_hours)
       VALUES ($1, $2, 'author@bench.local', false, false)`,
      [w.people.author.id, w.org.id],
    );
    await db.query(
      `INSERT INTO line_links (person_id, organisation_id, line_user_id) VALUES ($1, $2, 'Uauthor')`,
      [w.people.author.id, w.org.id],
    );

    // 1. fan-out to 10,000 people: the event handed to the queue as the relay hands it.
    const cpu0 = processCpuMs(worker.pid);
    const doublesCpu0 = process.cpuUsage();
    const started = performance.now();
    const event = {
      id: randomUUID(),
      organisationId: w.org.id,
      type: 'memo.step_reminder',
      payload: { memoId, recipientUserIds: ids, dueAt: new Date(Date.now() + 3600_000).toISOString() },
      createdAt: new Date().toISOString(),
    };
    await queue.add(NotificationJob.FanOut, event, { jobId: notificationJobId.fanOut(event.id) });
    // Every person's copy of a push or a multicast.
    const benchLines = () => line.received().filter((m) => m.to.startsWith('Ubench'));
    await until(
      'every send',
      () => mail.rawMails.length >= RECIPIENTS && benchLines().length >= RECIPIENTS,
      600_000,
    );
    const seconds = (performance.now() - started) / 1000;
    const workerCpuSeconds = (processCpuMs(worker.pid) - cpu0) / 1000;
    const doublesCpu = process.cpuUsage(doublesCpu0);
    const doublesCpuSeconds = (doublesCpu.user + doublesCpu.system) / 1e6;
    const dupMail = mail.rawMails.length - new Set(mail.rawMails.map((m) => m.to[0])).size;
    // What was sent: every 50th mail read back, each with the memo's deep link and its person's name.
    const link = `http://saraban.bench/app/memos/${memoId}`;
    for (let i = 0; i < mail.rawMails.length; i += 50) {
      const m = mail.rawMails[i];
      const read = await parseMail(m);
      const n = Number(/^p(\d+)@bench\.local$/.exec(m.to[0])?.[1]);
      if (
        !read.text.includes(link) ||
        !read.text.includes(`ผู้รับ ${n - 1}\n`) ||
        !read.html.includes(`href="${link}"`)
      ) {
        throw new Error(`mail ${i} to ${m.to[0]} lacks the deep link or the person's name`);
      }
    }
    const aLine = benchLines()[0]?.messages[0]?.text ?? '';
    if (!aLine.includes(link)) throw new Error(`a LINE message lacks the deep link: ${aLine}`);
    const dupPush = benchLines().length - new Set(benchLines().map((m) => m.to)).size;
    const lineRequests = new Set(benchLines().map((m) => m.retryKey)).size;

    // 2. decision → push latency, paced (open loop).
    const pending: string[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const id = await draft(`รายงานประจำเดือน ฉบับที่ ${i + 1}`);
      await call(base, tokens.author, 'POST', `/memos/${id}/submit`, {});
      await call(base, tokens.head, 'POST', `/memos/${id}/endorse`, { opinion: 'เห็นควร' });
      await call(base, tokens.chief, 'POST', `/memos/${id}/endorse`, { opinion: 'เห็นควร' });
      pending.push(id);
    }
    const decidedAt = new Map<string, number>();
    const decisions: Promise<void>[] = [];
    const t0 = Date.now();
    for (let i = 0; i < pending.length; i++) {
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + i * DECISION_INTERVAL_MS - Date.now())));
      const id = pending[i];
      decisions.push(
        call(base, tokens.mayor, 'POST', `/memos/${id}/decide`, { order: 'approved' }).then(
          () => void decidedAt.set(id, Date.now()),
        ),
      );
    }
    await Promise.all(decisions);
    const decidedPushes = () =>
      line
        .received()
        .filter((m) => m.to === 'Uauthor')
        .map((m) => ({ at: Date.parse(m.receivedAt), text: m.messages[0].text ?? '' }))
        .filter((p) => p.text.includes('ได้รับคำสั่งแล้ว'));
    await until('every decision push', () => decidedPushes().length >= pending.length, 120_000);
    const latencies = pending.map((id) => {
      const push = decidedPushes().find((p) => p.text.includes(`/app/memos/${id}`));
      return (push?.at ?? Number.NaN) - decidedAt.get(id)!;
    });

    return [
      {
        name: `notification fan-out (${RECIPIENTS.toLocaleString('en')} recipients × email + LINE)`,
        operations: RECIPIENTS,
        opsPerSecond: RECIPIENTS / seconds,
        p50Ms: 0,
        p99Ms: 0,
        target: '≥ 1000 notifications/s',
        met: RECIPIENTS / seconds >= 1000,
        notes:
          `${((2 * RECIPIENTS) / seconds).toFixed(0)} sends/s; ${seconds.toFixed(1)} s from the hand-over to the ` +
          `last send recorded by both doubles; worker CPU ${workerCpuSeconds.toFixed(1)} s on ${os.cpus().length} cores, ` +
          `the doubles' (in the bench process; mails kept unparsed, every 50th read back after) ${doublesCpuSeconds.toFixed(1)} s; ` +
          `${lineRequests} LINE requests; ` +
          `duplicates: ${dupMail} emails, ${dupPush} LINE messages`,
      },
      {
        name: 'decision → LINE push to the writer',
        operations: latencies.length,
        opsPerSecond: 1000 / DECISION_INTERVAL_MS,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        target: 'p99 ≤ 2000 ms',
        met: percentile(latencies, 99) <= 2000,
        notes:
          `decisions at ${1000 / DECISION_INTERVAL_MS}/s open loop; from the decision's HTTP answer to the push ` +
          'at the LINE double (each decision also starts its document flow in Chromium)',
      },
    ];
  } finally {
    await queue.close();
    await api.stop();
    await worker.stop();
    await mail.close();
    await line.close();
    await db.destroy();
    await dropQueueKeys(env.QUEUE_PREFIX);
    await database.drop();
    removeBuild(build);
  }
}
