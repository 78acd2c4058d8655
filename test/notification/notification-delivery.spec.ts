import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import type { LineDouble } from '../../apps/line-double/src/line-double';
import type { MailCatcher } from '../../apps/mail-catcher/src/mail-catcher';
import { createWorld, signIn, type World } from '../utils/factories';
import { command, draftAndDecide, postMemo, signInWorld, type SignedInWorld } from '../utils/memo-flow';
import type { TestApp } from '../utils/test-app';
import { waitFor } from '../utils/wait-for';
import type { Person } from '../utils/entities';
import { startNotificationRig, type NotificationRig } from './notification-kit';

const BASE = 'http://saraban.test';
const CHANNEL_SECRET = 'line-channel-secret-0123456789abcdef';
const lineUser = (p: Person) => `U${p.id.replace(/-/g, '')}`;
const emailOf = (p: Person) => `${p.username}@saraban.test`;

/** A signed LINE webhook call, as LINE sends it. */
function lineBody(events: unknown[]): { body: string; signature: string } {
  const body = JSON.stringify({ destination: 'Uoa', events });
  return { body, signature: createHmac('sha256', CHANNEL_SECRET).update(body).digest('base64') };
}

describe('notifications: in-app, email (mail catcher), LINE (LINE double), webhooks', () => {
  let t: TestApp;
  let db: DataSource;
  let w: World;
  let tokens: SignedInWorld;
  let admin: string;
  let rig: NotificationRig;
  let mail: MailCatcher;
  let line: LineDouble;
  let hookServer: Server;
  let hookUp = false;
  const hookCalls: { headers: Record<string, string>; body: string; answered: number }[] = [];
  let hookSecret = '';

  const http = () => request(t.app.getHttpServer());
  const mailsTo = (p: Person) => mail.mails.filter((m) => m.to.includes(emailOf(p)));
  const pushesTo = (p: Person) => line.pushes().filter((c) => (c.body as { to: string }).to === lineUser(p));
  const pushText = (c: { body: unknown }) => (c.body as { messages: { text: string }[] }).messages[0].text;

  async function linkLine(token: string, p: Person): Promise<void> {
    const code = await http()
      .post('/notifications/line/code')
      .set('Authorization', `Bearer ${token}`)
      .expect(201);
    const { body, signature } = lineBody([
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        webhookEventId: `e-${p.id}`,
        deliveryContext: { isRedelivery: false },
        replyToken: `r-${p.id}`,
        source: { type: 'user', userId: lineUser(p) },
        message: {
          id: '1',
          type: 'text',
          quoteToken: 'q',
          text: `รหัส ${(code.body as { code: string }).code}`,
        },
      },
    ]);
    await http()
      .post(`/line/webhook/${w.org.code}`)
      .set('content-type', 'application/json')
      .set('x-line-signature', signature)
      .send(body)
      .expect(200);
    const status = await http()
      .get('/notifications/line')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect((status.body as { linked: boolean }).linked).toBe(true);
  }

  beforeAll(async () => {
    hookServer = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const answered = hookUp ? 204 : 503;
        hookCalls.push({
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks).toString(),
          answered,
        });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((r) => hookServer.listen(0, '127.0.0.1', () => r()));

    rig = await startNotificationRig(
      {
        PUBLIC_BASE_URL: BASE,
        WEBHOOK_BACKOFF_MS: '100',
        WEBHOOK_ATTEMPTS: '12',
        // The test's receiver listens on loopback: allowed by name, every other internal network refused.
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1',
      },
      { line: true, queue: false, worker: false },
    );
    ({ t, db, mail, line } = rig);
    w = await createWorld(db);
    tokens = await signInWorld(t.app, w);
    admin = await signIn(t.app, w.org, w.people.admin);
    await http()
      .put('/admin/line')
      .set('Authorization', `Bearer ${admin}`)
      .send({ channelSecret: CHANNEL_SECRET, accessToken: 'line-access-token-for-the-double' })
      .expect(200);
    const people: [string, Person][] = [
      [tokens.author, w.people.author],
      [tokens.head, w.people.head],
      [tokens.chief, w.people.chief],
      [tokens.mayor, w.people.mayor],
    ];
    for (const [token, p] of people) {
      // Quiet hours off: the test must not depend on the hour it runs at (quiet hours: delivery-plan spec).
      await http()
        .put('/notifications/preferences')
        .set('Authorization', `Bearer ${token}`)
        .send({ email: emailOf(p), emailDigest: false, quietHours: false, channels: [] })
        .expect(200);
      await linkLine(token, p);
    }
    const sub = await http()
      .post('/admin/webhooks')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`,
        events: ['memo.submitted', 'memo.decided'],
        description: 'ระบบทดสอบ',
      })
      .expect(201);
    hookSecret = (sub.body as { secret: string }).secret;
    // Internal addresses other than the allowed receiver are refused (SSRF): the cloud metadata
    // service, a private network, loopback by another spelling.
    for (const url of [
      'http://169.254.169.254/latest/meta-data',
      'http://10.0.0.5/hook',
      'http://[::1]:8080/x',
    ]) {
      const refused = await http()
        .post('/admin/webhooks')
        .set('Authorization', `Bearer ${admin}`)
        .send({ url, events: ['memo.submitted'], description: 'ภายใน' })
        .expect(400);
      expect(refused.body as { code: string }).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(refused.body)).toContain('เครือข่ายภายใน');
    }
    // The admin page's form says why, in Thai.
    const page = await http()
      .post('/app/admin/notifications/webhooks')
      .set('Authorization', `Bearer ${admin}`)
      .type('form')
      .send({ url: 'http://169.254.169.254/latest/meta-data', events: 'memo.submitted', description: '' })
      .expect(400);
    expect(page.text).toContain('ที่อยู่นี้ชี้ไปยังเครือข่ายภายในของระบบ');
    // The web's settings forms are read with the API's schemas: the same refusals, in Thai.
    const noEvent = await http()
      .post('/app/admin/notifications/webhooks')
      .set('Authorization', `Bearer ${admin}`)
      .type('form')
      .send({ url: 'https://integrator.example/hook', description: '' })
      .expect(400);
    expect(noEvent.text).toContain('เลือกอย่างน้อยหนึ่งเหตุการณ์');
    const shortSecret = await http()
      .post('/app/admin/notifications/line')
      .set('Authorization', `Bearer ${admin}`)
      .type('form')
      .send({ channelSecret: 'short', accessToken: 't'.repeat(40) })
      .expect(400);
    expect(shortSecret.text).toContain('ต้องยาวอย่างน้อย 16 ตัวอักษร');
    const apiShortSecret = await http()
      .put('/admin/line')
      .set('Authorization', `Bearer ${admin}`)
      .send({ channelSecret: 'short', accessToken: 't'.repeat(40) })
      .expect(400);
    expect(JSON.stringify(apiShortSecret.body)).toContain('ต้องยาวอย่างน้อย 16 ตัวอักษร');
    const badEmail = await http()
      .post('/app/me/notifications')
      .set('Authorization', `Bearer ${tokens.author}`)
      .type('form')
      .send({ email: 'somchai@', emailDigest: 'on' })
      .expect(400);
    expect(badEmail.text).toContain('อีเมลไม่ถูกต้อง');
    await rig.startWorker();
  });

  afterAll(async () => {
    await rig?.close();
    await new Promise<void>((r) => (hookServer ? hookServer.close(() => r()) : r()));
  });

  /** The author drafts a memo (a request for approval unless `fields` say otherwise) and submits it. */
  async function submitted(subject: string, fields: Record<string, unknown> = {}): Promise<string> {
    const { id } = await postMemo(t.app, tokens.author, {
      subject,
      body: [{ type: 'paragraph', text: 'ขออนุมัติดำเนินการตามระเบียบ' }],
      closing: 'จึงเรียนมาเพื่อโปรดพิจารณา',
      publish: false,
      oitItem: null,
      ...fields,
    });
    await command(t.app, tokens.author, id, 'submit').expect(200);
    return id;
  }

  /** GET /notifications as someone. */
  const notificationsOf = (token: string) =>
    http().get('/notifications').set('Authorization', `Bearer ${token}`).expect(200);

  /** The person's email and LINE push about this memo arrive within 2 s, each with the memo's deep link. */
  async function expectNotified(p: Person, memoId: string, subject: string, what: string): Promise<void> {
    const link = `${BASE}/app/memos/${memoId}`;
    const email = await waitFor(
      () => mailsTo(p).find((m) => m.text.includes(link) && m.subject.includes(subject)),
      `${what}: the email to ${p.fullName}`,
      { timeoutMs: 2000 },
    );
    expect(email.html).toContain(`href="${link}"`);
    const push = await waitFor(
      () => pushesTo(p).find((c) => pushText(c).includes(link)),
      `${what}: the LINE push to ${p.fullName}`,
      { timeoutMs: 2000 },
    );
    expect(pushText(push)).toContain(subject);
    expect(push.authorization).toBe('Bearer line-access-token-for-the-double');
  }

  it('submission → the first approver; endorsement → the next; return → the writer (email, LINE, in-app)', async () => {
    const subject = 'ขออนุมัติจัดซื้อวัสดุสำนักงาน';
    const memoId = await submitted(subject);
    await expectNotified(w.people.head, memoId, subject, 'submitted');

    const list = await notificationsOf(tokens.head);
    const inApp = list.body as {
      unread: number;
      items: { id: string; kind: string; link: string; summary: string }[];
    };
    expect(inApp.unread).toBe(1);
    expect(inApp.items[0]).toMatchObject({ kind: 'new_work', link: `${BASE}/app/memos/${memoId}` });
    expect(inApp.items[0].summary).toContain('หัวหน้าสำนักปลัด');
    await http()
      .post(`/notifications/${inApp.items[0].id}/read`)
      .set('Authorization', `Bearer ${tokens.head}`)
      .expect(204);
    // Someone else's notification is not found for me.
    await http()
      .post(`/notifications/${inApp.items[0].id}/read`)
      .set('Authorization', `Bearer ${tokens.chief}`)
      .expect(404);

    await http()
      .post(`/memos/${memoId}/endorse`)
      .set('Authorization', `Bearer ${tokens.head}`)
      .send({ opinion: 'เห็นควรอนุมัติ' })
      .expect(200);
    await expectNotified(w.people.chief, memoId, subject, 'endorsed');

    await http()
      .post(`/memos/${memoId}/return`)
      .set('Authorization', `Bearer ${tokens.chief}`)
      .send({ reason: 'กรุณาแนบใบเสนอราคา' })
      .expect(200);
    await expectNotified(w.people.author, memoId, subject, 'returned');
    const mine = await notificationsOf(tokens.author);
    expect((mine.body as { items: { kind: string }[] }).items[0].kind).toBe('returned');
    // A returned memo is work waiting for its writer: it is in the writer's inbox.
    const inbox = await http().get('/inbox').set('Authorization', `Bearer ${tokens.author}`).expect(200);
    const waiting = inbox.body as { total: number; returned: { memoId: string; returnReason: string }[] };
    expect(waiting.returned).toEqual([
      expect.objectContaining({ memoId, returnReason: 'กรุณาแนบใบเสนอราคา' }),
    ]);
    expect(waiting.total).toBe(1);

    // Each person was told once per event: no duplicate sends.
    expect(mailsTo(w.people.head).filter((m) => m.subject.includes(subject))).toHaveLength(1);
    expect(pushesTo(w.people.chief).filter((c) => pushText(c).includes(subject))).toHaveLength(1);
  });

  it('submission → the copies (สำเนาเรียน) for information, each person once', async () => {
    const subject = 'แจ้งกำหนดการประชุมประจำเดือน';
    const memoId = await submitted(subject, {
      body: [{ type: 'paragraph', text: 'ขอแจ้งกำหนดการประชุมประจำเดือนเพื่อทราบ' }],
      closing: 'จึงเรียนมาเพื่อโปรดทราบ',
      // The mayor by name; the writer's unit (its clerk, the head who approves first, the writer).
      copies: [
        { kind: 'person', id: w.people.mayor.id },
        { kind: 'unit', id: w.unit.id },
      ],
    });
    await expectNotified(w.people.mayor, memoId, subject, 'copied');
    const about = async (token: string) =>
      (
        (await notificationsOf(token)).body as {
          items: { kind: string; link: string; summary: string }[];
        }
      ).items.filter((n) => n.link.endsWith(memoId));
    const mayors = await about(tokens.mayor);
    expect(mayors).toEqual([expect.objectContaining({ kind: 'copied', summary: 'สำเนาเรียนท่านเพื่อทราบ' })]);
    // The head is the first approver and in the unit: told once, of the work.
    expect((await about(tokens.head)).map((n) => n.kind)).toEqual(['new_work']);
    // The writer is in the unit too, and is not told of a copy of their own memo.
    expect(await about(tokens.author)).toEqual([]);
    expect(mailsTo(w.people.mayor).filter((m) => m.subject.includes(subject))).toHaveLength(1);
  });

  it('decision → the writer', async () => {
    const subject = 'รายงานผลการดำเนินงานประจำเดือน';
    const { memoId } = await draftAndDecide(t.app, tokens, { subject, publish: false, oitItem: null });
    await expectNotified(w.people.author, memoId, subject, 'decided');
    const mine = await notificationsOf(tokens.author);
    const decided = (
      mine.body as { items: { kind: string; memoId: string; readAt: string | null }[] }
    ).items.find((i) => i.memoId === memoId && i.kind === 'decided');
    expect(decided).toMatchObject({ readAt: null });

    // Opening the memo's page reads its notifications: the unread count drops by them.
    const unreadBefore = (mine.body as { unread: number }).unread;
    const aboutMemo = (mine.body as { items: { memoId: string; readAt: string | null }[] }).items.filter(
      (i) => i.memoId === memoId && i.readAt === null,
    ).length;
    await http().get(`/app/memos/${memoId}`).set('Authorization', `Bearer ${tokens.author}`).expect(200);
    const after = await notificationsOf(tokens.author);
    const read = after.body as { unread: number; items: { memoId: string; readAt: string | null }[] };
    expect(read.items.filter((i) => i.memoId === memoId).every((i) => i.readAt !== null)).toBe(true);
    expect(aboutMemo).toBeGreaterThan(0);
    expect(read.unread).toBe(unreadBefore - aboutMemo);
  });

  it('refuses a LINE webhook with a bad signature, and a person can unlink LINE', async () => {
    const { body } = lineBody([]);
    const bad = await http()
      .post(`/line/webhook/${w.org.code}`)
      .set('content-type', 'application/json')
      .set('x-line-signature', createHmac('sha256', 'another-secret').update(body).digest('base64'))
      .send(body)
      .expect(401);
    expect((bad.body as { code: string }).code).toBe('LINE_SIGNATURE_INVALID');
    await http()
      .post(`/line/webhook/${w.org.code}`)
      .set('content-type', 'application/json')
      .send(body)
      .expect(401);

    await http().delete('/notifications/line').set('Authorization', `Bearer ${tokens.head}`).expect(204);
    const status = await http()
      .get('/notifications/line')
      .set('Authorization', `Bearer ${tokens.head}`)
      .expect(200);
    expect((status.body as { linked: boolean }).linked).toBe(false);
    const before = pushesTo(w.people.head).length;
    const subject = 'ขอความเห็นชอบโครงการ';
    const memoId = await submitted(subject);
    // The email still comes; the LINE push does not (the delivery is skipped: not linked).
    await waitFor(
      () => mailsTo(w.people.head).find((m) => m.subject.includes(subject)),
      'the email after unlinking',
    );
    await waitFor(async () => {
      const rows: { status: string }[] = await db.query(
        `SELECT d.status FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE n.memo_id = $1 AND d.channel = 'line'`,
        [memoId],
      );
      return rows.length === 1 && rows[0].status === 'skipped';
    }, 'the LINE delivery skipped');
    expect(pushesTo(w.people.head)).toHaveLength(before);
  });

  it('a webhook subscriber that is down gets the event after it comes back, signed per Standard Webhooks', async () => {
    hookUp = false;
    const subject = 'แจ้งเวียนประกาศ';
    const memoId = await submitted(subject);
    const about = () => hookCalls.filter((c) => c.body.includes(memoId));
    await waitFor(() => about().filter((c) => c.answered === 503).length >= 2, 'two refused attempts');
    const log = await http()
      .get('/admin/webhook-deliveries')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const entry = (log.body as { id: string; status: string; attempts: number; lastStatus: number }[])[0];
    expect(entry).toMatchObject({ status: 'pending', lastStatus: 503 });

    hookUp = true;
    const delivered = await waitFor(
      () => about().find((c) => c.answered === 204),
      'the delivery once it is up',
      {
        timeoutMs: 30_000,
      },
    );
    const payload = new Webhook(hookSecret).verify(delivered.body, delivered.headers) as {
      type: string;
      data: { memoId: string };
    };
    expect(payload).toMatchObject({ type: 'memo.submitted', data: { memoId } });
    expect(delivered.headers['webhook-id']).toBe(entry.id);
    await waitFor(async () => {
      const res = await http().get('/admin/webhook-deliveries').set('Authorization', `Bearer ${admin}`);
      return (
        (res.body as { id: string; status: string }[]).find((d) => d.id === entry.id)?.status === 'delivered'
      );
    }, 'the log says delivered');

    // Replay: sent again, with the same webhook-id.
    const count = about().length;
    await http()
      .post(`/admin/webhook-deliveries/${entry.id}/replay`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(202);
    await waitFor(() => about().length > count, 'the replay');
    expect(about()[about().length - 1].headers['webhook-id']).toBe(entry.id);
    // Other organisations' admins cannot replay it.
    await http()
      .post(`/admin/webhook-deliveries/${entry.id}/replay`)
      .set('Authorization', `Bearer ${tokens.head}`)
      .expect(403);
  });
});
