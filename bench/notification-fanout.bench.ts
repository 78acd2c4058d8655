/**
 * Notification fan-out (issue 13): the worker's notification queue delivering to the local
 * doubles (the mail catcher over SMTP, the LINE double over HTTP), real PostgreSQL and Redis.
 * The API and the worker run in this process (as the integration tests run them), and so do
 * the two doubles: everything shares the machine's cores, as on a 2-core box.
 *   1. fan-out: one event naming 10,000 people (a reminder, `memo.step_reminder`, as the
 *      deadlines library writes it), each with an email address and a linked LINE account: from
 *      the hand-over to the queue to the last of the 20,000 sends recorded. Rate in recipients/s
 *      (both channels delivered) and in sends/s. Target ≥ 1,000 notifications/s.
 *   2. latency: memos waiting at the mayor's step, decided over HTTP at 5/s (open loop); from
 *      the decision's answer to the writer's LINE push arriving at the LINE double. The decision
 *      also starts each memo's document flow (Chromium), as in production. Target p99 ≤ 2 s.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { CertificateService } from '@saraban/certificates';
import { NotificationQueueService } from '@saraban/notification';
import { Person } from '@saraban/organisation';
import { startLineDouble } from '../apps/line-double/src/line-double';
import { startMailCatcher } from '../apps/mail-catcher/src/mail-catcher';
import { createWorld, signIn } from '../test/utils/factories';
import { signInWorld } from '../test/utils/memo-flow';
import { createTestApp } from '../test/utils/test-app';
import { startTestWorker } from '../test/utils/test-worker';
import { isQuickRun } from './lib/bench-options';
import type { BenchRow } from './lib/bench-row';
import { percentile } from './lib/percentile.util';

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

export async function run(): Promise<BenchRow[]> {
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const line = await startLineDouble();
  const t = await createTestApp({
    SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
    LINE_API_BASE_URL: line.baseUrl,
    PUBLIC_BASE_URL: 'http://saraban.bench',
    LOG_LEVEL: 'error',
  });
  let worker: INestApplicationContext | undefined;
  try {
    const db = t.app.get(DataSource);
    const w = await createWorld(db);
    await t.app.get(CertificateService).installSelfSigned(w.org.id, w.org.name);
    const admin = await signIn(t.app, w.org, w.people.admin);
    const http = () => request(t.app.getHttpServer());
    await http()
      .put('/admin/line')
      .set('Authorization', `Bearer ${admin}`)
      .send({ channelSecret: SECRET, accessToken: 'bench-line-access-token-0123' })
      .expect(200);

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
    // A memo for the reminder to be about.
    const tokens = await signInWorld(t.app, w);
    const memo = await http()
      .post('/memos')
      .set('Authorization', `Bearer ${tokens.author}`)
      .send({
        subject: 'ขอให้ส่งรายงานผลการดำเนินงาน',
        body: [{ type: 'paragraph', text: 'เพื่อโปรดทราบและดำเนินการ' }],
        closing: 'จึงเรียนมาเพื่อโปรดทราบ',
        publish: false,
        oitItem: null,
      })
      .expect(201);
    const memoId = (memo.body as { id: string }).id;
    await db.query(
      `INSERT INTO notification_settings (person_id, organisation_id, email, email_digest, quiet_hours)
       VALUES ($1, $2, 'author@bench.local', false, false)`,
      [w.people.author.id, w.org.id],
    );
    await db.query(
      `INSERT INTO line_links (person_id, organisation_id, line_user_id) VALUES ($1, $2, 'Uauthor')`,
      [w.people.author.id, w.org.id],
    );

    worker = await startTestWorker(t.env);
    const queue = worker.get(NotificationQueueService);

    // 1. fan-out to 10,000 people.
    const cpu0 = process.cpuUsage();
    const started = performance.now();
    await queue.enqueueEvents([
      {
        id: randomUUID(),
        organisationId: w.org.id,
        type: 'memo.step_reminder',
        payload: { memoId, recipientUserIds: ids, dueAt: new Date(Date.now() + 3600_000).toISOString() },
        createdAt: new Date().toISOString(),
      },
    ]);
    const pushesOf = () =>
      line.pushes().filter((c) => String((c.body as { to?: string }).to).startsWith('Ubench')).length;
    await until('every send', () => mail.mails.length >= RECIPIENTS && pushesOf() >= RECIPIENTS, 600_000);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const dupMail = mail.mails.length - new Set(mail.mails.map((m) => m.to[0])).size;

    // 2. decision → push latency, paced.
    const pending: string[] = [];
    for (let i = 0; i < DECISIONS; i++) {
      const created = await http()
        .post('/memos')
        .set('Authorization', `Bearer ${tokens.author}`)
        .send({
          subject: `รายงานประจำเดือน ฉบับที่ ${i + 1}`,
          body: [{ type: 'paragraph', text: 'เพื่อโปรดพิจารณา' }],
          closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
          publish: false,
          oitItem: null,
        })
        .expect(201);
      const id = (created.body as { id: string }).id;
      await http()
        .post(`/memos/${id}/submit`)
        .set('Authorization', `Bearer ${tokens.author}`)
        .send({})
        .expect(200);
      await http()
        .post(`/memos/${id}/endorse`)
        .set('Authorization', `Bearer ${tokens.head}`)
        .send({ opinion: 'เห็นควร' })
        .expect(200);
      await http()
        .post(`/memos/${id}/endorse`)
        .set('Authorization', `Bearer ${tokens.chief}`)
        .send({ opinion: 'เห็นควร' })
        .expect(200);
      pending.push(id);
    }
    const decidedAt = new Map<string, number>();
    const decisions: Promise<void>[] = [];
    const t0 = Date.now();
    for (let i = 0; i < pending.length; i++) {
      const due = t0 + i * DECISION_INTERVAL_MS;
      await new Promise((r) => setTimeout(r, Math.max(0, due - Date.now())));
      const id = pending[i];
      decisions.push(
        http()
          .post(`/memos/${id}/decide`)
          .set('Authorization', `Bearer ${tokens.mayor}`)
          .send({ order: 'approved' })
          .expect(200)
          .then(() => void decidedAt.set(id, Date.now())),
      );
    }
    await Promise.all(decisions);
    const decidedPushes = () =>
      line
        .pushes()
        .filter((c) => (c.body as { to?: string }).to === 'Uauthor')
        .map((c) => ({
          at: Date.parse(c.receivedAt),
          text: (c.body as { messages: { text: string }[] }).messages[0].text,
        }))
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
          `${(2 * RECIPIENTS) / seconds >= 0 ? ((2 * RECIPIENTS) / seconds).toFixed(0) : '?'} sends/s over ${seconds.toFixed(1)} s ` +
          `(enqueue → last send recorded by both doubles); this process (API, worker, doubles) used ` +
          `${cpuSeconds.toFixed(1)} s CPU on ${os.cpus().length} cores; duplicate emails: ${dupMail}`,
      },
      {
        name: 'decision → LINE push to the writer',
        operations: latencies.length,
        opsPerSecond: 1000 / DECISION_INTERVAL_MS,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        target: 'p99 ≤ 2000 ms',
        met: percentile(latencies, 99) <= 2000,
        notes: `decisions at ${1000 / DECISION_INTERVAL_MS}/s open loop; from the decision's HTTP answer to the push at the LINE double (each decision also starts its document flow in Chromium)`,
      },
    ];
  } finally {
    await worker?.close();
    await t.close();
    await mail.close();
    await line.close();
  }
}
