import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NOTIFICATION_QUEUE, NotificationJob, notificationJobId } from '@saraban/notification';
import { startLineDouble, type LineDouble } from '../../apps/line-double/src/line-double';
import { startMailCatcher, type MailCatcher } from '../../apps/mail-catcher/src/mail-catcher';
import { postMemo } from '../utils/memo-flow';
import { createTestApp, openTestQueue, type TestApp } from '../utils/test-app';
import { startTestWorker } from '../utils/test-worker';

/** A draft memo asking for a report: something for the notifications to be about. */
export async function draftReportRequest(app: INestApplication, token: string): Promise<string> {
  const memo = await postMemo(app, token, {
    subject: 'ขอให้ส่งรายงานผลการดำเนินงาน',
    body: [{ type: 'paragraph', text: 'เพื่อโปรดดำเนินการ' }],
    closing: 'จึงเรียนมาเพื่อโปรดทราบ',
    publish: false,
    oitItem: null,
  });
  return memo.id;
}

/** A person's notification settings: email to this address, no digest. */
export async function setEmailSettings(
  db: DataSource,
  p: { personId: string; organisationId: string; email: string; quietHours: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO notification_settings (person_id, organisation_id, email, email_digest, quiet_hours)
     VALUES ($1, $2, $3, false, $4)`,
    [p.personId, p.organisationId, p.email, p.quietHours],
  );
}

/** The outbox event of a step reminder naming these people, as the outbox relay hands it on. */
export function stepReminderEvent(organisationId: string, memoId: string, recipientUserIds: string[]) {
  return {
    id: randomUUID(),
    organisationId,
    type: 'memo.step_reminder',
    payload: { memoId, recipientUserIds, dueAt: new Date().toISOString() },
    createdAt: new Date().toISOString(),
  };
}

/** Hands an event to the notification queue as the outbox relay does (one fan-out job per event id). */
export async function addFanOut(
  queue: Queue,
  event: { id: string },
  jobId = notificationJobId.fanOut(event.id),
) {
  await queue.add(NotificationJob.FanOut, event, { jobId });
}

/** The API on a fresh database with a mail catcher (and a LINE double), the notification queue and a worker. */
export interface NotificationRig {
  t: TestApp;
  db: DataSource;
  mail: MailCatcher;
  /** Only with `line: true`. */
  line: LineDouble;
  /** Only with `queue: true`. */
  queue: Queue;
  /** Starts the worker, when the rig was made without one (`worker: false`). */
  startWorker: () => Promise<void>;
  close: () => Promise<void>;
}

export async function startNotificationRig(
  env: Record<string, string>,
  o: { line?: boolean; queue?: boolean; worker?: boolean } = {},
): Promise<NotificationRig> {
  // Closed in the reverse order of starting, also when a later start fails.
  const closers: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const c of closers.splice(0).reverse()) await c();
  };
  try {
    const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
    closers.push(() => mail.close());
    const line = o.line ? await startLineDouble() : undefined;
    if (line) closers.push(() => line.close());
    const t = await createTestApp({
      PUBLIC_BASE_URL: 'http://saraban.test',
      SMTP_URL: `smtp://127.0.0.1:${mail.smtpPort}`,
      ...(line ? { LINE_API_BASE_URL: line.baseUrl } : {}),
      ...env,
    });
    closers.push(() => t.close());
    const startWorker = async () => {
      const worker = await startTestWorker(t.env);
      closers.push(() => worker.close());
    };
    const queue = o.queue === false ? undefined : openTestQueue(t, NOTIFICATION_QUEUE);
    if (o.worker !== false) await startWorker();
    // The queue closes first (before the worker), as it was opened before it.
    if (queue) closers.push(() => queue.close());
    return { t, db: t.app.get(DataSource), mail, line: line!, queue: queue!, startWorker, close };
  } catch (err) {
    await close();
    throw err;
  }
}
