import { Queue } from 'bullmq';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { NotificationJob, notificationJobId } from '@saraban/notification';
import { bangkokDateString } from '@saraban/thai-format';
import type { LineDouble } from '../../apps/line-double/src/line-double';
import type { MailCatcher } from '../../apps/mail-catcher/src/mail-catcher';
import { createPerson, createWorld, signIn, type World } from '../utils/factories';
import type { TestApp } from '../utils/test-app';
import { addFanOut, stepReminderEvent } from './notification-kit';
import { draftReportRequest, setEmailSettings, startNotificationRig } from './notification-kit';
import type { NotificationRig } from './notification-kit';
import { waitFor } from '../utils/wait-for';

const MULTICAST = '/v2/bot/message/multicast';
/** Small batches, so that seven people make several batches and several LINE requests. */
const LINE_BATCH = 3;
const EMAIL_BATCH = 4;

interface Recipient {
  id: string;
  email: string;
  lineUserId: string;
}

/**
 * Notification sends in batches (issue 13's fan-out): LINE multicast per batch, emails over the
 * SMTP pool, each delivery sent exactly once however a batch is retried, and held deliveries
 * (quiet hours) kept in PostgreSQL until the release sweep sends them.
 */
describe('notification batches: multicast, exactly once under retries, held deliveries', () => {
  let t: TestApp;
  let db: DataSource;
  let rig: NotificationRig;
  let mail: MailCatcher;
  let line: LineDouble;
  let queue: Queue;

  beforeAll(async () => {
    rig = await startNotificationRig(
      {
        LINE_MULTICAST_SIZE: String(LINE_BATCH),
        EMAIL_BATCH_SIZE: String(EMAIL_BATCH),
        NOTIFICATION_RELEASE_MS: '200',
      },
      { line: true },
    );
    ({ t, db, mail, line, queue } = rig);
  });

  afterAll(() => rig?.close());

  /** An organisation with a LINE OA, a memo, and `n` people with an address and a linked LINE account. */
  async function organisation(
    n: number,
    o: { quietHours: boolean; holidayToday?: boolean },
  ): Promise<{ w: World; memoId: string; people: Recipient[] }> {
    const today = bangkokDateString(new Date());
    const w = await createWorld(
      db,
      o.holidayToday
        ? { workingTime: { holidays: { [today.slice(0, 4)]: [{ date: today, name: 'วันหยุดของหน่วยงาน' }] } } }
        : {},
    );
    const admin = await signIn(t.app, w.org, w.people.admin);
    await request(t.app.getHttpServer())
      .put('/admin/line')
      .set('Authorization', `Bearer ${admin}`)
      .send({ channelSecret: 'batch-line-channel-secret-0123456789', accessToken: 'batch-line-token' })
      .expect(200);
    const author = await signIn(t.app, w.org, w.people.author);
    const memoId = await draftReportRequest(t.app, author);
    const people: Recipient[] = [];
    for (let i = 0; i < n; i++) {
      const p = await createPerson(db, w.org, { fullName: `ผู้รับ ${i + 1}` });
      const r = { id: p.id, email: `${p.username}@batch.test`, lineUserId: `U${p.id.replace(/-/g, '')}` };
      await setEmailSettings(db, {
        personId: r.id,
        organisationId: w.org.id,
        email: r.email,
        quietHours: o.quietHours,
      });
      await db.query(
        `INSERT INTO line_links (person_id, organisation_id, line_user_id) VALUES ($1, $2, $3)`,
        [r.id, w.org.id, r.lineUserId],
      );
      people.push(r);
    }
    return { w, memoId, people };
  }

  /** A reminder naming these people, handed to the notification queue as the outbox relay hands it. */
  async function remind(w: World, memoId: string, people: Recipient[], jobIds = 1): Promise<string> {
    const event = stepReminderEvent(
      w.org.id,
      memoId,
      people.map((p) => p.id),
    );
    // More than one job id: the same event fanned out more than once (as if relayed again later).
    for (let i = 0; i < jobIds; i++) {
      const jobId =
        i === 0 ? notificationJobId.fanOut(event.id) : `${notificationJobId.fanOut(event.id)}.again${i}`;
      await addFanOut(queue, event, jobId);
    }
    return event.id;
  }

  const linesTo = (p: Recipient) => line.received().filter((m) => m.to === p.lineUserId);
  const mailsTo = (p: Recipient) => mail.mails.filter((m) => m.to.includes(p.email));
  const statuses = async (eventId: string) =>
    (
      await db.query<{ status: string; n: number }[]>(
        `SELECT d.status, count(*)::int AS n FROM notification_deliveries d
           JOIN notifications n ON n.id = d.notification_id WHERE n.event_id = $1 GROUP BY d.status`,
        [eventId],
      )
    ).reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: r.n }), {});

  it('sends LINE by multicast per batch; a batch retried after a lost answer reaches nobody twice', async () => {
    const { w, memoId, people } = await organisation(7, { quietHours: false });
    const multicastsBefore = line.multicasts().length;
    const repeatsBefore = line.repeatedRetryKeys();
    // The first multicast is delivered but its answer is lost; the one after is refused outright;
    // one person's mailbox refuses once.
    line.fault({ path: MULTICAST, times: 1, mode: 'lose-answer' });
    line.fault({ path: MULTICAST, times: 1, mode: 'refuse', status: 500 });
    mail.refuseRecipient(people[2].email, 1);

    const eventId = await remind(w, memoId, people);
    await waitFor(async () => (await statuses(eventId)).sent === 14, 'all 14 deliveries sent', {
      timeoutMs: 20_000,
    });

    for (const p of people) {
      expect(linesTo(p)).toHaveLength(1);
      expect(mailsTo(p)).toHaveLength(1);
    }
    expect(linesTo(people[0])[0].messages[0].text).toContain(`http://saraban.test/app/memos/${memoId}`);
    expect(linesTo(people[0])[0].authorization).toBe('Bearer batch-line-token');
    // Seven people in batches of three: two multicasts of three and one push, each once.
    const multicasts = line.multicasts().slice(multicastsBefore);
    expect(multicasts.map((c) => (c.body as { to: string[] }).to.length).sort()).toEqual([3, 3]);
    // The delivered request whose answer was lost was repeated under its retry key: LINE said 409.
    expect(line.repeatedRetryKeys() - repeatsBefore).toBeGreaterThanOrEqual(1);
    const [refused] = await db.query<{ attempts: number }[]>(
      `SELECT d.attempts FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.event_id = $1 AND d.person_id = $2 AND d.channel = 'email'`,
      [eventId, people[2].id],
    );
    expect(refused.attempts).toBe(2);
  });

  it('an event fanned out twice is sent once', async () => {
    const { w, memoId, people } = await organisation(5, { quietHours: false });
    const eventId = await remind(w, memoId, people, 2);
    await waitFor(async () => (await statuses(eventId)).sent === 10, 'all 10 deliveries sent', {
      timeoutMs: 20_000,
    });
    // Both fan-outs ran (their jobs completed) before counting what arrived.
    await waitFor(async () => {
      const jobs = await queue.getJobs(['completed']);
      return (
        jobs.filter(
          (j) => j.name === String(NotificationJob.FanOut) && (j.data as { id: string }).id === eventId,
        ).length === 2
      );
    }, 'both fan-out jobs done');
    const [rows] = await db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM notifications WHERE event_id = $1`,
      [eventId],
    );
    expect(rows.n).toBe(5);
    for (const p of people) {
      expect(linesTo(p)).toHaveLength(1);
      expect(mailsTo(p)).toHaveLength(1);
    }
  });

  it('outside working time (a holiday of the organisation) deliveries wait in PostgreSQL, then go out once', async () => {
    const { w, memoId, people } = await organisation(4, { quietHours: true, holidayToday: true });
    const eventId = await remind(w, memoId, people);
    const held = await waitFor(async () => {
      const s = await statuses(eventId);
      return s.held === 8 ? s : null;
    }, 'eight held deliveries');
    expect(held).toEqual({ held: 8 });
    const [due] = await db.query<{ due: Date; batches: number }[]>(
      `SELECT min(d.due_at) AS due, count(d.batch_id)::int AS batches FROM notification_deliveries d
         JOIN notifications n ON n.id = d.notification_id WHERE n.event_id = $1`,
      [eventId],
    );
    // Held until the next working day's opening (not today: today is the organisation's holiday),
    // with no batch and so no job in Redis.
    expect(bangkokDateString(due.due) > bangkokDateString(new Date())).toBe(true);
    expect(due.batches).toBe(0);
    const sendJobs = async () =>
      (await queue.getJobs(['waiting', 'delayed', 'active', 'completed'])).filter(
        (j) => j.name === String(NotificationJob.Send),
      ).length;
    const jobsBefore = await sendJobs();

    // The office opens (time moved on): the release sweep sends them.
    await db.query(
      `UPDATE notification_deliveries d SET due_at = now() - interval '1 second'
         FROM notifications n WHERE n.id = d.notification_id AND n.event_id = $1`,
      [eventId],
    );
    await waitFor(async () => (await statuses(eventId)).sent === 8, 'the held deliveries sent', {
      timeoutMs: 20_000,
    });
    // Four people: one LINE batch of three and one of one, one email batch of four.
    expect((await sendJobs()) - jobsBefore).toBe(3);
    for (const p of people) {
      expect(linesTo(p)).toHaveLength(1);
      expect(mailsTo(p)).toHaveLength(1);
    }
  });
});
