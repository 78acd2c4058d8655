import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { notificationJobId } from '@saraban/notification';
import type { MailCatcher } from '../../apps/mail-catcher/src/mail-catcher';
import { createPerson, createWorld, signIn } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { addFanOut, stepReminderEvent } from './notification-kit';
import { draftReportRequest, setEmailSettings, startNotificationRig } from './notification-kit';
import type { NotificationRig } from './notification-kit';
import { waitFor } from '../utils/wait-for';

/** One send job makes five attempts (SEND_JOB_OPTIONS); the test allows ten in all. */
const MAX_ATTEMPTS = 10;

/**
 * A mail server that refuses for longer than one send job's attempts (issue 13: nothing is lost):
 * the job gives up, its deliveries wait a pause and the release sweep runs the same job again with
 * fresh attempts; a delivery is failed only after NOTIFICATION_MAX_ATTEMPTS attempts in all.
 */
describe('notifications through an outage longer than a job’s attempts', () => {
  let t: TestApp;
  let db: DataSource;
  let rig: NotificationRig;
  let mail: MailCatcher;
  let queue: Queue;

  beforeAll(async () => {
    rig = await startNotificationRig({
      NOTIFICATION_RELEASE_MS: '200',
      NOTIFICATION_RETRY_ROUND_MS: '100',
      NOTIFICATION_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      JOB_LOCK_MS: '1000',
    });
    ({ t, db, mail, queue } = rig);
  });

  afterAll(() => rig?.close());

  it('a delivery refused past its job’s attempts is sent later, once; one refused for good ends failed', async () => {
    const w = await createWorld(db);
    const author = await signIn(t.app, w.org, w.people.author);
    const memoId = await draftReportRequest(t.app, author);
    const people: { id: string; email: string }[] = [];
    for (const name of ['ผู้รับ ก', 'ผู้รับ ข']) {
      const p = await createPerson(db, w.org, { fullName: name });
      const email = `${p.username}@outage.test`;
      await setEmailSettings(db, { personId: p.id, organisationId: w.org.id, email, quietHours: false });
      people.push({ id: p.id, email });
    }
    const [recovers, neverRecovers] = people;
    // Seven refusals: the first job's five attempts and two of the second round's.
    mail.refuseRecipient(recovers.email, 7);
    mail.refuseRecipient(neverRecovers.email, 1_000);

    const event = stepReminderEvent(
      w.org.id,
      memoId,
      people.map((p) => p.id),
    );
    const eventId = event.id;
    await addFanOut(queue, event);
    const email = async (personId: string) => {
      const [row] = await db.query<{ status: string; attempts: number; batch_id: string }[]>(
        `SELECT d.status, d.attempts, d.batch_id FROM notification_deliveries d
           JOIN notifications n ON n.id = d.notification_id
          WHERE n.event_id = $1 AND d.person_id = $2 AND d.channel = 'email'`,
        [eventId, personId],
      );
      return row;
    };

    const sent = await waitFor(
      async () => {
        const row = await email(recovers.id);
        return row?.status === 'sent' ? row : null;
      },
      'the refused delivery sent in a later round',
      { timeoutMs: 60_000 },
    );
    // More failed attempts than one send job makes (five): it was sent by a later run of the job.
    expect(sent.attempts).toBeGreaterThan(5);
    expect(sent.attempts).toBeLessThan(MAX_ATTEMPTS);
    expect(mail.mails.filter((m) => m.to.includes(recovers.email))).toHaveLength(1);
    const job = await queue.getJob(notificationJobId.send(sent.batch_id));
    expect(job).toBeDefined();

    const failed = await waitFor(
      async () => {
        const row = await email(neverRecovers.id);
        return row?.status === 'failed' ? row : null;
      },
      'the delivery refused for good marked failed',
      { timeoutMs: 60_000 },
    );
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(mail.mails.filter((m) => m.to.includes(neverRecovers.email))).toHaveLength(0);
  });
});
