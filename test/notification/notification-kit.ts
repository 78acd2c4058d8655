import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { NotificationJob, notificationJobId } from '@saraban/notification';
import { postMemo } from '../utils/memo-flow';

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
